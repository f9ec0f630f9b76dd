"""A career field: step 1 of the practice, research."""

from __future__ import annotations

from pydantic import Field

from generator.model.entity import Entity
from generator.model.types import HttpUrl, Markdown, StrictModel, Text


class ResearchSource(StrictModel):
    """Something read about the field: a handbook, an article, a report."""

    title: Text = Field(description="What you read.",
                        examples=["Occupational Outlook Handbook, Data Scientists"])
    url: HttpUrl | None = Field(None, description="Where to read it (http or https).")
    notes: Markdown | None = Field(None, description="What you learned; Markdown allowed.")


class CareerField(Entity):
    """content/fields/<id>.yml: a career field you are researching."""

    name: Text = Field(description="The field's name.", examples=["Data Science"])
    summary: Markdown | None = Field(None, description="What the field is; Markdown allowed.")
    roles: list[Text] = Field(default_factory=list, description="Typical job titles.")
    trends: list[Text] = Field(default_factory=list, description="Where the field is heading.")
    research: list[ResearchSource] = Field(default_factory=list,
                                           description="Sources you read about the field.")
    organizations: list[Text] = Field(default_factory=list,
                                      description="Employers in the field you are curious about.")
    tags: list[Text] = Field(default_factory=list, description="Free-form tags for the site.")
