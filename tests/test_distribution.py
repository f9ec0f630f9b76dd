"""The package as a user gets it: an sdist and a wheel that twine accepts, a name of its own,
and a wheel that runs a kit from a fresh virtual environment with nothing else installed.

The wheel and its dependencies are gathered into a local folder once; every install below
then runs with `--no-index`, so what gets installed can only be this project's wheel.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest
from site_support import REPO_ROOT

from generator import DISTRIBUTION, __version__


def run(*command: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(part) for part in command], cwd=cwd, capture_output=True,
                          text=True, timeout=900,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1",
                               "PIP_DISABLE_PIP_VERSION_CHECK": "1"})
    assert done.returncode == 0, f"{command}:\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="session")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`python -m build` of the checkout: one sdist and one wheel."""
    out = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--outdir", out, REPO_ROOT)
    return out


@pytest.fixture(scope="session")
def wheelhouse(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel and a wheel of each of its dependencies, for installs with --no-index."""
    house = tmp_path_factory.mktemp("wheelhouse")
    (wheel,) = dist.glob("*.whl")
    run(sys.executable, "-m", "pip", "wheel", "-q", "--wheel-dir", house, wheel)
    return house


def fresh_venv(folder: Path) -> Path:
    venv.EnvBuilder(with_pip=True, clear=True).create(folder)
    return folder / "bin"


def test_build_makes_an_sdist_and_a_wheel_that_twine_accepts(dist: Path) -> None:
    names = sorted(path.name for path in dist.iterdir())
    wheel_name = DISTRIBUTION.replace("-", "_")
    assert names == [f"{wheel_name}-{__version__}-py3-none-any.whl",
                     f"{wheel_name}-{__version__}.tar.gz"]
    checked = run(sys.executable, "-m", "twine", "check", "--strict", *dist.iterdir())
    assert checked.stdout.count("PASSED") == 2


def test_the_version_lives_in_one_place() -> None:
    pyproject = (REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject
    assert f'name = "{DISTRIBUTION}"' in pyproject
    changelog = (REPO_ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{__version__}]" in changelog


def test_an_inited_kit_installs_this_project_and_runs_with_nothing_else(
        wheelhouse: Path, tmp_path: Path) -> None:
    """`prepkit init`'s requirements name this project's distribution, not the stranger
    that owns the name `prepkit` on the package index; installed from the wheel alone, the
    kit checks, builds and prints its packets."""
    bin_dir = fresh_venv(tmp_path / "venv")
    kit = tmp_path / "kit"
    # The new kit is made by the installed wheel itself, so its example kit is checked too.
    run(bin_dir / "pip", "install", "-q", "--no-index", "--find-links", wheelhouse,
        f"{DISTRIBUTION}=={__version__}")
    run(bin_dir / "prepkit", "init", kit)
    requirements = (kit / "requirements.txt").read_text(encoding="utf-8")
    assert f"{DISTRIBUTION}~={__version__}" in requirements.splitlines()

    second = fresh_venv(tmp_path / "from-requirements")
    run(second / "pip", "install", "-q", "--no-index", "--find-links", wheelhouse,
        "-r", kit / "requirements.txt")
    shown = run(second / "pip", "show", DISTRIBUTION).stdout
    assert f"Version: {__version__}" in shown
    run(second / "prepkit", "check", cwd=kit)
    built = run(second / "prepkit", "build", "--today", "2026-11-25", cwd=kit)
    assert (kit / "site" / "index.html").is_file(), built.stdout
    run(second / "prepkit", "packets", "--today", "2026-11-25", "--out", tmp_path / "packets",
        cwd=kit)
    assert sorted(path.suffix for path in (tmp_path / "packets").iterdir()) and all(
        path.read_bytes().startswith(b"%PDF") for path in (tmp_path / "packets").iterdir())
