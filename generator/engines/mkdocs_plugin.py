"""The MkDocs plugin `prepkit`: thin hooks around generator.render.site.

on_config loads and checks the kit and has its pages rendered into a cache folder (only
changed files are rewritten): in a full build a forked process writes them in page order while
MkDocs goes on, and on_pre_page waits for each page's file; otherwise they are all written
before on_config returns. With `packets: true` it prints each interview's packet there too
(only changed packets are printed again). on_files swaps the content folder's raw files for
those pages and PDFs; every page's HTML is sanitized by the Markdown extension
`generator.render.sanitize`, which on_config adds; on_serve watches the content.

While serving, the kit is reloaded through a load cache (only changed files are parsed), and
a save is shown in two rebuilds: the first writes only the pages made from the saved files,
then touches a file the server watches; the second writes everything else (`rest_pending`).

Every folder it writes goes through `generator.output`: the site folder and the cache must
not be or hold the kit, its content or its git folder; one run at a time holds the kit's
lock (from on_config to the end of the build); the site is marked with its audience, and a
dirty build or a served rebuild after a change of audience starts from an empty site.
"""

from __future__ import annotations

import logging
import time
from contextlib import suppress
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any, Literal

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import clean_directory

from generator.audience import Audience
from generator.check.warning_summary import warning_lines
from generator.clock import parse_today
from generator.engines.search_index import WholeSearchIndex
from generator.errors import ContentError, PrepkitError
from generator.forking import ForkedCall
from generator.output import Fence, OwnedFolder, claim_cache, lock
from generator.output.fence import read_marker
from generator.output.mirror import write_changed
from generator.packets import write_site_packets
from generator.packets.progress import packet_progress
from generator.read.load_cache import LoadCache
from generator.read.overrides import check_overrides
from generator.render.banner import with_error_banner
from generator.render.calendar import calendar_bytes
from generator.render.pages import Page
from generator.render.sanitize import EXTENSION_NAME as SANITIZER_EXTENSION
from generator.render.site import (
    GeneratedSite,
    PreparedSite,
    SiteRendering,
    SiteWriting,
    pages_made_from,
    prepare_site,
    site_nav,
    write_site,
)

log = logging.getLogger("mkdocs.plugins.prepkit")
REBUILD_TRIGGER = "rebuild"  # in the cache's serve/ folder, which the server watches


class PrepkitConfig(Config):
    content_dir = c.Type(str, default="content")
    cache_dir = c.Type(str, default=".prepkit-cache")
    today = c.Optional(c.Type(str))
    public = c.Type(bool, default=False)
    packets = c.Type(bool, default=False)
    # What `prepkit build` and `prepkit serve` use (plain `mkdocs` commands are MkDocs).
    engine = c.Choice(("mkdocs", "zensical"), default="mkdocs")


