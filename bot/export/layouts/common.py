"""What the five agency layouts share: the context they draw from, cover lines, tables that never break a word.

Every layout prints only what an agency would publish: scores, analyses, measures,
owners, periods, monitoring and KPIs. Source passages, confidence labels, the draft's
notes and its level note go to the officer in chat, never into these documents.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from docx.document import Document as DocumentObject
from docx.text.paragraph import Paragraph

from bot.export.plan import indicator_name, plan_years, score_text, tier_for, year_text
from bot.export.tables import column_widths, fitted_widths, grid_table, plain_table
from bot.export.word import CELL_PAD, TABLE_PT, TITLE_PT, USABLE_W, Line, para
from bot.export.word import heading as word_heading
from bot.ita.agency_types import AgencyType
from bot.ita.framework import Framework
from bot.ita.measures import Draft, MeasureRow
from bot.ita.tiers import Tier
from bot.thai import format_thai_date, tokenize

TOOL_ORDER = ("IIT", "EIT", "OIT")
# The narrow no-break space: LibreOffice renders of U+00A0 inside Thai text broke lines at it
# (and then inside the next word); U+202F kept "ร้อยละ 90" and "12 เดือน" whole. Word honours both.
NBSP = "\u202f"
ZWSP = "\u200b"
_THAI = re.compile("[ก-๙]")
_THAI_RUN_END = re.compile("[ก-๙]+$")
_THAI_RUN_START = re.compile("[ก-๙]+")
# A number and its unit, or a unit word and its number, are one unbreakable word in print.
_UNIT_AFTER = re.compile(r"(\d[\d.,]*)\s+(คะแนน|ครั้ง|วัน|เดือน|ปี|ข้อ|ตัวชี้วัด|คน|แห่ง|บริการ|รอบ|%)")
_UNIT_BEFORE = re.compile(r"(ร้อยละ|ไตรมาส(?:ที่)?|รอบ|ตัวชี้วัดที่|พ\.ศ\.)\s+(\d[\d.,]*)")
_MONTH_YEAR = re.compile(r"([ก-๙]{1,2}\.[ก-๙]{1,2}\.)\s+(\d{2,4})")  # "ต.ค. 68"
_DATE = re.compile(r"(\d{1,2})\s+([ก-๙]{1,2}\.[ก-๙]{1,2}\.|[ก-๙]+าคม|[ก-๙]+ายน|กุมภาพันธ์)\s+(\d{2,4})")


Cell = Sequence[str | Line]  # one table cell: its paragraphs


@dataclass(frozen=True)
class LayoutContext:
    """Everything a layout draws from: the draft, the framework and (optionally) the agency types."""

    draft: Draft
    framework: Framework
    agency_types: Mapping[str, AgencyType] = field(default_factory=dict)
    today: date = field(default_factory=date.today)

    @property
    def agency(self) -> str:
        """Return the agency's name once, or a dotted blank to fill in."""
        return self.draft.agency.name.strip() or "หน่วยงาน ...................................."

    @property
    def years(self) -> tuple[int | None, int | None]:
        """Return (assessment year, fiscal year of the measures), B.E."""
        return plan_years(self.draft)

    @property
    def agency_type(self) -> AgencyType | None:
        """Return the agency's type when the caller handed the types in."""
        return self.agency_types.get(self.draft.agency.type)

    @property
    def executive(self) -> str:
        """Return the executive who approves the plan: the officer's own wording, else the type's title."""
        own = self.draft.agency.executive.strip()
        if own:
            return own
        return self.agency_type.executive if self.agency_type else ""

    def indicator_label(self, number: int) -> str:
        """Return "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล"."""
        return f"ตัวชี้วัดที่ {number} {indicator_name(self.framework, number)}"

    def tier_of(self, number: int) -> Tier:
        """Return the tier of an indicator: its row's tier, else from its score."""
        row = next((r for r in self.draft.rows if r.indicator == number and not is_item_row(r)), None)
        if row is not None:
            return row.tier
        return tier_for(self.draft.indicators[number], self.draft.thresholds)

    def tool_of(self, number: int) -> str:
        """Return the tool code (IIT/EIT/OIT) of an indicator."""
        return self.framework.tool_of(number).code

    def tool_label(self, code: str) -> str:
        """Return "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)"."""
        name = next((t.name for t in self.framework.tools if t.code == code), code)
        return f"{name.split(' (')[0]} ({code})"


