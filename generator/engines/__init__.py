"""Engines turn the project the core writes into a site: MkDocs (through the prepkit
plugin) and Zensical."""
