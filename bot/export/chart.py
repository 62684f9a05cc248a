"""Draw the ten indicator scores against the tier thresholds as a PNG with Thai labels."""
from __future__ import annotations

import io
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties

from bot.core.measures import Draft
from bot.export.measure_table import TIERS, framework, indicator_name, tier_for

FONTS_DIR = Path(__file__).resolve().parent / "fonts"
# Laksaman is the metric twin of TH SarabunPSK (same design, free licence), so the chart
# matches the Word text; it is shipped so that no system font is needed.
THAI_FONT = FONTS_DIR / "Laksaman.ttf"
THAI_FONT_BOLD = FONTS_DIR / "Laksaman-Bold.ttf"
TIER_COLOURS = {TIERS[0]: "#C0392B", TIERS[1]: "#E6A23C", TIERS[2]: "#2E8B57"}


def _thai_fonts(font_path: Path | None) -> tuple[FontProperties, FontProperties] | None:
    """Return (regular, bold) properties of the Thai font, or None if its file is missing.

    Fonts are loaded by file path for this figure only: nothing is registered globally,
    so importing this module changes no matplotlib state.
    """
    regular = Path(font_path) if font_path is not None else THAI_FONT
    if not regular.is_file():
        return None
    bold = THAI_FONT_BOLD if font_path is None and THAI_FONT_BOLD.is_file() else regular
    return FontProperties(fname=str(regular), size=14), FontProperties(fname=str(bold), size=17)


def build_chart_figure(draft: Draft, font_path: Path | str | None = None) -> Figure:
    """Build the bar chart figure; Thai labels if the Thai font exists, numeric labels otherwise.

    Without a Thai font matplotlib would draw Thai as empty boxes (tofu), so the
    fallback draws only ASCII: indicator numbers, English title and legend.
    """
    fonts = _thai_fonts(Path(font_path) if font_path is not None else None)
    numbers = sorted(draft.indicators)
    scores = [draft.indicators[n] for n in numbers]
    low, high = draft.thresholds
    fig = Figure(figsize=(9, 5), dpi=180)  # printed ~17 cm wide: 13 pt labels stay readable
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    positions = list(range(len(numbers)))
    colours = [TIER_COLOURS[tier_for(s, draft.thresholds)] for s in scores]
    bars = ax.barh(positions, scores, color=colours, height=0.6)
    ax.invert_yaxis()  # indicator 1 on top, as in the ITAS tables
    ax.set_xlim(0, 105)
    ax.grid(axis="x", linestyle=":", linewidth=0.6, alpha=0.6)
    ax.set_axisbelow(True)
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(False)

    if fonts:
        regular, bold = fonts
        tools = {n: framework().tool_of(n).code for n in numbers}
        labels = [f"{n}. {indicator_name(n)} ({tools[n]})" for n in numbers]
        line_labels = (f"เกณฑ์ {low:g} คะแนน", f"เกณฑ์ {high:g} คะแนน")
        title = "คะแนนรายตัวชี้วัดเทียบกับเกณฑ์"
        empty = "ยังไม่มีคะแนนรายตัวชี้วัด"
    else:
        regular = bold = FontProperties(family="DejaVu Sans", size=11)
        labels = [str(n) for n in numbers]
        line_labels = (f"threshold {low:g}", f"threshold {high:g}")
        title = "ITA indicator scores"
        empty = "no indicator scores"

    ax.set_yticks(positions, labels)
    for tick in ax.get_yticklabels():
        tick.set_fontproperties(regular)
    for tick in ax.get_xticklabels():
        tick.set_fontproperties(regular)
    ax.axvline(low, color="#C0392B", linestyle="--", linewidth=1.2, label=line_labels[0])
    ax.axvline(high, color="#2E8B57", linestyle="--", linewidth=1.2, label=line_labels[1])
    for bar, score in zip(bars, scores, strict=True):
        ax.text(min(score + 0.8, 100.5), bar.get_y() + bar.get_height() / 2, f"{score:.2f}",
                va="center", fontproperties=regular)
    if not numbers:
        ax.text(52, 0.5, empty, ha="center", va="center", transform=ax.transData, fontproperties=regular)
        ax.set_ylim(1, 0)
    ax.set_title(title, fontproperties=bold)
    # Below the axes: inside, the legend would cover the bars of the lowest indicators.
    ax.legend(prop=regular, loc="upper center", bbox_to_anchor=(0.5, -0.06), ncol=2, frameon=False)
    fig.tight_layout()
    return fig


def render_chart(draft: Draft, font_path: Path | str | None = None) -> bytes:
    """Render the indicator chart as PNG bytes."""
    fig = build_chart_figure(draft, font_path)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()
