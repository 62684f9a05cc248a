"""The indicator chart: a real PNG, every drawn glyph present in its font, ASCII fallback."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from matplotlib.font_manager import findfont
from matplotlib.text import Text
from PIL import Image

from bot.export.chart import THAI_FONT, build_chart_figure, render_chart
from bot.ita.framework import load_framework
from tests.conftest import KNOWLEDGE_DIR
from tests.draft_samples import bare, tambon_municipality

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

FRAMEWORK = load_framework(KNOWLEDGE_DIR)  # the indicator names and tools the chart prints


def _drawn_texts(fig) -> list[Text]:
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


def _missing_glyphs(fig) -> dict[str, set[str]]:
    """Map each drawn text to the characters its actual font file has no glyph for."""
    missing: dict[str, set[str]] = {}
    cmaps: dict[str, set[int]] = {}
    for text in _drawn_texts(fig):
        path = findfont(text.get_fontproperties(), fallback_to_default=False)
        if path not in cmaps:
            cmaps[path] = set(TTFont(path, fontNumber=0).getBestCmap())
        lacking = {ch for ch in text.get_text() if ord(ch) not in cmaps[path]}
        if lacking:
            missing[text.get_text()] = lacking
    return missing


def test_chart_is_a_png_of_sensible_size():
    data = render_chart(tambon_municipality(), FRAMEWORK)
    assert data.startswith(PNG_SIGNATURE)
    width, height = Image.open(io.BytesIO(data)).size
    assert width >= 1200 and 0.4 < height / width < 0.8


def test_thai_labels_drawn_with_shipped_font_and_every_glyph_exists():
    fig = build_chart_figure(tambon_municipality(), FRAMEWORK)
    texts = [t.get_text() for t in _drawn_texts(fig)]
    assert any("การเปิดเผยข้อมูล" in t for t in texts)  # Thai indicator names really drawn
    assert any("เกณฑ์ 85" in t for t in texts) and any("เกณฑ์ 95" in t for t in texts)
    thai_texts = [t for t in _drawn_texts(fig) if any("\u0e00" <= ch <= "\u0e7f" for ch in t.get_text())]
    assert {Path(findfont(t.get_fontproperties())).name for t in thai_texts} <= {
        "Laksaman.ttf",
        "Laksaman-Bold.ttf",
    }
    assert _missing_glyphs(fig) == {}


def test_missing_thai_font_falls_back_to_numeric_labels_without_tofu(tmp_path):
    fig = build_chart_figure(tambon_municipality(), FRAMEWORK, font_path=tmp_path / "deleted.ttf")
    texts = [t.get_text() for t in _drawn_texts(fig)]
    assert all(t.isascii() for t in texts)
    assert [str(n) for n in range(1, 11)] == [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert _missing_glyphs(fig) == {}
    assert render_chart(tambon_municipality(), FRAMEWORK, font_path=tmp_path / "deleted.ttf").startswith(
        PNG_SIGNATURE
    )


def test_shipped_font_and_licence_exist():
    fonts = THAI_FONT.parent
    assert THAI_FONT.is_file() and (fonts / "Laksaman-Bold.ttf").is_file()
    assert "Font exception" in (fonts / "COPYRIGHT.txt").read_text(encoding="utf-8")
    assert ord("ก") in TTFont(THAI_FONT).getBestCmap()


@pytest.mark.parametrize("font_path", [None, "/nonexistent/font.ttf"])
def test_empty_scores_still_render(font_path):
    assert render_chart(bare(), FRAMEWORK, font_path=font_path).startswith(PNG_SIGNATURE)


def test_scores_sit_inside_bars_and_threshold_lines_run_behind_them():
    fig = build_chart_figure(tambon_municipality(), FRAMEWORK)
    ax = fig.axes[0]
    bars = list(ax.patches)
    lines = [line for line in ax.get_lines() if line.get_linestyle() == "--"]
    assert len(lines) == 2 and all(line.get_zorder() < bars[0].get_zorder() for line in lines)
    values = [t for t in ax.texts if t.get_text().replace(".", "").isdigit()]
    assert len(values) == len(bars)
    for text, bar in zip(values, bars, strict=True):
        x, _ = text.get_position()
        assert text.get_horizontalalignment() == "right" and x < bar.get_width()
        assert text.get_zorder() > bar.get_zorder()


def test_chart_renders_in_one_pass_without_a_layout_engine():
    fig = build_chart_figure(tambon_municipality(), FRAMEWORK)
    assert fig.get_layout_engine() is None  # fixed margins: no second draw to measure labels
    left = fig.subplotpars.left
    renderer = fig.canvas.get_renderer()
    fig.canvas.draw()
    label_left = min(t.get_window_extent(renderer).x0 for t in fig.axes[0].get_yticklabels())
    assert label_left >= 0 and left < 0.4  # the longest Thai indicator name still fits
