"""Email drafts: every template for every relationship (golden files), the drafts each stage
shows on its prep page, the kit's own templates in a sandbox, and the checks before sending.

After an intended change to a template, regenerate the golden files and read the diff:

    UPDATE_GOLDEN=1 python -m pytest tests/test_emails.py
"""

from __future__ import annotations

import difflib
import os
from datetime import date
from pathlib import Path
from typing import get_args
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from conftest import assert_clean_exit, diagnostic_lines, run_check, write
from site_support import Element, article, build_kit, copy_example_kit, read_page

from generator.check.load import load_kit
from generator.clock import current_moment
from generator.derive.relations import Relations, relate
from generator.derive.salutation import greeting_for, in_sentence, name_parts
from generator.emails import EMAIL_KINDS, EMAILS_BY_NAME, EmailDrafts, fenced, interview_context
from generator.emails.drafts import as_sent
from generator.kit import Kit
from generator.model import Contact
from generator.model.types import Relationship
from generator.render.site import generate_site

GOLDEN_DIR = Path(__file__).resolve().parent / "golden" / "emails"
RELATIONSHIPS: tuple[str, ...] = get_args(Relationship)
TODAY = date(2026, 11, 25)
NAMES = {
    "professor": "Dr. Helen Okafor", "gsi": "Marcus Chen", "friend": "Sam Patel",
    "family": "Tia Rivera", "former-employer": "Priya Natarajan", "alumni": "Jordan Lee",
    "referral": "Kevin Ng", "colleague": "Dana Kowalski", "other": "Rachel Kim",
}
KIT_YML = """\
title: Emails test kit
owner:
  name: Alex Rivera
  email: alex@example.edu
  school: State University
  program: B.S. Computer Science, class of 2027
  pitch: I'm a computer science junior exploring where data skills do the most good.
timezone: America/Chicago
"""
FULL_INTERVIEW = """\
contact: {contact}
questions: [{{text: "How did you get your start?"}}]
outreach: {{channel: email, sent_on: 2026-11-01, replied_on: 2026-11-03}}
scheduled:
  at: 2026-11-10T15:00
  duration_minutes: 20
  medium: video
  location: https://meet.example.com/alex
to_share: ["I've started a small usability study for my portfolio"]
takeaways: ["PRIVATE-TODO ask Dana about the help desk"]
referrals: [jamie-park]
thank_you_sent_on: 2026-11-11
"""
OFFER_INTERVIEW = """\
contact: {contact}
kind: post-offer
questions: [{{text: "Which projects would I own?"}}]
offer: {{role: Data Analytics Intern, decide_by: 2026-12-15}}
"""
# Variants where a stage changes what a template says: (interview id, its file).
VARIANTS = {
    "thank-you/no-takeaway": ("held-bare", """\
contact: person-alumni
questions: [{text: "How did you get your start?"}]
outreach: {channel: linkedin, sent_on: 2026-11-01, replied_on: 2026-11-03}
scheduled: {at: 2026-11-20T09:00}
"""),
    "scheduling-reply/no-time-yet": ("replied-friend", """\
contact: person-friend
questions: [{text: "How did you get your start?"}]
outreach: {channel: email, sent_on: 2026-11-20, replied_on: 2026-11-21}
"""),
    "scheduling-reply/phone": ("by-phone", """\
contact: person-other
questions: [{text: "How did you get your start?"}]
outreach: {channel: email, sent_on: 2026-11-20, replied_on: 2026-11-21}
scheduled: {at: 2026-12-03T14:00, duration_minutes: 30, medium: phone, location: "+1 555 0175"}
"""),
    "confirmation/in-person": ("in-person", """\
contact: person-professor
questions: [{text: "How did you get your start?"}]
scheduled: {at: 2026-12-04T10:30, medium: in-person, location: "Room 314, Public Health"}
"""),
    "nudge/linkedin": ("held-bare", ""),
    "thank-you/linkedin": ("thanked-on-linkedin", """\
contact: person-referral
questions: [{text: "How did you get your start?"}]
outreach: {channel: linkedin, sent_on: 2026-11-01, replied_on: 2026-11-03}
scheduled: {at: 2026-11-10T15:00, medium: phone, confirmed_on: 2026-11-09}
to_share: ["Your point about public data stays with me"]
takeaways: ["PRIVATE-TODO look up the salary band"]
thank_you_sent_on: 2026-11-11
"""),
    "keep-in-touch/linkedin": ("thanked-on-linkedin", ""),
}
# The same confirmation in other locales: kit.yml's `locale` sets how dates and times read.
LOCALES = ("en-GB", "de-DE")


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """`prepkit check` takes "today" from PREPKIT_TODAY, so the example kit's stages stay
    put; it runs in the kit folder (tmp_path/kit), so it shows paths relative to it."""
    monkeypatch.setenv("PREPKIT_TODAY", TODAY.isoformat())
    (tmp_path / "kit").mkdir()
    monkeypatch.chdir(tmp_path / "kit")


