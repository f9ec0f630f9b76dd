"""Render an email from its template: the shipped one, or the kit's own in a sandbox.

A kit replaces a shipped template with `site_overrides/emails/<name>.txt.j2`. The user's
templates render in Jinja's immutable sandbox, so they can read the values they are given but
cannot reach Python's internals or change anything; they are read only from regular files
inside that folder, and render within a time and a size limit (see `sandbox.py`). A template
that cannot be read, compiled or rendered becomes a problem to report, and the shipped
template is used in its place.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError

from generator.emails.catalog import EMAILS_BY_NAME, EmailKind
from generator.emails.sandbox import (
    MAX_RENDER_SECONDS,
    MAX_TOTAL_SECONDS,
    BudgetSandbox,
    KitLoader,
    TemplateBudgetError,
    UnsafeTemplateError,
    budget,
    render_within,
)
from generator.read.safe_read import UnsafeFile, folder_inside
from generator.read.validate import did_you_mean

OVERRIDES_FOLDER = ("site_overrides", "emails")
TEMPLATE_SUFFIX = ".txt.j2"
_SUBJECT = re.compile(r"subject:", re.IGNORECASE)
_BLANK_RUNS = re.compile(r"\n{3,}")
# "'generator.emails.context.PersonVars object' has no attribute 'nmae'", said plainly.
_VALUE_OWNER = re.compile(r"'(?:[\w.]+\.)?(\w+) object'")
_OWNER_NAMES = {"PersonVars": "contact (or referrer, or to)", "OwnerVars": "owner",
                "InterviewVars": "interview"}
_OPTIONS: dict[str, Any] = {
    "autoescape": False,  # plain text: the page escapes it for where it lands
    "undefined": jinja2.StrictUndefined,  # a misspelt variable is reported, not left blank
    "trim_blocks": True,
    "lstrip_blocks": True,
    "keep_trailing_newline": False,
}


@dataclass(frozen=True)
class Email:
    subject: str | None
    body: str


@dataclass(frozen=True)
class Outcome:
    """A rendered email, where its template came from, and what went wrong on the way."""

    email: Email
    override: Path | None  # the user's template, when there is one
    failure: str | None = None  # why the user's template could not be used
    missing_subject: bool = False


@dataclass(frozen=True)
class TemplateIssue:
    """A problem with one of the kit's template files, whatever interview it is used for."""

    path: Path
    line: int
    message: str
    code: str


