"""Read a content folder: find the files, read each safely, validate each into its model."""

from __future__ import annotations

import os
import re
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
from generator.model.types import is_slug
from generator.validate import did_you_mean, validate_document
from generator.yaml_source import YamlError, read_yaml_file

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
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug or "my-item"


def read_content(content_dir: Path) -> LoadResult:
    """Read and validate every file under `content_dir` (no cross-checks yet)."""
    result = LoadResult(kit=None)
    shown = display_path(content_dir)
    if not content_dir.is_dir():
        result.diagnostics.append(Diagnostic(
            shown, START, "content folder not found; create it with 'prepkit init' or set "
            "content_dir in the prepkit plugin's settings in mkdocs.yml", code="no-content"))
        return result
    settings = _read_kit_file(content_dir, result)
    entities: dict[str, dict[str, Any]] = {}
    for folder, model in ENTITY_FOLDERS.items():
        entities[folder] = _read_entity_folder(content_dir / folder, model, result)
        # Files that could not be read still exist: references to them are not "unknown".
        result.broken_ids[folder] = {path.stem for path in _yaml_files(content_dir / folder)
                                     if path.stem not in entities[folder]}
    guide_pages = _find_guide_pages(content_dir / GUIDE_FOLDER, result)
    _warn_about_strays(content_dir, result)
    # With a broken kit.yml the other files are still cross-checked, under default settings.
    result.kit = Kit(
            content_dir=content_dir, settings=settings or _placeholder_settings(),
            fields=entities["fields"], contacts=entities["contacts"],
            question_sets=entities["questions"], interviews=entities["interviews"],
            guide_pages=guide_pages, employers=entities["employers"],
        )
    return result


def _placeholder_settings() -> KitFile:
    return KitFile(title="(kit.yml has errors)", owner=Owner(name="(kit.yml has errors)"))


def _read_kit_file(content_dir: Path, result: LoadResult) -> KitFile | None:
    present = [content_dir / name for name in KIT_FILE_NAMES if (content_dir / name).is_file()]
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
    try:
        document = read_yaml_file(present[0], display_path(present[0]))
    except YamlError as error:
        result.diagnostics.append(error.diagnostic)
        return None
    validated = validate_document(KitFile, document)
    result.diagnostics.extend(validated.problems)
    return validated.model


def _read_entity_folder(folder: Path, model: type[Entity], result: LoadResult) -> dict[str, Any]:
    found: dict[str, Any] = {}
    if not folder.is_dir():
        return found
    seen_paths: dict[str, Path] = {}
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        shown = display_path(path)
        if path.is_dir() or path.suffix not in YAML_SUFFIXES:
            result.diagnostics.append(Diagnostic(
                shown, START, f"not a .yml file, so it is ignored; files in {folder.name}/ "
                "are read only when they end in .yml", severity=Severity.WARNING,
                code="ignored-file"))
            continue
        entity_id = path.stem
        if not is_slug(entity_id):
            result.diagnostics.append(Diagnostic(
                shown, START, f"file name {entity_id!r} is not a valid id; ids are lowercase "
                f"letters, digits and single hyphens: rename it to "
                f"'{suggested_id(entity_id)}{path.suffix}'", code="bad-id"))
            continue
        if entity_id in seen_paths:
            result.diagnostics.append(Diagnostic(
                shown, START, f"id {entity_id!r} is already used by "
                f"{display_path(seen_paths[entity_id])}; keep one of the two", code="duplicate-id"))
            continue
        seen_paths[entity_id] = path
        result.files_read += 1
        try:
            document = read_yaml_file(path, shown)
        except YamlError as error:
            result.diagnostics.append(error.diagnostic)
            continue
        validated = validate_document(model, document)
        result.diagnostics.extend(validated.problems)
        entity = validated.model or validated.partial
        if entity is not None:
            entity.bind(entity_id, document)
            found[entity_id] = entity
    return found


def _yaml_files(folder: Path) -> list[Path]:
    return [path for path in folder.glob("*") if path.suffix in YAML_SUFFIXES] \
        if folder.is_dir() else []


def _find_guide_pages(folder: Path, result: LoadResult) -> dict[str, Path]:
    pages: dict[str, Path] = {}
    if not folder.is_dir():
        return pages
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        if path.suffix != ".md" or not path.is_file():
            result.diagnostics.append(Diagnostic(
                display_path(path), START, "only Markdown (.md) files are read from guide/; "
                "this one is ignored", severity=Severity.WARNING, code="ignored-file"))
        elif not is_slug(path.stem):
            result.diagnostics.append(Diagnostic(
                display_path(path), START, f"page name {path.stem!r} is not a valid id: rename "
                f"it to '{suggested_id(path.stem)}.md'", code="bad-id"))
        else:
            pages[path.stem] = path
    return pages


def _warn_about_strays(content_dir: Path, result: LoadResult) -> None:
    known = [*KIT_FILE_NAMES, *ENTITY_FOLDERS, GUIDE_FOLDER]
    for path in sorted(content_dir.iterdir()):
        if path.name in (*ENTITY_FOLDERS, GUIDE_FOLDER) and not path.is_dir():
            result.diagnostics.append(Diagnostic(
                display_path(path), START, "should be a folder holding one file per item, but "
                "it is a file; it is ignored", severity=Severity.WARNING, code="ignored-file"))
            continue
        if path.name.startswith(".") or path.name in known:
            continue
        hint = did_you_mean(path.name, known)
        result.diagnostics.append(Diagnostic(
            display_path(path), START, f"not part of a kit, so it is ignored{hint} "
            f"(a kit holds {', '.join(known)})", severity=Severity.WARNING, code="ignored-file"))
