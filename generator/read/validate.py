"""Turn one YAML document into a model, or into plain-English located diagnostics."""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated, Any, Generic, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from generator.errors import Diagnostic
from generator.model.types import LIMIT_NAMES, quoted
from generator.read.yaml_source import KeyPath, YamlDocument, format_key_path

ModelT = TypeVar("ModelT", bound=BaseModel)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """'; did you mean 'x'?' when a choice is close to `word`, else ''."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


@dataclass
class Validated(Generic[ModelT]):
    """The model when the document is valid; else its problems and, where possible, a partial
    model without the broken top-level keys, so cross-file checks can still look at the rest."""

    model: ModelT | None
    problems: list[Diagnostic]
    partial: ModelT | None = None


def validate_document(model: type[ModelT], document: YamlDocument) -> Validated[ModelT]:
    """Validate every key of `document`; all problems are reported, not just the first."""
    try:
        return Validated(model.model_validate(document.data), [])
    except ValidationError as error:
        details = error.errors()
    problems = [_diagnostic(model, document, detail) for detail in details]
    broken_keys = {detail["loc"][0] for detail in details if detail["loc"]}
    return Validated(None, problems, _partial(model, document.data, broken_keys))


def _partial(model: type[ModelT], data: dict[str, Any], broken: set[Any]) -> ModelT:
    """The model built from the keys that are valid on their own; broken or missing required
    keys are simply absent (see `model_fields_set`), so only cross-file checks may use it."""
    valid: dict[str, Any] = {}
    for key, value in data.items():
        field = model.model_fields.get(key)
        if key in broken or field is None:
            continue
        try:
            valid[key] = _adapter(model, key).validate_python(value)
        except ValidationError:
            continue
    return model.model_construct(**valid)


@functools.cache
def _adapter(model: type[BaseModel], key: str) -> TypeAdapter[Any]:
    field = model.model_fields[key]
    annotation: Any = field.annotation
    if field.metadata:
        annotation = Annotated[(annotation, *field.metadata)]
    return TypeAdapter(annotation)


def _diagnostic(model: type[BaseModel], document: YamlDocument, detail: ErrorDetails) -> Diagnostic:
    loc: KeyPath = tuple(detail["loc"])
    kind = detail["type"]
    value = detail.get("input")
    if kind == "extra_forbidden":
        known = _known_keys(model, loc[:-1])
        key = str(loc[-1])
        allowed = ", ".join(known)
        message = f"unknown key {quoted(key)}{did_you_mean(key, known)}"
        if not did_you_mean(key, known):
            message += f" (known keys: {allowed})"
        return document.diagnostic(loc, message, of_key=True, code="unknown-key")
    if kind == "missing":
        return Diagnostic(document.display, document.position(loc[:-1]),
                          f"{loc[-1]!r} is required but missing; add '{loc[-1]}: ...'",
                          format_key_path(loc),
                          code="missing-key")
    return document.diagnostic(loc, _plain_message(kind, value, detail), code=kind)


def _plain_message(kind: str, value: Any, detail: ErrorDetails) -> str:
    ctx = detail.get("ctx") or {}
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
        hint = did_you_mean(value, expected.split(", ")) if isinstance(value, str) else ""
        return f"{_shown(value)} is not one of {expected}{hint}"
    if kind == "value_error":
        error = ctx.get("error")
        return str(error) if error else detail["msg"]
    if kind in ("string_type", "str_type"):
        return f"expected text, found {_describe(value)}"
    if kind == "list_type":
        return ("expected a list (like [a, b] or lines starting with '- '), "
                f"found {_describe(value)}")
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected a mapping of keys, found {_describe(value)}"
    if kind in ("int_type", "int_parsing", "date_type", "datetime_type"):
        return f"{_shown(value)} is not of the right form ({detail['msg'].lower()})"
    if kind in ("greater_than_equal", "greater_than"):
        return f"{_shown(value)} is too small; it must be at least {ctx.get('ge', ctx.get('gt'))}"
    if kind in ("less_than_equal", "less_than"):
        return f"{_shown(value)} is too large; it must be at most {ctx.get('le', ctx.get('lt'))}"
    if kind == "too_short":
        return "must not be empty; add at least one entry"
    if kind == "string_too_long":
        limit = int(ctx.get("max_length", 0))
        what = LIMIT_NAMES.get(limit, "this value")
        length = len(value) if isinstance(value, str) else limit + 1
        return (f"is {length:,} characters long; the limit for {what} is {limit:,}: "
                "shorten it")
    if kind == "too_long":
        limit = int(ctx.get("max_length", 0))
        actual = ctx.get("actual_length")
        count = f"{actual:,} entries" if isinstance(actual, int) else "too many entries"
        return f"has {count}; the limit is {limit:,}: split or shorten the list"
    if kind == "string_pattern_mismatch":
        return f"{_shown(value)} does not have the expected form"
    return detail["msg"]


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return quoted(value)
    return _describe(value)


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"the text {quoted(value)}"


def _known_keys(model: type[BaseModel], loc: KeyPath) -> list[str]:
    """The keys allowed at `loc`, found by walking the model's fields."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if _is_model(current) else None
        if field is None:
            return []
        current = _model_inside(field.annotation)
    return list(current.model_fields) if _is_model(current) else []


def _is_model(candidate: Any) -> bool:
    return isinstance(candidate, type) and issubclass(candidate, BaseModel)


def _model_inside(annotation: Any) -> Any:
    """The model class in `X`, `X | None` or `list[X]`, if any."""
    if _is_model(annotation):
        return annotation
    for argument in getattr(annotation, "__args__", ()):
        found = _model_inside(argument)
        if found is not None:
            return found
    return None
