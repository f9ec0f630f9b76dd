"""Shared fixtures and helpers for the content-format tests.

`run_check`, `write` and `assert_clean_exit` are plain functions: import them with
`from conftest import ...` (pytest puts this folder on sys.path, as it has no __init__.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from site_support import REPO_ROOT, copy_example_kit

from generator.cli import cli

__all__ = ["REPO_ROOT", "assert_clean_exit", "diagnostic_lines", "run_check", "run_prepkit",
           "write"]


@pytest.fixture
def repo_root() -> Path:
    """The repository checkout holding generator/ and the example kit."""
    return REPO_ROOT


@pytest.fixture
def example_kit(tmp_path: Path) -> Path:
    """A private copy of the repository's example kit; returns the kit folder."""
    return copy_example_kit(tmp_path / "kit")


def run_prepkit(*args: str) -> Result:
    """Run the `prepkit` command in-process; stdout and stderr are kept apart."""
    return CliRunner().invoke(cli, list(args), prog_name="prepkit")


def run_check(kit_dir: Path, *args: str) -> Result:
    """`prepkit check -f KIT/mkdocs.yml ARGS...`: diagnostics on stdout, summary on stderr."""
    return run_prepkit("check", "-f", str(kit_dir / "mkdocs.yml"), *args)


def write(kit_dir: Path, relative: str, text: str | bytes) -> Path:
    """Write one file of the kit (text as UTF-8 with '\\n' line ends, or raw bytes)."""
    path = kit_dir / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_bytes(text.encode("utf-8"))
    return path


def diagnostic_lines(result: Result) -> list[str]:
    """The diagnostics `check` printed, one per line (stdout only)."""
    return [line for line in result.stdout.splitlines() if line.strip()]


def assert_clean_exit(result: Result, code: int) -> None:
    """The command ended with `code` and never showed or raised a traceback."""
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        repr(result.exception))
    assert result.exit_code == code, result.output


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stages and email checks depend on today: every test runs on the same day."""
    monkeypatch.setenv("PREPKIT_TODAY", "2026-11-25")
