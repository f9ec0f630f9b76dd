"""The sandbox a kit's own email templates run in: read from the kit only, and on a budget.

Jinja's immutable sandbox keeps a template away from Python's internals, but not from the
disk (its FileSystemLoader follows symlinks and opens FIFOs) nor from the clock and memory:
`range` is capped at 100,000 items, yet two nested loops make 10^10 turns, and
`"x" * 10**10` or `10**10**10` never finishes. So here:

- templates, and whatever they `include`, `import` or `extend`, are read by `KitLoader`:
  regular files inside the overrides folder only, 100 KiB at most;
- every `for` loop's items pass through a guard that checks the render's deadline;
- `*`, `**`, `%` and `+`, every filter and every call have their sizes checked before they
  run (numbers up to 100,000, texts up to the output limit), and `~` and macro output after;
- `render_within` renders by streaming chunks, stopping at the time or the size limit.

A template that goes over a limit raises `TemplateBudgetError`, which names the limit.
"""

from __future__ import annotations

import functools
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment

from generator.read.safe_read import UnsafeFile, read_text_inside

MAX_TEMPLATE_BYTES = 100 * 1024
MAX_RENDER_SECONDS = 2.0
MAX_TOTAL_SECONDS = 20.0  # for all the emails one template makes in a run
MAX_OUTPUT_CHARS = 100_000
MAX_NUMBER = 100_000  # the largest number a filter or call may be given (Jinja's own range cap)
_MAX_INT_BITS = 4_096  # integers arithmetic may produce: far beyond any real email's needs
_GUARD_FILTER = "_prepkit_guard_loop"
_SIZE_FILTER = "_prepkit_guard_size"
_FORMAT_WIDTH = re.compile(r"%[-#0 +]*(\*|[0-9]+)?(?:\.(\*|[0-9]+))?|\{[^{}]*?([0-9]{6,})")


class TemplateBudgetError(jinja2.TemplateError):
    """A template went over one of the limits: too slow, too large, numbers too big."""


class UnsafeTemplateError(jinja2.TemplateError):
    """A template file that is refused: a link out of the folder, a FIFO, too large..."""


class KitLoader(jinja2.BaseLoader):
    """Loads templates from one folder: regular files inside it, at most 100 KiB each."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get_source(self, environment: jinja2.Environment,
                   template: str) -> tuple[str, str, Callable[[], bool]]:
        path = self.folder.joinpath(*split_template_path(template))  # no '..' steps
        try:
            text = read_text_inside(path, self.folder, limit=MAX_TEMPLATE_BYTES)
        except UnsafeFile as problem:
            if problem.code == "unreadable" and not path.exists() and not path.is_symlink():
                raise jinja2.TemplateNotFound(template) from None
            reason = "cannot be read: not UTF-8 text" if problem.code == "encoding" else (
                problem.reason)
            raise UnsafeTemplateError(f"{template} {reason}") from None
        return text, str(path), lambda: True  # read once a run: never read again


class _Budget(threading.local):
    deadline: float | None = None
    reason: str = ""


_BUDGET = _Budget()


@contextmanager
def budget(seconds: float = MAX_RENDER_SECONDS, reason: str | None = None) -> Iterator[None]:
    """Renders inside this block must finish within `seconds` (on this thread); past it they
    raise TemplateBudgetError with `reason` (by default: took longer than 2 seconds)."""
    previous = _BUDGET.deadline, _BUDGET.reason
    _BUDGET.deadline = time.monotonic() + seconds
    _BUDGET.reason = reason or (f"took longer than {MAX_RENDER_SECONDS:g} seconds to render, "
                                "so it was stopped (a loop inside a loop?)")
    try:
        yield
    finally:
        _BUDGET.deadline, _BUDGET.reason = previous


def _tick() -> None:
    deadline = _BUDGET.deadline
    if deadline is not None and time.monotonic() > deadline:
        raise TemplateBudgetError(_BUDGET.reason)


def render_within(chunks: Iterable[str]) -> str:
    """Join a template's output, stopping it past the time or the size limit."""
    parts: list[str] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > MAX_OUTPUT_CHARS:
            raise _too_large()
        parts.append(chunk)
        _tick()
    return "".join(parts)


def _too_large() -> TemplateBudgetError:
    return TemplateBudgetError(f"makes more than {MAX_OUTPUT_CHARS:,} characters, so it was "
                               "stopped")


def _guard_loop(items: Any) -> Iterator[Any]:
    for item in items:
        _tick()
        yield item


def _guard_size(value: Any) -> Any:
    if isinstance(value, str | list | tuple) and len(value) > MAX_OUTPUT_CHARS:
        raise _too_large()
    return value


def _check_arguments(args: Iterable[Any]) -> None:
    """Numbers a filter or call may take, texts and lists it may be handed."""
    _tick()
    for value in args:
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_NUMBER:
            raise TemplateBudgetError(f"uses the number {value}; templates may use numbers up "
                                      f"to {MAX_NUMBER:,}")
        _guard_size(value)


