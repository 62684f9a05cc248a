"""Draw the ten indicator scores against the tier thresholds as a PNG with Thai labels.

Every number on a chart (scores, thresholds, axis ticks, years) is printed in the plan's digits:
Thai digits when its house style writes them so (bot.export.house.digits), as the Word plan around it.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PIL import Image

from bot.export import house
from bot.export.plan import indicator_name, tier_for
from bot.export.wordbreak import THAI_FONT, THAI_FONT_BOLD
from bot.ita.framework import Framework
from bot.ita.measures import Draft
from bot.ita.tiers import Tier

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

TIER_COLOURS = {Tier.URGENT: "#C0392B", Tier.IMPROVE: "#E6A23C", Tier.MAINTAIN: "#2E8B57"}
# 9 x 5 in at 150 dpi is 1350 x 750 px: about 200 dpi when printed 17 cm wide.
FIGSIZE, DPI = (9, 5), 150
LABEL_PT = 14  # labels, ticks and legend in the Thai font
# Fixed margins instead of tight_layout, which draws the whole figure once more to measure
# it (a third of the render time). The ten indicator names are known, so is their width.
MARGINS = {
    "thai": dict(left=0.34, right=0.97, top=0.9, bottom=0.17),
    "ascii": dict(left=0.06, right=0.97, top=0.9, bottom=0.17),
}
X_MAX = 105  # room right of a full score of 100
LABEL_INSIDE_FROM = 15  # a bar at least this long holds its score label inside its end


def _thai_fonts(font_path: Path | None) -> tuple[FontProperties, FontProperties] | None:
    """Return (regular, bold) properties of the Thai font, or None if its file is missing.

    Fonts are loaded by file path for this figure only: nothing is registered globally,
    so importing this module changes no matplotlib state.
    """
    from matplotlib.font_manager import FontProperties  # noqa: PLC0415 - see build_chart_figure

    regular: Traversable = Path(font_path) if font_path is not None else THAI_FONT
    if not regular.is_file():
        return None
    bold = THAI_FONT_BOLD if font_path is None and THAI_FONT_BOLD.is_file() else regular
    return FontProperties(fname=str(regular), size=LABEL_PT), FontProperties(fname=str(bold), size=LABEL_PT)


def digit_printer(draft: Draft, thai_font: bool) -> Callable[[str], str]:
    """Return how the chart prints a text with numbers: in the plan's digits (Thai digits need the Thai font)."""
    style = dict(draft.style) if thai_font else {}
    return lambda text: house.digits(style, text)


def numbered_ticks(ax: Axes, printed: Callable[[str], str]) -> None:
    """Print the score axis's tick numbers (0, 20, … 100) through `printed`."""
    from matplotlib.ticker import FuncFormatter  # noqa: PLC0415 - heavy, imported with the figure

    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _pos: printed(f"{value:g}")))


