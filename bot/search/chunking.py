"""Split past analyses into retrievable chunks with ITA metadata.

Thai-aware splitting: paragraphs first, then Thai sentences (pythainlp crfcut,
which cuts only at clause-ending spaces, never inside a word); table rows are
never split, and every table chunk repeats its header so a row read alone
still says which column is which.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.ita.framework import Framework
from bot.thai import clean_display, item_codes, normalize, split_sentences

MAX_CHARS = 900

_YEAR = re.compile(r"(?:ปีงบประมาณ|ประจำปี|ปี)\s*(?:พ\.ศ\.)?\s*(25[5-7]\d)")
_FISCAL_YEAR = re.compile(r"ปีงบประมาณ\s*พ\.ศ\.\s*(25[5-7]\d)")
_AGENCY = re.compile(
    r"((?:เทศบาล(?:ตำบล|เมือง|นคร)|องค์การบริหารส่วน(?:ตำบล|จังหวัด)|อบต\.|อบจ\.|โรงเรียน|"
    r"สำนักงานเขตพื้นที่การศึกษา|มหาวิทยาลัย|สำนักงานส่งเสริม)[\u0e00-\u0e7f.]{2,40})"
)
_INDICATOR_NO = re.compile(r"ตัวชี้วัดที่\s*(\d{1,2})")
# Officers type fast: "ตัวชีวัด", "ตัวชิ้วัด" (a tone mark or vowel slipped), "ตัวชี้วัดที 7", "ตัวชี้วัด7";
# and in English: "indicator 8".
_INDICATOR_NO_LOOSE = re.compile(
    r"(?:ตัว\s*ช[ีิ]้?\s*วัด\s*(?:ที่|ที)?|\bindicator\s*(?:no\.?|#)?)\s*(\d{1,2})", re.IGNORECASE
)
_HEADER_WORDS = (
    "ตัวชี้วัด",
    "คะแนน",
    "มาตรการ",
    "ผู้รับผิดชอบ",
    "ขั้นตอน",
    "ระยะเวลา",
    "ประเด็น",
    "รายละเอียด",
    "ลำดับ",
    "แบบ",
)
_MEASURE_WORDS = ("มาตรการ", "ผู้รับผิดชอบ", "ขั้นตอน", "วิธีการ", "ระยะเวลา")
_SCORE_CELL = re.compile(r"^\d{1,3}(?:\.\d{1,2})?$")


@dataclass
class Chunk:
    """A passage to index, with its metadata."""

    text: str
    kind: str  # score_table | analysis | measure_table | recommendation | framework | playbook | oit_item
    indicators: list[int] = field(default_factory=list)
    items: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class DocInfo:
    """What the whole document says about itself."""

    agency: str
    year: int | None


def describe_document(text: str) -> DocInfo:
    """Find the agency name and the assessment year (B.E.) near the top of a document."""
    head = normalize(text[:3000])
    agency = _AGENCY.search(head)
    # The title names the assessed year first ("... ประจำปีงบประมาณ พ.ศ. 2568 และมาตรการ ... 2569").
    titled = _FISCAL_YEAR.search(head)
    years = [int(y) for y in _YEAR.findall(head)]
    year = int(titled.group(1)) if titled else (max(set(years), key=years.count) if years else None)
    return DocInfo(agency=agency.group(1).strip() if agency else "", year=year)


def mentions(text: str, fw: Framework, *, loose: bool = False) -> tuple[list[int], list[str]]:
    """Return the indicator numbers and item codes a text mentions (by number, name or code).

    `loose` is for officers' questions: "ตัวชี้วัด 9" without "ที่", and names without
    their "การ" prefix ("เปิดเผยข้อมูล"); documents are matched strictly, misprints included.
    """
    norm = normalize(text)
    number_re = _INDICATOR_NO_LOOSE if loose else _INDICATOR_NO
    found = {int(n) for n in number_re.findall(norm) if 1 <= int(n) <= 10}
    squashed = re.sub(r"(?<=[\u0e00-\u0e7f])\s+(?=[\u0e00-\u0e7f])", "", norm)  # Word line wraps
    for ind in fw.indicators:
        names = (
            [n.removeprefix("การ") for n in ind.all_names()] if loose else [*ind.all_names(), *ind.misprints]
        )
        if any(name in squashed for name in names):
            found.add(ind.number)
    codes = item_codes(norm)
    for code in codes:
        number = fw.item_indicator(code)
        if number:
            found.add(number)
    return sorted(found), codes


def _cells(line: str) -> list[str] | None:
    if "\t" in line:
        return [c.strip() for c in line.split("\t")]
    stripped = line.strip()
    if stripped.startswith("|") and stripped.count("|") >= 3:
        if re.fullmatch(r"[|:\-\s]+", stripped):
            return []  # markdown separator row
        return [c.strip() for c in stripped.strip("|").split("|")]
    return None


def _is_header(cells: list[str], known: list[str]) -> bool:
    filled = [c for c in cells if c]
    if not filled:
        return False
    if known:  # a page-break repeat of the header we already have
        squash = lambda xs: [re.sub(r"\s+", "", x) for x in xs if x]  # noqa: E731
        return squash(cells) == squash(known)
    # Header cells are short labels, never scores and never long sentences.
    return (
        all(len(c) <= 70 for c in filled)
        and not any(_SCORE_CELL.match(normalize(c)) for c in filled)
        and sum(any(w in c for w in _HEADER_WORDS) for c in filled) >= 2
    )


def _blocks(text: str) -> list[tuple[str, list[str]]]:
    """Group lines into ("table", rows) and ("prose", lines) blocks, in order.

    Blank lines end a prose paragraph but not a table: Word pastes put blank
    lines (page breaks) between the parts of one long table.
    """
    blocks: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        if not line.strip():
            if blocks and blocks[-1][0] == "prose":
                blocks.append(("gap", []))
            continue
        kind = "table" if _cells(line) is not None else "prose"
        if blocks and blocks[-1][0] == kind:
            blocks[-1][1].append(line)
        else:
            blocks.append((kind, [line]))
    return [b for b in blocks if b[0] != "gap"]


def _table_chunks(rows: list[str], context: str, fw: Framework, carry: list[str]) -> list[Chunk]:
    """Chunk one table; `carry` holds the last row label across page-broken tables."""
    header: list[str] = []
    subheader = ""
    group = ""
    records: list[list[str]] = []
    for line in rows:
        cells = _cells(re.sub(r"</?p>", " ", line)) or []
        if not cells or not any(cells):
            continue
        if _is_header(cells, header):
            header = header or cells
            continue  # page-break repeats of the header are dropped
        filled = [c for c in cells if c]
        if (
            header
            and not cells[0]
            and all(len(c) <= 20 and not _SCORE_CELL.match(normalize(c)) for c in filled)
        ):
            subheader = subheader or " ".join(filled)  # e.g. "ปี 2563 ปี 2564", "ไตรมาสที่ 1 ..."
            continue
        if len(filled) == 1 and cells[0] and len(cells) > 2:
            group = cells[0]  # a row label spanning the table, e.g. "ตัวชี้วัดที่ 2 การใช้งบประมาณ"
            continue
        measure_like = any(w in " ".join(header) for w in _MEASURE_WORDS)
        continuation = not cells[0] and (len(cells) < 2 or not cells[1] or measure_like)
        if not records and continuation and carry:
            cells = [f"(ต่อ) {carry[0]}", *cells[1:]]  # the rest of a row cut by a page break
        if group and cells[0] and not cells[0].startswith(group):
            cells = [f"{group} – {cells[0]}", *cells[1:]]
        # A row whose first two cells are empty continues the previous row (a Word
        # page break inside a row); an empty first cell alone is a grouped column
        # such as "IIT" written once for indicators 1-5.
        if records and continuation:
            prev = records[-1]
            for i, cell in enumerate(cells):
                if cell:
                    if i < len(prev):
                        prev[i] = f"{prev[i]} {cell}".strip()
                    else:
                        prev.append(cell)
            continue
        records.append(cells)
    if records and records[-1][0]:
        carry[:] = [records[-1][0].removeprefix("(ต่อ) ")]
    head_text = " | ".join(c for c in header if c) + (f" ({subheader})" if subheader else "")
    is_measure = any(w in head_text for w in _MEASURE_WORDS)
    scores = sum(1 for r in records for c in r if _SCORE_CELL.match(normalize(c)))
    kind = (
        "measure_table"
        if is_measure
        else ("score_table" if scores >= max(2, len(records) // 2) else "analysis")
    )
    prefix = "\n".join(x for x in (context, f"หัวตาราง: {head_text}" if head_text else "") if x)

    def render(record: list[str]) -> str:
        if header and len(header) >= len(record) - 1:
            pairs = [
                f"{header[i] if i < len(header) and header[i] else '-'}: {c}"
                for i, c in enumerate(record)
                if c
            ]
            return " | ".join(pairs)
        return " | ".join(c for c in record if c)

    chunks: list[Chunk] = []
    batch: list[str] = []
    # Score tables are small: keep rows together; measure rows are long: one row per chunk.
    limit = MAX_CHARS if kind != "measure_table" else 0
    for record in records:
        line = render(record)
        if batch and len(prefix) + sum(len(b) for b in batch) + len(line) > limit:
            chunks.append(_make(prefix, batch, kind, fw))
            batch = []
        batch.append(line)
    if batch:
        chunks.append(_make(prefix, batch, kind, fw))
    return chunks


def _make(prefix: str, lines: list[str], kind: str, fw: Framework) -> Chunk:
    body = "\n".join(lines)
    text = f"{prefix}\n{body}" if prefix else body
    indicators, items = mentions(body, fw)
    return Chunk(text=text, kind=kind, indicators=indicators, items=items)


def _prose_kind(heading: str, paragraph: str) -> str:
    if "ข้อเสนอแนะ" in heading or "ข้อเสนอแนะจาก" in paragraph[:80]:
        return "recommendation"
    return "analysis"


def chunk_document(text: str, fw: Framework) -> list[Chunk]:
    """Split a document into chunks: whole table rows with headers, and sentence-bounded prose."""
    text = clean_display(text)
    chunks: list[Chunk] = []
    heading = ""
    paragraphs: list[str] = []
    carry: list[str] = []

    def flush() -> None:
        for para in paragraphs:
            chunks.extend(_prose_chunks(para, heading, fw))
        paragraphs.clear()

    for kind, lines in _blocks(text):
        if kind == "table":
            flush()
            chunks.extend(_table_chunks(lines, heading, fw, carry))
        elif kind == "prose":
            para = "\n".join(line.strip() for line in lines if line.strip())
            if not para:
                continue
            if _is_heading(para, heading):
                flush()
                heading = para.lstrip("# ").strip()  # a heading: it labels what follows
                continue
            paragraphs.append(para)
    flush()
    return [c for c in chunks if len(c.text.strip()) >= 20]


_SECTION = re.compile(r"^(\d{1,2})\.(?!\d)\s*\S")
_SUBSECTION = re.compile(r"^(\d{1,2})\.\d{1,2}(?!\d)")


def _is_heading(para: str, heading: str) -> bool:
    """Whether a paragraph is a heading: a short numbered line, or the next section after a subsection.

    "๔. ข้อเสนอแนะจากการวิเคราะห์ผล..." after "๓.๒ จุดอ่อน..." starts section 4 even when it is too
    long for a short heading; otherwise the "๓.๒" heading would label all of section 4.
    """
    if para.endswith((".", "ฯ")):
        return False
    if len(para) < 120 and re.match(r"^(\(?[\d.]+\)?\s*|#+\s*|ตัวชี้วัด|ส่วนที่|ข้อเสนอแนะ)", para):
        return True
    section, within = _SECTION.match(para), _SUBSECTION.match(heading)
    return bool(
        section and within and "\n" not in para and len(para) <= 250 and int(section[1]) == int(within[1]) + 1
    )


def _prose_chunks(para: str, heading: str, fw: Framework) -> list[Chunk]:
    kind = _prose_kind(heading, para)
    prefix = f"{heading}\n" if heading else ""
    units: list[str] = []
    for sentence in _units(para):
        if len(sentence) <= MAX_CHARS:
            units.append(sentence)
        else:
            units.extend(split_sentences(sentence))
    pieces, current = [], ""
    for unit in units:
        if current and len(current) + len(unit) + 1 > MAX_CHARS:
            pieces.append(current)
            current = ""
        current = f"{current}\n{unit}".strip()
    if current:
        pieces.append(current)
    out = []
    for piece in pieces:
        indicators, items = mentions(f"{heading} {piece}", fw)
        out.append(Chunk(text=prefix + piece, kind=kind, indicators=indicators, items=items))
    return out


_BULLET = re.compile(r"^\s*(?:[-•●▪*]|\(?\d{1,2}[.)]|\d{1,2}\.\d)\s*")


def _units(para: str) -> list[str]:
    """Split a paragraph into bullet items; other line breaks are Word wraps and are joined."""
    units: list[str] = []
    for line in para.split("\n"):
        line = line.strip()
        if not line:
            continue
        if units and not _BULLET.match(line):
            units[-1] = f"{units[-1]} {line}"
        else:
            units.append(line)
    return units
