"""A paste-ready measure for a question that asks for wording: measure, steps, owners, timing, KPI.

Built from the playbook entry behind the best playbook passage; owners are the officer's
agency type's units (from the profile, or the type the question names), never another
family's; the timing is in fiscal-year months. The wording is in bot.wording.
"""

from __future__ import annotations

from string import Formatter

from bot import wording as w
from bot.ita.framework import Framework
from bot.ita.measures import AgencyProfile
from bot.ita.playbook import WHOLE_YEAR, Playbook, PlaybookEntry
from bot.search.citations import hedge
from bot.search.fact_words import named_type
from bot.search.retrieve import Passage

_FISCAL_START = 10  # fiscal month 1 is October (calendar.yaml `start`); used when no calendar is loaded


class _Blank(dict):
    """Placeholders a template names but the answer does not know are left as the agency's own words."""

    def __missing__(self, key: str) -> str:
        return w.PASTE_BLANK


def _fill(text: str, values: dict[str, str]) -> str:
    if not any(name for _, name, _, _ in Formatter().parse(text)):
        return text
    return text.format_map(_Blank(values))


def practice_entry(passages: list[Passage], playbook: Playbook) -> tuple[int, PlaybookEntry] | None:
    """Return the first playbook passage's entry, with the passage's citation number."""
    by_source = {e.source: e for e in playbook.entries.values()}
    return next(
        (
            (n, by_source[p.source])
            for n, p in enumerate(passages, 1)
            if p.kind == "playbook" and p.source in by_source
        ),
        None,
    )


def _month(fw: Framework, fiscal_month: int) -> str:
    cal = fw.calendar
    start = cal.start["month"] if cal else _FISCAL_START
    month = (start - 1 + fiscal_month - 1) % 12 + 1
    return cal.abbr(month) if cal else str(month)


def _timing(entry: PlaybookEntry, fw: Framework) -> str:
    t = entry.timing
    if t is None:
        return WHOLE_YEAR
    return w.PASTE_TIMING.format(first=_month(fw, t.start), last=_month(fw, t.end), label=t.label).strip()


def _agency_type(question: str, playbook: Playbook, profile: AgencyProfile | None) -> str:
    """Return the type the question names ("…สำหรับโรงเรียน"), else the officer's own, else ""."""
    named = named_type(question, playbook.agency_types)
    if named is not None:
        return named.key
    return profile.type if profile is not None and profile.type in playbook.agency_types else ""


def practice_lead(passages: list[Passage], playbook: Playbook, *, every: bool = False) -> str:
    """Return the short answer to a request for measures: the practice's title, cited; "" if none.

    every: one line per indicator-wide playbook entry cited (measures asked for a whole tool).
    """
    found = practice_entry(passages, playbook)
    if found is None:
        return ""
    by_source = {e.source: e for e in playbook.entries.values()}
    entries = [found]
    if every:
        entries = [
            (n, by_source[p.source])
            for n, p in enumerate(passages, 1)
            if p.kind == "playbook" and p.source in by_source and not by_source[p.source].items
        ] or entries
    out = []
    for cited, entry in entries:
        items = w.PASTE_LEAD_ITEMS.format(items=", ".join(entry.items)) if entry.items else ""
        out.append(
            w.PASTE_LEAD.format(
                indicator=entry.indicator,
                items=items,
                title=entry.title,
                hedge=hedge(passages[cited - 1]),
                n=cited,
            )
        )
    return "\n".join(out)


def paste_block(
    question: str,
    passages: list[Passage],
    playbook: Playbook,
    fw: Framework,
    year: int,
    profile: AgencyProfile | None = None,
) -> list[str]:
    """Return the lines of a measure ready to paste, or [] when no playbook entry fits.

    year: the assessment year the measure answers; the measure runs in the fiscal year after it.
    """
    found = practice_entry(passages, playbook)
    if found is None:
        return []
    cited, entry = found
    kind = _agency_type(question, playbook, profile)
    fiscal_year = (profile.measures_year() if profile is not None else None) or year + 1
    # The officer's own units fit only the officer's own type, not a type the question names.
    units = profile.units if profile is not None and profile.type == kind else None
    values = {
        "indicator_name": fw.indicator(entry.indicator).name,
        "items": ", ".join(entry.items),
        "year": str(year),
        "fiscal_year": str(fiscal_year),
        "agency": profile.name if profile is not None and profile.name else w.PASTE_AGENCY,
    }
    audience = playbook.agency_types[kind].audience if kind else None

    def say(text: str) -> str:
        text = _fill(text, values)
        return audience.adapt(text) if audience is not None else text

    lines = [
        w.PASTE_HEADING.format(n=cited),
        w.PASTE_MEASURE.format(measure=say(entry.measures[0])),
        w.PASTE_STEPS,
    ]
    for n, step in enumerate(entry.steps, 1):
        owners = playbook.resolve_owners([step.role], kind, units) if kind else []
        who = ", ".join(owners) or playbook.roles[step.role].name_th
        lines.append(w.PASTE_STEP.format(n=n, step=say(step.text), owners=who))
    owners = playbook.resolve_owners(entry.owner_roles, kind, units) if kind else []
    lines.append(
        w.PASTE_OWNERS.format(
            owners=", ".join(owners) or ", ".join(playbook.roles[r].name_th for r in entry.owner_roles)
        )
    )
    lines.append(w.PASTE_WHEN.format(when=_timing(entry, fw), fiscal_year=fiscal_year))
    lines.append(w.PASTE_KPI.format(kpi=say(entry.kpis[0])))
    if not kind:
        lines.append(w.PASTE_OWNERS_GENERIC)
    return lines
