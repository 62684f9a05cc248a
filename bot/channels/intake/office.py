"""A Word file's text (.docx sent in chat): paragraphs and table rows in the body's order.

Table rows become tab-separated lines, as bot.search.documents reads a .docx for the index, so a
plan's measure table reads the same from chat as from ingest.py. A file whose parts would unpack
past the limit is refused from the zip's directory alone (nothing is unpacked); an Excel workbook
or a damaged file is no Word document.
"""

from __future__ import annotations

import io
import zipfile

from bot.office_text import body_lines

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

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as err:  # python-docx raises several kinds on a broken package
        raise NotWord(type(err).__name__) from err
    return "\n".join(body_lines(document, deadline))
