"""The guide site built from the example kit: which pages exist and what they say.

The example kit is copied and built once for the module (as of 2026-11-25); tests that change
the content work on their own copy.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import deque
from datetime import date
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from click.testing import CliRunner
from site_support import (
    Element,
    article,
    build_kit,
    copy_example_kit,
    html_file,
    load_synthetic,
    mkdocs_env,
    parse_html,
    read_page,
    table_dict,
    table_rows,
    tree_digest,
)

from generator.cli import cli
from generator.errors import PrepkitError
from generator.render.site import generate_site

KINDS = ("interviews", "contacts", "fields", "questions")
STEPS = [
    ("Research career fields", "guide/research-fields/"),
    ("Identify people", "guide/identify-people/"),
    ("Prepare questions", "guide/prepare-questions/"),
    ("Make contact", "guide/make-contact/"),
    ("Conduct the conversation", "guide/conduct/"),
    ("Follow up", "guide/follow-up/"),
]
USER_CONDUCT_PAGE = """\
# How I run a conversation

My own checklist: arrive early, ask my three must-ask questions, stop on time.
"""


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_example_kit(tmp_path_factory.mktemp("example") / "kit")


@pytest.fixture(scope="module")
def content_before(kit: Path) -> dict[str, str]:
    return tree_digest(kit / "content")


@pytest.fixture(scope="module")
def site(kit: Path, content_before: dict[str, str]) -> Path:
    return build_kit(kit)


@pytest.fixture(scope="module")
def variant_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example kit with the user's own conduct guide page and a 5-minute conversation."""
    kit = copy_example_kit(tmp_path_factory.mktemp("variant") / "kit")
    (kit / "content" / "guide" / "conduct.md").write_text(USER_CONDUCT_PAGE, encoding="utf-8")
    interview = kit / "content" / "interviews" / "priya-natarajan-health-data-science.yml"
    text = interview.read_text(encoding="utf-8")
    assert "duration_minutes: 20" in text
    interview.write_text(text.replace("duration_minutes: 20", "duration_minutes: 5"),
                         encoding="utf-8")
    # Not strict: must-ask questions that do not fit are also a content warning.
    return build_kit(kit, strict=False)


def content_ids(kit: Path, kind: str) -> set[str]:
    return {path.stem for path in (kit / "content" / kind).glob("*.yml")}


def load_yaml(kit: Path, kind: str, item_id: str) -> dict[str, object]:
    data = yaml.safe_load((kit / "content" / kind / f"{item_id}.yml").read_text("utf-8"))
    assert isinstance(data, dict)
    return data


def heading_texts(page: Element, tag: str) -> list[str]:
    return [heading.text for heading in page.find_all(tag)]


# ---------------------------------------------------------------------------------------------
# Home and dashboard
# ---------------------------------------------------------------------------------------------

def test_home_links_the_six_steps_in_order(site: Path) -> None:
    home = article(read_page(site, ""))
    steps = home.section("the-six-steps")
    assert steps[0].tag == "ol"
    items = steps[0].find_all("li")
    assert len(items) == 6
    for item, (title, href) in zip(items, STEPS, strict=True):
        assert item.links()[0] == (href, title)
    assert ("guide/post-offer/", "the post-offer conversation") in home.links()


def test_dashboard_lists_the_next_conversations_soonest_first(site: Path) -> None:
    home = article(read_page(site, ""))
    table = next(e for e in home.section("next-conversations") if e.tag == "table")
    rows = table_dict(table)
    assert [row["Who"] for row in rows] == ["Priya Natarajan", "Rachel Kim", "Dr. Helen Okafor"]
    assert rows[0] == {"When": "Wednesday, December 2, 2026, 3:00 PM CST", "Who": "Priya Natarajan",
                       "Field": "Data Science", "Prep page": "Prepare"}
    assert ("interviews/priya-natarajan-health-data-science/", "Prepare") in table.links()


