"""Questions to ask: step 3 of the practice, prepare."""

from __future__ import annotations

from pydantic import Field

from generator.model.entity import Entity
from generator.model.types import (
    MAX_ITEMS,
    InterviewKind,
    Line,
    Minutes,
    Name,
    Priority,
    Slug,
    StrictModel,
    Topic,
)


class Question(StrictModel):
    """One open-ended question, with how long it is likely to take."""

    text: Line = Field(description="The question, open-ended.",
                       examples=["How did you get your start working in this industry?"])
    topic: Topic | None = Field(None, description="TIARA topic: trends, insights, advice, "
                                "resources or assignments.")
    priority: Priority = Field("nice", description="'must' questions are asked first.")
    minutes: Minutes | None = Field(None, description="Minutes to budget; the kit's "
                                    "minutes_per_question when left out.")
    follow_ups: list[Line] = Field(default_factory=list, max_length=MAX_ITEMS,
                                   description="Questions to ask if there is time.")


class QuestionSet(Entity):
    """content/questions/<id>.yml: a reusable set of questions."""

    title: Name = Field(description="The set's title.", examples=["Getting started and culture"])
    kind: InterviewKind = Field("exploratory", description="Which kind of conversation it "
                                "suits.")
    fields: list[Slug] = Field(default_factory=list, max_length=MAX_ITEMS,
                               description="Ids of the career fields it "
                               "suits; empty means any.")
    questions: list[Question] = Field(min_length=1, max_length=MAX_ITEMS,
                                      description="The questions, in order.")
