"""Render the 6- or 12-month progress report from the plan's measure rows, as Word or Excel.

With the officer's progress records (bot.ita.progress, by row number) the result and status cells
are filled in: the status ticked, the percentage, what was done and the evidence links; a row with
nothing reported stays blank for the officer to fill in by hand.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date

from bot.export.docx import agency_label
from bot.export.layouts import Layout, LayoutContext, get_layout
from bot.export.layouts.common import fit_table
from bot.export.plan import indicator_name, plan_years, year_text
from bot.export.tables import column_widths, grid_table, plain_table
from bot.export.word import CM, TITLE_PT, heading, new_document, para, to_bytes
from bot.export.xlsx import sheet_bytes
from bot.ita.agency_types import AgencyType
from bot.ita.framework import Framework
from bot.ita.measures import Draft, MeasureRow
from bot.ita.progress import STATUS_TH, RowProgress, Status
from bot.thai import format_thai_date, round_deadline, round_period

REPORT_HEADERS = ("มาตรการ", "ผู้รับผิดชอบ", "ระยะเวลา", "ผลการดำเนินงาน", "ปัญหา/อุปสรรค", "ข้อเสนอแนะ", "สถานะ")
# The measure column carries the longest printed text, so it is the widest; the result column
# is the widest blank one; status is wide enough for "☐ อยู่ระหว่างดำเนินการ" on one line.
REPORT_WEIGHTS = (22, 9.5, 8, 21, 10.5, 10.5, 18.5)
STATUS_BOXES = ("☐ ดำเนินการแล้ว", "☐ อยู่ระหว่างดำเนินการ", "☐ ยังไม่ดำเนินการ")
SUMMARY_LINE = "." * 170  # one full line of landscape A4 at 16 pt, after the 1 cm indent
ROUNDS = (6, 12)  # months into the fiscal year at which progress is reported
SUMMARY_LINES = 3
LINK_LINE_CHARS = 18  # Latin characters of an evidence link on one line of the 5 cm result column  # dotted lines for the summary to the executive


Records = Mapping[int, RowProgress]  # a round's progress by row number


def status_cell(record: RowProgress | None) -> list[str]:
    """The status boxes, the reported one ticked ("☑ ดำเนินการแล้ว")."""
    if record is None or record.status is None:
        return list(STATUS_BOXES)
    return [("☑ " if status is record.status else "☐ ") + label for status, label in STATUS_TH.items()]


def _link_lines(link: str) -> list[str]:
    """A link laid on lines that fit the result column: cut after a slash, dot or dash (it is one
    long word, which would otherwise widen the column and squeeze the status boxes)."""
    pieces = re.findall(rf".{{1,{LINK_LINE_CHARS}}}(?:[/.?&=_-]|$)|.{{1,{LINK_LINE_CHARS}}}", link)
    lines: list[str] = []
    for piece in pieces:
        if lines and len(lines[-1]) + len(piece) <= LINK_LINE_CHARS:
            lines[-1] += piece
        else:
            lines.append(piece)
    return lines


def result_cell(record: RowProgress | None, *, word: bool = True) -> list[str]:
    """What was reported: the percentage, what was done and the evidence; blank lines when nothing was.

    `word`: links may wrap (Word); in Excel they stay as typed, to be copied."""
    if record is None or record.empty:
        # Empty lines, not dots: the officer types into these cells in Word, and dots would
        # have to be deleted first (and wrap badly in narrow columns).
        return ["", "", ""]
    started = record.percent is not None and not (record.percent == 0 and record.status is Status.NOT_STARTED)
    lines = [f"ดำเนินการได้ร้อยละ {record.percent}"] if started else []
    lines += [line for line in record.done.splitlines() if line.strip()]
    if record.evidence:
        lines.append("หลักฐาน:")
        for link in record.evidence:
            lines += _link_lines(link) if word else [link]
    return lines or ["", "", ""]


def _record(records: Records, row: MeasureRow) -> RowProgress | None:
    return records.get(row.number) if row.number is not None else None


def _cells(row: MeasureRow, framework: Framework, records: Records, *, word: bool = True) -> list[list[str]]:
    measure = [f"ตัวชี้วัดที่ {row.indicator} {indicator_name(framework, row.indicator)}", row.measure]
    record = _record(records, row)
    return [
        measure,
        list(row.owners),
        [row.timeline],
        result_cell(record, word=word),
        [""],
        [""],
        status_cell(record),
    ]


# A layout's report prints its own columns, then these blank ones for the officer to fill in.
RESULT_HEADERS: tuple[tuple[str, ...], ...] = (
    ("ผลการดำเนินงาน",),
    ("ปัญหา/", "อุปสรรค"),
    ("สถานะ",),
)
RESULT_CM = (5.0, 3.0, 5.4)  # result, problems, status ("☐ อยู่ระหว่างดำเนินการ" on one line)


def _layout_rows(
    layout: Layout, ctx: LayoutContext, round_months: int, records: Records, *, word: bool = True
) -> tuple[list[Sequence[str]], list[list[list[str]]]]:
    """The layout's report headers and rows, each followed by its result, problems and status cells."""
    assert layout.report_rows is not None and layout.report_headers is not None
    printed: Sequence[Sequence[str]] = layout.report_headers(round_months)
    cells = layout.report_rows(ctx, round_months)
    order = list(layout.report_order(ctx)) if layout.report_order is not None else []
    if len(order) != len(cells):  # no way to tell which row is which: every row left blank
        order = []
    rows = []
    for i, row_cells in enumerate(cells):
        record = _record(records, order[i]) if order else None
        rows.append([*row_cells, result_cell(record, word=word), [""], status_cell(record)])
    return [*printed, *RESULT_HEADERS], rows


