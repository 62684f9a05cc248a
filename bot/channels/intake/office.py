"""A Word file's text (.docx sent in chat): paragraphs and table rows in the body's order.

Table rows become tab-separated lines, as bot.search.documents reads a .docx for the index, so a
plan's measure table reads the same from chat as from ingest.py. A file whose parts would unpack
past the limit is refused from the zip's directory alone (nothing is unpacked); an Excel workbook
or a damaged file is no Word document.
"""

from __future__ import annotations

import io
import time
import zipfile

UNPACKED_FACTOR = 20  # the parts may unpack to at most this many times the file's size


class NotWord(ValueError):
    """The zip is no Word document (an Excel workbook, a damaged file, too much unpacked)."""


def read_docx(data: bytes, deadline: float) -> str:
    """Return the text of a .docx; raise NotWord when it is none, TimeoutError past the deadline."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as err:
        raise NotWord("bad zip") from err
    if "word/document.xml" not in names or "[Content_Types].xml" not in names:
        raise NotWord("no Word body")
    if unpacked > UNPACKED_FACTOR * max(len(data), 1024 * 1024):
        raise NotWord("unpacks too large")
    import docx  # noqa: PLC0415 - heavy (~0.1 s), only when a Word file arrives
    from docx.table import Table  # noqa: PLC0415
    from docx.text.paragraph import Paragraph  # noqa: PLC0415

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as err:  # python-docx raises several kinds on a broken package
        raise NotWord(type(err).__name__) from err
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        if time.monotonic() > deadline:
            raise TimeoutError("the Word file took too long")
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(block, document).text)
        elif tag == "tbl":
            lines.append("")
            for row in Table(block, document).rows:
                cells = [c.text.replace("\n", " ").strip() for c in row.cells]
                kept = [
                    c for i, c in enumerate(cells) if i == 0 or row.cells[i]._tc is not row.cells[i - 1]._tc
                ]
                lines.append("\t".join(kept))
            lines.append("")
    return "\n".join(lines)
