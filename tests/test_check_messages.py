"""Golden messages: one mistake per test, the exact line `prepkit check` prints for it.

Each test puts one broken file into a copy of the example kit, runs `prepkit check` from the
kit folder (so paths print as `content/...`) and looks for the full diagnostic line.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import Result
from conftest import assert_clean_exit, diagnostic_lines, run_check, write

RELATIONSHIPS = ("former-employer, professor, gsi, friend, family, alumni, colleague, referral, "
                 "other")
CONTACT_KEYS = ("name, preferred_name, honorific, title, organization, employer, fields, "
                "relationship, referred_by, how_we_met, email, linkedin, phone, background, "
                "private_notes, keep_in_touch_days")
INTERVIEW_KEYS = ("contact, field, kind, question_sets, questions, goals, outreach, scheduled, "
                  "offer, notes, to_share, takeaways, referrals, thank_you_sent_on, "
                  "update_sent_on, referrer_updated_on, recontact_on, status")
ID_RULE = "ids are lowercase letters, digits and single hyphens, like 'priya-natarajan'"
KIT_PARTS = "kit.yml, kit.yaml, fields, employers, contacts, questions, interviews, guide"


@pytest.fixture
def kit(example_kit: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The example kit, with the working folder inside it so paths print as content/..."""
    monkeypatch.chdir(example_kit)
    return example_kit


def replace_in(kit: Path, relative: str, old: str, new: str) -> None:
    """Change one line of an example file; `old` must be there exactly once."""
    path = kit / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} not found once in {relative}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def check(kit: Path, *args: str, exit_code: int) -> Result:
    result = run_check(kit, *args)
    assert_clean_exit(result, exit_code)
    return result


def assert_reports(kit: Path, expected: str, *, exit_code: int = 1) -> None:
    """`check` exits with `exit_code` and prints `expected` as one whole line."""
    lines = diagnostic_lines(check(kit, exit_code=exit_code))
    assert expected in lines, "\n".join(lines)


# --- reading files --------------------------------------------------------------------------

CONTACT = "content/contacts/new-person.yml"
SHOWN = "content/contacts/new-person.yml"

READING_MISTAKES = [
    pytest.param(
        'name: X\ntitle: !!python/object/apply:os.system ["true"]\n',
        f"{SHOWN}:2:8: the tag '!!python/object/apply:os.system' is not allowed; prepkit reads "
        "plain YAML only, so remove the tag", id="python-tag"),
    pytest.param(
        "name: X\ntitle: !custom T\n",
        f"{SHOWN}:2:8: the tag '!custom' is not allowed; prepkit reads plain YAML only, so "
        "remove the tag", id="custom-tag"),
    pytest.param(
        "name: X\ntitle: A\nname: Y\n",
        f"{SHOWN}:3:1: duplicate key 'name' (first set on line 1); keep one", id="duplicate-key"),
    pytest.param(
        "name: X\nfields:\n\t- data-science\n",
        f"{SHOWN}:3:1: tab used for indentation; YAML needs spaces", id="tab-indent"),
    pytest.param(
        b"name: X\ntitle: caf\xe9\n",
        f"{SHOWN}:2:11: file is not UTF-8 text (byte 0xe9 cannot be decoded); save it with "
        "UTF-8 encoding", id="not-utf8"),
    pytest.param(
        "",
        f"{SHOWN}:1:1: file is empty; expected keys such as 'name: ...'", id="empty"),
    pytest.param(
        "# name: X\n# title: T\n",
        f"{SHOWN}:1:1: file is empty; expected keys such as 'name: ...'", id="comments-only"),
    pytest.param(
        "- name: X\n- name: Y\n",
        f"{SHOWN}:1:1: expected a mapping of keys (like 'name: ...'), found a list", id="list"),
    pytest.param(
        "Priya Natarajan\n",
        f"{SHOWN}:1:1: expected a mapping of keys (like 'name: ...'), found the text "
        "'Priya Natarajan'", id="scalar"),
    pytest.param(
        "name: X\n---\nname: Y\n",
        f"{SHOWN}:2:1: YAML syntax error: holds more than one YAML document ('---'); keep one "
        "entity per file", id="two-documents"),
    pytest.param(
        "name: X\nfields: [data-science\ntitle: T\n",
        f"{SHOWN}:3:6: YAML syntax error: did not find expected ',' or ']'", id="syntax"),
    pytest.param(
        "name: X\n  title: T\n",
        f"{SHOWN}:2:8: YAML syntax error: mapping values are not allowed in this context",
        id="bad-indentation"),
    pytest.param(
        "base: &b {title: T}\nname: X\n<<: *b\n",
        f"{SHOWN}:3:1: merge keys ('<<') are not supported; write the keys out", id="merge-key"),
    pytest.param(
        "name: X\n? [a, b]\n: c\n",
        f"{SHOWN}:2:3: a key must be plain text", id="complex-key"),
    pytest.param(
        "name: X\ntitle: &t [*t]\n",
        f"{SHOWN}:2:8: nested more than 64 levels deep", id="recursive-alias"),
]


