"""Packets laid out by Typst: text from a kit never runs, and every PDF is reproducible,
tagged and drawn with the fonts that come with Typst."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pypdf
import pytest
from conftest import REPO_ROOT, assert_clean_exit, write
from test_packets import (
    HELD_WITH_NOTES,
    SCHEDULED,
    TODAY,
    flat,
    loaded,
    page_texts,
    private_values,
    read_pdf,
    run_packets,
    snapshot,
    squeezed,
)

from generator.errors import PrepkitError
from generator.packets import pdf

# Strings that mean something to Typst's markup or code, and to Markdown.
HOSTILE = [
    '#eval("str(1234 * 1000)")',
    '#import "@preview/cetz:0.3.0": *',
    '#read("/etc/passwd")',
    "#set page(width: 3cm)",
    "#pagebreak()",
    '#{ panic("boom") }',
    "]) ] [ } {",
    "$x^2 + y_1$",
    "*not bold* _not italic_",
    "@label and <label>",
    "back\\slash \\u{41} \\#",
    "// not a comment /* nor this */",
    "= not a heading",
    "`not raw`",
    "~ -- --- ... 'quotes' \"double\"",
]
# What evaluating any of them would have shown.
EVALUATED = ["1234000", "root:x:0"]  # (and `panic` would have stopped the printing)


def without_spaces(text: str) -> str:
    """Text without any whitespace: a line may break after a `/` or `]` as well."""
    return re.sub(r"\s+", "", text)


def as_yaml(data: dict[str, Any]) -> str:
    """A YAML file for `data`: JSON is YAML, and quotes every string the same way."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def hostile_kit(kit: Path) -> list[str]:
    """Puts the hostile strings into every kind of text a packet shows; returns them with the
    private ones last."""
    name = "Ann " + HOSTILE[0]
    write(kit, "content/contacts/priya-natarajan.yml", as_yaml({
        "name": name,
        "title": HOSTILE[1],
        "organization": HOSTILE[2],
        "fields": ["data-science"],
        "relationship": "former-employer",
        "how_we_met": HOSTILE[3],
        "email": "priya@example.com",
        # (a `#` that starts a Markdown line makes a heading: these start with a word)
        "background": "\n\n".join([f"See {HOSTILE[4]}", f"- item {HOSTILE[5]}",
                                     f"**{HOSTILE[6]}**"]),
        "private_notes": HOSTILE[14] + " " + HOSTILE[13],
    }))
    interview = kit / f"content/interviews/{SCHEDULED}.yml"
    text = interview.read_text(encoding="utf-8")
    text = text.replace("How did the readmission model change the way the clinics work?",
                        json.dumps(HOSTILE[7]))
    text = text.replace('"How did you get clinicians to trust the model?"',
                        json.dumps(HOSTILE[8]))
    text = text.replace("  - Understand the day-to-day of a data scientist in healthcare",
                        f"  - {json.dumps(HOSTILE[9])}\n  - {json.dumps(HOSTILE[10])}")
    text += f"notes: {json.dumps(HOSTILE[11])}\ntakeaways: [{json.dumps(HOSTILE[12])}]\n"
    write(kit, f"content/interviews/{SCHEDULED}.yml", text)
    return [name, *HOSTILE[1:11]]


def test_text_from_the_kit_is_printed_as_typed_and_never_runs(tmp_path, example_kit):
    shown = hostile_kit(example_kit)
    private = [HOSTILE[14], HOSTILE[13], HOSTILE[11], HOSTILE[12]]
    result = run_packets(example_kit, "--interview", SCHEDULED, "--out", str(tmp_path / "out"))
    assert_clean_exit(result, 0)
    packet = tmp_path / "out" / f"{SCHEDULED}.pdf"
    texts = page_texts(packet)
    whole = without_spaces(" ".join(texts))
    for text in [*shown, *private]:
        assert without_spaces(text) in whole, text
    for evaluated in EVALUATED:
        assert evaluated not in whole
    assert f"Conversation with Ann {HOSTILE[0]}" in texts[0]
    assert f"Page 1 of {len(texts)}" in texts[0]
    for page in read_pdf(packet).pages:  # no `#set page(...)` took effect
        assert (round(page.mediabox.width), round(page.mediabox.height)) == (612, 792)
    assert read_pdf(packet).metadata.title == f"Prep packet: conversation with Ann {HOSTILE[0]}"

    public_dir = tmp_path / "public"
    result = run_packets(example_kit, "--public", "--interview", SCHEDULED,
                         "--out", str(public_dir))
    assert_clean_exit(result, 0)
    public = without_spaces(" ".join(page_texts(public_dir / f"{SCHEDULED}.pdf")))
    for text in shown:
        assert without_spaces(text) in public, text
    for text in private:
        assert without_spaces(text) not in public, text


