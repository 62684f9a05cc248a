"""The draft as the editor template shows it: one plain dict per row, a kept form laid over its row."""

from __future__ import annotations

from typing import Any

from bot.ita.measures import Draft
from bot.ita.tiers import Tier
from bot.web.editing import FORM_FIELDS, RowForm, base_of

_TIER_CLASS = {Tier.URGENT: "urgent", Tier.IMPROVE: "improve", Tier.MAINTAIN: "maintain"}


def tier_class(tier: Tier) -> str:
    """Return the CSS class of a tier (its colour)."""
    return _TIER_CLASS.get(tier, "")


def page_rows(draft: Draft, keep: RowForm | None = None) -> list[dict[str, Any]]:
    """Return the rows to render; the row of `keep` shows the officer's unsaved values instead."""
    rows = []
    last = len(draft.rows) - 1
    for i, row in enumerate(draft.rows):
        cells: dict[str, Any] = {
            "number": row.number,
            "indicator": row.indicator,
            "codes": ", ".join(row.items),
            "score": row.score,
            "tier": row.tier.value,
            "tier_class": tier_class(row.tier),
            "topic": row.topic,
            "analysis": row.analysis,
            "measure": row.measure,
            "steps": list(row.steps),
            "owners": list(row.owners),
            "start_month": row.start_month,
            "end_month": row.end_month,
            "timeline": row.timeline,
            "monitoring": row.monitoring,
            "reporting": row.reporting,
            "kpi": row.kpi,
            "first": i == 0,
            "last": i == last,
            "kept": False,
            "base": base_of(row),
        }
        if keep is not None and keep.number == row.number:
            # Only the cells the officer changed (bot.web.editing.touched); the rest are the latest.
            for name in FORM_FIELDS:
                if name == "timeline":
                    if keep.start_month and keep.end_month:
                        cells.update(start_month=keep.start_month, end_month=keep.end_month)
                elif name in ("steps", "owners"):
                    if getattr(keep, name):
                        cells[name] = getattr(keep, name)
                elif getattr(keep, name):
                    cells[name] = getattr(keep, name)
            cells["kept"] = True
        rows.append(cells)
    return rows
