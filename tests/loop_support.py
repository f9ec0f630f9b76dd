"""A small kit written from Python values, for the job-search loop tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import yaml

from generator.check.load import load_kit
from generator.clock import current_moment
from generator.derive.relations import Relations, relate
from generator.kit import Kit


def make_kit(root: Path, *, rules: dict[str, Any] | None = None,
             contacts: dict[str, dict[str, Any]] | None = None,
             employers: dict[str, dict[str, Any]] | None = None,
             interviews: dict[str, dict[str, Any]] | None = None) -> Path:
    """Write a kit's content folder under `root` and return it."""
    content = root / "content"
    files: dict[str, Any] = {"kit.yml": {"title": "Test kit", "owner": {"name": "Alex Rivera"},
                                         "timezone": "America/Chicago",
                                         **({"rules": rules} if rules else {})}}
    for folder, items in (("contacts", contacts), ("employers", employers),
                          ("interviews", interviews)):
        for item_id, data in (items or {}).items():
            files[f"{folder}/{item_id}.yml"] = data
    for name, data in files.items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(_as_text(data), sort_keys=False), encoding="utf-8")
    return content


def _as_text(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _as_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_text(item) for item in value]
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date | int):
        return str(value)
    return value


def loaded(content: Path, today: date) -> tuple[Kit, Relations]:
    result = load_kit(content)
    assert result.kit is not None, [d.format() for d in result.diagnostics]
    return result.kit, relate(result.kit, current_moment(result.kit, today))
