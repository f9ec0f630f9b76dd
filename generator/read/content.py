"""Read a content folder: find the files, read each safely, validate each into its model."""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import START, Diagnostic, Severity
from generator.kit import Kit
from generator.model import (
    CareerField,
    Contact,
    Employer,
    Entity,
    Interview,
    KitFile,
    Owner,
    QuestionSet,
)
from generator.model.types import MAX_ID_LENGTH, is_slug
from generator.read.load_cache import LoadCache, LoadedFile
from generator.read.safe_read import (
    UnsafeFile,
    folder_inside,
    open_inside,
    read_text_inside,
    real_inside,
)
from generator.read.validate import did_you_mean, validate_document
from generator.read.yaml_source import MAX_FILE_BYTES, YamlError, parse_yaml_bytes

# Folder name -> the model of each file in it, in the order they are read.
ENTITY_FOLDERS: dict[str, type[Entity]] = {
    "fields": CareerField,
    "employers": Employer,
    "contacts": Contact,
    "questions": QuestionSet,
    "interviews": Interview,
}
GUIDE_FOLDER = "guide"
KIT_FILE_NAMES = ("kit.yml", "kit.yaml")
YAML_SUFFIXES = (".yml", ".yaml")


@dataclass
class LoadResult:
    """The kit if its files are valid, and every diagnostic found on the way."""

    kit: Kit | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files_read: int = 0
    # Ids whose file exists but did not validate: references to them are not "unknown".
    broken_ids: dict[str, set[str]] = field(default_factory=dict)


def display_path(path: Path) -> str:
    """The path as the user would type it: relative to the working folder when inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        relative = ".."
    shown = str(path) if relative.startswith("..") else relative
    # A file name that is not UTF-8 must still print: show its odd bytes as U+FFFD.
    return shown.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def suggested_id(name: str) -> str:
    """An id made from any name: 'José Müller' -> 'jose-muller', 'Łódź' -> 'lodz'."""
    slug = re.sub(r"[^a-z0-9]+", "-", transliterate(name).lower()).strip("-")
    return slug[:MAX_ID_LENGTH].rstrip("-") or "my-item"


# Letters NFKD does not take apart into a base letter and accents.
_LATIN_EXTRAS = str.maketrans({
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE",
    "œ": "oe", "Œ": "OE", "đ": "d", "Đ": "D", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D",
    "ħ": "h", "Ħ": "H", "ı": "i", "ŧ": "t", "Ŧ": "T", "ŋ": "ng", "Ŋ": "NG", "ĸ": "k",
})


def transliterate(text: str) -> str:
    """Latin letters with their accents dropped ('é' -> 'e', 'ł' -> 'l'); other scripts stay."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LATIN_EXTRAS))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def read_content(content_dir: Path, *, kit_root: Path | None = None,
                 cache: LoadCache | None = None) -> LoadResult:
    """Read and validate every file under `content_dir` (no cross-checks yet).

    Only files that really are inside `kit_root` (the kit folder, the one holding mkdocs.yml;
    by default the content folder's parent) are read: a symlink leading out of it, a FIFO or
    a device anywhere in the content folder is an error, and the file is never opened.
    With a `cache` (a serve session's), a file opened and found the same as at the last
    reload is not parsed and validated again.
    """
    result = LoadResult(kit=None)
    if cache is not None:
        cache.new_round()
    root = content_dir.parent if kit_root is None else kit_root
    shown = display_path(content_dir)
    if not os.path.lexists(content_dir) or not (content_dir.is_dir()
                                                or content_dir.is_symlink()):
        result.diagnostics.append(Diagnostic(
            shown, START, "content folder not found; create it with 'prepkit init' or set "
            "content_dir in the prepkit plugin's settings in mkdocs.yml", code="no-content"))
        return result
    top = _listing(content_dir, root, result)
    if top is None:
        return result
    settings = _read_kit_file(content_dir, root, result, cache)
    entities: dict[str, dict[str, Any]] = {}
    for folder, model in ENTITY_FOLDERS.items():
        entities[folder], result.broken_ids[folder] = _read_entity_folder(
            content_dir / folder, model, root, result, cache)
    guide_pages, guide_texts = _read_guide_pages(content_dir / GUIDE_FOLDER, root, result)
    _warn_about_strays(top, root, result)
    # With a broken kit.yml the other files are still cross-checked, under default settings.
    result.kit = Kit(
            content_dir=content_dir, settings=settings or _placeholder_settings(),
            fields=entities["fields"], contacts=entities["contacts"],
            question_sets=entities["questions"], interviews=entities["interviews"],
            guide_pages=guide_pages, guide_texts=guide_texts, employers=entities["employers"],
        )
    return result


