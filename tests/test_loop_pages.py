"""The job-search loop's pages in a real build: target employers, pipeline, insights, the
dashboard's losing-touch and updates-owed lists, response types; private and public."""

from __future__ import annotations

from pathlib import Path

import pytest
from site_support import (
    article,
    build_kit,
    copy_example_kit,
    parse_html,
    read_page,
    table_dict,
)

from generator.render.chart import bar_chart
from generator.render.sanitize import clean_page_html

TODAY = "2026-11-25"


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("loop")
    return {"private": build_kit(copy_example_kit(root / "private"), today=TODAY),
            "public": build_kit(copy_example_kit(root / "public"), today=TODAY, public=True)}


def first_table(page: Path, url: str, index: int = 0) -> list[dict[str, str]]:
    tables = article(read_page(page, url)).find_all("table")
    return table_dict(tables[index])


def test_target_employers_are_ranked_the_lamp_way(sites: dict[str, Path]) -> None:
    rows = first_table(sites["private"], "employers")
    assert [row["Employer"] for row in rows] == [
        "Acme Health", "Civic Design Lab", "City Data Office", "State Department of Health",
        "Harbor Analytics"]
    assert all(row["Batch"] == "current batch" for row in rows)
    assert rows[0]["Contacts there"] == "Priya Natarajan (Scheduled)"
    assert rows[2]["Contacts there"] == "Rachel Kim (Scheduled), Sam Patel (Planned)"
    assert rows[4]["Contacts there"] == "find a first contact" and rows[4]["A"] == "no"
    assert rows[1]["A"] == "yes"  # worked out from Maya Goldberg, linked to it


def test_the_batch_moves_on_when_an_employer_is_done(tmp_path: Path) -> None:
    kit = copy_example_kit(tmp_path / "kit")
    for number in range(3):
        (kit / f"content/employers/extra-{number}.yml").write_text(
            f"name: Extra {number}\nmotivation: 1\npostings: 1\n", encoding="utf-8")
    acme = kit / "content/employers/acme-health.yml"
    acme.write_text(acme.read_text(encoding="utf-8") + "done: true\n", encoding="utf-8")
    rows = first_table(build_kit(kit, today=TODAY), "employers")
    batch = [row["Employer"] for row in rows if row["Batch"] == "current batch"]
    assert batch == ["Civic Design Lab", "City Data Office", "State Department of Health",
                     "Harbor Analytics", "Extra 0"]
    assert rows[0]["Batch"] == "done"
    assert [row["Batch"] for row in rows[-2:]] == ["later", "later"]


def test_pipeline_page_has_rates_and_a_chart_with_its_numbers(sites: dict[str, Path]) -> None:
    page = article(read_page(sites["private"], "pipeline"))
    assert "6 of 8 requests answered (75%)" in page.text
    channels = table_dict(page.find_all("table")[1])
    assert {row["By channel"]: row["Rate"] for row in channels} == {"email": "83%",
                                                                    "linkedin": "50%"}
    svg = page.find("svg")
    assert svg.attrs["role"] == "img"
    assert len(svg.find_all("rect")) == 12 * 2 + 2  # two bars a week, two legend keys
    weeks = table_dict(page.find_all("table")[-1])
    assert len(weeks) == 12
    assert {row["Week of"]: (row["Outreach sent"], row["Meetings"]) for row in weeks}[
        "Monday, November 16, 2026"] == ("4", "1")


def test_insights_group_takeaways_and_mark_repeats(sites: dict[str, Path]) -> None:
    page = article(read_page(sites["private"], "insights"))
    assignments = " ".join(element.text for element in page.section("assignments"))
    no_topic = " ".join(element.text for element in page.section("no-topic"))
    assert "Build one end-to-end usability study for my portfolio, ideally with real users " \
        "(heard 2 times)" in no_topic
    assert "Offer to run a small usability study with real users at my IT help desk job " \
        "(talk to Dana) (heard 2 times)" in assignments
    prep = article(read_page(sites["private"], "interviews/marcus-chen-ux-path"))
    heard = " ".join(element.text for element in prep.section("what-you-have-heard-so-far"))
    assert "Read about diary studies" in heard and "Jordan Lee" in heard


