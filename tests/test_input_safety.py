"""Inputs stay inside the kit: links out of it, FIFOs, devices and unreadable files are located
errors, never read, never a hang; the kit's email templates follow the same rule and render
within a time and a size limit."""

from __future__ import annotations

import os
import signal
import stat
import time
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest
from conftest import assert_clean_exit, diagnostic_lines, run_check, write

from generator.emails.sandbox import MAX_OUTPUT_CHARS
from generator.read.content import read_content
from generator.read.safe_read import UnsafeFile, read_inside
from generator.read.yaml_source import MAX_FILE_BYTES

SECRET = "name: Top Secret Person\n"
OUT = ("is a link that leads outside the kit folder; prepkit reads only files inside the kit, "
       "so copy the file into the kit instead of linking to it")
FIFO = ("is a FIFO (named pipe), not a regular file; prepkit reads regular files only, so "
        "delete it or replace it with a file")
TEMPLATE = "site_overrides/emails/thank-you.txt.j2"


@pytest.fixture(autouse=True)
def _no_hang() -> Iterator[None]:
    """A test that blocks (on a FIFO, say) fails after a minute instead of hanging the run."""
    def stop(signum: int, frame: object) -> None:
        raise TimeoutError("the command hung")
    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(60)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(autouse=True)
def _in_kit(example_kit: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Diagnostics name files relative to the working folder: work in the kit."""
    monkeypatch.chdir(example_kit)


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the kit, holding a file the kit must never read."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "secret.yml").write_text(SECRET, encoding="utf-8")
    (folder / "secret.md").write_text("# Top Secret\n", encoding="utf-8")
    return folder


def lines_of(kit: Path, code: int) -> list[str]:
    result = run_check(kit)
    assert_clean_exit(result, code)
    assert "Top Secret" not in result.output
    return diagnostic_lines(result)


def test_a_yaml_file_linking_out_of_the_kit_is_an_error_and_never_read(example_kit, outside):
    (example_kit / "content/contacts/evil.yml").symlink_to(outside / "secret.yml")
    assert lines_of(example_kit, 1) == [f"content/contacts/evil.yml:1:1: {OUT}"]


def test_a_folder_linking_out_of_the_kit_is_an_error(example_kit, outside):
    (example_kit / "content/fields/far").symlink_to(outside)
    (example_kit / "content/research").symlink_to(outside, target_is_directory=True)
    lines = lines_of(example_kit, 1)
    assert f"content/fields/far:1:1: {OUT}" in lines
    assert f"content/research:1:1: {OUT}" in lines


def test_a_whole_entity_folder_linking_out_of_the_kit_is_one_error(example_kit, outside):
    contacts = example_kit / "content/contacts"
    contacts.rename(example_kit / "contacts-elsewhere")
    contacts.symlink_to(outside)
    lines = lines_of(example_kit, 1)
    assert lines[0] == f"content/contacts:1:1: folder {OUT}"


def test_a_guide_page_linking_out_of_the_kit_is_an_error(example_kit, outside):
    (example_kit / "content/guide/leak.md").symlink_to(outside / "secret.md")
    assert lines_of(example_kit, 1) == [f"content/guide/leak.md:1:1: {OUT}"]


def test_guide_pages_are_read_once_into_the_kit(example_kit):
    kit = read_content(example_kit / "content").kit
    assert kit is not None
    assert set(kit.guide_texts) == set(kit.guide_pages)
    for slug, path in kit.guide_pages.items():
        assert kit.guide_texts[slug] == path.read_text(encoding="utf-8")


def test_a_link_that_stays_inside_the_kit_is_followed(example_kit):
    (example_kit / "shared").mkdir()
    (example_kit / "shared/dana.yml").write_text("name: Dana Lee\n", encoding="utf-8")
    (example_kit / "content/contacts/dana-lee.yml").symlink_to("../../shared/dana.yml")
    (example_kit / "content/guide/linked.md").symlink_to("editing-your-kit.md")
    lines_of(example_kit, 0)
    kit = read_content(example_kit / "content").kit
    assert kit is not None
    assert kit.contacts["dana-lee"].name == "Dana Lee"
    assert kit.guide_texts["linked"] == kit.guide_texts["editing-your-kit"]


def test_the_kit_root_can_be_given(example_kit, outside):
    """A link into a folder above the content folder's parent is fine when that is the kit."""
    (example_kit / "content/contacts/far.yml").symlink_to(outside / "secret.yml")
    result = read_content(example_kit / "content", kit_root=outside.parent)
    assert [d.format() for d in result.diagnostics if d.code == "outside-kit"] == []
    assert result.kit is not None and result.kit.contacts["far"].name == "Top Secret Person"


def test_a_fifo_is_an_error_and_never_blocks(example_kit):
    os.mkfifo(example_kit / "content/contacts/pipe.yml")
    os.mkfifo(example_kit / "content/guide/pipe.md")
    os.mkfifo(example_kit / "content/notes")
    assert lines_of(example_kit, 1) == [f"content/contacts/pipe.yml:1:1: {FIFO}",
                                        f"content/guide/pipe.md:1:1: {FIFO}",
                                        f"content/notes:1:1: {FIFO}"]


def test_a_link_to_dev_zero_is_an_error_and_never_read(example_kit):
    (example_kit / "content/contacts/zero.yml").symlink_to("/dev/zero")
    assert lines_of(example_kit, 1) == [f"content/contacts/zero.yml:1:1: {OUT}"]


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_device_inside_the_kit_is_an_error(example_kit):
    os.mknod(example_kit / "content/contacts/zero.yml", 0o600 | 0o020000, os.makedev(1, 5))
    assert lines_of(example_kit, 1) == [
        "content/contacts/zero.yml:1:1: is a device, not a regular file; prepkit reads "
        "regular files only, so delete it or replace it with a file"]


def test_a_kit_file_that_is_a_fifo_is_an_error(example_kit):
    (example_kit / "content/kit.yml").unlink()
    os.mkfifo(example_kit / "content/kit.yml")
    assert lines_of(example_kit, 1)[0] == f"content/kit.yml:1:1: {FIFO}"


def test_at_most_the_limit_plus_one_byte_is_read(tmp_path, monkeypatch):
    """A file whose size says 0 (like /dev/zero or one still growing) is cut off all the same."""
    big = tmp_path / "big.yml"
    big.write_bytes(b"a" * (3 * MAX_FILE_BYTES))
    real_fstat, real_read = os.fstat, os.read
    read: list[int] = []

    def fstat_says_empty(descriptor: int) -> os.stat_result:
        info = real_fstat(descriptor)
        return os.stat_result((info.st_mode, info.st_ino, info.st_dev, info.st_nlink,
                               info.st_uid, info.st_gid, 0, info.st_atime, info.st_mtime,
                               info.st_ctime))

    def counting_read(descriptor: int, size: int) -> bytes:
        chunk = real_read(descriptor, size)
        read.append(len(chunk))
        return chunk

    monkeypatch.setattr(os, "fstat", fstat_says_empty)
    monkeypatch.setattr(os, "read", counting_read)
    with pytest.raises(UnsafeFile) as caught:
        read_inside(big, tmp_path, limit=MAX_FILE_BYTES)
    assert caught.value.code == "too-large"
    assert sum(read) == MAX_FILE_BYTES + 1


def test_an_unreadable_file_is_a_located_error(example_kit, monkeypatch):
    """chmod 000 does not stop root, so the refusal is simulated where the file is opened."""
    denied = example_kit / "content/contacts/marcus-chen.yml"
    real_open = os.open

    def deny(path: str | os.PathLike[str], flags: int, *args: int) -> int:
        if Path(path) == denied:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", deny)
    lines = lines_of(example_kit, 1)
    assert "content/contacts/marcus-chen.yml:1:1: file cannot be read: Permission denied" in lines


def test_an_unreadable_folder_is_a_located_error(example_kit, monkeypatch):
    denied = example_kit / "content/fields"
    real_listdir = os.listdir

    def deny(path: str | os.PathLike[str] = ".") -> list[str]:
        if Path(path) == denied:
            raise PermissionError(13, "Permission denied", str(path))
        return real_listdir(path)

    monkeypatch.setattr(os, "listdir", deny)
    lines = lines_of(example_kit, 1)
    assert "content/fields:1:1: folder cannot be read: Permission denied" in lines


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_a_chmod_000_file_and_folder_are_located_errors(example_kit):
    (example_kit / "content/contacts/marcus-chen.yml").chmod(0)
    (example_kit / "content/fields").chmod(0)
    try:
        lines = lines_of(example_kit, 1)
    finally:
        (example_kit / "content/fields").chmod(0o755)
    assert "content/contacts/marcus-chen.yml:1:1: file cannot be read: Permission denied" in lines
    assert "content/fields:1:1: folder cannot be read: Permission denied" in lines


# --- the kit's email templates ----------------------------------------------------------------

def template_line(kit: Path) -> str:
    [line] = lines_of(kit, 0)
    assert line.startswith(f"{TEMPLATE}:1:1: warning: "), line
    assert line.endswith("the shipped template is used instead"), line
    return line


def test_a_template_linking_out_of_the_kit_is_refused(example_kit, outside):
    (outside / "t.txt.j2").write_text("Subject: Top Secret\n\nTop Secret\n", encoding="utf-8")
    (example_kit / TEMPLATE).parent.mkdir(parents=True, exist_ok=True)
    (example_kit / TEMPLATE).symlink_to(outside / "t.txt.j2")
    assert "is a link that leads outside the kit folder" in template_line(example_kit)


def test_an_include_linking_out_of_the_folder_is_refused(example_kit, outside):
    (outside / "part.txt.j2").write_text("Top Secret\n", encoding="utf-8")
    (example_kit / TEMPLATE).parent.mkdir(parents=True, exist_ok=True)
    (example_kit / "site_overrides/emails/_part.txt.j2").symlink_to(outside / "part.txt.j2")
    write(example_kit, TEMPLATE, "Subject: Hi\n\n{% include '_part.txt.j2' %}\n")
    assert "_part.txt.j2 is a link that leads outside" in template_line(example_kit)


@pytest.mark.parametrize("statement", [
    "{% include '../../content/kit.yml' %}", "{% import '/etc/passwd' as x %}",
    "{% extends '../../mkdocs.yml' %}"])
def test_a_template_cannot_reach_files_beside_its_folder(example_kit, statement):
    write(example_kit, TEMPLATE, f"Subject: Hi\n\n{statement}\n")
    assert "site_name" not in template_line(example_kit)


def test_a_template_fifo_is_refused_without_blocking(example_kit):
    (example_kit / "site_overrides/emails").mkdir(parents=True, exist_ok=True)
    os.mkfifo(example_kit / TEMPLATE)
    assert "is a FIFO (named pipe), not a regular file" in template_line(example_kit)


def test_the_overrides_folder_linking_out_of_the_kit_is_refused(example_kit, outside):
    emails = example_kit / "site_overrides/emails"
    if emails.exists():
        emails.rename(example_kit / "emails-elsewhere")
    emails.parent.mkdir(exist_ok=True)
    (outside / "thank-you.txt.j2").write_text("Subject: Top Secret\n\nx\n", encoding="utf-8")
    emails.symlink_to(outside)
    assert lines_of(example_kit, 0) == [
        f"site_overrides/emails:1:1: warning: {OUT}; the shipped templates are used"]


@pytest.mark.parametrize(("body", "reason"), [
    ("{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
     "took longer than 2 seconds to render, so it was stopped"),
    ("{% set r = range(100000) %}{% for a in r %}{% for b in r %}{% endfor %}{% endfor %}",
     "took longer than 2 seconds to render, so it was stopped"),
    ("{% for a in range(100000) %}{{ a }}{% endfor %}",
     f"makes more than {MAX_OUTPUT_CHARS:,} characters, so it was stopped"),
    ("{{ 'x' * 10**9 }}", f"makes more than {MAX_OUTPUT_CHARS:,} characters"),
    ("{{ 'x'|center(1000000000) }}", "uses the number 1000000000"),
    ("{{ '{:>999999999}'.format(1) }}", "uses a field width in a format that is too large"),
    ("{% macro m(s) %}{{ m(s ~ s) }}{% endmacro %}{{ m('ab') }}",
     f"makes more than {MAX_OUTPUT_CHARS:,} characters"),
], ids=["nested-loops", "nested-loops-over-a-variable", "output", "repeat", "center",
        "format-width", "doubling-macro"])
def test_a_template_over_a_limit_is_stopped_with_a_located_warning(example_kit, body, reason):
    write(example_kit, TEMPLATE, f"Subject: Hi\n\n{body}\n")
    started = time.monotonic()
    line = template_line(example_kit)
    assert reason in line
    assert "the thank-you note template cannot be rendered" in line
    # A template over the time limit is run once, not once per interview (hang guard only).
    assert time.monotonic() - started < 50


def test_a_template_within_the_limits_still_renders(example_kit):
    write(example_kit, TEMPLATE, "Subject: Thanks {{ contact.first_name }}\n\n"
          "{% for a in range(3) %}{% for b in range(3) %}{{ a * b }}{% endfor %}{% endfor %} "
          "{{ 'x'|center(5) }}{{ 2 ** 10 }}{{ [1, 2]|join(', ') }}\n")
    result = run_check(example_kit)
    assert_clean_exit(result, 0)
    assert diagnostic_lines(result) == []


def test_opening_never_follows_a_link_swapped_in_late(tmp_path):
    """The file opened is the one checked: O_NOFOLLOW on the real path."""
    (tmp_path / "swap").mkdir()
    target = tmp_path / "swap" / "a.yml"
    target.write_text("name: A\n", encoding="utf-8")
    real_stat = Path.stat

    def swap_then_stat(self: Path, *args: object, **kwargs: object) -> os.stat_result:
        info = real_stat(self, *args, **kwargs)  # type: ignore[arg-type]
        if self == target and not stat.S_ISLNK(os.lstat(target).st_mode):
            target.unlink()
            target.symlink_to(tmp_path / "elsewhere.yml")
            (tmp_path / "elsewhere.yml").write_text(SECRET, encoding="utf-8")
        return info

    with mock.patch.object(Path, "stat", swap_then_stat), pytest.raises(UnsafeFile) as caught:
        read_inside(target, tmp_path / "swap", limit=100)
    assert caught.value.code == "unreadable"


def test_a_template_slow_for_every_email_is_stopped_in_all(example_kit, monkeypatch):
    """Each email under 2 seconds, yet all of them together over the total: stopped too."""
    monkeypatch.setattr("generator.emails.render.MAX_TOTAL_SECONDS", 0.0)
    write(example_kit, TEMPLATE, "Subject: Hi\n\n{% for a in range(10) %}{{ a }}{% endfor %}\n")
    assert "took longer than 0 seconds in all to render the kit's emails" in template_line(
        example_kit)


def test_lipsum_is_not_offered_to_templates(example_kit):
    """lipsum(100000) spends seconds inside one call, where no guard can stop it."""
    write(example_kit, TEMPLATE, "Subject: Hi\n\n{{ lipsum(100000) }}\n")
    assert "'lipsum' is undefined" in template_line(example_kit)
