"""Contacts from elsewhere: LinkedIn's `Connections.csv` and vCard files (version 3 or 4).

Each readable row becomes a new file in content/contacts/, never over an existing one. Ids are
made from names (transliterated to ASCII: 'José Müller' -> 'jose-muller'), with '-2', '-3'...
when taken. A row is a duplicate, and skipped, when its LinkedIn address, email or name is
already a contact's, or an earlier row's. Files are written with a YAML dumper, so every
value is quoted as it needs to be, and each validates as a contact before it is written.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml
from anyascii import anyascii

from generator.authoring.schema import schema_file_name
from generator.derive.employers import same_name
from generator.model import Contact, Employer
from generator.read.validate import validate_document
from generator.read.yaml_source import YamlDocument

LINKEDIN_HEADER = ("First Name", "Last Name", "URL", "Email Address", "Company", "Position",
                   "Connected On")
CONTACT_SCHEMA_LINE = f"# yaml-language-server: $schema=../../schemas/{schema_file_name('contact')}"
_SLUG_RUNS = re.compile(r"[^a-z0-9]+")
MAX_ID_LENGTH = 60


@dataclass(frozen=True)
class Row:
    """One person read from a file: where, and the contact's values (or why it is unreadable)."""

    line: int
    values: dict[str, Any]
    problem: str | None = None


@dataclass
class ImportPlan:
    """What an import writes, skips and cannot read."""

    written: list[tuple[Path, str]] = field(default_factory=list)  # (path, YAML text)
    duplicates: list[tuple[int, str]] = field(default_factory=list)  # (line, why)
    unreadable: list[tuple[int, str]] = field(default_factory=list)  # (line, why)
    dropped: list[tuple[int, str]] = field(default_factory=list)  # values left out, and why

    def summary(self, *, dry_run: bool) -> str:
        verb = "would be written" if dry_run else "written"
        lines = ", ".join(str(line) for line, _ in self.unreadable)
        return (f"{len(self.written)} {verb}, {len(self.duplicates)} skipped as duplicates, "
                f"{len(self.unreadable)} unreadable rows"
                + (f" (lines {lines})" if self.unreadable else "") + ".")


# --- reading ---------------------------------------------------------------------------------

def read_linkedin(text: str) -> list[Row]:
    """Rows of LinkedIn's Connections.csv; 'Notes:' lines before the header are skipped."""
    lines = text.splitlines(keepends=True)
    start = next((index for index, line in enumerate(lines)
                  if line.lstrip("\ufeff").startswith("First Name,")), None)
    if start is None:
        raise ValueError("no header line 'First Name,Last Name,URL,Email Address,Company,"
                         "Position,Connected On' was found; is this LinkedIn's Connections.csv?")
    reader = csv.reader(io.StringIO("".join(lines[start:])))
    header = [name.strip().lstrip("\ufeff") for name in next(reader)]
    rows: list[Row] = []
    for record in reader:
        line = start + reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(header):
            rows.append(Row(line, {}, f"has {len(record)} columns, not {len(header)}"))
            continue
        cells = {name: cell.strip() for name, cell in zip(header, record, strict=True)}
        name = " ".join(part for part in (cells.get("First Name", ""),
                                          cells.get("Last Name", "")) if part)
        if not name:
            rows.append(Row(line, {}, "has no name"))
            continue
        values: dict[str, Any] = {"name": name, "title": cells.get("Position"),
                                  "organization": cells.get("Company"),
                                  "email": cells.get("Email Address"),
                                  "linkedin": cells.get("URL")}
        connected = _linkedin_date(cells.get("Connected On", ""))
        if connected is not None:
            values["how_we_met"] = f"Connected on LinkedIn on {connected:%d %B %Y}."
        rows.append(Row(line, values))
    return rows


def _linkedin_date(text: str) -> date | None:
    for form in ("%d %b %Y", "%d %B %Y", "%Y-%m-%d", "%m/%d/%y", "%m/%d/%Y"):
        try:
            return datetime.strptime(text.strip(), form).date()
        except ValueError:
            continue
    return None


def read_vcards(text: str) -> list[Row]:
    """One row per card of a vCard file (3.0 or 4.0)."""
    import vobject

    rows: list[Row] = []
    starts = [number for number, line in enumerate(text.splitlines(), start=1)
              if line.strip().upper() == "BEGIN:VCARD"]
    try:
        cards = list(vobject.readComponents(text, ignoreUnreadable=True))
    except Exception as error:  # vobject raises many kinds of errors on bad input
        raise ValueError(f"cannot be read as vCards: {error}") from None
    for index, card in enumerate(cards):
        line = starts[index] if index < len(starts) else 0
        rows.append(_card_row(card, line))
    return rows