def test_public_insights_hold_no_takeaway(sites: dict[str, Path]) -> None:
    page = article(read_page(sites["public"], "insights"))
    assert "No takeaways to show: they are private" in page.text
    assert "usability test" not in page.text
    prep = article(read_page(sites["public"], "interviews/marcus-chen-ux-path"))
    assert not prep.find_all(id="what-you-have-heard-so-far")


def test_dashboard_lists_losing_touch_and_updates_owed(sites: dict[str, Path]) -> None:
    home = article(read_page(sites["private"], ""))
    losing = table_dict(next(e for e in home.section("losing-touch") if e.tag == "table"))
    assert losing == [{"Due": "Friday, November 27, 2026", "Who": "Jordan Lee",
                       "Last contact": "Friday, November 6, 2026",
                       "Draft": "Keep-in-touch update"}]
    owed = table_dict(next(e for e in home.section("updates-owed") if e.tag == "table"))
    assert owed == [{"Who": "Dana Kowalski", "Introduced you to": "Marcus Chen",
                     "It led to": "a meeting", "Draft": "Close-the-loop note"}]
    assert ("interviews/marcus-chen-ux-path/#email-close-the-loop", "Close-the-loop note") in \
        home.links()
    due = table_dict(next(e for e in home.section("what-is-due") if e.tag == "table"))
    assert {"What": "Contact a second person at Civic Design Lab",
            "Due": "Monday, November 16, 2026 (overdue)",
            "Conversation": "Maya Goldberg"} in due


def test_response_types_are_private(sites: dict[str, Path]) -> None:
    rows = first_table(sites["private"], "contacts")
    by_name = {row["Name"]: row["Response"] for row in rows}
    assert by_name["Marcus Chen"] == "Booster" and by_name["Luis Fernandez"] == "Obligate"
    contact = article(read_page(sites["private"], "contacts/marcus-chen"))
    assert "Response type: Booster" in contact.text
    public_rows = first_table(sites["public"], "contacts")
    assert "Response" not in public_rows[0]
    assert "Booster" not in article(read_page(sites["public"], "contacts/marcus-chen")).text


HOSTILE = '</title><script>alert(1)</script><svg onload="alert(2)"><a href="javascript:x">'


def test_a_hostile_label_cannot_get_through_the_chart() -> None:
    chart = bar_chart(HOSTILE, (HOSTILE, "b"), [HOSTILE], [(1, 2)])
    for html in (chart, clean_page_html(chart)):
        tree = parse_html(html)
        tags = [element.tag for element in tree.iter()]
        assert "script" not in tags and "a" not in tags and tags.count("svg") == 1
        assert not any(name.startswith("on") for element in tree.iter()
                       for name in element.attrs)
        assert "&lt;script&gt;" in html  # the label shows as typed, as text


def test_the_sanitizer_keeps_only_the_chart_svg_it_allows() -> None:
    html = clean_page_html(
        '<svg viewBox="0 0 1 1" onload="alert(1)"><script>alert(1)</script>'
        '<a href="javascript:alert(1)"><text x="1">t</text></a>'
        '<foreignObject><iframe src="https://example.com"></iframe></foreignObject>'
        '<rect x="1" y="1" width="1" height="1" onclick="alert(1)" style="fill:red"></rect>'
        '<image href="https://example.com/x.png"></image></svg>')
    for banned in ("onload", "<script", "javascript:", "foreignObject", "iframe", "onclick",
                   "style=", "<image", "href="):
        assert banned not in html, banned
    assert '<rect x="1" y="1" width="1" height="1">' in html
