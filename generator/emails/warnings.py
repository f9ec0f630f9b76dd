"""The emails' warnings, as `prepkit check` and every build report them: found by drafting
each email, so they belong to rendering, not to checking the kit."""

from __future__ import annotations

from datetime import date

from generator.clock import current_moment
from generator.derive.relations import relate
from generator.emails.drafts import EmailDrafts
from generator.errors import Diagnostic, Position, Severity
from generator.kit import Kit
from generator.model import Entity
from generator.read.content import display_path


def email_warnings(drafts: EmailDrafts) -> list[Diagnostic]:
    """The emails each interview's stage calls for, checked: blanks, length, templates.

    Takes the drafts a build renders its pages from, so each email is rendered once."""
    warnings = [Diagnostic(display_path(issue.path), Position(issue.line, 1), issue.message,
                           severity=Severity.WARNING, code=issue.code)
                for issue in drafts.template_issues()]
    for interview in drafts.kit.interviews.values():
        warnings += [_warn(interview, problem.loc, problem.message, problem.code)
                     for problem in drafts.problems_for(interview)]
    return warnings



def kit_email_warnings(kit: Kit, today: date | None) -> list[Diagnostic]:
    """Every email of a valid kit drafted as of `today` (None: the kit's real today), checked."""
    return email_warnings(EmailDrafts(kit, relate(kit, current_moment(kit, today))))


def _warn(entity: Entity, loc: tuple[str | int, ...], message: str, code: str) -> Diagnostic:
    assert entity.source is not None, "entities read from files always have a source"
    found = entity.source.diagnostic(loc, message, code=code)
    return Diagnostic(found.file, found.position, found.message, found.key_path,
                      Severity.WARNING, code)