@pytest.mark.parametrize(("text", "expected"), READING_MISTAKES)
def test_reading_mistake(kit, text, expected):
    write(kit, CONTACT, text)
    assert_reports(kit, expected)


def test_file_over_one_mebibyte(kit):
    write(kit, CONTACT, "name: X\nbackground: " + "a" * (1024 * 1024) + "\n")
    assert_reports(kit, f"{SHOWN}:1:1: file is 1,048,597 bytes; prepkit reads files up to 1 MiB "
                        "(1,048,576 bytes). Split it into several files or move long text "
                        "elsewhere.")


# --- one file's keys and values -------------------------------------------------------------

def test_relationship_not_in_the_list(kit):
    replace_in(kit, "content/contacts/priya-natarajan.yml",
               "relationship: former-employer", "relationship: boss")
    assert_reports(kit, "content/contacts/priya-natarajan.yml:7:15: relationship: 'boss' is not "
                        f"one of {RELATIONSHIPS}")


def test_replied_before_sent(kit):
    replace_in(kit, "content/interviews/priya-natarajan-health-data-science.yml",
               "replied_on: 2026-11-20", "replied_on: 2026-11-10")
    assert_reports(kit, "content/interviews/priya-natarajan-health-data-science.yml:17:15: "
                        "outreach.replied_on: 2026-11-10 is before sent_on (2026-11-18)")


def test_thank_you_before_the_meeting(kit):
    replace_in(kit, "content/interviews/jordan-lee-cs-to-ux.yml",
               "thank_you_sent_on: 2026-11-06", "thank_you_sent_on: 2026-11-04")
    assert_reports(kit, "content/interviews/jordan-lee-cs-to-ux.yml:44:20: thank_you_sent_on: "
                        "2026-11-04 is before the conversation on 2026-11-05")


def test_contact_referred_by_themselves(kit):
    replace_in(kit, "content/contacts/kevin-ng.yml",
               "referred_by: helen-okafor", "referred_by: kevin-ng")
    assert_reports(kit, "content/contacts/kevin-ng.yml:8:14: referred_by: a contact cannot be "
                        "referred by themselves")