def test_dashboard_marks_marcus_chens_thank_you_overdue(site: Path) -> None:
    home = article(read_page(site, ""))
    table = next(e for e in home.section("what-is-due") if e.tag == "table")
    rows = {(row["What"], row["Conversation"]): row["Due"] for row in table_dict(table)}
    assert rows[("Send the thank-you note", "Marcus Chen")] == \
        "Sunday, November 22, 2026 (overdue)"
    # Due later than today is listed without the marker.
    assert rows[("Confirm the day before", "Priya Natarajan")] == "Tuesday, December 1, 2026"


def test_dashboard_counts_conversations_by_stage(site: Path, kit: Path) -> None:
    home = article(read_page(site, ""))
    table = next(e for e in home.section("conversations-by-stage") if e.tag == "table")
    counts = {row["Stage"]: row["Conversations"] for row in table_dict(table)}
    # As of 2026-11-25: Sam Patel and Tia Rivera are not asked yet, Kevin Ng and Maya Goldberg
    # were asked, three meetings are ahead, Marcus Chen's was held, Jordan Lee was thanked and
    # Luis Fernandez declined.
    assert counts == {"Planned": "2", "Requested": "2", "Scheduled": "3", "Held": "1",
                      "Thanked": "1", "Declined": "1",
                      "All": str(len(content_ids(kit, "interviews")))}
    assert ("interviews/#held", "Held") in table.links()


# ---------------------------------------------------------------------------------------------
# One page per item, and the index pages
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", KINDS)
def test_every_content_file_has_its_page(site: Path, kit: Path, kind: str) -> None:
    built = {path.parent.name for path in (site / kind).glob("*/index.html")}
    assert built == content_ids(kit, kind)
    assert len(built) == len(list((kit / "content" / kind).glob("*.yml")))


@pytest.mark.parametrize("kind", KINDS)
def test_every_item_is_linked_from_its_index(site: Path, kit: Path, kind: str) -> None:
    index = article(read_page(site, kind))
    linked = {href.rstrip("/") for href, _ in index.links() if "/" in href
              and not href.startswith(("..", "#", "http"))}
    assert linked == content_ids(kit, kind)


def test_contacts_directory_table(site: Path, kit: Path) -> None:
    table = article(read_page(site, "contacts")).find("table")
    header, *rows = table_rows(table)
    assert header == ["Name", "Title", "Organization", "Relationship", "Field",
                      "Latest conversation", "Response"]
    assert len(rows) == len(content_ids(kit, "contacts"))
    by_name = {row["Name"]: row for row in table_dict(table)}
    assert by_name["Priya Natarajan"] == {
        "Name": "Priya Natarajan", "Title": "Senior Data Scientist",
        "Organization": "Acme Health", "Relationship": "former employer",
        "Field": "Data Science, Public Health", "Latest conversation": "Scheduled",
        "Response": "Booster"}
    assert by_name["Marcus Chen"]["Latest conversation"] == "Held"
    assert by_name["Luis Fernandez"]["Latest conversation"] == "Declined"
    assert ("priya-natarajan/", "Priya Natarajan") in table.links()


def test_interviews_index_groups_by_stage(site: Path, kit: Path) -> None:
    index = article(read_page(site, "interviews"))
    assert [(h.attrs["id"], h.text) for h in index.find_all("h2")] == [
        ("planned", "Planned (2)"), ("requested", "Requested (2)"),
        ("scheduled", "Scheduled (3)"), ("held", "Held (1)"), ("thanked", "Thanked (1)"),
        ("declined", "Declined (1)")]

    def listed(stage: str) -> list[str]:
        table = next(e for e in index.section(stage) if e.tag == "table")
        return [row["Conversation with"] for row in table_dict(table)]

    assert listed("scheduled") == ["Priya Natarajan", "Rachel Kim", "Dr. Helen Okafor"]
    assert listed("held") == ["Marcus Chen"]
    assert listed("declined") == ["Luis Fernandez"]
    assert sorted(listed("planned")) == ["Sam Patel", "Tia Rivera"]
    # Each row links by the person's name, never by the file's id.
    assert {text for _, text in index.links()} & set(content_ids(kit, "interviews")) == set()


