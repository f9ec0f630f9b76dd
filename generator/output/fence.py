"""Where a run may write: never onto the kit, into its content or git folders, or into a site
built for another audience."""

from __future__ import annotations

import enum
import json
import os
from dataclasses import dataclass
from pathlib import Path

from generator.errors import PrepkitError

MARKER = ".prepkit-output"


class Audience(enum.Enum):
    """Who an output is for: decided once per run."""

    PRIVATE = "private"
    PUBLIC = "public"


class UnsafeOutput(PrepkitError):
    """A target that would lose or expose something; refused before anything is written."""

    exit_code = 2


def absolute(path: Path) -> Path:
    """The path as the system will really use it: absolute, every symbolic link followed."""
    return Path(os.path.realpath(path))


@dataclass(frozen=True)
class Fence:
    """The folders of one kit that no output may replace, contain or fill."""

    kit_root: Path
    content_dir: Path

    @classmethod
    def around(cls, kit_root: Path, content_dir: Path) -> Fence:
        return cls(absolute(kit_root), absolute(content_dir))

    @property
    def git_dir(self) -> Path:
        return self.kit_root / ".git"

    def check(self, target: Path, *, what: str, audience: Audience | None = None,
              inside_content: bool = False) -> Path:
        """The real path of `target`, or UnsafeOutput if writing `what` there would replace
        the kit, its content or its history, write into them, or mix audiences."""
        real = absolute(target)
        shown = str(target)
        for kept, name in ((self.kit_root, "the kit folder"), (self.content_dir,
                           "the kit's content folder"), (self.git_dir, "the kit's .git folder")):
            if real == kept or kept.is_relative_to(real):
                raise UnsafeOutput(f"{shown}: refusing to write {what} there: it is or holds "
                                   f"{name} ({kept}), which would be lost; choose another "
                                   "folder")
        if real.is_relative_to(self.git_dir):
            raise UnsafeOutput(f"{shown}: refusing to write {what} inside the kit's .git "
                               "folder; choose another folder")
        if real.is_relative_to(self.content_dir) and not inside_content:
            raise UnsafeOutput(f"{shown}: refusing to write {what} inside the content folder "
                               f"({self.content_dir}), which holds only your own files; choose "
                               "another folder")
        if audience is not None:
            site = site_around(real)
            if site is not None and site[1] != audience.value:
                raise UnsafeOutput(f"{shown}: refusing to write {what} for a {audience.value} "
                                   f"audience into {site[0]}, a {site[1]} site; choose a "
                                   "folder outside it")
        return real


def read_marker(folder: Path) -> dict[str, object] | None:
    """What the marker of a folder prepkit wrote says, or None when there is none."""
    try:
        data = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def site_around(path: Path) -> tuple[Path, str] | None:
    """The built site that holds `path` (or is it), with its audience, if there is one."""
    for folder in (path, *path.parents):
        marker = read_marker(folder)
        if marker is not None and marker.get("kind") == "site":
            return folder, str(marker.get("audience"))
    return None
