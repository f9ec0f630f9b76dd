"""From a content folder to Markdown pages on disk: load, derive, render, write."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from generator.clock import current_moment
from generator.derive import Relations, relate
from generator.emails import EmailDrafts
from generator.errors import ContentError, Diagnostic, errors_in
from generator.kit import Kit
from generator.lint import email_warnings
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


def render_site(content_dir: Path, *, today: date | None = None,
                public: bool = False, packets: bool = False) -> RenderedSite:
    """Load, check and render the kit; raise ContentError if the content has errors.

    The build is public when asked for, or when kit.yml says `publish: public`. With
    `packets`, each prep page links to its printed packet, which the caller writes.
    """
    result = load_kit(content_dir, check_emails=False)
    if result.kit is None or errors_in(result.diagnostics):
        raise ContentError(result.diagnostics)
    full_kit = result.kit
    public = public or full_kit.settings.publish == "public"
    now = current_moment(full_kit, today)
    kit = full_kit
    if public and full_kit.settings.public_contacts == "hidden":
        # People are left out at the source, so no page can show them by mistake.
        kit = replace(full_kit, contacts={}, interviews={})
    relations = relate(kit, now)
    emails = EmailDrafts(kit, relations, public=public)
    pages = render_pages(kit, relations, emails,
                         RenderOptions(today=now.date(), public=public, packets=packets))
    # The same warnings as `prepkit check`, from the drafts just rendered (the whole kit's,
    # even when a public build leaves people out).
    checked = emails if kit is full_kit else EmailDrafts(full_kit, relate(full_kit, now))
    warnings = result.diagnostics + email_warnings(checked)
    return RenderedSite(kit, relations, now.date(), pages, public, packets, warnings)


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
