"""Three-way merge of a session's stored JSON: a stale save keeps both turns' changes or says it cannot.

A save carries the values it read (base) and the values it wants (ours); when another writer saved
first (theirs), each value is merged: a side that left it as it was takes the other's, dictionaries
merge key by key, lists of the same length item by item, and lists that both sides only appended to
keep both tails. Two different changes to the same value are a conflict, never a silent overwrite.
"""

from __future__ import annotations

from typing import Any

_MISSING = object()


class SessionConflict(Exception):
    """Two writers changed the same value of one session differently; the later turn must be resent."""


def merge(base: Any, ours: Any, theirs: Any) -> Any:
    """Return ours and theirs merged relative to base, or raise SessionConflict."""
    if ours == theirs:
        return ours
    if ours == base:
        return theirs
    if theirs == base:
        return ours
    if isinstance(ours, dict) and isinstance(theirs, dict):
        old = base if isinstance(base, dict) else {}
        merged = {}
        for key in dict.fromkeys([*theirs, *ours]):
            value = merge(old.get(key, _MISSING), ours.get(key, _MISSING), theirs.get(key, _MISSING))
            if value is not _MISSING:
                merged[key] = value
        return merged
    if isinstance(ours, list) and isinstance(theirs, list) and isinstance(base, list):
        if len(ours) == len(theirs) == len(base):
            return [merge(b, o, t) for b, o, t in zip(base, ours, theirs, strict=True)]
        n = len(base)
        if ours[:n] == base and theirs[:n] == base:  # both only appended
            return base + theirs[n:] + ours[n:]
    raise SessionConflict("the same value was changed by two writers")
