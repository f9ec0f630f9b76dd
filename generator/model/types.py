"""Field types shared by the models: strict about form, plain-spoken when the form is wrong.

The YAML reader hands every scalar over as the text the user typed, so these types parse text
themselves instead of trusting YAML 1.1 guesses: a date is written `2026-11-18`, a time
`2026-12-02T15:00`, a duration as a whole number of minutes.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from typing import Annotated, Any, Literal
from urllib.parse import quote, urlsplit, urlunsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_SLUG = re.compile(SLUG_PATTERN)
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DATETIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$")
_WHOLE_NUMBER = re.compile(r"^[0-9]+$")
# Limits that keep a hostile or mistaken kit from slowing every page down: generous for what
# people write, far below what would hurt. The JSON Schemas carry them as maxLength/maxItems.
MAX_ID_LENGTH = 200
MAX_NAME_LENGTH = 200  # names, titles, organizations, roles, tags, phone numbers
MAX_LINE_LENGTH = 2_000  # one sentence or question
MAX_TEXT_LENGTH = 20_000  # notes, background, summaries, descriptions
MAX_EMAIL_LENGTH = 254  # the most an SMTP path allows
MAX_URL_LENGTH = 2_048
MAX_ITEMS = 500  # entries in any list: questions, goals, tags, ids...
LIMIT_NAMES = {  # maxLength -> what the limit is for, in error messages
    MAX_NAME_LENGTH: "a name, title or id", MAX_LINE_LENGTH: "a one-line text",
    MAX_TEXT_LENGTH: "free text", MAX_EMAIL_LENGTH: "an email address",
    MAX_URL_LENGTH: "a web address",
}
assert MAX_ID_LENGTH == MAX_NAME_LENGTH  # one message for both

# Unicode category Cc, less tab; one-line text also refuses line breaks.
_CONTROL_IN_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_IN_LINE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")
_CONTROL_NAMES = {0: "NUL", 7: "BEL", 8: "backspace", 10: "a line break", 11: "VT", 12: "FF",
                  13: "a carriage return", 27: "ESC", 127: "DEL"}
# An email address: a dot-atom local part (RFC 5322 atext, or any letter or digit beyond
# ASCII), '@', and a domain of at least two labels.
_ATEXT = r"[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]|[^\W\x00-\x7f]"
_LABEL = r"[^\W_](?:[^\W_]|-)*(?<!-)"
_EMAIL = re.compile(rf"^(?:{_ATEXT})+(?:\.(?:{_ATEXT})+)*@{_LABEL}(?:\.{_LABEL})+$")
# Characters kept as they are in each part of a web address; any other is percent-encoded.
_URL_PATH_SAFE = "/:@!$&+,;=~%-._"
_URL_QUERY_SAFE = _URL_PATH_SAFE + "?"
_PERCENT_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")


class StrictModel(BaseModel):
    """Base of every content model: an unknown key is an error, never silently dropped."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def quoted(value: Any, most: int = 80) -> str:
    """`repr(value)` for a message, cut short: a mistake 100,000 characters long is still
    one readable line."""
    text = repr(value)
    if len(text) <= most:
        return text
    if isinstance(value, str):
        return f"{text[:most]}...{text[0]} ({len(value):,} characters)"
    return f"{text[:most]}..."


def is_slug(text: str) -> bool:
    return bool(_SLUG.match(text))


def _check_slug(value: str) -> str:
    if not _SLUG.match(value):
        raise ValueError(f"{quoted(value)} is not an id; ids are lowercase letters, digits and "
                         "single hyphens, like 'priya-natarajan'")
    return value


def _parse_date(value: Any) -> Any:
    if isinstance(value, str):
        match = _DATE.match(value.strip())
        if not match:
            raise ValueError(f"{quoted(value)} is not a date; write it as YYYY-MM-DD, like "
                             "2026-11-18")
        try:
            return date(*map(int, match.groups()))
        except ValueError:
            raise ValueError(f"{quoted(value)} is not a real calendar date") from None
    return value


def _parse_local_datetime(value: Any) -> Any:
    if isinstance(value, str):
        match = _DATETIME.match(value.strip())
        if not match:
            raise ValueError(f"{quoted(value)} is not a date and time; write it as "
                             "YYYY-MM-DDTHH:MM in the kit's timezone, like 2026-12-02T15:00")
        try:
            year, month, day, hour, minute, second = (int(part or 0) for part in match.groups())
            return datetime(year, month, day, hour, minute, second)
        except ValueError:
            raise ValueError(f"{quoted(value)} is not a real date and time") from None
    return value


