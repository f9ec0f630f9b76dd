"""The text of a new content file, as `prepkit new` writes it.

The schema line comes first, then every key of the kind with a comment saying what it is for
(taken from the models, so the comments never drift from the format). Keys that were given are
written as YAML; the others are shown commented out with an example, so that the file explains
itself and uncommenting a line is all it takes to use a key.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar, get_args

from pydantic import BaseModel

from generator.authoring.schema import schema_file_name
from generator.model import CareerField, Contact, Employer, Entity, Interview, QuestionSet
from generator.model.questions import Question
from generator.model.types import InterviewKind, Medium, Relationship, StatusOverride
from generator.read.validate import Validated, validate_document
from generator.read.yaml_source import YamlDocument

EntityT = TypeVar("EntityT", bound=Entity)

WIDTH = 96
DEFAULT_QUESTION_SET = "getting-started"
EXAMPLE_QUESTION = "How did you get your start in this field?"


@dataclass(frozen=True)
class Kind:
    """One kind of content file that `prepkit new` can create."""

    name: str  # as typed after `prepkit new`
    folder: str  # content/<folder>/<id>.yml
    schema: str  # schemas/<schema>.schema.json
    model: type[Entity]
    noun: str


KINDS: dict[str, Kind] = {kind.name: kind for kind in (
    Kind("contact", "contacts", "contact", Contact, "contact"),
    Kind("field", "fields", "field", CareerField, "career field"),
    Kind("employer", "employers", "employer", Employer, "employer"),
    Kind("questions", "questions", "question-set", QuestionSet, "question set"),
    Kind("interview", "interviews", "interview", Interview, "interview"),
)}

# Folder -> ids of the files in it; used for examples and "yours: ..." hints in comments.
KnownIds = Mapping[str, Sequence[str]]


def validate_values(model: type[EntityT], data: dict[str, Any]) -> Validated[EntityT]:
    """Validate option values exactly as a file holding them would be validated."""
    return validate_document(model, YamlDocument(path=Path("new"), display="new", data=data))


# --- YAML scalars ---------------------------------------------------------------------------

_WORDS_READ_AS_OTHER_TYPES = {"", "~", "null", "true", "false", "yes", "no", "on", "off", "y",
                              "n", ".nan", ".inf"}
# Numbers, dates and times in any notation some YAML reader resolves: 012, 1_000, 0x1f, 10:30.
_NUMBER_LIKE = re.compile(r"[-+.]?[0-9][0-9a-fA-FxXoOtT_.,:+ -]*")
# Characters the YAML reader accepts unescaped in a double-quoted scalar.
_PRINTABLE = re.compile("[\t\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def scalar(text: str) -> str:
    """`text` as a YAML scalar that reads back as exactly `text`: plain when that is
    unambiguous for every YAML reader (editors included), double-quoted otherwise."""
    return text if _is_plain_safe(text) else _double_quoted(text)


def _double_quoted(text: str) -> str:
    return '"' + "".join(_escaped(char) for char in text) + '"'


def _is_plain_safe(text: str) -> bool:
    return (text[:1].isalnum() and text == text.strip() and text.isprintable()
            and ": " not in text and " #" not in text and not text.endswith(":")
            and text.lower() not in _WORDS_READ_AS_OTHER_TYPES
            and not _NUMBER_LIKE.fullmatch(text))


def _escaped(char: str) -> str:
    if char in '"\\':
        return "\\" + char
    if _PRINTABLE.match(char):
        return char
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 \
        else f"\\U{code:08x}"


def flow_list(items: Sequence[str]) -> str:
    return "[" + ", ".join(_flow_item(item) for item in items) + "]"


def _flow_item(text: str) -> str:
    if _is_plain_safe(text) and not any(char in text for char in ",[]{}"):
        return text
    return _double_quoted(text)


def local_time(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M" + (":%S" if moment.second else ""))


# --- layout ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Entry:
    """One top-level key: a comment above it, then its YAML lines (commented out if unused)."""

    comment: str
    lines: tuple[str, ...]
    active: bool = True


def entry(comment: str, key: str, value: str | None, example: str) -> Entry:
    """`key: value` when a value was given, else `# key: example`."""
    return Entry(comment, (f"{key}: {value if value is not None else example}",),
                 active=value is not None)


def render(kind: Kind, header: str, entries: Sequence[Entry]) -> str:
    lines = [f"# yaml-language-server: $schema=../../schemas/{schema_file_name(kind.schema)}",
             *comment_lines(header), "# Lines starting with '# key:' are optional keys: delete "
             "the '# ' to use one.", ""]
    for item in entries:
        lines += comment_lines(item.comment)
        lines += item.lines if item.active else [f"# {line}" for line in item.lines]
    return "\n".join(lines) + "\n"


def comment_lines(text: str, indent: str = "") -> list[str]:
    return [f"{indent}# {line}" for line in textwrap.wrap(
        text, WIDTH - len(indent) - 2, break_on_hyphens=False, break_long_words=False)]


def describe(model: type[BaseModel], key: str) -> str:
    """The key's description from the model, or the docstring of the model it holds."""
    info = model.model_fields[key]
    if info.description:
        return info.description
    inner = next((arg for arg in (info.annotation, *get_args(info.annotation))
                  if isinstance(arg, type) and issubclass(arg, BaseModel)), None)
    return (inner.__doc__ or key).strip().splitlines()[0] if inner else key


