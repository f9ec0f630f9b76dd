"""Target employers the LAMP way: ranked, worked in batches of five, with their contacts.

Ranking: motivation, then postings, then advocacy (all highest first), then name. Advocacy
is the employer's own `advocacy` when given; otherwise true when a contact is linked to the
employer (`employer: <id>`) or an alumnus or alumna of yours works there (their
`organization` is the employer's name).

The current batch is the first five employers in that order that are not done. An employer is
done when its file says `done: true`, or once you have held a conversation with someone there
(their conversation is held or thanked): then the next employer moves into the batch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.derive.relations import Relations, Stage
from generator.errors import Diagnostic, Severity
from generator.kit import Kit
from generator.model import Contact, Employer, Interview

BATCH_SIZE = 5
_MET = {Stage.HELD, Stage.THANKED}
_SPACES = re.compile(r"[\W_]+")


def same_name(left: str, right: str) -> bool:
    """Names equal but for case, punctuation and spacing: 'Acme, Inc' is 'acme inc'."""
    return _SPACES.sub(" ", left.casefold()).strip() == _SPACES.sub(" ", right.casefold()).strip()


def advocacy_of(kit: Kit, employer: Employer) -> bool:
    if employer.advocacy is not None:
        return employer.advocacy
    if kit.contacts_at(employer.id):
        return True
    return any(contact.relationship == "alumni" and contact.organization
               and same_name(contact.organization, employer.name)
               for contact in kit.contacts.values())


@dataclass(frozen=True)
class Target:
    """One employer on the ranked list."""

    employer: Employer
    rank: int
    advocacy: bool
    done: bool
    in_batch: bool
    contacts: list[tuple[Contact, Stage | None]]  # each linked contact and their latest stage


def latest_stage(kit: Kit, relations: Relations, contact_id: str) -> Stage | None:
    conversations = kit.interviews_with(contact_id)
    if not conversations:
        return None
    latest = max(conversations, key=conversation_order)
    return relations.interviews[latest.id].stage


def conversation_order(interview: Interview) -> tuple[str, str]:
    """When a conversation happened or was asked for (not yet asked sorts last): the order
    conversations are listed in, and which is a contact's latest."""
    if interview.scheduled is not None:
        moment = interview.scheduled.at.isoformat()
    elif interview.outreach is not None and interview.outreach.sent_on is not None:
        moment = interview.outreach.sent_on.isoformat()
    else:
        moment = "9999"
    return (moment, interview.id)


def ranked_targets(kit: Kit, relations: Relations) -> list[Target]:
    """Every employer in LAMP order, the current batch of five marked."""
    scored = [(employer, advocacy_of(kit, employer)) for employer in kit.employers.values()]
    scored.sort(key=lambda pair: (-pair[0].motivation, -pair[0].postings, not pair[1],
                                  pair[0].name.casefold(), pair[0].id))
    targets: list[Target] = []
    batch = 0
    for rank, (employer, advocacy) in enumerate(scored, start=1):
        contacts = [(contact, latest_stage(kit, relations, contact.id))
                    for contact in kit.contacts_at(employer.id)]
        done = employer.done or any(stage in _MET for _, stage in contacts)
        in_batch = not done and batch < BATCH_SIZE
        batch += in_batch
        targets.append(Target(employer, rank, advocacy, done, in_batch, contacts))
    return targets


def employer_warnings(kit: Kit) -> list[Diagnostic]:
    """A contact whose organization is a target employer's name but who is not linked to it."""
    warnings: list[Diagnostic] = []
    for contact in kit.contacts.values():
        if contact.employer is not None or not contact.organization or contact.source is None:
            continue
        for employer in kit.employers.values():
            if same_name(contact.organization, employer.name):
                found = contact.source.diagnostic(
                    ("organization",), f"{contact.organization!r} is the target employer "
                    f"{employer.id!r}: add 'employer: {employer.id}' to link them, so the "
                    "target list and the 3B7 routine count them", code="link-employer")
                warnings.append(Diagnostic(found.file, found.position, found.message,
                                           found.key_path, Severity.WARNING, "link-employer"))
                break
    return warnings
