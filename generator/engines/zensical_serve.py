"""`prepkit serve --engine zensical`: Zensical serves the kit's project while prepkit watches
the kit (content, theme folder with the email templates, mkdocs.yml) and rewrites the pages
whose text changed; Zensical rebuilds what it sees change.

A mistake is printed in the terminal and shown at the top of every page, over the last good
version, until it is fixed.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any

import click

from generator.check.warning_summary import warning_lines
from generator.engines.zensical import project_folder, write_project, zensical_env
from generator.errors import ContentError
from generator.output import OwnedFolder, kit_lock
from generator.read.settings import KitLocation, locate_kit, read_mkdocs_config
from generator.render.banner import with_error_banner
from generator.render.pages import Page
from generator.render.site import prepare_site

SETTLE_SECONDS = 0.1  # editors save in several steps: wait for the last one


class _Preview:
    def __init__(self, location: KitLocation, today: date | None) -> None:
        self.location, self.today = location, today
        self.folder: OwnedFolder | None = None
        self.good: dict[str, bytes] = {}  # the last good project's files

    def refresh(self) -> Path:
        """Write the project as the kit now is; raise ContentError if it has errors."""
        with kit_lock(self.location.cache_dir):
            prepared = prepare_site(self.location.content_dir, today=self.today)
            self.folder = self.folder or project_folder(self.location, prepared)
            self.good = write_project(self.location, prepared, self.folder).files
        for line in warning_lines(prepared.warnings):
            click.echo(f"warning: {line}", err=True)
        return self.folder.path / "mkdocs.yml"

    def refresh_or_report(self) -> None:
        try:
            self.refresh()
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


def serve_with_zensical(config_file: Path, *, dev_addr: str, today: date | None) -> None:
    location = locate_kit(config_file)
    preview = _Preview(location, today)
    config = preview.refresh()
    changed = threading.Event()
    observer = _watch(location, config_file, changed)
    server = subprocess.Popen([sys.executable, "-m", "zensical", "serve", "-f", str(config),
                               "--dev-addr", dev_addr], cwd=config.parent,
                              env=zensical_env(today))
    try:
        while server.poll() is None:
            if changed.wait(0.2):
                time.sleep(SETTLE_SECONDS)
                changed.clear()
                preview.refresh_or_report()
    except KeyboardInterrupt:
        pass
    finally:
        observer.stop()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def _watch(location: KitLocation, config_file: Path, changed: threading.Event) -> Any:
    from watchdog.events import FileSystemEvent, FileSystemEventHandler
    from watchdog.observers import Observer

    config_path = config_file.resolve()

    class _Changed(FileSystemEventHandler):
        def __init__(self, only: Path | None = None) -> None:
            self.only = only

        def on_any_event(self, event: FileSystemEvent) -> None:
            if event.event_type in ("opened", "closed_no_write"):
                return
            if self.only is None or Path(str(event.src_path)).resolve() == self.only:
                changed.set()

    observer = Observer()
    observer.schedule(_Changed(), str(location.content_dir), recursive=True)
    theme = read_mkdocs_config(config_file).get("theme")
    custom_dir = theme.get("custom_dir") if isinstance(theme, dict) else None
    if isinstance(custom_dir, str) and (location.root / custom_dir).is_dir():
        observer.schedule(_Changed(), str(location.root / custom_dir), recursive=True)
    observer.schedule(_Changed(config_path), str(config_path.parent), recursive=False)
    observer.start()
    return observer
