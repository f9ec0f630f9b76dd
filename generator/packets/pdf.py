"""From a packet's data to PDF bytes with Typst, in this process, fetching nothing.

Typst comes as a wheel with its fonts built in: no system library and no system font is used
(system fonts are ignored, so a packet looks the same on every machine). The template is
compiled with the packet's data as JSON in `sys.inputs`, never pasted into the template.

The PDF is tagged and meets PDF/UA-1 (Typst checks it, and refuses to write one that does not;
a packet with text the built-in fonts cannot show is written tagged, without the PDF/UA-1
claim), and is reproducible: its creation date is the run's `today` at midnight UTC, so the
same data and day give the same bytes. Its keywords record a digest of what it was made from
(the data, the template and the versions of prepkit and Typst); a later run reads it back and
skips a packet whose source has not changed.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import threading
from datetime import date
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator import __version__
from generator.clock import start_of_day_utc
from generator.errors import PrepkitError

if TYPE_CHECKING:
    import typst
    from typst import PDFStandard

TEMPLATE = "packet.typ"
PDF_STANDARDS: list[PDFStandard] = ["ua-1"]
# How Typst begins its refusal of text that no font given to it can show, under PDF/UA-1.
_FONT_REFUSED = "PDF/UA-1 error: the text"


def template_source() -> bytes:
    """templates/packet.typ, the layout of every packet and booklet."""
    return _templates_dir().joinpath(TEMPLATE).read_bytes()


def _templates_dir() -> Path:
    return Path(str(resources.files("generator.packets").joinpath("templates")))


def data_json(data: dict[str, Any]) -> str:
    """The data as the template reads it: JSON with keys in a fixed order."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def source_key(document: str) -> str:
    """A digest of everything a PDF is made from: its data (as JSON), the template, the PDF
    standard and the versions of prepkit and Typst."""
    digest = hashlib.sha256()
    for part in (document, template_source().decode("utf-8"), " ".join(PDF_STANDARDS),
                 __version__, typst_version()):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return f"prepkit-{digest.hexdigest()[:40]}"


@functools.cache
def typst_version() -> str:
    try:
        return metadata.version("typst")
    except metadata.PackageNotFoundError:
        return "unknown"


_PACKET_KEY = re.compile(rb"\(prepkit-[0-9a-f]{40}\)")


def is_packet(data: bytes) -> bool:
    """Whether a PDF is one prepkit printed (its keywords hold a source key)."""
    return _PACKET_KEY.search(data) is not None


def made_from(path: Path, key: str) -> bool:
    """Whether the PDF at `path` was made from the source `key` names."""
    try:
        data = path.read_bytes()
    except OSError:
        return False
    return f"({key})".encode("ascii") in data


class _Engine:
    """One Typst compiler for the process: its fonts are loaded once, and a lock lets threads
    (such as `mkdocs serve`'s) share it."""

    def __init__(self, typst_module: Any) -> None:
        self.typst = typst_module
        self.template = template_source()
        self.compiler: typst.Compiler = typst_module.Compiler(
            root=str(_templates_dir()), font_paths=[], ignore_system_fonts=True)
        self.lock = threading.Lock()

    def compile(self, document: str, key: str | None, today: date) -> bytes:
        inputs = {"data": document, **({"key": key} if key else {})}
        with self.lock:
            try:
                return self._compile(inputs, today, PDF_STANDARDS)
            except self.typst.TypstError as error:
                if not error.message.startswith(_FONT_REFUSED):
                    raise _bug(error) from None
            # Text the built-in fonts cannot show (Chinese or Arabic names, say) prints as
            # empty boxes, which PDF/UA forbids: such a packet is tagged but claims no PDF/UA.
            try:
                return self._compile(inputs, today, [])
            except self.typst.TypstError as error:
                raise _bug(error) from None

    def _compile(self, inputs: dict[str, str], today: date,
                 standards: list[PDFStandard]) -> bytes:
        pdf = self.compiler.compile(input=self.template, format="pdf", sys_inputs=inputs,
                                    timestamp=start_of_day_utc(today), pdf_standards=standards)
        assert isinstance(pdf, bytes)
        return pdf


def _bug(error: typst.TypstError) -> PrepkitError:
    return PrepkitError(f"a packet could not be printed: {error.message} "
                        f"({error.diagnostic.strip()}); this is a bug in prepkit, please "
                        "report it")


@functools.cache
def _engine() -> _Engine:
    try:
        import typst
    except ImportError as error:
        raise PrepkitError(f"printed packets need the `typst` package, which could not be "
                           f"loaded ({error}); reinstall prepkit with pip") from None
    return _Engine(typst)


def data_to_pdf(data: dict[str, Any], *, today: date, key: str | None = None) -> bytes:
    """The PDF of one packet's (or booklet's) data; `key` is recorded in its keywords."""
    return document_to_pdf(data_json(data), today=today, key=key)


def document_to_pdf(document: str, *, today: date, key: str | None = None) -> bytes:
    """The PDF of data already turned into JSON by `data_json`."""
    return _engine().compile(document, key, today)


def warm_up() -> None:
    """Load Typst and its fonts now."""
    _engine()
