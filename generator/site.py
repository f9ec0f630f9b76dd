"""From a content folder to Markdown pages on disk: load, derive, render, write."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from generator.derive import Relations, relate
from generator.errors import ContentError, Diagnostic, PrepkitError, errors_in
from generator.kit import Kit
from generator.pipeline import load_kit
from generator.render.pages import GUIDE_PAGES, Page, RenderOptions, render_pages
from generator.write import WriteStats, write_pages

NavEntry = dict[str, "str | list[NavEntry]"]


@dataclass
class RenderedSite:
    """Every page of the site, rendered but not yet written."""

    kit: Kit
    relations: Relations  # derived for `today`, shared by the packets and the calendar
    today: date
    pages: list[Page]
    public: bool
    packets: bool = False  # prep pages link to packets/<interview id>.pdf
    warnings: list[Diagnostic] = field(default_factory=list)


@dataclass
class GeneratedSite(RenderedSite):
    stats: WriteStats = field(default_factory=lambda: WriteStats(0, 0, 0))


def parse_today(text: str | None) -> date | None:
    """`--today`, else PREPKIT_TODAY, else SOURCE_DATE_EPOCH; None means the real today."""
    text = text or os.environ.get("PREPKIT_TODAY")
    if text:
        try:
            return date.fromisoformat(text.strip())
        except ValueError:
            raise PrepkitError(f"today: {text!r} is not a date; write it as YYYY-MM-DD, "
                               "like 2026-11-25") from None
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), UTC).date()
        except (ValueError, OverflowError):
            raise PrepkitError(f"SOURCE_DATE_EPOCH: {epoch!r} is not a number of "
                               "seconds") from None
    return None


def current_moment(kit: Kit, today: date | None) -> datetime:
    """'Now' in the kit's timezone, as naive local time like every time in the content."""
    if today is not None:
        return datetime.combine(today, time.min)
    return datetime.now(ZoneInfo(kit.settings.timezone)).replace(tzinfo=None)


def render_site(content_dir: Path, *, today: date | None = None,
                public: bool = False, packets: bool = False) -> RenderedSite:
    """Load, check and render the kit; raise ContentError if the content has errors.

    The build is public when asked for, or when kit.yml says `publish: public`. With
    `packets`, each prep page links to its printed packet, which the caller writes.
    """
    result = load_kit(content_dir)
    if result.kit is None or errors_in(result.diagnostics):
        raise ContentError(result.diagnostics)
    kit = result.kit
    public = public or kit.settings.publish == "public"
    if public and kit.settings.public_contacts == "hidden":
        # People are left out at the source, so no page can show them by mistake.
        kit = replace(kit, contacts={}, interviews={})
    now = current_moment(kit, today)
    relations = relate(kit, now)
    pages = render_pages(kit, relations,
                         RenderOptions(today=now.date(), public=public, packets=packets))
    return RenderedSite(kit, relations, now.date(), pages, public, packets, result.diagnostics)


def generate_site(content_dir: Path, out_dir: Path, *, today: date | None = None,
                  public: bool = False) -> GeneratedSite:
    """Render every page and write it into `out_dir` (only pages whose text changed)."""
    rendered = render_site(content_dir, today=today, public=public)
    stats = write_pages(rendered.pages, out_dir)
    return GeneratedSite(rendered.kit, rendered.relations, rendered.today, rendered.pages,
                         rendered.public, rendered.packets, rendered.warnings, stats)


def site_nav(kit: Kit) -> list[NavEntry]:
    """The sidebar: index pages only, so build time grows linearly with the kit."""
    guide: list[NavEntry] = [{title: f"guide/{slug}.md"} for slug, title in GUIDE_PAGES]
    builtin = {slug for slug, _ in GUIDE_PAGES}
    guide += [{_title_of(path): f"guide/{slug}.md"} for slug, path in kit.guide_pages.items()
              if slug not in builtin]
    return [
        {"Home": "index.md"},
        {"Guide": guide},
        {"Career fields": "fields/index.md"},
        {"Contacts": "contacts/index.md"},
        {"Question sets": "questions/index.md"},
        {"Interviews": "interviews/index.md"},
        {"Follow-ups": "follow-ups.md"},
        {"Emails": "emails.md"},
        {"Tags": "tags.md"},
    ]


def _title_of(path: Path) -> str:
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return path.stem.replace("-", " ").capitalize()
