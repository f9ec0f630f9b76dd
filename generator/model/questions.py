"""Questions to ask: step 3 of the practice, prepare."""

from __future__ import annotations

from pydantic import Field

from generator.model.entity import Entity
from generator.model.types import InterviewKind, Minutes, Priority, Slug, StrictModel, Text, Topic


class Question(StrictModel):
    """One open-ended question, with how long it is likely to take."""

    text: Text = Field(description="The question, open-ended.",
                       examples=["How did you get your start working in this industry?"])
    topic: Topic | None = Field(None, description="TIARA topic: trends, insights, advice, "
                                "resources or assignments.")
    priority: Priority = Field("nice", description="'must' questions are asked first.")
    minutes: Minutes | None = Field(None, description="Minutes to budget; the kit's "
                                    "minutes_per_question when left out.")
    follow_ups: list[Text] = Field(default_factory=list,
                                   description="Questions to ask if there is time.")


class QuestionSet(Entity):
    """content/questions/<id>.yml: a reusable set of questions."""

    title: Text = Field(description="The set's title.", examples=["Getting started and culture"])
    kind: InterviewKind = Field("exploratory", description="Which kind of conversation it "
                                "suits.")
    fields: list[Slug] = Field(default_factory=list, description="Ids of the career fields it "
                               "suits; empty means any.")
    questions: list[Question] = Field(min_length=1, description="The questions, in order.")
