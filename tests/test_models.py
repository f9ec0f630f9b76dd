"""The content models and their field types, fed text the way the YAML reader hands it over."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any, get_args

import pytest
from pydantic import BaseModel, ValidationError

from generator.model import (
    CareerField,
    Contact,
    Interview,
    KitFile,
    Offer,
    Outreach,
    Owner,
    Question,
    QuestionSet,
    ResearchSource,
    Rules,
    Scheduled,
)
from generator.model.types import (
    Channel,
    InterviewKind,
    Medium,
    Priority,
    Relationship,
    StatusOverride,
    Topic,
    is_slug,
)
from generator.read.validate import did_you_mean, validate_document
from generator.read.yaml_source import parse_yaml_bytes


def problem(model: type[BaseModel], data: dict[str, Any]) -> tuple[str, tuple[Any, ...], str]:
    """The single validation problem of `data`: (type, location, message)."""
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data)
    errors = caught.value.errors()
    assert len(errors) == 1, errors
    return errors[0]["type"], errors[0]["loc"], errors[0]["msg"]


def message_for(model: type[BaseModel], data: dict[str, Any]) -> str:
    return problem(model, data)[2].removeprefix("Value error, ")


# --- the choices ----------------------------------------------------------------------------

@pytest.mark.parametrize(("choice", "values"), [
    (Relationship, ("former-employer", "professor", "gsi", "friend", "family", "alumni",
                    "colleague", "referral", "other")),
    (InterviewKind, ("exploratory", "post-offer")),
    (Topic, ("trends", "insights", "advice", "resources", "assignments")),
    (Priority, ("must", "nice")),
    (Channel, ("email", "linkedin")),
    (Medium, ("video", "phone", "in-person")),
    (StatusOverride, ("declined", "cancelled", "closed")),
])
def test_choices_are_exactly_the_documented_ones(choice, values):
    assert get_args(choice) == values


@pytest.mark.parametrize(("model", "data", "loc"), [
    (Contact, {"name": "X", "relationship": "boss"}, ("relationship",)),
    (Contact, {"name": "X", "relationship": "1"}, ("relationship",)),
    (Question, {"text": "Why?", "priority": "1"}, ("priority",)),
    (Question, {"text": "Why?", "topic": "Trends"}, ("topic",)),
    (Interview, {"contact": "x", "kind": "informational"}, ("kind",)),
    (Interview, {"contact": "x", "status": "done"}, ("status",)),
    (Outreach, {"channel": "phone"}, ("channel",)),
    (Scheduled, {"at": "2026-12-02T15:00", "medium": "zoom"}, ("medium",)),
])
def test_a_value_outside_a_choice_is_refused(model, data, loc):
    kind, where, _ = problem(model, data)
    assert (kind, where) == ("literal_error", loc)


# --- dates and times ------------------------------------------------------------------------

def test_day_is_read_from_iso_text():
    assert Outreach.model_validate({"sent_on": "2026-11-18"}).sent_on == date(2026, 11, 18)


@pytest.mark.parametrize(("typed", "message"), [
    ("20261118", "'20261118' is not a date; write it as YYYY-MM-DD, like 2026-11-18"),
    ("2026-1-05", "'2026-1-05' is not a date; write it as YYYY-MM-DD, like 2026-11-18"),
    ("18/11/2026", "'18/11/2026' is not a date; write it as YYYY-MM-DD, like 2026-11-18"),
    ("2026-11-18T10:00", "'2026-11-18T10:00' is not a date; write it as YYYY-MM-DD, "
                         "like 2026-11-18"),
    ("2026-02-30", "'2026-02-30' is not a real calendar date"),
    ("2026-13-01", "'2026-13-01' is not a real calendar date"),
])
def test_day_in_another_form_is_refused(typed, message):
    assert message_for(Outreach, {"sent_on": typed}) == message


@pytest.mark.parametrize(("typed", "expected"), [
    ("2026-12-02T15:00", datetime(2026, 12, 2, 15, 0)),
    ("2026-12-02 15:00", datetime(2026, 12, 2, 15, 0)),
    ("2026-12-02T15:00:30", datetime(2026, 12, 2, 15, 0, 30)),
])
def test_local_datetime_is_read_from_text(typed, expected):
    at = Scheduled.model_validate({"at": typed}).at
    assert at == expected
    assert at.tzinfo is None  # local to the kit's timezone


@pytest.mark.parametrize(("typed", "message"), [
    ("2026-12-02", "'2026-12-02' is not a date and time; write it as YYYY-MM-DDTHH:MM in the "
                   "kit's timezone, like 2026-12-02T15:00"),
    ("2026-12-02T15:00Z", "'2026-12-02T15:00Z' is not a date and time; write it as "
                          "YYYY-MM-DDTHH:MM in the kit's timezone, like 2026-12-02T15:00"),
    ("2026-12-02T25:00", "'2026-12-02T25:00' is not a real date and time"),
])
def test_local_datetime_in_another_form_is_refused(typed, message):
    assert message_for(Scheduled, {"at": typed}) == message


# --- numbers --------------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "expected"), [("1", 1), ("20", 20), ("600", 600),
                                                 ("045", 45)])
def test_minutes_are_whole_numbers_from_text(typed, expected):
    assert Question.model_validate({"text": "Why?", "minutes": typed}).minutes == expected


@pytest.mark.parametrize(("typed", "kind", "message"), [
    ("0", "greater_than_equal", "Input should be greater than or equal to 1"),
    ("601", "less_than_equal", "Input should be less than or equal to 600"),
    ("-5", "value_error", "'-5' is not a whole number; write digits only, like 20"),
    ("3.5", "value_error", "'3.5' is not a whole number; write digits only, like 20"),
    ("twenty", "value_error", "'twenty' is not a whole number; write digits only, like 20"),
])
def test_minutes_out_of_range_or_not_whole_are_refused(typed, kind, message):
    found_kind, _, found_message = problem(Question, {"text": "Why?", "minutes": typed})
    assert (found_kind, found_message.removeprefix("Value error, ")) == (kind, message)


def test_rules_have_career_centre_defaults():
    rules = Rules()
    assert rules == Rules(thank_you_within_days=2, nudge_after_days=7, linkedin_note_limit=300,
                          outreach_word_limit=75, default_duration_minutes=20,
                          minutes_per_question=3, outreach_rule="3b7", keep_in_touch_days=42)
    assert rules.holidays.country is None and rules.keep_in_touch_by_relationship == {}


@pytest.mark.parametrize(("key", "typed", "accepted"), [
    ("thank_you_within_days", "0", True),
    ("thank_you_within_days", "365", True),
    ("thank_you_within_days", "366", False),
    ("linkedin_note_limit", "0", False),
    ("linkedin_note_limit", "100000", True),
    ("default_duration_minutes", "0", False),
])
def test_rule_ranges(key, typed, accepted):
    if accepted:
        assert getattr(Rules.model_validate({key: typed}), key) == int(typed)
    else:
        problem(Rules, {key: typed})


# --- text, ids, addresses -------------------------------------------------------------------

def test_text_is_stripped_and_must_not_be_blank():
    assert Contact.model_validate({"name": "  Priya  "}).name == "Priya"
    assert message_for(Contact, {"name": "X", "title": "   "}) == "must not be empty"


def test_text_must_be_text():
    assert problem(Contact, {"name": {"first": "P"}})[0] == "string_type"


@pytest.mark.parametrize("slug", ["a", "priya-natarajan", "cs-101", "2026"])
def test_valid_ids(slug):
    assert is_slug(slug)
    assert Interview.model_validate({"contact": slug}).contact == slug


@pytest.mark.parametrize("slug", ["", "Priya", "priya_natarajan", "priya--n", "-priya", "priya-",
                                  "priya natarajan", "priyá"])
def test_invalid_ids_are_refused_with_an_example(slug):
    assert not is_slug(slug)
    assert message_for(Interview, {"contact": slug}) == (
        f"{slug!r} is not an id; ids are lowercase letters, digits and single hyphens, "
        "like 'priya-natarajan'")


@pytest.mark.parametrize("url", ["https://www.example.org/page", "http://example.com",
                                 "https://www.linkedin.com/in/priya-example"])
def test_web_addresses(url):
    assert Contact.model_validate({"name": "X", "linkedin": url}).linkedin == url


@pytest.mark.parametrize("url", ["www.example.org", "ftp://example.org/x", "https://",
                                 "https://a b.example.org", "mailto:a@example.com"])
def test_other_addresses_are_not_web_addresses(url):
    assert message_for(ResearchSource, {"title": "T", "url": url}) == (
        f"{url!r} is not a web address; it must start with https:// (or http://), "
        "like https://www.example.org/page")


@pytest.mark.parametrize(("email", "accepted"), [
    ("priya@example.com", True), ("first.last+tag@mail.example.edu", True),
    ("priya", False), ("priya@example", False), ("a b@example.com", False),
    ("<priya@example.com>", False), ("a@b@example.com", False),
])
def test_email_addresses(email, accepted):
    if accepted:
        assert Owner.model_validate({"name": "A", "email": email}).email == email
    else:
        assert message_for(Owner, {"name": "A", "email": email}) == (
            f"{email!r} is not an email address, like name@example.com")


@pytest.mark.parametrize("zone", ["UTC", "America/Chicago", "Europe/Berlin"])
def test_known_timezones(zone):
    assert KitFile.model_validate({"title": "T", "owner": {"name": "A"},
                                   "timezone": zone}).timezone == zone


@pytest.mark.parametrize("zone", ["Mars/Base", "", "CST6CDT/Nowhere", "../etc/passwd"])
def test_unknown_timezones_are_refused(zone):
    assert message_for(KitFile, {"title": "T", "owner": {"name": "A"}, "timezone": zone}) == (
        f"{zone!r} is not a known IANA timezone name, like America/Chicago or Europe/Berlin")


# --- the models -----------------------------------------------------------------------------

def test_contact_defaults():
    contact = Contact.model_validate({"name": "Sam Patel"})
    assert contact.relationship == "other"
    assert contact.fields == []
    assert contact.referred_by is None


def test_interview_defaults():
    interview = Interview.model_validate({"contact": "sam-patel"})
    assert (interview.kind, interview.question_sets, interview.questions, interview.status) == (
        "exploratory", [], [], None)


def test_question_defaults():
    question = Question.model_validate({"text": "How did you start?"})
    assert (question.priority, question.topic, question.minutes, question.follow_ups) == (
        "nice", None, None, [])


def test_outreach_and_scheduled_defaults():
    assert Outreach.model_validate({}).channel == "email"
    assert Scheduled.model_validate({"at": "2026-12-02T15:00"}).medium == "video"


def test_kit_file_defaults():
    kit = KitFile.model_validate({"title": "T", "owner": {"name": "Alex"}})
    assert kit.timezone == "UTC"
    assert kit.rules == Rules()


@pytest.mark.parametrize(("model", "data", "missing"), [
    (Contact, {}, ("name",)),
    (CareerField, {}, ("name",)),
    (Interview, {}, ("contact",)),
    (QuestionSet, {"questions": [{"text": "Why?"}]}, ("title",)),
    (Question, {}, ("text",)),
    (ResearchSource, {}, ("title",)),
    (Scheduled, {}, ("at",)),
    (Offer, {}, ("role",)),
    (KitFile, {"owner": {"name": "A"}}, ("title",)),
    (KitFile, {"title": "T", "owner": {}}, ("owner", "name")),
])
def test_required_keys(model, data, missing):
    assert problem(model, data)[:2] == ("missing", missing)


def test_question_set_needs_at_least_one_question():
    assert problem(QuestionSet, {"title": "T", "questions": []})[:2] == ("too_short",
                                                                          ("questions",))


@pytest.mark.parametrize("model", [Contact, Interview, KitFile, Owner, Rules, Question, Outreach])
def test_unknown_keys_are_errors_never_dropped(model):
    assert any(error["type"] == "extra_forbidden" and error["loc"] == ("colour",)
               for error in _errors(model, {"colour": "blue"}))


def _errors(model: type[BaseModel], data: dict[str, Any]) -> list[Any]:
    try:
        model.model_validate(data)
    except ValidationError as error:
        return list(error.errors())
    return []


def test_models_are_frozen():
    contact = Contact.model_validate({"name": "Sam"})
    with pytest.raises(ValidationError):
        contact.name = "Other"  # type: ignore[misc]


def test_entity_id_and_source_come_from_bind():
    document = parse_yaml_bytes(b"name: Sam\n", path=Path("sam-patel.yml"), display="s.yml")
    contact = Contact.model_validate(document.data)
    assert (contact.id, contact.source) == ("", None)
    contact.bind("sam-patel", document)
    assert (contact.id, contact.source) == ("sam-patel", document)


# --- turning problems into diagnostics ------------------------------------------------------

def test_validate_document_reports_every_problem_with_its_position():
    text = ("name: Sam\n"
            "relationship: boss\n"
            "email: sam\n"
            "fields: [Data]\n"
            "colour: blue\n")
    document = parse_yaml_bytes(text.encode(), path=Path("sam.yml"), display="sam.yml")
    validated = validate_document(Contact, document)
    assert validated.model is None
    assert sorted(problem.format() for problem in validated.problems) == [
        "sam.yml:2:15: relationship: 'boss' is not one of former-employer, professor, gsi, "
        "friend, family, alumni, colleague, referral, other",
        "sam.yml:3:8: email: 'sam' is not an email address, like name@example.com",
        "sam.yml:4:10: fields[0]: 'Data' is not an id; ids are lowercase letters, digits and "
        "single hyphens, like 'priya-natarajan'",
        "sam.yml:5:1: colour: unknown key 'colour' (known keys: name, preferred_name, "
        "honorific, title, organization, employer, fields, relationship, referred_by, "
        "how_we_met, email, linkedin, phone, background, private_notes, keep_in_touch_days)",
    ]


def test_validate_document_keeps_a_partial_model_without_the_broken_keys():
    document = parse_yaml_bytes(b"name: Sam\nrelationship: boss\nfields: [data-science]\n",
                                path=Path("sam.yml"), display="sam.yml")
    validated = validate_document(Contact, document)
    assert validated.partial is not None
    assert validated.partial.fields == ["data-science"]
    assert validated.partial.relationship == "other"


def test_validate_document_returns_the_model_when_valid():
    document = parse_yaml_bytes(b"name: Sam\n", path=Path("sam.yml"), display="sam.yml")
    validated = validate_document(Contact, document)
    assert validated.problems == []
    assert validated.model == Contact(name="Sam")


@pytest.mark.parametrize(("word", "hint"), [
    ("goal", "; did you mean 'goals'?"),
    ("sentt_on", "; did you mean 'sent_on'?"),
    ("zzzz", ""),
])
def test_did_you_mean(word, hint):
    assert did_you_mean(word, ["goals", "sent_on", "contact"]) == hint
