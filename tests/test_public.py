"""A public build holds none of the kit's private values, in any file it writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from site_support import build_kit, copy_example_kit

from generator.check.load import load_kit
from generator.cli import cli
from generator.kit import Kit

TODAY = "2026-11-25"


def private_values(kit: Kit) -> set[str]:
    """Every value the kit holds that a public build must not show."""
    values: set[str] = set()
    owner = kit.settings.owner
    values.update(v for v in (owner.email, owner.phone) if v)
    for contact in kit.contacts.values():
        values.update(v for v in (contact.email, contact.phone, contact.linkedin,
                                  contact.private_notes) if v)
    values.update(employer.notes for employer in kit.employers.values() if employer.notes)
    for interview in kit.interviews.values():
        if interview.notes:
            # Long notes are checked line by line: a page may rewrap a paragraph but keeps
            # each of its lines' words together.
            values.update(line.strip() for line in interview.notes.splitlines()
                          if len(line.strip()) > 25)
        values.update(interview.takeaway_texts)
        values.update(interview.to_share)
        if interview.scheduled and interview.scheduled.location:
            values.add(interview.scheduled.location)
    return values


def needles(value: str) -> set[str]:
    """The value as it may appear in output: as typed, HTML-escaped or percent-encoded."""
    from html import escape
    from urllib.parse import quote

    return {value, escape(value, quote=False), escape(value), quote(value, safe="")}


def leaks(folder: Path, values: set[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.suffix == ".map":  # the theme's own source maps
            continue
        text = path.read_bytes().decode("utf-8", errors="replace")
        hits = [value for value in values if any(needle in text for needle in needles(value))]
        if hits:
            found[path.relative_to(folder).as_posix()] = hits
    return found


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_example_kit(tmp_path_factory.mktemp("public") / "kit")


@pytest.fixture(scope="module")
def secrets(example: Path) -> set[str]:
    kit = load_kit(example / "content").kit
    assert kit is not None
    values = private_values(kit)
    assert len(values) > 30  # the example kit really holds private values to look for
    return values


def test_the_private_build_shows_private_values(example: Path, secrets: set[str],
                                                tmp_path: Path) -> None:
    """The check below can fail: a private build does contain these values."""
    site = build_kit(copy_example_kit(tmp_path / "kit"), today=TODAY)
    assert leaks(site, secrets)


def test_the_public_build_holds_no_private_value(example: Path, secrets: set[str]) -> None:
    result = CliRunner().invoke(cli, ["build", "-f", str(example / "mkdocs.yml"), "--public",
                                      "--today", TODAY])
    assert result.exit_code == 0, result.output
    site = example / "site"
    assert (site / "search" / "search_index.json").is_file()
    assert (site / "sitemap.xml").is_file()
    assert leaks(site, secrets) == {}


def test_publish_public_in_kit_yml_makes_every_build_public(tmp_path: Path,
                                                            secrets: set[str]) -> None:
    kit = copy_example_kit(tmp_path / "kit")
    kit_file = kit / "content" / "kit.yml"
    kit_file.write_text(kit_file.read_text(encoding="utf-8") + "publish: public\n",
                        encoding="utf-8")
    assert leaks(build_kit(kit, today=TODAY), secrets) == {}


def test_the_public_export_holds_no_private_value(example: Path, secrets: set[str],
                                                  tmp_path: Path) -> None:
    out = tmp_path / "export"
    result = CliRunner().invoke(cli, ["export", str(out), "-f", str(example / "mkdocs.yml"),
                                      "--public", "--today", TODAY])
    assert result.exit_code == 0, result.output
    assert (out / "docs" / "index.md").is_file()
    assert leaks(out, secrets) == {}


def test_public_contacts_hidden_leaves_every_person_out(tmp_path: Path) -> None:
    kit_dir = copy_example_kit(tmp_path / "kit")
    kit = load_kit(kit_dir / "content").kit
    assert kit is not None
    names = {contact.name for contact in kit.contacts.values()}
    kit_file = kit_dir / "content" / "kit.yml"
    kit_file.write_text(kit_file.read_text(encoding="utf-8") + "public_contacts: hidden\n",
                        encoding="utf-8")
    site = build_kit(kit_dir, today=TODAY, public=True)
    assert not (site / "contacts" / "priya-natarajan").exists()
    assert not (site / "interviews" / "marcus-chen-ux-path").exists()
    assert leaks(site, names) == {}
    assert (site / "fields" / "data-science" / "index.html").is_file()
    assert (site / "questions" / "getting-started" / "index.html").is_file()


def test_gh_deploy_builds_the_public_site(tmp_path: Path, secrets: set[str]) -> None:
    """What `mkdocs gh-deploy` does before pushing: a build started as 'gh-deploy'."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    kit_dir = copy_example_kit(tmp_path / "kit")
    config = load_config(config_file=str(kit_dir / "mkdocs.yml"))
    config.plugins["prepkit"].config.today = TODAY
    config.plugins.on_startup(command="gh-deploy", dirty=False)
    build(config)
    site = Path(config.site_dir)
    assert (site / "index.html").is_file()
    assert leaks(site, secrets) == {}
