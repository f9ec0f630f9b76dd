"""What you heard across conversations: takeaways grouped by career field and TIARA topic.

A point counts as heard again when another conversation's takeaway says the same thing:
the same text once case, punctuation and spacing are ignored, or the two share at least half
of their content words (words of four letters or more that are not common filler), with at
least three such words in common. Takeaways are private: a public build shows none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.derive.relations import Relations
from generator.kit import Kit
from generator.model import Interview

TOPICS = ("trends", "insights", "advice", "resources", "assignments")
_WORD = re.compile(r"[^\W_]+")
_FILLER = frozenset({
    "about", "also", "because", "been", "being", "could", "does", "from", "have", "into",
    "just", "more", "most", "much", "only", "other", "over", "should", "some", "than", "that",
    "their", "them", "then", "there", "these", "they", "this", "very", "what", "when", "where",
    "which", "while", "will", "with", "would", "your", "you're",
})
MIN_SHARED = 3
MIN_OVERLAP = 0.5


def normalized(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def content_words(text: str) -> frozenset[str]:
    return frozenset(word for word in _WORD.findall(text.casefold())
                     if len(word) >= 4 and word not in _FILLER)


def same_point(left: str, right: str) -> bool:
    """The matching rule of this module's docstring."""
    if normalized(left) == normalized(right):
        return True
    a, b = content_words(left), content_words(right)
    shared = len(a & b)
    return shared >= MIN_SHARED and shared >= MIN_OVERLAP * min(len(a), len(b))


@dataclass
class Point:
    """One takeaway, and the other conversations where you heard the same."""

    text: str
    topic: str  # a TIARA topic, or "" when none was given
    interview_id: str
    field_id: str | None
    echoes: list[str] = field(default_factory=list)  # ids of the other conversations

    @property
    def heard_again(self) -> bool:
        return bool(self.echoes)


def points_of(interview: Interview, field_id: str | None) -> list[Point]:
    points = []
    for item in interview.takeaways:
        text, topic = (item, "") if isinstance(item, str) else (item.text, item.topic or "")
        points.append(Point(text, topic, interview.id, field_id))
    return points


def all_points(kit: Kit, relations: Relations) -> list[Point]:
    """Every takeaway of the kit, each with the conversations that echo it (same field or not).

    Pairs are found through an index of words, so a kit with thousands of takeaways compares
    only those that share something."""
    points = [point for interview in kit.interviews.values()
              for point in points_of(interview, relations.interviews[interview.id].field_id)]
    words = [content_words(point.text) for point in points]
    by_text: dict[str, list[int]] = {}
    by_word: dict[str, list[int]] = {}
    for index, point in enumerate(points):
        by_text.setdefault(normalized(point.text), []).append(index)
        for word in words[index]:
            by_word.setdefault(word, []).append(index)
    for index, point in enumerate(points):
        shared: dict[int, int] = {}
        for word in words[index]:
            for other in by_word[word]:
                if other > index:
                    shared[other] = shared.get(other, 0) + 1
        same = {other for other in by_text[normalized(point.text)] if other > index}
        same |= {other for other, count in shared.items() if count >= MIN_SHARED
                 and count >= MIN_OVERLAP * min(len(words[index]), len(words[other]))}
        for other in sorted(same):
            _echo(point, points[other])
    return points


def _echo(point: Point, other: Point) -> None:
    if other.interview_id == point.interview_id:
        return
    if other.interview_id not in point.echoes:
        point.echoes.append(other.interview_id)
    if point.interview_id not in other.echoes:
        other.echoes.append(point.interview_id)


def by_field_and_topic(kit: Kit, points: list[Point]
                       ) -> list[tuple[str | None, list[tuple[str, list[Point]]]]]:
    """[(field id or None, [(topic, points)])], fields in the kit's order, topics TIARA order."""
    grouped: dict[str | None, dict[str, list[Point]]] = {}
    for point in points:
        grouped.setdefault(point.field_id, {}).setdefault(point.topic, []).append(point)
    order: list[str | None] = [*kit.fields, None]
    return [(field_id, [(topic, grouped[field_id][topic]) for topic in (*TOPICS, "")
                        if topic in grouped[field_id]])
            for field_id in order if field_id in grouped]


def heard_before(kit: Kit, relations: Relations, interview: Interview) -> list[Point]:
    """Takeaways from earlier conversations in the same field: what you have heard so far."""
    facts = relations.interviews[interview.id]
    if facts.field_id is None:
        return []
    mine = _when(interview)
    found: list[Point] = []
    for other_id in relations.interviews_in_field.get(facts.field_id, []):
        other = kit.interviews[other_id]
        if other_id != interview.id and other.takeaways and _when(other) < mine:
            found += points_of(other, facts.field_id)
    return found


def _when(interview: Interview) -> str:
    if interview.scheduled is not None:
        return interview.scheduled.at.isoformat()
    return "9999"