def _layout_table(doc, layout: Layout, ctx: LayoutContext, round_months: int, records: Records) -> None:
    """Print the layout's report columns and the result columns, one row per measure."""
    headers, rows = _layout_rows(layout, ctx, round_months, records)
    first_blank = len(headers) - len(RESULT_HEADERS)
    fixed = {first_blank + i: int(cm * CM) for i, cm in enumerate(RESULT_CM)}
    fit_table(doc, headers, rows, fixed=fixed)


def render_report_docx(
    draft: Draft,
    framework: Framework,
    round_months: int,
    *,
    today: date | None = None,
    layout: str | None = None,
    agency_types: Mapping[str, AgencyType] | None = None,
    progress: Records | None = None,
) -> bytes:
    """Render the progress report for round 6 or 12 months as A4-landscape .docx bytes.

    The measure columns follow the chosen layout (the draft's own by default); `progress` (this
    round's records by row number) fills in the result and status cells.
    """
    records = progress or {}
    if round_months not in ROUNDS:
        raise ValueError(f"a progress round is 6 or 12 months, got {round_months}")
    _, fiscal = plan_years(draft)
    doc = new_document()
    para(
        doc,
        "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
        size=TITLE_PT,
        bold=True,
        center=True,
    )
    para(
        doc,
        f"ประจำปีงบประมาณ พ.ศ. {year_text(fiscal)} "
        f"รอบ {round_months} เดือน ({round_period(fiscal, round_months)})",
        size=TITLE_PT,
        bold=True,
        center=True,
    )
    para(doc, agency_label(draft), size=TITLE_PT, bold=True, center=True)
    para(doc, f"ข้อมูล ณ วันที่ {format_thai_date(today or date.today())}", center=True)
    heading(doc, f"ผลการดำเนินการรอบ {round_months} เดือน")
    para(
        doc,
        f"รายงานผลการดำเนินการตามมาตรการ ตั้งแต่ 1 ตุลาคม {year_text(fiscal and fiscal - 1)} "
        f"ถึง {round_deadline(fiscal, round_months)}",
        indent_cm=1,
    )
    chosen = get_layout(layout or draft.layout)
    if draft.rows and chosen.report_rows is not None:
        _layout_table(doc, chosen, LayoutContext(draft, framework, agency_types or {}), round_months, records)
    elif draft.rows:
        grid_table(
            doc,
            REPORT_HEADERS,
            [_cells(r, framework, records) for r in draft.rows],
            column_widths(REPORT_WEIGHTS),
        )
    else:
        para(doc, "- ยังไม่มีมาตรการ -", center=True)
    heading(doc, "สรุปผลและข้อเสนอแนะต่อผู้บริหาร")
    for _ in range(SUMMARY_LINES):  # bound to the signatures below: the executive signs under the summary
        para(doc, SUMMARY_LINE, indent_cm=1).paragraph_format.keep_with_next = True
    para(doc).paragraph_format.keep_with_next = True
    executive = draft.agency.executive.strip() or "...................................."
    plain_table(
        doc,
        [
            [
                "ลงชื่อ .................................... ผู้รายงาน\n(....................................)\n"
                "ตำแหน่ง ....................................",
                f"ลงชื่อ .................................... ผู้บริหาร\n({executive})\n"
                "☐ ทราบ  ☐ เห็นชอบ  ☐ อื่น ๆ ....................",
            ]
        ],
        column_widths([1, 1]),
    )
    return to_bytes(doc)


def report_title(draft: Draft, round_months: int) -> str:
    """The report's title line: the round, the fiscal year and the agency."""
    _, fiscal = plan_years(draft)
    return (
        f"รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน "
        f"ประจำปีงบประมาณ พ.ศ. {year_text(fiscal)} รอบ {round_months} เดือน {agency_label(draft)}"
    )


def render_report_xlsx(
    draft: Draft,
    framework: Framework,
    round_months: int,
    *,
    layout: str | None = None,
    agency_types: Mapping[str, AgencyType] | None = None,
    progress: Records | None = None,
) -> bytes:
    """Render the same report as one Excel sheet: the layout's columns, then result, problems, status."""
    if round_months not in ROUNDS:
        raise ValueError(f"a progress round is 6 or 12 months, got {round_months}")
    records = progress or {}
    chosen = get_layout(layout or draft.layout)
    if chosen.report_rows is not None:
        heads, rows = _layout_rows(
            chosen, LayoutContext(draft, framework, agency_types or {}), round_months, records, word=False
        )
        headers = [" ".join(h) for h in heads]
    else:
        headers = list(REPORT_HEADERS)
        rows = [_cells(r, framework, records, word=False) for r in draft.rows]
    values = [["\n".join(line for line in cell if line) for cell in row] for row in rows]
    widths = [
        max(12.0, min(48.0, max((len(v) for v in col), default=0) * 0.6))
        for col in zip(headers, *values, strict=True)
    ]
    return sheet_bytes(f"รอบ {round_months} เดือน", report_title(draft, round_months), headers, values, widths)
