"""Checks of a first outreach email as rendered, after the short-email method career centres
teach: short, the connection first, about them more than about you, no job request, and
ending on a question.

- length: more words than `rules.outreach_word_limit` (the signature is not counted);
- connection: the first sentence after the greeting names none of what connects you (who
  referred you, your school, their organization, how you met, or words such as 'alum',
  'class', 'worked', 'met', 'suggested'). Not checked for a contact whose relationship is
  'other' with neither an organization nor a referrer: the kit records no tie to name;
- question: the last paragraph before the sign-off holds no question mark;
- job: it mentions a job, position, opening, vacancy or hiring;
- about you: more I/me/my than you/your.
"""

from __future__ import annotations

import re

from generator.emails.checks import EmailProblem, word_count
from generator.emails.context import SIGN_OFFS, EmailContext
from generator.emails.render import Email
from generator.model import Rules

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
# A sentence ends at . ! or ? and a space, but not after a title such as 'Dr.'.
_SENTENCE_END = re.compile(r"(?<!\bDr\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bMrs\.)(?<!\bProf\.)"
                           r"(?<!\bSt\.)(?<=[.!?])\s+")
_JOB = re.compile(r"\b(jobs?|positions?|openings?|vacanc(?:y|ies)|hiring)\b", re.IGNORECASE)
_SELF = frozenset({"i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine", "myself"})
_OTHER = frozenset({"you", "your", "yours", "you're", "you've", "you'd", "you'll", "yourself"})
_CONNECTION_WORDS = frozenset({
    "alum", "alumni", "alumna", "alumnus", "class", "course", "section", "lecture", "worked",
    "working", "met", "know", "known", "knows", "friend", "family", "suggested", "introduced",
    "referred", "recommended", "mutual", "team",
})
_LOC = ("outreach",)


def _words(text: str) -> list[str]:
    return [word.replace("’", "'") for word in _WORD.findall(text.casefold())]


def _paragraphs(body: str, signed_as: str) -> list[str]:
    """The body's paragraphs without the greeting and the sign-off with signature."""
    text = body.rstrip()
    if signed_as and text.endswith(signed_as):
        text = text[: -len(signed_as)].rstrip()
    for sign_off in SIGN_OFFS.values():
        if text.endswith(sign_off):
            text = text[: -len(sign_off)].rstrip()
            break
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]
    return paragraphs[1:] if len(paragraphs) > 1 else paragraphs  # the greeting line


def connection_terms(context: EmailContext) -> set[str]:
    terms: set[str] = set(_CONNECTION_WORDS)
    contact = context.contact
    for text in (contact.referrer, contact.organization, context.owner.school,
                 contact.how_we_met):
        if text:
            terms |= {word for word in _words(text) if len(word) >= 3}
    return terms - _SELF - _OTHER


def outreach_problems(email: Email, context: EmailContext, signed_as: str,
                      rules: Rules) -> list[EmailProblem]:
    """What to change in a first outreach email, each with how to change it."""
    problems: list[EmailProblem] = []
    words = word_count(email.body, signed_as)
    if words > rules.outreach_word_limit:
        problems.append(EmailProblem(
            _LOC, f"the first outreach email is {words} words; keep it to "
            f"{rules.outreach_word_limit} (rules.outreach_word_limit) by shortening "
            "owner.pitch in kit.yml or the template", "email-too-long"))
    paragraphs = _paragraphs(email.body, signed_as)
    if not paragraphs:
        return problems
    first_sentence = _SENTENCE_END.split(paragraphs[0], maxsplit=1)[0]
    contact = context.contact
    known_tie = contact.relationship != "other" or contact.organization or contact.referrer
    if known_tie and not set(_words(first_sentence)) & connection_terms(context):
        problems.append(EmailProblem(
            _LOC, "the first outreach email does not say what connects you in its first "
            "sentence; open with it (who referred you, your shared school, how you met: "
            "the contact's how_we_met or referred_by)", "outreach-no-connection"))
    if "?" not in paragraphs[-1]:
        problems.append(EmailProblem(
            _LOC, "the first outreach email does not end with a question; make your request "
            "the last paragraph and phrase it as a question", "outreach-no-question"))
    mention = _JOB.search(email.body)
    if mention:
        problems.append(EmailProblem(
            _LOC, f"the first outreach email mentions {mention.group(0)!r}; ask for insight "
            "and advice, not for a job: leave out jobs, positions and openings",
            "outreach-mentions-job"))
    body_words = _words("\n".join(paragraphs))
    mine = sum(word in _SELF for word in body_words)
    theirs = sum(word in _OTHER for word in body_words)
    if mine > theirs:
        problems.append(EmailProblem(
            _LOC, f"the first outreach email is more about you ({mine} I/me/my) than about "
            f"them ({theirs} you/your); shorten owner.pitch and say why their work interests "
            "you", "outreach-about-you"))
    return problems
