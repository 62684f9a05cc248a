"""The officer's last changes to a draft, kept so that "ย้อนกลับ" can undo them.

Pure functions over a JSON-ready list (the dialogue keeps it in the session's
`extra`, so it survives restarts with the rest of the session). Each entry holds
the draft before a change and a fingerprint of the draft after it: undo restores
the last entry only while the stored draft is still the one that change made, so
a draft replaced another way (a whole redraft the history did not see) is never
rolled back to something the officer did not expect. A redraft that asks first
is kept here too, as the command waiting for "ยืนยัน".
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from typing import Any

from bot.drafting.edit_command import EditAction, EditCommand
from bot.ita.measures import Draft

# Drafts are ~20 KB of JSON each: five undo steps keep a session row small.
MAX_HISTORY = 5

History = list[dict[str, Any]]


def fingerprint(draft: Draft) -> str:
    """Return a digest of the draft's content that survives a save and load."""
    text = json.dumps(draft.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def remember(history: History | None, before: Draft, after: Draft) -> History:
    """Return the history with one more change (before -> after), oldest dropped past MAX_HISTORY."""
    entry = {"draft": before.model_dump(mode="json"), "after": fingerprint(after)}
    return [*(history or []), entry][-MAX_HISTORY:]


def undo(history: History | None, current: Draft | None) -> tuple[Draft | None, History, bool]:
    """Return (the draft before the last change or None, the shorter history, whether it was stale)."""
    entries = list(history or [])
    if not entries or current is None:
        return None, [], False
    last = entries[-1]
    if last.get("after") != fingerprint(current):
        return None, [], True
    return Draft.model_validate(last["draft"]), entries[:-1], False


def pending(cmd: EditCommand, draft: Draft) -> dict[str, Any]:
    """Return a waiting command as JSON, tied to the draft it was asked about."""
    data = dataclasses.asdict(cmd)
    data["action"] = cmd.action.value
    return {"command": data, "draft": fingerprint(draft)}


def pending_command(stored: object, draft: Draft | None) -> EditCommand | None:
    """Return the waiting command if it was asked about this very draft, else None."""
    if not isinstance(stored, dict) or draft is None or stored.get("draft") != fingerprint(draft):
        return None
    data = dict(stored.get("command") or {})
    try:
        data["action"] = EditAction(data["action"])
        return EditCommand(**data)
    except (KeyError, TypeError, ValueError):
        return None
