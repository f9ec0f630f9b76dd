"""A career field: step 1 of the practice, research."""

from __future__ import annotations

from pydantic import Field

from generator.model.entity import Entity
from generator.model.types import MAX_ITEMS, HttpUrl, Line, Markdown, Name, StrictModel


class ResearchSource(StrictModel):
    """Something read about the field: a handbook, an article, a report."""

    title: Name = Field(description="What you read.",
                        examples=["Occupational Outlook Handbook, Data Scientists"])
    url: HttpUrl | None = Field(None, description="Where to read it (http or https).")
    notes: Markdown | None = Field(None, description="What you learned; Markdown allowed.")


class CareerField(Entity):
    """content/fields/<id>.yml: a career field you are researching."""

    name: Name = Field(description="The field's name.", examples=["Data Science"])
    summary: Markdown | None = Field(None, description="What the field is; Markdown allowed.")
    roles: list[Name] = Field(default_factory=list, max_length=MAX_ITEMS,
                             description="Typical job titles.")
    trends: list[Line] = Field(default_factory=list, max_length=MAX_ITEMS,
                              description="Where the field is heading.")
    research: list[ResearchSource] = Field(default_factory=list, max_length=MAX_ITEMS,
                                           description="Sources you read about the field.")
    organizations: list[Name] = Field(default_factory=list, max_length=MAX_ITEMS,
                                      description="Employers in the field you are curious about.")
    tags: list[Name] = Field(default_factory=list, max_length=MAX_ITEMS,
                           description="Free-form tags for the site.")