# ---------------------------------------------------------------------------------------------
# A kit with one contact of each relationship


def write_relationship_kit(root: Path) -> Path:
    """content/ with a contact of each relationship and interviews at every stage."""
    content = root / "content"
    write(root, "content/kit.yml", KIT_YML)
    write(root, "content/fields/ux-research.yml", "name: UX research\n")
    write(root, "content/contacts/jamie-park.yml", "name: Jamie Park\nfields: [ux-research]\n")
    for relationship in RELATIONSHIPS:
        referred = "referred_by: person-friend\n" if relationship == "referral" else ""
        write(root, f"content/contacts/person-{relationship}.yml",
              f"name: {NAMES[relationship]}\ntitle: Analyst\norganization: Acme Health\n"
              f"relationship: {relationship}\nfields: [ux-research]\n"
              f"email: {relationship}@example.org\n{referred}")
        # Someone this person referred, for the note that closes the loop with them.
        write(root, f"content/contacts/referred-by-{relationship}.yml",
              f"name: Robin Diaz\norganization: Civic Design Lab\nrelationship: referral\n"
              f"fields: [ux-research]\nreferred_by: person-{relationship}\n")
        write(root, f"content/interviews/with-{relationship}.yml",
              FULL_INTERVIEW.format(contact=f"person-{relationship}"))
        write(root, f"content/interviews/offer-{relationship}.yml",
              OFFER_INTERVIEW.format(contact=f"person-{relationship}"))
        write(root, f"content/interviews/loop-{relationship}.yml",
              FULL_INTERVIEW.format(contact=f"referred-by-{relationship}"))
    for interview_id, text in VARIANTS.values():
        if text:
            write(root, f"content/interviews/{interview_id}.yml", text)
    return content


@pytest.fixture(scope="module")
def matrix(tmp_path_factory: pytest.TempPathFactory) -> tuple[Kit, Relations, EmailDrafts]:
    content = write_relationship_kit(tmp_path_factory.mktemp("matrix"))
    result = load_kit(content)
    assert result.kit is not None, [d.format() for d in result.diagnostics]
    relations = relate(result.kit, current_moment(result.kit, TODAY))
    return result.kit, relations, EmailDrafts(result.kit, relations)


def rendered(drafts: EmailDrafts, kit: Kit, template: str, interview_id: str) -> str:
    kind = EMAILS_BY_NAME[template]
    context = interview_context(kit, kit.interviews[interview_id])
    outcome = drafts.templates.render(kind, context.variables(kind))
    assert outcome.failure is None and not outcome.missing_subject
    email = as_sent(kind, outcome, context)
    head = f"Subject: {email.subject}\n\n" if email.subject else ""
    return f"{head}{email.body}\n"


def matches_golden(name: str, text: str) -> None:
    golden = GOLDEN_DIR / f"{name}.txt"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8", newline="\n")
    expected = golden.read_text(encoding="utf-8")
    if text != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(keepends=True),
                                            text.splitlines(keepends=True),
                                            fromfile=f"golden/emails/{name}.txt",
                                            tofile="rendered"))
        pytest.fail(f"{name} differs from its golden file (UPDATE_GOLDEN=1 rewrites it):\n"
                    f"{diff}", pytrace=False)


def interview_for(template: str, relationship: str) -> str:
    if template == "post-offer-request":
        return f"offer-{relationship}"
    if template == "close-the-loop":  # written to the referrer, who has this relationship
        return f"loop-{relationship}"
    return f"with-{relationship}"


@pytest.mark.parametrize("relationship", RELATIONSHIPS)
@pytest.mark.parametrize("template", [kind.name for kind in EMAIL_KINDS])
def test_every_template_for_every_relationship_matches_its_golden_file(
        matrix: tuple[Kit, Relations, EmailDrafts], template: str, relationship: str) -> None:
    kit, _, drafts = matrix
    matches_golden(f"{template}/{relationship}",
                   rendered(drafts, kit, template, interview_for(template, relationship)))


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_stage_variants_match_their_golden_files(
        matrix: tuple[Kit, Relations, EmailDrafts], variant: str) -> None:
    kit, _, drafts = matrix
    matches_golden(variant, rendered(drafts, kit, variant.split("/")[0], VARIANTS[variant][0]))


