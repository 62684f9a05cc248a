"""Read a Word paragraph or cell as it prints: line-break hints and soft line ends removed.

Table cells carry their lines already broken (w:br at pythainlp word boundaries, see
bot/export/tables.py), and python-docx returns a w:br as a newline, which a test cannot tell
from a paragraph end. A paragraph here is its w:t texts joined; a cell's paragraphs are
joined with newlines.
"""

from __future__ import annotations

from docx.oxml.ns import qn

from bot.export.wordbreak import plain


def printed(element) -> str:
    """Return the text of a python-docx Paragraph or _Cell without soft line breaks or hints."""
    paragraphs = element.paragraphs if hasattr(element, "paragraphs") else [element]
    return "\n".join(plain("".join(t.text or "" for t in p._p.iter(qn("w:t")))) for p in paragraphs)


def squashed(text: str) -> str:
    """Return `text` without whitespace: a line's last space that overflows its cell is not printed
    (LibreOffice would wrap it to an empty line), so a name broken there is compared without spaces."""
    return "".join(text.split())
