"""`prepkit import linkedin|vcard` and `prepkit vcard`: contacts in and out of a kit."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
import vobject
from conftest import assert_clean_exit, run_check, run_prepkit, write

from generator.authoring.contact_imports import make_id

NON_LATIN = ["José Müller", "Zoë Ångström", "李 小龍", "Дмитрий Иванов", "Siobhán Ó Briain"]


def linkedin_export(rows: int = 200) -> tuple[str, dict[str, int]]:
    """A Connections.csv like LinkedIn's: notes first, quoted commas, empty emails,
    non-Latin names and duplicates. Returns the text and the expected counts."""
    out = io.StringIO()
    out.write("Notes:\n\"When exporting your connection data, you may notice that some of the "
              "email addresses are missing.\"\n\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["First Name", "Last Name", "URL", "Email Address", "Company", "Position",
                     "Connected On"])
    duplicates = 0
    for number in range(rows):
        if number % 25 == 24:  # an earlier row again: same URL, another spelling of the name
            writer.writerow(["P.", f"Smith{number}", "https://www.linkedin.com/in/p1/",
                             "", "Acme", "Analyst", "01 Feb 2024"])
            duplicates += 1
            continue
        if number % 40 == 39:  # same email as an earlier row
            writer.writerow(["Other", f"Name{number}", f"https://www.linkedin.com/in/x{number}",
                             "PERSON3@example.com", "", "", "02 Feb 2024"])
            duplicates += 1
            continue
        first, last = (NON_LATIN[number % 5].split(" ", 1) if number % 7 == 0
                       else (f"Person{number}", f"Smith{number}"))
        email = f"person{number}@example.com" if number % 3 == 0 and number % 7 else ""
        writer.writerow([first, last, f"https://www.linkedin.com/in/p{number}", email,
                         "Widgets, Inc.", 'Lead "Data" Analyst, R&D', "15 Mar 2024"])
    return out.getvalue(), {"duplicates": duplicates}


@pytest.fixture
def export_file(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    text, expected = linkedin_export()
    path = tmp_path / "Connections.csv"
    path.write_text(text, encoding="utf-8")
    return path, expected


def _summary(output: str) -> tuple[int, int, int]:
    match = re.search(r"(\d+) (?:would be )?written, (\d+) skipped as duplicates, "
                      r"(\d+) unreadable rows", output)
    assert match, output
    return int(match[1]), int(match[2]), int(match[3])


def test_ids_are_transliterated_and_unique() -> None:
    assert make_id("José Müller", set()) == "jose-muller"
    assert make_id("José Müller", {"jose-muller"}) == "jose-muller-2"
    assert make_id("José Müller", {"jose-muller", "jose-muller-2"}) == "jose-muller-3"
    assert make_id("李 小龍", set()) == "li-xiaolong"
    assert make_id("!!!", set()) == "contact"
    assert make_id("Ben O’Neil", set()) == "ben-oneil"


def test_linkedin_import_of_200_rows_then_again(example_kit: Path,
                                                export_file: tuple[Path, dict[str, int]]) -> None:
    source, expected = export_file
    before = set((example_kit / "content/contacts").iterdir())
    result = run_prepkit("import", "linkedin", str(source), "-f",
                         str(example_kit / "mkdocs.yml"))
    assert_clean_exit(result, 0)
    written, skipped, unreadable = _summary(result.stdout)
    # Rows named like José Müller repeat every 35 rows: later ones are duplicates by name.
    non_latin_repeats = sum(1 for number in range(200)
                            if number % 7 == 0 and number % 25 != 24 and number % 40 != 39) - 5
    assert skipped == expected["duplicates"] + non_latin_repeats
    assert written + skipped == 200 and unreadable == 0
    new_files = set((example_kit / "content/contacts").iterdir()) - before
    assert len(new_files) == written
    jose = (example_kit / "content/contacts/jose-muller.yml").read_text(encoding="utf-8")
    assert jose.startswith("# yaml-language-server: $schema=../../schemas/contact.schema.json\n")
    assert "name: José Müller" in jose
    assert "Lead \"Data\" Analyst, R&D" in jose and "Widgets, Inc." in jose
    assert "how_we_met: Connected on LinkedIn on 15 March 2024." in jose
    assert (example_kit / "content/contacts/li-xiaolong.yml").is_file()
    assert_clean_exit(run_check(example_kit, "--strict"), 0)

    again = run_prepkit("import", "linkedin", str(source), "-f", str(example_kit / "mkdocs.yml"))
    assert_clean_exit(again, 0)
    assert _summary(again.stdout) == (0, 200, 0)
    assert set((example_kit / "content/contacts").iterdir()) - before == new_files


def test_dry_run_writes_nothing(example_kit: Path,
                                export_file: tuple[Path, dict[str, int]]) -> None:
    before = sorted((example_kit / "content/contacts").iterdir())
    result = run_prepkit("import", "linkedin", str(export_file[0]), "--dry-run", "-f",
                         str(example_kit / "mkdocs.yml"))
    assert_clean_exit(result, 0)
    assert "would write" in result.stdout and _summary(result.stdout)[0] > 100
    assert sorted((example_kit / "content/contacts").iterdir()) == before


def test_existing_contacts_and_bad_rows(example_kit: Path, tmp_path: Path) -> None:
    source = tmp_path / "Connections.csv"
    source.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Priya,Natarajan,https://www.linkedin.com/in/someone-else,,Acme Health,,1 Jan 2024\n"
        "Jordan,Leigh,https://www.linkedin.com/in/jordan-lee-example,,Northwind,,1 Jan 2024\n"
        ",,https://www.linkedin.com/in/nobody,,,,\n"
        "Too,Few,columns\n"
        "Null,~,https://www.linkedin.com/in/null,not-an-email,Acme Health,null,\n",
        encoding="utf-8")
    result = run_prepkit("import", "linkedin", str(source), "-f", str(example_kit / "mkdocs.yml"))
    assert_clean_exit(result, 0)
    assert _summary(result.stdout) == (1, 2, 2)
    assert "unreadable rows (lines 4, 5)" in result.stdout
    assert "Connections.csv:6: email 'not-an-email' left out" in result.stdout
    written = (example_kit / "content/contacts/null.yml").read_text(encoding="utf-8")
    assert "employer: acme-health" in written  # linked, so check has nothing to suggest
    assert "title: 'null'" in written
    assert_clean_exit(run_check(example_kit, "--strict"), 0)


def test_a_file_that_is_not_an_export_is_one_clear_error(example_kit: Path,
                                                         tmp_path: Path) -> None:
    source = write(tmp_path, "other.csv", "a,b,c\n1,2,3\n")
    result = run_prepkit("import", "linkedin", str(source), "-f", str(example_kit / "mkdocs.yml"))
    assert_clean_exit(result, 1)
    assert "no header line" in result.output


VCARDS = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Schmidt\r\nN:Schmidt;Anna;;;\r\n"
    "ORG:Acme Health;Analytics\r\nTITLE:Data Engineer\r\nEMAIL;TYPE=INTERNET:anna@example.com\r\n"
    "TEL;TYPE=CELL:+49 30 1234567\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Zoë Ångström\r\nN:Ångström;Zoë;;;\r\n"
    "EMAIL:zoe@example.org\r\nURL:https://www.linkedin.com/in/zoe-example\r\n"
    "TEL;VALUE=uri;TYPE=cell:tel:+1-555-0199\r\n"
    "NOTE:Line one\\, with a comma\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Priya Natarajan\r\nEMAIL:priya@example.com\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:;;;;\r\nEND:VCARD\r\n")


def test_vcard_import_of_v3_and_v4_cards_twice(example_kit: Path, tmp_path: Path) -> None:
    source = write(tmp_path, "contacts.vcf", VCARDS)
    result = run_prepkit("import", "vcard", str(source), "-f", str(example_kit / "mkdocs.yml"))
    assert_clean_exit(result, 0)
    assert _summary(result.stdout) == (2, 1, 1)
    anna = (example_kit / "content/contacts/anna-schmidt.yml").read_text(encoding="utf-8")
    assert "organization: Acme Health" in anna and "employer: acme-health" in anna
    assert "phone: +49 30 1234567" in anna and "email: anna@example.com" in anna
    zoe = (example_kit / "content/contacts/zoe-angstrom.yml").read_text(encoding="utf-8")
    assert "linkedin: https://www.linkedin.com/in/zoe-example" in zoe
    assert "phone: +1-555-0199" in zoe
    assert_clean_exit(run_check(example_kit, "--strict"), 0)
    again = run_prepkit("import", "vcard", str(source), "-f", str(example_kit / "mkdocs.yml"))
    assert _summary(again.stdout) == (0, 3, 1)


def test_vcard_export_private_and_public(example_kit: Path, tmp_path: Path) -> None:
    private, public = tmp_path / "all.vcf", tmp_path / "public.vcf"
    config = str(example_kit / "mkdocs.yml")
    assert_clean_exit(run_prepkit("vcard", "--out", str(private), "-f", config), 0)
    assert_clean_exit(run_prepkit("vcard", "--out", str(public), "--public", "-f", config), 0)
    cards = list(vobject.readComponents(private.read_text(encoding="utf-8")))
    assert len(cards) == 11 and all(card.version.value == "4.0" for card in cards)
    priya = next(card for card in cards if card.fn.value == "Priya Natarajan")
    assert priya.email.value == "priya@example.com" and priya.tel.value == "+1 555 0142"
    assert priya.org.value == ["Acme Health"]
    text = public.read_text(encoding="utf-8")
    assert "Priya Natarajan" in text and "Senior Data Scientist" in text
    for private_value in ("priya@example.com", "555 0142", "linkedin.com", "NOTE", "EMAIL"):
        assert private_value not in text


def test_vcard_export_refuses_the_content_folder(example_kit: Path) -> None:
    inside = example_kit / "content" / "contacts.vcf"
    result = run_prepkit("vcard", "--out", str(inside), "-f", str(example_kit / "mkdocs.yml"))
    assert_clean_exit(result, 2)
    assert not inside.exists()
    assert len(result.output.strip().splitlines()) == 1
    assert "refusing to write the contacts inside the content folder" in result.output