def test_a_hostile_kit_makes_a_booklet_with_every_question(tmp_path, example_kit):
    hostile_kit(example_kit)
    result = run_packets(example_kit, "--booklet", "--out", str(tmp_path / "out"))
    assert_clean_exit(result, 0)
    texts = page_texts(tmp_path / "out" / "booklet.pdf")
    contents = texts[0]
    page = int(re.search(rf"{re.escape(HOSTILE[0])}\W*page (\d+)", contents).group(1))
    assert f"Conversation with Ann {HOSTILE[0]}" in texts[page - 1]
    kit, relations = loaded(example_kit)
    whole = without_spaces(" ".join(texts))
    for interview_id in ("priya-natarajan-health-data-science", "rachel-kim-internship-offer"):
        for item in relations.interviews[interview_id].agenda:
            assert without_spaces(item.question.text) in whole
    assert kit.contacts["priya-natarajan"].name == f"Ann {HOSTILE[0]}"


# --- reproducible ---------------------------------------------------------------------------

def test_the_same_kit_and_day_give_the_same_bytes(tmp_path, example_kit):
    first, second, later = tmp_path / "first", tmp_path / "second", tmp_path / "later"
    for folder in (first, second):
        assert_clean_exit(run_packets(example_kit, "--out", str(folder)), 0)
        assert_clean_exit(run_packets(example_kit, "--booklet", "--out", str(folder)), 0)
    assert snapshot(first) == snapshot(second)
    assert len(snapshot(first)) == 11
    created = read_pdf(first / f"{SCHEDULED}.pdf").metadata.creation_date
    assert created == datetime(2026, 11, 25, tzinfo=UTC)
    # another day is another creation date (and maybe other stages and due dates)
    assert_clean_exit(run_packets(example_kit, "--today", "2026-11-26", "--interview",
                                  SCHEDULED, "--out", str(later)), 0)
    assert read_pdf(later / f"{SCHEDULED}.pdf").metadata.creation_date == \
        datetime(2026, 11, 26, tzinfo=UTC)


def test_another_process_prints_the_same_bytes(tmp_path, example_kit):
    assert_clean_exit(run_packets(example_kit, "--interview", SCHEDULED, "--out",
                                  str(tmp_path / "here")), 0)
    subprocess.run([sys.executable, "-m", "generator", "packets", "-f",
                    str(example_kit / "mkdocs.yml"), "--today", TODAY.isoformat(),
                    "--interview", SCHEDULED, "--out", str(tmp_path / "there")],
                   check=True, cwd=REPO_ROOT, capture_output=True, timeout=300)
    assert (tmp_path / "here" / f"{SCHEDULED}.pdf").read_bytes() == \
        (tmp_path / "there" / f"{SCHEDULED}.pdf").read_bytes()


# --- accessible -----------------------------------------------------------------------------

def test_a_packet_is_tagged_pdf_ua_with_its_title_author_and_language(tmp_path, example_kit):
    assert_clean_exit(run_packets(example_kit, "--interview", SCHEDULED, "--out",
                                  str(tmp_path / "out")), 0)
    reader = read_pdf(tmp_path / "out" / f"{SCHEDULED}.pdf")
    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"].value is True
    assert "/StructTreeRoot" in catalog
    assert catalog["/Lang"] == "en"
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    xmp = catalog["/Metadata"].get_object().get_data()
    assert re.search(rb"pdfuaid:part[^0-9]{0,20}1", xmp)
    assert reader.metadata.title == "Prep packet: conversation with Priya Natarajan"
    assert reader.metadata.author == "Alex Rivera"
    # headings become the outline: the packet's sections can be jumped to
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert outline == ["Conversation with Priya Natarajan"]
    sections = [item.title for item in reader.outline[1] if not isinstance(item, list)]
    assert sections[:3] == ["At a glance", "Goals", "About Priya Natarajan"]


def font_names(reader: pypdf.PdfReader) -> set[str]:
    names = set()
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font", {})
        for font in fonts.values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            described = descendants[0].get_object() if descendants else font
            descriptor = described["/FontDescriptor"].get_object()
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            names.add(str(font["/BaseFont"]).split("+", 1)[-1])
    return names


