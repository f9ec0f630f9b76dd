"""The whole kit after loading: every entity by id, in a stable order."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.model import CareerField, Contact, Employer, Interview, KitFile, QuestionSet


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
    employers: dict[str, Employer] = field(default_factory=dict)
    # Indexes built on first use; `dataclasses.replace` starts them afresh.
    _with_contact: dict[str, list[Interview]] | None = field(
        default=None, init=False, repr=False, compare=False)
    _referrers: dict[str, str] | None = field(default=None, init=False, repr=False,
                                              compare=False)
    _at_employer: dict[str, list[Contact]] | None = field(default=None, init=False,
                                                          repr=False, compare=False)

    def field_of(self, interview: Interview) -> CareerField | None:
        """The interview's field, or else its contact's first field."""
        field_id = interview.field
        if field_id is None:
            contact = self.contacts.get(interview.contact)
            field_id = contact.fields[0] if contact and contact.fields else None
        return self.fields.get(field_id) if field_id else None

    def interviews_with(self, contact_id: str) -> list[Interview]:
        """The conversations with one contact, in id order."""
        if self._with_contact is None:
            index: dict[str, list[Interview]] = {}
            for interview in self.interviews.values():
                index.setdefault(interview.contact, []).append(interview)
            self._with_contact = index
        return self._with_contact.get(contact_id, [])

    def contacts_at(self, employer_id: str) -> list[Contact]:
        """The contacts linked to one employer (`employer: <id>`), in id order."""
        if self._at_employer is None:
            index: dict[str, list[Contact]] = {}
            for contact in self.contacts.values():
                if contact.employer:
                    index.setdefault(contact.employer, []).append(contact)
            self._at_employer = index
        return self._at_employer.get(employer_id, [])

    def referrer_of(self, contact_id: str) -> Contact | None:
        """Who introduced you to a contact: their `referred_by`, else the person of the
        first conversation (by id) that lists them under `referrals`."""
        if self._referrers is None:
            referrers: dict[str, str] = {}
            for interview in self.interviews.values():
                for referral in interview.referrals:
                    referrers.setdefault(referral, interview.contact)
            for contact in self.contacts.values():
                if contact.referred_by:
                    referrers[contact.id] = contact.referred_by
            self._referrers = referrers
        referrer = self._referrers.get(contact_id)
        return self.contacts.get(referrer) if referrer and referrer != contact_id else None
