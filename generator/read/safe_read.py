"""Read a kit's files without being led out of the kit, blocked, or flooded.

A kit from someone else may hold a symlink to any file on the machine, a FIFO (opening it
blocks until a writer comes), or a link to `/dev/zero` (it never ends, and its `st_size` is 0).
So a file is read only when the place it really leads to is inside the kit's root folder and
is a regular file, and never more than a set number of bytes is read from it.

`read_inside` is the one way the input side reads a file (`open_inside` when the caller
wants the opened file's identity before deciding to read it); `folder_inside` checks a folder
before it is listed. They raise `UnsafeFile` with a plain-English reason and a short code.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

__all__ = ["FileIdentity", "OpenedFile", "UnsafeFile", "folder_inside", "open_inside",
           "read_inside", "read_text_inside", "real_inside"]

# Flags for opening a file we only read: never follow a link at the last step (the path
# handed to os.open is already the real one), never block on a FIFO or a device.
_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
               | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0))
_CHUNK = 64 * 1024
_SPLIT = "Split it into several files or move long text elsewhere."


class UnsafeFile(Exception):
    """A file or folder that is not read: why, in a phrase that follows 'path: '."""

    def __init__(self, reason: str, code: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code


def real_inside(path: Path, root: Path) -> Path:
    """Where `path` really leads (every symlink followed), if that is inside `root`.

    `root` is compared by its own real location, so a kit reached through a symlink works.
    """
    real = Path(os.path.realpath(path))
    real_root = Path(os.path.realpath(root))
    if real != real_root and not real.is_relative_to(real_root):
        raise UnsafeFile("is a link that leads outside the kit folder; prepkit reads only "
                         "files inside the kit, so copy the file into the kit instead of "
                         "linking to it", "outside-kit")
    return real


def folder_inside(path: Path, root: Path) -> Path:
    """The real folder `path` leads to, checked to be inside `root` and to be a folder."""
    real = real_inside(path, root)
    try:
        info = real.stat()
    except OSError as error:
        raise UnsafeFile(f"cannot be read: {_reason(error)}", "unreadable") from None
    if not stat.S_ISDIR(info.st_mode):
        raise UnsafeFile(f"is {_kind(info.st_mode)}, not a folder", "not-a-file")
    return real


@dataclass(frozen=True)
class FileIdentity:
    """What tells one version of an opened file from another without reading it: a write,
    a truncation, `os.utime` or a replacement each change one of these."""

    device: int
    inode: int
    size: int
    modified_ns: int
    changed_ns: int

    @classmethod
    def of(cls, info: os.stat_result) -> FileIdentity:
        return cls(info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


class OpenedFile:
    """A regular file inside the kit, open for reading, no larger than the limit it was
    opened with when it was opened (see `open_inside`)."""

    def __init__(self, descriptor: int, identity: FileIdentity, limit: int) -> None:
        self._descriptor, self.identity, self._limit = descriptor, identity, limit

    def read(self) -> bytes:
        """Its bytes; UnsafeFile if it grew past the limit meanwhile or cannot be read."""
        limit = self._limit
        chunks: list[bytes] = []
        size = 0
        try:
            while size <= limit:
                chunk = os.read(self._descriptor, min(_CHUNK, limit + 1 - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
        except OSError as error:
            raise UnsafeFile(f"cannot be read: {_reason(error)}", "unreadable") from None
        if size > limit:
            raise UnsafeFile(f"is larger than {_size(limit)}, the most prepkit reads from a "
                             f"file. {_SPLIT}", "too-large")
        return b"".join(chunks)


@contextmanager
def open_inside(path: Path, root: Path, *, limit: int) -> Iterator[OpenedFile]:
    """`path`, a regular file inside `root`, opened; its identity is that of the file
    actually opened.

    Raises UnsafeFile when the file leads outside `root`, is not a regular file (FIFO,
    device, socket, folder), holds more than `limit` bytes, or cannot be opened.
    """
    real = real_inside(path, root)
    try:
        info = real.stat()
        _check_regular(info.st_mode)
        descriptor = os.open(real, _OPEN_FLAGS)
    except OSError as error:
        if error.errno == errno.ELOOP:  # the last step became a link after it was resolved
            raise UnsafeFile("changed into a link while it was read; run again",
                             "unreadable") from None
        raise UnsafeFile(f"cannot be read: {_reason(error)}", "unreadable") from None
    try:
        try:
            opened = os.fstat(descriptor)
        except OSError as error:
            raise UnsafeFile(f"cannot be read: {_reason(error)}", "unreadable") from None
        _check_regular(opened.st_mode)
        if (opened.st_dev, opened.st_ino) != (info.st_dev, info.st_ino):
            raise UnsafeFile("was replaced while it was read; run again", "unreadable")
        if opened.st_size > limit:
            raise UnsafeFile(f"is {opened.st_size:,} bytes; prepkit reads files up to "
                             f"{_size(limit)}. {_SPLIT}", "too-large")
        yield OpenedFile(descriptor, FileIdentity.of(opened), limit)
    finally:
        os.close(descriptor)


def read_inside(path: Path, root: Path, *, limit: int) -> bytes:
    """The bytes of `path`, a regular file inside `root`, at most `limit` of them.

    Raises UnsafeFile when the file leads outside `root`, is not a regular file (FIFO,
    device, socket, folder), holds more than `limit` bytes, or cannot be opened or read.
    At most `limit + 1` bytes are ever read, however the file changes meanwhile.
    """
    with open_inside(path, root, limit=limit) as opened:
        return opened.read()


def read_text_inside(path: Path, root: Path, *, limit: int) -> str:
    """`read_inside` decoded as UTF-8 (a byte-order mark is dropped)."""
    raw = read_inside(path, root, limit=limit)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnsafeFile(f"is not UTF-8 text (byte 0x{raw[error.start]:02x} at offset "
                         f"{error.start:,} cannot be decoded); save it with UTF-8 encoding",
                         "encoding") from None


def _check_regular(mode: int) -> None:
    if not stat.S_ISREG(mode):
        raise UnsafeFile(f"is {_kind(mode)}, not a regular file; prepkit reads regular files "
                         "only", "not-a-file")


def _kind(mode: int) -> str:
    if stat.S_ISREG(mode):
        return "a file"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _size(limit: int) -> str:
    if limit % (1024 * 1024) == 0:
        return f"{limit // (1024 * 1024)} MiB ({limit:,} bytes)"
    return f"{limit:,} bytes"


def _reason(error: OSError) -> str:
    return (error.strerror or type(error).__name__).rstrip(".")
