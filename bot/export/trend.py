"""The two-year comparison in the Word plan: a table of the change per indicator, a tool summary, a chart.

Drawn only when the draft knows the previous assessment's scores (Draft.previous_indicators;
bot.agency.trend computes the changes). The chart puts last year's bar (grey) above this year's
(coloured by tier) for each indicator, with both scores printed, so the fall or rise reads at a
glance in print and in black and white. The tables and the chart stand side by side in a
borderless layout table of one row (the chart names indicators by number: the table beside it
names them), so the comparison takes part of a page rather than two.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, cast

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm
from PIL import Image

from bot import wording as w
from bot.agency.trend import Change, Trend, trend
from bot.export.chart import DPI, TIER_COLOURS, X_MAX, _thai_fonts, digit_printer, numbered_ticks
from bot.export.opening import MEASURE_PT, hinted_cells, tpara
from bot.export.plan import score_text, tier_for
from bot.export.tables import column_widths, grid_table, plain_table
from bot.export.word import CELL_PAD, CM, NOTE_PT, USABLE_W
from bot.ita.framework import Framework
from bot.ita.measures import Draft

if TYPE_CHECKING:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

BEFORE_COLOUR = "#9AA5B1"
# Where a fall is marked: past the score labels of bars near 100, which it once covered.
MARK_AT = X_MAX + 15
TREND_FIGSIZE = (5.4, 5.2)  # inches: beside the tables, as tall as the indicator table
TABLES_CM = 16.6  # the tables' side of the layout; the chart takes the rest of the page's width


def _years(t: Trend) -> tuple[str, str]:
    before = str(t.year_before) if t.year_before else w.TREND_YEAR_BEFORE
    now = str(t.year_now) if t.year_now else w.TREND_YEAR_NOW
    return before, now


def change_text(change: Change) -> str:
    """Return "+3.25 (เพิ่มขึ้น)", "-4.10 (ลดลง)", "+0.20 (ทรงตัว)" or "-"."""
    delta = change.delta
    if delta is None:
        return "-"
    return f"{delta:+.2f} ({w.TREND_WAYS[change.way]})"


def comparison(doc, draft: Draft, framework: Framework) -> None:
    """Add the comparison table and the tool summary beside the two-year chart (nothing without last year's)."""
    found = trend(draft, framework)
    if found is None:
        return
    before, now = _years(found)
    tpara(doc, w.TREND_TITLE.format(before=before, now=now), bold=True).paragraph_format.keep_with_next = True
    png = render_trend_chart(draft, framework)
    if not png:
        _tables(doc, found, before, now, 18 * CM)
        _fell_and_rose(doc, found)
        return
    tables_w = int(TABLES_CM * CM)
    layout = plain_table(doc, [["", ""]], [tables_w, USABLE_W - tables_w])
    left, right = layout.rows[0].cells
    row_pr = layout.rows[0]._tr.trPr
    if row_pr is not None:  # kept whole, LibreOffice moved the row past a page it fitted on
        for split in row_pr.findall(qn("w:cantSplit")):
            row_pr.remove(split)
    left._tc.remove(left.paragraphs[0]._p)  # the tables come first; the cell's closing paragraph follows
    _tables(left, found, before, now, tables_w - 2 * CELL_PAD)
    picture = right.paragraphs[0]
    picture.add_run().add_picture(io.BytesIO(png), width=Cm((USABLE_W - tables_w - 2 * CELL_PAD) / CM))
    picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
    tpara(right, w.TREND_CHART_CAPTION.format(before=before, now=now), size=NOTE_PT, center=True)
    _fell_and_rose(right, found)
    for closing in left.paragraphs[-1:]:  # the empty paragraph a cell must end with: as small as it gets
        closing.paragraph_format.space_after = 0
        closing_pr = closing._p.get_or_add_pPr()
        spacing = closing_pr.find(qn("w:spacing"))
        if spacing is not None:
            spacing.set(qn("w:line"), "20")


def _tables(container, found: Trend, before: str, now: str, width: float) -> None:
    """The indicator table, then the tool and overall table, into `container`."""
    head = [
        w.TREND_INDICATOR,
        w.TREND_SCORE.format(year=before),
        w.TREND_SCORE.format(year=now),
        w.TREND_CHANGE,
    ]
    widths = column_widths([6, 1.4, 1.4, 2.3], width)
    rows = [
        hinted_cells([[c.label], [_score(c.before)], [_score(c.now)], [change_text(c)]])
        for _, c in found.indicators
    ]
    grid_table(container, head, rows, widths, size=MEASURE_PT, keep_together=True)
    tools = [c for c in [*found.tools, found.overall] if c.before is not None or c.now is not None]
    if tools:
        tpara(
            container, w.TREND_TOOLS_TITLE, bold=True, size=MEASURE_PT
        ).paragraph_format.keep_with_next = True
        head[0] = w.TREND_TOOL
        rows = [
            hinted_cells([[c.label], [_score(c.before)], [_score(c.now)], [change_text(c)]]) for c in tools
        ]
        grid_table(container, head, rows, widths, size=MEASURE_PT, keep_together=True)


def _fell_and_rose(container, found: Trend) -> None:
    """Say which indicators fell and which rose (under the chart, or under the tables without one)."""
    fell, rose = found.fell(), found.rose()
    said = []
    if fell:
        said.append(w.TREND_FELL.format(numbers=", ".join(map(str, fell))))
    if rose:
        said.append(w.TREND_ROSE.format(numbers=", ".join(map(str, rose))))
    for line in said:
        tpara(container, line, size=MEASURE_PT)


def _score(value: float | None) -> str:
    return score_text(value) if value is not None else "-"


def render_trend_chart(draft: Draft, framework: Framework, font_path: Path | None = None) -> bytes | None:
    """Return the two-year chart as PNG, or None when last year's scores are unknown."""
    fig = build_trend_figure(draft, framework, font_path)
    if fig is None:
        return None
    canvas = cast("FigureCanvasAgg", fig.canvas)
    canvas.draw()
    width, height_px = canvas.get_width_height()
    image = Image.frombuffer("RGBA", (width, height_px), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="PNG", compress_level=3, dpi=(DPI, DPI))
    return buffer.getvalue()


def build_trend_figure(draft: Draft, framework: Framework, font_path: Path | None = None) -> Figure | None:
    """Build the two-year chart's figure (numbers in the plan's digits), or None without last year's."""
    found = trend(draft, framework)
    if found is None:
        return None
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: PLC0415 - heavy, as in chart.py
    from matplotlib.figure import Figure  # noqa: PLC0415
    from matplotlib.font_manager import FontProperties  # noqa: PLC0415

    fonts = _thai_fonts(font_path)
    regular, _bold = fonts if fonts else (FontProperties(family="DejaVu Sans", size=11),) * 2
    printed = digit_printer(draft, thai_font=fonts is not None)
    before_year, now_year = (printed(year) for year in _years(found))
    fig = Figure(figsize=TREND_FIGSIZE, dpi=DPI)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    height = 0.38
    for row, (_number, change) in enumerate(found.indicators):
        for offset, value, colour in (
            (-height / 2, change.before, BEFORE_COLOUR),
            (
                height / 2,
                change.now,
                TIER_COLOURS[tier_for(change.now, draft.thresholds)]
                if change.now is not None
                else BEFORE_COLOUR,
            ),
        ):
            if value is None:
                continue
            ax.barh(row + offset, value, height=height, color=colour, zorder=2)
            ax.text(
                value + 0.6,
                row + offset,
                printed(f"{value:.2f}"),
                va="center",
                fontproperties=regular,
                fontsize=10,
            )
        if change.way == "down":
            # in a column of its own, right of the longest score label ("100.00" ends near 114)
            ax.text(MARK_AT, row, "▼", va="center", ha="right", color="#C0392B", fontsize=11)
    labels = [printed(w.TREND_AXIS_LABEL.format(number=n)) if fonts else str(n) for n, _ in found.indicators]
    ax.set_yticks(range(len(labels)), labels)
    numbered_ticks(ax, printed)
    for tick in [*ax.get_yticklabels(), *ax.get_xticklabels()]:
        tick.set_fontproperties(regular)
    ax.invert_yaxis()
    ax.set_xlim(0, MARK_AT + 1)
    ax.set_xticks(range(0, 101, 20))  # a score axis: no tick past 100 in the marks' column
    ax.grid(axis="x", linestyle=":", linewidth=0.6, alpha=0.6)
    ax.set_axisbelow(True)
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(False)
    from matplotlib.patches import Patch  # noqa: PLC0415

    legend = [
        Patch(color=BEFORE_COLOUR, label=w.TREND_LEGEND.format(year=before_year) if fonts else before_year),
        Patch(
            color=TIER_COLOURS[tier_for(100, draft.thresholds)],
            label=w.TREND_LEGEND.format(year=now_year) if fonts else now_year,
        ),
    ]
    ax.legend(
        handles=legend, prop=regular, loc="upper center", bbox_to_anchor=(0.5, -0.07), ncol=2, frameon=False
    )
    # no title: the caption under the chart says what it shows
    fig.subplots_adjust(left=0.2 if fonts else 0.08, right=0.98, top=0.99, bottom=0.16)
    return fig
