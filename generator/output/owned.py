"""Folders prepkit owns: it writes, replaces and deletes only inside them, and only its files.

A folder prepkit writes carries a marker file (`.prepkit-output`, JSON) saying what kind of
output it holds, for which audience, and which files prepkit put there. Before prepkit
replaces or empties a folder it checks the marker: a folder without one is used only when it
is empty or missing, so a mistyped `--site-dir` or `--out` can never wipe someone's files.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.errors import PrepkitError
from generator.output.fence import (
    MARKER,
    Audience,
    Fence,
    UnsafeOutput,
    read_marker,
    site_around,
)
from generator.output.lock import LOCK_NAME


@dataclass(frozen=True)
class WriteStats:
    written: int
    unchanged: int
    removed: int

    def __add__(self, other: WriteStats) -> WriteStats:
        return WriteStats(self.written + other.written, self.unchanged + other.unchanged,
                          self.removed + other.removed)


def _cannot_write(path: Path, error: OSError) -> PrepkitError:
    return PrepkitError(f"{path}: cannot be written: {error.strerror or error}")


@dataclass(frozen=True)
class OwnedFolder:
    """A folder that holds one kind of prepkit output, checked before the first write."""

    path: Path  # real path
    kind: str
    audience: Audience | None

    @classmethod
    def claim(cls, target: Path, *, fence: Fence, kind: str, what: str,
              audience: Audience | None = None,
              adopt: Callable[[Path], bool] | None = None) -> OwnedFolder:
        """The folder for `what`, if prepkit may fill it: missing, empty, or marked as
        prepkit's output of the same kind (or unmarked but recognised by `adopt` as what an
        earlier prepkit wrote). Otherwise UnsafeOutput, before anything changes."""
        real = fence.check(target, what=what, audience=audience)
        if real.exists() and not real.is_dir():
            raise UnsafeOutput(f"{target}: is a file, not a folder; choose a folder for {what}")
        marker = read_marker(real) if real.is_dir() else None
        if marker is None and real.is_dir() and _has_entries(real) \
                and not (adopt is not None and adopt(real)):
            raise UnsafeOutput(f"{target}: holds files prepkit did not write; refusing to "
                               f"replace them with {what}. Choose an empty or new folder, or "
                               "empty this one first")
        if marker is not None and marker.get("kind") != kind:
            raise UnsafeOutput(f"{target}: holds prepkit's {marker.get('kind')} output, not "
                               f"{what}; choose another folder")
        return cls(real, kind, audience)

    def files(self) -> set[str]:
        """The files prepkit wrote here last time (paths relative to the folder)."""
        marker = read_marker(self.path) or {}
        listed = marker.get("files")
        return {name for name in listed if isinstance(name, str)} \
            if isinstance(listed, list) else set()

    def mark(self, files: Iterable[str]) -> None:
        """Record that prepkit owns this folder, for this audience, with these files."""
        data = {"kind": self.kind, "audience": self.audience.value if self.audience else None,
                "files": sorted(files)}
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path / MARKER,
                              (json.dumps(data, indent=1) + "\n").encode("utf-8"))
        except OSError as error:
            raise _cannot_write(self.path, error) from None

    def mirror(self, files: Mapping[str, bytes]) -> WriteStats:
        """Make the folder hold `files`: write those that changed, delete the files prepkit
        wrote here before that are no longer wanted, and touch nothing else."""
        stale = self.files() - set(files)
        stats = self.write(files, record=False)  # the marker is written once, below
        removed = 0
        for name in sorted(stale):
            path = self.path / name
            if path.is_file() and not path.is_symlink():
                path.unlink()
                removed += 1
                _remove_empty_parents(path.parent, self.path)
        self.mark(files)
        return stats + WriteStats(0, 0, removed)

    def write(self, files: Mapping[str, bytes], *, record: bool = True) -> WriteStats:
        """Write each file whose content changed (atomically); record them in the marker
        (unless the folder's content says whose it is, as a folder of schemas does)."""
        written = unchanged = 0
        try:
            for name, data in files.items():
                target = self.path / name
                if not (self.path / name).resolve().is_relative_to(self.path):
                    raise UnsafeOutput(f"{target}: leads outside {self.path}; not written")
                if write_if_changed(target, data):
                    written += 1
                else:
                    unchanged += 1
        except OSError as error:
            raise _cannot_write(self.path, error) from None
        if record:
            self.mark(self.files() | set(files))
        return WriteStats(written, unchanged, 0)


CACHE_NAME = ".prepkit-cache"


def claim_cache(target: Path, *, fence: Fence) -> Path:
    """The kit's cache folder (the plugin's `cache_dir`), checked before anything is put in
    it, the kit's lock file included."""
    return OwnedFolder.claim(target, fence=fence, kind="cache", what="prepkit's cache",
                             adopt=lambda folder: folder.name == CACHE_NAME).path


def publish_folder(target: Path, *, fence: Fence, kind: str, what: str,
                   fill: Callable[[Path], None]) -> Path:
    """Build a whole folder (a site) beside `target` and swap it in only once `fill` has
    finished, so a failed build leaves the old one as it was. `fill` marks the folder with
    its audience (the plugin does, once the kit has said which). Entries whose names start
    with a dot in the old folder are kept, as plain MkDocs keeps them. Returns the real path.
    """
    real = OwnedFolder.claim(target, fence=fence, kind=kind, what=what).path
    outer = site_around(real.parent)
    if outer is not None:
        raise UnsafeOutput(f"{target}: is inside {outer[0]}, a built site; build the site "
                           "beside it, not inside it")
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
        _sweep_leftovers(real)
        staging = Path(tempfile.mkdtemp(prefix=f".{real.name}.building-", dir=real.parent))
    except OSError as error:
        raise _cannot_write(real.parent, error) from None
    try:
        fill(staging)
        if read_marker(staging) is None:
            OwnedFolder(staging, kind, None).mark([])
        _swap(staging, real)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return real


def write_single_file(target: Path, data: bytes, *, fence: Fence, what: str,
                      audience: Audience | None, ours: Callable[[bytes], bool]) -> Path:
    """Write one file (an .ics); an existing file is replaced only if `ours` recognises it
    as prepkit's own output."""
    real = fence.check(target, what=what, audience=audience)
    if real.is_dir():
        raise UnsafeOutput(f"{target}: is a folder; give a file name for {what}")
    if real.exists():
        try:
            with real.open("rb") as existing:
                head = existing.read(4096)
        except OSError as error:
            raise _cannot_write(real, error) from None
        if not ours(head):
            raise UnsafeOutput(f"{target}: exists and was not written by prepkit; refusing to "
                               f"overwrite it with {what}. Choose another file name")
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(real, data)
    except OSError as error:
        raise _cannot_write(real, error) from None
    return real


def write_new_file(target: Path, data: bytes, *, fence: Fence | None, what: str) -> Path:
    """Create a file that must not exist yet (`new`, `init`): never overwrites anything."""
    if fence is not None:
        fence.check(target, what=what, inside_content=True)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("xb") as handle:  # "x": fails rather than overwrite
            handle.write(data)
    except FileExistsError:
        raise UnsafeOutput(f"{target}: already exists; nothing was overwritten") from None
    except OSError as error:
        raise _cannot_write(target, error) from None
    return target


def _swap(staging: Path, real: Path) -> None:
    """Put `staging` in place of `real`, carrying over the old folder's dot-entries."""
    retired: Path | None = None
    try:
        if real.exists():
            retired = Path(tempfile.mkdtemp(prefix=f".{real.name}.old-", dir=real.parent))
            real.rename(retired / real.name)
        staging.rename(real)
    except OSError as error:
        if retired is not None and not real.exists():
            (retired / real.name).rename(real)  # put the old site back as it was
            shutil.rmtree(retired, ignore_errors=True)
        raise _cannot_write(real, error) from None
    if retired is None:
        return
    old = retired / real.name
    for entry in os.scandir(old):
        if entry.name.startswith(".") and entry.name != MARKER \
                and not (real / entry.name).exists():
            Path(entry.path).rename(real / entry.name)
    shutil.rmtree(retired, ignore_errors=True)


def _sweep_leftovers(real: Path) -> None:
    """Remove what an interrupted run left beside the target (staging and retired folders);
    one that cannot be removed has a unique name, so it never blocks a later run."""
    if not real.parent.is_dir():
        return
    for entry in os.scandir(real.parent):
        if entry.is_dir(follow_symlinks=False) and (
                entry.name.startswith(f".{real.name}.building-")
                or entry.name.startswith(f".{real.name}.old-")):
            shutil.rmtree(entry.path, ignore_errors=True)


def _has_entries(folder: Path) -> bool:
    with os.scandir(folder) as entries:
        return any(entry.name != LOCK_NAME for entry in entries)


def _remove_empty_parents(folder: Path, top: Path) -> None:
    while folder != top and folder.is_relative_to(top) and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def write_if_changed(target: Path, data: bytes) -> bool:
    """Write `data` unless the file already holds it (its date then stays, which is what
    tells a watching server or a dirty build that nothing changed); True if written."""
    try:
        if target.read_bytes() == data:
            return False
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(target, data)
    return True


def write_atomically(target: Path, data: bytes) -> None:
    # A file is never seen half-written by a watching server or a second reader.
    temporary = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    temporary.write_bytes(data)
    temporary.replace(target)
