"""The kit's theme folder (`site_overrides/`, MkDocs' `custom_dir`) holds only the kit's own
regular files.

The theme engine reads templates from it and copies every other file into the site, following
symbolic links. So before any engine sees the folder, every entry is checked: a link that
leads outside the kit, a FIFO, a device or a socket is a located error, and nothing is read or
published.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from generator.errors import START, ContentError, Diagnostic
from generator.read.content import display_path


def unsafe_entries(folder: Path, kit_root: Path) -> list[Diagnostic]:
    """One error for each entry of `folder` that is not a regular file or folder inside the
    kit (links are followed only to check where they lead)."""
    if not folder.is_dir():
        return []
    root = Path(os.path.realpath(kit_root))
    problems: list[Diagnostic] = []
    for here, folders, files in os.walk(folder):
        for name in [*folders, *files]:
            path = Path(here) / name
            reason = _problem(path, root)
            if reason is not None:
                problems.append(Diagnostic(display_path(path), START, reason,
                                           code="unsafe-file"))
        # A linked folder is reported above and never walked into.
        folders[:] = [name for name in folders if not (Path(here) / name).is_symlink()]
    return problems


def check_overrides(folder: Path, kit_root: Path) -> None:
    """Raise ContentError listing every unsafe entry of the theme folder."""
    problems = unsafe_entries(folder, kit_root)
    if problems:
        raise ContentError(problems)


def _problem(path: Path, root: Path) -> str | None:
    try:
        if path.is_symlink() and not Path(os.path.realpath(path)).is_relative_to(root):
            return (f"is a link to {str(path.readlink())!r}, outside the kit; copy the file "
                    "into the kit instead")
        mode = path.stat().st_mode
    except OSError as error:
        return f"cannot be read: {error.strerror or error}"
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        return "is not a regular file (a FIFO, device or socket); remove it"
    return None
