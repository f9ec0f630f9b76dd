"""`prepkit serve` as a user runs it: the site comes up, a saved edit shows up, and a mistake
is reported in the terminal while the last good site stays up."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

import pytest
from site_support import TODAY, copy_example_kit, mkdocs_env

CONTACT = "dana-kowalski"
OLD_NAME, NEW_NAME = "Dana Kowalski", "Dana Renamed-Example"
PATIENCE = 90  # seconds: a first build and a rebuild on a slow, shared machine


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_until(check: Callable[[], bool], what: str, log: Path) -> None:
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.3)
    pytest.fail(f"gave up waiting for {what}; serve said:\n{log.read_text(errors='replace')}")


ENGINES = ["mkdocs", "zensical"]
SEARCH_INDEX = {"mkdocs": "search/search_index.json", "zensical": "search.json"}


def start_serve(kit: Path, port: int, engine: str, output: IO[bytes]) -> subprocess.Popen[bytes]:
    """`prepkit serve --engine <engine>` of the kit on the port, its output into `output`."""
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "-f", str(kit / "mkdocs.yml"),
         "--dev-addr", f"127.0.0.1:{port}", "--today", TODAY, "--engine", engine],
        cwd=kit, stdout=output, stderr=subprocess.STDOUT,
        env={**mkdocs_env(), "PYTHONUNBUFFERED": "1"})


@pytest.fixture(params=ENGINES)
def served_kit(request: pytest.FixtureRequest,
               tmp_path: Path) -> Iterator[tuple[Path, str, Path]]:
    """(kit folder, base URL, serve's output) of a running `prepkit serve --engine ...`."""
    kit = copy_example_kit(tmp_path / "kit")
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as output:
        server = start_serve(kit, port, request.param, output)
        try:
            yield kit, f"http://127.0.0.1:{port}/", log
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def test_serve_shows_a_saved_edit_and_keeps_the_last_good_site_on_a_mistake(
        served_kit: tuple[Path, str, Path]) -> None:
    kit, base, log = served_kit
    page = f"{base}contacts/{CONTACT}/"

    def page_shows(name: str) -> Callable[[], bool]:
        return lambda: name in (fetch(page) or "")

    wait_until(page_shows(OLD_NAME), "the contact's page", log)
    contact_file = kit / "content" / "contacts" / f"{CONTACT}.yml"
    text = contact_file.read_text(encoding="utf-8")
    assert f"name: {OLD_NAME}\n" in text

    contact_file.write_text(text.replace(f"name: {OLD_NAME}\n", f"name: {NEW_NAME}\n"),
                            encoding="utf-8")
    wait_until(page_shows(NEW_NAME), "the edit to show", log)
    # The index page follows too (with Zensical, just after the edited page).
    wait_until(lambda: NEW_NAME in (fetch(f"{base}contacts/") or ""), "the index page", log)
    # The served search index becomes what a full build of the edited kit gives.
    engine = "zensical" if "zensical" in str(log.read_text(errors="replace")).lower() \
        else "mkdocs"
    index_url = base + SEARCH_INDEX[engine]

    def index_has_the_index_page() -> bool:  # the last page to follow the edit
        return any(location == "contacts/" and NEW_NAME in text
                   for location, _, text in search_entries(fetch(index_url) or "{}"))

    wait_until(index_has_the_index_page, "the search index", log)
    served = search_entries(fetch(index_url) or "{}")
    assert served == full_build_index(kit, engine)

    # A mistake: the terminal names the file, line and key; the page keeps the last good text.
    contact_file.write_text(text.replace("relationship:", "relashionship:"), encoding="utf-8")
    shown = os.path.relpath(contact_file, kit)
    wait_until(lambda: "still serving the last good version" in log.read_text(errors="replace"),
               "the mistake to be reported", log)
    output = log.read_text(errors="replace")
    assert f"{shown}:" in output and "relashionship" in output
    assert "Traceback" not in output
    # ...and the page says so, over the last good version.
    wait_until(lambda: all(text in (fetch(page) or "")
                           for text in ("Your last change has errors", NEW_NAME)),
               "the error banner over the last good page", log)

    # Fixed again: the page follows the file once more.
    contact_file.write_text(text, encoding="utf-8")
    wait_until(page_shows(OLD_NAME), "the fix to show", log)
    wait_until(lambda: "Your last change has errors" not in (fetch(page) or ""),
               "the banner to go", log)
    assert "Traceback" not in log.read_text(errors="replace")


def search_entries(index: str) -> list[tuple[str, str, str]]:
    """(location, title, text) of every entry of a search index, sorted."""
    data = json.loads(index)
    entries = data.get("docs", data.get("items", []))
    return sorted((entry["location"], entry["title"], entry["text"]) for entry in entries)


def full_build_index(kit: Path, engine: str) -> list[tuple[str, str, str]]:
    """The search index a full build of the kit, as it now is, writes."""
    site = kit.parent / f"full-{engine}"
    done = subprocess.run([sys.executable, "-m", "generator", "build", "-f",
                           str(kit / "mkdocs.yml"), "--today", TODAY, "--engine", engine,
                           "--site-dir", str(site)], env=mkdocs_env(), capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return search_entries((site / SEARCH_INDEX[engine]).read_text(encoding="utf-8"))


def test_zensical_stops_with_prepkit_serve(tmp_path: Path) -> None:
    """Ended by SIGTERM (as a supervisor or a closed terminal ends it), `prepkit serve` stops
    Zensical too, instead of leaving it serving on its own."""
    kit = copy_example_kit(tmp_path / "kit")
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as output:
        server = start_serve(kit, port, "zensical", output)
        try:
            wait_until(lambda: fetch(f"http://127.0.0.1:{port}/") is not None, "the site", log)
            server.terminate()
            server.wait(timeout=PATIENCE)
            wait_until(lambda: fetch(f"http://127.0.0.1:{port}/") is None,
                       "Zensical to stop", log)
        finally:
            if server.poll() is None:
                server.kill()
                server.wait()
