"""Regenerating after one contact is renamed rewrites exactly the pages whose text changed.

`generate_site` writes a page only when its text differs from the file already in the cache,
so unchanged pages keep their bytes, inode and modification time (what `--dirty` builds and
`mkdocs serve` compare). bench/bench_build.py times the same path at scale.
"""

from __future__ import annotations

import os
import re
import threading
import time
from datetime import date
from pathlib import Path

import pytest
from site_support import build_kit, copy_example_kit, load_synthetic, tree_digest

import generator.render.sanitize
import generator.render.site
from generator.check.load import load_kit
from generator.emails.warnings import kit_email_warnings
from generator.errors import Diagnostic
from generator.output.mirror import WriteStats, write_changed
from generator.render.pages import Page
from generator.render.sanitize import clean_page_html
from generator.render.site import (
    GeneratedSite,
    generate_site,
    prepare_site,
    render_site,
    write_site,
)

TODAY = date(2026, 11, 25)
NEW_NAME = "Quinn Renamed-Example"
OLD_TIME_NS = 1_000_000_000_000_000_000  # 2001: any rewrite shows as a newer mtime


def snapshot(cache: Path) -> dict[str, tuple[int, int, bytes]]:
    """{uri: (inode, mtime_ns, bytes)} of every file in the cache folder."""
    found = {}
    for path in sorted(cache.rglob("*")):
        if path.is_file():
            info = path.stat()
            found[path.relative_to(cache).as_posix()] = (info.st_ino, info.st_mtime_ns,
                                                         path.read_bytes())
    return found


def texts(site: GeneratedSite) -> dict[str, str]:
    return {page.uri: page.text for page in site.pages}


def shows(name: str, markdown: str) -> bool:
    """Whether a page shows `name`; Markdown escapes punctuation such as 'Dr.' as 'Dr\\.'."""
    return name in markdown.replace("\\", "")


def busiest_contact(content: Path) -> str:
    """The contact whose id appears in the most content files, so many pages show the name."""
    files = [path.read_text(encoding="utf-8") for path in sorted(content.rglob("*.yml"))]
    ids = sorted(path.stem for path in (content / "contacts").glob("*.yml"))

    def mentions(contact_id: str) -> int:
        word = re.compile(rf"(?<![\w-]){re.escape(contact_id)}(?![\w-])")
        return sum(1 for text in files if word.search(text))

    return max(ids, key=lambda contact_id: (mentions(contact_id), [-ord(c) for c in contact_id]))


def rename(contact_file: Path, new_name: str) -> str:
    text = contact_file.read_text(encoding="utf-8")
    found = re.search(r"^name: (.+)$", text, re.MULTILINE)
    assert found is not None, contact_file
    contact_file.write_text(text[:found.start(1)] + new_name + text[found.end(1):],
                            encoding="utf-8")
    return found.group(1)


@pytest.fixture(scope="module")
def synthetic_kit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    kit = tmp_path_factory.mktemp("incremental") / "kit"
    load_synthetic().write_kit(kit, interviews=20, contacts=None, seed=1)
    return kit


