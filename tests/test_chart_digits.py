"""The charts print their numbers in the plan's digits: Thai digits in a plan whose house style uses them."""

from __future__ import annotations

import re

from matplotlib.text import Text

from bot.export.chart import build_chart_figure, render_chart
from bot.export.trend import build_trend_figure, render_trend_chart
from bot.ita.framework import load_framework
from bot.ita.measures import Draft
from tests.conftest import KNOWLEDGE_DIR
from tests.draft_samples import tambon_municipality

FRAMEWORK = load_framework(KNOWLEDGE_DIR)
ARABIC = re.compile(r"(?<![A-Za-z])[0-9]")  # a digit that is not part of a code such as "O13"
THAI = re.compile(r"[๐-๙]")
LAST_YEAR = {1: 97.5, 2: 98.1, 3: 99.0, 4: 97.8, 5: 94.2, 6: 93.0, 7: 90.4, 8: 91.0, 9: 88.0, 10: 100.0}


def two_years(digits: str) -> Draft:
    """The sample plan with last year's scores known, in a house style with these digits."""
    draft = tambon_municipality()
    return draft.model_copy(
        update={
            "previous_year": (draft.assessment_year or 2568) - 1,
            "previous_indicators": LAST_YEAR,
            "style": {**draft.style, "digits": digits} if digits else {},
        }
    )


def drawn(fig) -> list[str]:
    """Every text the figure shows once drawn (tick labels are formatted at draw time)."""
    fig.canvas.draw()
    return [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


def test_the_trend_chart_follows_a_plan_written_in_thai_digits():
    texts = drawn(build_trend_figure(two_years("thai"), FRAMEWORK))
    numbered = [t for t in texts if THAI.search(t) or ARABIC.search(t)]
    assert len(numbered) > 20  # scores of both years, ticks, the legend's years, the indicators' numbers
    assert [t for t in numbered if ARABIC.search(t)] == []
    assert "๙๗.๕๐" in texts and "๑๐๐" in texts  # last year's score of indicator 1; the axis's 100
    assert any("๒๕๖๗" in t for t in texts)  # last year, in the legend


def test_the_trend_chart_keeps_arabic_digits_otherwise():
    texts = drawn(build_trend_figure(two_years(""), FRAMEWORK))
    assert "97.50" in texts and "100" in texts and not any(THAI.search(t) for t in texts)
    assert render_trend_chart(two_years("thai"), FRAMEWORK) != render_trend_chart(two_years(""), FRAMEWORK)


def test_the_indicator_chart_follows_the_plan_digits_and_is_cached_apart():
    texts = drawn(build_chart_figure(two_years("thai"), FRAMEWORK))
    assert any("เกณฑ์ ๘๕" in t for t in texts) and not [t for t in texts if ARABIC.search(t)]
    arabic = drawn(build_chart_figure(two_years(""), FRAMEWORK))
    assert any("เกณฑ์ 85" in t for t in arabic) and not any(THAI.search(t) for t in arabic)
    # the PNG is cached by what it shows: the same scores in the other digits are drawn again
    assert render_chart(two_years("thai"), FRAMEWORK) != render_chart(two_years(""), FRAMEWORK)


def test_the_mark_of_a_fall_covers_no_score_label():
    """A ▼ once sat on the labels of bars near 100 (last year's 100.00 of indicator 10, 94.20 of 5)."""
    for digits in ("thai", ""):
        fig = build_trend_figure(two_years(digits), FRAMEWORK)
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        texts = [t for t in fig.axes[0].texts if t.get_text().strip()]
        marks = [t.get_window_extent(renderer) for t in texts if t.get_text() == "▼"]
        labels = [t.get_window_extent(renderer) for t in texts if t.get_text() != "▼"]
        assert len(marks) >= 3  # indicators 5, 9 and 10 fell
        assert not [(m, b) for m in marks for b in labels if m.overlaps(b)]
        axes = fig.axes[0].get_window_extent(renderer)
        assert all(b.x1 <= axes.x1 for b in [*labels, *marks])  # nothing runs off the chart
        assert max(fig.axes[0].get_xticks()) == 100  # no tick in the marks' column, cut at the edge
