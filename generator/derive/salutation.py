"""How an email addresses a person, and how a field's name reads in the middle of a sentence.

The opening follows the relationship and the person, the way people write:

- a professor is "Professor Okafor"; anyone with an `honorific` (or "Dr." typed before their
  name, or a title that says Professor) is addressed by it and their last name, in any
  relationship, unless you know them as a friend, family or colleague;
- everyone else by first name, or by `preferred_name` when they go by another;
- never the full name after "Dear".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.model import Contact

_HONORIFICS = {"dr": "Dr.", "prof": "Professor", "professor": "Professor", "mr": "Mr.",
               "mrs": "Mrs.", "ms": "Ms.", "mx": "Mx.", "miss": "Miss"}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "phd", "md", "mba", "mph", "esq"}
FORMAL = frozenset({"professor", "alumni", "referral", "other"})
CASUAL = frozenset({"friend", "family"})
# People you address by first name whatever their title: you know them well.
FIRST_NAME_ALWAYS = frozenset({"friend", "family", "colleague", "gsi"})
_PROFESSOR_TITLE = re.compile(r"\bprofessor\b", re.IGNORECASE)


@dataclass(frozen=True)
class NameParts:
    honorific: str
    first: str
    last: str
    full: str  # the name without an honorific


def name_parts(name: str) -> NameParts:
    """'Dr. Helen Okafor' -> ('Dr.', 'Helen', 'Okafor'); a word without letters stays whole."""
    words = name.split()
    honorific = ""
    while len(words) > 1 and words[0].rstrip(".").casefold() in _HONORIFICS:
        honorific = _HONORIFICS[words.pop(0).rstrip(".").casefold()]
    while len(words) > 1 and words[-1].strip(".,").casefold() in _SUFFIXES:
        words.pop()
    words[-1] = words[-1].rstrip(",")
    full = " ".join(words) or name
    first, last = words[0], words[-1]
    if not any(char.isalpha() for char in first + last):
        first = last = full  # not a name we can split: use it as typed
    return NameParts(honorific, first, last, full)


def tone_of(relationship: str) -> str:
    """formal (professor, alumni, referral, other), casual (friend, family) or warm."""
    if relationship in FORMAL:
        return "formal"
    return "casual" if relationship in CASUAL else "warm"


def honorific_of(contact: Contact) -> str:
    """'Professor', 'Dr.' or '' for how a formal note addresses them: their `honorific`, else
    Professor for a professor, else an honorific typed before the name, else Professor when
    their title says so."""
    if contact.honorific:
        word = contact.honorific.strip()
        return _HONORIFICS.get(word.rstrip(".").casefold(), word)
    if contact.relationship == "professor":
        return "Professor"
    parts = name_parts(contact.name)
    if parts.honorific:
        return parts.honorific
    if contact.title and _PROFESSOR_TITLE.search(contact.title):
        return "Professor"
    return ""


def formal_address(contact: Contact) -> str | None:
    """'Professor Okafor' or 'Dr. Okafor' when a note addresses them by title, else None."""
    parts = name_parts(contact.name)
    honorific = honorific_of(contact)
    if honorific and contact.relationship not in FIRST_NAME_ALWAYS and parts.last != parts.full:
        return f"{honorific} {parts.last}"
    return None


def called(contact: Contact) -> str:
    """The name you would say to them: 'Professor Okafor', or 'Kevin' (or their preferred
    name)."""
    return formal_address(contact) or contact.preferred_name or name_parts(contact.name).first


def greeting_for(contact: Contact) -> str:
    """'Dear Professor Okafor,', 'Dear Maya,', 'Hello Priya,' (a former employer) or
    'Hi Sam,'."""
    formal = formal_address(contact)
    if formal:
        return f"Dear {formal},"
    if tone_of(contact.relationship) == "formal":
        word = "Dear"
    else:
        word = "Hello" if contact.relationship == "former-employer" else "Hi"
    return f"{word} {called(contact)},"


def in_sentence(name: str) -> str:
    """A field's name as it reads mid-sentence: common nouns in lower case, acronyms and
    names kept. A word written with only its first letter capital ('Data', 'Science') is
    lowered; a word with any other capital ('UX', 'iOS', 'McKinsey') is kept as typed. So
    'Data Science' reads 'data science', 'UX Research' 'UX research'."""
    def lower(match: re.Match[str]) -> str:
        word = match.group()
        return word.lower() if word[1:] == word[1:].lower() else word
    return re.sub(r"[^\W\d_][\w'’-]*", lower, name)