CONTACT_MISTAKES = [
    pytest.param(
        "name: X\nrelationship: 1\n",
        f"{SHOWN}:2:15: relationship: '1' is not one of {RELATIONSHIPS}", id="number-for-enum"),
    pytest.param(
        "name: X\nrelashionship: friend\n",
        f"{SHOWN}:2:1: relashionship: unknown key 'relashionship'; did you mean 'relationship'?",
        id="unknown-key-close"),
    pytest.param(
        "name: X\nfavourite_colour: blue\n",
        f"{SHOWN}:2:1: favourite_colour: unknown key 'favourite_colour' (known keys: "
        f"{CONTACT_KEYS})", id="unknown-key-far"),
    pytest.param(
        "title: Analyst\n",
        f"{SHOWN}:1:1: name: 'name' is required but missing; add 'name: ...'", id="missing-key"),
    pytest.param(
        "name:\n",
        f"{SHOWN}:1:6: name: expected text, found nothing (an empty value)", id="empty-value"),
    pytest.param(
        "name: X\nfields:\n",
        f"{SHOWN}:2:8: fields: expected a list (like [a, b] or lines starting with '- '), found "
        "nothing (an empty value)", id="empty-list"),
    pytest.param(
        'name: "  "\n',
        f"{SHOWN}:1:7: name: must not be empty", id="blank-text"),
    pytest.param(
        "name: {first: X}\n",
        f"{SHOWN}:1:7: name: expected text, found a mapping", id="mapping-for-text"),
    pytest.param(
        "name: X\nfields: data-science\n",
        f"{SHOWN}:2:9: fields: expected a list (like [a, b] or lines starting with '- '), found "
        "the text 'data-science'", id="text-for-list"),
    pytest.param(
        "name: X\nfields: [Data Science]\n",
        f"{SHOWN}:2:10: fields[0]: 'Data Science' is not an id; {ID_RULE}", id="bad-id-value"),
    pytest.param(
        "name: X\nemail: priya at example.com\n",
        f"{SHOWN}:2:8: email: 'priya at example.com' is not an email address, like "
        "name@example.com", id="bad-email"),
    pytest.param(
        "name: X\nlinkedin: www.linkedin.com/in/x\n",
        f"{SHOWN}:2:11: linkedin: 'www.linkedin.com/in/x' is not a web address; it must start "
        "with https:// (or http://), like https://www.example.org/page", id="bad-url"),
    pytest.param(
        "name: X\nfields: [data-science, public-helth]\n",
        f"{SHOWN}:2:24: fields[1]: no career field has the id 'public-helth'; did you mean "
        "'public-health'?", id="unknown-field-close"),
    pytest.param(
        "name: X\nfields: [law]\n",
        f"{SHOWN}:2:10: fields[0]: no career field has the id 'law' (known: data-science, "
        "public-health, ux-research)", id="unknown-field-far"),
    pytest.param(
        "name: X\nrelationship: referral\nreferred_by: helen-okafr\n",
        f"{SHOWN}:3:14: referred_by: no contact has the id 'helen-okafr'; did you mean "
        "'helen-okafor'?", id="unknown-referrer"),
]


@pytest.mark.parametrize(("text", "expected"), CONTACT_MISTAKES)
def test_contact_mistake(kit, text, expected):
    write(kit, CONTACT, text)
    assert_reports(kit, expected)


INTERVIEW = "content/interviews/new-chat.yml"
IV = "content/interviews/new-chat.yml"
PLAN = "contact: priya-natarajan\nquestion_sets: [getting-started]\n"

