"""What reading and validating each content file gave, kept by a serve session so a reload
after one edit parses only the files that changed.

A file is known by the identity of the file actually opened (device, inode, size, modified
and changed times): the safety checks of `generator.read.safe_read` still run on every file on
every reload, and only the parsing and validating of a file whose identity is unchanged is
skipped. A timestamp ticks coarsely (up to 2 s on some file systems), so a file changed
shortly before it was read could change again with the same identity: such an entry is
trusted only after its bytes are read again and found the same, once the tick has passed.

A cache belongs to one session (a served kit); builds and checks read every file afresh.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import Diagnostic
from generator.read.safe_read import FileIdentity, OpenedFile

# Longer than any file system's timestamp tick (FAT: 2 s), with a margin for clock skew.
SETTLE_NS = 3_000_000_000


@dataclass(frozen=True)
class LoadedFile:
    """One file read and validated: its entity (the valid model, else the partial one the
    cross-checks may look at, else None) and what was found wrong with it."""

    entity: Any | None
    diagnostics: tuple[Diagnostic, ...]


@dataclass
class _Entry:
    identity: FileIdentity
    digest: bytes
    loaded: LoadedFile
    read_ns: int  # when (by the wall clock) its bytes were last read
    round: int  # the last reload that met this file


class LoadCache:
    """Per served kit: each content file's LoadedFile, by path and model."""

    def __init__(self) -> None:
        self._entries: dict[tuple[Path, type], _Entry] = {}
        self._round = 0
        self._started_ns = 0
        self.parsed: list[Path] = []  # the files the current reload had to parse (changed)

    def new_round(self) -> None:
        """Start a reload: forget the files the last reload did not meet (deleted, renamed)."""
        self._entries = {key: entry for key, entry in self._entries.items()
                         if entry.round == self._round}
        self._round += 1
        self._started_ns = time.time_ns()
        self.parsed = []

    def load(self, path: Path, model: type, opened: OpenedFile,
             parse: Callable[[bytes], LoadedFile]) -> LoadedFile:
        """What `parse` gives for the opened file's bytes: kept from an earlier reload when
        the file is the same, else parsed now (and kept). UnsafeFile if it cannot be read."""
        entry = self._entries.get((path, model))
        if entry is None or entry.identity != opened.identity:
            return self._parse(path, model, opened, parse)
        entry.round = self._round
        if entry.identity.changed_ns + SETTLE_NS < entry.read_ns:
            return entry.loaded  # settled: its identity alone vouches for its bytes
        raw = opened.read()
        if _digest(raw) != entry.digest:
            return self._parse(path, model, opened, parse, raw)
        entry.read_ns = self._started_ns
        return entry.loaded

    def _parse(self, path: Path, model: type, opened: OpenedFile,
               parse: Callable[[bytes], LoadedFile], raw: bytes | None = None) -> LoadedFile:
        raw = opened.read() if raw is None else raw
        loaded = parse(raw)
        self.parsed.append(path)
        self._entries[(path, model)] = _Entry(opened.identity, _digest(raw), loaded,
                                              self._started_ns, self._round)
        return loaded


def _digest(raw: bytes) -> bytes:
    return hashlib.blake2b(raw, digest_size=16).digest()
