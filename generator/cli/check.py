"""`prepkit check`: report every problem in the kit, one located line each."""

from __future__ import annotations

from pathlib import Path

import click

from generator.check.load import load_kit
from generator.check.report import FORMATS, format_report
from generator.cli.options import config_file_option
from generator.clock import parse_today
from generator.emails.warnings import kit_email_warnings
from generator.errors import START, Diagnostic, PrepkitError, Severity, errors_in, warnings_in
from generator.read.content import display_path
from generator.read.settings import locate_kit


@click.command()
@config_file_option
@click.option("--strict", is_flag=True, help="Treat warnings as errors (exit 1 on any).")
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text",
              show_default=True, help="text: one line each; json: one JSON document; github: "
              "GitHub Actions annotations.")
def check(config_file: Path, strict: bool, output_format: str) -> None:
    """Check the kit's content and report every problem at once.

    Each problem is one line: file:line:column: key: what is wrong. Exits 1 when
    there are errors (or warnings, with --strict), 0 when the kit is clean.
    --format json prints one JSON document instead, and --format github prints
    annotations that GitHub Actions shows on the files of a pull request.

    \b
    Example:
      prepkit check --strict
      prepkit check --format github
    """
    try:
        location = locate_kit(config_file)
    except PrepkitError as error:
        if output_format == "text":
            raise
        # Machine-readable output stays machine-readable, even without a kit to check.
        message = error.message.removeprefix(f"{config_file}: ")
        _report([Diagnostic(display_path(config_file), START, message, code="no-config")], 0,
                output_format)
        raise SystemExit(1) from None
    today = parse_today(None)  # PREPKIT_TODAY or SOURCE_DATE_EPOCH, else the real date
    result = load_kit(location.content_dir)
    if result.kit is not None:
        result.diagnostics += kit_email_warnings(result.kit, today)
    diagnostics = sorted(result.diagnostics, key=Diagnostic.sort_key)
    if strict:
        diagnostics = [d.as_error() if d.severity is Severity.WARNING else d for d in diagnostics]
    if _report(diagnostics, result.files_read, output_format):
        raise SystemExit(1)


def _report(diagnostics: list[Diagnostic], files_read: int, output_format: str) -> int:
    """Print the report and, except for JSON, a summary on stderr; return the error count."""
    click.echo(format_report(diagnostics, files_checked=files_read,
                             output_format=output_format), nl=False)
    errors, warnings = len(errors_in(diagnostics)), len(warnings_in(diagnostics))
    if output_format != "json":
        click.echo(f"checked {files_read} file{'s' if files_read != 1 else ''}: "
                   f"{_count(errors, 'error')}, {_count(warnings, 'warning')}", err=True)
    return errors


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