INTERVIEW_MISTAKES = [
    pytest.param(
        "contact: priya-natarjan\n",
        f"{IV}:1:10: contact: no contact has the id 'priya-natarjan'; did you mean "
        "'priya-natarajan'?", id="unknown-contact-close"),
    pytest.param(
        "contact: zed\n",
        f"{IV}:1:10: contact: no contact has the id 'zed'", id="unknown-contact-far"),
    pytest.param(
        PLAN + "field: data-sciense\n",
        f"{IV}:3:8: field: no career field has the id 'data-sciense'; did you mean "
        "'data-science'?", id="unknown-field"),
    pytest.param(
        "contact: priya-natarajan\nquestion_sets: [getting-started, health-dta]\n",
        f"{IV}:2:34: question_sets[1]: no question set has the id 'health-dta'; did you mean "
        "'health-data'?", id="unknown-question-set"),
    pytest.param(
        PLAN + "referrals: [sam-patl]\n",
        f"{IV}:3:13: referrals[0]: no contact has the id 'sam-patl'; did you mean 'sam-patel'?",
        id="unknown-referral"),
    pytest.param(
        PLAN + "referrals: [sam-patel, priya-natarajan]\n",
        f"{IV}:3:24: referrals[1]: lists the person you talked to; referrals are the other "
        "people they suggested", id="referral-is-the-contact"),
    pytest.param(
        PLAN + "offer:\n  role: Intern\n",
        f"{IV}:4:3: offer: only a post-offer interview has an offer; set 'kind: post-offer' or "
        "remove 'offer'", id="offer-on-exploratory"),
    pytest.param(
        PLAN + "outreach:\n  sent_on: 20261118\n",
        f"{IV}:4:12: outreach.sent_on: '20261118' is not a date; write it as YYYY-MM-DD, like "
        "2026-11-18", id="number-for-date"),
    pytest.param(
        PLAN + "outreach:\n  sent_on: 2026-02-30\n",
        f"{IV}:4:12: outreach.sent_on: '2026-02-30' is not a real calendar date",
        id="impossible-date"),
    pytest.param(
        PLAN + "outreach:\n  nudged_on: 2026-11-20\n",
        f"{IV}:4:14: outreach.nudged_on: nudged_on is set but sent_on is missing; add the date "
        "you wrote to them", id="nudged-without-sent"),
    pytest.param(
        PLAN + "outreach:\n  sentt_on: 2026-11-18\n",
        f"{IV}:4:3: outreach.sentt_on: unknown key 'sentt_on'; did you mean 'sent_on'?",
        id="nested-unknown-key"),
    pytest.param(
        PLAN + "goal: [learn]\n",
        f"{IV}:3:1: goal: unknown key 'goal'; did you mean 'goals'?", id="unknown-key-close"),
    pytest.param(
        PLAN + "mood: good\n",
        f"{IV}:3:1: mood: unknown key 'mood' (known keys: {INTERVIEW_KEYS})",
        id="unknown-key-far"),
    pytest.param(
        PLAN + "kind: informational\n",
        f"{IV}:3:7: kind: 'informational' is not one of exploratory, post-offer",
        id="bad-kind"),
    pytest.param(
        PLAN + "status: done\n",
        f"{IV}:3:9: status: 'done' is not one of declined, cancelled, closed", id="bad-status"),
    pytest.param(
        PLAN + "scheduled:\n  at: 2026-12-02\n",
        f"{IV}:4:7: scheduled.at: '2026-12-02' is not a date and time; write it as "
        "YYYY-MM-DDTHH:MM in the kit's timezone, like 2026-12-02T15:00", id="date-for-datetime"),
    pytest.param(
        PLAN + "scheduled:\n  at: 2026-12-02T15:00\n  duration_minutes: half an hour\n",
        f"{IV}:5:21: scheduled.duration_minutes: 'half an hour' is not a whole number; write "
        "digits only, like 20", id="words-for-minutes"),
    pytest.param(
        PLAN + "scheduled:\n  at: 2026-12-02T15:00\n  duration_minutes: 601\n",
        f"{IV}:5:21: scheduled.duration_minutes: '601' is too large; it must be at most 600",
        id="too-many-minutes"),
    pytest.param(
        PLAN + "scheduled:\n  at: 2026-12-02T15:00\n  duration_minutes: 0\n",
        f"{IV}:5:21: scheduled.duration_minutes: '0' is too small; it must be at least 1",
        id="zero-minutes"),
    pytest.param(
        PLAN + "scheduled:\n  at: 2026-12-02T15:00\n  medium: zoom\n",
        f"{IV}:5:11: scheduled.medium: 'zoom' is not one of video, phone, in-person",
        id="bad-medium"),
    pytest.param(
        PLAN + "scheduled:\n  duration_minutes: 20\n",
        f"{IV}:4:3: scheduled.at: 'at' is required but missing; add 'at: ...'",
        id="missing-nested-key"),
    pytest.param(
        PLAN + "questions:\n  - text: Why?\n    priority: 1\n",
        f"{IV}:5:15: questions[0].priority: '1' is not one of must, nice",
        id="number-for-priority"),
    pytest.param(
        PLAN + "questions:\n  - What is it like?\n",
        f"{IV}:4:5: questions[0]: expected a mapping of keys, found the text 'What is it like?'",
        id="text-for-question"),
    pytest.param(
        PLAN + "questions:\n  - text: Why?\n    topik: trends\n",
        f"{IV}:5:5: questions[0].topik: unknown key 'topik'; did you mean 'topic'?",
        id="unknown-question-key"),
]