def _check_product(name: str, subject: Any, rest: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Filters and methods whose output can be their inputs multiplied together: estimate
    the output's size before they run."""
    def argument(index: int, key: str, default: Any) -> Any:
        return rest[index] if len(rest) > index else kwargs.get(key, default)

    estimate = 0
    if name == "join" and hasattr(subject, "__len__"):
        separator = argument(0, "d", "")
        estimate = len(subject) * (len(separator) if isinstance(separator, str) else 1)
    elif not isinstance(subject, str):
        return
    elif name == "replace":
        old, new = argument(0, "old", ""), argument(1, "new", "")
        if isinstance(old, str) and isinstance(new, str) and len(new) > len(old):
            times = len(subject) + 1 if not old else len(subject) // len(old)
            estimate = len(subject) + times * (len(new) - len(old))
    elif name == "indent":
        width = argument(0, "width", 4)
        each = width if isinstance(width, int) else len(str(width))
        estimate = len(subject) + (subject.count("\n") + 1) * each
    elif name == "wordwrap":
        width, wrap = argument(0, "width", 79), argument(2, "wrapstring", None)
        lines = len(subject) // max(width if isinstance(width, int) else 1, 1) + 1
        estimate = len(subject) + lines * (len(wrap) if isinstance(wrap, str) else 1)
    elif name == "expandtabs":
        size = argument(0, "tabsize", 8)
        estimate = len(subject) + subject.count("\t") * (size if isinstance(size, int) else 8)
    elif name in ("center", "ljust", "rjust", "zfill"):
        width = argument(0, "width", 0)
        estimate = width if isinstance(width, int) else 0
    elif name == "format":
        _check_format(subject)
    if estimate > MAX_OUTPUT_CHARS:
        raise _too_large()


def _check_format(text: str) -> None:
    for match in _FORMAT_WIDTH.finditer(text):
        for number in match.groups():
            if number == "*" or (number and int(number) > MAX_NUMBER):
                raise TemplateBudgetError("uses a field width in a format that is too large")


def _guarded_filter(function: Callable[..., Any], name: str) -> Callable[..., Any]:
    @functools.wraps(function)  # keeps Jinja's pass_context & co. markers
    def guarded(*args: Any, **kwargs: Any) -> Any:
        plain = [value for value in args if not isinstance(value, jinja2.runtime.Context
                                                           | jinja2.nodes.EvalContext
                                                           | jinja2.Environment)]
        _check_arguments([*plain, *kwargs.values()])
        if plain:
            _check_product(name, plain[0], tuple(plain[1:]), kwargs)
        return _guard_size(function(*args, **kwargs))
    return guarded


class BudgetSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, with every loop, operator, filter and call on a budget."""

    intercepted_binops = frozenset({"*", "**", "%", "+", "//"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.filters = {name: _guarded_filter(function, name)
                        for name, function in self.filters.items()}
        self.filters[_GUARD_FILTER] = _guard_loop
        self.filters[_SIZE_FILTER] = _guard_size
        self.concat = _guarded_concat  # type: ignore[method-assign]
        # lipsum(100000) spends seconds in one call no guard can stop; no email needs it.
        self.globals.pop("lipsum", None)

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """Every loop's items go through the loop guard, every `~` through the size guard."""
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Filter(loop.iter, _GUARD_FILTER, [], [], None, None,
                                     lineno=loop.lineno)
        for parent in list(tree.find_all(nodes.Node)):  # a snapshot: wrappers are not seen
            for field, value in parent.iter_fields():
                if isinstance(value, nodes.Concat):
                    setattr(parent, field, _sized(value))
                elif isinstance(value, list):
                    value[:] = [_sized(item) if isinstance(item, nodes.Concat) else item
                                for item in value]
        return tree

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any,
                   right: Any) -> Any:
        _tick()
        if operator == "**" and isinstance(left, int) and isinstance(right, int):
            if right > 0 and abs(left) > 1 and left.bit_length() * right > _MAX_INT_BITS:
                raise TemplateBudgetError(f"computes {left} ** {right}, a number too large")
        elif operator == "*":
            _check_repeat(left, right)
            _check_repeat(right, left)
        elif operator == "%" and isinstance(left, str):
            _check_format(left)
        result = super().call_binop(context, operator, left, right)
        if isinstance(result, int) and result.bit_length() > _MAX_INT_BITS:
            raise TemplateBudgetError("computes a number too large")
        return _guard_size(result)

    def call(__self, __context: jinja2.runtime.Context, __obj: Any,
             *args: Any, **kwargs: Any) -> Any:
        _check_arguments([*args, *kwargs.values()])
        method = getattr(__obj, "__name__", "")
        owner = getattr(__obj, "__self__", None)
        if owner is None:  # the sandbox's own wrapper around str.format
            owner = getattr(getattr(__obj, "__wrapped__", None), "__self__", None)
        if isinstance(owner, str) and method == "join" and args:
            _check_product("join", args[0], (owner,), {})
        elif isinstance(owner, str):
            _check_product(method, owner, args, kwargs)
        return _guard_size(super().call(__context, __obj, *args, **kwargs))


def _check_repeat(sequence: Any, times: Any) -> None:
    if isinstance(sequence, str | list | tuple) and isinstance(times, int):
        if len(sequence) * times > MAX_OUTPUT_CHARS:
            raise _too_large()
    elif isinstance(sequence, int) and isinstance(times, int) and (
            sequence.bit_length() + times.bit_length() > _MAX_INT_BITS):
        raise TemplateBudgetError("computes a number too large")


def _sized(node: nodes.Concat) -> nodes.Filter:
    return nodes.Filter(node, _SIZE_FILTER, [], [], None, None, lineno=node.lineno)


def _guarded_concat(parts: Iterable[str]) -> str:
    return str(_guard_size(render_within(parts)))
