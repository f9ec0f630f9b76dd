"""`prepkit import linkedin|vcard FILE` and `prepkit vcard --out FILE`: contacts in and out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from generator.authoring.contact_imports import (
    ImportPlan,
    Row,
    plan_import,
    read_linkedin,
    read_vcards,
)
from generator.cli.options import config_file_option
from generator.errors import PrepkitError, errors_in
from generator.output import kit_lock, write_new_file, write_single_file
from generator.prepare import prepare
from generator.read.content import display_path, read_content
from generator.read.settings import KitLocation, locate_kit
from generator.render.vcard import is_prepkit_vcard, vcards

MAX_INPUT_BYTES = 20 * 1024 * 1024


@click.group(name="import")
def import_contacts() -> None:
    """Add contacts from a LinkedIn export or a vCard file.

    New contact files are written to content/contacts/; an existing file is never
    overwritten, and people already in the kit (same LinkedIn address, email or name) are
    skipped. Run with --dry-run first to see what would be written.

    \b
    Example:
      prepkit import linkedin Connections.csv --dry-run
      prepkit import vcard contacts.vcf
    """


def _import_options(function: Callable[..., None]) -> Callable[..., None]:
    function = click.option("--dry-run", is_flag=True,
                            help="Show what would be written; write nothing.")(function)
    function = config_file_option(function)
    return click.argument("source", metavar="FILE",
                          type=click.Path(dir_okay=False, path_type=Path))(function)


@import_contacts.command()
@_import_options
def linkedin(source: Path, config_file: Path, dry_run: bool) -> None:
    """Import LinkedIn's Connections.csv (Settings, Data privacy, Get a copy of your data).

    \b
    Example:
      prepkit import linkedin ~/Downloads/Connections.csv --dry-run
    """
    _run_import(source, config_file, dry_run, read_linkedin)


@import_contacts.command(name="vcard")
@_import_options
def vcard_import(source: Path, config_file: Path, dry_run: bool) -> None:
    """Import a vCard file (.vcf, version 3 or 4) exported from a phone or address book.

    \b
    Example:
      prepkit import vcard contacts.vcf
    """
    _run_import(source, config_file, dry_run, read_vcards)


def _read_input(source: Path) -> str:
    shown = display_path(source)
    if not source.is_file():
        raise PrepkitError(f"{shown}: not found, or not a regular file")
    if source.stat().st_size > MAX_INPUT_BYTES:
        raise PrepkitError(f"{shown}: larger than 20 MB; is it the right file?")
    try:
        return source.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise PrepkitError(f"{shown}: not UTF-8 text; export it again as UTF-8") from None
    except OSError as error:
        raise PrepkitError(f"{shown}: cannot be read: {error.strerror}") from None


def _run_import(source: Path, config_file: Path, dry_run: bool,
                reader: Callable[[str], list[Row]]) -> None:
    location = locate_kit(config_file)
    text = _read_input(source)
    try:
        rows = reader(text)
    except ValueError as error:
        raise PrepkitError(f"{display_path(source)}: {error}") from None
    loaded = read_content(location.content_dir)
    if loaded.kit is None:
        raise PrepkitError(f"{display_path(location.content_dir)}: not a kit's content folder")
    contacts_dir = location.content_dir / "contacts"
    taken = {path.stem for path in contacts_dir.glob("*")} if contacts_dir.is_dir() else set()
    plan = plan_import(rows, existing=loaded.kit.contacts, employers=loaded.kit.employers,
                       taken_ids=taken, contacts_dir=contacts_dir)
    _report(plan, source, dry_run=dry_run)
    if not dry_run:
        _write(plan, location)
    click.echo(plan.summary(dry_run=dry_run))
    if errors_in(loaded.diagnostics):
        click.echo("The kit has errors of its own: run 'prepkit check'.", err=True)


def _report(plan: ImportPlan, source: Path, *, dry_run: bool) -> None:
    shown = display_path(source)
    for path, _ in plan.written:
        click.echo(f"{'would write' if dry_run else 'wrote'} {display_path(path)}")
    for line, why in plan.duplicates:
        click.echo(f"{shown}:{line}: skipped, already a contact: {why}")
    for line, why in plan.dropped:
        click.echo(f"{shown}:{line}: {why}")
    for line, why in plan.unreadable:
        click.echo(f"{shown}:{line}: unreadable: {why}", err=True)


def _write(plan: ImportPlan, location: KitLocation) -> None:
    for path, text in plan.written:
        write_new_file(path, text.encode("utf-8"), fence=location.fence, what="a contact")


@click.command()
@config_file_option
@click.option("--out", "out_file", required=True, type=click.Path(dir_okay=False,
              path_type=Path), help="The .vcf file to write.")
@click.option("--public", is_flag=True, help="Names, titles and organizations only.")
def vcard(config_file: Path, out_file: Path, public: bool) -> None:
    """Export the kit's contacts as one vCard 4.0 file for a phone or address book.

    \b
    Example:
      prepkit vcard --out contacts.vcf
      prepkit vcard --out contacts-public.vcf --public
    """
    location = locate_kit(config_file)
    prepared = prepare(location.content_dir, today=None, public=public)
    public = prepared.public
    data = vcards(prepared.kit.contacts.values(), public=public).encode("utf-8")
    with kit_lock(location.cache_dir):
        write_single_file(out_file, data, fence=location.fence, what="the contacts",
                          audience=prepared.audience, ours=is_prepkit_vcard)
    count = len(prepared.kit.contacts)
    click.echo(f"wrote {count} contact{'s' if count != 1 else ''} to {display_path(out_file)}"
               + (" (names, titles and organizations only)" if public else ""))
