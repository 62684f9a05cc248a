"""An agency's private search scope: the documents it sent in chat are found only under this name.

The scope is derived from the conversation's session key (one officer's chat, or one user within a
group), so two agencies never share one, and no agency can name another's: it is a digest, never
typed by anyone. Chunks of the shared knowledge carry the empty scope (bot.search.index.chunk_metadata).
"""

from __future__ import annotations

import hashlib

PREFIX = "agency:"


def agency_scope(session_key: str) -> str:
    """Return the private scope of the agency whose conversation has this session key."""
    if not session_key:
        raise ValueError("a private scope needs a session key")
    return PREFIX + hashlib.sha256(session_key.encode("utf-8")).hexdigest()[:32]
