"""Read and check a kit: read, validate, cross-check, lint. Nothing here renders; the
emails' own warnings come from drafting them (`generator.emails.warnings`)."""

from __future__ import annotations

from pathlib import Path

from generator.check.crossref import cross_check
from generator.check.lint import lint
from generator.check.sound_part import sound_part
from generator.errors import errors_in
from generator.read.content import LoadResult, read_content
from generator.read.load_cache import LoadCache


def load_kit(content_dir: Path, *, cache: LoadCache | None = None) -> LoadResult:
    """The kit and what is wrong with it; `result.kit` is None when there are errors. A
    serve session passes its `cache` (see `read_content`)."""
    result = read_content(content_dir, cache=cache)
    if result.kit is None:
        return result
    unreadable = {error.file for error in errors_in(result.diagnostics)}
    result.diagnostics += cross_check(result.kit, broken=result.broken_ids)
    if errors_in(result.diagnostics):
        # Warnings are not held back by errors: every file that read and validated gets its
        # own, even one that refers to something missing.
        result.diagnostics += lint(sound_part(result.kit, unreadable=unreadable))
        result.kit = None
        return result
    result.diagnostics += lint(result.kit)
    return result