def _parse_whole_number(value: Any) -> Any:
    if isinstance(value, str):
        if not _WHOLE_NUMBER.match(value.strip()):
            raise ValueError(f"{quoted(value)} is not a whole number; write digits only, like 20")
        if len(value.strip().lstrip("0")) > 9:
            raise ValueError(f"{quoted(value)} is far too large; write a number of a few digits")
        return int(value)
    return value


def _check_http_url(value: str) -> str:
    """A web address with http or https, with every character that needs it percent-encoded:
    `https://example.com/a"b` becomes `https://example.com/a%22b`."""
    parts = urlsplit(value) if _printable(value) else None
    if (parts is None or parts.scheme.lower() not in ("http", "https") or not parts.netloc
            or any(char.isspace() for char in value)):
        raise ValueError(f"{quoted(value)} is not a web address; it must start with https:// "
                         "(or http://), like https://www.example.org/page")
    netloc = parts.netloc
    if not netloc.isascii() or re.search(r"[^A-Za-z0-9.\-_~:@!$&+,;=%\[\]]", netloc):
        try:
            host = (parts.hostname or "").encode("idna").decode("ascii")
        except UnicodeError:
            raise ValueError(f"{quoted(value)} has a server name that cannot be used in a web "
                             "address") from None
        if not host or not re.fullmatch(r"[A-Za-z0-9.\-]+", host):
            raise ValueError(f"{quoted(value)} has a server name that cannot be used in a web "
                             "address")
        netloc = host if parts.port is None else f"{host}:{parts.port}"
    normalized = urlunsplit((
        parts.scheme.lower(), netloc,
        quote(_PERCENT_ESCAPE.sub("%25", parts.path), safe=_URL_PATH_SAFE),
        quote(_PERCENT_ESCAPE.sub("%25", parts.query), safe=_URL_QUERY_SAFE),
        quote(_PERCENT_ESCAPE.sub("%25", parts.fragment), safe=_URL_QUERY_SAFE)))
    if len(normalized) > MAX_URL_LENGTH:
        raise ValueError(f"is {len(normalized):,} characters long once encoded; the limit "
                         f"for a web address is {MAX_URL_LENGTH:,}")
    return normalized


def _printable(value: str) -> bool:
    return _CONTROL_IN_LINE.search(value) is None


def _check_email(value: str) -> str:
    if not _EMAIL.match(value):
        raise ValueError(f"{quoted(value)} is not an email address, like name@example.com")
    return value


def _control_message(char: str) -> str:
    number = ord(char)
    if number == 10:
        return "must be one line; it contains a line break"
    name = _CONTROL_NAMES.get(number) or unicodedata.name(char, "a control character")
    return (f"contains the control character U+{number:04X} ({name}), which cannot be shown; "
            "delete it")


def _check_line_characters(value: str) -> str:
    found = _CONTROL_IN_LINE.search(value)
    if found:
        raise ValueError(_control_message(found.group()))
    return value


def _check_text_characters(value: str) -> str:
    found = _CONTROL_IN_TEXT.search(value)
    if found:
        raise ValueError(_control_message(found.group()))
    return value


def _check_timezone(value: str) -> str:

    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # e.g. 'America' is a folder
        raise ValueError(f"{quoted(value)} is not a known IANA timezone name, like America/Chicago "
                         "or Europe/Berlin") from None
    return value


def _check_not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


Name = Annotated[str, Field(max_length=MAX_NAME_LENGTH), AfterValidator(_check_not_blank),
                 AfterValidator(_check_line_characters)]
Line = Annotated[str, Field(max_length=MAX_LINE_LENGTH), AfterValidator(_check_not_blank),
                 AfterValidator(_check_line_characters)]
Text = Annotated[str, Field(max_length=MAX_TEXT_LENGTH), AfterValidator(_check_not_blank),
                 AfterValidator(_check_text_characters)]
Markdown = Annotated[str, Field(max_length=MAX_TEXT_LENGTH,
                                description="Markdown allowed (no raw HTML)."),
                     AfterValidator(_check_text_characters)]
Slug = Annotated[str, Field(max_length=MAX_ID_LENGTH), AfterValidator(_check_slug),
                 Field(pattern=SLUG_PATTERN)]
Day = Annotated[date, BeforeValidator(_parse_date),
                Field(json_schema_extra={"examples": ["2026-11-18"]})]