def is_item_row(row: MeasureRow) -> bool:
    """Tell whether a row is about one question item (its topic names the item) rather than an indicator."""
    return len(row.items) == 1 and row.items[0] in row.topic


def keep_units(text: str) -> str:
    """Join numbers to their units and dates to their months so that no line breaks inside them.

    The glue is a narrow no-break space; where the unit touches other Thai text, a zero-width
    space marks the break opportunity at the pythainlp word boundary, so the unbreakable
    piece is only the unit: "ไม่น้อยกว่าร้อยละ 90" -> "ไม่น้อยกว่า·ร้อยละ_90". A unit word that is
    the end of another word ("กรอบ 3") is left alone.
    """

    def glue(m: re.Match[str]) -> str:
        text, start, end = m.string, m.start(), m.end()
        before = after = ""
        if start > 0 and _THAI.match(text[start - 1]):
            run = _THAI_RUN_END.search(text[:start])
            if run is None or _words(run.group(0) + m.group(1))[-1] != m.group(1):
                return m.group(0)  # "กรอบ 3": the unit is the end of another word, not a word
            before = ZWSP
        if end < len(text) and _THAI.match(text[end]):
            run = _THAI_RUN_START.match(text, end)
            last = m.groups()[-1]
            if run is None or _words(last + run.group(0))[0] != last:
                return m.group(0)
            after = ZWSP
        return before + NBSP.join(g for g in m.groups() if g) + after

    for pattern in (_DATE, _MONTH_YEAR, _UNIT_AFTER, _UNIT_BEFORE):
        text = pattern.sub(glue, text)
    return text


def plain_steps(row: MeasureRow) -> list[str]:
    """Return the row's steps without the drafter's leading "1." numbering."""
    return [re.sub(r"^\s*\d+[.)]\s*", "", s) for s in row.steps]


def numbered(items: Sequence[str]) -> list[str]:
    """Return items numbered "1. ...", never doubling a number already there."""
    return [f"{i}. {t}" for i, t in enumerate((re.sub(r"^\s*\d+[.)]\s*", "", x) for x in items), start=1)]


# ---------------------------------------------------------------------- widths
FONTS_DIR = Path(__file__).resolve().parents[1] / "fonts"
SAFETY = 90  # twips: LibreOffice's line fitting needs a hair more than the glyphs' advance


@lru_cache(maxsize=2)
def _font(bold: bool):
    from PIL import ImageFont  # noqa: PLC0415 - Pillow (with matplotlib) loads only when a layout draws

    # Laksaman is the metric twin of TH SarabunPSK (bot/export/fonts/README.md).
    return ImageFont.truetype(str(FONTS_DIR / ("Laksaman-Bold.ttf" if bold else "Laksaman.ttf")), 100)


def text_em(text: str, bold: bool = False) -> float:
    """Return the printed width of `text` in em (its advance in the shipped Laksaman font)."""
    return float(_font(bold).getlength(text)) / 100


def _words(part: str) -> list[str]:
    return tokenize(part, drop_stopwords=False) if _THAI.search(part) else [part]


@lru_cache(maxsize=4096)
def longest_word(text: str, bold: bool = False) -> float:
    """Return the width in em of the longest unbreakable piece of `text`.

    A piece is a pythainlp word, or everything between two break opportunities (spaces,
    zero-width spaces) that contains a no-break space ("ร้อยละ 90", "31 มี.ค. 69").
    """
    best = 0.0
    for piece in re.split(f"[ {ZWSP}]", text):
        if not piece:
            continue
        if NBSP in piece:
            best = max(best, text_em(piece, bold))
            continue
        best = max([best, *(text_em(w, bold) for w in _words(piece) if w)])
    return best


def _lines(cell: Sequence[str | Line]) -> list[tuple[str, bool]]:
    return [(line.text, line.bold) if isinstance(line, Line) else (line, False) for line in cell]


def word_minimums(
    headers: Sequence[Sequence[str]], rows: Sequence[Sequence[Sequence[str | Line]]], size: float = TABLE_PT
) -> list[int]:
    """Return each column's narrowest width in twips: its longest header line and its longest word fit."""
    em = size * 20
    minimums = []
    for col, header in enumerate(headers):
        header_em = max(text_em(h, bold=True) for h in header)  # header lines never wrap
        word_em = max(
            (longest_word(t, bold) for row in rows for t, bold in _lines(row[col]) if t), default=0.0
        )
        minimums.append(int(max(header_em, word_em) * em + 2 * CELL_PAD + SAFETY))
    return minimums


