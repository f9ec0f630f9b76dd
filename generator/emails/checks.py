"""What to fix before sending: blanks left in, notes too long, templates that do not work."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.emails.catalog import EmailKind
from generator.emails.context import EmailContext
from generator.emails.render import Email, Outcome
from generator.model import Rules
from generator.read.content import display_path

# A blank to fill in is written in square brackets: "[something you learned from them]".
_BLANK = re.compile(r"\[[^\[\]\n]{1,120}\]")
_WORD = re.compile(r"\S+")
# Blanks the shipped templates use: where to fix each (a key of the interview's file) and how.
BLANK_HINTS: dict[str, tuple[tuple[str, ...], str]] = {
    "[something you learned from them]": (
        ("to_share",), "add what you are glad to tell them under 'to_share' in this "
        "interview's file (drafts never quote your private notes or takeaways)"),
    "[who referred you]": (
        ("contact",), "add 'referred_by: <contact id>' to the contact's file"),
    "[the role you were offered]": (
        ("offer",), "add 'offer: {role: ..., decide_by: ...}' to this interview's file"),
    "[the day and time we agreed]": (("scheduled",), "add 'scheduled.at' once it is agreed"),
    "[the day we talked]": (("scheduled",), "add 'scheduled.at', the day you talked"),
    "[the day you wrote]": (("outreach",), "add 'outreach.sent_on', the day you wrote"),
}
# Blanks whose cause `prepkit check` already reports in its own words (lint's "no-offer").
CHECKED_ELSEWHERE = frozenset({"[the role you were offered]"})


@dataclass(frozen=True)
class EmailProblem:
    """Something to fix in one interview's email: where in its file, and what."""

    loc: tuple[str | int, ...]
    message: str
    code: str


def blanks_in(email: Email, data: tuple[str, ...]) -> list[str]:
    """Bracketed blanks the template left, except brackets typed in the kit's own text."""
    text = f"{email.subject or ''}\n{email.body}"
    found = dict.fromkeys(match.group(0) for match in _BLANK.finditer(text))
    return [blank for blank in found if not any(blank in value for value in data)]


def word_count(body: str, signature: str) -> int:
    """Words in the email without the signature block, which nobody counts."""
    text = body.rstrip()
    if signature and text.endswith(signature):
        text = text[: -len(signature)]
    return len(_WORD.findall(text))


def problems_of(kind: EmailKind, outcome: Outcome, context: EmailContext, rules: Rules, *,
                for_check: bool = False, template_broken: bool = False) -> list[EmailProblem]:
    """Problems with one rendered email. For `prepkit check`, leave out what it reports
    elsewhere: a template's failure with sample values (`template_broken`) and
    blanks with a check of their own."""
    title = kind.title[0].lower() + kind.title[1:]
    problems: list[EmailProblem] = []
    source = display_path(outcome.override) if outcome.override else "the shipped template"
    template_broken = template_broken and for_check
    if outcome.failure and not template_broken:
        problems.append(EmailProblem(
            (), f"the {title} could not be written from {source}: {outcome.failure}; the "
            "shipped template is used instead", "email-template-failed"))
    if outcome.missing_subject and not template_broken:
        problems.append(EmailProblem(
            (), f"the {title} from {source} has no subject; start the template with a line "
            "'Subject: ...'", "email-no-subject"))
    email = outcome.email
    for blank in blanks_in(email, context.data):
        if for_check and blank in CHECKED_ELSEWHERE:
            continue
        loc, hint = BLANK_HINTS.get(blank, ((), "replace it with your own words before sending"))
        problems.append(EmailProblem(
            loc, f"the {title} still has a blank to fill in, {blank}: {hint}",
            "email-placeholder"))
    if kind.name == "outreach":
        from generator.emails.outreach_lint import outreach_problems

        problems += outreach_problems(email, context, context.signed_as(kind), rules)
    if kind.name == "linkedin-note" and len(email.body) > rules.linkedin_note_limit:
        problems.append(EmailProblem(
            ("outreach", "channel"), f"the LinkedIn connection note is {len(email.body)} "
            f"characters; LinkedIn takes {rules.linkedin_note_limit} "
            "(rules.linkedin_note_limit), so shorten it", "linkedin-note-too-long"))
    return problems


def sample_problem(kind: EmailKind, outcome: Outcome) -> str | None:
    """What is wrong with a kit's template itself, found by rendering it with sample values."""
    if outcome.failure:
        return (f"the {kind.title[0].lower() + kind.title[1:]} template cannot be rendered: "
                f"{outcome.failure}; the shipped template is used instead")
    if outcome.missing_subject:
        return "has no subject; start the template with a line 'Subject: ...'"
    return None