def test_the_golden_folder_holds_no_stale_file() -> None:
    expected = {f"{kind.name}/{relationship}.txt" for kind in EMAIL_KINDS
                for relationship in RELATIONSHIPS} | {f"{name}.txt" for name in VARIANTS} | {
                    f"confirmation/locale-{locale}.txt" for locale in LOCALES}
    found = {path.relative_to(GOLDEN_DIR).as_posix() for path in GOLDEN_DIR.rglob("*.txt")}
    assert found == expected


def person(name: str, relationship: str, **more: str) -> Contact:
    return Contact.model_validate({"name": name, "relationship": relationship, **more})


def test_the_opening_follows_the_relationship() -> None:
    assert greeting_for(person("Dr. Helen Okafor", "professor")) == "Dear Professor Okafor,"
    assert greeting_for(person("Dr. Helen Okafor", "other")) == "Dear Dr. Okafor,"
    assert greeting_for(person("Jordan Lee", "alumni")) == "Dear Jordan,"
    assert greeting_for(person("Kevin Ng", "referral")) == "Dear Kevin,"
    assert greeting_for(person("Rachel Kim", "other")) == "Dear Rachel,"
    assert greeting_for(person("Sam Patel", "friend")) == "Hi Sam,"
    assert greeting_for(person("Marcus Chen", "gsi")) == "Hi Marcus,"
    assert greeting_for(person("Priya Natarajan", "former-employer")) == "Hello Priya,"
    assert greeting_for(person("María José García Jr.", "colleague")) == "Hi María,"
    assert greeting_for(person("Cher", "referral")) == "Dear Cher,"
    assert name_parts("Prof Ada Lovelace, PhD").last == "Lovelace"


def test_honorific_title_and_preferred_name_change_the_opening() -> None:
    assert greeting_for(person("Rachel Kim", "other", honorific="Dr.")) == "Dear Dr. Kim,"
    assert greeting_for(person("Rachel Kim", "other", honorific="dr")) == "Dear Dr. Kim,"
    assert greeting_for(person("Ada Lee", "alumni",
                               title="Assistant Professor of Biology")) == "Dear Professor Lee,"
    assert greeting_for(person("Kevin Ng", "referral", preferred_name="Kev")) == "Dear Kev,"
    assert greeting_for(person("Robert Ng", "friend", preferred_name="Bob")) == "Hi Bob,"
    # People you know well keep their first name, whatever their title.
    assert greeting_for(person("Dr. Tia Rivera", "family")) == "Hi Tia,"
    assert greeting_for(person("Ann Wu", "colleague", honorific="Dr.")) == "Hi Ann,"


@pytest.mark.parametrize("relationship", RELATIONSHIPS)
def test_no_opening_puts_a_full_name_after_dear(relationship: str) -> None:
    opening = greeting_for(person(NAMES[relationship], relationship))
    assert opening.count(" ") == 1 or opening.startswith(("Dear Professor", "Dear Dr."))


@pytest.mark.parametrize(("name", "mid_sentence"), [
    ("Data Science", "data science"), ("UX Research", "UX research"),
    ("Public Health", "public health"), ("iOS Development", "iOS development"),
    ("Health Informatics at NASA", "health informatics at NASA"), ("McKinsey-style Consulting",
                                                                   "McKinsey-style consulting"),
])
def test_a_field_name_reads_naturally_mid_sentence(name: str, mid_sentence: str) -> None:
    assert in_sentence(name) == mid_sentence


def test_drafts_never_quote_private_notes_or_takeaways(
        matrix: tuple[Kit, Relations, EmailDrafts]) -> None:
    kit, _, drafts = matrix
    for interview_id in kit.interviews:
        for kind in EMAIL_KINDS:
            assert "PRIVATE-TODO" not in rendered(drafts, kit, kind.name, interview_id)


def test_a_linkedin_contact_gets_messages_without_subject_or_signature_block(
        matrix: tuple[Kit, Relations, EmailDrafts]) -> None:
    kit, _, drafts = matrix
    for template in ("thank-you", "keep-in-touch"):
        text = rendered(drafts, kit, template, "thanked-on-linkedin")
        assert not text.startswith("Subject:")
        assert text.rstrip().endswith("\nAlex")  # first name only: LinkedIn shows the profile
        assert "State University" not in text.rsplit("\n\n", 1)[-1]


