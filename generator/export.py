"""`prepkit export`: the generated Markdown and a mkdocs.yml that needs no prepkit plugin."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from generator.calendar import calendar_bytes
from generator.clock import current_moment
from generator.derive import relate
from generator.errors import PrepkitError
from generator.render.pages import Page
from generator.settings import KitLocation, plugin_entries, read_mkdocs_config
from generator.site import generate_site, site_nav
from generator.write import WriteStats

# Per-item pages are reached from index pages, never listed in the sidebar.
NOT_IN_NAV = "\n".join(f"/{folder}/*.md" for folder in
                       ("fields", "contacts", "questions", "interviews")) + "\n"


def export_kit(location: KitLocation, out_dir: Path, *, today: date | None,
               public: bool = False) -> tuple[list[Page], WriteStats]:
    """Write `out_dir/docs/` (every page) and `out_dir/mkdocs.yml` (plain MkDocs-Material)."""
    out = out_dir.resolve()
    if out.is_relative_to(location.content_dir.resolve()):
        raise PrepkitError(f"{out_dir}: is inside the content folder; export somewhere else")
    docs = out / "docs"
    site = generate_site(location.content_dir, docs, today=today, public=public)
    for slug, path in site.kit.guide_pages.items():
        shutil.copy2(path, docs / "guide" / f"{slug}.md")
    now = current_moment(site.kit, today)
    site_url = read_mkdocs_config(location.config_file).get("site_url")
    (docs / "calendar.ics").write_bytes(calendar_bytes(
        site.kit, relate(site.kit, now), today=now.date(),
        site_url=site_url if isinstance(site_url, str) else None, public=site.public))
    config = _plain_config(read_mkdocs_config(location.config_file), location, out)
    config["nav"] = site_nav(site.kit)
    (out / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True),
                                    encoding="utf-8")
    return site.pages, site.stats


def _plain_config(config: dict[str, Any], location: KitLocation, out: Path) -> dict[str, Any]:
    plain = {key: value for key, value in config.items()
             if key not in ("docs_dir", "site_dir", "nav", "not_in_nav")}
    plain["docs_dir"] = "docs"
    plain["not_in_nav"] = NOT_IN_NAV
    plain["plugins"] = [name if options is None else {name: options}
                        for name, options in plugin_entries(config) if name != "prepkit"]
    theme = dict(config.get("theme") or {})
    custom_dir = theme.get("custom_dir")
    if isinstance(custom_dir, str) and (location.root / custom_dir).is_dir():
        target = out / "overrides"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(location.root / custom_dir, target)
        theme["custom_dir"] = "overrides"
    plain["theme"] = theme
    return plain
