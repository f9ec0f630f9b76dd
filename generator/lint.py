"""Warnings: things that are allowed but probably not what the user wants."""

from __future__ import annotations

from datetime import date, datetime

from generator.content import display_path
from generator.derive import agenda_of, duration_of, must_ask_minutes, relate
from generator.emails import EmailDrafts
from generator.errors import Diagnostic, Position, PrepkitError, Severity
from generator.followups import follow_ups_for
from generator.kit import Kit
from generator.model import Entity


def lint(kit: Kit, *, today: date | None = None) -> list[Diagnostic]:
    """Warnings about a cross-checked kit: meetings that do not fit, empty plans, lone fields,
    and emails to fix before sending (as of `today`, else the build date)."""
    warnings: list[Diagnostic] = []
    for interview in kit.interviews.values():
        agenda = agenda_of(kit, interview)
        if not agenda:
            warnings.append(_warn(interview, ("question_sets",), "this interview has no "
                                  "questions; add a question set or questions of its own",
                                  "no-questions"))
            continue
        needed, available = must_ask_minutes(agenda), duration_of(kit, interview)
        if needed > available:
            loc = ("scheduled", "duration_minutes") if interview.scheduled else ("questions",)
            warnings.append(_warn(interview, loc, f"the must-ask questions need {needed} "
                                  f"minutes but the conversation is {available} minutes; mark "
                                  "some 'priority: nice' or agree on more time", "over-time"))
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
    return warnings + email_warnings(kit, today=today)


def email_warnings(kit: Kit, *, today: date | None = None) -> list[Diagnostic]:
    """The emails each interview's stage calls for, checked: blanks, length, templates."""
    relations = relate(kit, _now(kit, today))
    drafts = EmailDrafts(kit, relations)
    warnings = [Diagnostic(display_path(issue.path), Position(issue.line, 1), issue.message,
                           severity=Severity.WARNING, code=issue.code)
                for issue in drafts.template_issues()]
    for interview in kit.interviews.values():
        stage = relations.interviews[interview.id].stage
        found = drafts.for_interview(interview, follow_ups_for(kit, interview, stage),
                                     for_check=True)
        warnings += [_warn(interview, problem.loc, problem.message, problem.code)
                     for problem in found.problems]
    return warnings


def _now(kit: Kit, today: date | None) -> datetime:
    """'Now' as a build would see it: `today`, else PREPKIT_TODAY or SOURCE_DATE_EPOCH."""
    from generator.site import current_moment, parse_today  # site imports this module

    if today is None:
        try:
            today = parse_today(None)
        except PrepkitError:
            today = None  # a malformed date is reported by the command that reads it
    return current_moment(kit, today)


def _warn(entity: Entity, loc: tuple[str | int, ...], message: str, code: str) -> Diagnostic:
    assert entity.source is not None, "entities read from files always have a source"
    found = entity.source.diagnostic(loc, message, code=code)
    return Diagnostic(found.file, found.position, found.message, found.key_path,
                      Severity.WARNING, code)
