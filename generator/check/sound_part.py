"""The part of a kit with errors that can still be checked for warnings.

`prepkit check` reports every error at once, and warnings should not wait until the last error
is fixed. This keeps the entities that read and validated (the kit holds only a partial model
of the others, for cross-file checks) and whose references all resolve, so the warning checks
run on them as on a valid kit. A file whose only errors are, say, dates in the wrong order
still gets its own warnings; one that refers to something missing gets them once that is
fixed (a warning computed without the missing part would mislead).
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
    without any entity that refers to a missing or left-out one."""

    def read_whole(entity: Entity) -> bool:
        return entity.source is not None and entity.source.display not in unreadable

    sound = replace(
        kit, fields=_kept(kit.fields, read_whole),
        question_sets=_kept(kit.question_sets, read_whole),
        employers=_kept(kit.employers, read_whole), contacts=_kept(kit.contacts, read_whole),
        interviews=_kept(kit.interviews, read_whole))
    contacts = {key: item for key, item in sound.contacts.items()
                if _contact_resolves(item, sound)}
    sound = replace(sound, contacts=contacts)
    return replace(sound, interviews={key: item for key, item in sound.interviews.items()
                                      if _interview_resolves(item, sound)})


def _kept(entities: dict[str, E], keep: Callable[[Entity], bool]) -> dict[str, E]:
    return {key: item for key, item in entities.items() if keep(item)}


def _contact_resolves(contact: Contact, kit: Kit) -> bool:
    return (all(field_id in kit.fields for field_id in contact.fields)
            and (contact.employer is None or contact.employer in kit.employers)
            and (contact.referred_by is None or contact.referred_by in kit.contacts))


def _interview_resolves(interview: Interview, kit: Kit) -> bool:
    return (interview.contact in kit.contacts
            and (interview.field is None or interview.field in kit.fields)
            and all(set_id in kit.question_sets for set_id in interview.question_sets)
            and all(ref in kit.contacts for ref in interview.referrals))