# Not JSON Schema's "date-time": that format demands seconds and a UTC offset.
LocalDateTime = Annotated[datetime, BeforeValidator(_parse_local_datetime),
                          WithJsonSchema({"type": "string",
                                          "pattern": r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?$",
                                          "examples": ["2026-12-02T15:00"]})]
Minutes = Annotated[int, BeforeValidator(_parse_whole_number), Field(ge=1, le=600)]
Days = Annotated[int, BeforeValidator(_parse_whole_number), Field(ge=0, le=365)]
WholeNumber = Annotated[int, BeforeValidator(_parse_whole_number), Field(ge=1, le=100_000)]
# The JSON Schemas carry the same constraints as `check` (editors and check agree): the
# patterns below are for editors only; `check` runs the stricter validators above.
HTTP_URL_SCHEMA_PATTERN = r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#]+\S*$"
EMAIL_SCHEMA_PATTERN = r"^[^\s@.]+(\.[^\s@.]+)*@[^\s@._-][^\s@._]*(\.[^\s@._-][^\s@._]*)+$"
HttpUrl = Annotated[str, Field(max_length=MAX_URL_LENGTH), AfterValidator(_check_http_url),
                    Field(examples=["https://www.example.org/page"],
                          json_schema_extra={"pattern": HTTP_URL_SCHEMA_PATTERN})]
Email = Annotated[str, Field(max_length=MAX_EMAIL_LENGTH), AfterValidator(_check_email),
                  Field(examples=["name@example.com"],
                        json_schema_extra={"pattern": EMAIL_SCHEMA_PATTERN})]
# A phone number: text. Written unquoted (`phone: 5550100`) it is still read as the digits
# typed, so the schema accepts a number there too.
Phone = Annotated[str, Field(max_length=MAX_NAME_LENGTH), AfterValidator(_check_not_blank),
                  AfterValidator(_check_line_characters),
                  WithJsonSchema({"type": ["string", "number"], "maxLength": MAX_NAME_LENGTH,
                                  "examples": ["+1 555 0100"]})]
def _check_locale(value: str) -> str:
    from babel import Locale, UnknownLocaleError  # imported when a kit names a locale

    try:
        Locale.parse(value.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        raise ValueError(f"{value!r} is not a known locale; write a language and region, "
                         "like en-US, en-GB or de-DE") from None
    return value


LocaleName = Annotated[str, Field(max_length=40), AfterValidator(_check_locale),
                       Field(examples=["en-US"], json_schema_extra={
                           "pattern": r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$"})]
Timezone = Annotated[str, Field(max_length=MAX_NAME_LENGTH), AfterValidator(_check_timezone),
                     Field(examples=["America/Chicago"])]

Relationship = Literal["former-employer", "professor", "gsi", "friend", "family", "alumni",
                       "colleague", "referral", "other"]
InterviewKind = Literal["exploratory", "post-offer"]
Topic = Literal["trends", "insights", "advice", "resources", "assignments"]
Priority = Literal["must", "nice"]
Channel = Literal["email", "linkedin"]
Medium = Literal["video", "phone", "in-person"]
StatusOverride = Literal["declined", "cancelled", "closed"]
Paper = Literal["letter", "a4"]
Publish = Literal["private", "public"]
PublicContacts = Literal["named", "hidden"]


def _parse_flag(value: Any) -> Any:
    if isinstance(value, str):
        lowered = value.strip()
        if lowered in ("true", "false"):
            return lowered == "true"
        raise ValueError(f"{quoted(value)} is not true or false; write true or false (lowercase)")
    return value


def _parse_score(value: Any) -> Any:
    if isinstance(value, str):
        if value.strip() not in ("0", "1", "2", "3"):
            raise ValueError(f"{quoted(value)} is not a score; write 0, 1, 2 or 3")
        return int(value)
    return value


def _check_country(value: str) -> str:
    if not re.match(r"^[A-Z]{2,3}(-[A-Z0-9]{1,5})?$", value):
        raise ValueError(f"{quoted(value)} is not a country code; write a two-letter code such as "
                         "US or DE, optionally with a subdivision, like US-CA or DE-BY")
    return value


Flag = Annotated[bool, BeforeValidator(_parse_flag)]
Score = Annotated[int, BeforeValidator(_parse_score), Field(ge=0, le=3)]
CountryCode = Annotated[str, Field(max_length=MAX_NAME_LENGTH), AfterValidator(_check_country),
                        Field(examples=["US", "US-CA"])]
OutreachRule = Literal["3b7", "days"]
