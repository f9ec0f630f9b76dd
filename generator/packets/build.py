"""Printed packets on disk: which interviews, render, compile, write the changed files.

The only module of `generator.packets` that writes. A packet whose PDF was made from the same
data, template and versions (its keywords say so) is not printed again, and a PDF is
rewritten only when its bytes changed, so a rebuild leaves unchanged packets alone.

Typst compiles a packet in a few milliseconds, so every packet is printed in this process, one
after the other: starting worker processes would cost more than it saves (bench/README.md).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from generator.derive.relations import Relations
from generator.errors import PrepkitError
from generator.kit import Kit
from generator.output import UnsafeOutput
from generator.output.owned import write_atomically
from generator.packets import pdf
from generator.packets.render import PacketOptions, PacketRenderer, upcoming_interviews
from generator.read.validate import did_you_mean

BOOKLET_NAME = "booklet.pdf"


def write_packets(kit: Kit, relations: Relations, *, out_dir: Path, today: date,
                  public: bool, interview_ids: list[str] | None = None,
                  jobs: int | None = None,
                  progress: Callable[[int, int], None] | None = None) -> list[Path]:
    """Write `<out_dir>/<interview id>.pdf` for each interview (all when `interview_ids` is
    None); return the paths. `jobs` is accepted for older callers and has no effect: every
    packet is printed in this process.

    Raise PrepkitError for an unknown id or an output folder inside the content folder.
    """
    del jobs  # one process is fastest with Typst
    ids = list(kit.interviews) if interview_ids is None else checked_ids(kit, interview_ids)
    _check_out_dir(kit, out_dir)
    renderer = PacketRenderer(kit, relations, PacketOptions(today=today, public=public))
    paths = [out_dir / f"{interview_id}.pdf" for interview_id in ids]
    to_print: list[tuple[Path, str, str]] = []
    for path, interview_id in zip(paths, ids, strict=True):
        document = pdf.data_json(renderer.packet_data(interview_id))
        key = pdf.source_key(document)
        if not pdf.made_from(path, key):
            to_print.append((path, document, key))
    unchanged = len(paths) - len(to_print)
    if progress and unchanged:
        progress(unchanged, len(paths))
    if to_print:
        pdf.warm_up()  # a missing package is reported before anything is written
    for done, (path, document, key) in enumerate(to_print, start=1):
        _write_if_changed(path, pdf.document_to_pdf(document, today=today, key=key))
        if progress:
            progress(unchanged + done, len(paths))
    return paths


def write_site_packets(kit: Kit, relations: Relations, *, out_dir: Path, today: date,
                       public: bool,
                       progress: Callable[[int, int], None] | None = None) -> dict[str, Path]:
    """Every interview's packet in `out_dir`, a folder prepkit owns: PDFs of interviews that
    no longer exist are removed. Return the path of each interview's packet by id."""
    paths = write_packets(kit, relations, out_dir=out_dir, today=today, public=public,
                          progress=progress)
    wanted = set(paths)
    for stale in out_dir.glob("*.pdf"):
        if stale not in wanted and pdf.is_packet(stale.read_bytes()):
            stale.unlink()
    return dict(zip(kit.interviews, paths, strict=True))


def write_booklet(kit: Kit, relations: Relations, *, out_dir: Path, today: date,
                  public: bool, interview_ids: list[str] | None = None) -> Path:
    """Write `<out_dir>/booklet.pdf`: a contents page, then one packet per conversation in
    date order; the upcoming (scheduled) ones unless `interview_ids` names others."""
    ids = upcoming_interviews(kit, relations) if interview_ids is None else \
        checked_ids(kit, interview_ids)
    if not ids:
        raise PrepkitError(
            f"no conversation is scheduled after {today.isoformat()}, so there is nothing to "
            "put in a booklet; add `scheduled.at` to an interview, or name interviews with "
            "--interview ID")
    _check_out_dir(kit, out_dir)
    document = pdf.data_json(
        PacketRenderer(kit, relations, PacketOptions(today=today, public=public))
        .booklet_data(ids))
    path = out_dir / BOOKLET_NAME
    key = pdf.source_key(document)
    if not pdf.made_from(path, key):
        _write_if_changed(path, pdf.document_to_pdf(document, today=today, key=key))
    return path


def checked_ids(kit: Kit, interview_ids: list[str]) -> list[str]:
    """The ids in order without repeats; an unknown one is an error with a suggestion."""
    for interview_id in interview_ids:
        if interview_id not in kit.interviews:
            raise PrepkitError(
                f"--interview {interview_id!r}: there is no interview with that id in "
                f"{kit.content_dir / 'interviews'}{did_you_mean(interview_id, kit.interviews)}"
                " (an interview's id is its file name without .yml)")
    return list(dict.fromkeys(interview_ids))


def _check_out_dir(kit: Kit, out_dir: Path) -> None:
    # The command checked the folder against the kit (generator.output.Fence) already;
    # this keeps a caller of the library from printing into the content folder.
    if out_dir.resolve().is_relative_to(kit.content_dir.resolve()):
        raise UnsafeOutput(f"{out_dir}: packets are never written inside the content folder "
                           f"{kit.content_dir}; choose another folder, like private-packets")
    if out_dir.exists() and not out_dir.is_dir():
        raise UnsafeOutput(f"{out_dir}: is a file, not a folder; choose a folder for the "
                           "packets")


def _write_if_changed(path: Path, data: bytes) -> None:
    """Write a packet; a file of that name that is not a packet prepkit printed (someone's
    own booklet.pdf on their desktop) is never overwritten."""
    try:
        if path.is_file():
            existing = path.read_bytes()
            if existing == data:
                return
            if not pdf.is_packet(existing):
                raise UnsafeOutput(f"{path}: exists and was not printed by prepkit; refusing "
                                   "to overwrite it. Choose another --out folder")
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, data)
    except OSError as error:
        raise PrepkitError(f"{path}: cannot be written ({error.strerror or error})") from None