def choices(literal: Any) -> str:
    values = list(get_args(literal))
    return ", ".join(values[:-1]) + f" or {values[-1]}"


def yours(ids: Sequence[str], make: str) -> str:
    if not ids:
        return f" You have none yet: add one with 'prepkit new {make} ID'."
    shown = ", ".join(ids[:10]) + (", ..." if len(ids) > 10 else "")
    return f" Yours: {shown}."


# --- the four kinds -------------------------------------------------------------------------

def contact_text(contact: Contact, *, entity_id: str, known: KnownIds) -> str:
    fields, contacts = known.get("fields", ()), known.get("contacts", ())
    return render(KINDS["contact"], f"A person to talk to. Other files refer to them by this "
                  f"file's name: {entity_id}.", [
        entry(describe(Contact, "name"), "name", scalar(contact.name), ""),
        entry(describe(Contact, "preferred_name"), "preferred_name", None, "Kev"),
        entry(describe(Contact, "honorific"), "honorific", None, "Dr."),
        entry(describe(Contact, "title"), "title", _maybe(contact.title),
              "Senior Data Scientist"),
        entry(describe(Contact, "organization"), "organization", _maybe(contact.organization),
              "Acme Health"),
        entry(describe(Contact, "employer") + yours(known.get("employers", ()), "employer"),
              "employer", contact.employer, (known.get("employers") or ["acme-health"])[0]),
        entry(describe(Contact, "fields") + yours(fields, "field"), "fields",
              flow_list(contact.fields) if contact.fields else None,
              flow_list(list(fields[:1]) or ["data-science"])),
        entry(f"How you know them: {choices(Relationship)}.", "relationship",
              contact.relationship, ""),
        entry(describe(Contact, "referred_by"), "referred_by", None,
              contacts[0] if contacts else "priya-natarajan"),
        entry(describe(Contact, "how_we_met"), "how_we_met", None,
              "We met at the alumni career night in October."),
        entry(describe(Contact, "email"), "email", None, "name@example.com"),
        entry(describe(Contact, "linkedin"), "linkedin", None,
              "https://www.linkedin.com/in/example"),
        entry(describe(Contact, "phone"), "phone", None, '"+1 555 0100"'),
        Entry(describe(Contact, "background"), ("background: |",
              "  What they do now and how they got there."), active=False),
        entry(describe(Contact, "private_notes"), "private_notes", None,
              "Prefers morning calls."),
        entry(describe(Contact, "keep_in_touch_days"), "keep_in_touch_days", None, "60"),
    ])


def field_text(career_field: CareerField, *, entity_id: str) -> str:
    return render(KINDS["field"], f"A career field you are researching. Other files refer to "
                  f"it by this file's name: {entity_id}.", [
        entry(describe(CareerField, "name"), "name", scalar(career_field.name), ""),
        Entry(describe(CareerField, "summary"), ("summary: |",
              "  What the field is, and why it interests you."), active=False),
        entry(describe(CareerField, "roles"), "roles", None, "[Data analyst, Data scientist]"),
        entry(describe(CareerField, "trends"), "trends", None,
              "[More teams hiring for this skill]"),
        Entry(describe(CareerField, "research"), (
            "research:", "  - title: Occupational Outlook Handbook, Data Scientists",
            "    url: https://www.example.org/handbook", "    notes: What you learned from it."),
            active=False),
        entry(describe(CareerField, "organizations"), "organizations", None,
              "[Acme Health, City Data Office]"),
        entry(describe(CareerField, "tags"), "tags", None, "[statistics, healthcare]"),
    ])


def employer_text(employer: Employer, *, entity_id: str) -> str:
    return render(KINDS["employer"], "A target employer on your LAMP list. Contacts who work "
                  f"there name it with 'employer: {entity_id}'.", [
        entry(describe(Employer, "name"), "name", scalar(employer.name), ""),
        entry(describe(Employer, "motivation"), "motivation", str(employer.motivation), ""),
        entry(describe(Employer, "postings"), "postings", str(employer.postings), ""),
        entry(describe(Employer, "advocacy"), "advocacy", None, "true"),
        entry(describe(Employer, "website"), "website", None, "https://www.example.com"),
        entry(describe(Employer, "done"), "done", None, "true"),
        Entry(describe(Employer, "notes"), ("notes: |", "  Why you want to work there."),
              active=False),
    ])


