"""The one audience policy: what a public output may hold, applied to the data itself.

A run decides its audience once (`audience_for`), and `view_for` gives the kit as that
audience may see it. The public view holds no private value at all (contact details, private
notes, the owner's contact details and signature, meeting places and links, interview notes
and takeaways, notes on target employers; with `public_contacts: hidden` no people and no
conversations), so pages, emails, search, the calendar, packets and exports, which all render
from the view, cannot show one: no template has a public/private branch to forget.
"""

from __future__ import annotations

from dataclasses import replace

from generator.kit import Kit
from generator.model import Contact, Interview, KitFile
from generator.output.fence import Audience

__all__ = ["Audience", "audience_for", "view_for"]


def audience_for(kit: Kit, *, public: bool) -> Audience:
    """Public when asked for, or when kit.yml says `publish: public`, whatever was asked."""
    if public or kit.settings.publish == "public":
        return Audience.PUBLIC
    return Audience.PRIVATE


def view_for(kit: Kit, audience: Audience) -> Kit:
    """The kit as `audience` may see it; the private view is the kit itself."""
    if audience is Audience.PRIVATE:
        return kit
    if kit.settings.public_contacts == "hidden":
        contacts: dict[str, Contact] = {}
        interviews: dict[str, Interview] = {}
    else:
        contacts = {key: _public_contact(contact) for key, contact in kit.contacts.items()}
        interviews = {key: _public_interview(interview)
                      for key, interview in kit.interviews.items()}
    employers = {key: employer.model_copy(update={"notes": None})
                 for key, employer in kit.employers.items()}
    return replace(kit, settings=_public_settings(kit.settings), contacts=contacts,
                   interviews=interviews, employers=employers)


def _public_settings(settings: KitFile) -> KitFile:
    owner = settings.owner.model_copy(update={"email": None, "phone": None, "linkedin": None,
                                              "signature": None})
    return settings.model_copy(update={"owner": owner})


def _public_contact(contact: Contact) -> Contact:
    return contact.model_copy(update={"email": None, "phone": None, "linkedin": None,
                                      "private_notes": None})


def _public_interview(interview: Interview) -> Interview:
    scheduled = interview.scheduled
    if scheduled is not None and scheduled.location is not None:
        scheduled = scheduled.model_copy(update={"location": None})
    return interview.model_copy(update={"notes": None, "takeaways": [], "to_share": [],
                                        "scheduled": scheduled})
