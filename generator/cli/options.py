"""Options shared by the commands that work on a kit folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def config_file_option(function: F) -> F:
    return click.option(
        "-f", "--config-file", "config_file", type=click.Path(dir_okay=False, path_type=Path),
        default=Path("mkdocs.yml"), show_default=True,
        help="The kit's mkdocs.yml; its folder is the kit folder.")(function)
