"""How `prepkit check` prints its diagnostics: plain lines, one JSON document, or GitHub
Actions workflow commands that annotate the changed files in a pull request."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from generator.errors import Diagnostic, Severity, errors_in, warnings_in

FORMATS = ("text", "json", "github")


def format_report(diagnostics: Sequence[Diagnostic], *, files_checked: int,
                  output_format: str) -> str:
    """Everything `check` prints on standard output, in the chosen format."""
    if output_format == "json":
        return as_json(diagnostics, files_checked=files_checked)
    if output_format == "github":
        return "".join(f"{as_workflow_command(d)}\n" for d in diagnostics)
    return "".join(f"{d.format()}\n" for d in diagnostics)


def as_json(diagnostics: Sequence[Diagnostic], *, files_checked: int) -> str:
    document = {
        "files_checked": files_checked,
        "errors": len(errors_in(diagnostics)),
        "warnings": len(warnings_in(diagnostics)),
        "diagnostics": [as_record(d) for d in diagnostics],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def as_record(diagnostic: Diagnostic) -> dict[str, Any]:
    return {
        "file": diagnostic.file,
        "line": diagnostic.position.line,
        "column": diagnostic.position.column,
        "severity": diagnostic.severity.value,
        "code": diagnostic.code,
        "key": diagnostic.key_path or None,
        "message": diagnostic.message,
    }


def as_workflow_command(diagnostic: Diagnostic) -> str:
    """`::error file=F,line=L,col=C,title=prepkit (code)::key: message`."""
    command = "warning" if diagnostic.severity is Severity.WARNING else "error"
    properties = ",".join(f"{name}={escape_property(str(value))}" for name, value in (
        ("file", diagnostic.file), ("line", diagnostic.position.line),
        ("col", diagnostic.position.column), ("title", f"prepkit ({diagnostic.code})")))
    key = f"{diagnostic.key_path}: " if diagnostic.key_path else ""
    return f"::{command} {properties}::{escape_data(key + diagnostic.message)}"


def escape_data(text: str) -> str:
    """A workflow command's message: %, CR and LF are written as %25, %0D and %0A."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: as a message, and also ':' and ','."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
