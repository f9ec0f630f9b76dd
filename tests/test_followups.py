"""Follow-ups: what is due when, "today" deciding what is overdue, and `prepkit status`.

The example kit's held conversation (Marcus Chen, 20 November 2026) is the running example:
its thank-you note is due two days later, on 22 November.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import assert_clean_exit, write
from site_support import Element, article, build_kit, copy_example_kit, read_page, table_dict

from generator.check.load import load_kit
from generator.cli.status import status
from generator.clock import current_moment
from generator.derive.followups import (
    FollowUp,
    Urgency,
    by_urgency,
    follow_ups_for,
    open_follow_ups,
    recipient_of,
)
from generator.derive.relations import relate
from generator.kit import Kit
from generator.render.site import generate_site

ANSI = re.compile(r"\x1b\[[0-9;]*m")
MARCUS = "marcus-chen-ux-path"


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PREPKIT_TODAY", "2026-11-25")


def load(content: Path) -> Kit:
    result = load_kit(content)
    assert result.kit is not None, [d.format() for d in result.diagnostics]
    return result.kit


def items_of(kit: Kit, interview_id: str, today: date) -> dict[str, FollowUp]:
    relations = relate(kit, current_moment(kit, today))
    stage = relations.interviews[interview_id].stage
    return {item.action: item for item in follow_ups_for(kit, kit.interviews[interview_id],
                                                         stage)}


# ---------------------------------------------------------------------------------------------
# Done when: the held conversation's thank-you note


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("followups")
    return {today: build_kit(copy_example_kit(root / today), today=today)
            for today in ("2026-11-21", "2026-11-25")}


def thank_you_row(site: Path) -> dict[str, str]:
    home = article(read_page(site, ""))
    table = next(e for e in home.section("what-is-due") if e.tag == "table")
    return next(row for row in table_dict(table) if row["What"] == "Send the thank-you note"
                and row["Conversation"] == "Marcus Chen")


def thank_you_draft(site: Path) -> tuple[list[str], str]:
    page = article(read_page(site, f"interviews/{MARCUS}"))
    body = page.section("email-thank-you")
    details = [li.text for e in body if e.tag == "ul" for li in e.find_all("li")]
    code = next(e for e in body if e.tag == "pre").find("code")
    return details, code.raw_text


def test_the_thank_you_note_names_the_person_the_day_and_a_takeaway(
        sites: dict[str, Path]) -> None:
    details, body = thank_you_draft(sites["2026-11-25"])
    assert details == ["To: Marcus Chen", "Subject: Thank you for your time",
                       "Send by: Sunday, November 22, 2026 (overdue)"]
    assert body.startswith("Hi Marcus,\n")
    assert "talk with me on Friday, November 20." in body
    assert ("- How different the pace of industry research is, with studies in "
            "two-to-four-week cycles") in body


def test_the_thank_you_is_due_two_days_after_the_conversation(tmp_path: Path) -> None:
    kit = load(copy_example_kit(tmp_path / "kit") / "content")
    item = items_of(kit, MARCUS, date(2026, 11, 25))["thank-you"]
    assert item.due == date(2026, 11, 22) == kit.interviews[MARCUS].scheduled.at.date() + \
        timedelta(days=kit.settings.rules.thank_you_within_days)
    assert not item.done


def test_the_thank_you_is_overdue_on_the_25th_and_not_on_the_21st(
        sites: dict[str, Path]) -> None:
    assert thank_you_row(sites["2026-11-25"])["Due"] == "Sunday, November 22, 2026 (overdue)"
    assert thank_you_row(sites["2026-11-21"])["Due"] == "Sunday, November 22, 2026"
    details, _ = thank_you_draft(sites["2026-11-21"])
    assert details[-1] == "Send by: Sunday, November 22, 2026"


def test_the_dashboard_links_a_due_email_to_its_draft(sites: dict[str, Path]) -> None:
    home = article(read_page(sites["2026-11-25"], ""))
    table = next(e for e in home.section("what-is-due") if e.tag == "table")
    assert (f"interviews/{MARCUS}/#email-thank-you", "Send the thank-you note") in table.links()
    follow_ups = article(read_page(sites["2026-11-25"], "follow-ups"))
    assert (f"../interviews/{MARCUS}/#email-thank-you", "Send the thank-you note") in \
        follow_ups.links()


def buckets(page: Element) -> dict[str, list[tuple[str, str]]]:
    """{urgency heading: [(what, conversation)]} of the follow-ups page."""
    found: dict[str, list[tuple[str, str]]] = {}
    for urgency in Urgency:
        anchor = urgency.value.lower().replace(" ", "-")
        tables = [e for e in page.section(anchor) if e.tag == "table"]
        found[urgency.value] = [(row["What"], row["Conversation"]) for table in tables
                                for row in table_dict(table)]
    return found


def test_follow_ups_page_lists_overdue_this_week_and_upcoming(sites: dict[str, Path]) -> None:
    later = buckets(article(read_page(sites["2026-11-25"], "follow-ups")))
    # The 3B7 routine: a second person at Maya's employer after 3 business days, then one
    # follow-up with her after 7.
    assert later["Overdue"] == [("Contact a second person at Civic Design Lab", "Maya Goldberg"),
                                ("Follow up once with Maya Goldberg", "Maya Goldberg"),
                                ("Send the thank-you note", "Marcus Chen")]
    assert ("Follow up once with Kevin Ng", "Kevin Ng") in later["Due this week"]
    assert ("Decide on the offer", "Rachel Kim") in later["Upcoming"]
    earlier = buckets(article(read_page(sites["2026-11-21"], "follow-ups")))
    assert ("Send the thank-you note", "Marcus Chen") in earlier["Due this week"]


# ---------------------------------------------------------------------------------------------
# "Today" changes what is overdue, and nothing else

_AS_OF = re.compile(r"as of \w+ \d+ \w+ \d{4}")
_OVERDUE = re.compile(r" \(\*\*overdue\*\*\)")


def rendered(tmp_path: Path, today: date) -> dict[str, str]:
    out = tmp_path / today.isoformat()
    generate_site(copy_example_kit(tmp_path / "kit" / today.isoformat()) / "content", out,
                  today=today)
    return {path.relative_to(out).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(out.rglob("*.md"))}


def test_today_changes_what_is_overdue_and_nothing_else(tmp_path: Path) -> None:
    # Between these days no conversation happens and nothing enters the coming week: only
    # Marcus Chen's thank-you note (due the 22nd) becomes overdue.
    before, after = rendered(tmp_path, date(2026, 11, 22)), rendered(tmp_path, date(2026, 11, 23))
    assert before.keys() == after.keys()
    # The guide's step pages count days ("asked 12 days ago"); every other page changes only
    # where something becomes overdue.
    changed = sorted(uri for uri in before if before[uri] != after[uri]
                     and not uri.startswith("guide/"))
    # Planned conversations' "Send the request" is due today, whichever day that is; the
    # pipeline page counts weeks up to today's, so it changes on a Monday.
    assert changed == ["follow-ups.md", "index.md", f"interviews/{MARCUS}.md",
                       "interviews/sam-patel-city-data-office.md",
                       "interviews/tia-rivera-county-epidemiology.md", "pipeline.md"]

    def normalized(text: str) -> str:
        return _OVERDUE.sub("", _AS_OF.sub("as of <today>", text))

    for uri in ("index.md", f"interviews/{MARCUS}.md"):
        assert len(normalized(before[uri])) > 0
        gained = set(after[uri].splitlines()) - set(before[uri].splitlines())
        assert all("November 22, 2026" in line or "as of" in line or "Send the request" in line
                   or "overdue" in line or "prepkit-next" in line for line in gained), gained
    # On the follow-ups page the note moves from "Due this week" to "Overdue".
    overdue = after["follow-ups.md"].split("## Overdue", 1)[1].split("## Due this week")[0]
    assert "Marcus Chen" in overdue
    assert "Marcus Chen" not in before["follow-ups.md"].split("## Overdue", 1)[1].split(
        "## Due this week")[0]


# ---------------------------------------------------------------------------------------------
# The engine: every kind of follow-up, from the dates


def test_a_request_without_a_reply_is_nudged_after_the_kits_days(tmp_path: Path) -> None:
    kit = load(copy_example_kit(tmp_path / "kit") / "content")
    nudge = items_of(kit, "maya-goldberg-civic-design", date(2026, 11, 25))["nudge"]
    # 3B7: seven business days, skipping weekends and Veterans Day (the kit's holidays: US).
    assert nudge.due == date(2026, 11, 20)
    assert nudge.urgency(date(2026, 11, 25)) is Urgency.OVERDUE
    luis = items_of(kit, "luis-fernandez-clinical-informatics", date(2026, 11, 25))
    # Declined: nothing more to do, but Luis asked to be contacted again in February.
    assert list(luis) == ["recontact"]
    assert luis["recontact"].due == date(2027, 2, 1)


def test_a_reply_or_a_nudge_marks_the_nudge_done(tmp_path: Path) -> None:
    kit_dir = copy_example_kit(tmp_path / "kit")
    write(kit_dir, "content/interviews/maya-goldberg-civic-design.yml",
          "contact: maya-goldberg\nquestion_sets: [tiara]\n"
          "outreach: {sent_on: 2026-11-10, nudged_on: 2026-11-18}\n")
    kit = load(kit_dir / "content")
    assert items_of(kit, "maya-goldberg-civic-design", date(2026, 11, 25))["nudge"].done


def test_a_meeting_is_confirmed_the_day_before(tmp_path: Path) -> None:
    kit = load(copy_example_kit(tmp_path / "kit") / "content")
    items = items_of(kit, "priya-natarajan-health-data-science", date(2026, 11, 25))
    assert items["confirm"].due == date(2026, 12, 1)
    assert not items["confirm"].done
    assert items["thank-you"].due == date(2026, 12, 4)
    # Once the meeting has happened, an unrecorded confirmation lapses: not due, not ticked.
    lapsed = items_of(kit, "priya-natarajan-health-data-science", date(2026, 12, 3))["confirm"]
    assert lapsed.lapsed and not lapsed.done
    # Only `scheduled.confirmed_on` ticks it.
    assert items_of(kit, "jordan-lee-cs-to-ux", date(2026, 11, 25))["confirm"].done


def test_after_the_thank_you_close_the_loop_then_keep_in_touch(tmp_path: Path) -> None:
    kit_dir = copy_example_kit(tmp_path / "kit")
    write(kit_dir, "content/interviews/maya-goldberg-civic-design.yml", """\
