"""The part of a kit with errors that can still be checked for warnings.

`prepkit check` reports every error at once, and a file's warnings should not wait until its
errors (or another file's) are fixed. Files that did not read or validate are left out (the
kit holds only a partial model of them, for cross-file checks); every other entity is kept,
with the references that do not resolve taken out, so the warning checks can run on it as on
a valid kit.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import replace
from typing import TypeVar

from generator.kit import Kit
from generator.model import Contact, Entity, Interview

E = TypeVar("E", bound=Entity)


def sound_part(kit: Kit, *, unreadable: Collection[str]) -> Kit:
    """`kit` without the entities of the `unreadable` files (as diagnostics name them) and
    with each dangling reference dropped (a conversation whose contact is missing goes too:
    nothing about it can be checked)."""

    def read_whole(entity: Entity) -> bool:
        return entity.source is not None and entity.source.display not in unreadable

    sound = replace(
        kit, fields=_kept(kit.fields, read_whole),
        question_sets=_kept(kit.question_sets, read_whole),
        employers=_kept(kit.employers, read_whole), contacts=_kept(kit.contacts, read_whole),
        interviews=_kept(kit.interviews, read_whole))
    contacts = {key: _resolved_contact(item, sound) for key, item in sound.contacts.items()}
    interviews = {key: _resolved_interview(item, sound)
                  for key, item in sound.interviews.items() if item.contact in contacts}
    return replace(sound, contacts=contacts, interviews=interviews)


def _kept(entities: dict[str, E], keep: Callable[[Entity], bool]) -> dict[str, E]:
    return {key: item for key, item in entities.items() if keep(item)}


def _resolved_contact(contact: Contact, kit: Kit) -> Contact:
    return contact.model_copy(update={
        "fields": [field_id for field_id in contact.fields if field_id in kit.fields],
        "employer": contact.employer if contact.employer in kit.employers else None,
        "referred_by": contact.referred_by if contact.referred_by in kit.contacts else None})


def _resolved_interview(interview: Interview, kit: Kit) -> Interview:
    return interview.model_copy(update={
        "field": interview.field if interview.field in kit.fields else None,
        "question_sets": [set_id for set_id in interview.question_sets
                          if set_id in kit.question_sets],
        "referrals": [ref for ref in interview.referrals if ref in kit.contacts]})