def _placeholder_settings() -> KitFile:
    return KitFile(title="(kit.yml has errors)", owner=Owner(name="(kit.yml has errors)"))


def _listing(folder: Path, root: Path, result: LoadResult) -> list[Path] | None:
    """The entries of a folder inside the kit, sorted; None (and an error) when it leads out
    of the kit, is not a folder, or cannot be listed."""
    try:
        folder_inside(folder, root)
        entries = list(folder.iterdir())
    except UnsafeFile as problem:
        result.diagnostics.append(Diagnostic(display_path(folder), START,
                                             f"folder {problem.reason}", code=problem.code))
        return None
    except OSError as error:
        reason = (error.strerror or type(error).__name__).rstrip(".")
        result.diagnostics.append(Diagnostic(display_path(folder), START,
                                             f"folder cannot be read: {reason}",
                                             code="unreadable"))
        return None
    return sorted(entries)


def _kind_of(path: Path, root: Path, result: LoadResult) -> str | None:
    """'file' or 'folder' for what `path` leads to inside the kit; None, with an error
    reported, for a link out of the kit, a FIFO, a device or anything that cannot be read."""
    try:
        real_inside(path, root)
        mode = path.stat().st_mode
    except UnsafeFile as problem:
        result.diagnostics.append(Diagnostic(display_path(path), START, problem.reason,
                                             code=problem.code))
        return None
    except OSError as error:
        reason = (error.strerror or type(error).__name__).rstrip(".")
        result.diagnostics.append(Diagnostic(display_path(path), START,
                                             f"cannot be read: {reason}", code="unreadable"))
        return None
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISREG(mode):
        return "file"
    what = "a FIFO (named pipe)" if stat.S_ISFIFO(mode) else (
        "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a special file")
    result.diagnostics.append(Diagnostic(
        display_path(path), START, f"is {what}, not a regular file; prepkit reads regular "
        "files only, so delete it or replace it with a file", code="not-a-file"))
    return None


def _read_kit_file(content_dir: Path, root: Path, result: LoadResult,
                   cache: LoadCache | None) -> KitFile | None:
    present = [content_dir / name for name in KIT_FILE_NAMES
               if os.path.lexists(content_dir / name)]
    if not present:
        result.diagnostics.append(Diagnostic(
            display_path(content_dir / KIT_FILE_NAMES[0]), START,
            "missing; every kit needs a kit.yml with at least 'title' and 'owner: {name: ...}'",
            code="no-kit-file"))
        return None
    if len(present) > 1:
        result.diagnostics.append(Diagnostic(
            display_path(present[1]), START, "kit.yml and kit.yaml both exist; keep one",
            code="duplicate-id"))
    result.files_read += 1
    kind = _kind_of(present[0], root, result)
    if kind == "folder":
        result.diagnostics.append(Diagnostic(
            display_path(present[0]), START, "is a folder; the kit's settings go in a file "
            "named kit.yml", code="not-a-file"))
    if kind != "file":
        return None  # a link out of the kit, a FIFO, a folder...: reported, never opened
    loaded = _load_file(present[0], KitFile, None, root, cache)
    result.diagnostics.extend(loaded.diagnostics)
    return loaded.entity


def _load_file(path: Path, model: type[Any], entity_id: str | None, root: Path,
               cache: LoadCache | None) -> LoadedFile:
    """Read, parse and validate one file. An entity file (`entity_id` given) also yields
    the partial model of an invalid file, for the cross-checks; kit.yml only a valid one."""
    def parse(raw: bytes) -> LoadedFile:
        try:
            document = parse_yaml_bytes(raw, path=path, display=display_path(path))
        except YamlError as error:
            return LoadedFile(None, (error.diagnostic,))
        validated = validate_document(model, document)
        if entity_id is None:
            return LoadedFile(validated.model, tuple(validated.problems))
        entity = validated.model or validated.partial
        if entity is not None:
            entity.bind(entity_id, document)
        return LoadedFile(entity, tuple(validated.problems))

    try:
        with open_inside(path, root, limit=MAX_FILE_BYTES) as opened:
            return parse(opened.read()) if cache is None else \
                cache.load(path, model, opened, parse)
    except UnsafeFile as problem:
        return LoadedFile(None, (Diagnostic(display_path(path), START, f"file {problem.reason}",
                                            code=problem.code),))


