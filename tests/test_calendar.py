"""calendar.ics: written with icalendar, read back with it, and stable from build to build."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from click.testing import CliRunner, Result
from conftest import assert_clean_exit, write
from site_support import copy_example_kit

from generator.audience import audience_for, view_for
from generator.check.load import load_kit
from generator.cli.calendar import calendar
from generator.clock import current_moment
from generator.derive.followups import open_follow_ups
from generator.derive.relations import Stage, relate
from generator.kit import Kit
from generator.render.calendar import calendar_bytes

TODAY = date(2026, 11, 25)
SITE_URL = "https://alex.example.org/prep/"
CHICAGO = ZoneInfo("America/Chicago")


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PREPKIT_TODAY", TODAY.isoformat())


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Kit:
    result = load_kit(copy_example_kit(tmp_path_factory.mktemp("cal") / "kit") / "content")
    assert result.kit is not None
    return result.kit


def ics(kit: Kit, today: date = TODAY, *, public: bool = False,
        site_url: str | None = SITE_URL) -> bytes:
    """The calendar of the kit as an audience sees it (the public view when `public`)."""
    kit = view_for(kit, audience_for(kit, public=public))
    return calendar_bytes(kit, relate(kit, current_moment(kit, today)), today=today,
                          site_url=site_url)


def events(data: bytes) -> dict[str, icalendar.Event]:
    parsed = icalendar.Calendar.from_ical(data)
    found = {str(event["UID"]): event for event in parsed.walk("VEVENT")}
    assert len(found) == len(parsed.walk("VEVENT")), "UIDs are unique"
    return found


def meetings(data: bytes) -> dict[str, icalendar.Event]:
    return {uid.split(".")[0]: event for uid, event in events(data).items()
            if ".meeting@" in uid}


def test_one_event_per_conversation_and_per_open_follow_up(kit: Kit) -> None:
    found = events(ics(kit))
    relations = relate(kit, current_moment(kit, TODAY))
    scheduled = [interview.id for interview in kit.interviews.values()
                 if interview.scheduled is not None
                 and relations.interviews[interview.id].stage is not Stage.DECLINED]
    # A planned conversation's request is due "today" until sent: not a calendar date.
    pending = [item for item in open_follow_ups(kit, relations) if item.action != "request"]
    assert len(found) == len(scheduled) + len(pending) == 5 + 14
    assert sorted(uid.split(".")[0] for uid in found if ".meeting@" in uid) == sorted(scheduled)


def test_a_conversation_is_in_the_kits_timezone_for_its_agreed_length(kit: Kit) -> None:
    priya = meetings(ics(kit))["priya-natarajan-health-data-science"]
    start, end = priya.decoded("DTSTART"), priya.decoded("DTEND")
    assert start == datetime(2026, 12, 2, 15, 0, tzinfo=CHICAGO)
    assert start.tzinfo is not None and str(start.tzinfo) == "America/Chicago"
    assert priya["DTSTART"].params["TZID"] == "America/Chicago"
    assert end - start == timedelta(minutes=20)
    assert str(priya["SUMMARY"]) == "Informational interview: Priya Natarajan"
    assert str(priya["LOCATION"]) == "https://meet.example.com/priya-alex"
    assert (f"Prep page: {SITE_URL}interviews/priya-natarajan-health-data-science/"
            in str(priya["DESCRIPTION"]))
    assert str(priya["URL"]) == f"{SITE_URL}interviews/priya-natarajan-health-data-science/"


def test_the_calendar_carries_the_kits_timezone(kit: Kit) -> None:
    parsed = icalendar.Calendar.from_ical(ics(kit))
    [zone] = parsed.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "America/Chicago"
    assert str(parsed["X-WR-TIMEZONE"]) == "America/Chicago"


def test_a_follow_up_is_an_all_day_event_on_its_due_date(kit: Kit) -> None:
    found = events(ics(kit))
    [thank_you] = [event for uid, event in found.items()
                   if uid.startswith("marcus-chen-ux-path.thank-you@")]
    assert thank_you.decoded("DTSTART") == date(2026, 11, 22)
    assert not isinstance(thank_you.decoded("DTSTART"), datetime)
    assert str(thank_you["SUMMARY"]) == "Send the thank-you note: Marcus Chen"
    assert str(thank_you["URL"]) == f"{SITE_URL}interviews/marcus-chen-ux-path/#email-thank-you"
    assert str(thank_you["TRANSP"]) == "TRANSPARENT"


def test_follow_ups_already_done_are_not_in_the_calendar(kit: Kit) -> None:
    uids = set(events(ics(kit)))
    assert not [uid for uid in uids if uid.startswith("jordan-lee-cs-to-ux.thank-you@")]
    assert not [uid for uid in uids if uid.startswith("marcus-chen-ux-path.confirm@")]


def test_uids_do_not_change_with_the_kits_title_or_a_persons_name(kit: Kit) -> None:
    from dataclasses import replace

    before = set(events(ics(kit)))
    renamed = replace(
        kit, settings=kit.settings.model_copy(update={"title": "A new title"}),
        contacts={key: contact.model_copy(update={"name": contact.name + " Jr."})
                  for key, contact in kit.contacts.items()})
    assert set(events(ics(renamed))) == before


def test_two_builds_on_the_same_day_are_byte_identical(kit: Kit) -> None:
    assert ics(kit) == ics(kit)


def test_uids_stay_the_same_from_day_to_day(kit: Kit) -> None:
    earlier, later = events(ics(kit, date(2026, 11, 21))), events(ics(kit))
    assert set(meetings(ics(kit, date(2026, 11, 21)))) == set(meetings(ics(kit)))
    assert set(earlier) & set(later) == set(later)  # nothing due on the 25th is new
    stamps = {event.decoded("DTSTAMP") for event in later.values()}
    assert stamps == {datetime(2026, 11, 25, tzinfo=UTC)}  # from "today", not the clock


def test_without_a_site_url_there_is_no_link(kit: Kit) -> None:
    for event in events(ics(kit, site_url=None)).values():
        assert "URL" not in event
        assert "http" not in str(event["DESCRIPTION"]).replace(
            "https://meet.example.com", "")


def test_a_public_calendar_has_no_places_or_private_text(kit: Kit) -> None:
    data = ics(kit, public=True)
    assert b"LOCATION" not in data
    text = data.decode("utf-8")
    unfolded = text.replace("\r\n ", "")
    private = {kit.settings.owner.email, kit.settings.owner.phone}
    for contact in kit.contacts.values():
        private |= {contact.email, contact.phone, contact.private_notes}
    for interview in kit.interviews.values():
        private |= set(interview.takeaway_texts)
        if interview.scheduled is not None:
            private.add(interview.scheduled.location)
    assert not [value for value in private if value and value in unfolded]
    assert len(meetings(data)) == 5


# ---------------------------------------------------------------------------------------------
# prepkit calendar


def run_calendar(kit_dir: Path, *args: str) -> Result:
    return CliRunner().invoke(calendar, ["-f", str(kit_dir / "mkdocs.yml"), *args])


def test_the_command_writes_calendar_ics_beside_mkdocs_yml_by_default(tmp_path: Path) -> None:
    """Never into the site folder, whose audience may be another."""
    kit_dir = copy_example_kit(tmp_path / "kit")
    result = run_calendar(kit_dir, "--today", "2026-11-25")
    assert_clean_exit(result, 0)
    target = kit_dir / "calendar.ics"
    assert result.output == f"Wrote 19 events to {target}\n"
    again = run_calendar(kit_dir, "--today", "2026-11-25", "--out", str(tmp_path / "b.ics"))
    assert_clean_exit(again, 0)
    assert target.read_bytes() == (tmp_path / "b.ics").read_bytes()


def test_the_command_writes_to_stdout_with_out_dash(tmp_path: Path) -> None:
    kit_dir = copy_example_kit(tmp_path / "kit")
    result = run_calendar(kit_dir, "--today", "2026-11-25", "--out", "-", "--public")
    assert_clean_exit(result, 0)
    assert result.stdout_bytes.startswith(b"BEGIN:VCALENDAR\r\n")
    assert b"LOCATION" not in result.stdout_bytes
    assert len(events(result.stdout_bytes)) == 19


def test_the_command_links_prep_pages_when_mkdocs_yml_has_a_site_url(tmp_path: Path) -> None:
    kit_dir = copy_example_kit(tmp_path / "kit")
    config = kit_dir / "mkdocs.yml"
    config.write_text(f"site_url: {SITE_URL}\n" + config.read_text("utf-8"), encoding="utf-8")
    result = run_calendar(kit_dir, "--today", "2026-11-25", "--out", "-")
    priya = meetings(result.stdout_bytes)["priya-natarajan-health-data-science"]
    assert str(priya["URL"]) == f"{SITE_URL}interviews/priya-natarajan-health-data-science/"


def test_today_changes_the_stamp_and_nothing_about_a_meeting(tmp_path: Path) -> None:
    kit_dir = copy_example_kit(tmp_path / "kit")
    first = run_calendar(kit_dir, "--today", "2026-11-24", "--out", "-").stdout_bytes
    second = run_calendar(kit_dir, "--today", "2026-11-25", "--out", "-").stdout_bytes
    assert first != second
    assert first.replace(b"DTSTAMP:20261124", b"DTSTAMP:20261125") == second


def test_a_kit_with_errors_is_reported_not_written(tmp_path: Path) -> None:
    kit_dir = copy_example_kit(tmp_path / "kit")
    write(kit_dir, "content/interviews/broken.yml", "contact: nobody-at-all\n")
    result = run_calendar(kit_dir, "--today", "2026-11-25")
    assert_clean_exit(result, 1)
    assert "content/interviews/broken.yml:1:10: contact:" in result.output
    assert not (kit_dir / "calendar.ics").exists()


def test_a_bad_today_is_a_plain_message(tmp_path: Path) -> None:
    result = run_calendar(copy_example_kit(tmp_path / "kit"), "--today", "tomorrow")
    assert_clean_exit(result, 2)  # a usage error, like click's own
    assert "today: 'tomorrow' is not a date; write it as YYYY-MM-DD" in result.output