def test_renaming_a_contact_rewrites_exactly_the_pages_that_changed(
        synthetic_kit: Path, tmp_path: Path) -> None:
    content, cache = synthetic_kit / "content", tmp_path / "cache"
    contact_id = busiest_contact(content)
    interview_pages = {f"interviews/{path.stem}.md"
                       for path in (content / "interviews").glob("*.yml")
                       if f"\ncontact: {contact_id}\n" in "\n" + path.read_text(encoding="utf-8")}
    fields = re.search(r"^fields: \[(.*)\]$", (content / "contacts" / f"{contact_id}.yml")
                       .read_text(encoding="utf-8"), re.MULTILINE)
    assert fields is not None
    field_pages = {f"fields/{field}.md" for field in re.findall(r"[\w-]+", fields.group(1))}
    assert interview_pages and field_pages

    first = generate_site(content, cache, today=TODAY)
    assert first.stats.written == len(first.pages) > 60
    assert first.stats.unchanged == first.stats.removed == 0
    for path in cache.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(OLD_TIME_NS, OLD_TIME_NS))
    before = snapshot(cache)

    old_name = rename(content / "contacts" / f"{contact_id}.yml", NEW_NAME)
    try:
        second = generate_site(content, cache, today=TODAY)
    finally:
        rename(content / "contacts" / f"{contact_id}.yml", old_name)
    old, new = texts(first), texts(second)
    assert old.keys() == new.keys()
    changed = {uri for uri in new if new[uri] != old[uri]}

    # Exactly the pages whose text differs were written, and nothing else was touched.
    assert second.stats.written == len(changed)
    assert second.stats.unchanged == len(new) - len(changed)
    assert second.stats.removed == 0
    after = snapshot(cache)
    assert after.keys() == before.keys()
    touched = {uri for uri in after if after[uri][:2] != before[uri][:2]}
    assert touched == changed
    assert all(after[uri][2] == new[uri].encode("utf-8") for uri in after)

    # The expected kinds: the contact's page, the indexes, the contact's interviews, the
    # pages of the contact's fields, and only pages that show the name (before or after).
    assert {f"contacts/{contact_id}.md", "contacts/index.md"} <= changed
    assert interview_pages <= changed
    assert field_pages <= changed
    shows_name = {uri for uri in new if shows(old_name, old[uri]) or shows(NEW_NAME, new[uri])}
    assert changed == shows_name
    assert len(changed) < len(new) // 4

    # A contact whose name appears on none of those pages kept its page as it was.
    unrelated = next(uri for uri in sorted(new) if uri.startswith("contacts/")
                     and uri != "contacts/index.md" and uri not in changed)
    assert after[unrelated] == before[unrelated]
    assert after[unrelated][1] == OLD_TIME_NS


def test_generating_again_with_nothing_changed_writes_no_page(
        synthetic_kit: Path, tmp_path: Path) -> None:
    content, cache = synthetic_kit / "content", tmp_path / "cache"
    first = generate_site(content, cache, today=TODAY)
    before = snapshot(cache)
    again = generate_site(content, cache, today=TODAY)
    assert again.stats.written == again.stats.removed == 0
    assert again.stats.unchanged == len(first.pages)
    assert snapshot(cache) == before


def test_sharing_the_pages_with_a_second_process_changes_nothing(
        synthetic_kit: Path, tmp_path: Path) -> None:
    """Every other page is rendered and written by a forked process; the result is the same
    as one process doing it all, and the warnings are those of `prepkit check`."""
    prepared = prepare_site(synthetic_kit / "content", today=TODAY)
    shared = write_site(prepared, tmp_path / "shared", share=True)
    alone = write_site(prepare_site(synthetic_kit / "content", today=TODAY),
                       tmp_path / "alone", share=False)
    assert [(p.uri, p.in_nav, p.text) for p in shared.pages] == \
        [(p.uri, p.in_nav, p.text) for p in alone.pages]
    assert shared.stats == alone.stats
    assert snapshot_bytes(tmp_path / "shared") == snapshot_bytes(tmp_path / "alone")
    checked = reported_by_check(synthetic_kit / "content")
    assert shared.warnings == alone.warnings == checked


def test_rendering_in_memory_with_a_second_process_changes_nothing(
        synthetic_kit: Path) -> None:
    """The Zensical project and the export render every other page in a forked process:
    the same pages in the same order, and the same warnings as `prepkit check`."""
    shared = render_site(prepare_site(synthetic_kit / "content", today=TODAY), share=True)
    alone = render_site(prepare_site(synthetic_kit / "content", today=TODAY), share=False)
    assert [(p.uri, p.in_nav, p.text) for p in shared.pages] == \
        [(p.uri, p.in_nav, p.text) for p in alone.pages]
    assert shared.warnings == alone.warnings == reported_by_check(synthetic_kit / "content")