@pytest.mark.parametrize(("text", "expected"), INTERVIEW_MISTAKES)
def test_interview_mistake(kit, text, expected):
    write(kit, INTERVIEW, text)
    assert_reports(kit, expected)


OTHER_FILE_MISTAKES = [
    pytest.param(
        "content/questions/new-set.yml", "title: T\nquestions: []\n",
        "content/questions/new-set.yml:2:12: questions: must not be empty; add at least one "
        "entry", id="question-set-without-questions"),
    pytest.param(
        "content/questions/new-set.yml",
        "title: T\nfields: [data-scienc]\nquestions:\n  - text: Why?\n",
        "content/questions/new-set.yml:2:10: fields[0]: no career field has the id "
        "'data-scienc'; did you mean 'data-science'?", id="question-set-unknown-field"),
    pytest.param(
        "content/fields/new-field.yml",
        "name: F\nresearch:\n  - title: Handbook\n    url: ftp://example.org/x\n",
        "content/fields/new-field.yml:4:10: research[0].url: 'ftp://example.org/x' is not a web "
        "address; it must start with https:// (or http://), like https://www.example.org/page",
        id="field-bad-research-url"),
    pytest.param(
        "content/kit.yml", "title: T\nowner:\n  name: A\ntimezone: Mars/Base\n",
        "content/kit.yml:4:11: timezone: 'Mars/Base' is not a known IANA timezone name, like "
        "America/Chicago or Europe/Berlin", id="kit-bad-timezone"),
    pytest.param(
        "content/kit.yml", "title: T\nowner:\n  name: A\n  emial: a@example.com\n",
        "content/kit.yml:4:3: owner.emial: unknown key 'emial'; did you mean 'email'?",
        id="kit-unknown-owner-key"),
    pytest.param(
        "content/kit.yml", "title: T\n",
        "content/kit.yml:1:1: owner: 'owner' is required but missing; add 'owner: ...'",
        id="kit-without-owner"),
    pytest.param(
        "content/kit.yml", "title: T\nowner: {name: A}\nrules:\n  nudge_after_days: -1\n",
        "content/kit.yml:4:21: rules.nudge_after_days: '-1' is not a whole number; write digits "
        "only, like 20", id="kit-negative-days"),
]


@pytest.mark.parametrize(("relative", "text", "expected"), OTHER_FILE_MISTAKES)
def test_other_file_mistake(kit, relative, text, expected):
    write(kit, relative, text)
    assert_reports(kit, expected)


# --- files and folders ----------------------------------------------------------------------

def test_file_name_that_is_not_an_id(kit):
    write(kit, "content/contacts/Sam.yml", "name: Sam\n")
    assert_reports(kit, "content/contacts/Sam.yml:1:1: file name 'Sam' is not a valid id; ids "
                        "are lowercase letters, digits and single hyphens: rename it to "
                        "'sam.yml'")


def test_file_name_with_spaces_suggests_an_id(kit):
    write(kit, "content/contacts/Dr Helen O'Kafor.yml", "name: Helen\n")
    assert_reports(kit, "content/contacts/Dr Helen O'Kafor.yml:1:1: file name "
                        "\"Dr Helen O'Kafor\" is not a valid id; ids are lowercase letters, "
                        "digits and single hyphens: rename it to 'dr-helen-o-kafor.yml'")


