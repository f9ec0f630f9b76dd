"""kit.yml: the kit itself and its owner, the job-seeker."""

from __future__ import annotations

from pydantic import Field, field_validator

from generator.model.types import (
    MAX_ITEMS,
    CountryCode,
    Day,
    Days,
    Email,
    HttpUrl,
    LocaleName,
    Markdown,
    Minutes,
    Name,
    OutreachRule,
    Paper,
    Phone,
    PublicContacts,
    Publish,
    Relationship,
    StrictModel,
    Text,
    Timezone,
    WholeNumber,
)


class Owner(StrictModel):
    """The job-seeker this kit belongs to; their details fill in the emails."""

    name: Name = Field(description="Your full name.", examples=["Alex Rivera"])
    email: Email | None = Field(None, description="Your email address.")
    phone: Phone | None = Field(None, description="Your phone number.",
                               examples=["+1 555 0100"])
    linkedin: HttpUrl | None = Field(None, description="Your LinkedIn profile address.")
    school: Name | None = Field(None, description="Your school.", examples=["State University"])
    program: Name | None = Field(None, description="Your degree program and class year.",
                                 examples=["B.S. Computer Science, class of 2027"])
    pitch: Text | None = Field(None, description="One or two sentences on who you are and "
                               "what you are exploring.")
    signature: Text | None = Field(None, description="How your emails are signed; built from "
                                   "name, program and school when left out.")


class Holidays(StrictModel):
    """Public holidays skipped when counting business days."""

    country: CountryCode | None = Field(None, description="Country code whose public holidays "
                                        "are skipped, optionally with a subdivision: US, US-CA, "
                                        "DE-BY.")
    dates: list[Day] = Field(default_factory=list, max_length=MAX_ITEMS,
                             description="Extra days off to skip.")

    @field_validator("country")
    @classmethod
    def _known_country(cls, value: str | None) -> str | None:
        if value is not None:
            from generator.model.holidays import check_country

            check_country(value)
        return value


class Rules(StrictModel):
    """Rules of thumb the kit follows; the defaults match common career-centre advice."""

    thank_you_within_days: Days = Field(2, description="Days after a conversation by which "
                                        "the thank-you note is due.")
    outreach_rule: OutreachRule = Field("3b7", description="3b7: after 3 business days "
                                        "without a reply write to a second person at the "
                                        "employer, after 7 follow up once; days: one nudge "
                                        "after nudge_after_days.")
    nudge_after_days: Days = Field(7, description="Days without a reply before a polite nudge "
                                   "(outreach_rule: days).")
    holidays: Holidays = Field(default_factory=Holidays, description="Days skipped when "
                               "counting business days.")
    keep_in_touch_days: Days = Field(42, description="Days after your last contact with "
                                     "someone before an update is due.")
    keep_in_touch_by_relationship: dict[Relationship, Days] = Field(
        default_factory=dict, description="keep_in_touch_days for one kind of relationship, "
        "like {friend: 90}.")
    linkedin_note_limit: WholeNumber = Field(300, description="Characters allowed in a LinkedIn "
                                             "connection note (200 on free accounts).")
    outreach_word_limit: WholeNumber = Field(75, description="Words a first outreach email "
                                             "should stay under.")
    default_duration_minutes: Minutes = Field(20, description="Length of a conversation when "
                                              "none was agreed yet.")
    minutes_per_question: Minutes = Field(3, description="Minutes budgeted for a question that "
                                          "does not say.")
    opening_minutes: Days = Field(2, description="Minutes kept at the start of the agenda for "
                                  "hellos and a word on why you asked.")
    closing_minutes: Days = Field(2, description="Minutes kept at the end to ask who else to "
                                  "talk to and to thank them.")
    must_ask_limit: WholeNumber = Field(4, description="Must-ask questions a conversation "
                                        "should have at most; check warns above it.")


class KitFile(StrictModel):
    """content/kit.yml: the kit's title, its owner and its settings."""

    title: Name = Field(description="The kit's title, shown on every page.",
                        examples=["Alex Rivera's informational interviews"])
    owner: Owner
    timezone: Timezone = Field("UTC", description="IANA timezone name; every time written in "
                               "the kit is local to it.")
    locale: LocaleName = Field("en-US", description="Language and region that dates and times "
                               "are written in, in emails and on pages.", examples=["en-GB"])
    rules: Rules = Field(default_factory=Rules)
    description: Markdown | None = Field(None, description="A paragraph for the home page.")
    paper: Paper = Field("letter", description="Paper size of printed packets: letter or a4.")
    publish: Publish = Field("private", description="'public' makes every build a public "
                             "one: no contact details, private notes, interview notes or "
                             "takeaways.")
    public_contacts: PublicContacts = Field("named", description="In a public build, 'named' "
                                            "shows contacts by name, title and organization; "
                                            "'hidden' leaves them out entirely.")