def test_only_the_fonts_built_into_typst_are_used_and_embedded(tmp_path, example_kit):
    assert_clean_exit(run_packets(example_kit, "--out", str(tmp_path / "out")), 0)
    used: set[str] = set()
    for path in (tmp_path / "out").glob("*.pdf"):
        used |= font_names(read_pdf(path))
    assert used
    # Libertinus Serif is not a system font here: it can only come with Typst
    assert all(name.startswith(("LibertinusSerif", "DejaVuSansMono", "NewCM"))
               for name in used), used


# --- layout ---------------------------------------------------------------------------------

def test_question_cards_and_checklists_are_never_split_across_pages(tmp_path, example_kit):
    assert_clean_exit(run_packets(example_kit, "--out", str(tmp_path / "out")), 0)
    _, relations = loaded(example_kit)
    for interview_id, facts in relations.interviews.items():
        packet = tmp_path / "out" / f"{interview_id}.pdf"
        texts = [without_spaces(text) for text in page_texts(packet)]
        for item in facts.agenda:
            question = without_spaces(item.question.text)
            [page] = [text for text in texts if question in text]
            for follow_up in item.question.follow_ups:
                assert without_spaces(follow_up) in page, (interview_id, follow_up)
        [checklists] = [text for text in texts if "Checklists" in text]
        for label in ("Before", "During", "After", "Takenotes",
                      "Recordyournotesandtakeawaysinthisinterview'sfile"):
            assert label in checklists, (interview_id, label)


def test_the_notes_page_is_lined_and_ends_with_the_draft(tmp_path, example_kit):
    assert_clean_exit(run_packets(example_kit, "--interview", SCHEDULED, "--interview",
                                  HELD_WITH_NOTES, "--out", str(tmp_path / "out")), 0)
    for interview_id in (SCHEDULED, HELD_WITH_NOTES):
        reader = read_pdf(tmp_path / "out" / f"{interview_id}.pdf")
        last = flat(reader.pages[-1].extract_text())
        assert last.startswith("Notes: conversation with")
        # many ruled lines, drawn as artifacts (a screen reader skips them)
        assert reader.pages[-1].get_contents().get_data().count(b"/Artifact") >= 20
    scheduled_last = page_texts(tmp_path / "out" / f"{SCHEDULED}.pdf")[-1]
    assert "a draft to finish after the conversation" in scheduled_last


def test_public_packets_hold_no_private_value_in_text_or_metadata(tmp_path, example_kit):
    assert_clean_exit(run_packets(example_kit, "--public", "--out", str(tmp_path / "out")), 0)
    kit, relations = loaded(example_kit)
    secrets = private_values(kit)
    for interview_id in kit.interviews:
        texts = page_texts(tmp_path / "out" / f"{interview_id}.pdf")
        whole = squeezed(" ".join(texts))
        for secret in secrets:
            assert squeezed(secret) not in whole, (interview_id, secret)
        for item in relations.interviews[interview_id].agenda:
            assert flat(item.question.text) in " ".join(texts)
        # nor in the document's metadata
        metadata = read_pdf(tmp_path / "out" / f"{interview_id}.pdf").metadata
        assert all(squeezed(secret) not in squeezed(str(value)) for secret in secrets
                   for value in metadata.values())


def test_a_template_error_is_a_plain_error_that_asks_for_a_report():
    data = {"kind": "packet", "paper": "a4", "lang": "en", "author": "A", "title": "T",
            "packets": []}
    with pytest.raises(PrepkitError, match=r"(?s)a packet could not be printed: .*this is a bug"):
        pdf.data_to_pdf(data, today=TODAY)


def test_a_name_the_built_in_fonts_cannot_show_still_prints_tagged(tmp_path, example_kit):
    contact = example_kit / "content/contacts/priya-natarajan.yml"
    write(example_kit, "content/contacts/priya-natarajan.yml", contact.read_text(
        encoding="utf-8").replace("name: Priya Natarajan", "name: 李雷 Li Lei"))
    result = run_packets(example_kit, "--interview", SCHEDULED, "--out", str(tmp_path / "out"))
    assert_clean_exit(result, 0)
    reader = read_pdf(tmp_path / "out" / f"{SCHEDULED}.pdf")
    assert "Li Lei" in flat(reader.pages[0].extract_text())
    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"].value is True
    assert catalog["/Lang"] == "en"
    # the empty boxes PDF/UA forbids: this packet does not claim it
    assert b"pdfuaid" not in catalog["/Metadata"].get_object().get_data()