@pytest.mark.parametrize("locale", LOCALES)
def test_dates_follow_the_kits_locale(tmp_path: Path, locale: str) -> None:
    write(tmp_path, "content/kit.yml", KIT_YML + f"locale: {locale}\n")
    write(tmp_path, "content/contacts/person-professor.yml",
          "name: Dr. Helen Okafor\nrelationship: professor\n")
    write(tmp_path, "content/interviews/in-person.yml", VARIANTS["confirmation/in-person"][1])
    result = load_kit(tmp_path / "content")
    assert result.kit is not None, [d.format() for d in result.diagnostics]
    relations = relate(result.kit, current_moment(result.kit, TODAY))
    matches_golden(f"confirmation/locale-{locale}", rendered(
        EmailDrafts(result.kit, relations), result.kit, "confirmation", "in-person"))


def test_the_default_locale_writes_us_dates(matrix: tuple[Kit, Relations, EmailDrafts]) -> None:
    kit, _, drafts = matrix
    text = rendered(drafts, kit, "confirmation", "in-person")
    assert "Friday, December 4 at 10:30 AM CST" in text


def test_an_unknown_locale_is_a_located_error(tmp_path: Path) -> None:
    write(tmp_path, "content/kit.yml", KIT_YML + "locale: xx-QQ\n")
    result = load_kit(tmp_path / "content")
    messages = [d.format() for d in result.diagnostics]
    assert any("kit.yml:9:9" in m and "'xx-QQ' is not a known locale" in m for m in messages), \
        messages


def test_each_relationship_reads_differently(matrix: tuple[Kit, Relations, EmailDrafts]) -> None:
    kit, _, drafts = matrix
    outreach = {relationship: rendered(drafts, kit, "outreach", f"with-{relationship}")
                for relationship in RELATIONSHIPS}
    assert len(set(outreach.values())) == len(RELATIONSHIPS)
    assert "Sam Patel suggested I write to you" in outreach["referral"]
    assert outreach["professor"].split("\n")[2] == "Dear Professor Okafor,"
    assert outreach["friend"].split("\n")[2] == "Hi Sam,"
    assert outreach["friend"].rstrip().endswith("Thanks,\nAlex")  # first name to a friend
    assert outreach["alumni"].rstrip().endswith("State University")  # the signature


def test_the_sample_emails_page_shows_every_template(tmp_path: Path) -> None:
    generate_site(copy_example_kit(tmp_path / "kit") / "content", tmp_path / "cache",
                  today=TODAY)
    page = (tmp_path / "cache" / "emails.md").read_text(encoding="utf-8")
    for kind in EMAIL_KINDS:
        assert f"## {kind.title.replace('-', chr(92) + '-')} {{ #{kind.anchor} }}" in page
    assert page.count("```draft\n") == len(EMAIL_KINDS)
    assert "| professor | Dear Professor Park, | Best regards, |" in page


# ---------------------------------------------------------------------------------------------
# The drafts on each prep page


@pytest.fixture(scope="module")
def example_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("pages")
    generate_site(copy_example_kit(root / "kit") / "content", root / "cache", today=TODAY)
    return {path.stem: path.read_text(encoding="utf-8")
            for path in (root / "cache" / "interviews").glob("*.md")}


def email_headings(page: str) -> list[str]:
    in_emails = page.split("\n## Emails { #prep-emails }\n", 1)[1].split("\n## ", 1)[0] if (
        "\n## Emails { #prep-emails }\n" in page) else ""
    return [line.split(" { #")[0][4:].replace("\\", "") for line in in_emails.splitlines()
            if line.startswith("### ")]


@pytest.mark.parametrize(("interview_id", "stage", "expected"), [
    ("tia-rivera-county-epidemiology", "planned", ["First outreach email"]),
    ("maya-goldberg-civic-design", "requested, no reply", ["No-reply nudge"]),
    ("kevin-ng-state-health", "requested on LinkedIn", ["No-reply nudge (LinkedIn message)"]),
    ("priya-natarajan-health-data-science", "scheduled",
     ["Scheduling reply", "Day-before confirmation"]),
    # Dana Kowalski introduced them: she hears how it went once the conversation is held.
    ("marcus-chen-ux-path", "held", ["Thank-you note", "Close-the-loop note"]),
    ("jordan-lee-cs-to-ux", "thanked, not referred",
     ["Keep-in-touch update (LinkedIn message)"]),
    ("luis-fernandez-clinical-informatics", "declined", []),
])
def test_each_stage_shows_the_emails_that_fit(example_pages: dict[str, str], interview_id: str,
                                              stage: str, expected: list[str]) -> None:
    assert email_headings(example_pages[interview_id]) == expected, stage


