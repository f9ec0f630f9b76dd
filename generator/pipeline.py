"""The stages in order: read, validate, cross-check, lint. Each later issue adds to this."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.clock import current_moment, parse_today
from generator.content import LoadResult, read_content
from generator.crossref import cross_check
from generator.derive import relate
from generator.emails import EmailDrafts
from generator.errors import PrepkitError, errors_in
from generator.lint import email_warnings, lint
from generator.load_cache import LoadCache
from generator.sound_part import sound_part


def load_kit(content_dir: Path, *, today: date | None = None, check_emails: bool = True,
             cache: LoadCache | None = None) -> LoadResult:
    """Everything `prepkit check` reports; `result.kit` is None when there are errors.

    The emails are checked as of `today` (else PREPKIT_TODAY, SOURCE_DATE_EPOCH or the real
    date). A build leaves them out here (`check_emails=False`) and checks the very drafts it
    puts on its pages instead. A serve session passes its `cache` (see `read_content`).
    """
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
    if check_emails:
        now = current_moment(result.kit, today or _today_from_environment())
        result.diagnostics += email_warnings(EmailDrafts(result.kit,
                                                         relate(result.kit, now)))
    return result


def _today_from_environment() -> date | None:
    try:
        return parse_today(None)
    except PrepkitError:
        return None  # a malformed date is reported by the command that reads it
