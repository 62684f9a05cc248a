"""Pure exporters: a Draft in, document bytes out (Word, Excel, chart, progress report).

The plan is laid out once in plan.py; docx.py, xlsx.py, report.py and chart.py draw
it, with word.py and tables.py as the Word primitives. The framework that names the
indicators and tools is handed in by the caller (bot.app builds Exporters with it).
"""

from __future__ import annotations

from bot.export.chart import render_chart
from bot.export.docx import render_docx
from bot.export.report import render_report_docx
from bot.export.review import review_notes
from bot.export.xlsx import render_xlsx
from bot.ita.framework import Framework
from bot.ita.measures import Draft


class Exporters:
    """The document renderers the dialogue sends files through (built by bot.app)."""

    def __init__(self, framework: Framework) -> None:
        self.framework = framework  # indicator names, tools and weights printed in the documents

    def render_docx(self, draft: Draft, chart_png: bytes | None = None, *, review: bool = False) -> bytes:
        """Return the measure plan as a Word file: the published plan, or the officer's review copy."""
        return render_docx(draft, self.framework, chart_png, review=review)

    def review_notes(self, draft: Draft) -> list[str]:
        """Return what the officer should check before publishing (bot.export.review)."""
        return review_notes(draft, self.framework)

    def render_xlsx(self, draft: Draft) -> bytes:
        """Return the measure table as an Excel workbook."""
        return render_xlsx(draft, self.framework)

    def render_chart(self, draft: Draft) -> bytes:
        """Return the indicator chart as PNG."""
        return render_chart(draft, self.framework)

    def render_report_docx(self, draft: Draft, round_months: int) -> bytes:
        """Return the 6- or 12-month progress report form as a Word file."""
        return render_report_docx(draft, self.framework, round_months)
