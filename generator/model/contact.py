"""A person to talk to: step 2 of the practice, identify people."""

from __future__ import annotations

from pydantic import Field

from generator.model.entity import Entity
from generator.model.types import (
    MAX_ITEMS,
    Days,
    Email,
    HttpUrl,
    Markdown,
    Name,
    Phone,
    Relationship,
    Slug,
    Text,
)


class Contact(Entity):
    """content/contacts/<id>.yml: someone who works in a field you are exploring."""

    name: Name = Field(description="Their full name.", examples=["Priya Natarajan"])
    preferred_name: Name | None = Field(None, description="What they like to be called, when "
                                        "it is not the first word of their name; emails to "
                                        "friends, family, colleagues, alumni and referrals "
                                        "open with it.", examples=["Kev"])
    honorific: Name | None = Field(None, description="How a formal email addresses them, "
                                   "with their last name: Professor, Dr., Ms., Mr. or Mx.",
                                   examples=["Dr."])
    title: Name | None = Field(None, description="Their job title.",
                               examples=["Senior Data Scientist"])
    organization: Name | None = Field(None, description="Where they work.",
                                      examples=["Acme Health"])
    employer: Slug | None = Field(None, description="Id of the target employer they work at "
                                  "(content/employers/<id>.yml).")
    fields: list[Slug] = Field(default_factory=list, max_length=MAX_ITEMS,
                               description="Ids of the career fields they work in.")
    relationship: Relationship = Field("other", description="How you know them.")
    referred_by: Slug | None = Field(None, description="Id of the contact who suggested them.")
    how_we_met: Text | None = Field(None, description="One sentence on how you know them.")
    email: Email | None = Field(None, description="Their email address (private).")
    linkedin: HttpUrl | None = Field(None, description="Their LinkedIn profile (private).")
    phone: Phone | None = Field(None, description="Their phone number (private).")
    background: Markdown | None = Field(None, description="What they do and have done; "
                                        "Markdown allowed.")
    private_notes: Text | None = Field(None, description="Notes for you only; never published.")
    keep_in_touch_days: Days | None = Field(None, description="Days between updates to this "
                                            "person; overrides the kit's rules.")
