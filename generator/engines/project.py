"""The kit as a project any engine that reads mkdocs.yml can build: `prepkit export` writes it
for plain MkDocs-Material, and the Zensical engine builds it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import yaml

from generator.errors import Diagnostic
from generator.forking import ForkedCall
from generator.output import OwnedFolder, WriteStats, kit_lock
from generator.read.overrides import check_overrides
from generator.read.settings import KitLocation, plugin_entries, read_mkdocs_config
from generator.render.calendar import calendar_bytes
from generator.render.pages import Page
from generator.render.sanitize import EXTENSION_NAME as SANITIZER_EXTENSION
from generator.render.site import (
    PreparedSite,
    RenderedSite,
    prepare_site,
    render_site,
    site_nav,
)

# Per-item pages are reached from index pages, never listed in the sidebar.
NOT_IN_NAV = "\n".join(f"/{folder}/*.md" for folder in
                       ("fields", "contacts", "questions", "interviews")) + "\n"


def export_kit(location: KitLocation, out_dir: Path, *, today: date | None,
               public: bool = False) -> tuple[list[Page], WriteStats]:
    """Write `out_dir/docs/` (every page) and `out_dir/mkdocs.yml` (plain MkDocs-Material,
    with the sanitizing Markdown extension, so the export is as safe as `prepkit build`)."""
    prepared = prepare_site(location.content_dir, today=today, public=public)
    folder = OwnedFolder.claim(out_dir, fence=location.fence, kind="export",
                               what="the export", audience=prepared.audience)
    with kit_lock(location.cache_dir):
        project = project_files(prepared, location, share=True)
        stats = folder.mirror(project.files)
    return project.pages, stats


@dataclass(frozen=True)
class Project:
    """A kit's site as files for an engine that reads `mkdocs.yml`: the generated pages in
    docs/, the theme folder in overrides/ and a config that needs no prepkit plugin."""

    pages: list[Page]
    files: dict[str, bytes]  # path in the project folder -> content
    warnings: list[Diagnostic]  # the kit's and its emails', as `prepkit check` gives them


def project_files(prepared: PreparedSite, location: KitLocation, *,
                  site_dir: str | None = None,
                  extra_docs: dict[str, bytes] | None = None, share: bool = False,
                  rendered: RenderedSite | None = None) -> Project:
    """The project of `prepared` (checked theme folder included); `site_dir` goes into its
    config, `extra_docs` (packets) into docs/. `rendered` is the site's pages and warnings
    when the caller has rendered them already. With `share`, forked processes do part of
    the work (see `generator.forking`; a process running threads does it all itself)."""
    config = read_mkdocs_config(location.config_file)
    overrides = _custom_dir(config, location)
    if overrides is not None:
        check_overrides(overrides, location.root)
    site_url = config.get("site_url")
    # With `share`, another core makes the calendar and half the pages meanwhile.
    with ForkedCall(partial(calendar_bytes, prepared.kit, prepared.relations,
                            today=prepared.today,
                            site_url=site_url if isinstance(site_url, str) else None),
                    fork=share) as calendar_call:
        if rendered is None:
            rendered = render_site(prepared, share=share)
        calendar = calendar_call.result()
    pages = rendered.pages
    plain = _plain_config(config, has_overrides=overrides is not None)
    plain["nav"] = site_nav(prepared.kit)
    if site_dir is not None:
        plain["site_dir"] = site_dir
    files = {"docs/calendar.ics": calendar,
             "mkdocs.yml": yaml.safe_dump(plain, sort_keys=False,
                                          allow_unicode=True).encode("utf-8")}
    files |= {f"docs/{page.uri}": page.text.encode("utf-8") for page in pages}
    files |= {f"docs/{name}": data for name, data in (extra_docs or {}).items()}
    if overrides is not None:
        files |= _theme_files(overrides)
    return Project(pages, files, rendered.warnings)


def _custom_dir(config: dict[str, Any], location: KitLocation) -> Path | None:
    custom_dir = (config.get("theme") or {}).get("custom_dir") \
        if isinstance(config.get("theme"), dict) else None
    if isinstance(custom_dir, str) and (location.root / custom_dir).is_dir():
        return location.root / custom_dir
    return None


def _theme_files(overrides: Path) -> dict[str, bytes]:
    """The theme folder's files, less the kit's own email templates (never published)."""
    files = {}
    for path in sorted(overrides.rglob("*")):
        relative = path.relative_to(overrides)
        if path.is_file() and relative.parts[0] != "emails":
            files[f"overrides/{relative.as_posix()}"] = path.read_bytes()
    return files


def _plain_config(config: dict[str, Any], *, has_overrides: bool) -> dict[str, Any]:
    plain = {key: value for key, value in config.items()
             if key not in ("docs_dir", "site_dir", "nav", "not_in_nav")}
    plain["docs_dir"] = "docs"
    plain["not_in_nav"] = NOT_IN_NAV
    plain["plugins"] = [name if options is None else {name: options}
                        for name, options in plugin_entries(config) if name != "prepkit"]
    extensions = list(plain.get("markdown_extensions") or [])
    names = {next(iter(item)) if isinstance(item, dict) else item for item in extensions}
    extensions += [name for name in ("tables", "admonition", "attr_list",
                                     "pymdownx.tasklist", SANITIZER_EXTENSION) if name not in names]
    plain["markdown_extensions"] = extensions
    theme = dict(config.get("theme") or {})
    if has_overrides:
        theme["custom_dir"] = "overrides"
    else:
        theme.pop("custom_dir", None)
    plain["theme"] = theme
    return plain
