"""The whole kit after loading: every entity by id, in a stable order."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.model import CareerField, Contact, Interview, KitFile, QuestionSet


@dataclass
class Kit:
    """A validated kit. Dicts are keyed by id and sorted by id, so output is deterministic."""

    content_dir: Path
    settings: KitFile
    fields: dict[str, CareerField] = field(default_factory=dict)
    contacts: dict[str, Contact] = field(default_factory=dict)
    question_sets: dict[str, QuestionSet] = field(default_factory=dict)
    interviews: dict[str, Interview] = field(default_factory=dict)
    guide_pages: dict[str, Path] = field(default_factory=dict)
    # Each guide page's Markdown, read once (and only from inside the kit) while loading:
    # render from this text, never by opening `guide_pages[slug]` again.
    guide_texts: dict[str, str] = field(default_factory=dict)

    def field_of(self, interview: Interview) -> CareerField | None:
        """The interview's field, or else its contact's first field."""
        field_id = interview.field
        if field_id is None:
            contact = self.contacts.get(interview.contact)
            field_id = contact.fields[0] if contact and contact.fields else None
        return self.fields.get(field_id) if field_id else None
