"""The thank-you note draft printed in a packet, from the kit's email templates.

The same template the site's emails use (the kit's own `site_overrides/emails/thank-you.txt.j2`
when it has one, rendered in a sandbox), compiled once for every packet of a run.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.emails import EMAILS_BY_NAME, EmailTemplates, interview_context, overrides_dir_of
from generator.kit import Kit
from generator.model import Interview


@dataclass(frozen=True)
class Draft:
    subject: str | None
    body: str


class ThankYouDrafts:
    """Renders the thank-you note of any interview of one kit."""

    def __init__(self, kit: Kit) -> None:
        self.kit = kit
        self._templates: EmailTemplates | None = None

    def draft(self, interview: Interview) -> Draft:
        if self._templates is None:
            self._templates = EmailTemplates(overrides_dir_of(self.kit.content_dir))
        kind = EMAILS_BY_NAME["thank-you"]
        context = interview_context(self.kit, interview)
        email = self._templates.render(kind, context.variables(kind)).email
        return Draft(email.subject, email.body)
