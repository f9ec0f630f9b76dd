"""The 3B7 routine and the `days` rule; response types; keep-in-touch tiers."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from loop_support import loaded, make_kit

from generator.derive.followups import follow_ups_for, open_follow_ups
from generator.derive.keep_in_touch import Tier, keep_in_touch_for, losing_touch
from generator.derive.response_types import ResponseType, response_types

SENT = date(2026, 11, 2)  # a Monday; with US holidays, 11 November is a day off
TODAY = date(2026, 11, 25)
CONTACTS = {
    "ana-diaz": {"name": "Ana Diaz", "employer": "acme"},
    "ben-ode": {"name": "Ben Ode", "employer": "acme"},
    "cy-lo": {"name": "Cy Lo"},  # no employer: no second contact to propose
}


def kit_with(tmp_path: Path, outreach: dict[str, Any], *, second: bool = False,
             rule: str = "3b7", extra: dict[str, Any] | None = None) -> Path:
    interviews: dict[str, dict[str, Any]] = {
        "ana": {"contact": "ana-diaz", "outreach": {"sent_on": SENT, **outreach}},
        "cy": {"contact": "cy-lo", "outreach": {"sent_on": SENT, **outreach}},
    }
    if second:
        interviews["ben"] = {"contact": "ben-ode", "outreach": {"sent_on": date(2026, 11, 5)}}
    return make_kit(tmp_path, rules={"outreach_rule": rule, "holidays": {"country": "US"},
                                     **(extra or {})},
                    contacts=CONTACTS, employers={"acme": {"name": "Acme Health"}},
                    interviews=interviews)


def steps(content: Path, interview_id: str) -> dict[str, tuple[str, date, bool]]:
    kit, relations = loaded(content, TODAY)
    items = follow_ups_for(kit, kit.interviews[interview_id],
                           relations.interviews[interview_id].stage)
    return {item.action: (item.label, item.due, item.done) for item in items}


@pytest.mark.parametrize(("replied", "second", "nudged"),
                         [(r, s, n) for r in (False, True) for s in (False, True)
                          for n in (False, True)])
def test_3b7_for_each_combination(tmp_path: Path, replied: bool, second: bool,
                                  nudged: bool) -> None:
    outreach: dict[str, Any] = {}
    if replied:
        outreach["replied_on"] = date(2026, 11, 9)
    if nudged:
        outreach["nudged_on"] = date(2026, 11, 12)
    found = steps(kit_with(tmp_path, outreach, second=second), "ana")
    label, due, done = found["second-contact"]
    assert label == "Contact a second person at Acme Health"
    assert due == date(2026, 11, 5)  # three business days after Monday 2 November
    assert done is (replied or second or nudged)
    label, due, done = found["nudge"]
    assert label == "Follow up once with Ana Diaz"
    assert due == date(2026, 11, 12)  # seven business days, 11 November (a holiday) skipped
    assert done is (replied or nudged)


def test_no_second_contact_without_an_employer(tmp_path: Path) -> None:
    found = steps(kit_with(tmp_path, {}), "cy")
    assert set(found) == {"nudge"}
    assert found["nudge"][1] == date(2026, 11, 12)


def test_the_days_rule_keeps_one_nudge_in_calendar_days(tmp_path: Path) -> None:
    found = steps(kit_with(tmp_path, {}, rule="days", extra={"nudge_after_days": "7"}), "ana")
    assert found == {"nudge": ("Send a polite nudge", date(2026, 11, 9), False)}


def test_every_view_reads_the_same_items(tmp_path: Path) -> None:
    kit, relations = loaded(kit_with(tmp_path, {}), TODAY)
    pending = {(item.interview_id, item.action) for item in open_follow_ups(kit, relations)}
    assert pending == {("ana", "second-contact"), ("ana", "nudge"), ("cy", "nudge")}


# --- response types ---------------------------------------------------------------------------

@pytest.mark.parametrize(("outreach", "expected"), [
    ({"replied_on": date(2026, 11, 5)}, ResponseType.BOOSTER),  # 3 business days
    ({"replied_on": date(2026, 11, 6)}, ResponseType.OBLIGATE),  # 4 business days
    ({"nudged_on": date(2026, 11, 12)}, ResponseType.CURMUDGEON),  # 9 business days ago
    ({"nudged_on": date(2026, 11, 17)}, None),  # 6 business days ago (Thanksgiving is later)
    ({}, None),
])
def test_response_types(tmp_path: Path, outreach: dict[str, Any],
                        expected: ResponseType | None) -> None:
    kit, _ = loaded(kit_with(tmp_path, outreach), date(2026, 11, 25))
    assert response_types(kit, date(2026, 11, 25)).get("ana-diaz") is expected


# --- keep in touch ----------------------------------------------------------------------------

def test_keep_in_touch_counts_from_the_last_interaction(tmp_path: Path) -> None:
    contacts = {"ana-diaz": {"name": "Ana Diaz", "relationship": "friend"},
                "cy-lo": {"name": "Cy Lo", "keep_in_touch_days": "10"},
                "dee-ho": {"name": "Dee Ho"}}
    met = {"at": "2026-09-01T10:00"}
    content = make_kit(tmp_path, rules={"keep_in_touch_days": "30",
                                        "keep_in_touch_by_relationship": {"friend": "60"}},
                       contacts=contacts, interviews={
        "ana": {"contact": "ana-diaz", "scheduled": met, "thank_you_sent_on": "2026-09-02"},
        "cy": {"contact": "cy-lo", "scheduled": met, "thank_you_sent_on": "2026-09-02",
               "update_sent_on": "2026-11-20"},
        "dee": {"contact": "dee-ho", "scheduled": met, "thank_you_sent_on": "2026-09-02"},
        "dee-again": {"contact": "dee-ho", "outreach": {"sent_on": "2026-10-28"}},
    })
    kit, relations = loaded(content, TODAY)
    ana = keep_in_touch_for(kit, "ana-diaz")
    cy = keep_in_touch_for(kit, "cy-lo")
    dee = keep_in_touch_for(kit, "dee-ho")
    assert ana is not None and cy is not None and dee is not None
    assert ana.due == date(2026, 11, 1) and ana.tier(TODAY) is Tier.OVERDUE  # friend: 60 days
    assert cy.last == date(2026, 11, 20) and cy.due == date(2026, 11, 30)  # its own 10 days
    assert cy.tier(TODAY) is Tier.DUE
    assert dee.last == date(2026, 10, 28) and dee.due == date(2026, 11, 27)
    assert dee.interview_id == "dee"  # the draft is on the conversation you thanked them for
    assert [item.contact_id for item in losing_touch(kit, TODAY)] == ["ana-diaz", "dee-ho",
                                                                      "cy-lo"]
    assert cy.tier(date(2026, 11, 1)) is Tier.LATER
    pending = {(item.interview_id, item.action, item.due)
               for item in open_follow_ups(kit, relations) if item.action == "keep-in-touch"}
    assert pending == {("ana", "keep-in-touch", date(2026, 11, 1)),
                       ("cy", "keep-in-touch", date(2026, 11, 30)),
                       ("dee", "keep-in-touch", date(2026, 11, 27))}


# --- insights ---------------------------------------------------------------------------------

def test_the_insight_matching_rule() -> None:
    from generator.derive.insights import same_point

    assert same_point("Learn SQL well!", "learn  sql WELL")  # same words
    assert same_point("Build a usability study with real users",
                      "Run a usability study with real users for a portfolio")
    assert not same_point("Read the annual report", "Read about diary studies")
    assert not same_point("Learn SQL", "Learn Python")