def test_same_id_as_yml_and_yaml(kit):
    write(kit, "content/contacts/sam-patel.yaml", "name: Sam Patel\n")
    assert_reports(kit, "content/contacts/sam-patel.yml:1:1: id 'sam-patel' is already used by "
                        "content/contacts/sam-patel.yaml; keep one of the two")


def test_kit_yml_and_kit_yaml(kit):
    shutil.copy(kit / "content/kit.yml", kit / "content/kit.yaml")
    assert_reports(kit, "content/kit.yaml:1:1: kit.yml and kit.yaml both exist; keep one")


def test_missing_kit_yml(kit):
    (kit / "content/kit.yml").unlink()
    assert_reports(kit, "content/kit.yml:1:1: missing; every kit needs a kit.yml with at least "
                        "'title' and 'owner: {name: ...}'")


def test_missing_content_folder(kit):
    shutil.rmtree(kit / "content")
    assert_reports(kit, "content:1:1: content folder not found; create it with 'prepkit init' or "
                        "set content_dir in the prepkit plugin's settings in mkdocs.yml")


def test_guide_page_name_that_is_not_an_id(kit):
    write(kit, "content/guide/My_Plan.md", "# Plan\n")
    assert_reports(kit, "content/guide/My_Plan.md:1:1: page name 'My_Plan' is not a valid id: "
                        "rename it to 'my-plan.md'")


# --- warnings -------------------------------------------------------------------------------

WARNINGS = [
    pytest.param(
        lambda kit: (kit / "content/contact").mkdir(),
        "content/contact:1:1: warning: not part of a kit, so it is ignored; did you mean "
        f"'contacts'? (a kit holds {KIT_PARTS})", id="stray-folder-close"),
    pytest.param(
        lambda kit: write(kit, "content/todo.txt", "call Sam\n"),
        "content/todo.txt:1:1: warning: not part of a kit, so it is ignored (a kit holds "
        f"{KIT_PARTS})", id="stray-file"),
    pytest.param(
        lambda kit: write(kit, "content/contacts/sam.json", "{}\n"),
        "content/contacts/sam.json:1:1: warning: not a .yml file, so it is ignored; files in "
        "contacts/ are read only when they end in .yml", id="not-yml"),
    pytest.param(
        lambda kit: write(kit, "content/guide/plan.txt", "plan\n"),
        "content/guide/plan.txt:1:1: warning: only Markdown (.md) files are read from guide/; "
        "this one is ignored", id="guide-not-markdown"),
    pytest.param(
        lambda kit: replace_in(kit, "content/interviews/jordan-lee-cs-to-ux.yml",
                               "duration_minutes: 30", "duration_minutes: 10"),
        "content/interviews/jordan-lee-cs-to-ux.yml:20:21: warning: scheduled.duration_minutes: "
        "the must-ask questions need 11 minutes but only 6 of the 10 are left after 2 for the "
        "opening and 2 for the close; mark some 'priority: nice' or agree on more time",
        id="must-ask-over-time"),
    pytest.param(
        lambda kit: replace_in(kit, "content/interviews/jordan-lee-cs-to-ux.yml",
                               "\ngoals:\n", "\n  - {text: A?, priority: must, minutes: 1}\n"
                               "  - {text: B?, priority: must, minutes: 1}\ngoals:\n"),
        "content/interviews/jordan-lee-cs-to-ux.yml:7:3: warning: questions: 5 questions are "
        "must-ask; keep it to 4 (rules.must_ask_limit) so the ones that matter most get asked: "
        "mark the others 'priority: nice'", id="too-many-must-ask"),
    pytest.param(
        lambda kit: write(kit, "content/interviews/new-chat.yml", "contact: sam-patel\n"),
        "content/interviews/new-chat.yml:1:1: warning: question_sets: this interview has no "
        "questions; add a question set or questions of its own", id="no-questions"),
    pytest.param(
        lambda kit: write(kit, "content/fields/law.yml", "# Law\nname: Law\n"),
        "content/fields/law.yml:2:7: warning: name: nobody in your contacts works in this field "
        "yet; list it in a contact's 'fields'", id="field-without-contacts"),
    pytest.param(
        lambda kit: write(kit, "content/interviews/new-chat.yml",
                          "contact: rachel-kim\nkind: post-offer\nquestion_sets: [post-offer]\n"),
        "content/interviews/new-chat.yml:2:7: warning: kind: a post-offer interview usually "
        "names the offer: add 'offer: {role: ..., decide_by: ...}'", id="post-offer-no-offer"),
]