def stage_kit(tmp_path: Path, interview: str, text: str) -> str:
    kit = copy_example_kit(tmp_path / "kit")
    write(kit, f"content/interviews/{interview}.yml", text)
    generate_site(kit / "content", tmp_path / "cache", today=TODAY)
    return (tmp_path / "cache" / "interviews" / f"{interview}.md").read_text(encoding="utf-8")


def test_a_planned_linkedin_request_adds_the_connection_note(tmp_path: Path) -> None:
    page = stage_kit(tmp_path, "kevin-ng-state-health",
                     "contact: kevin-ng\nquestion_sets: [tiara]\noutreach: {channel: linkedin}\n")
    assert email_headings(page) == ["First outreach email (LinkedIn message)",
                                    "LinkedIn connection note"]
    assert "Kevin, Dr. Helen Okafor suggested I reach out." in page
    assert " of 300 characters" in page


def test_a_thanked_referral_closes_the_loop_with_the_referrer(tmp_path: Path) -> None:
    page = stage_kit(tmp_path, "maya-goldberg-civic-design", """\
contact: maya-goldberg
question_sets: [tiara]
outreach: {channel: email, sent_on: 2026-11-10, replied_on: 2026-11-12}
scheduled: {at: 2026-11-18T10:00}
takeaways: ["Read two public-sector research reports"]
thank_you_sent_on: 2026-11-19
""")
    assert email_headings(page) == ["Close-the-loop note", "Keep-in-touch update"]
    loop = page.split("{ #email-close-the-loop }")[1].split("### ")[0]
    assert "- **To:** Jordan Lee" in loop
    assert "Dear Jordan,\n\nI wanted to let you know that I talked with Maya Goldberg" in loop
    assert "mailto:jordan.lee@example.com?subject=" in loop


def test_a_post_offer_conversation_not_yet_asked_for_drafts_the_request(tmp_path: Path) -> None:
    page = stage_kit(tmp_path, "rachel-kim-internship-offer", """\
contact: rachel-kim
kind: post-offer
question_sets: [post-offer]
offer: {role: "Data Analytics Intern, Summer 2027", decide_by: 2026-12-15}
""")
    assert email_headings(page) == ["Post-offer request"]
    assert ("Thank you again for offering me the Data Analytics Intern, Summer 2027 position."
            in page)
    assert "by Tuesday, December 15" in page


# ---------------------------------------------------------------------------------------------
# On the built site: copy button, mailto link, admonition, public builds


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_kit(copy_example_kit(tmp_path_factory.mktemp("site") / "kit"))


def email_section(page: Element, anchor: str) -> tuple[Element, str | None]:
    """The draft's <pre><code> and its mailto: link, if any."""
    body = page.section(anchor)
    code = next(e for e in body if e.tag == "pre").find("code")
    links = [href for e in body for href, _ in e.links() if href.startswith("mailto:")]
    return code, links[0] if links else None


def test_a_draft_is_a_code_block_with_a_prefilled_mailto_link(site: Path) -> None:
    page = article(read_page(site, "interviews/marcus-chen-ux-path"))
    code, mailto = email_section(page, "email-thank-you")
    assert "language-draft" in code.classes  # Material adds its copy button to code blocks
    assert mailto is not None
    parts = urlsplit(mailto)
    assert unquote(parts.path) == "marcus.chen@example.edu"
    query = parse_qs(parts.query)
    assert query["subject"] == ["Thank you for your time"]
    assert query["body"][0] == code.raw_text.rstrip("\n")


def test_a_contact_without_an_address_gets_no_mailto_link(site: Path) -> None:
    page = article(read_page(site, "interviews/kevin-ng-state-health"))  # LinkedIn only
    _, mailto = email_section(page, "email-nudge")
    assert mailto is None


def test_the_emails_page_is_built(site: Path) -> None:
    page = article(read_page(site, "emails"))
    assert page.find("h1").text == "Email templates"
    assert len(page.find_all("code", class_="language-draft")) == len(EMAIL_KINDS)
    home = article(read_page(site, ""))
    assert ("emails/", "email templates") in home.links()


