"""Field types shared by the models: strict about form, plain-spoken when the form is wrong.

The YAML reader hands every scalar over as the text the user typed, so these types parse text
themselves instead of trusting YAML 1.1 guesses: a date is written `2026-11-18`, a time
`2026-12-02T15:00`, a duration as a whole number of minutes.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_SLUG = re.compile(SLUG_PATTERN)
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DATETIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$")
_WHOLE_NUMBER = re.compile(r"^[0-9]+$")
_EMAIL = re.compile(r"^[^@\s<>\"',;]+@[^@\s<>\"',;]+\.[^@\s<>\"',;]+$")


class StrictModel(BaseModel):
    """Base of every content model: an unknown key is an error, never silently dropped."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def is_slug(text: str) -> bool:
    return bool(_SLUG.match(text))


def _check_slug(value: str) -> str:
    if not _SLUG.match(value):
        raise ValueError(f"{value!r} is not an id; ids are lowercase letters, digits and "
                         "single hyphens, like 'priya-natarajan'")
    return value


def _parse_date(value: Any) -> Any:
    if isinstance(value, str):
        match = _DATE.match(value.strip())
        if not match:
            raise ValueError(f"{value!r} is not a date; write it as YYYY-MM-DD, like 2026-11-18")
        try:
            return date(*map(int, match.groups()))
        except ValueError:
            raise ValueError(f"{value!r} is not a real calendar date") from None
    return value


def _parse_local_datetime(value: Any) -> Any:
    if isinstance(value, str):
        match = _DATETIME.match(value.strip())
        if not match:
            raise ValueError(f"{value!r} is not a date and time; write it as YYYY-MM-DDTHH:MM "
                             "in the kit's timezone, like 2026-12-02T15:00")
        try:
            year, month, day, hour, minute, second = (int(part or 0) for part in match.groups())
            return datetime(year, month, day, hour, minute, second)
        except ValueError:
            raise ValueError(f"{value!r} is not a real date and time") from None
    return value


def _parse_whole_number(value: Any) -> Any:
    if isinstance(value, str):
        if not _WHOLE_NUMBER.match(value.strip()):
            raise ValueError(f"{value!r} is not a whole number; write digits only, like 20")
        return int(value)
    return value


def _check_http_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value):
        raise ValueError(f"{value!r} is not a web address; it must start with https:// "
                         "(or http://), like https://www.example.org/page")
    return value


def _check_email(value: str) -> str:
    if not _EMAIL.match(value):
        raise ValueError(f"{value!r} is not an email address, like name@example.com")
    return value


def _check_timezone(value: str) -> str:

    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # e.g. 'America' is a folder
        raise ValueError(f"{value!r} is not a known IANA timezone name, like America/Chicago "
                         "or Europe/Berlin") from None
    return value


def _check_not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


Text = Annotated[str, AfterValidator(_check_not_blank)]
Markdown = Annotated[str, Field(description="Markdown allowed (no raw HTML).")]
Slug = Annotated[str, AfterValidator(_check_slug), Field(pattern=SLUG_PATTERN)]
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
HttpUrl = Annotated[str, AfterValidator(_check_http_url),
                    Field(pattern=r"^https?://\S+$", examples=["https://www.example.org/page"])]
Email = Annotated[str, AfterValidator(_check_email), Field(examples=["name@example.com"])]
Timezone = Annotated[str, AfterValidator(_check_timezone), Field(examples=["America/Chicago"])]

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
        raise ValueError(f"{value!r} is not true or false; write true or false (lowercase)")
    return value


def _parse_score(value: Any) -> Any:
    if isinstance(value, str):
        if value.strip() not in ("0", "1", "2", "3"):
            raise ValueError(f"{value!r} is not a score; write 0, 1, 2 or 3")
        return int(value)
    return value


def _check_country(value: str) -> str:
    if not re.match(r"^[A-Z]{2,3}(-[A-Z0-9]{1,5})?$", value):
        raise ValueError(f"{value!r} is not a country code; write a two-letter code such as "
                         "US or DE, optionally with a subdivision, like US-CA or DE-BY")
    return value


Flag = Annotated[bool, BeforeValidator(_parse_flag)]
Score = Annotated[int, BeforeValidator(_parse_score), Field(ge=0, le=3)]
CountryCode = Annotated[str, AfterValidator(_check_country), Field(examples=["US", "US-CA"])]
OutreachRule = Literal["3b7", "days"]