@pytest.mark.parametrize(("mistake", "expected"), WARNINGS)
def test_warning_is_printed_and_exit_is_zero(kit, mistake, expected):
    mistake(kit)
    result = check(kit, exit_code=0)
    assert diagnostic_lines(result) == [expected]
    assert result.stderr.strip().endswith(": 0 errors, 1 warning")


@pytest.mark.parametrize(("mistake", "expected"), WARNINGS)
def test_strict_turns_the_warning_into_an_error(kit, mistake, expected):
    mistake(kit)
    result = check(kit, "--strict", exit_code=1)
    assert diagnostic_lines(result) == [expected.replace(": warning: ", ": ", 1)]
    assert result.stderr.strip().endswith(": 1 error, 0 warnings")


# --- every problem in one run ---------------------------------------------------------------

def test_every_broken_file_is_reported_in_one_run(kit):
    write(kit, "content/contacts/a-one.yml", "name: A\nrelationship: boss\n")
    write(kit, "content/contacts/b-two.yml", "name: B\nname: B\n")
    write(kit, "content/contacts/Cee.yml", "name: C\n")
    write(kit, "content/fields/d-four.yml", "")
    write(kit, "content/interviews/e-five.yml",
          "contact: nobody\nquestion_sets: [nothing]\nkind: chat\n"
          "outreach: {sent_on: 2026-11-18, replied_on: 2026-11-01}\n")
    write(kit, "content/questions/f-six.yml",
          "title: T\nfields: [none]\nquestions:\n  - text: Why?\n")
    write(kit, "content/questions/g-seven.yml", "title: T\nquestions: []\n")
    write(kit, "content/kit.yml", "title: T\nowner: {name: A}\ntimezone: Nowhere\n")
    result = check(kit, exit_code=1)
    lines = diagnostic_lines(result)
    assert lines == [
        "content/contacts/Cee.yml:1:1: file name 'Cee' is not a valid id; ids are lowercase "
        "letters, digits and single hyphens: rename it to 'cee.yml'",
        f"content/contacts/a-one.yml:2:15: relationship: 'boss' is not one of {RELATIONSHIPS}",
        "content/contacts/b-two.yml:2:1: duplicate key 'name' (first set on line 1); keep one",
        "content/fields/d-four.yml:1:1: file is empty; expected keys such as 'name: ...'",
        "content/interviews/e-five.yml:1:10: contact: no contact has the id 'nobody'",
        "content/interviews/e-five.yml:2:17: question_sets[0]: no question set has the id "
        "'nothing' (known: f-six, g-seven, getting-started, health-data, post-offer, tiara, "
        "ux-methods)",
        "content/interviews/e-five.yml:3:7: kind: 'chat' is not one of exploratory, post-offer",
        "content/interviews/e-five.yml:4:45: outreach.replied_on: 2026-11-01 is before sent_on "
        "(2026-11-18)",
        "content/kit.yml:3:11: timezone: 'Nowhere' is not a known IANA timezone name, like "
        "America/Chicago or Europe/Berlin",
        "content/questions/f-six.yml:2:10: fields[0]: no career field has the id 'none' "
        "(known: data-science, public-health, ux-research)",
        "content/questions/g-seven.yml:2:12: questions: must not be empty; add at least one "
        "entry",
    ]
    assert result.stderr.strip().endswith(f": {len(lines)} errors, 0 warnings")


