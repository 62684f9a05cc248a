"""Buddhist-era dates and fiscal-year periods."""

from __future__ import annotations

from datetime import date

import pytest

from bot.thai import format_month_short, format_thai_date, round_period


def test_full_date_is_buddhist_era_with_thai_month():
    assert format_thai_date(date(2026, 11, 21)) == "21 พฤศจิกายน 2569"
    assert format_thai_date(date(2025, 1, 1)) == "1 มกราคม 2568"


def test_short_month_two_digit_be_year():
    assert format_month_short("2025-10") == "ต.ค. 68"
    assert format_month_short("2026-03") == "มี.ค. 69"


@pytest.mark.parametrize(
    ("fy", "months", "text"),
    [
        (2569, 6, "ต.ค. 68 – มี.ค. 69"),
        (2569, 12, "ต.ค. 68 – ก.ย. 69"),
        (2600, 6, "ต.ค. 99 – มี.ค. 00"),
    ],
)
def test_round_period(fy, months, text):
    assert round_period(fy, months) == text
