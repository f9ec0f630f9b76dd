"""How the content's fixed values read on a page: 'teaching assistant (GSI)', not 'gsi'."""

from __future__ import annotations

RELATIONSHIP_LABELS = {
    "former-employer": "former employer", "professor": "professor",
    "gsi": "teaching assistant (GSI)", "friend": "friend", "family": "family",
    "alumni": "alumnus or alumna", "colleague": "colleague", "referral": "referral",
    "other": "other",
}
KIND_LABELS = {"exploratory": "Exploratory conversation",
               "post-offer": "Post-offer conversation, before deciding"}
MEDIUM_LABELS = {"video": "Video call", "phone": "Phone call", "in-person": "In person"}
CHANNEL_LABELS = {"email": "email", "linkedin": "LinkedIn"}


def label(labels: dict[str, str], value: str) -> str:
    return labels.get(value, value)
