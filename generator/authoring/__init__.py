"""Authoring: what helps a user write a kit (scaffolds, the example kit, JSON Schemas, contact
imports). These are the only writers into `content/`, and never overwrite."""
