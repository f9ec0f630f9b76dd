"""`prepkit serve --engine zensical`: Zensical serves the kit's project while prepkit watches
the kit (content, theme folder with the email templates, mkdocs.yml) and rewrites the pages
whose text changed; Zensical rebuilds what it sees change.

After an edit the kit is loaded again, parsing only the files that changed (a LoadCache),
and the pages made from the changed files (a contact's own page for its file...) are written
first, so Zensical starts on them at once; then every page and the calendar are made and
whatever changed is written, so the project ends up as a full build would write it.

A mistake is printed in the terminal and shown at the top of every page, over the last good
version, until it is fixed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Collection
from contextlib import suppress
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from generator.check.warning_summary import warning_lines
from generator.engines.project import Project
from generator.engines.zensical import project_folder, project_in, zensical_env
from generator.errors import ContentError
from generator.output import OwnedFolder, kit_lock
from generator.read.load_cache import LoadCache
from generator.read.settings import KitLocation, locate_kit, read_mkdocs_config
from generator.render.banner import with_error_banner
from generator.render.pages import Page
from generator.render.site import RenderedSite, SiteRendering, pages_made_from, prepare_site

SETTLE_SECONDS = 0.1  # editors save in several steps: wait for the last one
_T = TypeVar("_T")


class _Preview:
    def __init__(self, location: KitLocation, today: date | None) -> None:
        self.location, self.today = location, today
        self.folder: OwnedFolder | None = None
        self.good: dict[str, bytes] = {}  # the last good project's files
        self.cache = LoadCache()  # each content file as last read, for this session only

    def refresh(self, changed: Collection[Path] = (),
                stop: Callable[[], bool] = lambda: False) -> Path:
        """Write the project as the kit now is, the pages made from the `changed` files
        first; raise ContentError if it has errors. When `stop` turns true (another change
        came) before every page is made, the rest is left to the next refresh."""
        with kit_lock(self.location.cache_dir):
            prepared = prepare_site(self.location.content_dir, today=self.today,
                                    cache=self.cache)
            folder = self.folder = self.folder or project_folder(self.location, prepared)
            rendering = SiteRendering(prepared)
            if self.good:  # the first time, there is nothing older to be quick about
                uris = pages_made_from(changed, self.location.content_dir)
                folder.write({f"docs/{job.uri}": job().text.encode("utf-8")
                              for job in rendering.jobs if job.uri in uris})

            def the_rest() -> Project | None:
                pages = []
                for job in rendering.jobs:
                    if stop():
                        return None
                    pages.append(job())
                return project_in(self.location, prepared, folder,
                                  rendered=RenderedSite(pages, rendering.warnings()))

            # Zensical is rebuilding the first pages meanwhile: it comes first.
            project = _at_low_priority(the_rest)
            if project is None:
                return folder.path / "mkdocs.yml"
            files = project.files
            # What changed is written at once, so Zensical sees it in one rebuild; then the
            # folder is made to hold exactly the project (a banner gone, a page deleted).
            folder.write({name: data for name, data in files.items()
                          if self.good.get(name) != data}, record=False)
            folder.mirror(files)
            self.good = files
        for line in warning_lines(project.warnings):
            click.echo(f"warning: {line}", err=True)
        return folder.path / "mkdocs.yml"

    def refresh_or_report(self, changed: Collection[Path] = (),
                          stop: Callable[[], bool] = lambda: False) -> None:
        try:
            self.refresh(changed, stop)
            click.echo("prepkit: pages updated", err=True)
        except ContentError as error:
            click.echo(error.format_message(), err=True)
            click.echo("prepkit: fix the errors above; still serving the last good version",
                       err=True)
            self.show_error(error)

    def show_error(self, error: ContentError) -> None:
        if self.folder is None:
            return
        files = dict(self.good)
        for name, data in self.good.items():
            if name.startswith("docs/") and name.endswith(".md"):
                page = Page(name.removeprefix("docs/"), data.decode("utf-8"), True)
                files[name] = with_error_banner(page, error).text.encode("utf-8")
        with kit_lock(self.location.cache_dir):
            self.folder.write(files)


def _at_low_priority(work: Callable[[], _T]) -> _T:
    """`work()`, run in a thread the system schedules after others (on Linux, where a
    thread's nice value is its own), so Zensical's rebuild is not slowed by it."""
    outcome: list[_T] = []
    failure: list[BaseException] = []

    def run() -> None:
        if sys.platform.startswith("linux"):
            with suppress(OSError):
                os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
        try:
            outcome.append(work())
        except BaseException as error:  # raised again in the caller's thread
            failure.append(error)

    worker = threading.Thread(target=run, name="prepkit-refresh", daemon=True)
    worker.start()
    worker.join()
    if failure:
        raise failure[0]
    return outcome[0]


class _Changes:
    """The paths watchdog saw change since they were last taken."""

    def __init__(self) -> None:
        self.seen = threading.Event()
        self._paths: set[Path] = set()
        self._lock = threading.Lock()

    def add(self, *paths: Path) -> None:
        with self._lock:
            self._paths.update(paths)
            self.seen.set()

    def take(self) -> set[Path]:
        with self._lock:
            self.seen.clear()
            paths, self._paths = self._paths, set()
        return paths


def serve_with_zensical(config_file: Path, *, dev_addr: str, today: date | None) -> None:
    location = locate_kit(config_file)
    preview = _Preview(location, today)
    config = preview.refresh()
    changes = _Changes()
    observer = _watch(location, config_file, changes)
    server = subprocess.Popen([sys.executable, "-m", "zensical", "serve", "-f", str(config),
                               "--dev-addr", dev_addr], cwd=config.parent,
                              env=zensical_env(today))
    # Stopped by a signal (a terminal closed, a supervisor), stop Zensical too: by default
    # SIGTERM ends this process at once and leaves Zensical serving on its own.
    signal.signal(signal.SIGTERM, _stop)
    try:
        while server.poll() is None:
            if changes.seen.wait(0.2):
                time.sleep(SETTLE_SECONDS)
                preview.refresh_or_report(changes.take(), stop=changes.seen.is_set)
    except KeyboardInterrupt:
        pass
    finally:
        observer.stop()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def _stop(signal_number: int, frame: Any) -> None:
    raise KeyboardInterrupt


def _watch(location: KitLocation, config_file: Path, changes: _Changes) -> Any:
    from watchdog.events import (
        DirCreatedEvent,
        DirDeletedEvent,
        DirModifiedEvent,
        DirMovedEvent,
        FileClosedEvent,
        FileCreatedEvent,
        FileDeletedEvent,
        FileModifiedEvent,
        FileMovedEvent,
        FileSystemEvent,
        FileSystemEventHandler,
    )
    from watchdog.observers import Observer

    config_path = config_file.resolve()

    class _Changed(FileSystemEventHandler):
        def __init__(self, only: Path | None = None) -> None:
            self.only = only

        def on_any_event(self, event: FileSystemEvent) -> None:
            if event.event_type in ("opened", "closed_no_write"):
                return
            paths = [Path(os.fsdecode(event.src_path))]
            if getattr(event, "dest_path", ""):  # a move: both names changed
                paths.append(Path(os.fsdecode(event.dest_path)))
            if self.only is None or any(path.resolve() == self.only for path in paths):
                changes.add(*paths)

    observer = Observer()
    # Only changes: every reload opens each content file, and were opening and closing
    # reported, the events of a reload would keep this process busy while it reloads.
    changes_only = [FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent,
                    FileClosedEvent, DirCreatedEvent, DirDeletedEvent, DirMovedEvent,
                    DirModifiedEvent]

    def watch(handler: _Changed, folder: Path, *, recursive: bool) -> None:
        try:
            observer.schedule(handler, str(folder), recursive=recursive,
                              event_filter=changes_only)
        except TypeError:  # a watchdog before 4.0: no filter
            observer.schedule(handler, str(folder), recursive=recursive)

    watch(_Changed(), location.content_dir, recursive=True)
    theme = read_mkdocs_config(config_file).get("theme")
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    if isinstance(custom_dir, str) and (location.root / custom_dir).is_dir():
        watch(_Changed(), location.root / custom_dir, recursive=True)
    watch(_Changed(config_path), config_path.parent, recursive=False)
    observer.start()
    return observer
