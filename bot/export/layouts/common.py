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

from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from bot.export import house
from bot.export.plan import indicator_name, plan_years, score_text, tier_for, year_text
from bot.export.tables import column_widths, fitted_widths, grid_table, plain_table, word_minimums
from bot.export.word import TABLE_PT, TITLE_PT, USABLE_W, Line, to_bytes
from bot.export.word import heading as word_heading
from bot.export.word import para as word_para
from bot.export.wordbreak import NBSP, breakable, plain
from bot.ita.agency_types import AgencyType
from bot.ita.framework import Framework
from bot.ita.measures import Draft, MeasureRow
from bot.ita.tiers import Tier
from bot.thai import format_thai_date, space_abbreviations

TOOL_ORDER = ("IIT", "EIT", "OIT")
Cell = Sequence[str | Line]  # one table cell: its paragraphs


@dataclass(frozen=True)
class LayoutContext:
    """Everything a layout draws from: the draft, the framework and (optionally) the agency types."""

    draft: Draft
    framework: Framework
    agency_types: Mapping[str, AgencyType] = field(default_factory=dict)
    today: date = field(default_factory=date.today)

    def __post_init__(self) -> None:
        # every layout prints in the agency's house style (Draft.style), as the default plan does
        object.__setattr__(self, "draft", house_draft(self.draft, self.framework))

    @property
    def style(self) -> dict[str, str]:
        """Return the agency's house style (Draft.style; bot.export.house prints with it)."""
        return self.draft.style or {}

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
        """Return "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล", or the house's heading form ("9. การเปิดเผยข้อมูล")."""
        name = indicator_name(self.framework, number)
        return house.heading(self.style, number, name) or f"ตัวชี้วัดที่ {number} {name}"

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


def house_draft(draft: Draft, framework: Framework) -> Draft:
    """Return the draft with its rows' headings, periods and owners in the agency's house forms
    (bot.export.house, as the default plan prints them); steps take the house numbering in
    `numbered` and digits in `finish`. An empty style leaves the draft as it is."""
    style = draft.style or {}
    if not style:
        return draft
    rows = []
    for r in draft.rows:
        update: dict[str, object] = {
            "timeline": house.period(style, r.timeline, r.start_month, r.end_month),
            "owners": house.owners(style, list(r.owners)),
        }
        name = indicator_name(framework, r.indicator)
        if r.topic == f"ตัวชี้วัดที่ {r.indicator} {name}":  # an indicator row under its standard heading
            update["topic"] = house.heading(style, r.indicator, name) or r.topic
        rows.append(r.model_copy(update=update))
    return draft.model_copy(update={"rows": rows})


def finish(doc: DocumentObject, ctx: LayoutContext) -> bytes:
    """Return the document as bytes, its numbers in Thai digits when the house writes them so
    (the agency's name as the officer gave it), as bot.export.docx does for the default plan."""
    if ctx.style.get("digits") == "thai":
        name = ctx.draft.agency.name.strip()
        for node in doc.element.body.iter(qn("w:t")):
            parts = (node.text or "").split(name) if name else [node.text or ""]
            node.text = name.join(house.digits(ctx.style, part) for part in parts)
    return to_bytes(doc)


def is_item_row(row: MeasureRow) -> bool:
    """Tell whether a row is about one question item (its topic names the item) rather than an indicator."""
    return len(row.items) == 1 and row.items[0] in row.topic


def plain_steps(row: MeasureRow) -> list[str]:
    """Return the row's steps without the drafter's leading "1." numbering."""
    return [re.sub(r"^\s*\d+[.)]\s*", "", s) for s in row.steps]


