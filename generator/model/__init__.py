"""Typed models of the content format, one entity a module."""

from generator.model.contact import Contact
from generator.model.employer import Employer
from generator.model.entity import Entity
from generator.model.field import CareerField, ResearchSource
from generator.model.interview import Interview, Offer, Outreach, Scheduled, Takeaway
from generator.model.kit import Holidays, KitFile, Owner, Rules
from generator.model.questions import Question, QuestionSet

__all__ = [
    "CareerField", "Contact", "Employer", "Entity", "Holidays", "Interview", "KitFile", "Offer",
    "Outreach", "Owner", "Question", "QuestionSet", "ResearchSource", "Rules", "Scheduled",
    "Takeaway",
]
