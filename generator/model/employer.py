"""A target employer: one line of the LAMP list (advocacy, motivation, postings)."""

from __future__ import annotations

from pydantic import Field

from generator.model.entity import Entity
from generator.model.types import Flag, HttpUrl, Markdown, Name, Score


class Employer(Entity):
    """content/employers/<id>.yml: an organization you would like to work for."""

    name: Name = Field(description="The employer's name.", examples=["Acme Health"])
    advocacy: Flag | None = Field(None, description="true when you know someone there or "
                                  "alumni work there; worked out from your contacts when "
                                  "left out.")
    motivation: Score = Field(0, description="How much you want to work there, 0 to 3.")
    postings: Score = Field(0, description="How many relevant job postings they have, 0 to 3.")
    done: Flag = Field(False, description="true once you are finished with this employer: "
                       "the next one moves into your batch of five.")
    website: HttpUrl | None = Field(None, description="Their web site.")
    notes: Markdown | None = Field(None, description="Your notes; Markdown allowed.")
