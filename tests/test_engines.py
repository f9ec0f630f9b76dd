"""Both engines, MkDocs (through the prepkit plugin) and Zensical, turn the same kit into the
same pages, and every promise (no private value in public, nothing runs, nothing lost) holds
under each."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from site_support import TODAY, Element, article, build_kit, copy_example_kit, parse_html
from test_output_safety import HOSTILE_GUIDE, live_script
from test_public import leaks, private_values

from generator.check.load import load_kit
from generator.cli import cli


def build_with(kit: Path, engine: str, site: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["build", "-f", str(kit / "mkdocs.yml"), "--engine", engine,
                                      "--today", TODAY, "--site-dir", str(site), *args])
    assert result.exit_code == 0, result.output
    return result.output


def without_tag_chips(element: Element) -> Element:
    """The page body without the theme's tag chips, which each engine draws in its own way
    (the Tags page itself is made by prepkit, the same for both)."""
    element.children = [child for child in element.children if isinstance(child, str)
                         or not {"md-tags", "md-tag"} & child.classes]
    for child in element.children:
        if isinstance(child, Element):
            without_tag_chips(child)
    return element


def page_texts(site: Path) -> dict[str, str]:
    return {page.relative_to(site).as_posix():
            without_tag_chips(article(parse_html(page.read_text(encoding="utf-8")))).text
            for page in sorted(site.rglob("index.html"))}


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    kit = copy_example_kit(tmp_path_factory.mktemp("engines") / "kit")
    mkdocs_site, zensical_site = kit.parent / "mkdocs-site", kit.parent / "zensical-site"
    build_with(kit, "mkdocs", mkdocs_site)
    output = build_with(kit, "zensical", zensical_site)
    assert "with Zensical" in output
    return kit, mkdocs_site, zensical_site


def test_both_engines_give_the_same_pages_with_the_same_content(
        both: tuple[Path, Path, Path]) -> None:
    _, mkdocs_site, zensical_site = both
    with_mkdocs, with_zensical = page_texts(mkdocs_site), page_texts(zensical_site)
    assert len(with_mkdocs) > 40
    assert sorted(with_mkdocs) == sorted(with_zensical)
    differing = [page for page in with_mkdocs if with_mkdocs[page] != with_zensical[page]]
    assert differing == []
    for site in (mkdocs_site, zensical_site):
        assert (site / "calendar.ics").is_file()
        tags = (site / "tags" / "index.html").read_text(encoding="utf-8")
        assert "Conversation with Priya Natarajan" in tags


def test_each_engine_writes_its_own_search_index(both: tuple[Path, Path, Path]) -> None:
    _, mkdocs_site, zensical_site = both
    assert "Priya Natarajan" in (mkdocs_site / "search" / "search_index.json").read_text(
        encoding="utf-8")
    assert "Priya Natarajan" in (zensical_site / "search.json").read_text(encoding="utf-8")


def test_a_public_zensical_build_holds_no_private_value(tmp_path: Path) -> None:
    kit = copy_example_kit(tmp_path / "kit")
    secrets = private_values(load_kit(kit / "content").kit)  # type: ignore[arg-type]
    build_with(kit, "zensical", tmp_path / "private")
    assert leaks(tmp_path / "private", secrets)  # the check below can fail
    build_with(kit, "zensical", tmp_path / "public", "--public")
    assert leaks(tmp_path / "public", secrets) == {}


def test_a_hostile_guide_page_runs_nothing_under_zensical(tmp_path: Path) -> None:
    kit = copy_example_kit(tmp_path / "kit")
    (kit / "content" / "guide" / "tips.md").write_text(HOSTILE_GUIDE, encoding="utf-8")
    build_with(kit, "zensical", tmp_path / "site", "--public")
    assert (tmp_path / "site" / "guide" / "tips" / "index.html").is_file()
    assert live_script(tmp_path / "site") == []


def test_the_engine_can_be_chosen_in_mkdocs_yml(tmp_path: Path) -> None:
    kit = copy_example_kit(tmp_path / "kit")
    config = kit / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "      content_dir: content", "      content_dir: content\n      engine: zensical"),
        encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "-f", str(config), "--today", TODAY])
    assert result.exit_code == 0, result.output
    assert "with Zensical" in result.output
    assert (kit / "site" / "search.json").is_file()
    # Plain MkDocs still reads the same mkdocs.yml (the plugin accepts the option).
    assert (build_kit(kit) / "search" / "search_index.json").is_file()


@pytest.mark.parametrize("target", [".", "content", ".."])
def test_the_zensical_engine_goes_through_the_same_guard(tmp_path: Path, target: str) -> None:
    kit = copy_example_kit(tmp_path / "kit")
    result = CliRunner().invoke(cli, ["build", "-f", str(kit / "mkdocs.yml"), "--engine",
                                      "zensical", "--site-dir", str(kit / target)])
    assert result.exit_code == 2, result.output
    assert "refusing" in result.output
    assert (kit / "content" / "kit.yml").is_file()


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_each_engine_reports_the_emails_warnings_as_check_does(tmp_path: Path,
                                                                engine: str) -> None:
    kit = copy_example_kit(tmp_path / "kit")
    kit_yml = kit / "content" / "kit.yml"
    text = kit_yml.read_text(encoding="utf-8")
    assert "outreach_word_limit: 75" in text
    kit_yml.write_text(text.replace("outreach_word_limit: 75", "outreach_word_limit: 10"),
                       encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "-f", str(kit / "mkdocs.yml"), "--engine",
                                      engine, "--today", TODAY, "--strict"])
    assert result.exit_code != 0, result.output
    assert "keep it to 10 (rules.outreach_word_limit)" in result.output, result.output
    assert not (kit / "site").exists()