def build_chart_figure(draft: Draft, framework: Framework, font_path: Path | str | None = None) -> Figure:
    """Build the bar chart figure; Thai labels if the Thai font exists, numeric labels otherwise.

    Without a Thai font matplotlib would draw Thai as empty boxes (tofu), so the
    fallback draws only ASCII: indicator numbers, English title and legend.
    `framework` gives the indicator names and tools of the labels.
    """
    # matplotlib is imported on the first chart, not with this module: it reads MPLCONFIGDIR
    # (set by bot.offline at boot) when imported, and it keeps ~1 s and ~60 MB out of start-up.
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: PLC0415
    from matplotlib.figure import Figure  # noqa: PLC0415
    from matplotlib.font_manager import FontProperties  # noqa: PLC0415

    fonts = _thai_fonts(Path(font_path) if font_path is not None else None)
    title_font = fonts[1].copy() if fonts else FontProperties(family="DejaVu Sans", size=13)
    title_font.set_size(17)
    numbers = sorted(draft.indicators)
    scores = [draft.indicators[n] for n in numbers]
    low, high = draft.thresholds
    fig = Figure(figsize=FIGSIZE, dpi=DPI)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    positions = list(range(len(numbers)))
    colours = [TIER_COLOURS[tier_for(s, draft.thresholds)] for s in scores]
    bars = ax.barh(positions, scores, color=colours, height=0.6, zorder=2)
    ax.invert_yaxis()  # indicator 1 on top, as in the ITAS tables
    ax.set_xlim(0, X_MAX)
    ax.grid(axis="x", linestyle=":", linewidth=0.6, alpha=0.6)
    ax.set_axisbelow(True)
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(False)

    if fonts:
        regular, bold = fonts
        margins = MARGINS["thai"]
        tools = {n: framework.tool_of(n).code for n in numbers}
        labels = [f"{n}. {indicator_name(framework, n)} ({tools[n]})" for n in numbers]
        line_labels = (f"เกณฑ์ {low:g} คะแนน", f"เกณฑ์ {high:g} คะแนน")
        title = "คะแนนรายตัวชี้วัดเทียบกับเกณฑ์"
        empty = "ยังไม่มีคะแนนรายตัวชี้วัด"
        printed = digit_printer(draft, thai_font=True)
        labels = [printed(label) for label in labels]
        line_labels = (printed(line_labels[0]), printed(line_labels[1]))
    else:
        regular = bold = FontProperties(family="DejaVu Sans", size=11)
        margins = MARGINS["ascii"]
        labels = [str(n) for n in numbers]
        line_labels = (f"threshold {low:g}", f"threshold {high:g}")
        title = "ITA indicator scores"
        empty = "no indicator scores"
        printed = digit_printer(draft, thai_font=False)

    ax.set_yticks(positions, labels)
    numbered_ticks(ax, printed)
    for tick in ax.get_yticklabels():
        tick.set_fontproperties(regular)
    for tick in ax.get_xticklabels():
        tick.set_fontproperties(regular)
    # Threshold lines run behind the bars and the scores sit inside the bar ends, so no
    # line crosses a number however close a score is to a threshold.
    ax.axvline(low, color="#C0392B", linestyle="--", linewidth=1.2, label=line_labels[0], zorder=1)
    ax.axvline(high, color="#2E8B57", linestyle="--", linewidth=1.2, label=line_labels[1], zorder=1)
    for bar, score in zip(bars, scores, strict=True):
        inside = score >= LABEL_INSIDE_FROM
        ax.text(
            score - 0.8 if inside else score + 0.8,
            bar.get_y() + bar.get_height() / 2,
            printed(f"{score:.2f}"),
            va="center",
            ha="right" if inside else "left",
            color="white" if inside else "black",
            fontproperties=bold if inside else regular,
            zorder=3,
        )
    if not numbers:
        ax.text(52, 0.5, empty, ha="center", va="center", transform=ax.transData, fontproperties=regular)
        ax.set_ylim(1, 0)
    ax.set_title(title, fontproperties=title_font)
    # Below the axes: inside, the legend would cover the bars of the lowest indicators.
    ax.legend(prop=regular, loc="upper center", bbox_to_anchor=(0.5, -0.06), ncol=2, frameon=False)
    fig.subplots_adjust(**margins)
    return fig


# Drawing the chart was two thirds of the CPU time of a draft plus its Word file, and an
# officer exports the same scores again after every edit of the rows: the PNG is kept per
# (scores, thresholds, labels, font), the only inputs of the picture.
_CACHE: dict[tuple, bytes] = {}
CACHE_SIZE = 64


def render_chart(draft: Draft, framework: Framework, font_path: Path | str | None = None) -> bytes:
    """Render the indicator chart as PNG bytes (cached by everything the picture shows)."""
    numbers = sorted(draft.indicators)
    key = (
        tuple((n, draft.indicators[n]) for n in numbers),
        tuple(draft.thresholds),
        tuple((n, indicator_name(framework, n), framework.tool_of(n).code) for n in numbers),
        str(font_path) if font_path is not None else None,
        draft.style.get("digits", ""),
    )
    if key not in _CACHE:
        if len(_CACHE) >= CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))  # the oldest
        _CACHE[key] = _draw(draft, framework, font_path)
    return _CACHE[key]


def _draw(draft: Draft, framework: Framework, font_path: Path | str | None) -> bytes:
    fig = build_chart_figure(draft, framework, font_path)
    canvas = cast("FigureCanvasAgg", fig.canvas)  # attached by build_chart_figure
    canvas.draw()  # once; savefig would draw again when measuring the layout
    width, height = canvas.get_width_height()
    image = Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    buffer = io.BytesIO()
    # Level 3 of 9: a few percent larger than the default and a third faster to write.
    image.convert("RGB").save(buffer, format="PNG", compress_level=3, dpi=(DPI, DPI))
    return buffer.getvalue()