@dataclass
class EmailTemplates:
    """The shipped templates and the kit's overrides, each compiled once.

    `kit_root` is the kit folder the overrides folder must really be inside; by default the
    folder two levels up from `overrides_dir` (`<kit>/site_overrides/emails`).
    """

    overrides_dir: Path | None
    issues: list[TemplateIssue] = field(default_factory=list)
    overrides: dict[str, Path] = field(default_factory=dict)
    kit_root: Path | None = None
    _shipped: dict[str, jinja2.Template] = field(default_factory=dict)
    _user: dict[str, jinja2.Template] = field(default_factory=dict)
    # Templates that went over a limit once: not run again, the same failure is reported.
    _spent: dict[str, str] = field(default_factory=dict)
    _seconds_used: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        shipped_env = jinja2.Environment(
            loader=jinja2.PackageLoader("generator.emails", "templates"), **_OPTIONS)
        for name, kind in EMAILS_BY_NAME.items():
            self._shipped[name] = shipped_env.get_template(kind.file_name)
        if self.overrides_dir is not None and self.overrides_dir.is_dir():
            self._load_overrides(self.overrides_dir)

    def _load_overrides(self, folder: Path) -> None:
        kit_root = self.kit_root if self.kit_root is not None else folder.parent.parent
        user_env = BudgetSandbox(loader=KitLoader(folder), **_OPTIONS)
        known = [kind.file_name for kind in EMAILS_BY_NAME.values()]
        try:
            folder_inside(folder, kit_root)
            paths = sorted(folder.iterdir())
        except UnsafeFile as problem:
            self.issues.append(TemplateIssue(
                folder, 1, f"{problem.reason}; the shipped templates are used",
                "email-template-failed"))
            return
        except OSError as error:
            self.issues.append(TemplateIssue(
                folder, 1, f"cannot be read: {error.strerror}; the shipped templates are used",
                "email-template-failed"))
            return
        for path in paths:
            if path.name.startswith((".", "_")) or (path.is_dir() and not path.is_symlink()):
                continue  # "_name.txt.j2": a piece for {% include %}, not an email
            name = path.name.removesuffix(TEMPLATE_SUFFIX)
            if name not in EMAILS_BY_NAME or not path.name.endswith(TEMPLATE_SUFFIX):
                hint = did_you_mean(path.name, known) or "."
                self.issues.append(TemplateIssue(
                    path, 1, f"not one of prepkit's email templates, so it is never used{hint} "
                    f"The templates are {', '.join(known)}.", "email-template-unknown"))
                continue
            self.overrides[name] = path
            try:
                self._user[name] = user_env.get_template(path.name)
            except jinja2.TemplateSyntaxError as error:
                self.issues.append(TemplateIssue(
                    path, error.lineno or 1, f"cannot be read as a template: {error.message}; "
                    "the shipped template is used instead", "email-template-failed"))
            except UnsafeTemplateError as error:
                self.issues.append(TemplateIssue(
                    path, 1, f"{_without_name(error.message, path.name)}; the shipped template "
                    "is used instead", "email-template-failed"))
            except (OSError, UnicodeDecodeError) as error:
                reason = error.strerror if isinstance(error, OSError) else "not UTF-8 text"
                self.issues.append(TemplateIssue(
                    path, 1, f"cannot be read: {reason}; the shipped template is used instead",
                    "email-template-failed"))
            except (RecursionError, MemoryError, jinja2.TemplateError) as error:
                self.issues.append(TemplateIssue(
                    path, 1, f"cannot be read as a template: {_describe(error)}; the shipped "
                    "template is used instead", "email-template-failed"))

    def render(self, kind: EmailKind, variables: dict[str, Any]) -> Outcome:
        """The email from the kit's template if it renders, else from the shipped one."""
        override = self.overrides.get(kind.name)
        user_template = self._user.get(kind.name)
        if user_template is not None:
            failure = self._spent.get(kind.name)
            if failure is None:
                used = self._seconds_used.get(kind.name, 0.0)
                seconds, reason = MAX_RENDER_SECONDS, None
                if MAX_TOTAL_SECONDS - used < seconds:
                    seconds = MAX_TOTAL_SECONDS - used
                    reason = (f"took longer than {MAX_TOTAL_SECONDS:g} seconds in all to render "
                              "the kit's emails, so it was stopped")
                started = time.monotonic()
                try:
                    with budget(seconds, reason):
                        email = _render(kind, user_template, variables)
                except TemplateBudgetError as error:
                    failure = self._spent[kind.name] = str(error.message)
                except SecurityError as error:
                    failure = f"it tried something the sandbox does not allow ({error})"
                except RecursionError:
                    failure = "it includes or calls itself without end"
                except Exception as error:  # a user's template may fail in any way: report it
                    failure = _describe(error)
                else:
                    return Outcome(email, override, missing_subject=_no_subject(kind, email))
                finally:
                    self._seconds_used[kind.name] = used + time.monotonic() - started
            shipped = _render(kind, self._shipped[kind.name], variables)
            return Outcome(shipped, override, failure=failure)
        return Outcome(_render(kind, self._shipped[kind.name], variables), override)


def overrides_dir_of(content_dir: Path) -> Path:
    """`<kit>/site_overrides/emails`, beside the content folder."""
    return content_dir.parent.joinpath(*OVERRIDES_FOLDER)


def _render(kind: EmailKind, template: jinja2.Template, variables: dict[str, Any]) -> Email:
    """The email a template makes; its output is streamed, so a user's template is stopped
    at the time or size limit of the `budget` it runs in."""
    blocks = template.blocks
    if kind.has_subject and "subject" in blocks:
        context = template.new_context(variables)
        subject = render_within(blocks["subject"](context))
        body = (render_within(blocks["body"](template.new_context(variables)))
                if "body" in blocks else render_within(template.generate(variables)))
        return Email(_one_line(subject) or None, _tidy(body))
    text = render_within(template.generate(variables))
    if not kind.has_subject:
        return Email(None, _tidy(text))
    lines = text.lstrip("\n").split("\n")
    if lines and _SUBJECT.match(lines[0]):
        subject = _one_line(lines[0][len("subject:"):])
        return Email(subject or None, _tidy("\n".join(lines[1:])))
    return Email(None, _tidy(text))


def _without_name(message: str | None, name: str) -> str:
    """'x.txt.j2 is a FIFO...' said of the file itself: 'is a FIFO...'."""
    text = message or "cannot be read"
    return text.removeprefix(f"{name} ")


def _no_subject(kind: EmailKind, email: Email) -> bool:
    return kind.has_subject and not email.subject


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _tidy(text: str) -> str:
    """Trailing spaces off, at most one blank line in a row, no blank lines at either end."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n")


def _describe(error: Exception) -> str:
    if isinstance(error, jinja2.UndefinedError):
        message = _VALUE_OWNER.sub(lambda match: _OWNER_NAMES.get(match.group(1), "a value"),
                                   error.message or "a value is not defined")
        return f"{message}; the emails page lists the values a template can use"
    if isinstance(error, jinja2.TemplateError) and error.message:
        return error.message
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
