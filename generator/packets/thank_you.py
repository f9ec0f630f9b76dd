"""The thank-you note draft printed in a packet, from the kit's email templates.

The same template the site's emails use (the kit's own `site_overrides/emails/thank-you.txt.j2`
when it has one, rendered in a sandbox), compiled once for every packet of a run.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from generator.emails import EMAILS_BY_NAME, EmailTemplates, interview_context, overrides_dir_of
from generator.kit import Kit
from generator.model import Interview

# The draft prints at 8.5 pt under a heading, below the ruled lines of the notes page: the
# room it takes, in ruled lines (20 pt each), so that page stays one page. Estimates err large.
_CHARACTERS_A_LINE = 105
_DRAFT_LINE_PT = 11.1
_DRAFT_FRAME_PT = 48
_RULED_LINE_PT = 20


@dataclass(frozen=True)
class Draft:
    subject: str | None
    body: str

    @property
    def ruled_lines_taken(self) -> int:
        text = f"Subject: {self.subject}\n\n{self.body}" if self.subject else self.body
        printed = sum(max(1, math.ceil(len(line) / _CHARACTERS_A_LINE))
                      for line in text.splitlines())
        return math.ceil((printed * _DRAFT_LINE_PT + _DRAFT_FRAME_PT) / _RULED_LINE_PT)


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
