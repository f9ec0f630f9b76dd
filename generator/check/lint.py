"""Warnings: things that are allowed but probably not what the user wants."""

from __future__ import annotations

from generator.derive.agenda import agenda_warnings, plan_agenda
from generator.derive.employers import employer_warnings
from generator.errors import Diagnostic, Severity
from generator.kit import Kit
from generator.model import Entity


def lint(kit: Kit) -> list[Diagnostic]:
    """Warnings about a cross-checked kit: meetings that do not fit, empty plans, lone fields.
    (Emails to fix before sending depend on the day: see `email_warnings`.)"""
    warnings: list[Diagnostic] = []
    for interview in kit.interviews.values():
        plan = plan_agenda(kit, interview)
        if not plan.slots:
            warnings.append(_warn(interview, ("question_sets",), "this interview has no "
                                  "questions; add a question set or questions of its own",
                                  "no-questions"))
            continue
        for code, message in agenda_warnings(kit, plan):
            loc: tuple[str | int, ...] = ("questions",)
            if code == "over-time" and interview.scheduled:
                loc = ("scheduled", "duration_minutes")
            warnings.append(_warn(interview, loc, message, code))
        if interview.kind == "post-offer" and interview.offer is None:
            warnings.append(_warn(interview, ("kind",), "a post-offer interview usually names "
                                  "the offer: add 'offer: {role: ..., decide_by: ...}'",
                                  "no-offer"))
    fields_with_people = {field_id for contact in kit.contacts.values()
                          for field_id in contact.fields}
    for field_id, career_field in kit.fields.items():
        if field_id not in fields_with_people:
            warnings.append(_warn(career_field, ("name",), "nobody in your contacts works in "
                                  "this field yet; list it in a contact's 'fields'",
                                  "empty-field"))
    return warnings + employer_warnings(kit)


def _warn(entity: Entity, loc: tuple[str | int, ...], message: str, code: str) -> Diagnostic:
    assert entity.source is not None, "entities read from files always have a source"
    found = entity.source.diagnostic(loc, message, code=code)
    return Diagnostic(found.file, found.position, found.message, found.key_path,
                      Severity.WARNING, code)
