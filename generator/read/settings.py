"""Where a kit lives: its mkdocs.yml, and the prepkit plugin's settings in it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.errors import PrepkitError
from generator.output import Fence, claim_cache

DEFAULT_CONTENT_DIR = "content"
DEFAULT_CACHE_DIR = ".prepkit-cache"


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, which may hold tags such as !!python/name or !ENV: they become None.

    Nothing is constructed from a tag; MkDocs itself resolves them when it builds.
    """


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_TolerantLoader.add_multi_constructor("", _ignore_tag)
_TolerantLoader.add_multi_constructor("!", _ignore_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


@dataclass(frozen=True)
class KitLocation:
    config_file: Path
    content_dir: Path
    cache_name: str = DEFAULT_CACHE_DIR

    @property
    def root(self) -> Path:
        return self.config_file.parent

    @property
    def fence(self) -> Fence:
        """What no output of this kit may replace, hold or write into."""
        return Fence.around(self.root, self.content_dir)

    @property
    def cache_dir(self) -> Path:
        """The kit's cache folder, checked; it holds the lock every writing run takes."""
        return claim_cache(self.root / self.cache_name, fence=self.fence)


def locate_kit(config_file: Path) -> KitLocation:
    """Read `mkdocs.yml` enough to find the content folder (plugin option `content_dir`)."""
    if not config_file.is_file():
        raise PrepkitError(
            f"{config_file}: not found. Run prepkit from a kit folder, pass -f path/to/mkdocs.yml, "
            "or create a kit with 'prepkit init DIR'.")
    options = plugin_options(read_mkdocs_config(config_file))
    content_dir = options.get("content_dir") or DEFAULT_CONTENT_DIR
    if not isinstance(content_dir, str):
        raise PrepkitError(f"{config_file}: the prepkit plugin's content_dir must be a folder "
                           "name, like 'content'")
    cache_name = options.get("cache_dir") or DEFAULT_CACHE_DIR
    if not isinstance(cache_name, str):
        raise PrepkitError(f"{config_file}: the prepkit plugin's cache_dir must be a folder "
                           "name, like '.prepkit-cache'")
    return KitLocation(config_file=config_file, content_dir=config_file.parent / content_dir,
                       cache_name=cache_name)


def read_mkdocs_config(config_file: Path) -> dict[str, Any]:
    """mkdocs.yml as plain data; tags such as !!python/name are read as None."""
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8-sig"), _TolerantLoader)
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as error:
        raise PrepkitError(f"{config_file}: cannot be read as YAML: {error}") from None
    return config if isinstance(config, dict) else {}


def plugin_entries(config: dict[str, Any]) -> list[tuple[str, Any]]:
    """(name, options) for each plugin of a parsed mkdocs.yml, in list or mapping form."""
    plugins = config.get("plugins") or []
    if isinstance(plugins, dict):
        return list(plugins.items())
    return [next(iter(item.items())) if isinstance(item, dict) and item else (item, None)
            for item in plugins]


def plugin_options(config: dict[str, Any]) -> dict[str, Any]:
    """The prepkit plugin's options from a parsed mkdocs.yml."""
    for name, options in plugin_entries(config):
        if name == "prepkit":
            return options if isinstance(options, dict) else {}
    return {}


ENGINES = ("mkdocs", "zensical")


def configured_engine(config_file: Path) -> str:
    """The engine the prepkit plugin's `engine` option names in mkdocs.yml (default mkdocs)."""
    engine = plugin_options(read_mkdocs_config(config_file)).get("engine") or "mkdocs"
    if engine not in ENGINES:
        raise PrepkitError(f"{config_file}: the prepkit plugin's engine must be mkdocs or "
                           f"zensical, not {engine!r}")
    return str(engine)
