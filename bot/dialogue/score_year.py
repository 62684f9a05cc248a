"""Whose year a score message is: the year it names, or the assessment year the profile holds.

The profile's year is asked before any score ("ผลการประเมินของปี พ.ศ. ใด") and officers often answer
with the plan's year ("ปีงบ 69"). When the first scores then name their own year ("ผล ITA ปี 68 ได้
86.45"), that later, more specific word wins: the assessment year moves to it (and the plan's year with
it, unless the officer set the plan's year apart), and the officer is told. Once scores are kept, a
message naming another year no longer moves the profile: its scores are taken as the profile year's,
and the officer is told so, with how to change the year, never silently.
"""

from __future__ import annotations

from bot import wording as w
from bot.dialogue.understand import with_year
from bot.ita.measures import AgencyProfile
from bot.scores import ParseResult, ScoreSet


def settle_year(
    result: ParseResult, profile: AgencyProfile, kept: ScoreSet | None
) -> tuple[ParseResult, str]:
    """Return the parse with its year settled against the profile, and what to tell the officer ("").

    `kept`: the scores the session already holds; the profile's year moves only before any.
    """
    own, held = result.scores.year, profile.assessment_year
    has_scores = kept is not None and not kept.is_empty()
    if own is None or held is None or own == held:
        return with_year(result, held), ""
    if has_scores:
        return with_year(result, held), w.SCORES_YEAR_KEPT.format(named=own, held=held)
    derived = profile.fiscal_year in (None, held + 1)
    fiscal = result.fiscal_year or (own + 1 if derived else profile.fiscal_year)
    if fiscal is None or fiscal < own:
        fiscal = own + 1
    profile.assessment_year, profile.fiscal_year = own, fiscal
    return result, w.SCORES_YEAR_MOVED.format(assessment=own, held=held, fiscal=fiscal)