def numbered(items: Sequence[str], style: dict[str, str] | None = None) -> list[str]:
    """Return items numbered "1. ..." (or the house's "1)", "(1)"), never doubling a number already there."""
    texts = (re.sub(r"^\s*\(?\d+[.)]\s*", "", x) for x in items)
    return [f"{house.number(style or {}, i)} {t}" for i, t in enumerate(texts, start=1)]


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
    """Add a grid table whose columns fit their longest word, the rest of the width shared by need.

    `fixed` columns (e.g. a report's blank result columns) get their width, narrowed only
    when the other columns' words would not fit beside them.
    """
    rows = [[[_unbreakable(line) for line in cell] for cell in row] for row in rows]
    minimums = word_minimums(headers, rows, size)
    fixed = dict(fixed or {})
    free = [c for c in range(len(headers)) if c not in fixed]
    need = sum(minimums[c] for c in free)
    if fixed and need > total - sum(fixed.values()):  # the words come first: narrow the blanks
        scale = max(0.0, total - need) / sum(fixed.values())
        fixed = {c: int(w * scale) for c, w in fixed.items()}
    if need > total - sum(fixed.values()):  # more long words than the page holds (not seen at 14 pt)
        minimums = [int(m * (total - sum(fixed.values())) / need) for m in minimums]
    rest = fitted_widths(
        [[row[c] for c in free] for row in rows],
        [minimums[c] for c in free],
        total - sum(fixed.values()),
        size=size,
    )
    widths = [fixed.get(c, 0) for c in range(len(headers))]
    for c, w in zip(free, rest, strict=True):
        widths[c] = w
    return grid_table(doc, [list(h) for h in headers], rows, widths, size=size, keep_together=keep_together)


def _unbreakable(line: str | Line) -> str | Line:
    # Hinted as the writer will hint it (the width estimates count its characters); an empty
    # paragraph is as tall as the 16 pt body text: a no-break space keeps it at 14 pt.
    if isinstance(line, Line):
        return line._replace(text=keep_units(line.text) or NBSP)
    return keep_units(line) or NBSP


def keep_units(text: str) -> str:
    """Return text marked up with pythainlp word boundaries and numbers glued to their units."""
    return breakable(plain(text))


# ---------------------------------------------------------------------- shared blocks
def para(container, text: str = "", **style) -> Paragraph:
    """Add a paragraph with bot.export.word.para's styles (which breaks its lines between words)."""
    return word_para(container, text, **style)


def heading(doc: DocumentObject, text: str, level: int = 1) -> Paragraph:
    """Add a section heading whose numbers stay with their units ("พ.ศ. 2569" on one line)."""
    return word_heading(doc, text, level)


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
    para(doc, text, bold=True, indent_cm=0.5).paragraph_format.keep_with_next = True


def indicator_analysis(doc: DocumentObject, ctx: LayoutContext, number: int, *, lead: str = "") -> None:
    """Print the indicator's analysis under its heading (after `lead`), then one line per item row's finding."""
    rows = rows_of(ctx, number)
    main = next((r for r in rows if not is_item_row(r)), None)
    text = main.analysis if main else ""
    if not text:
        para(doc, f"อยู่ในระดับ{ctx.tier_of(number)}", indent_cm=1)
    else:
        para(doc, f"{lead}{text}", indent_cm=1)
    for item in (r for r in rows if is_item_row(r)):
        # an analysis that opens with its item's code names it already
        named = item.items[0] in item.analysis[: len(item.items[0]) + 8]
        text = item.analysis if named else f"{item_name(item)}: {item.analysis}"
        para(doc, f"- {text}", indent_cm=1.5)


def item_name(row: MeasureRow) -> str:
    """Return an item row's short name, "I14 การได้รับการประเมินผล..." (the part after the indicator)."""
    return row.topic.split("–")[-1].strip() if "–" in row.topic else row.topic


def overall_sentence(ctx: LayoutContext) -> str:
    """Return "ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2568 ของ ... ได้คะแนนภาพรวม 94.12 คะแนน อยู่ในระดับ ..."."""
    assessment, _ = ctx.years
    sentence = space_abbreviations(
        f"ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. {year_text(assessment)} ของ{ctx.agency}"
    )
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
        for line in numbered(ctx.draft.kpis, ctx.style):
            para(doc, line, indent_cm=1)
        number += 1
    if ctx.draft.monitoring_plan:
        heading(doc, f"{number}. การกำกับติดตามและรายงานผล")
        for line in numbered(ctx.draft.monitoring_plan, ctx.style):
            para(doc, line, indent_cm=1)
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


def threshold_text(value: float) -> str:
    """Return a threshold as the seeds print it: 85 or 85.50."""
    return f"{value:g}" if float(value).is_integer() else f"{value:.2f}"
