"""Nothing is lost, nothing private lands in a public output, whatever route writes.

Every writing command goes through `generator.output`; these tests try each of them the way a
careless user would (pointed at the kit, its content, its .git or its parent; two at once; a
folder it cannot write) and check that the kit is untouched and the refusal is one line.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from site_support import (
    TODAY,
    build_kit,
    copy_example_kit,
    mkdocs_env,
    parse_html,
    tree_digest,
)
from test_public import leaks, private_values

from generator.audience import Audience, view_for
from generator.check.load import load_kit
from generator.cli import cli
from generator.output import MARKER


def prepkit(kit: Path, *args: str) -> tuple[int, str]:
    """Run a command from inside the kit folder (as a user would): exit code and all output."""
    before = Path.cwd()
    os.chdir(kit)
    try:
        result = CliRunner().invoke(cli, list(args), prog_name="prepkit")
    finally:
        os.chdir(before)
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit), result.exception
    return result.exit_code, result.output


@pytest.fixture
def kit(tmp_path: Path) -> Path:
    kit_dir = copy_example_kit(tmp_path / "parent" / "kit")
    (kit_dir / ".git").mkdir()
    (kit_dir / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    return kit_dir


def everything(kit: Path) -> dict[str, str]:
    """The kit's own files (what a user would hate to lose), outputs and cache aside."""
    return {name: digest for name, digest in tree_digest(kit.parent).items()
            if not name.startswith(("kit/.prepkit-cache/", "kit/site/"))}


WRITERS = [
    ("build", "--today", TODAY, "--site-dir", "{target}"),
    ("export", "{target}", "--today", TODAY),
    ("packets", "--today", TODAY, "--out", "{target}"),
    ("calendar", "--today", TODAY, "--out", "{target}"),
    ("schema", "--out", "{target}"),
]
TARGETS = [".", "content", ".git", "..", "content/guide", "/"]


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("command", WRITERS, ids=[words[0] for words in WRITERS])
def test_no_writing_command_touches_the_kit(kit: Path, command: tuple[str, ...],
                                            target: str) -> None:
    before = everything(kit)
    code, output = prepkit(kit, *[word.format(target=target) for word in command])
    assert code == 2, output
    assert "refusing" in output and "Traceback" not in output
    assert len(output.strip().splitlines()) == 1, output
    assert everything(kit) == before


def test_a_folder_prepkit_did_not_write_is_never_replaced(kit: Path, tmp_path: Path) -> None:
    mine = tmp_path / "my-documents"
    mine.mkdir()
    (mine / "thesis.txt").write_text("years of work", encoding="utf-8")
    for command in (WRITERS[0], WRITERS[1], WRITERS[4]):
        code, output = prepkit(kit, *[word.format(target=mine) for word in command])
        assert code == 2 and "prepkit did not write" in output, (command, output)
    code, output = prepkit(kit, "calendar", "--out", str(mine / "thesis.txt"))
    assert code == 2 and "not written by prepkit" in output
    # Packets may go to a folder shared with other files (a desktop), but never replace one.
    (mine / "booklet.pdf").write_bytes(b"%PDF-1.7 my own booklet")
    code, output = prepkit(kit, "packets", "--booklet", "--today", TODAY, "--out", str(mine))
    assert code == 2 and "not printed by prepkit" in output, output
    assert (mine / "booklet.pdf").read_bytes() == b"%PDF-1.7 my own booklet"
    assert sorted(path.name for path in mine.iterdir()) == ["booklet.pdf", "thesis.txt"]
    assert (mine / "thesis.txt").read_text(encoding="utf-8") == "years of work"


def test_a_rebuild_replaces_its_own_site_and_keeps_dot_entries(kit: Path) -> None:
    site = build_kit(kit)
    assert (site / MARKER).is_file()
    (site / ".nojekyll").write_text("", encoding="utf-8")
    (site / "stale.html").write_text("old", encoding="utf-8")
    build_kit(kit)
    assert (site / ".nojekyll").is_file()
    assert not (site / "stale.html").exists()
    assert (site / "index.html").is_file()
    leftovers = [path.name for path in kit.iterdir() if path.name.startswith(".site.")]
    assert leftovers == []


def test_an_export_deletes_only_what_it_wrote(kit: Path, tmp_path: Path) -> None:
    out = tmp_path / "export"
    temporary = kit / "content" / "contacts" / "sam-temp.yml"
    temporary.write_text("name: Sam Temp\n", encoding="utf-8")
    assert prepkit(kit, "export", str(out), "--today", TODAY)[0] == 0
    assert (out / "docs" / "contacts" / "sam-temp.md").is_file()
    (out / "docs" / "my-notes.md").write_text("mine", encoding="utf-8")
    temporary.unlink()
    assert prepkit(kit, "export", str(out), "--today", TODAY)[0] == 0
    assert (out / "docs" / "my-notes.md").read_text(encoding="utf-8") == "mine"
    assert not (out / "docs" / "contacts" / "sam-temp.md").exists()


