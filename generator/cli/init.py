"""`prepkit init DIR`: a new kit folder holding the example kit, ready for git and publishing."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import click

from generator import DISTRIBUTION, __version__
from generator.authoring.example import example_kit_root
from generator.errors import PrepkitError
from generator.output import write_new_file

KIT_PARTS = ("mkdocs.yml", "content", "site_overrides", "schemas")
GITIGNORE = """\
# Built output (the private site and packets hold contact details) and prepkit's cache
site/
site-private/
private-packets/
public-packets/
calendar.ics
calendar-public.ics
.prepkit-cache/
"""
# Template in generator/kit_files/ -> where `init` writes it in the new kit.
KIT_FILES = {
    "requirements.txt": "requirements.txt",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
    "publish.yml": ".github/workflows/publish.yml",
}


def kit_file_text(template: str) -> str:
    """A template from generator/kit_files/, with this prepkit's version filled in."""
    text = resources.files("generator").joinpath("kit_files", template).read_text("utf-8")
    return text.replace("{prepkit_version}", __version__).replace("{distribution}", DISTRIBUTION)


@click.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
def init(directory: Path) -> None:
    """Create a new kit in DIRECTORY, starting from the example kit.

    DIRECTORY must not exist yet or be empty; nothing is ever overwritten. Besides the
    example content it writes requirements.txt, a pre-commit hook that runs
    `prepkit check --strict` (.pre-commit-config.yaml) and a GitHub Actions workflow that
    publishes the public site (.github/workflows/publish.yml).

    \b
    Example:
      prepkit init my-kit && cd my-kit && prepkit check
    """
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise PrepkitError(f"{directory}: already exists and is not empty; choose a new folder "
                           "so nothing is overwritten")
    files = {".gitignore": GITIGNORE.encode("utf-8")}
    files |= {target: kit_file_text(template).encode("utf-8")
              for template, target in KIT_FILES.items()}
    files |= _example_files(example_kit_root())
    for name, data in files.items():
        write_new_file(directory / name, data, fence=None, what="the new kit")
    click.echo(f"Created a kit in {directory}. Next:\n  cd {directory}\n  prepkit check\n"
               '  prepkit new contact jane-doe --name "Jane Doe"\n'
               "Pushed to GitHub, .github/workflows/publish.yml publishes the public site.")


def _example_files(source: Path) -> dict[str, bytes]:
    """The example kit's files, by their path in a kit."""
    files: dict[str, bytes] = {}
    for part in KIT_PARTS:
        origin = source / part
        paths = sorted(origin.rglob("*")) if origin.is_dir() else [origin]
        files |= {path.relative_to(source).as_posix(): path.read_bytes()
                  for path in paths if path.is_file() and "__pycache__" not in path.parts}
    return files