# ---------------------------------------------------------------------------------------------
# An interview's prep page
# ---------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def marcus(site: Path) -> Element:
    return article(read_page(site, "interviews/marcus-chen-ux-path"))


def test_prep_page_at_a_glance(marcus: Element) -> None:
    glance = next(e for e in marcus.section("prep-glance") if e.tag == "ul")
    facts = dict(li.text.split(": ", 1) for li in glance.find_all("li"))
    assert facts["Who"] == "Marcus Chen, PhD Candidate, Human-Computer Interaction at " \
                           "State University; your teaching assistant (GSI), referred by " \
                           "Dana Kowalski"
    assert facts["When"] == "Friday, November 20, 2026, 4:00 PM CST; 30 minutes (agreed)"
    assert facts["Stage"] == "Held; exploratory conversation about UX Research"
    assert ("../../contacts/marcus-chen/", "Marcus Chen") in glance.links()


def test_prep_page_agenda_puts_must_ask_first_with_running_minutes(marcus: Element) -> None:
    agenda = next(e for e in marcus.section("prep-agenda") if e.tag == "ol")
    items = [item for item in agenda.children if isinstance(item, Element)]
    labels = [item.own_text for item in items]
    must = [label.startswith("Must ask:") for label in labels]
    assert must == [True] * 3 + [False] * 7, labels
    # The interview's own must-ask question joins those of its question sets.
    assert "Must ask: How did your industry internships compare with doing research in a " \
           "PhD program? (minutes 10–13)" in labels
    # Each question starts where the last one ended, after a 2-minute opening; those that
    # end after the closing's start are marked.
    timings = [re.search(r"\(minutes (\d+)–(\d+)(, if there is time)?\)$", label)
               for label in labels]
    assert all(timings), labels
    running = 2
    for timing in timings:
        assert timing is not None
        assert int(timing[1]) == running
        running = int(timing[2])
        assert bool(timing[3]) == (running > 28)
    assert running == 33
    intro = marcus.section("prep-agenda")[0].text
    assert intro == "30 minutes: 2 to open, 26 for questions, 2 to close. The 3 must-ask " \
                    "questions take 11 of the 26 minutes for questions."


def test_prep_page_notes_when_optional_questions_run_over(marcus: Element) -> None:
    admonitions = [e for e in marcus.section("prep-agenda") if "admonition" in e.classes]
    assert [(a.classes - {"admonition"}, a.find("p", class_="admonition-title").text)
            for a in admonitions] == [({"note"}, "More questions than time")]


def test_prep_page_warns_when_must_ask_questions_do_not_fit(variant_site: Path) -> None:
    page = article(read_page(variant_site, "interviews/priya-natarajan-health-data-science"))
    warning = page.find("div", class_="warning")
    assert warning.find("p", class_="admonition-title").text == \
        "The must-ask questions do not fit"
    assert "The must-ask questions need 9 minutes but only 1 of the 5 are left after 2 for " \
           "the opening and 2 for the close" in warning.text


def test_prep_page_without_the_warning_when_must_ask_questions_fit(site: Path) -> None:
    page = article(read_page(site, "interviews/priya-natarajan-health-data-science"))
    assert page.find_all("div", class_="warning") == []
    assert "The must-ask questions do not fit" not in page.text


def test_prep_page_checklists(marcus: Element) -> None:
    assert heading_texts(marcus, "h3")[:3] == ["Before", "During", "After"]

    def checklist(section: str) -> list[tuple[bool, str]]:
        task_list = next(e for e in marcus.section(section) if e.tag == "ul")
        assert "task-list" in task_list.classes
        return [("checked" in item.find("input", type="checkbox").attrs, item.text)
                for item in task_list.find_all("li", class_="task-list-item")]

    before = checklist("before")
    assert (True, "Send the request by email") in before
    assert (True, "Confirm the day before") in before  # scheduled.confirmed_on is recorded
    assert (False, "Bring a copy of your résumé, to hand over only if asked") in before
    during = checklist("during")
    assert (False, "Arrive ten minutes early") in during  # in person, not on video
    assert (False, "Keep to the agreed 30 minutes: watch the clock") in during
    assert checklist("after") == [
        (True, "Record your notes and takeaways in this interview's file"),
        (False, "Send the thank-you note: was due Sunday, November 22, 2026 (overdue)")]