def test_a_public_build_shows_drafts_without_private_details(tmp_path: Path) -> None:
    site = build_kit(copy_example_kit(tmp_path / "kit"), public=True)
    page = article(read_page(site, "interviews/marcus-chen-ux-path"))
    code, mailto = email_section(page, "email-thank-you")
    assert mailto is None
    assert "[something you learned from them]" in code.raw_text  # to_share is private
    assert "alex.rivera@example.edu" not in code.raw_text
    # Checked on the private version, whose takeaways fill the blank.
    assert not [e for e in page.section("prep-emails") if "admonition" in e.classes]
    helen = article(read_page(site, "interviews/helen-okafor-biostatistics"))
    code, _ = email_section(helen, "email-confirmation")
    assert "Room 314" not in code.raw_text


def test_contacts_hidden_in_public_leaves_only_the_sample_emails(tmp_path: Path) -> None:
    kit = copy_example_kit(tmp_path / "kit")
    kit_yml = kit / "content" / "kit.yml"
    kit_yml.write_text(kit_yml.read_text(encoding="utf-8") + "public_contacts: hidden\n",
                       encoding="utf-8")
    generate_site(kit / "content", tmp_path / "cache", today=TODAY, public=True)
    pages = {path.relative_to(tmp_path / "cache").as_posix(): path.read_text("utf-8")
             for path in (tmp_path / "cache").rglob("*.md")}
    assert not [uri for uri, text in pages.items() if "## Emails" in text]
    assert "Morgan Lee" in pages["emails.md"]
    assert "Marcus" not in pages["emails.md"]


def test_a_body_with_backticks_cannot_end_its_code_block(tmp_path: Path) -> None:
    assert fenced("a\n```\nb") == "````text\na\n```\nb\n````"
    assert fenced("x ````` y").startswith("``````text\n")
    kit = copy_example_kit(tmp_path / "kit")
    path = kit / "content" / "interviews" / "marcus-chen-ux-path.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(
        "  - That quantitative UX roles are a good fit for a CS background",
        '  - "``` </code></pre><script>alert(1)</script> ````"'), encoding="utf-8")
    site = build_kit(kit)
    page = article(read_page(site, "interviews/marcus-chen-ux-path"))
    code, _ = email_section(page, "email-thank-you")
    assert "- ``` </code></pre><script>alert(1)</script> ````" in code.raw_text
    assert code.raw_text.rstrip().endswith("alex.rivera@example.edu")
    assert not page.find_all("script")


# ---------------------------------------------------------------------------------------------
# Text from YAML is data; the kit's own templates run in a sandbox


def test_a_hostile_contact_name_shows_as_typed(tmp_path: Path) -> None:
    kit = copy_example_kit(tmp_path / "kit")
    path = kit / "content" / "contacts" / "marcus-chen.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "name: Marcus Chen", 'name: "{{ 7*6 }} {% raw %}"'), encoding="utf-8")
    write(kit, "site_overrides/emails/thank-you.txt.j2",
          "Subject: For {{ contact.name }}\n\nDear {{ contact.name }}, thank you.\n")
    site = build_kit(kit)
    page = article(read_page(site, "interviews/marcus-chen-ux-path"))
    code, mailto = email_section(page, "email-thank-you")
    assert code.raw_text == "Dear {{ 7*6 }} {% raw %}, thank you.\n"
    assert "42" not in code.raw_text
    assert mailto is not None
    assert parse_qs(urlsplit(mailto).query)["subject"] == ["For {{ 7*6 }} {% raw %}"]


def test_a_template_of_the_kit_replaces_the_shipped_one(tmp_path: Path) -> None:
    kit = copy_example_kit(tmp_path / "kit")
    write(kit, "site_overrides/emails/thank-you.txt.j2", """\
Subject: Thanks, {{ contact.first_name }}!

{{ greeting }}

Thanks for {{ interview.date }}. I'll do this first: {{ interview.takeaway }}.

{{ closing }}
""")
    result = run_check(kit)
    assert_clean_exit(result, 0)
    assert diagnostic_lines(result) == []
    site = build_kit(kit)
    page = article(read_page(site, "interviews/marcus-chen-ux-path"))
    code, _ = email_section(page, "email-thank-you")
    assert code.raw_text.startswith(
        "Hi Marcus,\n\nThanks for Friday, November 20. I'll do this first: How different the "
        "pace of industry research is, with studies in two-to-four-week cycles.\n\nBest,\n")
    details = [li.text for e in page.section("email-thank-you") if e.tag == "ul"
               for li in e.find_all("li")]
    assert "Subject: Thanks, Marcus!" in details
    emails_page = article(read_page(site, "emails"))
    assert "yours, site_overrides/emails/thank-you.txt.j2" in emails_page.text


