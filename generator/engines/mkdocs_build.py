"""Running MkDocs from prepkit's own commands, with its messages shown plainly."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, cast

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError

from generator.clock import source_date_epoch
from generator.engines.mkdocs_plugin import PrepkitPlugin
from generator.errors import PrepkitError
from generator.output import Fence, claim_cache, kit_lock, publish_folder

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # keep the output about the user's kit


class _PlainFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        return message if record.levelno < logging.WARNING else \
            f"{record.levelname.lower()}: {message}"


@contextmanager
def mkdocs_logging(verbose: bool = False,
                   drop: Callable[[logging.LogRecord], bool] | None = None) -> Iterator[None]:
    """Show MkDocs' messages plainly; `drop` hides records that are reported another way."""
    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler()
    handler.setFormatter(_PlainFormatter())
    if drop is not None:
        handler.addFilter(lambda record: not drop(record))
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


def build_site(config_file: Path, *, site_dir: Path | None, today: date | None,
               strict: bool = False, public: bool = False, packets: bool = False,
               verbose: bool = False) -> MkDocsConfig:
    """`mkdocs build` for the kit, with prepkit's options applied; raise PrepkitError.

    The site is built in a folder of its own beside the target and swapped in only when the
    build succeeds, so a failed build leaves the previous site as it was; the target is
    checked first (`generator.output`), and the kit's lock keeps a second build waiting.
    """
    config = load_kit_config(config_file)
    options = cast(PrepkitPlugin, config.plugins["prepkit"]).config
    root = Path(config.config_file_path or config_file).resolve().parent
    fence = Fence.around(root, root / options.content_dir)
    target = Path(site_dir) if site_dir is not None else Path(config.site_dir)
    built: list[MkDocsConfig] = []

    def fill(staging: Path) -> None:
        built.append(_build_into(config_file, staging, today=today, strict=strict,
                                 public=public, packets=packets, verbose=verbose))

    with kit_lock(claim_cache(root / options.cache_dir, fence=fence)):
        real = publish_folder(target, fence=fence, kind="site", what="the site", fill=fill)
    config = built[0]
    config.site_dir = str(real)
    return config


def _build_into(config_file: Path, staging: Path, *, today: date | None, strict: bool,
                public: bool, packets: bool, verbose: bool) -> MkDocsConfig:
    plugin: PrepkitPlugin | None = None

    def reported_by_us(record: logging.LogRecord) -> bool:
        failure = plugin.failure if plugin is not None else None
        return failure is not None and record.getMessage() == failure.format_message()

    with mkdocs_logging(verbose, drop=reported_by_us), _build_date(today):
        config = load_kit_config(config_file, strict=strict, site_dir=str(staging))
        plugin = cast(PrepkitPlugin, config.plugins["prepkit"])
        plugin.today = today  # parsed once, by the command; None: the plugin's own setting
        if public:
            plugin.config.public = True
        if packets:
            plugin.config.packets = True
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        except Abort as error:
            if plugin.failure is not None:
                raise plugin.failure from None
            raise PrepkitError(f"the site was not built: {error}") from None
        finally:
            config.plugins.on_shutdown()
    return config


@contextmanager
def _build_date(today: date | None) -> Iterator[None]:
    """MkDocs dates the sitemap from SOURCE_DATE_EPOCH: tie it to --today for identical builds."""
    if today is None:
        yield
        return
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = source_date_epoch(today)
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous
