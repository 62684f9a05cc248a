"""Read past analyses from .txt, .md, .docx and .pdf into plain text.

Tables are flattened to one line per row with tab-separated cells, the same
shape as text pasted from Word, so the chunker treats every source alike.
"""

from __future__ import annotations

from pathlib import Path

from bot import wording

SUPPORTED = (".txt", ".md", ".docx", ".pdf")


class UnreadableDocument(Exception):
    """A file that cannot be read; the message names the file and says why (Thai)."""


def read_document(path: Path) -> str:
    """Return the text of a .txt/.md/.docx/.pdf file, or raise UnreadableDocument."""
    suffix = path.suffix.lower()
    try:
        if suffix in (".txt", ".md"):
            return _read_text(path)
        if suffix == ".docx":
            return _read_docx(path)
        if suffix == ".pdf":
            return _read_pdf(path)
    except UnreadableDocument:
        raise
    except Exception as exc:  # any parser failure is the file's problem, not ours
        raise UnreadableDocument(
            wording.DOC_BROKEN.format(name=path.name, error=type(exc).__name__, suffix=suffix)
        ) from exc
    raise UnreadableDocument(wording.DOC_UNSUPPORTED.format(name=path.name, supported=", ".join(SUPPORTED)))


def _read_text(path: Path) -> str:
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise UnreadableDocument(wording.DOC_BINARY.format(name=path.name))
    for encoding in ("utf-8-sig", "cp874"):  # cp874 = Thai Windows/TIS-620 exports
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableDocument(wording.DOC_ENCODING.format(name=path.name))


def _read_docx(path: Path) -> str:
    # python-docx and pypdf take ~0.1 s each to import; only ingesting files needs them.
    import docx  # noqa: PLC0415 - heavy, ingest only
    from docx.table import Table  # noqa: PLC0415 - heavy, ingest only
    from docx.text.paragraph import Paragraph  # noqa: PLC0415 - heavy, ingest only

    document = docx.Document(str(path))
    lines: list[str] = []
    # Walk the body in order so tables stay next to the headings that introduce them.
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(block, document).text)
        elif tag == "tbl":
            lines.append("")
            for row in Table(block, document).rows:
                cells = [c.text.replace("\n", " ").strip() for c in row.cells]
                deduped = [
                    c for i, c in enumerate(cells) if i == 0 or row.cells[i]._tc is not row.cells[i - 1]._tc
                ]
                lines.append("\t".join(deduped))
            lines.append("")
    return "\n".join(lines)


def _read_pdf(path: Path) -> str:
    from pypdf import PdfReader  # noqa: PLC0415 - heavy (~0.1 s), ingest only

    reader = PdfReader(str(path))
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
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED))
        elif path.is_file():
            if path.suffix.lower() in SUPPORTED:
                found.append(path)
            else:
                problems.append(wording.DOC_SKIPPED.format(path=path, supported=", ".join(SUPPORTED)))
        else:
            problems.append(wording.DOC_NOT_FOUND.format(path=path))
    return found, problems
