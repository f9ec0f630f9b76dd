"""Diagnostics: located problems found in a kit, and the error that carries them to the CLI."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

import click


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


class Position(NamedTuple):
    """A place in a file, both numbers 1-based as editors show them.

    A named tuple, not a dataclass: a large kit records tens of thousands of positions, and
    tuples are the cheapest to make and to copy between processes."""

    line: int
    column: int


START = Position(1, 1)


@dataclass(frozen=True)
class Diagnostic:
    """One problem, with enough context to find and fix it."""

    file: str
    position: Position
    message: str
    key_path: str = ""
    severity: Severity = Severity.ERROR
    code: str = "invalid"

    def format(self, *, severity: bool = True) -> str:
        """`file:line:col: [warning: ]key: message`; pass severity=False where the log level
        already says it."""
        where = f"{self.file}:{self.position.line}:{self.position.column}"
        prefix = "warning: " if severity and self.severity is Severity.WARNING else ""
        key = f"{self.key_path}: " if self.key_path else ""
        return f"{where}: {prefix}{key}{self.message}"

    def as_error(self) -> Diagnostic:
        return Diagnostic(self.file, self.position, self.message, self.key_path,
                          Severity.ERROR, self.code)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.position.line, self.position.column, self.message)


def errors_in(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.severity is Severity.ERROR]


def warnings_in(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.severity is Severity.WARNING]


class PrepkitError(click.ClickException):
    """A problem the user can fix; click prints it without a traceback and exits 1."""

    exit_code = 1

    def __init__(self, message: str, diagnostics: Iterable[Diagnostic] = ()) -> None:
        super().__init__(message)
        self.diagnostics = list(diagnostics)

    def format_message(self) -> str:
        lines = [d.format() for d in self.diagnostics]
        return "\n".join([*lines, self.message])

    def show(self, file: object = None) -> None:
        click.echo(self.format_message(), err=True)

    def __reduce__(self) -> tuple[object, ...]:
        # Pickled whole, so the error survives the trip back from a forked helper: a
        # subclass's __init__ may take other arguments than `args` (ContentError takes only
        # the diagnostics), so it is rebuilt without calling __init__.
        return (_rebuilt, (type(self), self.args), self.__dict__)


def _rebuilt(kind: type[PrepkitError], args: tuple[object, ...]) -> PrepkitError:
    return kind.__new__(kind, *args)  # its attributes come back from the pickled state


class ContentError(PrepkitError):
    """The kit's content has errors; each is a located diagnostic."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        found = sorted(diagnostics, key=Diagnostic.sort_key)
        count = len(errors_in(found))
        super().__init__(f"{count} error{'s' if count != 1 else ''} found; nothing was built.",
                         found)