def _read_entity_folder(folder: Path, model: type[Entity], root: Path, result: LoadResult,
                        cache: LoadCache | None) -> tuple[dict[str, Any], set[str]]:
    """The folder's valid entities by id, and the ids of its files that did not validate
    (references to those are not "unknown": the file exists)."""
    found: dict[str, Any] = {}
    broken: set[str] = set()
    if not folder.is_dir():
        return found, broken  # missing, or a file: _warn_about_strays reports it
    entries = _listing(folder, root, result)
    seen_paths: dict[str, Path] = {}
    for path in entries or []:
        if path.name.startswith("."):
            continue
        kind = _kind_of(path, root, result)
        if path.suffix in YAML_SUFFIXES:
            broken.add(path.stem)
        if kind is None:
            continue
        if kind == "folder" or path.suffix not in YAML_SUFFIXES:
            result.diagnostics.append(Diagnostic(
                display_path(path), START, f"not a .yml file, so it is ignored; files in "
                f"{folder.name}/ are read only when they end in .yml", severity=Severity.WARNING,
                code="ignored-file"))
            continue
        entity_id = path.stem
        if not is_slug(entity_id):
            result.diagnostics.append(Diagnostic(
                display_path(path), START, f"file name {entity_id!r} is not a valid id; ids are "
                f"lowercase letters, digits and single hyphens: rename it to "
                f"'{suggested_id(entity_id)}{path.suffix}'", code="bad-id"))
            continue
        if entity_id in seen_paths:
            result.diagnostics.append(Diagnostic(
                display_path(path), START, f"id {entity_id!r} is already used by "
                f"{display_path(seen_paths[entity_id])}; keep one of the two", code="duplicate-id"))
            continue
        seen_paths[entity_id] = path
        result.files_read += 1
        loaded = _load_file(path, model, entity_id, root, cache)
        result.diagnostics.extend(loaded.diagnostics)
        if loaded.entity is not None:
            found[entity_id] = loaded.entity
    return found, broken - set(found)


def _read_guide_pages(folder: Path, root: Path,
                      result: LoadResult) -> tuple[dict[str, Path], dict[str, str]]:
    """The guide pages' paths and texts by slug: each page is read here, once, so nothing
    after this has to open a file of the kit again."""
    pages: dict[str, Path] = {}
    texts: dict[str, str] = {}
    if not folder.is_dir():
        return pages, texts  # missing, or a file: _warn_about_strays reports it
    for path in _listing(folder, root, result) or []:
        if path.name.startswith("."):
            continue
        kind = _kind_of(path, root, result)
        if kind is None:
            continue
        if path.suffix != ".md" or kind != "file":
            result.diagnostics.append(Diagnostic(
                display_path(path), START, "only Markdown (.md) files are read from guide/; "
                "this one is ignored", severity=Severity.WARNING, code="ignored-file"))
        elif not is_slug(path.stem):
            result.diagnostics.append(Diagnostic(
                display_path(path), START, f"page name {path.stem!r} is not a valid id: rename "
                f"it to '{suggested_id(path.stem)}.md'", code="bad-id"))
        else:
            try:
                texts[path.stem] = read_text_inside(path, root, limit=MAX_FILE_BYTES)
            except UnsafeFile as problem:
                result.diagnostics.append(Diagnostic(display_path(path), START,
                                                     f"file {problem.reason}", code=problem.code))
                continue
            pages[path.stem] = path
    return pages, texts


def _warn_about_strays(entries: list[Path], root: Path, result: LoadResult) -> None:
    known = [*KIT_FILE_NAMES, *ENTITY_FOLDERS, GUIDE_FOLDER]
    for path in entries:
        if path.name.startswith(".") or path.name in KIT_FILE_NAMES:
            continue  # the kit file was checked when it was read
        if path.name in (*ENTITY_FOLDERS, GUIDE_FOLDER):
            if path.is_dir():
                continue  # listed (or refused) when its files were read
            if _kind_of(path, root, result) == "file":
                result.diagnostics.append(Diagnostic(
                    display_path(path), START, "should be a folder holding one file per item, "
                    "but it is a file; it is ignored", severity=Severity.WARNING,
                    code="ignored-file"))
            continue
        if _kind_of(path, root, result) is None:
            continue
        hint = did_you_mean(path.name, known)
        result.diagnostics.append(Diagnostic(
            display_path(path), START, f"not part of a kit, so it is ignored{hint} "
            f"(a kit holds {', '.join(known)})", severity=Severity.WARNING, code="ignored-file"))

