"""The built site in a real Chromium: search, navigation, checklists and the printout.

Runs against the system Chromium (/usr/bin/chromium) through Playwright; no browser is ever
downloaded. Skipped on a machine without that Chromium, but never in CI.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pypdf
import pytest
from site_support import (
    CHROMIUM,
    TODAY,
    build_kit,
    copy_example_kit,
    launch_chromium,
    mkdocs_env,
    serve_folder,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.environ.get("CI") and not CHROMIUM.exists(),
                       reason=f"no Chromium at {CHROMIUM} (and not in CI, where it must run)"),
]

CONTACT = "contacts/priya-natarajan/"
INTERVIEW = "interviews/priya-natarajan-health-data-science/"
MUST_ASK = "How did the readmission model change the way the clinics work?"


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = build_kit(copy_example_kit(tmp_path_factory.mktemp("browser") / "kit"), packets=True)
    with serve_folder(site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        try:
            yield chromium
        finally:
            chromium.close()


class WatchedPage:
    """A page that records console errors, uncaught exceptions and requests off the site."""

    def __init__(self, browser: Any, base_url: str) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.outside: list[str] = []
        host = urlsplit(base_url).netloc
        self.page.on("console", lambda message: self.errors.append(message.text)
                     if message.type == "error" else None)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

        def only_the_site(route: Any) -> None:
            if urlsplit(route.request.url).netloc == host:
                route.continue_()
            else:
                self.outside.append(route.request.url)
                route.abort()

        self.page.route("**/*", only_the_site)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watched(browser: Any, base_url: str) -> Iterator[WatchedPage]:
    page = WatchedPage(browser, base_url)
    try:
        yield page
    finally:
        page.close()


def click_where_it_shows(page: Any, locator: Any) -> None:
    """A real mouse click at the element's centre, once scrolling has settled."""
    locator.scroll_into_view_if_needed()
    boxes = [None, locator.bounding_box()]
    while boxes[-1] != boxes[-2] and len(boxes) < 20:
        page.wait_for_timeout(100)
        boxes.append(locator.bounding_box())
    box = boxes[-1]
    assert box is not None
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def test_search_to_contact_to_prep_page_and_tick_a_checkbox(
        watched: WatchedPage, base_url: str) -> None:
    page = watched.page
    page.goto(base_url)
    page.locator("input.md-search__input").click()
    page.keyboard.type("Priya")
    page.locator(".md-search-result__item").first.wait_for()
    # Results link to the page with ?h=priya (search.highlight).
    result = page.locator(f'a.md-search-result__link[href*="/{CONTACT}"]').first
    result.click()
    page.wait_for_url(lambda url: urlsplit(url).path.endswith(CONTACT))
    heading = page.locator("article h1").inner_text()
    assert heading.removesuffix("¶").strip() == "Priya Natarajan"  # ¶: the heading's permalink

    page.locator(f'article a[href*="/{INTERVIEW}"]').first.click()
    page.wait_for_url(lambda url: urlsplit(url).path.endswith(INTERVIEW))
    assert page.locator("article h2#prep-agenda").is_visible()
    must_ask = page.locator("article ol > li", has_text=MUST_ASK)
    assert must_ask.is_visible()
    assert must_ask.inner_text().startswith("Must ask:")

    # Material hides the real checkbox (opacity 0) under the drawn box of the indicator,
    # so click where the reader sees the box.
    checkboxes = page.locator(".task-list-item input[type=checkbox]")
    checkbox = checkboxes.nth(next(index for index in range(checkboxes.count())
                                   if not checkboxes.nth(index).is_checked()))
    click_where_it_shows(page, checkbox)
    assert checkbox.is_checked()

    assert watched.errors == []
    assert watched.outside == []


def test_the_download_button_saves_the_printed_packet(
        watched: WatchedPage, base_url: str, tmp_path: Path) -> None:
    page = watched.page
    page.goto(base_url + INTERVIEW)
    button = page.get_by_role("link", name="Download the printed packet (PDF)")
    assert button.is_visible()
    with page.expect_download() as download_info:
        button.click()
    download = download_info.value
    assert download.suggested_filename == "priya-natarajan-health-data-science.pdf"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    reader = pypdf.PdfReader(saved)
    assert "Conversation with Priya Natarajan" in reader.pages[0].extract_text()
    assert watched.errors == []
    assert watched.outside == []