def test_prep_page_of_a_held_interview_shows_notes_and_takeaways(marcus: Element) -> None:
    notes = marcus.section("prep-notes")
    assert notes[0].text == "Met in the HCI lab; we kept to the 30 minutes."
    assert any("two-to-four-week cycles" in e.text for e in notes if e.tag == "ul")
    takeaways = next(e for e in marcus.section("takeaways") if e.tag == "ul")
    assert [li.text for li in takeaways.find_all("li")] == [
        "Build one end-to-end usability study for my portfolio, ideally with real users",
        "Look at quantitative UX research job postings, not only general UX roles (trends)",
        "Watch the HCI lab mailing list for the spring research assistant posting (resources)"]


def test_prep_page_of_a_scheduled_interview_has_no_notes_section(site: Path) -> None:
    page = article(read_page(site, "interviews/priya-natarajan-health-data-science"))
    assert page.find_all(id="notes") == []
    assert page.find_all(id="takeaways") == []


# ---------------------------------------------------------------------------------------------
# Field and question set pages
# ---------------------------------------------------------------------------------------------

def test_field_page_lists_research_people_question_sets_and_conversations(
        site: Path, kit: Path) -> None:
    page = article(read_page(site, "fields/data-science"))
    field = load_yaml(kit, "fields", "data-science")

    research = next(e for e in page.section("research") if e.tag == "ul")
    sources = field["research"]
    assert isinstance(sources, list)
    assert research.links() == [(source["url"], source["title"]) for source in sources]

    people = {text for _, text in next(
        e for e in page.section("people-in-this-field") if e.tag == "ul").links()}
    expected_people = {load_yaml(kit, "contacts", cid)["name"]
                       for cid in content_ids(kit, "contacts")
                       if "data-science" in load_yaml(kit, "contacts", cid).get("fields", [])}
    assert people == expected_people

    sets = {href for href, _ in next(
        e for e in page.section("question-sets-that-suit-it") if e.tag == "ul").links()}
    expected_sets = {f"../../questions/{sid}/" for sid in content_ids(kit, "questions")
                     if load_yaml(kit, "questions", sid).get("fields") in ([], None)
                     or "data-science" in load_yaml(kit, "questions", sid)["fields"]}
    assert sets == expected_sets

    conversations = next(e for e in page.section("conversations") if e.tag == "ul")
    expected_conversations = {f"../../interviews/{iid}/" for iid in content_ids(kit, "interviews")
                              if load_yaml(kit, "interviews", iid).get("field") == "data-science"}
    assert {href for href, _ in conversations.links()} == expected_conversations
    assert "Priya Natarajan: Scheduled" in [li.text for li in conversations.find_all("li")]


def test_question_set_page_groups_questions_by_tiara_topic(site: Path) -> None:
    tiara = article(read_page(site, "questions/tiara"))
    assert heading_texts(tiara, "h2") == ["Trends", "Insights", "Advice", "Resources",
                                             "Assignments"]
    # A set written in another order is still shown in TIARA order.
    methods = article(read_page(site, "questions/ux-methods"))
    assert heading_texts(methods, "h2") == ["Trends", "Insights", "Advice", "Assignments"]
    insights = next(e for e in methods.section("insights") if e.tag == "ol")
    assert insights.find("li").own_text == (
        "How do you convince product teams to act on research findings? (3 min)")


# ---------------------------------------------------------------------------------------------
# Guide pages written by the user
# ---------------------------------------------------------------------------------------------

