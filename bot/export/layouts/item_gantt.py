"""item-gantt (seed 003): item level, three tiers, a quarter Gantt, monitoring and reporting columns.

Seed 003 (an องค์การมหาชน) plans item by item ("I14 การได้รับการประเมินผลการปฏิบัติงาน
(84.25 คะแนน ระดับ C)"), in three sections by score band (แก้ไขเร่งด่วน, พัฒนาให้ดีขึ้น,
จุดแข็ง), under the indicator's name, with the period drawn over ไตรมาสที่ 1–4 and the
columns หน่วยงานที่รับผิดชอบ, แนวทางการกำกับติดตาม, การรายงานผล. The ticks come from each
row's start and end month inside the fiscal year (Q1 = ต.ค.–ธ.ค.).
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from bot.export.layouts.common import (
    Cell,
    LayoutContext,
    cover,
    finish,
    fit_table,
    heading,
    is_item_row,
    keep_units,
    numbered,
    overall_sentence,
    para,
    signatures,
    success_and_monitoring,
    threshold_text,
)
from bot.export.plan import score_text, year_text
from bot.export.word import TABLE_PT, Line, new_document, write
from bot.ita.measures import MeasureRow
from bot.ita.tiers import Tier
from bot.thai import BE_OFFSET

TICK = "✓"
QUARTERS = (1, 2, 3, 4)
QUARTER_MONTHS = {1: "ต.ค.–ธ.ค.", 2: "ม.ค.–มี.ค.", 3: "เม.ย.–มิ.ย.", 4: "ก.ค.–ก.ย."}
HEADERS: tuple[tuple[str, ...], ...] = (
    ("ประเด็น",),
    ("มาตรการและ", "ขั้นตอนดำเนินการ"),
    ("Q1",),
    ("Q2",),
    ("Q3",),
    ("Q4",),
    ("หน่วยงานที่", "รับผิดชอบ"),
    ("แนวทาง", "การกำกับติดตาม"),
    ("การรายงานผล",),
)
QUARTER_COLUMNS = (2, 3, 4, 5)
SUBHEAD_FILL = "F2F2F2"
TIER_ORDER = (Tier.URGENT, Tier.IMPROVE, Tier.MAINTAIN)


def _fiscal_month(iso: str, fiscal: int) -> int:
    """Return the month's place in fiscal year `fiscal` (1 = ต.ค. ... 12 = ก.ย.), clamped to the year."""
    year, month = (int(x) for x in iso.split("-"))
    gregorian = fiscal - BE_OFFSET
    index = (year - (gregorian - 1)) * 12 + month - 9  # ต.ค. of the year before = 1
    return min(12, max(1, index))


def quarters(row: MeasureRow, fiscal: int | None) -> set[int]:
    """Return the fiscal quarters (1..4) a row's period touches."""
    if fiscal is None:
        year, month = (int(x) for x in row.start_month.split("-"))
        fiscal = year + BE_OFFSET + (1 if month >= 10 else 0)
    first = (_fiscal_month(row.start_month, fiscal) - 1) // 3 + 1
    last = (_fiscal_month(row.end_month, fiscal) - 1) // 3 + 1
    return set(range(first, last + 1))


def band(ctx: LayoutContext, tier: Tier) -> str:
    """Return a tier section's title with its score band."""
    low, high = (threshold_text(t) for t in ctx.draft.thresholds)
    return {
        Tier.URGENT: f"ประเด็นที่ควรแก้ไขโดยเร่งด่วน (คะแนนต่ำกว่า {low} คะแนน)",
        Tier.IMPROVE: f"ประเด็นที่ต้องพัฒนาให้ดีขึ้น (คะแนน {low} ถึงต่ำกว่า {high} คะแนน)",
        Tier.MAINTAIN: f"ประเด็นที่เป็นจุดแข็ง รักษาระดับ (คะแนนตั้งแต่ {high} คะแนนขึ้นไป)",
    }[tier]


def topic_cell(row: MeasureRow) -> list[str | Line]:
    """Return the ประเด็น cell: the item (or the indicator as a whole) and its score."""
    score = f"({score_text(row.score)} คะแนน)" if row.score is not None else ""
    if is_item_row(row):
        return [Line(row.topic.split("–")[-1].strip(), bold=True), score]
    lines: list[str | Line] = [Line("ภาพรวมตัวชี้วัด", bold=True), score]
    if row.items:
        lines.append("ข้อที่ต้องพัฒนา " + ", ".join(row.items))
    return lines


def table_cells(row: MeasureRow, fiscal: int | None, style: dict[str, str] | None = None) -> list[Cell]:
    """Return the nine cells of one row."""
    ticks = quarters(row, fiscal)
    return [
        topic_cell(row),
        [Line(row.measure, bold=True), *numbered(row.steps, style)],
        *([TICK if q in ticks else ""] for q in QUARTERS),
        list(row.owners),
        [row.monitoring],
        [row.reporting],
    ]


def ordered_rows(ctx: LayoutContext) -> list[MeasureRow]:
    """Return the rows by tier (urgent first), then indicator, items after their indicator's row."""
    return [r for tier in TIER_ORDER for _, rows in _groups(ctx, tier) for r in rows]


def _groups(ctx: LayoutContext, tier: Tier) -> list[tuple[int, list[MeasureRow]]]:
    rows = [r for r in ctx.draft.rows if r.tier == tier]
    numbers = sorted({r.indicator for r in rows})
    return [(n, sorted((r for r in rows if r.indicator == n), key=is_item_row)) for n in numbers]