@pytest.mark.parametrize("attack", [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ contact.__class__.__init__.__globals__ }}",
    "{{ owner.name.format.__globals__ }}",
    "{% set x = cycler.__init__.__globals__.os %}{{ x.system('echo pwned') }}",
])
def test_the_sandbox_blocks_internals_with_a_warning_not_a_crash(tmp_path: Path,
                                                                 attack: str) -> None:
    kit = copy_example_kit(tmp_path / "kit")
    write(kit, "site_overrides/emails/thank-you.txt.j2", f"Subject: Hi\n\n{attack}\n")
    result = run_check(kit)
    assert_clean_exit(result, 0)
    [line] = diagnostic_lines(result)
    assert line.startswith("site_overrides/emails/thank-you.txt.j2:1:1: warning: the "
                           "thank-you note template cannot be rendered: ")
    assert line.endswith("the shipped template is used instead")
    site = build_kit(kit, strict=False)
    page = article(read_page(site, "interviews/marcus-chen-ux-path"))
    code, _ = email_section(page, "email-thank-you")
    assert code.raw_text.startswith("Hi Marcus,\n\nThank you for taking the time")
    assert "pwned" not in code.raw_text


@pytest.mark.parametrize(("file_name", "text", "expected"), [
    ("thank-you.txt.j2", "Subject: Hi\n\n{% if %}\n",
     "site_overrides/emails/thank-you.txt.j2:3:1: warning: cannot be read as a template: "
     "Expected an expression, got 'end of statement block'; the shipped template is used "
     "instead"),
    ("thank-you.txt.j2", "Subject: Hi {{ contact.nmae }}\n\nx\n",
     "site_overrides/emails/thank-you.txt.j2:1:1: warning: the thank-you note template "
     "cannot be rendered: contact (or referrer, or to) has no attribute 'nmae'; the emails "
     "page lists the values a template can use; the shipped template is used instead"),
    ("thank-you.txt.j2", "Dear {{ contact.name }},\n\nThanks.\n",
     "site_overrides/emails/thank-you.txt.j2:1:1: warning: has no subject; start the "
     "template with a line 'Subject: ...'"),
    ("thankyou.txt.j2", "Subject: Hi\n\nx\n",
     "site_overrides/emails/thankyou.txt.j2:1:1: warning: not one of prepkit's email "
     "templates, so it is never used; did you mean 'thank-you.txt.j2'? The templates are "
     "outreach.txt.j2, linkedin-note.txt.j2, nudge.txt.j2, scheduling-reply.txt.j2, "
     "confirmation.txt.j2, thank-you.txt.j2, close-the-loop.txt.j2, keep-in-touch.txt.j2, "
     "post-offer-request.txt.j2."),
    ("thank-you.txt.j2", b"Subject: \xff\n",
     "site_overrides/emails/thank-you.txt.j2:1:1: warning: cannot be read: not UTF-8 text; "
     "the shipped template is used instead"),
])
def test_a_template_that_does_not_work_is_a_located_warning(
        tmp_path: Path, file_name: str, text: str | bytes, expected: str) -> None:
    kit = copy_example_kit(tmp_path / "kit")
    write(kit, f"site_overrides/emails/{file_name}", text)
    result = run_check(kit)
    assert_clean_exit(result, 0)
    assert diagnostic_lines(result) == [expected]


def test_a_failure_with_this_interviews_values_is_located_at_the_interview(
        tmp_path: Path) -> None:
    kit = copy_example_kit(tmp_path / "kit")
    # Fine with the sample values; fails for Marcus, whose contact has no `how_we_met`.
    path = kit / "content" / "contacts" / "marcus-chen.yml"
    path.write_text("\n".join(line for line in path.read_text("utf-8").splitlines()
                              if not line.startswith("how_we_met:")) + "\n", encoding="utf-8")
    write(kit, "site_overrides/emails/thank-you.txt.j2",
          "Subject: Hi\n\nWe met: {{ contact.how_we_met.upper() }}\n")
    result = run_check(kit)
    assert_clean_exit(result, 0)
    [line] = diagnostic_lines(result)
    assert line.startswith("content/interviews/marcus-chen-ux-path.yml:2:1: warning: the "
                           "thank-you note could not be written from "
                           "site_overrides/emails/thank-you.txt.j2: ")


# ---------------------------------------------------------------------------------------------
# Checks before sending


def test_the_example_kit_has_no_email_warnings(tmp_path: Path) -> None:
    result = run_check(copy_example_kit(tmp_path / "kit"))
    assert_clean_exit(result, 0)
    assert diagnostic_lines(result) == []


