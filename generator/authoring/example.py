"""Where the example kit that `prepkit init` copies lives."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # the generator package


def example_kit_root() -> Path:
    """The example kit: shipped inside the wheel, or the repository root in a source checkout."""
    bundled = _PACKAGE / "_example"
    if (bundled / "content" / "kit.yml").is_file():
        return bundled
    return _PACKAGE.parent
