"""From a content folder to Markdown pages on disk: load, derive, render, write."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import partial
from itertools import zip_longest
from pathlib import Path

from generator.audience import Audience
from generator.derive.relations import Relations, relate
from generator.emails import EmailDrafts
from generator.emails.checks import EmailProblem
from generator.emails.warnings import email_warnings
from generator.errors import Diagnostic
from generator.forking import ForkedCall, ForkedSteps
from generator.kit import Kit
from generator.output import WriteStats
from generator.output.mirror import remove_others, write_changed
from generator.prepare import PreparedKit, prepare
from generator.read.content import ENTITY_FOLDERS, GUIDE_FOLDER, YAML_SUFFIXES
from generator.read.load_cache import LoadCache
from generator.render.guide_page import guide_page
from generator.render.pages import (
    GUIDE_PAGES,
    Page,
    PageJob,
    RenderOptions,
    page_jobs,
)

NavEntry = dict[str, "str | list[NavEntry]"]


@dataclass(frozen=True)
class PreparedSite:
    """A kit prepared for one day and audience (see `generator.prepare`), and whether its
    prep pages link to printed packets."""

    prepared: PreparedKit
    packets: bool  # prep pages link to packets/<interview id>.pdf

    @property
    def kit(self) -> Kit:
        return self.prepared.kit  # what the pages show: the audience's view

    @property
    def full_kit(self) -> Kit:
        return self.prepared.full_kit  # what is checked

    @property
    def relations(self) -> Relations:
        return self.prepared.relations

    @property
    def today(self) -> date:
        return self.prepared.today

    @property
    def audience(self) -> Audience:
        return self.prepared.audience

    @property
    def public(self) -> bool:
        return self.prepared.public

    @property
    def warnings(self) -> list[Diagnostic]:
        return self.prepared.warnings


@dataclass
class GeneratedSite:
    """Every page of the site, rendered and written, with the kit's warnings."""

    kit: Kit
    relations: Relations
    today: date
    pages: list[Page]
    public: bool
    packets: bool
    warnings: list[Diagnostic]
    stats: WriteStats


def prepare_site(content_dir: Path, *, today: date | None = None, public: bool = False,
                 packets: bool = False, cache: LoadCache | None = None) -> PreparedSite:
    """The kit for the site; raise ContentError if the content has errors. With `packets`,
    each prep page links to its printed packet, which the caller writes. A serve session
    passes its `cache`, so a reload parses only the files that changed."""
    return PreparedSite(prepare(content_dir, today=today, public=public, cache=cache),
                        packets)


@dataclass(frozen=True)
class RenderedSite:
    """Every page of the site in memory, and every warning: the kit's and its emails'."""

    pages: list[Page]
    warnings: list[Diagnostic]


class SiteRendering:
    """The site's pages as calls in page order, each rendering its page (so a caller can
    render a few pages first, or stop between pages), and, once they are rendered, the
    warnings: the kit's and its emails'."""

    def __init__(self, prepared: PreparedSite) -> None:
        self.prepared = prepared
        # The drafts the pages show, from the audience's view; checked against the whole kit.
        whole = None if prepared.kit is prepared.full_kit else prepared.full_kit
        self.emails = EmailDrafts(prepared.kit, prepared.relations, full_kit=whole)
        self.jobs = page_jobs(prepared.kit, prepared.relations, self.emails,
                              RenderOptions(today=prepared.today, audience=prepared.audience,
                                            packets=prepared.packets))

    def warnings(self) -> list[Diagnostic]:
        """The same warnings as `prepkit check`, from the same drafts: the page drafts are
        checked against the whole kit already, unless the audience's view left people out."""
        prepared = self.prepared
        checked = self.emails \
            if prepared.kit.interviews.keys() == prepared.full_kit.interviews.keys() \
            else EmailDrafts(prepared.full_kit, relate(prepared.full_kit, prepared.relations.now))
        return prepared.warnings + email_warnings(checked)


def write_site(prepared: PreparedSite, out_dir: Path, *, share: bool = True) -> GeneratedSite:
    """Render every page into `out_dir` (only pages whose text changed are written) and
    check the emails the pages show.

    With `share`, a forked process renders and writes every other page meanwhile, so a
    second core halves the time; otherwise (or where forking is not safe) this process
    does it all, with the same result.
    """
    rendering = SiteRendering(prepared)
    jobs, emails = rendering.jobs, rendering.emails
    # If rendering our half fails, the helper is stopped and reaped, not left running.
    with ForkedCall(partial(_render_and_write, jobs[1::2], out_dir, emails),
                    fork=share) as helper:
        ours, our_stats, _ = _render_and_write(jobs[0::2], out_dir, emails)
        theirs, their_stats, their_checks = helper.result()
    emails.adopt(their_checks)
    return _generated(rendering, _interleaved(ours, theirs), our_stats + their_stats, out_dir)


