"""Typed models of the content format, one entity a module."""

from generator.model.contact import Contact
from generator.model.entity import Entity
from generator.model.field import CareerField, ResearchSource
from generator.model.interview import Interview, Offer, Outreach, Scheduled
from generator.model.kit import KitFile, Owner, Rules
from generator.model.questions import Question, QuestionSet

__all__ = [
    "CareerField", "Contact", "Entity", "Interview", "KitFile", "Offer", "Outreach", "Owner",
    "Question", "QuestionSet", "ResearchSource", "Rules", "Scheduled",
]
