"""The Jinja environment for generated Markdown: every value is escaped unless marked safe."""

from __future__ import annotations

import functools
from typing import Any

import jinja2

from generator.text import escape
from generator.text.markup import Md, long_date, long_datetime

# Md and the date wording reach the page renderer and its filters through this module.
__all__ = ["RELATIONSHIP_LABELS", "Md", "environment", "long_date", "long_datetime"]


def _finalize(value: Any) -> str:
    # Anything printed with {{ ... }} that no filter marked safe is user text: escape it.
    if value is None:
        return ""
    if isinstance(value, Md):
        return value
    return escape.inline(value)


# How each relationship kind reads on a page.
RELATIONSHIP_LABELS = {
    "former-employer": "former employer", "professor": "professor",
    "gsi": "teaching assistant (GSI)", "friend": "friend", "family": "family",
    "alumni": "alumnus or alumna", "colleague": "colleague", "referral": "referral",
    "other": "other",
}




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
        relationship=lambda kind: RELATIONSHIP_LABELS.get(kind, kind),
        long_date=long_date,
        long_datetime=long_datetime,
    )
    return env
