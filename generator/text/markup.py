"""Markdown already made safe, and how dates read in running text."""

from __future__ import annotations

from datetime import date, datetime


class Md(str):
    """Markdown that is already safe: produced by an escaping filter, never from raw YAML."""

    __slots__ = ()


def long_date(day: date | datetime) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def long_datetime(moment: datetime) -> str:
    return f"{long_date(moment)}, {moment:%H:%M}"
