"""Thai fiscal-year months and period text in the seeds' style ("ต.ค. 68 – ก.ย. 69")."""
from __future__ import annotations

BE_OFFSET = 543
MONTHS_ABBR = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")
DASH = "–"


def fiscal_month_iso(fiscal_year_be: int | None, fiscal_month: int) -> str:
    """Return the Gregorian ISO month of fiscal month 1..12 (1 = ต.ค.) of a B.E. fiscal year."""
    if not 1 <= fiscal_month <= 12:
        raise ValueError(f"fiscal month must be 1..12, got {fiscal_month}")
    fy = fiscal_year_be or 0
    gregorian_fy = fy - BE_OFFSET
    month = (fiscal_month + 8) % 12 + 1  # 1 -> 10 (Oct), 3 -> 12, 4 -> 1, 12 -> 9
    year = gregorian_fy - 1 if fiscal_month <= 3 else gregorian_fy
    return f"{year:04d}-{month:02d}"


def month_short(iso_month: str) -> str:
    """Return "ต.ค. 68" for "2025-10"."""
    year, month = (int(x) for x in iso_month.split("-"))
    return f"{MONTHS_ABBR[month - 1]} {(year + BE_OFFSET) % 100:02d}"


def format_period(start_iso: str, end_iso: str) -> str:
    """Return a period as the seeds print it: "ต.ค. 68 – มี.ค. 69"."""
    return f"{month_short(start_iso)} {DASH} {month_short(end_iso)}"


def fiscal_bounds_iso(fiscal_year_be: int) -> tuple[str, str]:
    """Return the first and last ISO months of a B.E. fiscal year."""
    return fiscal_month_iso(fiscal_year_be, 1), fiscal_month_iso(fiscal_year_be, 12)


def current_fiscal_year(today) -> int:
    """Return the B.E. fiscal year a date falls in (October starts the next one)."""
    return today.year + BE_OFFSET + (1 if today.month >= 10 else 0)
