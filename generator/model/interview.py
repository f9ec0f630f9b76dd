"""One conversation: steps 4 to 6 of the practice, contact, conduct and follow up."""

from __future__ import annotations

from pydantic import Field

from generator.model.entity import Entity
from generator.model.questions import Question
from generator.model.types import (
    MAX_ITEMS,
    Channel,
    Day,
    InterviewKind,
    Line,
    LocalDateTime,
    Markdown,
    Medium,
    Minutes,
    Name,
    Slug,
    StatusOverride,
    StrictModel,
    Topic,
)


class Outreach(StrictModel):
    """How and when you asked for the conversation."""

    channel: Channel = Field("email", description="email or linkedin.")
    sent_on: Day | None = Field(None, description="When you sent the request.")
    replied_on: Day | None = Field(None, description="When they answered.")
    nudged_on: Day | None = Field(None, description="When you sent a polite reminder.")


class Scheduled(StrictModel):
    """The agreed time, place and length."""

    at: LocalDateTime = Field(description="Local time in the kit's timezone, YYYY-MM-DDTHH:MM.")
    duration_minutes: Minutes | None = Field(None, description="The length agreed in advance; "
                                             "the kit's default_duration_minutes when left out.")
    medium: Medium = Field("video", description="video, phone or in-person.")
    location: Line | None = Field(None, description="A meeting link or an address.",
                                  examples=["https://meet.example.com/abc"])
    confirmed_on: Day | None = Field(None, description="When you confirmed the day before.")


class Offer(StrictModel):
    """For a post-offer conversation: the offer being decided on."""

    role: Name = Field(description="The role offered.", examples=["Associate Data Scientist"])
    decide_by: Day | None = Field(None, description="When the decision is due.")
    decided_on: Day | None = Field(None, description="When you gave your answer.")


class Takeaway(StrictModel):
    """A takeaway with the TIARA topic it belongs to."""

    text: Line = Field(description="What you learned or will act on.")
    topic: Topic | None = Field(None, description="TIARA topic: trends, insights, advice, "
                                "resources or assignments.")


class Interview(Entity):
    """content/interviews/<id>.yml: one informational interview."""

    contact: Slug = Field(description="Id of the contact you are talking to.")
    field: Slug | None = Field(None, description="Id of the career field it is about; the "
                               "contact's first field when left out.")
    kind: InterviewKind = Field("exploratory", description="exploratory, or post-offer for a "
                                "conversation after a job offer.")
    question_sets: list[Slug] = Field(default_factory=list, max_length=MAX_ITEMS,
                                      description="Ids of question sets.")
    questions: list[Question] = Field(default_factory=list, max_length=MAX_ITEMS,
                                      description="Extra questions for "
                                      "this person.")
    goals: list[Line] = Field(default_factory=list, max_length=MAX_ITEMS,
                              description="What you want to learn.")
    outreach: Outreach | None = None
    scheduled: Scheduled | None = None
    offer: Offer | None = None
    notes: Markdown | None = Field(None, description="Taken during the conversation; private.")
    to_share: list[Line] = Field(default_factory=list, max_length=MAX_ITEMS,
                                 description="What you are glad to tell them: what you learned "
                                 "from them, what you did with their advice. The thank-you and "
                                 "keep-in-touch drafts quote it; they never quote notes or "
                                 "takeaways.")
    takeaways: list[Line | Takeaway] = Field(
        default_factory=list, max_length=MAX_ITEMS, description="What you will act on, as "
        "text or {text, topic} with a TIARA topic; private.")
    referrals: list[Slug] = Field(default_factory=list, max_length=MAX_ITEMS,
                                  description="Ids of contacts they "
                                  "suggested you talk to.")
    thank_you_sent_on: Day | None = Field(None, description="When you sent the thank-you note.")
    update_sent_on: Day | None = Field(None, description="When you last sent them a "
                                       "keep-in-touch update.")
    referrer_updated_on: Day | None = Field(None, description="When you told the person who "
                                            "referred you how it went.")
    recontact_on: Day | None = Field(None, description="For a declined conversation: when to "
                                     "ask again (it comes back as a follow-up that day).")
    status: StatusOverride | None = Field(None, description="Overrides the stage: declined, "
                                          "cancelled or closed.")

    @property
    def takeaway_texts(self) -> list[str]:
        """Each takeaway's text, whether written as text or as {text, topic}."""
        return [item if isinstance(item, str) else item.text for item in self.takeaways]
