"""Email drafts: outreach, nudges, confirmations, thank-yous and more, from each interview.

Templates ship in `templates/`; a kit replaces one with `site_overrides/emails/<name>.txt.j2`,
rendered in a sandbox. Values from the kit are data for the templates, never templates.
"""

from generator.emails.catalog import EMAIL_KINDS, EMAILS_BY_NAME, EmailKind, kinds_for_stage
from generator.emails.checks import EmailProblem
from generator.emails.context import EmailContext, greeting_for, interview_context
from generator.emails.drafts import EmailDraft, EmailDrafts, InterviewEmails, fenced
from generator.emails.render import Email, EmailTemplates, Outcome, overrides_dir_of

__all__ = [
    "EMAILS_BY_NAME", "EMAIL_KINDS", "Email", "EmailContext", "EmailDraft", "EmailDrafts",
    "EmailKind", "EmailProblem", "EmailTemplates", "InterviewEmails", "Outcome", "fenced",
    "greeting_for", "interview_context", "kinds_for_stage", "overrides_dir_of",
]