class SiteWriting:
    """A prepared site's pages, rendered and written in page order by a forked child while
    the caller goes on: which pages there are is known at once, and `wait_for` returns once
    a page's file is written. Without forking, pages are written as they are waited for.
    """

    def __init__(self, prepared: PreparedSite, out_dir: Path, *, fork: bool = True) -> None:
        self._rendering, self._out_dir = SiteRendering(prepared), out_dir
        self.jobs = self._rendering.jobs
        self._position = {job.uri: number for number, job in enumerate(self.jobs)}
        writer = _PageWriter(out_dir, self._rendering.emails)
        self._work = ForkedSteps([partial(writer.write, job) for job in self.jobs],
                                 writer.outcome, fork=fork)

    @property
    def forked(self) -> bool:
        return self._work.forked

    def wait_for(self, uri: str) -> None:
        """Return once the page at `uri` is written (at once for a uri that is not ours)."""
        if uri in self._position:
            self._work.wait_for(self._position[uri] + 1)

    def finish(self) -> GeneratedSite:
        """Wait for (or write) every page, remove stale files and check the emails."""
        with self._work:  # whatever happens, no child is left running
            pages, stats, checks = self._work.result()
        self._rendering.emails.adopt(checks)
        return _generated(self._rendering, pages, stats, self._out_dir)

    def cancel(self) -> None:
        """Stop the forked child, whatever it is doing, and reap it."""
        self._work.cancel()


class _PageWriter:
    """Renders and writes one page at a time, keeping what `_generated` needs."""

    def __init__(self, out_dir: Path, emails: EmailDrafts) -> None:
        self.out_dir, self.emails = out_dir, emails
        self.pages: list[Page] = []
        self.stats = WriteStats(0, 0, 0)

    def write(self, job: PageJob) -> None:
        page = job()
        self.stats += write_changed([page], self.out_dir)
        self.pages.append(page)

    def outcome(self) -> tuple[list[Page], WriteStats, dict[str, list[EmailProblem]]]:
        return self.pages, self.stats, self.emails.checked_so_far()


def render_site(prepared: PreparedSite, *, share: bool = False) -> RenderedSite:
    """Every page of the site, rendered in memory (for an export or a Zensical project).

    With `share`, a forked process renders every other page meanwhile, as `write_site` does.
    """
    rendering = SiteRendering(prepared)
    jobs, emails = rendering.jobs, rendering.emails
    with ForkedCall(partial(_render_and_check, jobs[1::2], emails), fork=share) as helper:
        ours = [render() for render in jobs[0::2]]
        theirs, their_checks = helper.result()
    emails.adopt(their_checks)
    return RenderedSite(_interleaved(ours, theirs), rendering.warnings())


def _interleaved(ours: list[Page], theirs: list[Page]) -> list[Page]:
    """Back in page order, the pages of the even jobs (ours) and the odd ones (theirs)."""
    return [page for pair in zip_longest(ours, theirs) for page in pair if page is not None]


def pages_made_from(changed: Iterable[Path], content_dir: Path) -> set[str]:
    """The uris a page made from each changed content file would have: `<folder>/<id>.md`
    for `content/<folder>/<id>.yml` (a field, contact, question set or interview has a page
    of its own) and `guide/<slug>.md` for `content/guide/<slug>.md`. Of these, only the
    pages the site really has are written first; other files give none."""
    uris = set()
    for path in changed:
        parts = Path(os.path.relpath(path, content_dir)).parts
        if len(parts) != 2 or parts[0] == "..":
            continue
        folder, name = parts[0], Path(parts[1])
        suffixes = (".md",) if folder == GUIDE_FOLDER else \
            YAML_SUFFIXES if folder in ENTITY_FOLDERS else ()
        if name.suffix in suffixes and not name.name.startswith("."):
            uris.add(f"{folder}/{name.stem}.md")
    return uris


def _render_and_check(jobs: list[PageJob], emails: EmailDrafts,
                      ) -> tuple[list[Page], dict[str, list[EmailProblem]]]:
    return [render() for render in jobs], emails.checked_so_far()


def _generated(rendering: SiteRendering, pages: list[Page], stats: WriteStats,
               out_dir: Path) -> GeneratedSite:
    stats += remove_others(out_dir, {page.uri for page in pages})
    prepared = rendering.prepared
    return GeneratedSite(prepared.kit, prepared.relations, prepared.today, pages,
                         prepared.public, prepared.packets, rendering.warnings(), stats)


def generate_site(content_dir: Path, out_dir: Path, *, today: date | None = None,
                  public: bool = False, packets: bool = False) -> GeneratedSite:
    """Load, check, derive, render and write the kit's pages into `out_dir`."""
    prepared = prepare_site(content_dir, today=today, public=public, packets=packets)
    return write_site(prepared, out_dir)


def _render_and_write(jobs: list[PageJob], out_dir: Path, emails: EmailDrafts,
                      ) -> tuple[list[Page], WriteStats, dict[str, list[EmailProblem]]]:
    """Render and write some of the pages; also check the emails they drafted."""
    pages = [render() for render in jobs]
    return pages, write_changed(pages, out_dir), emails.checked_so_far()


def site_nav(kit: Kit) -> list[NavEntry]:
    """The sidebar: index pages only, so build time grows linearly with the kit. Titles of
    the kit's own guide pages are the safe ones their pages carry."""
    guide: list[NavEntry] = [{title: f"guide/{slug}.md"} for slug, title in GUIDE_PAGES]
    builtin = {slug for slug, _ in GUIDE_PAGES}
    guide += [{guide_page(slug, source).title: f"guide/{slug}.md"}
              for slug, source in kit.guide_texts.items() if slug not in builtin]
    return [
        {"Home": "index.md"},
        {"Guide": guide},
        {"Career fields": "fields/index.md"},
        {"Target employers": "employers.md"},
        {"Contacts": "contacts/index.md"},
        {"Question sets": "questions/index.md"},
        {"Interviews": "interviews/index.md"},
        {"Follow-ups": "follow-ups.md"},
        {"Pipeline": "pipeline.md"},
        {"Insights": "insights.md"},
        {"Emails": "emails.md"},
        {"Tags": "tags.md"},
    ]