def _card_row(card: Any, line: int) -> Row:
    def first(key: str) -> Any:
        found = card.contents.get(key)
        return found[0].value if found else None

    name = first("fn")
    if not name and first("n") is not None:
        parts = first("n")
        name = " ".join(part for part in (str(parts.given), str(parts.family)) if part)
    if not isinstance(name, str) or not name.strip():
        return Row(line, {}, "has no name (FN)")
    organization = first("org")
    if isinstance(organization, list):
        organization = organization[0] if organization else None
    urls = [str(item.value) for item in card.contents.get("url", [])]
    values: dict[str, Any] = {
        "name": name.strip(), "title": first("title"), "organization": organization,
        "email": first("email"), "phone": first("tel"),
        "linkedin": next((url for url in urls if "linkedin." in url.lower()), None)}
    phone = values["phone"]
    if isinstance(phone, str) and phone.lower().startswith("tel:"):  # vCard 4 writes a URI
        values["phone"] = phone[4:]
    return Row(line, {key: value.strip() if isinstance(value, str) else value
                      for key, value in values.items()})


# --- planning --------------------------------------------------------------------------------

def make_id(name: str, taken: set[str]) -> str:
    """'José Müller' -> 'jose-muller'; '-2', '-3'... when the id is taken."""
    ascii_name = anyascii(name).lower().replace("'", "")  # O'Neil -> oneil
    base = _SLUG_RUNS.sub("-", ascii_name).strip("-")[:MAX_ID_LENGTH].strip("-")
    base = base or "contact"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def _key(text: str | None) -> str:
    return " ".join(anyascii(text or "").casefold().split())


@dataclass
class _Seen:
    urls: set[str] = field(default_factory=set)
    emails: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)

    def duplicate(self, values: dict[str, Any]) -> str | None:
        url = _key(values.get("linkedin")).rstrip("/")
        email = _key(values.get("email"))
        if url and url in self.urls:
            return "same LinkedIn address"
        if email and email in self.emails:
            return "same email"
        if _key(values.get("name")) in self.names:
            return "same name"
        return None

    def add(self, values: dict[str, Any]) -> None:
        for target, key in ((self.urls, "linkedin"), (self.emails, "email"),
                            (self.names, "name")):
            text = _key(values.get(key)).rstrip("/")
            if text:
                target.add(text)


def plan_import(rows: Iterable[Row], *, existing: dict[str, Contact],
                employers: dict[str, Employer], taken_ids: set[str],
                contacts_dir: Path) -> ImportPlan:
    """Decide each row: a new file, a duplicate, or unreadable. Nothing is written here."""
    plan = ImportPlan()
    seen = _Seen()
    for contact in existing.values():
        seen.add({"name": contact.name, "email": contact.email, "linkedin": contact.linkedin})
    taken = set(taken_ids)
    for row in rows:
        if row.problem is not None:
            plan.unreadable.append((row.line, row.problem))
            continue
        values = {key: value for key, value in row.values.items() if value}
        why = seen.duplicate(values)
        if why is not None:
            plan.duplicates.append((row.line, f"{values['name']}: {why}"))
            continue
        data = _valid_contact(values, row.line, plan)
        if data is None:
            continue
        seen.add(values)
        entity_id = make_id(data["name"], taken)
        taken.add(entity_id)
        employer = _employer_for(data.get("organization"), employers)
        if employer is not None:
            data["employer"] = employer
        plan.written.append((contacts_dir / f"{entity_id}.yml", contact_yaml(data)))
    return plan


def _valid_contact(values: dict[str, Any], line: int, plan: ImportPlan) -> dict[str, Any] | None:
    """The values as a contact file would hold them; a value that does not validate (an email
    that is not one) is left out and reported, and a row whose name fails is unreadable."""
    data = {"relationship": "other", **values}
    for _ in range(len(data)):
        document = YamlDocument(path=Path("import"), display="import", data=data)
        checked = validate_document(Contact, document)
        if checked.model is not None:
            return data
        broken = {problem.key_path.split(".")[0].split("[")[0] for problem in checked.problems}
        if "name" in broken:
            plan.unreadable.append((line, "its name is not usable as text"))
            return None
        for key in broken:
            plan.dropped.append((line, f"{key} {data.pop(key, '')!r} left out: not valid"))
    plan.unreadable.append((line, "does not make a valid contact"))
    return None


def _employer_for(organization: str | None, employers: dict[str, Employer]) -> str | None:
    if not organization:
        return None
    return next((employer.id for employer in employers.values()
                 if same_name(organization, employer.name)), None)


_KEY_ORDER = ("name", "title", "organization", "employer", "relationship", "how_we_met",
              "email", "linkedin", "phone")


def contact_yaml(values: dict[str, Any]) -> str:
    """A contact file: the schema line, then the values through a YAML dumper."""
    ordered = {key: values[key] for key in _KEY_ORDER if key in values}
    body = yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False, width=1000,
                          default_flow_style=False)
    return f"{CONTACT_SCHEMA_LINE}\n{body}"
