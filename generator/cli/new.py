"""`prepkit new KIND ID`: start a new content file, commented and valid; never overwrite one."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, get_args

import click

from generator.authoring.scaffold import (
    DEFAULT_QUESTION_SET,
    EXAMPLE_QUESTION,
    KINDS,
    Kind,
    contact_text,
    employer_text,
    field_text,
    interview_text,
    questions_text,
    validate_values,
)
from generator.cli.options import config_file_option
from generator.errors import PrepkitError
from generator.model import CareerField, Contact, Employer, Entity, Interview, QuestionSet
from generator.model.types import is_slug
from generator.output import Fence, write_new_file
from generator.read.content import ENTITY_FOLDERS, YAML_SUFFIXES, display_path, suggested_id
from generator.read.settings import locate_kit
from generator.read.validate import did_you_mean

EntityT = TypeVar("EntityT", bound=Entity)
F = TypeVar("F", bound=Callable[..., Any])


class _KindGroup(click.Group):
    """`prepkit new` with an unknown kind says which kinds there are, with a suggestion."""

    def resolve_command(self, ctx: click.Context, args: list[str]
                        ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            raise PrepkitError(f"prepkit new: {args[0]!r} is not a kind of file"
                               f"{did_you_mean(args[0], self.commands)} The kinds are "
                               f"{', '.join(KINDS)}.")
        return super().resolve_command(ctx, args)


@click.group(cls=_KindGroup)
def new() -> None:
    """Start a new content file: a contact, a career field, an employer, a question set or an
    interview.

    The file is written to content/<folder>/<ID>.yml with a comment on every key, and
    passes `prepkit check` as written. An existing file is never overwritten.

    \b
    Example:
      prepkit new contact jane-doe --name "Jane Doe" --relationship alumni
      prepkit new employer acme-health --name "Acme Health" --motivation 3 --postings 2
      prepkit new interview jane-doe-2027-01 --contact jane-doe --at 2027-01-15T10:00
    """


@dataclass
class _NewFile:
    """The file being created, what the kit already holds, and the problems found so far."""

    kind: Kind
    entity_id: str
    path: Path
    known: dict[str, list[str]]
    fence: Fence
    problems: list[str] = field(default_factory=list)

    def check_ids(self, option: str, wanted: Iterable[str], folder: str) -> None:
        """Every id given for `option` must name a file in content/<folder>/."""
        known = self.known[folder]
        for wanted_id in wanted:
            if is_slug(wanted_id) and wanted_id not in known:
                self.problems.append(f"{option}: no {KINDS_BY_FOLDER[folder].noun} has the id "
                                     f"{wanted_id!r}{_hint(wanted_id, known, folder)}")

    def check_values(self, model: type[EntityT], data: dict[str, Any],
                     options: dict[str, str]) -> EntityT | None:
        """Validate with the model; report each problem under the option that gave it."""
        validated = validate_values(model, data)
        for problem in validated.problems:
            if problem.code == "missing-key":
                continue  # the required value is asked for, or reported, by create()
            key = problem.key_path.split("[")[0]
            message = problem.message
            if problem.code == "literal_error" and key in model.model_fields:
                value = data.get(key.split(".")[0])
                message += did_you_mean(str(value), get_args(model.model_fields[key].annotation))
            self.problems.append(f"{options.get(key, key)}: {message}")
        return validated.model

    def create(self, model: type[EntityT], data: dict[str, Any], options: dict[str, str],
               required: Required, render: Callable[[EntityT], str]) -> None:
        """Check everything, ask for the required value if needed, then write the file."""
        given = {required.key: required.value} if required.value is not None else {}
        self.check_values(model, {**given, **data}, options)
        if required.value is None and not sys.stdin.isatty():
            self.problems.append(f"{required.option} is missing: {required.what}. Pass it, "
                                 f"like {required.option} {required.example} (prepkit asks "
                                 "for it only in a terminal)")
        self.stop_on_problems()
        value = required.value
        if value is None:  # a terminal: ask, now that nothing else is wrong
            value = str(click.prompt(required.label, default=required.default,
                                     value_proc=required.check or _not_blank))
        entity = self.check_values(model, {required.key: value, **data}, options)
        self.stop_on_problems()
        assert entity is not None, "no problems means a model"
        self.write(render(entity))

    def stop_on_problems(self) -> None:
        if self.problems:
            raise PrepkitError("\n".join([*self.problems, f"{display_path(self.path)} was "
                                          "not written."]))

    def write(self, text: str) -> None:
        shown = display_path(self.path)
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:
            raise PrepkitError(f"{shown} was not written: an option's value is not valid "
                               "UTF-8 text") from None
        write_new_file(self.path, data, fence=self.fence, what=f"a new {self.kind.noun}")
        click.echo(f"Created {shown}. Edit it to fill in the rest, then run 'prepkit check'.")


@dataclass(frozen=True)
class Required:
    """The one value a kind of file cannot do without, and how to ask for it."""

    key: str
    value: str | None
    option: str
    what: str
    example: str
    label: str
    default: str | None
    check: Callable[[str], str] | None = None


KINDS_BY_FOLDER = {kind.folder: kind for kind in KINDS.values()}


def _start(kind_name: str, entity_id: str, config_file: Path) -> _NewFile:
    """Where the new file goes; refuses a bad id or one that is taken."""
    kind = KINDS[kind_name]
    location = locate_kit(config_file)
    content_dir = location.content_dir
    if not content_dir.is_dir():
        raise PrepkitError(f"{display_path(content_dir)}: content folder not found; create a "
                           "kit with 'prepkit init DIR' or pass -f path/to/mkdocs.yml")
    if not is_slug(entity_id):
        raise PrepkitError(f"{entity_id!r} is not an id; ids are lowercase letters, digits and "
                           f"single hyphens, like {suggested_id(entity_id)!r}")
    folder = content_dir / kind.folder
    for suffix in YAML_SUFFIXES:
        existing = folder / f"{entity_id}{suffix}"
        if existing.exists():
            raise PrepkitError(f"{display_path(existing)}: a {kind.noun} with the id "
                               f"{entity_id!r} already exists; nothing was written. Choose "
                               "another id, or edit that file.")
    known = {name: _ids_in(content_dir / name) for name in ENTITY_FOLDERS}
    return _NewFile(kind, entity_id, folder / f"{entity_id}.yml", known, location.fence)


def _ids_in(folder: Path) -> list[str]:
    if not folder.is_dir():
        return []
    return sorted({path.stem for path in folder.iterdir() if path.suffix in YAML_SUFFIXES
                   and not path.name.startswith(".")})


def _hint(wanted: str, known: list[str], folder: str) -> str:
    close = did_you_mean(wanted, known)
    if close:
        return close
    if not known:
        return (f" (there are none yet; create one with "
                f"'prepkit new {KINDS_BY_FOLDER[folder].name} ID')")
    return f" (known: {', '.join(known)})" if len(known) <= 8 else ""


def _ids(values: tuple[str, ...]) -> list[str]:
    """`--fields a,b --fields c` -> [a, b, c], without repeats."""
    found = [part.strip() for value in values for part in value.split(",") if part.strip()]
    return list(dict.fromkeys(found))


def _not_blank(text: str) -> str:
    if not text.strip():
        raise click.BadParameter("type something, or press Ctrl+C to stop")
    return text.strip()


def _title_from(entity_id: str) -> str:
    return entity_id.replace("-", " ").title()


def _kit_options(function: F) -> F:
    function = config_file_option(function)
    return click.argument("entity_id", metavar="ID")(function)


@new.command()
@_kit_options
@click.option("--name", help="Their full name (asked for in a terminal when left out).")
@click.option("--title", help="Their job title.")
@click.option("--organization", help="Where they work.")
@click.option("--relationship", help="How you know them, like alumni or former-employer.")
@click.option("--employer", "employer_id", metavar="ID",
              help="Id of the target employer they work at.")
@click.option("--fields", "fields", multiple=True, metavar="IDS",
              help="Ids of their career fields, comma-separated.")
def contact(entity_id: str, config_file: Path, name: str | None, title: str | None,
            organization: str | None, relationship: str | None, fields: tuple[str, ...],
            employer_id: str | None) -> None:
    """Start content/contacts/ID.yml: a person to talk to.

    \b
    Example:
      prepkit new contact jane-doe --name "Jane Doe" --fields data-science
    """
    new_file = _start("contact", entity_id, config_file)
    field_ids = _ids(fields)
    new_file.check_ids("--fields", field_ids, "fields")
    new_file.check_ids("--employer", [employer_id] if employer_id else [], "employers")
    data: dict[str, Any] = {"title": title, "organization": organization,
                            "employer": employer_id, "relationship": relationship,
                            "fields": field_ids}
    data = {key: value for key, value in data.items() if value not in (None, [])}
    options = {"name": "--name", "title": "--title", "organization": "--organization",
               "relationship": "--relationship", "fields": "--fields",
               "employer": "--employer"}
    new_file.create(Contact, data, options, Required(
        "name", name, "--name", "a contact needs a name", '"Jane Doe"', "Their full name",
        _title_from(entity_id)), lambda model: contact_text(
            model, entity_id=entity_id, known=new_file.known))


@new.command(name="field")
@_kit_options
@click.option("--name", help="The field's name (asked for in a terminal when left out).")
def career_field(entity_id: str, config_file: Path, name: str | None) -> None:
    """Start content/fields/ID.yml: a career field to research.

    \b
    Example:
      prepkit new field data-engineering --name "Data Engineering"
    """
    new_file = _start("field", entity_id, config_file)
    new_file.create(CareerField, {}, {"name": "--name"}, Required(
        "name", name, "--name", "a career field needs a name", '"Data Engineering"',
        "The field's name", _title_from(entity_id)), lambda model: field_text(
            model, entity_id=entity_id))


@new.command()
@_kit_options
@click.option("--name", help="The employer's name (asked for in a terminal when left out).")
@click.option("--motivation", metavar="0-3", help="How much you want to work there, 0 to 3.")
@click.option("--postings", metavar="0-3", help="How many relevant postings they have, 0 to 3.")
def employer(entity_id: str, config_file: Path, name: str | None, motivation: str | None,
             postings: str | None) -> None:
    """Start content/employers/ID.yml: a target employer for your LAMP list.

    \b
    Example:
      prepkit new employer acme-health --name "Acme Health" --motivation 3 --postings 2
    """
    new_file = _start("employer", entity_id, config_file)
    data = {key: value for key, value in (("motivation", motivation), ("postings", postings))
            if value is not None}
    new_file.create(Employer, data, {"name": "--name", "motivation": "--motivation",
                                     "postings": "--postings"}, Required(
        "name", name, "--name", "an employer needs a name", '"Acme Health"',
        "The employer's name", _title_from(entity_id)), lambda model: employer_text(
            model, entity_id=entity_id))


@new.command()
@_kit_options
@click.option("--title", help="The set's title (asked for in a terminal when left out).")
@click.option("--kind", help="exploratory (the default) or post-offer.")
def questions(entity_id: str, config_file: Path, title: str | None, kind: str | None) -> None:
    """Start content/questions/ID.yml: a reusable question set.

    It starts with one example question to edit; add your own below it.

    \b
    Example:
      prepkit new questions day-to-day --title "The day-to-day work"
    """
    new_file = _start("questions", entity_id, config_file)
    data: dict[str, Any] = {"questions": [{"text": EXAMPLE_QUESTION}]}
    if kind is not None:
        data["kind"] = kind
    new_file.create(QuestionSet, data, {"title": "--title", "kind": "--kind"}, Required(
        "title", title, "--title", "a question set needs a title", '"The day-to-day work"',
        "The set's title", _title_from(entity_id)), lambda model: questions_text(
            model, entity_id=entity_id, known=new_file.known))


@new.command()
@_kit_options
@click.option("--contact", "contact_id", metavar="ID",
              help="Id of the contact (asked for in a terminal when left out).")
@click.option("--field", "field_id", metavar="ID", help="Id of the career field it is about.")
@click.option("--sets", multiple=True, metavar="IDS", help="Ids of question sets, "
              f"comma-separated (default: {DEFAULT_QUESTION_SET}, when the kit has it).")
@click.option("--at", metavar="YYYY-MM-DDTHH:MM", help="When it is, in the kit's timezone.")
@click.option("--duration", metavar="MINUTES", help="The length agreed, in minutes.")
def interview(entity_id: str, config_file: Path, contact_id: str | None, field_id: str | None,
              sets: tuple[str, ...], at: str | None, duration: str | None) -> None:
    """Start content/interviews/ID.yml: one informational interview.

    \b
    Example:
      prepkit new interview jane-doe-2027-01 --contact jane-doe --at 2027-01-15T10:00
    """
    new_file = _start("interview", entity_id, config_file)
    known = new_file.known
    set_ids = _ids(sets) or ([DEFAULT_QUESTION_SET] if DEFAULT_QUESTION_SET in known["questions"]
                             else [])
    new_file.check_ids("--contact", [contact_id] if contact_id else [], "contacts")
    new_file.check_ids("--field", [field_id] if field_id else [], "fields")
    new_file.check_ids("--sets", set_ids, "questions")
    data: dict[str, Any] = {"field": field_id, "question_sets": set_ids or None}
    if duration is not None and at is None:
        new_file.problems.append("--duration: needs --at, the time the interview is scheduled")
    elif at is not None:
        data["scheduled"] = {"at": at, "duration_minutes": duration}
    data = {key: value for key, value in data.items() if value is not None}
    options = {"contact": "--contact", "field": "--field", "question_sets": "--sets",
               "scheduled.at": "--at", "scheduled.duration_minutes": "--duration"}
    contacts = known["contacts"]
    if contact_id is None and not contacts:
        new_file.problems.append("--contact is missing, and the kit has no contacts yet; "
                                 "create one first with 'prepkit new contact ID --name ...'")
        new_file.stop_on_problems()
    guess = max((c for c in contacts if f"{entity_id}-".startswith(f"{c}-")), key=len,
                default=None)
    new_file.create(Interview, data, options, Required(
        "contact", contact_id, "--contact", "an interview needs the id of the contact you are "
        "talking to", guess or contacts[0] if contacts else "ID", "Contact id", guess,
        lambda text: _known_contact(text, contacts)), lambda model: interview_text(
            model, entity_id=entity_id, known=known))


def _known_contact(text: str, contacts: list[str]) -> str:
    wanted = text.strip()
    if wanted not in contacts:
        raise click.BadParameter(f"no contact has the id {wanted!r}"
                                 f"{_hint(wanted, contacts, 'contacts')}")
    return wanted