def test_two_builds_at_once_both_finish_with_a_whole_site(kit: Path) -> None:
    command = [sys.executable, "-m", "generator", "build", "--today", TODAY]
    runs = [subprocess.Popen(command, cwd=kit, env=mkdocs_env(), stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True) for _ in range(2)]
    outputs = [run.communicate(timeout=600)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert (kit / "site" / "index.html").is_file()
    assert (kit / "site" / "interviews" / "index.html").is_file()
    assert not [path for path in kit.iterdir() if path.name.startswith(".site.")]


def test_a_site_that_cannot_be_replaced_is_a_clear_error_and_blocks_nothing(
        kit: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = build_kit(kit)
    index = (site / "index.html").read_bytes()
    real_rename = Path.rename
    calls = threading.local()

    def failing_rename(self: Path, target: Path) -> Path:
        if self == site and not getattr(calls, "done", False):
            calls.done = True
            raise PermissionError(13, "Permission denied")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", failing_rename)
    code, output = prepkit(kit, "build", "--today", TODAY)
    assert code == 1 and "cannot be written: Permission denied" in output, output
    assert (site / "index.html").read_bytes() == index  # the old site stays whole
    monkeypatch.undo()
    assert prepkit(kit, "build", "--today", TODAY)[0] == 0


def test_private_outputs_never_land_in_a_public_site(kit: Path) -> None:
    assert prepkit(kit, "build", "--public", "--today", TODAY)[0] == 0
    for command in (("calendar", "--today", TODAY, "--out", "site/calendar-private.ics"),
                    ("packets", "--today", TODAY, "--out", "site/packets"),
                    ("export", "site/export", "--today", TODAY)):
        code, output = prepkit(kit, *command)
        assert code == 2 and "a public site" in output, (command, output)
    # By default they go beside mkdocs.yml, never into the site.
    assert prepkit(kit, "calendar", "--today", TODAY)[0] == 0
    assert (kit / "calendar.ics").is_file()
    secrets = private_values(load_kit(kit / "content").kit)  # type: ignore[arg-type]
    assert leaks(kit / "site", secrets) == {}


def test_a_dirty_build_after_a_change_of_audience_rebuilds_everything(kit: Path) -> None:
    secrets = private_values(load_kit(kit / "content").kit)  # type: ignore[arg-type]
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(kit / "mkdocs.yml")]
    done = subprocess.run(mkdocs, env=mkdocs_env(), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert leaks(kit / "site", secrets)
    config = kit / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "      content_dir: content", "      content_dir: content\n      public: true"),
        encoding="utf-8")
    done = subprocess.run([*mkdocs, "--dirty"], env=mkdocs_env(), capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr
    assert leaks(kit / "site", secrets) == {}


def test_the_public_view_holds_no_private_value(kit: Path) -> None:
    whole = load_kit(kit / "content").kit
    assert whole is not None
    secrets = private_values(whole)
    public = view_for(whole, Audience.PUBLIC)
    assert private_values(public) == set()
    assert view_for(whole, Audience.PRIVATE) is whole
    dumped = repr([public.settings, public.contacts, public.interviews])
    assert [value for value in secrets if value in dumped] == []


HOSTILE_GUIDE = """---
title: Tips <img src=x onerror=alert(1)>
description: '"><script>alert(2)</script>'
tags: ["<svg onload=alert(3)>"]
extra: {"<script>": 1}
---
# Heading <img src=x onerror=alert(4)>

<script>alert(5)</script>
<a href="javascript:alert(6)">click</a>
<div onclick="alert(7)">box</div>
"""


def live_script(folder: Path) -> list[str]:
    """Markup that would run, page by page: a script holding `alert`, an event handler
    attribute, a javascript: link, an image (Markdown makes none from this kit)."""
    found = []
    for page in sorted(folder.rglob("*.html")):
        for element in parse_html(page.read_text(encoding="utf-8")).iter():
            if (element.tag == "script" and "alert" in element.raw_text) \
                    or element.tag == "img" \
                    or any(name.startswith("on") for name in element.attrs) \
                    or any(value.strip().lower().startswith("javascript:")
                           for value in element.attrs.values()):
                found.append(f"{page.relative_to(folder).as_posix()}: <{element.tag} "
                             f"{element.attrs}>")
    return found


def test_a_hostile_guide_page_runs_nothing_anywhere(kit: Path) -> None:
    (kit / "content" / "guide" / "tips.md").write_text(HOSTILE_GUIDE, encoding="utf-8")
    site = build_kit(kit, public=True)
    assert (site / "guide" / "tips" / "index.html").is_file()
    assert live_script(site) == []
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Tips ‹img src=x onerror=alert(1)›" in home  # the sidebar shows it as typed


def test_a_public_export_built_with_plain_mkdocs_runs_nothing(kit: Path,
                                                              tmp_path: Path) -> None:
    (kit / "content" / "guide" / "tips.md").write_text(HOSTILE_GUIDE, encoding="utf-8")
    contact = kit / "content" / "contacts" / "priya-natarajan.yml"
    contact.write_text(contact.read_text(encoding="utf-8").replace(
        "background: ", "background: |\n  \\`<img src=x onerror=alert(8)>\\` and `a\n\n"
        "  <script>alert(9)</script>` end\n  ", 1), encoding="utf-8")
    assert load_kit(kit / "content").kit is not None
    out = tmp_path / "export"
    code, output = prepkit(kit, "export", str(out), "--public", "--today", TODAY)
    assert code == 0, output
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f",
                           str(out / "mkdocs.yml"), "-d", str(tmp_path / "built")],
                          env=mkdocs_env(), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "built" / "guide" / "tips" / "index.html").is_file()
    assert live_script(tmp_path / "built") == []


def test_a_theme_file_linked_out_of_the_kit_is_refused(kit: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("outside the kit", encoding="utf-8")
    (kit / "site_overrides" / "notes.txt").symlink_to(secret)
    for command in (("build", "--today", TODAY), ("export", str(tmp_path / "ex"))):
        code, output = prepkit(kit, *command)
        assert code == 1, output
        assert "site_overrides/notes.txt" in output and "outside the kit" in output
    assert not (kit / "site").exists()


def test_init_writes_a_new_kit_and_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "new-kit"
    assert CliRunner().invoke(cli, ["init", str(target)]).exit_code == 0
    assert (target / "content" / "kit.yml").is_file()
    again = CliRunner().invoke(cli, ["init", str(target)])
    assert again.exit_code == 1 and "not empty" in again.output
