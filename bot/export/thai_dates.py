"""Format dates and fiscal-year periods the way Thai official documents print them (B.E.)."""
from __future__ import annotations

from datetime import date

from bot.core.thai_dates import BE_OFFSET, DASH, MONTHS_ABBR, month_short

# Buddhist Era = Gregorian + 543; documents never print Gregorian years.
MONTHS = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)
__all__ = ["BE_OFFSET", "DASH", "MONTHS", "MONTHS_ABBR", "be_year", "format_month_short", "format_thai_date",
           "round_deadline", "round_period"]


def be_year(gregorian_year: int) -> int:
    """Return the Buddhist-era year of a Gregorian year."""
    return gregorian_year + BE_OFFSET


def format_thai_date(day: date) -> str:
    """Return a date as printed in a Thai document, e.g. "21 พฤศจิกายน 2569"."""
    return f"{day.day} {MONTHS[day.month - 1]} {be_year(day.year)}"


def format_month_short(iso_month: str) -> str:
    """Return an ISO "YYYY-MM" (Gregorian) month as "ต.ค. 68"."""
    return month_short(iso_month)


def round_period(fiscal_year_be: int | None, round_months: int) -> str:
    """Return the period a progress round covers, e.g. "ต.ค. 68 – มี.ค. 69" for FY 2569, 6 months.

    A Thai fiscal year N runs 1 Oct of N-1 to 30 Sep of N; the 6-month round ends
    in March and the 12-month round in September.
    """
    if round_months not in (6, 12):
        raise ValueError(f"a progress round is 6 or 12 months, got {round_months}")
    last = "มี.ค." if round_months == 6 else "ก.ย."
    if fiscal_year_be is None:
        return f"ต.ค. {DASH} {last}"
    return f"ต.ค. {(fiscal_year_be - 1) % 100:02d} {DASH} {last} {fiscal_year_be % 100:02d}"


def round_deadline(fiscal_year_be: int | None, round_months: int) -> str:
    """Return the last day of a round in words, e.g. "31 มีนาคม 2569"; blank year if unknown."""
    if round_months not in (6, 12):
        raise ValueError(f"a progress round is 6 or 12 months, got {round_months}")
    text = "31 มีนาคม" if round_months == 6 else "30 กันยายน"
    return f"{text} {fiscal_year_be}" if fiscal_year_be else text