def test_a_thank_you_with_no_takeaway_to_name_is_a_warning(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PREPKIT_TODAY", "2026-12-05")  # Dr. Okafor's conversation was held
    kit = copy_example_kit(tmp_path / "kit")
    result = run_check(kit)
    assert_clean_exit(result, 0)
    assert ("content/interviews/helen-okafor-biostatistics.yml:2:1: warning: to_share: the "
            "thank-you note still has a blank to fill in, [something you learned from them]: "
            "add what you are glad to tell them under 'to_share' in this interview's file "
            "(drafts never quote your private notes or takeaways)") in diagnostic_lines(result)
    strict = run_check(kit, "--strict")
    assert_clean_exit(strict, 1)


def test_the_warning_is_shown_on_the_prep_page_too(tmp_path: Path) -> None:
    site = build_kit(copy_example_kit(tmp_path / "kit"), today="2026-12-05", strict=False)
    page = article(read_page(site, "interviews/helen-okafor-biostatistics"))
    [warning] = [e for e in page.section("prep-emails") if "admonition" in e.classes]
    assert "warning" in warning.classes
    assert warning.find("p", class_="admonition-title").text == "Before you send"
    assert ("the thank-you note still has a blank to fill in, "
            "[something you learned from them]") in warning.text


def test_an_outreach_email_over_the_word_limit_is_a_warning(tmp_path: Path) -> None:
    kit = copy_example_kit(tmp_path / "kit")
    kit_yml = kit / "content" / "kit.yml"
    kit_yml.write_text(kit_yml.read_text("utf-8").replace(
        "  outreach_word_limit: 75", "  outreach_word_limit: 40"), encoding="utf-8")
    # Tia's outreach (family: no pitch) is about 60 words, Sam's (friend) about 50.
    result = run_check(kit)
    assert_clean_exit(result, 0)
    lines = diagnostic_lines(result)
    assert len(lines) == 2
    assert lines[0].startswith("content/interviews/sam-patel-city-data-office.yml:2:1: "
                               "warning: outreach: the first outreach email is ")
    assert lines[0].endswith(" words; keep it to 40 (rules.outreach_word_limit) by "
                             "shortening owner.pitch in kit.yml or the template")


def test_a_linkedin_note_over_the_limit_is_a_warning(tmp_path: Path) -> None:
    kit = copy_example_kit(tmp_path / "kit")
    kit_yml = kit / "content" / "kit.yml"
    kit_yml.write_text(kit_yml.read_text("utf-8").replace(
        "  linkedin_note_limit: 300", "  linkedin_note_limit: 100"), encoding="utf-8")
    write(kit, "content/interviews/kevin-ng-state-health.yml",
          "contact: kevin-ng\nquestion_sets: [tiara]\noutreach:\n  channel: linkedin\n")
    result = run_check(kit)
    assert_clean_exit(result, 0)
    [line] = diagnostic_lines(result)
    assert line.startswith("content/interviews/kevin-ng-state-health.yml:4:12: warning: "
                           "outreach.channel: the LinkedIn connection note is ")
    assert line.endswith(" characters; LinkedIn takes 100 (rules.linkedin_note_limit), so "
                         "shorten it")


def test_a_referral_without_a_referrer_is_a_blank_to_fill(tmp_path: Path) -> None:
    kit = copy_example_kit(tmp_path / "kit")
    write(kit, "content/contacts/kevin-ng.yml",
          "name: Kevin Ng\nrelationship: referral\nfields: [public-health]\n")
    write(kit, "content/interviews/kevin-ng-state-health.yml",
          "contact: kevin-ng\nquestion_sets: [tiara]\n")
    result = run_check(kit)
    assert_clean_exit(result, 0)
    assert diagnostic_lines(result) == [
        "content/interviews/kevin-ng-state-health.yml:1:10: warning: contact: the first "
        "outreach email still has a blank to fill in, [who referred you]: add 'referred_by: "
        "<contact id>' to the contact's file"]


def test_brackets_typed_in_the_kit_are_not_blanks(tmp_path: Path) -> None:
    kit = copy_example_kit(tmp_path / "kit")
    path = kit / "content" / "interviews" / "marcus-chen-ux-path.yml"
    path.write_text(path.read_text("utf-8").replace(
        "  - Build one end-to-end usability study for my portfolio, ideally with real users",
        '  - "[Portfolio] Build one usability study"'), "utf-8")
    result = run_check(kit)
    assert_clean_exit(result, 0)
    assert diagnostic_lines(result) == []
