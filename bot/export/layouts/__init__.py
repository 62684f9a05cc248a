"""The document layouts agencies use: a registry (LAYOUTS) and find_layout for a chat request.

"default" is the plan of bot.export.docx; the five others reproduce the shapes of the
seeds (tests/data/seeds/000–004) with the draft's data. A Draft names its layout in
`Draft.layout`; bot.export.Exporters dispatches on it for Word, Excel and the
6/12-month progress report.

Chat wiring: `find_layout(text)` reads "ขอแบบตามเครื่องมือ", "แบบ Gantt รายข้อ", ... and
returns the Layout or None; `LAYOUTS[name].title` / `.description` are the button label
and its line (wording.LAYOUT_*), and `layout_choices()` is the list to show.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot import wording
from bot.export.layouts import analysis_table, by_tool, item_gantt, ranked_oit, strengths
from bot.export.layouts.common import LayoutContext
from bot.export.layouts.matching import ALIASES, find_layout_name
from bot.ita.measures import MeasureRow

DEFAULT = "default"

DocxRenderer = Callable[[LayoutContext, "bytes | None"], bytes]
RowsFn = Callable[[LayoutContext], list[list[object]]]
ReportFn = Callable[[LayoutContext, int], list[list[list[str]]]]


@dataclass(frozen=True)
class Layout:
    """One document layout: its names, its Word renderer and the columns of its Excel and progress report.

    The default layout has no renderer or columns here: bot.export draws it as before.
    """

    name: str  # the command-line and stored name, e.g. "by-tool"
    title: str  # Thai name, the button label
    description: str  # one Thai line: what the layout looks like
    render_docx: DocxRenderer | None = None
    xlsx_headers: tuple[str, ...] = ()
    xlsx_widths: tuple[float, ...] = ()
    xlsx_rows: RowsFn | None = None
    report_headers: Callable[[int], Sequence[Sequence[str]]] | None = None
    report_rows: ReportFn | None = None
    aliases: tuple[str, ...] = ()
    # The measure row each printed report row belongs to, in report_rows' order (progress fills it in).
    report_order: Callable[[LayoutContext], Sequence[MeasureRow]] | None = None

    @property
    def is_default(self) -> bool:
        """Tell whether this is the default plan of bot.export.docx."""
        return self.name == DEFAULT


def _fixed(headers: Sequence[Sequence[str]]) -> Callable[[int], Sequence[Sequence[str]]]:
    return lambda _round: headers


LAYOUTS: dict[str, Layout] = {
    layout.name: layout
    for layout in (
        Layout(
            DEFAULT,
            wording.LAYOUT_DEFAULT_TITLE,
            wording.LAYOUT_DEFAULT_DESCRIPTION,
            aliases=ALIASES[DEFAULT],
        ),
        Layout(
            "strengths-weaknesses",
            wording.LAYOUT_STRENGTHS_TITLE,
            wording.LAYOUT_STRENGTHS_DESCRIPTION,
            strengths.render,
            strengths.XLSX_HEADERS,
            strengths.XLSX_WIDTHS,
            strengths.xlsx_rows,
            _fixed(strengths.REPORT_HEADERS),
            strengths.report_rows,
            ALIASES["strengths-weaknesses"],
            strengths.ordered_rows,
        ),
        Layout(
            "analysis-then-table",
            wording.LAYOUT_ANALYSIS_TITLE,
            wording.LAYOUT_ANALYSIS_DESCRIPTION,
            analysis_table.render,
            analysis_table.XLSX_HEADERS,
            analysis_table.XLSX_WIDTHS,
            analysis_table.xlsx_rows,
            _fixed(analysis_table.REPORT_HEADERS),
            analysis_table.report_rows,
            ALIASES["analysis-then-table"],
            analysis_table.ordered_rows,
        ),
        Layout(
            "by-tool",
            wording.LAYOUT_BY_TOOL_TITLE,
            wording.LAYOUT_BY_TOOL_DESCRIPTION,
            by_tool.render,
            by_tool.XLSX_HEADERS,
            by_tool.XLSX_WIDTHS,
            by_tool.xlsx_rows,
            by_tool.REPORT_HEADERS_BY_ROUND.__getitem__,
            by_tool.report_rows,
            ALIASES["by-tool"],
            by_tool.ordered_rows,
        ),
        Layout(
            "item-gantt",
            wording.LAYOUT_ITEM_GANTT_TITLE,
            wording.LAYOUT_ITEM_GANTT_DESCRIPTION,
            item_gantt.render,
            item_gantt.XLSX_HEADERS,
            item_gantt.XLSX_WIDTHS,
            item_gantt.xlsx_rows,
            _fixed(item_gantt.REPORT_HEADERS),
            item_gantt.report_rows,
            ALIASES["item-gantt"],
            item_gantt.ordered_rows,
        ),
        Layout(
            "ranked-oit",
            wording.LAYOUT_RANKED_OIT_TITLE,
            wording.LAYOUT_RANKED_OIT_DESCRIPTION,
            ranked_oit.render,
            ranked_oit.XLSX_HEADERS,
            ranked_oit.XLSX_WIDTHS,
            ranked_oit.xlsx_rows,
            _fixed(ranked_oit.REPORT_HEADERS),
            ranked_oit.report_rows,
            ALIASES["ranked-oit"],
            lambda ctx: [r.row for r in ranked_oit.ranked_rows(ctx)],
        ),
    )
}


# wording.LAYOUT_LABELS lists the same layouts for the command line, which may not import bot.export.
assert list(LAYOUTS) == list(wording.LAYOUT_LABELS), "bot.wording.LAYOUT_LABELS must list LAYOUTS"


def get_layout(name: str | None) -> Layout:
    """Return the layout called `name` (the default for None, "" or an unknown name)."""
    return LAYOUTS.get((name or DEFAULT).strip().lower(), LAYOUTS[DEFAULT])


def find_layout(text: str) -> Layout | None:
    """Return the layout a chat request asks for ("ขอแบบตามเครื่องมือ"), or None if it names none."""
    name = find_layout_name(text)
    return LAYOUTS[name] if name else None


def layout_choices() -> list[tuple[str, str, str]]:
    """Return (name, Thai title, Thai description) of every layout, default first: the buttons to show."""
    return [(layout.name, layout.title, layout.description) for layout in LAYOUTS.values()]


__all__ = ["DEFAULT", "LAYOUTS", "Layout", "LayoutContext", "find_layout", "get_layout", "layout_choices"]
