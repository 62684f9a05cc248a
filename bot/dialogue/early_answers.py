"""Profile answers sent before their question: kept, and the open question asked again (issue 11).

Officers answer ahead: the year while the bot still asks the agency's type ("ปี 68 ค่ะ"), the units
list right after the name. Such a message is no answer to the open question, but it is not lost
either: a year-only message is kept as the assessment year (NACC names an assessment by its fiscal
year, "ITA ประจำปีงบประมาณ พ.ศ. 2568", so "ปีงบ 68" is read as the year step reads it), a list of
units as the units the unit step will show for a tap. Each later step still
shows what was kept, so the officer confirms it with one tap rather than typing it again.
"""

from __future__ import annotations

import re

from bot import wording as w
from bot.dialogue.context import Context
from bot.dialogue.profile_text import more_units
from bot.dialogue.understand import bare
from bot.thai import to_arabic

# B.E. years an ITA result can plausibly be from; a two-digit year is one of the 2500s.
YEAR_RANGE = range(2550, 2601)
BE_CENTURY = 2500
# The units typed before the unit question, until the type is chosen (session.extra).
EARLY_UNITS = "early_units"

# A message that is only a year: "ปี 68", "ปีประเมิน 2568", "พ.ศ. 2568", "ปีงบ 69", "ปีงบประมาณ พ.ศ. 2569".
_YEAR_ONLY = re.compile(
    r"(?:ผล\s*)?(?:ปีงบ(?:ประมาณ)?|ปี(?:ที่)?\s*(?:ประเมิน)?|พ\.?\s?ศ\.?)\s*(?:พ\.?\s?ศ\.?\s*)?"
    r"(?P<year>\d{4}|\d{2})",
    re.IGNORECASE,
)


def read_year(text: str) -> tuple[int, int] | None:
    """Return (assessment year, the plan's fiscal year) of a message that is a year alone, else None."""
    match = _YEAR_ONLY.fullmatch(to_arabic(bare(text)).strip(" .,:"))
    if match is None:
        return None
    year = int(match["year"])
    year = year + BE_CENTURY if year < 100 else year
    return (year, year + 1) if year in YEAR_RANGE else None


def keep_early_answer(ctx: Context, *, units: bool = True) -> bool:
    """Keep a year or a units list sent before its question; True when one was kept (and said so)."""
    years = read_year(ctx.turn.text)
    profile = ctx.profile
    if years is not None:
        profile.assessment_year, profile.fiscal_year = years
        ctx.say(w.YEAR_KEPT_EARLY.format(assessment=years[0], fiscal=years[1]))
        return True
    listed = more_units(ctx.turn.text) if units else []
    if len(listed) >= 2:  # one word may be a name or a type; two unit names are a list of units
        ctx.session.extra[EARLY_UNITS] = list(dict.fromkeys(listed))
        ctx.say(w.UNITS_KEPT_EARLY.format(units=", ".join(ctx.session.extra[EARLY_UNITS])))
        return True
    return False


def early_units(ctx: Context) -> list[str]:
    """Return (and forget) the units kept before the type was chosen; [] when none were sent."""
    kept = ctx.session.extra.pop(EARLY_UNITS, None)
    return [str(u) for u in kept] if isinstance(kept, list) else []
