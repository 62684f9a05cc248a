"""Render the 6- or 12-month progress-report template from the plan's measure rows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from bot.export.docx import agency_label
from bot.export.layouts import Layout, LayoutContext, get_layout
from bot.export.layouts.common import fit_table
from bot.export.plan import indicator_name, plan_years, year_text
from bot.export.tables import column_widths, grid_table, plain_table
from bot.export.word import CM, TITLE_PT, heading, new_document, para, to_bytes
from bot.ita.agency_types import AgencyType
from bot.ita.framework import Framework
from bot.ita.measures import Draft, MeasureRow
from bot.thai import format_thai_date, round_deadline, round_period

REPORT_HEADERS = ("มาตรการ", "ผู้รับผิดชอบ", "ระยะเวลา", "ผลการดำเนินงาน", "ปัญหา/อุปสรรค", "ข้อเสนอแนะ", "สถานะ")
# The measure column carries the longest printed text, so it is the widest; the result column
# is the widest blank one; status is wide enough for "☐ อยู่ระหว่างดำเนินการ" on one line.
REPORT_WEIGHTS = (22, 9.5, 8, 21, 10.5, 10.5, 18.5)
STATUS_BOXES = ("☐ ดำเนินการแล้ว", "☐ อยู่ระหว่างดำเนินการ", "☐ ยังไม่ดำเนินการ")
SUMMARY_LINE = "." * 170  # one full line of landscape A4 at 16 pt, after the 1 cm indent
ROUNDS = (6, 12)  # months into the fiscal year at which progress is reported
SUMMARY_LINES = 3  # dotted lines for the summary to the executive


def _cells(row: MeasureRow, framework: Framework) -> list[list[str]]:
    measure = [f"ตัวชี้วัดที่ {row.indicator} {indicator_name(framework, row.indicator)}", row.measure]
    # Empty lines, not dots: the officer types into these cells in Word, and dots would
    # have to be deleted first (and wrap badly in narrow columns).
    return [measure, list(row.owners), [row.timeline], ["", "", ""], [""], [""], list(STATUS_BOXES)]


# A layout's report prints its own columns, then these blank ones for the officer to fill in.
RESULT_HEADERS: tuple[tuple[str, ...], ...] = (
    ("ผลการดำเนินงาน",),
    ("ปัญหา/", "อุปสรรค"),
    ("สถานะ",),
)
RESULT_CM = (5.0, 3.0, 5.4)  # result, problems, status ("☐ อยู่ระหว่างดำเนินการ" on one line)


def _layout_table(doc, layout: Layout, ctx: LayoutContext, round_months: int) -> None:
    """Print the layout's report columns and the blank result columns, one row per measure."""

    assert layout.report_rows is not None and layout.report_headers is not None
    printed: Sequence[Sequence[str]] = layout.report_headers(round_months)
    headers = [*printed, *RESULT_HEADERS]
    first_blank = len(printed)
    rows = [
        [*cells, ["", "", ""], [""], list(STATUS_BOXES)] for cells in layout.report_rows(ctx, round_months)
    ]
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
) -> bytes:
    """Render the progress-report template for round 6 or 12 months as A4-landscape .docx bytes.

    The measure columns follow the chosen layout (the draft's own by default).
    """
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
        _layout_table(doc, chosen, LayoutContext(draft, framework, agency_types or {}), round_months)
    elif draft.rows:
        grid_table(
            doc, REPORT_HEADERS, [_cells(r, framework) for r in draft.rows], column_widths(REPORT_WEIGHTS)
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
