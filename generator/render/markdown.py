"""The Jinja environment for generated Markdown: every value is escaped unless marked safe."""

from __future__ import annotations

import functools
from datetime import date, datetime
from typing import Any

import jinja2

from generator.render.labels import (
    CHANNEL_LABELS,
    KIND_LABELS,
    MEDIUM_LABELS,
    RELATIONSHIP_LABELS,
    label,
)
from generator.text import escape, locale_format
from generator.text.markup import Md

# Md reaches the page renderer through this module.
__all__ = ["RELATIONSHIP_LABELS", "Md", "environment"]


def _finalize(value: Any) -> str:
    # Anything printed with {{ ... }} that no filter marked safe is user text: escape it.
    if value is None:
        return ""
    if isinstance(value, Md):
        return value
    return escape.inline(value)



def _kit_locale(context: jinja2.runtime.Context) -> tuple[str, str]:
    """(locale, timezone) of the kit the page is rendered from."""
    kit = context.get("kit")
    settings = getattr(kit, "settings", None)
    if settings is None:
        return locale_format.DEFAULT_LOCALE, "UTC"
    return settings.locale, settings.timezone


@jinja2.pass_context
def _page_date(context: jinja2.runtime.Context, day: date | datetime) -> str:
    return locale_format.long_day(day, _kit_locale(context)[0])


@jinja2.pass_context
def _page_datetime(context: jinja2.runtime.Context, moment: datetime) -> str:
    locale, zone = _kit_locale(context)
    return locale_format.long_moment(moment, zone, locale)


@functools.cache  # compiled templates are reused by every render in the process
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator.render", "templates"),
        autoescape=False,  # the output is Markdown; _finalize escapes for Markdown instead
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        md=lambda text, indent=0: Md(escape.markdown_block(text, indent=indent)),
        link=lambda text, address: Md(escape.link(text, address)),
        url=lambda address: Md(escape.url(address)),
        mailto=lambda address, subject="", body="": Md(
            escape.mailto(address, subject=subject, body=body)),
        cell=lambda text: Md(escape.cell(text)),
        yaml=lambda text: Md(escape.yaml_string(text)),
        safe_md=Md,
        box=lambda done: Md("[x]" if done else "[ ]"),
        relationship=lambda kind: label(RELATIONSHIP_LABELS, kind),
        kind_label=lambda kind: label(KIND_LABELS, kind),
        medium_label=lambda medium: label(MEDIUM_LABELS, medium),
        channel_label=lambda channel: label(CHANNEL_LABELS, channel),
        long_date=_page_date,
        long_datetime=_page_datetime,
    )
    return env