def test_users_guide_page_replaces_the_built_in_one(variant_site: Path, site: Path) -> None:
    built_in = article(read_page(site, "guide/conduct"))
    assert "treat it with the same care" in built_in.text
    page = article(read_page(variant_site, "guide/conduct"))
    assert page.find("h1").text == "How I run a conversation"
    assert "ask my three must-ask questions" in page.text
    assert "treat it with the same care" not in page.text
    home = read_page(variant_site, "")
    assert ("guide/conduct/", "Conduct the conversation") in article(home).links()


def test_users_extra_guide_page_is_in_the_nav(site: Path) -> None:
    home = read_page(site, "")
    nav = home.find("nav", class_="md-nav--primary")
    assert ("guide/my-search-plan/", "My search plan") in nav.links()
    page = article(read_page(site, "guide/my-search-plan"))
    assert page.find("h1").text == "My search plan"
    assert "Goals for this winter" in heading_texts(page, "h2")


# ---------------------------------------------------------------------------------------------
# What is published, and that MkDocs itself is happy
# ---------------------------------------------------------------------------------------------

def test_raw_yaml_is_never_published(site: Path) -> None:
    published = [path for path in site.rglob("*") if path.suffix in (".yml", ".yaml")]
    assert published == []
    assert not (site / "content").exists()


def test_build_leaves_the_content_folder_untouched(
        site: Path, kit: Path, content_before: dict[str, str]) -> None:
    assert tree_digest(kit / "content") == content_before


def test_plain_mkdocs_build_strict_has_no_warning(tmp_path: Path) -> None:
    kit = copy_example_kit(tmp_path / "kit")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
        cwd=kit, env=mkdocs_env(), capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    assert (tmp_path / "out" / "interviews" / "marcus-chen-ux-path" / "index.html").is_file()


def links_of_page(path: Path, site: Path) -> set[Path]:
    """The site's .html pages this page links to."""
    base = "http://site/" + path.relative_to(site).as_posix()
    page = parse_html(path.read_text(encoding="utf-8"))
    found: set[Path] = set()
    for href, _ in page.links():
        target = urlsplit(urljoin(base, href))
        if target.netloc != "site":
            continue
        relative = target.path.lstrip("/")
        file = site / relative / "index.html" if relative.endswith("/") or not relative \
            else site / relative
        if file.suffix == ".html" and file.is_file():
            found.add(file.resolve())
    return found


def test_every_page_is_at_most_three_clicks_from_home(site: Path) -> None:
    home = html_file(site, "").resolve()
    depth = {home: 0}
    queue = deque([home])
    while queue:
        page = queue.popleft()
        if depth[page] == 3:
            continue
        for target in links_of_page(page, site.resolve()):
            if target not in depth:
                depth[target] = depth[page] + 1
                queue.append(target)
    pages = {path.resolve() for path in site.rglob("*.html") if path.name != "404.html"}
    assert len(pages) > 40
    assert pages - depth.keys() == set()


# ---------------------------------------------------------------------------------------------
# Scale, export, rebuilds, errors and --today
# ---------------------------------------------------------------------------------------------

def test_a_kit_of_100_interviews_builds_and_lists_them_all(tmp_path: Path) -> None:
    synthetic = load_synthetic()
    kit = tmp_path / "big"
    synthetic.write_kit(kit, 100)
    site = build_kit(kit)
    ids = content_ids(kit, "interviews")
    assert len(ids) == 100
    index = article(read_page(site, "interviews"))
    listed = [href.rstrip("/") for href, _ in index.links()
              if not href.startswith(("#", "..", "http"))]
    assert sorted(listed) == sorted(ids)
    assert all(html_file(site, f"interviews/{iid}").is_file() for iid in ids)