def test_a_shared_build_reports_every_email_warning_check_does(tmp_path: Path) -> None:
    kit = tmp_path / "kit"
    load_synthetic().write_kit(kit, interviews=80, contacts=None, seed=1)
    kit_yml = kit / "content" / "kit.yml"
    text = kit_yml.read_text(encoding="utf-8")
    kit_yml.write_text(re.sub(r"outreach_word_limit: \d+", "outreach_word_limit: 10",
                              re.sub(r"linkedin_note_limit: \d+", "linkedin_note_limit: 40",
                                     text)), encoding="utf-8")
    checked = reported_by_check(kit / "content")
    codes = [warning.code for warning in checked]
    assert codes.count("email-too-long") >= 4, codes  # pages drawn by both processes
    shared = write_site(prepare_site(kit / "content", today=TODAY), tmp_path / "out")
    assert shared.warnings == checked


def reported_by_check(content: Path) -> list[Diagnostic]:
    """What `prepkit check` reports on the day: the kit's problems and its emails' warnings."""
    result = load_kit(content)
    assert result.kit is not None
    return result.diagnostics + kit_email_warnings(result.kit, TODAY)


def snapshot_bytes(cache: Path) -> dict[str, bytes]:
    return {uri: data for uri, (_, _, data) in snapshot(cache).items()}


def test_a_full_build_reads_each_page_once_the_forked_process_has_written_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`prepkit build` has a forked process write the pages while MkDocs goes on; MkDocs
    waits for each page's file. Slowed writes make a page read too early fail the build.
    Every page is sanitized (by the Markdown extension, in this process)."""
    assert threading.active_count() == 1, "a thread left running stops the build forking"
    kit = copy_example_kit(tmp_path / "kit")
    writers, cleaners = tmp_path / "writers", tmp_path / "cleaners"
    writers.mkdir()
    cleaners.mkdir()
    cleaned: list[str] = []

    def slow_write_changed(pages: list[Page], cache: Path) -> WriteStats:
        time.sleep(0.02)
        (writers / str(os.getpid())).touch()
        return write_changed(pages, cache)

    def recorded_clean(html: str) -> str:
        (cleaners / str(os.getpid())).touch()
        cleaned.append(html)
        return clean_page_html(html)

    monkeypatch.setattr(generator.render.site, "write_changed", slow_write_changed)
    monkeypatch.setattr(generator.render.sanitize, "clean_page_html", recorded_clean)
    site = build_kit(kit)
    pids = {path.name for path in writers.iterdir()}
    assert len(pids) == 1 and str(os.getpid()) not in pids
    assert {path.name for path in cleaners.iterdir()} == {str(os.getpid())}
    assert len(cleaned) >= len(list(site.rglob("index.html"))) - 1  # all but the 404 page

    monkeypatch.undo()
    alone = write_site(prepare_site(kit / "content", today=TODAY), tmp_path / "alone",
                       share=False)
    assert snapshot_bytes(kit / ".prepkit-cache" / "private") == \
        snapshot_bytes(tmp_path / "alone")
    built = {page.uri[:-3] + (".html" if page.uri.endswith("index.md") else "/index.html")
             for page in alone.pages}
    assert built <= set(tree_digest(site))


def test_files_no_page_has_are_removed_with_the_folders_they_emptied(tmp_path: Path) -> None:
    kit = copy_example_kit(tmp_path / "kit")
    cache = tmp_path / "cache"
    first = generate_site(kit / "content", cache, today=TODAY)
    stale = ["retired.md", "interviews/cancelled-chat.md", "old-folder/deeper/page.md"]
    for uri in stale:
        (cache / uri).parent.mkdir(parents=True, exist_ok=True)
        (cache / uri).write_text("# gone\n", encoding="utf-8")
    again = generate_site(kit / "content", cache, today=TODAY)
    assert again.stats.removed == len(stale)
    assert again.stats.written == 0
    assert not (cache / "old-folder").exists()
    assert set(snapshot_bytes(cache)) == {page.uri for page in first.pages}