def test_print_media_shows_only_the_page_with_link_addresses(
        watched: WatchedPage, base_url: str, tmp_path: Path) -> None:
    page = watched.page
    page.goto(base_url + INTERVIEW)

    def display(selector: str) -> str:
        return str(page.evaluate(
            "s => getComputedStyle(document.querySelector(s)).display", selector))

    def after_content(selector: str) -> str:
        return str(page.evaluate(
            "s => getComputedStyle(document.querySelector(s), '::after').content", selector))

    web_link = 'article a[href^="https://"]'
    href = page.locator(web_link).first.get_attribute("href")
    assert href == "https://meet.example.com/priya-alex"
    assert display(".md-header") != "none"
    assert display(".md-sidebar--primary") != "none"
    assert display("a.prepkit-packet") != "none"
    assert href not in after_content(web_link)

    page.emulate_media(media="print")
    assert display(".md-header") == "none"
    assert display(".md-sidebar--primary") == "none"
    assert display("a.prepkit-packet") == "none"  # paper cannot download
    assert href in after_content(web_link)

    screenshot = tmp_path / "prep-page-print.png"
    page.screenshot(path=str(screenshot), full_page=True)
    data = screenshot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 20_000
    assert watched.errors == []
    assert watched.outside == []


def test_print_media_shows_no_address_after_internal_links(
        watched: WatchedPage, base_url: str) -> None:
    page = watched.page
    page.goto(base_url + INTERVIEW)
    page.emulate_media(media="print")
    contact_link = f'article a[href*="{CONTACT}"]'
    assert page.locator(contact_link).first.inner_text() == "Priya Natarajan"
    content = page.evaluate(
        "s => getComputedStyle(document.querySelector(s), '::after').content", contact_link)
    assert content in ("none", "normal", "")


HOSTILE = ('<script>alert("script")</script><img src=x onerror=alert("img")> '
           '[link](javascript:alert("link")) {: onclick="alert(1)" } {{ 6*7 }} a|b `c` '
           '\u202eevil\u202c e\u0301')


HOSTILE_GUIDE = """---
title: Tips <img src=x onerror=alert(1)>
description: '"><script>alert(2)</script>'
tags: ["<svg onload=alert(3)>"]
---
# Heading <img src=x onerror=alert(4)>

<script>alert(5)</script>
<a href="javascript:alert(6)">click</a>
<div onmouseover="alert(7)">box</div>
"""


@pytest.fixture(scope="module")
def hostile_kit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import yaml

    kit = copy_example_kit(tmp_path_factory.mktemp("hostile-browser") / "kit")
    content = kit / "content"

    def rewrite(path: Path, **values: Any) -> None:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data.update(values)
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")

    rewrite(content / "contacts" / "priya-natarajan.yml", name="Priya " + HOSTILE,
            title=HOSTILE, organization=HOSTILE, how_we_met=HOSTILE, background=HOSTILE,
            private_notes=HOSTILE)
    rewrite(content / "fields" / "data-science.yml", summary=HOSTILE, roles=[HOSTILE],
            tags=[HOSTILE])
    rewrite(content / "interviews" / "marcus-chen-ux-path.yml", goals=[HOSTILE], notes=HOSTILE,
            takeaways=[HOSTILE])
    (content / "guide" / "tips.md").write_text(HOSTILE_GUIDE, encoding="utf-8")
    return kit


@pytest.fixture(scope="module")
def hostile_url(hostile_kit: Path) -> Iterator[str]:
    with serve_folder(build_kit(hostile_kit)) as url:
        yield url