def fit_table(
    doc,
    headers: Sequence[Sequence[str]],
    rows: Sequence[Sequence[Sequence[str | Line]]],
    *,
    total: int = USABLE_W,
    size: float = TABLE_PT,
    fixed: Mapping[int, int] | None = None,
    keep_together: bool = False,
):
    """Add a grid table whose columns fit their longest word, the rest of the width shared by need."""
    rows = [[[_unbreakable(line) for line in cell] for cell in row] for row in rows]
    minimums = word_minimums(headers, rows, size)
    for col, width in (fixed or {}).items():
        minimums[col] = width
    if sum(minimums) > total:  # too many long words: shrink proportionally (never happens at 14 pt)
        minimums = [int(m * total / sum(minimums)) for m in minimums]
    if fixed:
        free = [c for c in range(len(headers)) if c not in fixed]
        rest = fitted_widths(
            [[row[c] for c in free] for row in rows],
            [minimums[c] for c in free],
            total - sum(fixed.values()),
            size=size,
        )
        widths = list(minimums)
        for c, w in zip(free, rest, strict=True):
            widths[c] = w
    else:
        widths = fitted_widths(rows, minimums, total, size=size)
    return grid_table(doc, [list(h) for h in headers], rows, widths, size=size, keep_together=keep_together)


def _unbreakable(line: str | Line) -> str | Line:
    # An empty paragraph is as tall as the 16 pt body text: a no-break space keeps it at 14 pt.
    if isinstance(line, Line):
        return line._replace(text=keep_units(line.text) or NBSP)
    return keep_units(line) or NBSP


# ---------------------------------------------------------------------- shared blocks
def heading(doc: DocumentObject, text: str, level: int = 1) -> Paragraph:
    """Add a section heading whose numbers stay with their units ("พ.ศ. 2569" on one line)."""
    return word_heading(doc, keep_units(text), level)


def cover(doc: DocumentObject, ctx: LayoutContext, lines: Sequence[str]) -> None:
    """Print the title lines, the agency once, and the date of the data."""
    for line in lines:
        para(doc, line, size=TITLE_PT, bold=True, center=True)
    para(doc, ctx.agency, size=TITLE_PT, bold=True, center=True)
    para(doc, f"ข้อมูล ณ วันที่ {format_thai_date(ctx.today)}", center=True)


def indicator_heading(doc: DocumentObject, ctx: LayoutContext, number: int, prefix: str = "") -> None:
    """Print "(1) ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล (83.50 คะแนน)" in bold, bound to the paragraph after it."""
    score = ctx.draft.indicators.get(number)
    text = f"{prefix}{ctx.indicator_label(number)}" + (
        f" ({score_text(score)} คะแนน)" if score is not None else ""
    )
    para(doc, keep_units(text), bold=True, indent_cm=0.5).paragraph_format.keep_with_next = True


def indicator_analysis(doc: DocumentObject, ctx: LayoutContext, number: int) -> None:
    """Print the indicator's analysis under its heading, then one line per item row's finding."""
    rows = rows_of(ctx, number)
    main = next((r for r in rows if not is_item_row(r)), None)
    para(doc, keep_units(main.analysis if main else f"อยู่ในระดับ{ctx.tier_of(number)}"), indent_cm=1)
    for item in (r for r in rows if is_item_row(r)):
        # an analysis that opens with its item's code names it already
        named = item.items[0] in item.analysis[: len(item.items[0]) + 8]
        text = item.analysis if named else f"{item_name(item)}: {item.analysis}"
        para(doc, keep_units(f"- {text}"), indent_cm=1.5)


def item_name(row: MeasureRow) -> str:
    """Return an item row's short name, "I14 การได้รับการประเมินผล..." (the part after the indicator)."""
    return row.topic.split("–")[-1].strip() if "–" in row.topic else row.topic


def overall_sentence(ctx: LayoutContext) -> str:
    """Return "ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2568 ของ ... ได้คะแนนภาพรวม 94.12 คะแนน อยู่ในระดับ ..."."""
    assessment, _ = ctx.years
    sentence = f"ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. {year_text(assessment)} ของ{ctx.agency}"
    if ctx.draft.overall is not None:
        sentence += f" ได้คะแนนภาพรวม {score_text(ctx.draft.overall)} คะแนน"
    if ctx.draft.level:
        sentence += f" อยู่ในระดับ {ctx.draft.level}"
    return sentence


