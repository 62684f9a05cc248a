"""Render a Draft as an Excel workbook: the measure table, the indicator scores and the sources."""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from bot.export import house
from bot.export.layouts import LayoutContext, get_layout
from bot.export.layouts.common import house_draft
from bot.export.plan import (
    MEASURE_COLUMNS,
    MEASURE_HEADERS,
    indicator_name,
    measure_cells,
    plan_years,
    reference_numbers,
    tier_for,
    year_text,
)
from bot.export.word import FONT
from bot.ita.agency_types import AgencyType
from bot.ita.framework import Framework
from bot.ita.measures import Draft, MeasureRow

FONT_SIZE = 14
TITLE_PT = 16
TITLE_ROW_HEIGHT = 48  # points: room for a title that wraps onto two lines
# Excel widths are in characters of the default font; Thai combining marks take no width,
# so 2.2 characters per weight point gives readable columns without huge rows.
WIDTH_PER_WEIGHT = 2.2
SCORE_WIDTHS = (12, 36, 12, 20)  # characters: number, indicator name, score, tier
SOURCE_WIDTHS = (8, 36, 100)  # characters: number, source, quoted passage
HEADER_FILL = PatternFill("solid", fgColor="D9E2F3")
THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
WRAP_CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")
# The workbook's three cell styles, registered once as named styles: a cell then takes one name
# instead of a font, a border and an alignment each (openpyxl hashes every style object it is
# given: 8x the CPU for a plan's table, issue 15).
TITLE_STYLE, HEADER_STYLE, BODY_STYLE = "ชื่อตาราง", "หัวตาราง", "เนื้อหาตาราง"


def _named_styles() -> list[NamedStyle]:
    return [
        NamedStyle(
            name=TITLE_STYLE,
            font=Font(name=FONT, size=TITLE_PT, bold=True),
            alignment=Alignment(wrap_text=True, vertical="center"),
        ),
        NamedStyle(
            name=HEADER_STYLE,
            font=Font(name=FONT, size=FONT_SIZE, bold=True),
            fill=HEADER_FILL,
            alignment=WRAP_CENTER,
            border=BORDER,
        ),
        NamedStyle(name=BODY_STYLE, font=Font(name=FONT, size=FONT_SIZE), alignment=WRAP_TOP, border=BORDER),
    ]


def _write_table(
    ws: Worksheet,
    title: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
) -> None:
    """Write a title row, a bold frozen header row and wrapped bordered data rows."""
    workbook = ws.parent
    if TITLE_STYLE not in workbook.named_styles:
        for style in _named_styles():
            workbook.add_named_style(style)
    ws.cell(row=1, column=1, value=title).style = TITLE_STYLE
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    ws.row_dimensions[1].height = TITLE_ROW_HEIGHT
    for col, header in enumerate(headers, start=1):
        ws.cell(row=2, column=col, value=header).style = HEADER_STYLE
    for r, values in enumerate(rows, start=3):
        for col, value in enumerate(values, start=1):
            ws.cell(row=r, column=col, value=value).style = BODY_STYLE
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "A3"  # title and header stay visible while scrolling
    ws.print_title_rows = "2:2"  # and the header repeats on every printed page
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


# a step's number at a line's start ("1. ", "12. "): printed in the house's numbering
_STEP_NUMBER = re.compile(r"(?m)^(\d+)\. ")


def _housed(style: dict[str, str], text: str, name: str) -> str:
    """Return a cell's text in the house forms: step numbers ("1)", "(1)") and Thai digits (the
    agency's name as the officer gave it), as the Word plan prints them."""
    text = _STEP_NUMBER.sub(lambda m: house.number(style, int(m.group(1))) + " ", text)
    if style.get("digits") != "thai":
        return text
    parts = text.split(name) if name else [text]
    return name.join(house.digits(style, part) for part in parts)


def _row_values(row: MeasureRow, references: dict[tuple[str, str], int], framework: Framework) -> list[str]:
    cells = ["\n".join(lines) for lines in measure_cells(row, framework)]
    # Sources as "[n] label": n is the row of the แหล่งอ้างอิง sheet that quotes the passage.
    cells[-1] = "\n".join(f"[{references[(s.source, s.text)]}] {s.source}" for s in row.sources)
    return cells


def render_xlsx(
    draft: Draft,
    framework: Framework,
    *,
    layout: str | None = None,
    agency_types: Mapping[str, AgencyType] | None = None,
) -> bytes:
    """Render the measure table and the indicator scores as .xlsx bytes (names from `framework`).

    The measure sheet has the columns of the chosen layout (the draft's own by default);
    the default layout keeps one column per field and a sheet of quoted sources.
    """
    _, fiscal = plan_years(draft)
    agency = draft.agency.name or "หน่วยงาน"
    # the agency's house style, as the Word plan prints it: headings, periods, owners, numbers, digits
    draft = house_draft(draft, framework)
    style = draft.style or {}

    def housed(rows: list[list[object]]) -> list[list[object]]:
        return [[_housed(style, v, agency) if isinstance(v, str) else v for v in row] for row in rows]

    wb = Workbook()
    measures = wb.active
    measures.title = "มาตรการ"
    title = _housed(
        style,
        f"มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. {year_text(fiscal)} {agency}",
        agency,
    )
    chosen = get_layout(layout or draft.layout)
    references = reference_numbers(draft)
    if chosen.xlsx_rows is None:
        _write_table(
            measures,
            title,
            list(MEASURE_HEADERS),
            housed([list(_row_values(row, references, framework)) for row in draft.rows]),
            [c.weight * WIDTH_PER_WEIGHT for c in MEASURE_COLUMNS],
        )
    else:
        ctx = LayoutContext(draft, framework, agency_types or {})
        assert chosen.xlsx_rows is not None
        _write_table(
            measures, title, list(chosen.xlsx_headers), housed(chosen.xlsx_rows(ctx)), chosen.xlsx_widths
        )
    scores = wb.create_sheet("คะแนนรายตัวชี้วัด")
    row_tier = {r.indicator: r.tier for r in draft.rows}
    _write_table(
        scores,
        f"คะแนนรายตัวชี้วัด {agency}",
        ["ตัวชี้วัดที่", "ตัวชี้วัด", "คะแนน", "ระดับการพัฒนา"],
        [
            [n, indicator_name(framework, n), s, row_tier.get(n) or tier_for(s, draft.thresholds)]
            for n, s in sorted(draft.indicators.items())
        ],
        SCORE_WIDTHS,
    )
    for row in scores.iter_rows(min_row=3, min_col=3, max_col=3):
        for cell in row:
            cell.number_format = "0.00"
    if chosen.xlsx_rows is not None:  # a layout prints no sources: the workbook matches the document
        return _save(wb)
    # The quoted passages, numbered as in the Word appendix and in the measure sheet's last column.
    _write_table(
        wb.create_sheet("แหล่งอ้างอิง"),
        f"แหล่งอ้างอิงของมาตรการ {agency}",
        ["ลำดับ", "แหล่งอ้างอิง", "ข้อความที่อ้างอิง"],
        [[n, source, text] for (source, text), n in references.items()],
        SOURCE_WIDTHS,
    )
    return _save(wb)


def sheet_bytes(
    name: str, title: str, headers: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[float]
) -> bytes:
    """One titled, bordered sheet as .xlsx bytes (the progress report's workbook)."""
    wb = Workbook()
    ws = wb.active
    ws.title = name
    _write_table(ws, title, headers, rows, widths)
    return _save(wb)


def _save(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