@pytest.fixture(scope="module")
def hostile_export_url(hostile_kit: Path,
                       tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The public export of the hostile kit, built elsewhere with plain MkDocs."""
    from click.testing import CliRunner

    from generator.cli import cli

    out = tmp_path_factory.mktemp("hostile-export") / "export"
    exported = CliRunner().invoke(cli, ["export", str(out), "-f", str(hostile_kit / "mkdocs.yml"),
                                        "--public", "--today", TODAY])
    assert exported.exit_code == 0, exported.output
    site = out.parent / "built"
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f",
                           str(out / "mkdocs.yml"), "-d", str(site)], env=mkdocs_env(),
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    with serve_folder(site) as url:
        yield url


HOSTILE_PAGES = ["", CONTACT, INTERVIEW, "interviews/marcus-chen-ux-path/",
                 "fields/data-science/", "contacts/", "tags/", "follow-ups/", "guide/tips/"]


def runs_nothing(browser: Any, url: str) -> None:
    """Every hostile page loads with no dialog, no error and no javascript: link."""
    watched = WatchedPage(browser, url)
    dialogs: list[str] = []
    watched.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        for path in HOSTILE_PAGES:
            watched.page.goto(url + path)
            watched.page.wait_for_load_state("load")
            for link in watched.page.locator("a").all():
                href = link.get_attribute("href") or ""
                assert not href.lower().startswith("javascript:"), (path, href)
            watched.page.locator("article").hover()
        assert dialogs == []
        assert watched.errors == []
    finally:
        watched.close()


def test_a_hostile_guide_page_and_its_title_run_nothing(browser: Any, hostile_url: str) -> None:
    runs_nothing(browser, hostile_url)
    watched = WatchedPage(browser, hostile_url)
    try:
        watched.page.goto(hostile_url + "guide/tips/")
        assert watched.page.title().startswith("Tips ‹img src=x onerror=alert(1)›")
    finally:
        watched.close()


def test_a_public_export_built_with_plain_mkdocs_runs_nothing(browser: Any,
                                                              hostile_export_url: str) -> None:
    runs_nothing(browser, hostile_export_url)


def test_hostile_text_shows_as_typed_and_runs_nothing(browser: Any, hostile_url: str) -> None:
    watched = WatchedPage(browser, hostile_url)
    dialogs: list[str] = []
    watched.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        pages = ["", CONTACT, INTERVIEW, "interviews/marcus-chen-ux-path/",
                 "fields/data-science/", "contacts/", "tags/", "follow-ups/"]
        for path in pages:
            watched.page.goto(hostile_url + path)
            watched.page.wait_for_load_state("load")
            for link in watched.page.locator("article a").all():
                href = link.get_attribute("href") or ""
                assert not href.lower().startswith("javascript:"), (path, href)
        watched.page.goto(hostile_url + CONTACT)
        heading = watched.page.locator("article h1").inner_text().removesuffix("¶").strip()
        assert heading == "Priya " + " ".join(HOSTILE.split())
        assert "{{ 6*7 }}" in watched.page.locator("article").inner_text()
        assert dialogs == []
        assert watched.errors == []
    finally:
        watched.close()


# Accessibility: axe-core (axe-playwright-python) on every kind of page. A plain
# MkDocs-Material page has two serious violations of its own (the search dialog has no name;
# the footer note is a shade short of 4.5:1 contrast); the kit's site_overrides fix both, so
# no page may have any critical or serious violation.
AXE_PAGES = ["", "guide/conduct/", "fields/data-science/", CONTACT, "questions/tiara/",
             INTERVIEW, "interviews/marcus-chen-ux-path/", "follow-ups/", "emails/", "tags/"]


@pytest.mark.parametrize("width", [1280, 390])
def test_no_page_has_a_serious_accessibility_violation(browser: Any, base_url: str,
                                                         width: int) -> None:
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    found = {}
    try:
        for uri in AXE_PAGES:
            page.goto(base_url + uri)
            violations = Axe().run(page).response["violations"]
            found[uri or "home"] = sorted(v["id"] for v in violations
                                          if v["impact"] in ("critical", "serious"))
    finally:
        context.close()
    assert found == {uri or "home": [] for uri in AXE_PAGES}


def test_drafts_wrap_and_print_leaves_them_out(browser: Any, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(base_url + INTERVIEW)
        draft = page.locator("code.language-draft").first
        assert draft.evaluate("e => getComputedStyle(e).whiteSpace") == "pre-wrap"
        assert draft.evaluate("e => e.scrollWidth <= e.clientWidth + 1")
        # Every checklist box is named by its item.
        names = page.locator(".task-list-control").evaluate_all(
            "els => els.map(e => e.textContent.trim())")
        assert names and all(names)
        page.emulate_media(media="print")
        assert not page.locator("#prep-emails").is_visible()
        assert not draft.is_visible()
        assert page.locator("#prep-agenda").is_visible()
        assert page.locator("#prep-checklists").is_visible()
    finally:
        context.close()