def score_table(
    doc: DocumentObject, ctx: LayoutContext, numbers: Sequence[int], *, rank: bool = False
) -> None:
    """Print the indicator scores: ที่ (or อันดับ), ตัวชี้วัด, คะแนน, ระดับการพัฒนา, kept on one page."""
    rows: list[list[Cell]] = [
        [
            [str(i if rank else n)],
            [indicator_name(ctx.framework, n)],
            [score_text(ctx.draft.indicators[n])],
            [ctx.tier_of(n)],
        ]
        for i, n in enumerate(numbers, start=1)
    ]
    headers = [["อันดับ" if rank else "ที่"], ["ตัวชี้วัด"], ["คะแนน"], ["ระดับการพัฒนา"]]
    # Not kept together: a whole table pushed to page 2 would leave the cover page half empty.
    fit_table(doc, headers, rows, total=int(USABLE_W * 0.62))


def success_and_monitoring(doc: DocumentObject, ctx: LayoutContext, number: int) -> int:
    """Print the KPI list and the monitoring plan as numbered sections from `number`; return the next number."""
    if ctx.draft.kpis:
        heading(doc, f"{number}. ตัวชี้วัดความสำเร็จ")
        for line in numbered(ctx.draft.kpis):
            para(doc, keep_units(line), indent_cm=1)
        number += 1
    if ctx.draft.monitoring_plan:
        heading(doc, f"{number}. การกำกับติดตามและรายงานผล")
        for line in numbered(ctx.draft.monitoring_plan):
            para(doc, keep_units(line), indent_cm=1)
        number += 1
    return number


def signatures(doc: DocumentObject, ctx: LayoutContext) -> None:
    """Print the proposer's and the approving executive's signature lines."""
    executive = ctx.executive or "...................................."
    para(doc).paragraph_format.keep_with_next = True
    proposer = (
        "ลงชื่อ .................................... ผู้เสนอ\n(....................................)\n"
        "ตำแหน่ง ....................................\nวันที่ ........ เดือน .................... พ.ศ. ........"
    )
    approver = (
        f"ลงชื่อ .................................... ผู้อนุมัติ\n(....................................)\n"
        f"ตำแหน่ง {executive}\nวันที่ ........ เดือน .................... พ.ศ. ........"
    )
    plain_table(doc, [[proposer, approver]], column_widths([1, 1]))


def indicators_by_tool(ctx: LayoutContext) -> dict[str, list[int]]:
    """Return the scored indicators of each tool, in indicator order."""
    groups: dict[str, list[int]] = {code: [] for code in TOOL_ORDER}
    for n in sorted(ctx.draft.indicators):
        groups.setdefault(ctx.tool_of(n), []).append(n)
    return {code: ns for code, ns in groups.items() if ns}


def rows_of(ctx: LayoutContext, number: int) -> list[MeasureRow]:
    """Return the indicator's rows: the indicator row first, then its item rows."""
    rows = [r for r in ctx.draft.rows if r.indicator == number]
    return sorted(rows, key=is_item_row)


def row_label(ctx: LayoutContext, row: MeasureRow) -> str:
    """Return a row's topic: the item with its code, or the indicator."""
    return row.topic or ctx.indicator_label(row.indicator)


def period(row: MeasureRow) -> str:
    """Return the row's period as printed ("ต.ค. 68 – มี.ค. 69")."""
    return row.timeline


def month_count_text(row: MeasureRow) -> str:
    """Return a compact score line for a row: "83.50 คะแนน"."""
    return f"{score_text(row.score)} คะแนน" if row.score is not None else ""


def threshold_text(value: float) -> str:
    """Return a threshold as the seeds print it: 85 or 85.50."""
    return f"{value:g}" if float(value).is_integer() else f"{value:.2f}"


def table_width_for(columns: int) -> int:
    """Return the full usable width (tables with many columns take the whole landscape page)."""
    return USABLE_W if columns > 3 else int(USABLE_W * 0.75)


__all__ = [
    "LayoutContext",
    "cover",
    "fit_table",
    "is_item_row",
    "keep_units",
    "longest_word",
    "numbered",
    "overall_sentence",
    "plain_steps",
    "score_table",
    "signatures",
    "success_and_monitoring",
    "word_minimums",
]