class PrepkitPlugin(BasePlugin[PrepkitConfig]):
    def __init__(self) -> None:
        self.today: date | None = None  # given by `prepkit build`, else the `today` setting
        self.held_lock: Path | None = None  # the kit's write lock, from on_config to the end
        self.writing: SiteWriting | None = None  # its pages, while a forked process writes
        self.calendar_call: ForkedCall[bytes] | None = None  # calendar.ics, being made
        self._new_session("build", dirty=False)

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # Defining on_startup keeps this instance across a serve session's rebuilds, and
        # MkDocs keeps it for the rest of the process: each session starts clean.
        self.stop_helpers()
        self._new_session(command, dirty=dirty)

    def _new_session(self, command: str, *, dirty: bool) -> None:
        self.command = command
        self.dirty = dirty
        self.prepared: PreparedSite | None = None  # the last good kit, kept while serving
        self.pages: list[tuple[str, bool]] = []  # its pages: (uri, in the sidebar)
        self.cache_dir = Path()
        self.packets: dict[str, Path] = {}  # the printed packet of each interview, when asked
        self.failure: PrepkitError | None = None  # why on_config stopped the build, if it did
        self.served: list[Page] = []  # while serving: the last good pages
        self.search_index = WholeSearchIndex()  # kept whole across dirty rebuilds
        self.rendered: set[str] = set()  # urls of the pages this build rendered
        self.page_urls: list[str] = []  # urls of every page of the site, in order
        self.calendar_file = Path()
        self.site_folder = OwnedFolder(Path(), "site", None)
        self.load_cache = LoadCache()  # while serving: each content file as last read
        # While serving, after a save: the edited pages were written first, the rest is owed.
        self.rest_pending = False
        # While serving: the folder of the file touched to have the site rebuilt once more.
        self.serve_folder: OwnedFolder | None = None

    def kit_root(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path or ".").resolve().parent

    def content_dir(self, config: MkDocsConfig) -> Path:
        return self.kit_root(config) / self.config.content_dir

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            fence = Fence.around(self.kit_root(config), self.content_dir(config))
            cache_root = claim_cache(self.kit_root(config) / self.config.cache_dir,
                                     fence=fence)
            self.held_lock = self.held_lock or lock.acquire(cache_root)
            # `mkdocs gh-deploy` publishes to the web, so it always builds the public site.
            public = self.config.public or self.command == "gh-deploy"
            prepared = prepare_site(self.content_dir(config), public=public,
                                    today=self.today or parse_today(self.config.today),
                                    packets=self.config.packets,
                                    cache=self.load_cache if self.command == "serve" else None)
            self.prepare_site_dir(config, fence, prepared.audience)
            if config.theme.custom_dir:
                check_overrides(Path(config.theme.custom_dir), self.kit_root(config))
            OwnedFolder(cache_root, "cache", None).mark([])
            # Public and private pages are cached apart, so switching never mixes them.
            audience = prepared.audience.value
            self.cache_dir = cache_root / audience
            if self.command == "serve" and self.serve_folder is None:
                self.serve_folder = OwnedFolder.claim(
                    cache_root / "serve", fence=fence, kind="serve",
                    what="the preview's rebuild trigger")
                self.serve_folder.mark([REBUILD_TRIGGER])
            self.start_pages(prepared)
            self.prepared = prepared
            self.calendar_file = cache_root / f"calendar-{audience}.ics"
            if not self.rest_pending:  # the calendar comes with the rest of the pages
                self.start_calendar(config)
            # Last: Typst leaves threads behind, and a process with threads must not fork.
            self.packets = self.print_packets(prepared, cache_root / f"packets-{audience}")
        except ContentError as error:
            self.rest_pending = False  # the last good pages stay, under a banner
            if self.command != "serve" or self.prepared is None:
                self.failure = error
                raise PluginError(error.format_message()) from None
            for diagnostic in error.diagnostics:
                log.error(diagnostic.format())
            log.error("prepkit: fix the errors above; still serving the last good version")
            # ...with a notice on every page, so the browser says so too.
            write_changed([with_error_banner(page, error) for page in self.served],
                          self.cache_dir)
        except PrepkitError as error:
            self.failure = error
            self.stop_helpers()
            raise PluginError(error.format_message()) from None
        assert self.prepared is not None
        if config.nav is None:
            config.nav = site_nav(self.prepared.kit)
        for extension in ("tables", "admonition", "attr_list", "pymdownx.tasklist",
                          SANITIZER_EXTENSION):
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        return config

    def prepare_site_dir(self, config: MkDocsConfig, fence: Fence, audience: Audience) -> None:
        """Refuse a site folder that would lose the kit or someone's files; before a dirty
        build or a served rebuild for another audience, empty it (as a full build would)."""
        site = OwnedFolder.claim(Path(config.site_dir), fence=fence, kind="site",
                                 what="the site")
        marker = read_marker(site.path)
        if (self.dirty or self.command == "serve") and marker is not None \
                and marker.get("audience") != audience.value:
            clean_directory(str(site.path))
        self.site_folder = OwnedFolder(site.path, "site", audience)

    def start_pages(self, prepared: PreparedSite) -> None:
        """Have the pages written: in a full build by a forked process while MkDocs goes on
        (it reads them in the order they are written); otherwise now."""
        if self.writing is not None:
            self.writing.cancel()
            self.writing = None
        if self.command == "serve" and self.write_first_pages(prepared):
            return
        if self.command == "serve" or self.dirty:
            # A dirty build reads only pages whose file is newer than the built page, so
            # every file must be written first; and forking is not safe while serving.
            self.show(write_site(prepared, self.cache_dir, share=self.command != "serve"))
            return
        writing = SiteWriting(prepared, self.cache_dir)
        if writing.forked:
            self.writing, self.pages = writing, [(job.uri, job.in_nav) for job in writing.jobs]
        else:
            self.show(writing.finish())

    def write_first_pages(self, prepared: PreparedSite) -> bool:
        """While serving, after a save: write only the pages made from the files that
        changed, so this rebuild shows them at once, and owe the rest to a second rebuild
        (asked for in on_post_build), which makes the site whole. False, and nothing
        written, for the first build, for that second rebuild, when a page comes or goes,
        or when no changed file has a page of its own (kit.yml, say)."""
        owed, self.rest_pending = self.rest_pending, False
        if owed or not self.served:
            return False
        uris = pages_made_from(self.load_cache.parsed, prepared.full_kit.content_dir)
        rendering = SiteRendering(prepared)
        if not uris or [job.uri for job in rendering.jobs] != [page.uri for page in self.served]:
            return False
        write_changed([job() for job in rendering.jobs if job.uri in uris], self.cache_dir)
        self.rest_pending = True
        return True

    def show(self, site: GeneratedSite) -> None:
        """Take the written site's pages, and show its warnings."""
        self.pages = [(page.uri, page.in_nav) for page in site.pages]
        if self.command == "serve":
            self.served = site.pages
        lines = warning_lines(site.warnings)
        if len(lines) == len(site.warnings):
            for line in lines:
                log.warning(line)
        else:  # one summary: past 20, a wall of warnings hides everything else
            log.warning("\n".join(lines))

    def finish_pages(self) -> None:
        if self.writing is not None:
            writing, self.writing = self.writing, None
            self.show(writing.finish())

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        assert self.prepared is not None
        content_dir, cache_dir = self.content_dir(config), self.cache_dir
        # Raw content files (YAML with private details) are never published as they are.
        # So are the user's own email templates, which the theme folder would otherwise copy.
        overrides = self.kit_root(config) / "site_overrides" / "emails"
        private = _FolderTest(content_dir, overrides)
        kept = Files([file for file in files if not private.holds(file)])
        kept.append(File.generated(config, "calendar.ics", abs_src_path=str(self.calendar_file)))
        for interview_id, path in self.packets.items():
            kept.append(File.generated(config, f"packets/{interview_id}.pdf",
                                       abs_src_path=str(path)))
        for uri, in_nav in self.pages:
            kept.append(File.generated(
                config, uri, abs_src_path=str(cache_dir / uri),
                inclusion=InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV))
        return kept

    def print_packets(self, site: PreparedSite, folder: Path) -> dict[str, Path]:
        if not site.packets:
            return {}
        with packet_progress(len(site.kit.interviews)) as progress:
            return write_site_packets(site.kit, site.relations, out_dir=folder,
                                      today=site.today, public=site.public, progress=progress)

    def start_calendar(self, config: MkDocsConfig) -> None:
        """Make calendar.ics, from the same kit and day as the pages, on another core while
        MkDocs converts the pages; it is written before MkDocs copies it (on_env)."""
        site = self.prepared
        assert site is not None
        if self.calendar_call is not None:
            self.calendar_call.cancel()
        self.calendar_call = ForkedCall(
            partial(calendar_bytes, site.kit, site.relations, today=site.today,
                    site_url=config.site_url or None),
            fork=self.command != "serve")

    def write_calendar(self) -> None:
        if self.calendar_call is None:
            return
        calendar_call, self.calendar_call = self.calendar_call, None
        with calendar_call:  # its child is reaped even if making the calendar failed
            data = calendar_call.result()
        with suppress(FileNotFoundError):
            if self.calendar_file.read_bytes() == data:
                return  # unchanged: its date tells a dirty rebuild to leave it alone
        self.calendar_file.write_bytes(data)

    def on_pre_page(self, page: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        if self.writing is not None and page.file.generated_by == "prepkit":
            self.writing.wait_for(page.file.src_uri)  # MkDocs reads the page next
        return page

    @event_priority(100)  # before any other plugin reads the pages
    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        # As pages name themselves (Page.url): the home page's file says './', its page ''.
        self.page_urls = ["" if file.url in (".", "./") else file.url
                          for file in files.documentation_pages()]
        self.finish_pages()
        self.write_calendar()
        return env

    def on_page_context(self, context: Any, /, *, page: Any, config: MkDocsConfig,
                        nav: Any) -> Any:
        self.rendered.add(page.url)
        return context

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.command == "serve" or self.dirty:
            self.search_index.complete(Path(config.site_dir), rendered=self.rendered,
                                       pages=self.page_urls)
        self.rendered = set()
        self.site_folder.mark([])  # the site's audience, for the next dirty build
        self.release_lock()
        if self.rest_pending and self.serve_folder is not None:
            # The server watches this folder: it rebuilds once more.
            self.serve_folder.write({REBUILD_TRIGGER: str(time.time_ns()).encode("ascii")},
                                    record=False)  # listed in its marker when claimed

    def on_build_error(self, *, error: Exception) -> None:
        self.stop_helpers()

    def on_shutdown(self) -> None:
        self.stop_helpers()

    def release_lock(self) -> None:
        if self.held_lock is not None:
            lock.release(self.held_lock)
            self.held_lock = None

    def stop_helpers(self) -> None:
        """Stop and reap the forked children, then release the kit's lock (not before: a
        child writing pages still writes into the cache the lock guards)."""
        try:
            if self.writing is not None:
                writing, self.writing = self.writing, None
                writing.cancel()
            if self.calendar_call is not None:
                calendar_call, self.calendar_call = self.calendar_call, None
                calendar_call.cancel()
        finally:
            self.release_lock()

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        # The content, the theme folder (the kit's email templates too) and mkdocs.yml
        # (MkDocs watches it), and the folder of the file that asks for one more rebuild.
        folders = [self.content_dir(config)]
        if config.theme.custom_dir:
            folders.append(Path(config.theme.custom_dir))
        watched = {Path(config.docs_dir).resolve()}
        if self.serve_folder is not None:
            folders.append(self.serve_folder.path)
        for folder in folders:
            if folder.resolve() not in watched:
                server.watch(str(folder))
                watched.add(folder.resolve())
        return server


class _FolderTest:
    """Whether a file found by MkDocs lies in one of some folders, by the path MkDocs found it
    at or by where it really is (a linked folder inside the content folder is still the
    content folder's, wherever it leads).

    Each directory is checked once, not each file: a kit holds thousands of files in a few
    directories.
    """

    def __init__(self, *folders: Path) -> None:
        self._folders = [*{folder.absolute() for folder in folders},
                         *{folder.resolve() for folder in folders}]
        self._directories: dict[Path, bool] = {}

    def holds(self, file: File) -> bool:
        if file.abs_src_path is None or file.generated_by is not None:
            return False
        directory = Path(file.abs_src_path).parent
        inside = self._directories.get(directory)
        if inside is None:
            inside = any(place.is_relative_to(folder) for folder in self._folders
                         for place in (directory.absolute(), directory.resolve()))
            self._directories[directory] = inside
        return inside
