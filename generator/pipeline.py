"""The stages in order: read, validate, cross-check, lint. Each later issue adds to this."""

from __future__ import annotations

from pathlib import Path

from generator.content import LoadResult, read_content
from generator.crossref import cross_check
from generator.errors import ContentError, errors_in
from generator.kit import Kit
from generator.lint import lint


def load_kit(content_dir: Path) -> LoadResult:
    """Everything `prepkit check` reports; `result.kit` is None when there are errors."""
    result = read_content(content_dir)
    if result.kit is None:
        return result
    result.diagnostics += cross_check(result.kit, broken=result.broken_ids)
    if errors_in(result.diagnostics):
        result.kit = None
        return result
    result.diagnostics += lint(result.kit)
    return result


def load_valid_kit(content_dir: Path) -> Kit:
    """The kit, or ContentError with every located problem when it has errors."""
    result = load_kit(content_dir)
    if result.kit is None or errors_in(result.diagnostics):
        raise ContentError(result.diagnostics)
    return result.kit