def test_export_builds_with_plain_mkdocs(tmp_path: Path, site: Path, kit: Path) -> None:
    out = tmp_path / "export"
    result = CliRunner().invoke(
        cli, ["export", str(out), "-f", str(kit / "mkdocs.yml"), "--today", "2026-11-25"])
    assert result.exit_code == 0, result.output
    config = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))
    plugins = [next(iter(p)) if isinstance(p, dict) else p for p in config["plugins"]]
    assert "prepkit" not in plugins
    assert config["docs_dir"] == "docs"
    exported = {path.relative_to(out / "docs").as_posix()
                for path in (out / "docs").rglob("*.md")}
    assert {"index.md", "contacts/priya-natarajan.md", "interviews/marcus-chen-ux-path.md",
            "guide/conduct.md", "guide/my-search-plan.md"} <= exported
    assert not list((out / "docs").rglob("*.yml"))

    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(out / "mkdocs.yml")],
        cwd=tmp_path, env=mkdocs_env(), capture_output=True, text=True, check=False)
    assert built.returncode == 0, built.stderr
    assert "WARNING" not in built.stderr, built.stderr
    plain = read_page(out / "site", "interviews/marcus-chen-ux-path")
    assert article(plain).find("h1").text == "Conversation with Marcus Chen"
    # The same pages as the plugin build, in the same words.
    assert article(plain).text == article(read_page(site, "interviews/marcus-chen-ux-path")).text


def cache_pages(kit: Path) -> dict[str, int]:
    cache = kit / ".prepkit-cache" / "private"
    return {path.relative_to(cache).as_posix(): path.stat().st_mtime_ns
            for path in cache.rglob("*") if path.is_file()}


def age_cache(kit: Path) -> None:
    """Give every cached page an old modification time, so any rewrite shows."""
    for path in (kit / ".prepkit-cache" / "private").rglob("*"):
        if path.is_file():
            os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))


def test_rebuild_writes_only_pages_whose_text_changed(tmp_path: Path) -> None:
    kit = copy_example_kit(tmp_path / "kit")
    build_kit(kit)
    cache = kit / ".prepkit-cache" / "private"
    age_cache(kit)
    old = cache_pages(kit)
    assert len(old) > 40

    build_kit(kit)
    assert cache_pages(kit) == old, "an unchanged kit rewrote pages"

    before = tree_digest(cache)
    contact = kit / "content" / "contacts" / "marcus-chen.yml"
    contact.write_text(contact.read_text(encoding="utf-8").replace(
        "name: Marcus Chen", "name: Marcus Chenoweth"), encoding="utf-8")
    build_kit(kit)
    after = tree_digest(cache)
    rewritten = {page for page, mtime in cache_pages(kit).items() if mtime != old[page]}
    changed = {page for page in after if after[page] != before.get(page)}
    assert rewritten == changed
    assert {"contacts/marcus-chen.md", "contacts/index.md",
            "interviews/marcus-chen-ux-path.md", "fields/ux-research.md"} <= rewritten
    assert "fields/data-science.md" not in rewritten
    assert "contacts/priya-natarajan.md" not in rewritten
    for page in rewritten:
        assert "Marcus Chenoweth" in (cache / page).read_text(encoding="utf-8"), page


def break_a_contact(kit: Path) -> tuple[Path, int]:
    """An unknown relationship in marcus-chen.yml; returns the file and the line of the error."""
    contact = kit / "content" / "contacts" / "marcus-chen.yml"
    lines = contact.read_text(encoding="utf-8").splitlines(keepends=True)
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("relationship:"))
    lines[line - 1] = "relationship: best-pal\n"
    contact.write_text("".join(lines), encoding="utf-8")
    return contact, line


def test_content_error_raises_prepkit_error_and_builds_nothing(tmp_path: Path) -> None:
    kit = copy_example_kit(tmp_path / "kit")
    break_a_contact(kit)
    with pytest.raises(PrepkitError):
        build_kit(kit)
    assert not (kit / "site" / "index.html").exists()


def test_content_error_message_locates_the_line(tmp_path: Path) -> None:
    kit = copy_example_kit(tmp_path / "kit")
    _, line = break_a_contact(kit)
    with pytest.raises(PrepkitError) as raised:
        build_kit(kit)
    message = raised.value.format_message()
    assert f"contacts/marcus-chen.yml:{line}:" in message
    assert "best-pal" in message


