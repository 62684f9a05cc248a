"""The text of a Word document's body, paragraphs and table rows in reading order.

Shared by the two places a .docx is read: ingest (bot.search.documents) and a file sent in chat
(bot.channels.intake.office), so a plan's measure table reads the same from both. Table rows become
tab-separated lines; a merged cell is read once, not once per grid column it spans.
"""

from __future__ import annotations

import time
from typing import Any


def body_lines(document: Any, deadline: float | None = None) -> list[str]:
    """Return the body of a python-docx Document as lines; TimeoutError past `deadline` (monotonic)."""
    from docx.table import Table  # noqa: PLC0415 - heavy (~0.1 s), only when a Word file is read
    from docx.text.paragraph import Paragraph  # noqa: PLC0415

    lines: list[str] = []
    # Walk the body in order so tables stay next to the headings that introduce them.
    for block in document.element.body.iterchildren():
        if deadline is not None and time.monotonic() > deadline:
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
    return lines
