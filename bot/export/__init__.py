"""Pure exporters: a Draft in, document bytes out (Word, Excel, chart, progress report).

The plan is laid out once in plan.py; docx.py, xlsx.py, report.py and chart.py draw
it, with word.py and tables.py as the Word primitives. The framework that names the
indicators and tools is handed in by the caller (bot.app builds Exporters with it).
A draft's `layout` ("default" or one of bot.export.layouts.LAYOUTS) picks the shape of
the Word plan, the Excel columns and the progress report's columns.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from bot.export.chart import render_chart
from bot.export.docx import render_docx
from bot.export.layouts import LayoutContext, find_layout, get_layout, layout_choices
from bot.export.report import render_report_docx, render_report_xlsx
from bot.export.review import review_notes
from bot.export.xlsx import render_xlsx
from bot.ita.agency_types import AgencyType
from bot.ita.framework import Framework
from bot.ita.measures import Draft
from bot.ita.progress import RowProgress


def render_layout_docx(
    draft: Draft,
    framework: Framework,
    chart_png: bytes | None = None,
    *,
    layout: str | None = None,
    agency_types: Mapping[str, AgencyType] | None = None,
    today: date | None = None,
) -> bytes:
    """Return the Word plan in `layout` (default: the draft's own layout)."""
    chosen = get_layout(layout or draft.layout)
    if chosen.render_docx is None:
        return render_docx(draft, framework, chart_png, today=today)
    ctx = LayoutContext(draft, framework, agency_types or {}, today or date.today())
    return chosen.render_docx(ctx, chart_png)


class Exporters:
    """The document renderers the dialogue sends files through (built by bot.app).

    `agency_types` (the playbook's) lets a layout name positions and the executive by the
    agency's type; without it the layouts use the units and executive written in the draft.
    """

    def __init__(self, framework: Framework, agency_types: Mapping[str, AgencyType] | None = None) -> None:
        self.framework = framework  # indicator names, tools and weights printed in the documents
        self.agency_types = dict(agency_types or {})

    def render_docx(
        self, draft: Draft, chart_png: bytes | None = None, layout: str | None = None, *, review: bool = False
    ) -> bytes:
        """Return the measure plan as a Word file, in the draft's layout unless `layout` is given.

        `review`: the officer's review copy (ฉบับตรวจทาน) of the default plan, with its sources and
        the notes the published plan leaves out.
        """
        if review:
            return render_docx(draft, self.framework, chart_png, review=True)
        return render_layout_docx(
            draft, self.framework, chart_png, layout=layout, agency_types=self.agency_types
        )

    def review_notes(self, draft: Draft) -> list[str]:
        """Return what the officer should check before publishing (bot.export.review)."""
        return review_notes(draft, self.framework)

    def layout_for(self, text: str) -> str | None:
        """Return the name of the layout a chat request asks for ("ขอแบบแยกตามเครื่องมือ"), or None."""
        found = find_layout(text)
        return found.name if found else None

    def layout_options(self) -> list[tuple[str, str, str]]:
        """Return (name, Thai title, Thai description) of every layout, the default first."""
        return layout_choices()

    def render_xlsx(self, draft: Draft, layout: str | None = None) -> bytes:
        """Return the measure table as an Excel workbook, in the columns of the draft's layout."""
        return render_xlsx(draft, self.framework, layout=layout, agency_types=self.agency_types)

    def render_chart(self, draft: Draft) -> bytes:
        """Return the indicator chart as PNG."""
        return render_chart(draft, self.framework)

    def render_report_docx(
        self,
        draft: Draft,
        round_months: int,
        progress: Mapping[int, RowProgress] | None = None,
        layout: str | None = None,
    ) -> bytes:
        """Return the 6- or 12-month progress report as a Word file, in the layout's columns,
        with the round's `progress` (by row number) filled in."""
        return render_report_docx(
            draft,
            self.framework,
            round_months,
            layout=layout,
            agency_types=self.agency_types,
            progress=progress,
        )

    def render_report_xlsx(
        self,
        draft: Draft,
        round_months: int,
        progress: Mapping[int, RowProgress] | None = None,
        layout: str | None = None,
    ) -> bytes:
        """Return the same report as an Excel workbook."""
        return render_report_xlsx(
            draft,
            self.framework,
            round_months,
            layout=layout,
            agency_types=self.agency_types,
            progress=progress,
        )
