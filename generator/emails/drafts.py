"""Email drafts for the site's pages and for `prepkit check`: rendered once, checked once."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import get_args

from generator.derive.followups import FollowUp
from generator.derive.relations import Relations
from generator.derive.salutation import greeting_for, tone_of
from generator.emails.catalog import EMAIL_KINDS, EmailKind, kinds_for_stage
from generator.emails.checks import EmailProblem, problems_of, sample_problem, word_count
from generator.emails.context import (
    SIGN_OFFS,
    EmailContext,
    interview_context,
)
from generator.emails.render import (
    Email,
    EmailTemplates,
    Outcome,
    TemplateIssue,
    overrides_dir_of,
)
from generator.emails.samples import sample_context
from generator.kit import Kit
from generator.model import Contact, Interview
from generator.model.types import Relationship
from generator.read.content import display_path
from generator.text import escape
from generator.text.markup import Md

_BACKTICKS = re.compile(r"`+")
RELATIONSHIPS: tuple[str, ...] = get_args(Relationship)
SAMPLE_NAME = "Casey Park"


@dataclass(frozen=True)
class EmailDraft:
    """One email as a page shows it: subject, body to copy, and a link to open it."""

    kind: EmailKind
    subject: str | None
    body: str
    to: str  # the recipient's name
    mailto: Md | None  # None in a public build or without an address
    due: FollowUp | None  # the follow-up it carries out, when that is still to do
    measure: str | None  # "67 words without the signature; keep it to 100."
    override: str | None  # the kit's template, as a path to show
    problems: tuple[str, ...] = ()
    channel: str = "email"  # or "linkedin": a message with no subject

    @property
    def title(self) -> str:
        """'Thank-you note', or 'Thank-you note (LinkedIn message)' when sent there."""
        if self.channel == "linkedin" and self.kind.name != "linkedin-note":
            return f"{self.kind.title} (LinkedIn message)"
        return self.kind.title

    @property
    def code_block(self) -> Md:
        # "draft": the site's stylesheet wraps these blocks at every width.
        return fenced(self.body, "draft")


def as_sent(kind: EmailKind, outcome: Outcome, context: EmailContext) -> Email:
    """The email as it goes out: a LinkedIn message has no subject line."""
    if context.by_linkedin(kind):
        return Email(None, outcome.email.body)
    return outcome.email


@dataclass(frozen=True)
class InterviewEmails:
    drafts: list[EmailDraft]
    problems: list[EmailProblem]


def fenced(text: str, language: str = "text") -> Md:
    """A fenced code block no text can end early: the fence outgrows every backtick run."""
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    fence = "`" * max(3, longest + 1)
    return Md(f"{fence}{language}\n{text}\n{fence}")


@dataclass
class EmailDrafts:
    """The kit's templates, rendered for each interview's stage and for the emails page."""

    kit: Kit  # the kit as the audience sees it: what the drafts show
    relations: Relations
    # The whole kit, when `kit` is its public view: the drafts' problems are found in the
    # private version of each email, so a public build reports what a private one does.
    full_kit: Kit | None = None
    templates: EmailTemplates = field(init=False)
    sample: EmailContext = field(init=False)
    _samples: dict[str, Outcome] = field(init=False)
    _kinds: dict[str, list[EmailKind]] = field(init=False)
    # Each interview's emails with its private details, rendered once for the page and check.
    _private: dict[str, tuple[EmailContext, list[Outcome]]] = field(init=False,
                                                                     default_factory=dict)
    _checked: dict[str, list[EmailProblem]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.templates = EmailTemplates(overrides_dir_of(self.kit.content_dir))
        self.sample = sample_context(self.kit)
        self._samples = {kind.name: self.templates.render(kind, self.sample.variables(kind))
                         for kind in EMAIL_KINDS}
        self._kinds = {
            interview.id: kinds_for_stage(
                interview, self.kit.contacts[interview.contact],
                self.relations.interviews[interview.id].stage,
                has_referrer=self.kit.referrer_of(interview.contact) is not None)
            for interview in self.kit.interviews.values()}

    def kinds_for(self, interview: Interview) -> list[EmailKind]:
        return self._kinds.get(interview.id, [])

    def anchor_for(self, item: FollowUp) -> str | None:
        """The page anchor of the email that carries out a follow-up, when the page shows it."""
        interview = self.kit.interviews.get(item.interview_id)
        if interview is None:
            return None
        return next((kind.anchor for kind in self.kinds_for(interview)
                     if kind.follow_up == item.action), None)

    def for_interview(self, interview: Interview,
                      follow_ups: list[FollowUp]) -> InterviewEmails:
        """The drafts that fit the interview's stage, and what to fix in them.

        The problems are found in the private version of each email, so a public build
        shows the same as a private one.
        """
        kinds = self.kinds_for(interview)
        if not kinds:
            return InterviewEmails([], [])
        rules = self.kit.settings.rules
        private, outcomes = self._rendered_privately(interview)
        shown = private if self.full_kit is None else interview_context(self.kit, interview)
        drafts: list[EmailDraft] = []
        problems: list[EmailProblem] = []
        broken = self.broken()
        for kind, outcome in zip(kinds, outcomes, strict=True):
            found = problems_of(kind, outcome, private, rules,
                                template_broken=kind.name in broken)
            problems += found
            if shown is not private:
                outcome = self.templates.render(kind, shown.variables(kind))
            drafts.append(self._draft(kind, outcome, shown, follow_ups,
                                      tuple(problem.message for problem in found)))
        return InterviewEmails(drafts, problems)

    def problems_for(self, interview: Interview) -> list[EmailProblem]:
        """What `prepkit check` reports about the interview's emails: `for_interview`'s
        problems less those reported elsewhere (at a broken template's own file, or by a
        check of their own), found without drafting the pages' copies."""
        found = self._checked.get(interview.id)
        if found is None:
            broken = self.broken()
            private, outcomes = self._rendered_privately(interview)
            found = [problem
                     for kind, outcome in zip(self.kinds_for(interview), outcomes, strict=True)
                     for problem in problems_of(kind, outcome, private, self.kit.settings.rules,
                                                for_check=True,
                                                template_broken=kind.name in broken)]
            self._checked[interview.id] = found
        return found

    def checked_so_far(self) -> dict[str, list[EmailProblem]]:
        """`problems_for` each interview whose emails were drafted: what a process that drew
        some of the pages hands back, so the emails are not drafted again (see `adopt`)."""
        return {interview_id: self.problems_for(self.kit.interviews[interview_id])
                for interview_id in self._private}

    def adopt(self, checked: dict[str, list[EmailProblem]]) -> None:
        self._checked.update(checked)

    def _rendered_privately(self, interview: Interview) -> tuple[EmailContext, list[Outcome]]:
        found = self._private.get(interview.id)
        if found is None:
            whole = self.full_kit or self.kit
            context = interview_context(whole, whole.interviews[interview.id])
            found = (context, [self.templates.render(kind, context.variables(kind))
                               for kind in self.kinds_for(interview)])
            self._private[interview.id] = found
        return found

    def _draft(self, kind: EmailKind, outcome: Outcome, context: EmailContext,
               follow_ups: list[FollowUp], problems: tuple[str, ...]) -> EmailDraft:
        email = outcome.email
        recipient = context.recipient(kind)
        mailto = None
        linkedin = context.by_linkedin(kind) or kind.name == "linkedin-note"
        email = as_sent(kind, outcome, context)
        if not linkedin and recipient.email:
            mailto = Md(escape.mailto(recipient.email, subject=email.subject or "",
                                      body=email.body))
        due = next((item for item in follow_ups
                    if item.action == kind.follow_up and not item.done), None)
        return EmailDraft(kind, email.subject, email.body, recipient.name, mailto, due,
                          self._measure(kind, email.body, context), self._override(kind),
                          problems, "linkedin" if linkedin else "email")

    def _measure(self, kind: EmailKind, body: str, context: EmailContext) -> str | None:
        rules = self.kit.settings.rules
        if kind.name == "outreach":
            words = word_count(body, context.signed_as(kind))
            return f"{words} words without the signature; keep it to {rules.outreach_word_limit}."
        if kind.name == "linkedin-note":
            return f"{len(body)} of {rules.linkedin_note_limit} characters."
        return None

    def _override(self, kind: EmailKind) -> str | None:
        path = self.templates.overrides.get(kind.name)
        return display_path(path) if path else None

    def broken(self) -> set[str]:
        """Templates of the kit that fail, or lack a subject, even with sample values."""
        return {name for name, outcome in self._samples.items()
                if outcome.failure or outcome.missing_subject}

    def samples(self) -> list[EmailDraft]:
        """Every email rendered with sample values, for the emails page."""
        drafts = []
        for kind in EMAIL_KINDS:
            outcome = self._samples[kind.name]
            problem = sample_problem(kind, outcome)
            drafts.append(EmailDraft(
                kind, outcome.email.subject, outcome.email.body,
                self.sample.recipient(kind).name, None, None,
                self._measure(kind, outcome.email.body, self.sample), self._override(kind),
                (problem,) if problem else ()))
        return drafts

    @staticmethod
    def greetings() -> list[tuple[str, str, str]]:
        """(relationship, opening, sign-off) for each relationship, for a sample name."""
        return [(relationship, greeting_for(Contact(name=SAMPLE_NAME,
                                                    relationship=relationship)),
                 SIGN_OFFS[tone_of(relationship)]) for relationship in RELATIONSHIPS]

    def template_issues(self) -> list[TemplateIssue]:
        """Problems with the kit's template files: unreadable, unknown, failing with samples."""
        issues = list(self.templates.issues)
        for kind in EMAIL_KINDS:
            path = self.templates.overrides.get(kind.name)
            problem = sample_problem(kind, self._samples[kind.name])
            if path is not None and problem:
                code = ("email-no-subject" if self._samples[kind.name].missing_subject
                        and not self._samples[kind.name].failure else "email-template-failed")
                issues.append(TemplateIssue(path, 1, problem, code))
        return sorted(issues, key=lambda issue: (str(issue.path), issue.line))