def test_content_error_via_the_cli_is_located_without_a_traceback(tmp_path: Path) -> None:
    kit = copy_example_kit(tmp_path / "kit")
    _, line = break_a_contact(kit)
    result = CliRunner().invoke(
        cli, ["build", "-f", str(kit / "mkdocs.yml"), "--today", "2026-11-25"])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    located = [text for text in result.output.splitlines()
               if f"contacts/marcus-chen.yml:{line}:" in text]
    assert len(located) == 1 and "best-pal" in located[0], result.output
    assert not (kit / "site" / "index.html").exists()


def add_a_lonely_field(kit: Path) -> None:
    """A field nobody is in: a warning, which fails a strict build only after MkDocs wrote."""
    (kit / "content" / "fields" / "marine-biology.yml").write_text("name: Marine Biology\n",
                                                                   encoding="utf-8")


@pytest.mark.parametrize("mistake", [break_a_contact, add_a_lonely_field])
def test_a_failed_build_leaves_the_previous_site_untouched(tmp_path: Path, mistake) -> None:
    kit = copy_example_kit(tmp_path / "kit")
    site = build_kit(kit)
    before = tree_digest(site)
    mistake(kit)
    with pytest.raises(PrepkitError):
        build_kit(kit)
    assert tree_digest(site) == before
    assert sorted(p.name for p in kit.iterdir() if p.name.startswith(".site")) == []


def test_two_builds_with_the_same_today_are_byte_identical(tmp_path: Path) -> None:
    kit = copy_example_kit(tmp_path / "kit")
    first = tree_digest(build_kit(kit))
    again = copy_example_kit(tmp_path / "again")
    assert tree_digest(build_kit(again)) == first


def thank_you_due(site: Path) -> tuple[str, str]:
    """Marcus Chen's thank-you on the dashboard and on his prep page's After checklist."""
    home = article(read_page(site, ""))
    table = next(e for e in home.section("what-is-due") if e.tag == "table")
    due = next(row["Due"] for row in table_dict(table)
               if row["What"] == "Send the thank-you note" and row["Conversation"] == "Marcus Chen")
    prep = article(read_page(site, "interviews/marcus-chen-ux-path"))
    after = next(e for e in prep.section("after") if e.tag == "ul")
    item = next(li.text for li in after.find_all("li") if "thank-you" in li.text)
    return due, item


def test_today_decides_what_is_overdue(tmp_path: Path, site: Path) -> None:
    earlier = build_kit(copy_example_kit(tmp_path / "kit"), today="2026-11-21")
    assert thank_you_due(earlier) == (
        "Sunday, November 22, 2026", "Send the thank-you note: by Sunday, November 22, 2026")
    assert thank_you_due(site) == (
        "Sunday, November 22, 2026 (overdue)",
        "Send the thank-you note: was due Sunday, November 22, 2026 (overdue)")
    assert "Status as of Saturday, November 21, 2026." in article(read_page(earlier, "")).text


@pytest.mark.parametrize(("today", "overdue"), [(date(2026, 11, 22), False),
                                                (date(2026, 11, 23), True)])
def test_a_thank_you_is_overdue_only_after_its_day(
        tmp_path: Path, kit: Path, today: date, overdue: bool) -> None:
    generate_site(kit / "content", tmp_path, today=today)
    home = (tmp_path / "index.md").read_text(encoding="utf-8")
    row = next(line for line in home.splitlines()
               if line.startswith("|") and "Send the thank\\-you note" in line)
    assert "Sunday, November 22, 2026" in row.split("|")[1]
    assert ("(overdue)" in row) is overdue


def test_the_site_has_a_calendar_linked_from_home(site: Path) -> None:
    from icalendar import Calendar

    calendar = Calendar.from_ical((site / "calendar.ics").read_bytes())
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert "Informational interview: Priya Natarajan" in summaries
    assert 'href="calendar.ics"' in (site / "index.html").read_text(encoding="utf-8")
