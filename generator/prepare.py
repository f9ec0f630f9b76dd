"""The kit for a day and an audience: the one way every command and engine gets its kit.

load -> check -> derive (for the day) -> audience view. What comes out is all a renderer
sees, so a public run holds no private value from here on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.audience import Audience, audience_for, view_for
from generator.check.load import load_kit
from generator.clock import current_moment
from generator.derive.relations import Relations, relate
from generator.errors import ContentError, Diagnostic, errors_in
from generator.kit import Kit
from generator.read.load_cache import LoadCache


@dataclass(frozen=True)
class PreparedKit:
    """A valid kit derived for one day and seen by one audience."""

    kit: Kit  # what the audience may see: everything renders from this
    full_kit: Kit  # the whole kit: only for checks, never rendered
    relations: Relations  # stages and due dates of `kit`, as of `today`
    today: date
    audience: Audience
    warnings: list[Diagnostic]

    @property
    def public(self) -> bool:
        return self.audience is Audience.PUBLIC


def prepare(content_dir: Path, *, today: date | None, public: bool,
            cache: LoadCache | None = None) -> PreparedKit:
    """Load, check, derive and filter the kit; raise ContentError if it has errors.

    `today` None means the real date in the kit's timezone. The run is public when asked
    for, or when kit.yml says `publish: public`. A serve session passes its `cache`.
    """
    result = load_kit(content_dir, cache=cache)
    if result.kit is None or errors_in(result.diagnostics):
        raise ContentError(result.diagnostics)
    full_kit = result.kit
    audience = audience_for(full_kit, public=public)
    kit = view_for(full_kit, audience)
    now = current_moment(full_kit, today)
    return PreparedKit(kit, full_kit, relate(kit, now), now.date(), audience,
                       result.diagnostics)
