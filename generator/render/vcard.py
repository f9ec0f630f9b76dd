"""The kit's contacts as vCard 4.0, for a phone or an address book.

A public export holds names, titles and organizations only; a private one adds email, phone,
LinkedIn profile and how you met (as a note).
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.model import Contact

_ESCAPES = {"\\": "\\\\", "\n": "\\n", ",": "\\,", ";": "\\;"}
LINE_LIMIT = 75  # octets, before folding

PRODUCT_ID = "-//prepkit//Contacts//EN"


def _text(value: str) -> str:
    """A vCard text value: backslash, comma, semicolon and line breaks escaped."""
    flat = value.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(_ESCAPES.get(char, char) for char in flat)


def _fold(line: str) -> list[str]:
    """Lines longer than 75 octets continue on the next line after a space (RFC 6350)."""
    out: list[str] = []
    current = ""
    for char in line:
        limit = LINE_LIMIT if not out else LINE_LIMIT - 1
        if len((current + char).encode("utf-8")) > limit:
            out.append(current)
            current = char
        else:
            current += char
    out.append(current)
    return [out[0], *(" " + part for part in out[1:])]


def _card(contact: Contact, *, public: bool) -> list[str]:
    parts = contact.name.split()
    family = parts[-1] if len(parts) > 1 else ""
    given = " ".join(parts[:-1]) if len(parts) > 1 else contact.name
    lines = ["BEGIN:VCARD", "VERSION:4.0", f"PRODID:{PRODUCT_ID}", f"FN:{_text(contact.name)}",
             f"N:{_text(family)};{_text(given)};;;"]
    if contact.title:
        lines.append(f"TITLE:{_text(contact.title)}")
    if contact.organization:
        lines.append(f"ORG:{_text(contact.organization)}")
    if not public:
        if contact.email:
            lines.append(f"EMAIL:{_text(contact.email)}")
        if contact.phone:
            lines.append(f"TEL;VALUE=text:{_text(contact.phone)}")
        if contact.linkedin:
            lines.append(f"URL:{contact.linkedin}")
        if contact.how_we_met:
            lines.append(f"NOTE:{_text(contact.how_we_met)}")
    lines.append("END:VCARD")
    return [folded for line in lines for folded in _fold(line)]


def is_prepkit_vcard(head: bytes) -> bool:
    """Whether a file (its first bytes) is a vCard file this module wrote."""
    return head.startswith(b"BEGIN:VCARD") and PRODUCT_ID.encode() in head


def vcards(contacts: Iterable[Contact], *, public: bool) -> str:
    """Every contact as one vCard 4.0 file, CRLF line ends."""
    lines = [line for contact in contacts for line in _card(contact, public=public)]
    return "\r\n".join(lines) + "\r\n" if lines else ""