def test_a_broken_required_key_does_not_hide_unknown_ids_in_the_same_file(kit):
    write(kit, "content/questions/new-set.yml", "title: T\nfields: [nowhere]\nquestions: []\n")
    lines = diagnostic_lines(check(kit, exit_code=1))
    assert "content/questions/new-set.yml:3:12: questions: must not be empty; add at least one " \
        "entry" in lines
    assert "content/questions/new-set.yml:2:10: fields[0]: no career field has the id " \
        "'nowhere' (known: data-science, public-health, ux-research)" in lines


def test_references_to_a_broken_file_are_not_reported_as_unknown(kit):
    write(kit, "content/contacts/new-person.yml", "name: [unclosed\n")
    write(kit, "content/interviews/new-chat.yml",
          "contact: new-person\nquestion_sets: [getting-started]\n")
    lines = diagnostic_lines(check(kit, exit_code=1))
    assert len(lines) == 1
    assert lines[0].startswith("content/contacts/new-person.yml:")


def test_paths_outside_the_working_folder_are_shown_in_full(example_kit, tmp_path,
                                                            monkeypatch):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    write(example_kit, CONTACT, "name: X\nrelationship: boss\n")
    lines = diagnostic_lines(check(example_kit, exit_code=1))
    assert lines == [f"{example_kit / 'content/contacts/new-person.yml'}:2:15: relationship: "
                     f"'boss' is not one of {RELATIONSHIPS}"]


def test_each_diagnostic_is_one_line_in_the_documented_form(kit):
    write(kit, "content/contacts/a-one.yml", "name: A\nrelationship: boss\ncolour: red\n")
    (kit / "content/notes").mkdir()
    pattern = (r"^content/[a-z/.-]+:\d+:\d+: (warning: )?([a-z_]+(\[\d+\])?"
               r"(\.[a-z_]+(\[\d+\])?)*: )?\S.*$")
    lines = diagnostic_lines(check(kit, exit_code=1))
    assert len(lines) == 3
    for line in lines:
        assert re.match(pattern, line), line


# --- hostile input --------------------------------------------------------------------------

def test_control_character_is_reported_on_one_line_where_it_is(kit):
    write(kit, CONTACT, "name: X\ntitle: a\x07b\n")
    lines = diagnostic_lines(check(kit, exit_code=1))
    assert len(lines) == 1
    assert lines[0].startswith(f"{SHOWN}:2:9: ")


def test_very_deep_nesting_is_reported_not_a_traceback(kit):
    write(kit, CONTACT, "name: X\ntitle: " + "[" * 5000 + "]" * 5000 + "\n")
    lines = diagnostic_lines(check(kit, exit_code=1))
    assert len(lines) == 1
    assert lines[0].startswith(f"{SHOWN}:2:")
    assert "nest" in lines[0]


# --- warnings are not hidden by errors --------------------------------------------------------

def test_warnings_show_while_another_file_has_an_error(kit):
    write(kit, "content/fields/law.yml", "# Law\nname: Law\n")
    write(kit, "content/contacts/a-one.yml", "name: A\nrelationship: boss\n")
    lines = diagnostic_lines(check(kit, exit_code=1))
    assert f"content/contacts/a-one.yml:2:15: relationship: 'boss' is not one of " \
           f"{RELATIONSHIPS}" in lines
    assert "content/fields/law.yml:2:7: warning: name: nobody in your contacts works in this " \
           "field yet; list it in a contact's 'fields'" in lines


def test_a_file_with_an_error_still_shows_its_own_warnings(kit):
    write(kit, "content/interviews/new-chat.yml",
          "contact: sam-patel\nscheduled: {at: 2026-11-10T10:00}\n"
          "thank_you_sent_on: 2026-11-01\n")
    lines = diagnostic_lines(check(kit, exit_code=1))
    assert "content/interviews/new-chat.yml:3:20: thank_you_sent_on: 2026-11-01 is before the " \
           "conversation on 2026-11-10" in lines
    assert "content/interviews/new-chat.yml:1:1: warning: question_sets: this interview has " \
           "no questions; add a question set or questions of its own" in lines
