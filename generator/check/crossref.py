"""Checks across files: every id a file names must exist, and dates must be in order."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.errors import START, Diagnostic
from generator.kit import Kit
from generator.model import Entity, Interview
from generator.read.validate import did_you_mean
from generator.read.yaml_source import KeyPath


@dataclass
class _Checker:
    kit: Kit
    # Ids whose file exists but failed validation, by folder: those were reported already.
    broken: Mapping[str, Collection[str]]
    problems: list[Diagnostic] = field(default_factory=list)

    def refer(self, entity: Entity, loc: KeyPath, wanted: str, folder: str, what: str) -> None:
        known: Mapping[str, Any] = getattr(self.kit, _KIT_ATTRIBUTE[folder])
        if wanted in known or wanted in self.broken.get(folder, ()):
            return
        self.problems.append(_at(entity, loc, f"no {what} has the id {wanted!r}"
                                 f"{_hint(wanted, known)}"))

    def refer_all(self, entity: Entity, key: str, ids: list[str], folder: str,
                  what: str) -> None:
        for index, wanted in enumerate(ids):
            self.refer(entity, (key, index), wanted, folder, what)


_KIT_ATTRIBUTE = {"fields": "fields", "employers": "employers", "contacts": "contacts",
                  "questions": "question_sets", "interviews": "interviews"}


def cross_check(kit: Kit, *, broken: Mapping[str, Collection[str]]) -> list[Diagnostic]:
    """Errors for unknown ids, self-references and dates that contradict each other."""
    checker = _Checker(kit, broken)
    for contact in kit.contacts.values():
        checker.refer_all(contact, "fields", contact.fields, "fields", "career field")
        if contact.employer is not None:
            checker.refer(contact, ("employer",), contact.employer, "employers", "employer")
        if contact.referred_by == contact.id:
            checker.problems.append(_at(contact, ("referred_by",),
                                        "a contact cannot be referred by themselves"))
        elif contact.referred_by is not None:
            checker.refer(contact, ("referred_by",), contact.referred_by, "contacts", "contact")
    for question_set in kit.question_sets.values():
        checker.refer_all(question_set, "fields", question_set.fields, "fields", "career field")
    for interview in kit.interviews.values():
        _check_interview_references(checker, interview)
        checker.problems += _interview_dates(interview)
    return checker.problems


def _check_interview_references(checker: _Checker, interview: Interview) -> None:
    # A partial model (its file has errors) lacks a broken required key such as `contact`.
    contact_id = interview.contact if "contact" in interview.model_fields_set else None
    if contact_id is not None:
        checker.refer(interview, ("contact",), contact_id, "contacts", "contact")
    if interview.field is not None:
        checker.refer(interview, ("field",), interview.field, "fields", "career field")
    checker.refer_all(interview, "question_sets", interview.question_sets, "questions",
                      "question set")
    checker.refer_all(interview, "referrals", interview.referrals, "contacts", "contact")
    for index, referral in enumerate(interview.referrals):
        if referral == contact_id:
            checker.problems.append(_at(interview, ("referrals", index),
                                        "lists the person you talked to; referrals are the "
                                        "other people they suggested"))
    if interview.offer is not None and interview.kind != "post-offer":
        checker.problems.append(_at(interview, ("offer",), "only a post-offer interview has an "
                                    "offer; set 'kind: post-offer' or remove 'offer'"))


def _interview_dates(interview: Interview) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    outreach = interview.outreach
    if outreach is not None:
        for key in ("replied_on", "nudged_on"):
            day = getattr(outreach, key)
            if day is None:
                continue
            if outreach.sent_on is None:
                problems.append(_at(interview, ("outreach", key),
                                    f"{key} is set but sent_on is missing; add the date you "
                                    "wrote to them"))
            elif day < outreach.sent_on:
                problems.append(_at(interview, ("outreach", key),
                                    f"{day.isoformat()} is before sent_on "
                                    f"({outreach.sent_on.isoformat()})"))
    sent = outreach.sent_on if outreach is not None else None
    for key in ("update_sent_on", "referrer_updated_on"):
        day = getattr(interview, key)
        if day is not None and sent is not None and day < sent:
            problems.append(_at(interview, (key,), f"{day.isoformat()} is before "
                                f"outreach.sent_on ({sent.isoformat()})"))
    thanked = interview.thank_you_sent_on
    if thanked is not None and interview.scheduled is not None:
        met = interview.scheduled.at.date()
        if thanked < met:
            problems.append(_at(interview, ("thank_you_sent_on",),
                                f"{thanked.isoformat()} is before the conversation on "
                                f"{met.isoformat()}"))
    return problems


def _hint(wanted: str, known: Mapping[str, Any]) -> str:
    close = did_you_mean(wanted, known)
    if close:
        return close
    if not known:
        return " (there are none yet)"
    if len(known) <= 8:
        return f" (known: {', '.join(known)})"
    return ""


def _at(entity: Entity, loc: KeyPath, message: str) -> Diagnostic:
    source = entity.source
    if source is None:
        return Diagnostic(entity.id, START, message, code="reference")
    return source.diagnostic(loc, message, code="reference")