def questions_text(question_set: QuestionSet, *, entity_id: str, known: KnownIds) -> str:
    example = [
        *comment_lines("The question; open-ended questions get the best answers.", "  "),
        f"  - text: {EXAMPLE_QUESTION}",
        *comment_lines(describe(Question, "topic"), "    "), "    topic: insights",
        *comment_lines(describe(Question, "priority") + " Or 'nice'.", "    "),
        "    priority: must",
        *comment_lines(describe(Question, "minutes"), "    "), "    minutes: 3",
        *comment_lines(describe(Question, "follow_ups"), "    "),
        '    follow_ups: ["What surprised you most in your first year?"]']
    return render(KINDS["questions"], f"A reusable set of questions. Interviews list it in "
                  f"'question_sets' by this file's name: {entity_id}.", [
        entry("The set's title, shown on its page.", "title", scalar(question_set.title), ""),
        entry(f"{describe(QuestionSet, 'kind')[:-1]}: {choices(InterviewKind)}.", "kind",
              question_set.kind, ""),
        entry(describe(QuestionSet, "fields") + yours(known.get("fields", ()), "field"),
              "fields", None, flow_list(list(known.get("fields", ())[:1]) or ["data-science"])),
        Entry(describe(QuestionSet, "questions") + " Edit this one and add your own, each "
              "starting with '- text:'.", ("questions:", *example)),
    ])


def interview_text(interview: Interview, *, entity_id: str, known: KnownIds) -> str:
    sets, scheduled = known.get("questions", ()), interview.scheduled
    when = [f"  at: {local_time(scheduled.at)}"] if scheduled else ["  at: 2027-01-15T10:00"]
    if scheduled and scheduled.duration_minutes:
        when.append(f"  duration_minutes: {scheduled.duration_minutes}")
    return render(KINDS["interview"], f"One informational interview: {entity_id}.", [
        entry(describe(Interview, "contact"), "contact", interview.contact, ""),
        entry(describe(Interview, "field") + yours(known.get("fields", ()), "field"), "field",
              interview.field, (known.get("fields") or ["data-science"])[0]),
        entry(describe(Interview, "kind"), "kind", interview.kind, ""),
        entry(describe(Interview, "question_sets") + yours(sets, "questions"), "question_sets",
              flow_list(interview.question_sets) if interview.question_sets else None,
              flow_list(list(sets[:1]) or [DEFAULT_QUESTION_SET])),
        Entry(describe(Interview, "questions"), (
            "questions:", "  - text: What does a typical week look like for you?",
            "    priority: must"), active=False),
        Entry(describe(Interview, "goals"), ("goals:", "  - Learn what the day-to-day work "
              "is like"), active=False),
        Entry(describe(Interview, "outreach"), (
            "outreach:", "  channel: email", "  sent_on: 2027-01-08"), active=False),
        Entry(f"{describe(Interview, 'scheduled')} 'at' is local time in the kit's timezone; "
              f"'medium' is {choices(Medium)}; 'confirmed_on' is when you confirmed the day "
              "before.", ("scheduled:", *when, "  medium: video",
                          *([] if scheduled is None else ["  # confirmed_on: 2027-01-14"])),
              active=scheduled is not None),
        Entry(describe(Interview, "offer") + " Only for 'kind: post-offer'; 'decided_on' is "
              "when you gave your answer.", (
            "offer:", "  role: Data Analytics Intern", "  decide_by: 2027-02-01",
            "  decided_on: 2027-01-30"), active=False),
        Entry(describe(Interview, "notes"), ("notes: |", "  What you heard, written the same "
              "day."), active=False),
        entry(describe(Interview, "to_share"), "to_share", None,
              "[What surprised me most about the field]"),
        entry(describe(Interview, "takeaways"), "takeaways", None,
              "[Read the report they recommended]"),
        entry(describe(Interview, "referrals"), "referrals", None,
              flow_list(list(known.get("contacts", ())[:1]) or ["priya-natarajan"])),
        entry(describe(Interview, "thank_you_sent_on"), "thank_you_sent_on", None, "2027-01-16"),
        entry(describe(Interview, "update_sent_on"), "update_sent_on", None, "2027-03-01"),
        entry(describe(Interview, "referrer_updated_on"), "referrer_updated_on", None,
              "2027-01-20"),
        entry(f"Overrides the stage: {choices(StatusOverride)}.", "status", None, "declined"),
        entry(describe(Interview, "recontact_on"), "recontact_on", None, "2027-03-01"),
    ])


def _maybe(text: str | None) -> str | None:
    return scalar(text) if text is not None else None

