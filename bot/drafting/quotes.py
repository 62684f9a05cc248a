"""Quote retrieved passages in a row's sources: Thai-aware excerpts, table rows, other agencies unnamed.

A drafted row cites the playbook entry it follows and short excerpts of the NACC
recommendations and past analyses that back it. Excerpts end on Thai word
boundaries, a table row is quoted with its column heads, a passage about another
indicator is left out, and another agency's name becomes "หน่วยงาน".
"""

from __future__ import annotations

import re
from typing import Protocol

from bot.ita.measures import Source
from bot.ita.playbook import PlaybookEntry
from bot.thai import normalize

_NAME_PREFIX = (
    r"(?:เทศบาล(?:ตำบล|เมือง|นคร)|องค์การบริหารส่วน(?:ตำบล|จังหวัด)|อบต\.|อบจ\.|ทต\.|ทม\.|ทน\.|โรงเรียน)?\s?"
)


class Quoted(Protocol):
    """A retrieved passage as a row cites it (bot.search.retrieve.Passage; drafting never imports search)."""

    @property
    def text(self) -> str: ...

    @property
    def agency(self) -> str: ...

    @property
    def year(self) -> int | None: ...


def playbook_source(entry: PlaybookEntry) -> Source:
    """Return the citation of a playbook entry: the practice it distils and from how many plans."""
    documents = len({r.seed for r in entry.seed_refs})
    scope = f"ข้อ {', '.join(entry.items)}" if entry.items else f"ตัวชี้วัดที่ {entry.indicator}"
    # The table cell is narrow: a short label; the appendix carries the text.
    return Source(
        source=f"แนวทางมาตรการ {scope}",
        text=f"{entry.title} (แนวปฏิบัติที่สรุปจากแผนมาตรการของหน่วยงาน {documents} แห่ง)",
    )


def cite(passage: Quoted) -> str:
    """Return a readable citation for a retrieved passage."""
    where = "รายงาน ITA"
    if passage.agency:
        where += f" {passage.agency}"
    if passage.year:
        where += f" ปี {passage.year}"
    return where


def unnamed(text: str, agencies: list[str]) -> str:
    """Return a quote with these agencies' names (and their bare place names) put as "หน่วยงาน"."""
    for name in sorted({a for a in agencies if a}, key=len, reverse=True):
        text = text.replace(name, "หน่วยงาน")
        core = re.sub(f"^{_NAME_PREFIX}", "", name).strip()
        if len(core) >= 3:
            text = re.sub(_NAME_PREFIX + re.escape(core), "หน่วยงาน", text)
    return text


def excerpt(text: str, limit: int = 220) -> str:
    """Return a short verbatim quote of a passage, cut at a space (or between Thai words)."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    head = flat[:limit]
    space = head.rfind(" ")
    cut = head[:space] if space > 0 else ""
    if len(cut) < limit - 40:
        # Thai runs on for long without a space: cut between words rather than drop the run
        from pythainlp.tokenize import word_tokenize  # noqa: PLC0415 - ~0.1 s to import; long Thai runs only

        start = space + 1 if space > 0 else 0
        taken = ""
        for word in word_tokenize(flat[start:].split(" ", 1)[0], engine="newmm"):
            if start + len(taken) + len(word) > limit:
                break
            taken += word
        cut = flat[:start] + taken
    return (cut.rstrip(" |") or head) + " …"


# Table chunks are "context\nหัวตาราง: h1 | h2 ...\nh1: cell | h2: cell ..." (chunking._table_chunks).
# A quote gives the row's label and the cells saying what the agency planned, not the headers.
_TABLE_HEAD = "หัวตาราง: "
_PLAN_HEADS = ("มาตรการ", "โครงการ", "กิจกรรม", "ขั้นตอน")
_METHOD_HEADS = ("วิธี", "แนวทาง")
_OTHER_HEADS = ("รับผิดชอบ", "ระยะเวลา", "กำกับติดตาม", "รายงานผล")
_LABEL_LIMIT = 70


def _head_rank(head: str) -> int:
    if not head or any(w in head for w in _OTHER_HEADS):
        return 0
    return 2 if any(w in head for w in _PLAN_HEADS) else (1 if any(w in head for w in _METHOD_HEADS) else 0)


def _row_cells(row: str, headers: list[str]) -> list[tuple[str, str]]:
    """Split a rendered row "h1: a | h2: b" into (header, cell) pairs."""
    cells: list[tuple[str, str]] = []
    for part in row.split(" | "):
        head = next((h for h in headers if part.startswith(f"{h}: ")), None)
        if head is not None:
            cells.append((head, part[len(head) + 2 :]))
        elif cells:
            cells[-1] = (cells[-1][0], f"{cells[-1][1]} | {part}")  # a cell that itself holds " | "
        else:
            cells.append(("", part))
    return cells


def _mentions(row: str, term: str) -> bool:
    return re.search(rf"(?<![A-Za-z0-9]){re.escape(term)}(?![0-9])", row) is not None


def names_other_indicator(quoted: str, number: int) -> bool:
    """Return whether a quote opens on another indicator ("ตัวชี้วัดที่ 5 ..." cited for indicator 10)."""
    found = re.match(r"\D{0,40}?ตัวชี้วัดที่\s*(\d+)", normalize(quoted))
    return found is not None and int(found.group(1)) != number


def quote(text: str, focus: tuple[str, ...] = (), limit: int = 220) -> str:
    """Return a short verbatim quote of a passage; for a table row, the row's label and planned measures.

    `focus` (item codes, "ตัวชี้วัดที่ 3") picks the row of a multi-row chunk that mentions them.
    """
    lines = [line for line in text.split("\n") if line.strip()]
    at = next((i for i, line in enumerate(lines) if line.startswith(_TABLE_HEAD)), None)
    if at is None:
        return excerpt(text, limit)
    named = [h.strip() for h in lines[at][len(_TABLE_HEAD) :].split(" | ")]
    if named and " (" in named[-1]:
        named.append(named[-1].rsplit(" (", 1)[0])  # the last header carries the sub-header row
    headers = sorted({*named, "-"}, key=len, reverse=True)
    rows = lines[at + 1 :]
    if not rows:
        return ""
    row = next((r for r in rows if any(_mentions(r, t) for t in focus)), rows[0])
    cells = [(h, " ".join(c.split())) for h, c in _row_cells(row, headers)]
    label, rest = cells[0][1], [c for c in cells[1:] if c[1]]
    best = max((_head_rank(h) for h, _ in rest), default=0)
    if best:
        planned = [c for r in (2, 1) for h, c in rest if _head_rank(h) == r]
    else:
        planned = [c for h, c in rest if not any(w in h for w in _OTHER_HEADS)]
    if len(label) > _LABEL_LIMIT:
        label = excerpt(label, _LABEL_LIMIT)
    return excerpt(" | ".join(x for x in [label, *planned] if x), limit)
