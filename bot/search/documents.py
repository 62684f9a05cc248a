"""Read past analyses from .txt, .md, .docx and .pdf into plain text, within limits.

Tables are flattened to one line per row with tab-separated cells, the same
shape as text pasted from Word, so the chunker treats every source alike.
Every refusal names the file and says what to send instead: an empty file, a
file or an unpacked .docx over its limit (checked before anything is read, so
a zip bomb costs nothing), an old .doc, an encrypted PDF, a text file in an
encoding that is neither UTF-8/UTF-16 nor Thai Windows (lines of UTF-8 and
TIS-620 mixed in one file are each decoded as what they are).
"""

from __future__ import annotations

import codecs
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from bot import wording
from bot.office_text import body_lines

SUPPORTED = (".txt", ".md", ".docx", ".pdf")
LEGACY = {".doc": wording.DOC_LEGACY_WORD}  # known formats we cannot read, with what to send instead


@dataclass(frozen=True)
class Limits:
    """What one source may cost: file size, unpacked .docx size, text length, index entries."""

    file_bytes: int = 20 * 1024 * 1024
    unpacked_bytes: int = 50 * 1024 * 1024
    chars: int = 500_000  # about 150 pages of Thai; chunking runs at ~10-25k characters a second
    chunks: int = 5_000


DEFAULT_LIMITS = Limits()


class UnreadableDocument(Exception):
    """A file that cannot be read; the message names the file and says why (Thai)."""


def _mb(n: int) -> str:
    """Return a size as people say it: MB from one megabyte, else KB, else bytes."""
    for unit, size in (("MB", 1024 * 1024), ("KB", 1024)):
        if n >= size:
            return f"{n / size:,.1f} {unit}".replace(".0 ", " ")
    return f"{n} bytes"


def read_document(path: Path, limits: Limits = DEFAULT_LIMITS) -> str:
    """Return the text of a .txt/.md/.docx/.pdf file, or raise UnreadableDocument."""
    suffix = path.suffix.lower()
    if suffix in LEGACY:
        raise UnreadableDocument(LEGACY[suffix].format(name=path.name))
    if suffix not in SUPPORTED:
        raise UnreadableDocument(
            wording.DOC_UNSUPPORTED.format(name=path.name, supported=", ".join(SUPPORTED))
        )
    size = path.stat().st_size
    if size == 0:
        raise UnreadableDocument(wording.DOC_EMPTY.format(name=path.name))
    if size > limits.file_bytes:
        raise UnreadableDocument(
            wording.DOC_TOO_BIG.format(name=path.name, size=_mb(size), limit=_mb(limits.file_bytes))
        )
    try:
        if suffix in (".txt", ".md"):
            text = _read_text(path)
        elif suffix == ".docx":
            text = _read_docx(path, limits)
        else:
            text = _read_pdf(path)
    except UnreadableDocument:
        raise
    except Exception as exc:  # any parser failure is the file's problem, not ours
        raise UnreadableDocument(
            wording.DOC_BROKEN.format(name=path.name, error=type(exc).__name__, suffix=suffix)
        ) from exc
    if not text.strip():
        raise UnreadableDocument(wording.DOC_EMPTY.format(name=path.name))
    if len(text) > limits.chars:
        raise UnreadableDocument(
            wording.DOC_TOO_LONG.format(name=path.name, chars=len(text), limit=limits.chars)
        )
    return text


# ---------------------------------------------------------------- text files
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _plausible(text: str) -> float:
    """Return the share of characters that are letters, marks, digits, punctuation or spaces."""
    if not text:
        return 0.0
    good = sum(1 for c in text if c in "\t\n\r" or unicodedata.category(c)[0] in "LMNPZS")
    return good / len(text)


def _read_text(path: Path) -> str:
    raw = path.read_bytes()
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                raise UnreadableDocument(wording.DOC_ENCODING.format(name=path.name, line=1)) from None
    sample = raw[:4096]
    if b"\x00" in sample or _plausible(sample.decode("utf-8", "replace")) < 0.9:
        # UTF-16 without a byte-order mark (Thai in UTF-16 is bytes like 01 0E, ASCII is 41 00).
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _plausible(text[:2048]) >= 0.95:
                return text
        if b"\x00" in sample:
            raise UnreadableDocument(wording.DOC_BINARY.format(name=path.name))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Line by line: Thai Windows (cp874 = TIS-620) exports, and files where both were pasted together.
    lines = []
    for number, line in enumerate(raw.split(b"\n"), start=1):
        try:
            lines.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            try:
                lines.append(line.decode("cp874"))
            except UnicodeDecodeError:
                raise UnreadableDocument(wording.DOC_ENCODING.format(name=path.name, line=number)) from None
    return "\n".join(lines)


# ---------------------------------------------------------------- Word
def _check_unpacked(path: Path, limits: Limits) -> None:
    """Refuse a .docx whose parts unpack past the limit, from the zip directory alone (no unpacking)."""
    with zipfile.ZipFile(path) as archive:
        # Each part's declared size bounds what reading it can yield (zipfile stops there).
        unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > limits.unpacked_bytes:
        raise UnreadableDocument(
            wording.DOC_UNPACKED_TOO_BIG.format(
                name=path.name, size=_mb(unpacked), limit=_mb(limits.unpacked_bytes)
            )
        )


def _read_docx(path: Path, limits: Limits) -> str:
    _check_unpacked(path, limits)
    # python-docx and pypdf take ~0.1 s each to import; only ingesting files needs them.
    import docx  # noqa: PLC0415 - heavy, ingest only

    return "\n".join(body_lines(docx.Document(str(path))))


# ---------------------------------------------------------------- PDF
def _read_pdf(path: Path) -> str:
    from pypdf import PdfReader  # noqa: PLC0415 - heavy (~0.1 s), ingest only

    reader = PdfReader(str(path))
    if reader.is_encrypted:
        try:  # many PDFs are encrypted with an empty password only to stop editing
            opened = bool(reader.decrypt(""))
        except Exception:  # an unsupported cipher is the same answer: it is locked
            opened = False
        if not opened:
            raise UnreadableDocument(wording.DOC_PDF_ENCRYPTED.format(name=path.name))
    text = "\n\n".join(page.extract_text() or "" for page in reader.pages)
    if not text.strip():
        raise UnreadableDocument(wording.DOC_NO_TEXT.format(name=path.name))
    return text


def find_documents(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """Expand files and folders into supported files; also return Thai messages for skipped paths."""
    found: list[Path] = []
    problems: list[str] = []
    for path in paths:
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                if file.suffix.lower() in SUPPORTED:
                    found.append(file)
                elif file.suffix.lower() in LEGACY:  # said, not skipped silently
                    problems.append(LEGACY[file.suffix.lower()].format(name=file))
        elif path.is_file():
            if path.suffix.lower() in SUPPORTED:
                found.append(path)
            elif path.suffix.lower() in LEGACY:
                problems.append(LEGACY[path.suffix.lower()].format(name=path))
            else:
                problems.append(wording.DOC_SKIPPED.format(path=path, supported=", ".join(SUPPORTED)))
        else:
            problems.append(wording.DOC_NOT_FOUND.format(path=path))
    return found, problems