def _center_ticks(table, count: int) -> None:
    for tr in table._tbl.tr_lst[1:]:
        tcs = tr.tc_lst
        if len(tcs) != count:
            continue
        for col in QUARTER_COLUMNS:
            for p in tcs[col].findall(qn("w:p")):
                ppr = p.get_or_add_pPr()
                jc = OxmlElement("w:jc")
                jc.set(qn("w:val"), "center")
                ppr.append(jc)


def _subheadings(table, positions: list[int]) -> None:
    """Merge each sub-heading row across the table and shade it."""
    for index in positions:
        row = table.rows[index]
        merged = row.cells[0].merge(row.cells[-1])
        for extra in merged._tc.findall(qn("w:p"))[1:]:  # the blank cells' paragraphs, moved in by merge
            merged._tc.remove(extra)
        tc_pr = merged._tc.get_or_add_tcPr()
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), SUBHEAD_FILL)
        tc_pr.append(shd)


def render(ctx: LayoutContext, chart_png: bytes | None = None) -> bytes:
    """Return the item-level Gantt plan as .docx bytes."""
    assessment, fiscal = ctx.years
    doc = new_document()
    cover(
        doc,
        ctx,
        [
            "การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน",
            f"ปีงบประมาณ พ.ศ. {year_text(assessment)} และการกำหนดมาตรการเพื่อขับเคลื่อน",
            f"การส่งเสริมคุณธรรมและความโปร่งใสภายใน ประจำปีงบประมาณ พ.ศ. {year_text(fiscal)}",
        ],
    )
    heading(doc, "1. สรุปผลการประเมิน")
    para(doc, overall_sentence(ctx), indent_cm=1)
    quarter_note = ", ".join(f"Q{q} = {QUARTER_MONTHS[q]}" for q in QUARTERS)
    heading(doc, f"2. มาตรการ ขั้นตอน ระยะเวลา การกำกับติดตาม และการรายงานผล ปีงบประมาณ พ.ศ. {year_text(fiscal)}")
    para(doc, f"ระยะเวลาดำเนินการแสดงเป็นรายไตรมาสของปีงบประมาณ: {quarter_note}", indent_cm=1)
    k = 0
    for tier in TIER_ORDER:
        groups = _groups(ctx, tier)
        if not groups:
            continue
        k += 1
        heading(doc, f"2.{k} {band(ctx, tier)}", 2)
        cells: list[list[Cell]] = []
        subheads: list[int] = []
        for number, rows in groups:
            subheads.append(len(cells) + 1)  # +1: the header row
            label = f"{ctx.indicator_label(number)} ({score_text(ctx.draft.indicators.get(number))} คะแนน)"
            cells.append([[Line(label, bold=True)]] + [[""] for _ in HEADERS[1:]])
            cells.extend(table_cells(r, fiscal, ctx.style) for r in rows)
        # The sub-heading rows span the table once merged: their text must not size the first column.
        sized = [c if i + 1 not in subheads else [[""] for _ in HEADERS] for i, c in enumerate(cells)]
        table = fit_table(doc, HEADERS, sized)
        for i in subheads:
            _refill(table, i, cells[i - 1][0])
        _center_ticks(table, len(HEADERS))
        _subheadings(table, subheads)
    if not ctx.draft.rows:
        para(doc, "- ยังไม่มีมาตรการ -", center=True)
    success_and_monitoring(doc, ctx, 3)
    signatures(doc, ctx)
    return finish(doc, ctx)


def _refill(table, index: int, lines: Cell) -> None:
    cell = table.rows[index].cells[0]
    para_el = cell.paragraphs[0]
    for run in list(para_el._p.findall(qn("w:r"))):  # the no-break space of the blank sizing cell
        para_el._p.remove(run)
    for line in lines:
        text, bold = (line.text, line.bold) if isinstance(line, Line) else (line, False)
        write(para_el, keep_units(text), size=TABLE_PT, bold=bold)


# ---------------------------------------------------------------------- Excel and progress report
XLSX_HEADERS = ("ระดับ", "ตัวชี้วัด", *("".join(h) for h in HEADERS))
XLSX_WIDTHS = (16, 28, 34, 56, 10, 10, 10, 10, 26, 36, 36)
REPORT_HEADERS = (("ประเด็น",), ("มาตรการ",), ("ไตรมาส",), ("หน่วยงานที่", "รับผิดชอบ"), ("การรายงานผล",))


def xlsx_rows(ctx: LayoutContext) -> list[list[object]]:
    """Return the rows tier by tier, ticks in the quarter columns."""
    _, fiscal = ctx.years
    out: list[list[object]] = []
    for r in ordered_rows(ctx):
        cells = [
            "\n".join(x.text if isinstance(x, Line) else x for x in cell)
            for cell in table_cells(r, fiscal, ctx.style)
        ]
        out.append([str(r.tier), ctx.indicator_label(r.indicator), *cells])
    return out


def report_rows(ctx: LayoutContext, round_months: int) -> list[list[list[str]]]:
    """Return the printed cells: ประเด็น, มาตรการ, its quarters, owners, reporting."""
    _, fiscal = ctx.years
    rows = []
    for r in ordered_rows(ctx):
        qs = sorted(quarters(r, fiscal))
        span = f"{qs[0]}–{qs[-1]}" if len(qs) > 1 else str(qs[0])
        rows.append(
            [
                [x.text if isinstance(x, Line) else x for x in topic_cell(r)],
                [r.measure],
                [f"ไตรมาส {span}"],
                list(r.owners),
                [r.reporting],
            ]
        )
    return rows
