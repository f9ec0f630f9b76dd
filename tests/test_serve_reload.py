"""A served kit reloads through its session's LoadCache: only changed files are parsed again,
yet every edit is seen and every file is still checked for safety. The Zensical preview
writes the edited page first and ends with the project a full build writes."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from site_support import TODAY, copy_example_kit

import generator.read.load_cache
from generator.check.load import load_kit
from generator.engines.project import project_files
from generator.engines.zensical_serve import _Preview
from generator.errors import ContentError
from generator.read.content import LoadResult
from generator.read.load_cache import LoadCache
from generator.read.settings import locate_kit
from generator.render.site import pages_made_from, prepare_site

CONTACT = "dana-kowalski"
OLD_NAME = "Dana Kowalski"
SAME_SIZE = "Dana Kowalskx"  # as long as the old name: the file keeps its size


@pytest.fixture(params=["settled", "just-written"])
def cache(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> LoadCache:
    """A session's cache, trusting a file's identity alone ("settled", as for files saved a
    while ago) or checking the bytes of a file changed moments ago (the test's own files)."""
    if request.param == "settled":
        monkeypatch.setattr(generator.read.load_cache, "SETTLE_NS", -10**18)
    return LoadCache()


def reload(content: Path, cache: LoadCache) -> LoadResult:
    """A cached reload; it must give what a fresh read of the kit gives."""
    cached = load_kit(content, cache=cache)
    fresh = load_kit(content)
    assert cached.diagnostics == fresh.diagnostics
    assert (cached.kit is None) == (fresh.kit is None)
    if cached.kit is not None and fresh.kit is not None:
        for folder in ("fields", "contacts", "question_sets", "interviews", "employers"):
            assert getattr(cached.kit, folder) == getattr(fresh.kit, folder)
        assert cached.kit.settings == fresh.kit.settings
    return cached


def test_an_unchanged_file_is_not_parsed_again(tmp_path: Path, cache: LoadCache) -> None:
    content = copy_example_kit(tmp_path / "kit") / "content"
    first = reload(content, cache).kit
    again = reload(content, cache).kit
    assert first is not None and again is not None
    assert all(again.contacts[key] is first.contacts[key] for key in first.contacts)
    assert again.settings is first.settings


def test_an_edit_of_the_same_size_and_date_is_seen(tmp_path: Path, cache: LoadCache) -> None:
    content = copy_example_kit(tmp_path / "kit") / "content"
    contact = content / "contacts" / f"{CONTACT}.yml"
    reload(content, cache)
    before = contact.stat()
    contact.write_text(contact.read_text(encoding="utf-8").replace(OLD_NAME, SAME_SIZE),
                       encoding="utf-8")
    os.utime(contact, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert contact.stat().st_size == before.st_size
    assert contact.stat().st_mtime_ns == before.st_mtime_ns
    kit = reload(content, cache).kit
    assert kit is not None and kit.contacts[CONTACT].name == SAME_SIZE


def test_deleted_added_and_renamed_files_are_seen(tmp_path: Path, cache: LoadCache) -> None:
    content = copy_example_kit(tmp_path / "kit") / "content"
    contacts = content / "contacts"
    reload(content, cache)
    # An interview refers to each contact: a copy under a new name is added, not moved.
    (contacts / "new-person.yml").write_bytes((contacts / f"{CONTACT}.yml").read_bytes())
    kit = reload(content, cache).kit
    assert kit is not None and kit.contacts["new-person"].name == OLD_NAME
    (contacts / "new-person.yml").rename(contacts / "renamed-person.yml")
    kit = reload(content, cache).kit
    assert kit is not None and "new-person" not in kit.contacts
    assert kit.contacts["renamed-person"].name == OLD_NAME
    (contacts / "renamed-person.yml").unlink()
    kit = reload(content, cache).kit
    assert kit is not None and "renamed-person" not in kit.contacts
    (contacts / f"{CONTACT}.yml").unlink()  # still referred to: now an error
    assert reload(content, cache).kit is None


def test_a_file_replaced_by_a_link_out_of_the_kit_is_still_refused(
        tmp_path: Path, cache: LoadCache) -> None:
    content = copy_example_kit(tmp_path / "kit") / "content"
    contact = content / "contacts" / f"{CONTACT}.yml"
    outside = tmp_path / "outside.yml"
    outside.write_bytes(contact.read_bytes())
    reload(content, cache)
    contact.unlink()
    contact.symlink_to(outside)
    result = reload(content, cache)
    assert result.kit is None
    refused = [d for d in result.diagnostics if d.code == "outside-kit"]
    assert [(Path(d.file).name, d.position.line) for d in refused] == [(contact.name, 1)]


def test_a_broken_file_keeps_its_located_error_until_it_is_fixed(
        tmp_path: Path, cache: LoadCache) -> None:
    content = copy_example_kit(tmp_path / "kit") / "content"
    contact = content / "contacts" / f"{CONTACT}.yml"
    text = contact.read_text(encoding="utf-8")
    contact.write_text(text.replace("relationship:", "relashionship:"), encoding="utf-8")
    for _ in range(2):  # parsed, then kept: the same error both times
        result = reload(content, cache)
        assert any("relashionship" in d.message and d.file.endswith(contact.name)
                   for d in result.diagnostics)
    contact.write_text(text, encoding="utf-8")
    assert reload(content, cache).kit is not None


def test_the_pages_made_from_a_changed_file(tmp_path: Path) -> None:
    content = tmp_path / "content"
    changed = [content / "contacts" / "dana.yml", content / "interviews" / "a-b.yaml",
               content / "guide" / "extra.md", content / "employers" / "acme.yml",
               content / "kit.yml", content / "contacts", content / "contacts" / ".dana.yml.swp",
               tmp_path / "site_overrides" / "emails" / "thanks.txt.j2"]
    assert pages_made_from(changed, content) == {
        "contacts/dana.md", "interviews/a-b.md", "guide/extra.md", "employers/acme.md"}


def test_the_zensical_preview_writes_the_edited_page_first_and_ends_as_a_full_build(
        tmp_path: Path) -> None:
    kit = copy_example_kit(tmp_path / "kit")
    location = locate_kit(kit / "mkdocs.yml")
    today = date.fromisoformat(TODAY)
    preview = _Preview(location, today)
    docs = preview.refresh().parent / "docs"
    contact = location.content_dir / "contacts" / f"{CONTACT}.yml"
    new_name = "Dana Renamed-Example"
    contact.write_text(contact.read_text(encoding="utf-8").replace(OLD_NAME, new_name),
                       encoding="utf-8")

    # Another change comes at once: the edited page is written, the rest waits.
    preview.refresh({contact}, stop=lambda: True)
    assert new_name in (docs / "contacts" / f"{CONTACT}.md").read_text(encoding="utf-8")
    assert new_name not in (docs / "contacts" / "index.md").read_text(encoding="utf-8")

    preview.refresh(set())
    full = project_files(prepare_site(location.content_dir, today=today), location,
                         site_dir="site").files
    written = {f"docs/{path.relative_to(docs).as_posix()}": path.read_bytes()
               for path in docs.rglob("*") if path.is_file()}
    assert written == {name: data for name, data in full.items() if name.startswith("docs/")}

    # A mistake still shows over the last good version of every page.
    contact.write_text(contact.read_text(encoding="utf-8").replace("relationship:",
                                                                   "relashionship:"),
                       encoding="utf-8")
    with pytest.raises(ContentError):
        preview.refresh({contact})
    preview.refresh_or_report({contact})
    page = (docs / "contacts" / f"{CONTACT}.md").read_text(encoding="utf-8")
    assert "Your last change has errors" in page and new_name in page


def test_the_mkdocs_preview_shows_the_edited_page_first_then_the_whole_site(
        tmp_path: Path) -> None:
    """After a save the served rebuild writes the edited contact's page only (MkDocs then
    rebuilds just that page) and touches the file the server watches; the rebuild that
    follows writes the rest, and the site ends up whole, search index included."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from generator.engines.mkdocs_plugin import PrepkitPlugin

    kit = copy_example_kit(tmp_path / "kit")
    site = tmp_path / "served"
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(config_file=str(kit / "mkdocs.yml"), site_dir=str(site))
    plugin = config.plugins["prepkit"]
    assert isinstance(plugin, PrepkitPlugin)
    plugin.today = date.fromisoformat(TODAY)
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    assert plugin.serve_folder is not None
    trigger = plugin.serve_folder.path / "rebuild"
    assert not trigger.exists()  # a first build owes nothing

    def text(page: str) -> str:
        return (site / page).read_text(encoding="utf-8")

    contact = kit / "content" / "contacts" / f"{CONTACT}.yml"
    new_name = "Dana Renamed-Example"
    contact.write_text(contact.read_text(encoding="utf-8").replace(OLD_NAME, new_name),
                       encoding="utf-8")
    build(config, dirty=True)
    assert new_name in text(f"contacts/{CONTACT}/index.html")
    assert new_name not in text("contacts/index.html")  # owed to the next rebuild
    asked = trigger.stat().st_mtime_ns

    build(config, dirty=True)  # what the server does when the trigger changes
    assert new_name in text("contacts/index.html")
    assert trigger.stat().st_mtime_ns == asked  # whole now: no further rebuild asked for
    index = text("search/search_index.json")
    assert new_name in index and OLD_NAME not in index

    # A change with no page of its own (kit.yml) rebuilds everything at once.
    kit_yml = kit / "content" / "kit.yml"
    kit_yml.write_text(kit_yml.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    build(config, dirty=True)
    assert trigger.stat().st_mtime_ns == asked
    config.plugins.on_shutdown()


def test_the_preview_never_touches_a_trigger_folder_that_leads_into_the_kit(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A `.prepkit-cache/serve` made a link into `content/` (by mistake or by a hostile
    checkout) is refused through the guarded writer; nothing is written in the content."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    kit = copy_example_kit(tmp_path / "kit")
    (kit / ".prepkit-cache").mkdir()
    (kit / ".prepkit-cache" / "serve").symlink_to(kit / "content", target_is_directory=True)
    before = sorted(path.relative_to(kit) for path in (kit / "content").rglob("*"))
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(config_file=str(kit / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="serve", dirty=True)
    with pytest.raises(Abort):
        build(config, dirty=True)
    assert "refusing to write the preview's rebuild trigger there" in caplog.text
    config.plugins.on_shutdown()
    assert sorted(path.relative_to(kit) for path in (kit / "content").rglob("*")) == before
