"""`prepkit init DIR`: a new kit folder holding the example kit."""

from __future__ import annotations

import shutil
from pathlib import Path

import click

from generator.errors import PrepkitError
from generator.example import example_kit_root

KIT_PARTS = ("mkdocs.yml", "content", "site_overrides", "schemas")
GITIGNORE = """\
# Built output and prepkit's cache of generated pages
site/
.prepkit-cache/
"""


@click.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
def init(directory: Path) -> None:
    """Create a new kit in DIRECTORY, starting from the example kit.

    DIRECTORY must not exist yet or be empty; nothing is ever overwritten.

    \b
    Example:
      prepkit init my-kit && cd my-kit && prepkit check
    """
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise PrepkitError(f"{directory}: already exists and is not empty; choose a new folder "
                           "so nothing is overwritten")
    source = example_kit_root()
    directory.mkdir(parents=True, exist_ok=True)
    for part in KIT_PARTS:
        origin = source / part
        if origin.is_dir():
            shutil.copytree(origin, directory / part)
        elif origin.is_file():
            shutil.copy2(origin, directory / part)
    (directory / ".gitignore").write_text(GITIGNORE, encoding="utf-8")
    click.echo(f"Created a kit in {directory}. Next:\n  cd {directory}\n  prepkit check")