contact: maya-goldberg
question_sets: [tiara]
outreach: {sent_on: 2026-11-10, replied_on: 2026-11-12}
scheduled: {at: 2026-11-18T10:00}
thank_you_sent_on: 2026-11-19
""")
    kit = load(kit_dir / "content")
    items = items_of(kit, "maya-goldberg-civic-design", date(2026, 11, 25))
    assert items["thank-you"].done
    assert items["close-the-loop"].due == date(2026, 11, 26)
    assert items["keep-in-touch"].due == date(2026, 12, 31)
    assert recipient_of(kit, items["close-the-loop"]) == "Jordan Lee"  # who referred her
    assert recipient_of(kit, items["keep-in-touch"]) == "Maya Goldberg"


def test_a_post_offer_conversation_has_a_decision_date(tmp_path: Path) -> None:
    kit = load(copy_example_kit(tmp_path / "kit") / "content")
    items = items_of(kit, "rachel-kim-internship-offer", date(2026, 11, 25))
    assert items["decide"].due == date(2026, 12, 15)
    assert recipient_of(kit, items["decide"]) == "Alex Rivera"


def test_overdue_comes_first(tmp_path: Path) -> None:
    kit = load(copy_example_kit(tmp_path / "kit") / "content")
    today = date(2026, 11, 25)
    ordered = by_urgency(open_follow_ups(kit, relate(kit, current_moment(kit, today))), today)
    urgencies = [item.urgency(today) for item in ordered]
    assert urgencies == sorted(urgencies, key=list(Urgency).index)
    assert [(item.interview_id, item.action) for item in ordered[:3]] == [
        ("maya-goldberg-civic-design", "second-contact"), ("maya-goldberg-civic-design", "nudge"),
        (MARCUS, "thank-you")]


# ---------------------------------------------------------------------------------------------
# prepkit status


def run_status(kit: Path, *args: str, color: bool = False) -> Result:
    return CliRunner().invoke(status, ["-f", str(kit / "mkdocs.yml"), *args], color=color)


def table_lines(output: str) -> list[list[str]]:
    lines = output.split("\n\n")[1].splitlines()
    return [re.split(r"\s{2,}", line.strip()) for line in lines]


def test_status_prints_a_table_overdue_first(tmp_path: Path) -> None:
    result = run_status(copy_example_kit(tmp_path / "kit"), "--today", "2026-11-25")
    assert_clean_exit(result, 0)
    assert result.output.startswith(
        "As of Wednesday 25 November 2026: 3 overdue, 7 due this week, 6 upcoming.\n\n")
    rows = table_lines(result.output)
    assert rows[0] == ["Due", "Status", "What", "Who", "Interview"]
    assert rows[1] == ["2026-11-16", "overdue (9 days)",
                       "Contact a second person at Civic Design Lab",
                       "someone else at Civic Design Lab", "maya-goldberg-civic-design"]
    assert rows[2] == ["2026-11-20", "overdue (5 days)", "Follow up once with Maya Goldberg",
                       "Maya Goldberg", "maya-goldberg-civic-design"]
    assert rows[3] == ["2026-11-22", "overdue (3 days)", "Send the thank-you note",
                       "Marcus Chen", MARCUS]
    assert rows[4][:3] == ["2026-11-25", "this week (today)",
                           "Contact a second person at State Department of Health"]
    assert rows[5][:4] == ["2026-11-25", "this week (today)", "Send the request", "Sam Patel"]
    assert rows[7][:3] == ["2026-11-27", "this week (in 2 days)", "Send a keep-in-touch update"]
    assert rows[-1][:3] == ["2027-02-01", "upcoming (in 68 days)", "Ask again, as they suggested"]
    assert "Next conversations\nWednesday 2 December 2026, 15:00  Priya Natarajan" in \
        result.output


def test_status_piped_is_plain_and_coloured_on_request(tmp_path: Path) -> None:
    kit = copy_example_kit(tmp_path / "kit")
    plain = run_status(kit, "--today", "2026-11-25")
    assert "\x1b[" not in plain.output
    coloured = run_status(kit, "--today", "2026-11-25", color=True)
    assert_clean_exit(coloured, 0)
    assert "\x1b[31m" in coloured.output  # overdue in red
    assert "\x1b[33m" in coloured.output  # due this week in yellow
    assert ANSI.sub("", coloured.output) == plain.output


def test_status_today_changes_what_is_overdue(tmp_path: Path) -> None:
    kit = copy_example_kit(tmp_path / "kit")
    earlier = table_lines(run_status(kit, "--today", "2026-11-21").output)
    marcus = next(row for row in earlier if row[-1] == MARCUS)
    assert marcus[:3] == ["2026-11-22", "this week (tomorrow)", "Send the thank-you note"]


def test_status_without_anything_due(tmp_path: Path) -> None:
    kit = copy_example_kit(tmp_path / "kit")
    for path in (kit / "content" / "interviews").glob("*.yml"):
        text = path.read_text("utf-8")
        if "\nstatus:" not in text:
            path.write_text(text + "status: closed\n", encoding="utf-8")
        else:  # no "ask again" date either
            path.write_text(text.replace("recontact_on: 2027-02-01\n", ""), encoding="utf-8")
    result = run_status(kit, "--today", "2026-11-25")
    assert_clean_exit(result, 0)
    assert result.output == ("As of Wednesday 25 November 2026: 0 overdue, 0 due this week, "
                             "0 upcoming.\nNothing to follow up on.\n")


def test_status_refuses_control_characters_from_yaml_harmlessly(tmp_path: Path) -> None:
    kit = copy_example_kit(tmp_path / "kit")
    path = kit / "content" / "contacts" / "marcus-chen.yml"
    path.write_text(path.read_text("utf-8").replace(
        "name: Marcus Chen", 'name: "Marcus\\e[2J Chen"'), encoding="utf-8")
    result = run_status(kit, "--today", "2026-11-25")
    assert_clean_exit(result, 1)
    assert "name: contains the control character U+001B (ESC)" in result.output
    assert "\x1b" not in result.output


@pytest.mark.parametrize(("args", "message", "code"), [
    (["--today", "25/11/2026"], "today: '25/11/2026' is not a date; write it as YYYY-MM-DD", 2),
    (["-f", "missing/mkdocs.yml"], "missing/mkdocs.yml: not found.", 1),
])
def test_status_mistakes_are_plain_messages(tmp_path: Path, args: list[str],
                                            message: str, code: int) -> None:
    kit = copy_example_kit(tmp_path / "kit")
    result = CliRunner().invoke(status, ["-f", str(kit / "mkdocs.yml"), *args])
    assert_clean_exit(result, code)
    assert message in result.output


def test_status_of_a_kit_with_errors_is_located(tmp_path: Path) -> None:
    kit = copy_example_kit(tmp_path / "kit")
    write(kit, "content/interviews/broken.yml", "contact: nobody-at-all\n")
    result = run_status(kit, "--today", "2026-11-25")
    assert_clean_exit(result, 1)
    assert "content/interviews/broken.yml:1:10: contact:" in result.output
    assert "1 error found; nothing was built." in result.output
