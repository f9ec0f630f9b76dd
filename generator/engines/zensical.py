"""The Zensical engine: the core writes the kit's project (pages, theme folder, calendar,
packets, a plain mkdocs.yml) into the cache, and Zensical turns it into the site.

Zensical reads `mkdocs.yml` and Material's settings, and loads Python-Markdown extensions
(so the sanitizer runs), but no MkDocs plugin: nothing of prepkit happens inside it. The
project lives in `.prepkit-cache/zensical-<audience>/`, which Zensical requires to hold the
site it builds; the finished site is then swapped into place like any prepkit build.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.check.warning_summary import warning_lines
from generator.clock import source_date_epoch
from generator.engines.project import Project, project_files
from generator.errors import PrepkitError
from generator.output import OwnedFolder, kit_lock, publish_folder
from generator.packets import write_site_packets
from generator.read.settings import KitLocation, locate_kit, read_mkdocs_config
from generator.render.site import PreparedSite, RenderedSite, prepare_site

PROJECT_SITE = "site"  # where Zensical writes, inside the project folder


@dataclass(frozen=True)
class ZensicalBuild:
    site_dir: Path
    warnings: list[str]


def project_folder(location: KitLocation, prepared: PreparedSite) -> OwnedFolder:
    """The kit's Zensical project in the cache, one per audience."""
    return OwnedFolder.claim(location.cache_dir / f"zensical-{prepared.audience.value}",
                             fence=location.fence, kind="zensical-project",
                             what="the Zensical project", audience=prepared.audience)


def write_project(location: KitLocation, prepared: PreparedSite, folder: OwnedFolder, *,
                  share: bool = False, rendered: RenderedSite | None = None) -> Project:
    """Write (only what changed of) the project into `folder`; its config is mkdocs.yml.
    `rendered` is the site's pages and warnings when the caller has rendered them already."""
    project = project_in(location, prepared, folder, share=share, rendered=rendered)
    folder.mirror(project.files)
    return project


def project_in(location: KitLocation, prepared: PreparedSite, folder: OwnedFolder, *,
               share: bool = False, rendered: RenderedSite | None = None) -> Project:
    """The project `write_project` writes into `folder` (its packets are printed beside it,
    when asked for)."""
    packets: dict[str, bytes] = {}
    if prepared.packets:
        printed = write_site_packets(prepared.kit, prepared.relations,
                                     out_dir=folder.path.parent / f"packets-{folder.path.name}",
                                     today=prepared.today, public=prepared.public)
        packets = {f"packets/{interview_id}.pdf": path.read_bytes()
                   for interview_id, path in printed.items()}
    return project_files(prepared, location, site_dir=PROJECT_SITE, extra_docs=packets,
                         share=share, rendered=rendered)


def build_with_zensical(config_file: Path, *, site_dir: Path | None, today: date | None,
                        strict: bool = False, public: bool = False,
                        packets: bool = False) -> ZensicalBuild:
    """`prepkit build --engine zensical`: the same pages as the MkDocs engine gives."""
    location = locate_kit(config_file)
    configured = read_mkdocs_config(config_file).get("site_dir")
    target = site_dir if site_dir is not None else \
        location.root / (configured if isinstance(configured, str) else "site")
    prepared = prepare_site(location.content_dir, today=today, public=public, packets=packets)
    with kit_lock(location.cache_dir):
        folder = project_folder(location, prepared)
        warnings = warning_lines(write_project(location, prepared, folder, share=True).warnings)
        if strict and warnings:
            raise PrepkitError("\n".join([*warnings, "warnings found and --strict was given; "
                                          "nothing was built"]))
        config = folder.path / "mkdocs.yml"

        def fill(staging: Path) -> None:
            run_zensical_build(config, strict=strict, today=prepared.today)
            _move_contents(folder.path / PROJECT_SITE, staging)
            OwnedFolder(staging, "site", prepared.audience).mark([])

        real = publish_folder(target, fence=location.fence, kind="site", what="the site",
                              fill=fill)
    return ZensicalBuild(real, warnings)


def run_zensical_build(config: Path, *, strict: bool, today: date) -> None:
    """`zensical build` in a process of its own (its runtime keeps state between builds)."""
    arguments = [sys.executable, "-m", "zensical", "build", "-f", str(config)]
    if strict:
        arguments.append("--strict")
    done = subprocess.run(arguments, cwd=config.parent, env=zensical_env(today),
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        output = (done.stdout + done.stderr).strip()
        raise PrepkitError(f"Zensical did not build the site:\n{output}")


def zensical_env(today: date | None) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if today is not None:  # the same sitemap dates as a MkDocs build of that day
        env["SOURCE_DATE_EPOCH"] = source_date_epoch(today)
    return env


def _move_contents(source: Path, staging: Path) -> None:
    if not source.is_dir():
        raise PrepkitError(f"Zensical wrote no site into {source}")
    for entry in source.iterdir():
        try:
            entry.rename(staging / entry.name)
        except OSError:  # another file system: copy instead
            if entry.is_dir():
                shutil.copytree(entry, staging / entry.name)
            else:
                shutil.copy2(entry, staging / entry.name)
    shutil.rmtree(source, ignore_errors=True)
