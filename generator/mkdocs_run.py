"""Running MkDocs from prepkit's own commands, with its messages shown plainly."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError

from generator.errors import PrepkitError

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # keep the output about the user's kit


class _PlainFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        return message if record.levelno < logging.WARNING else \
            f"{record.levelname.lower()}: {message}"


@contextmanager
def mkdocs_logging(verbose: bool = False) -> Iterator[None]:
    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler()
    handler.setFormatter(_PlainFormatter())
    previous = (logger.level, logger.propagate)
    logger.addHandler(handler)
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous[0])
        logger.propagate = previous[1]


def load_kit_config(config_file: Path, **overrides: Any) -> MkDocsConfig:
    if not config_file.is_file():
        raise PrepkitError(f"{config_file}: not found. Run prepkit from a kit folder, pass "
                           "-f path/to/mkdocs.yml, or create a kit with 'prepkit init DIR'.")
    try:
        config = load_config(config_file=str(config_file), **overrides)
    except (ConfigurationError, Abort) as error:
        raise PrepkitError(f"{config_file}: {error}") from None
    if "prepkit" not in config.plugins:
        raise PrepkitError(f"{config_file}: the prepkit plugin is not enabled; add "
                           "'- prepkit' under 'plugins:'")
    return config


def build_site(config_file: Path, *, site_dir: Path | None, today: str | None,
               strict: bool = False, public: bool = False,
               verbose: bool = False) -> MkDocsConfig:
    """`mkdocs build` for the kit, with prepkit's options applied; raise PrepkitError."""
    overrides: dict[str, Any] = {"strict": strict}
    if site_dir is not None:
        overrides["site_dir"] = str(site_dir.resolve())
    with mkdocs_logging(verbose):
        config = load_kit_config(config_file, **overrides)
        if today is not None:
            config.plugins["prepkit"].config.today = today
        if public:
            config.plugins["prepkit"].config.public = True
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        except Abort as error:
            raise PrepkitError(f"the site was not built: {error}") from None
        finally:
            config.plugins.on_shutdown()
    return config
