"""A retriever that follows the index: documents another process ingests are found within seconds.

The Retriever reads every chunk once to build its lexical index, so a bot that is running never saw
what `ingest.py` or another instance (on a shared Chroma server) added until it restarted. This one
compares the index's fingerprint (KnowledgeIndex.fingerprint: one record per completed source) at
most every `recheck_seconds` and reloads when it moved, under a lock so that a reload never meets
a search half-way.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from bot.search.retrieve import Passage, Retriever


class FollowingRetriever(Retriever):
    """Retriever, reloaded when another process changed the index (checked at most every few seconds)."""

    def __init__(self, *args: Any, recheck_seconds: float = 5.0, **kwargs: Any) -> None:
        self.recheck_seconds = recheck_seconds
        self._state = threading.RLock()
        self._fingerprint = ""
        self._checked = 0.0
        super().__init__(*args, **kwargs)

    def refresh(self) -> None:
        """Reload the lexical index from the collection and remember what it held."""
        with self._state:
            self._fingerprint = self.index.fingerprint()
            self._checked = time.monotonic()
            super().refresh()

    def search(
        self,
        query: str,
        k: int = 5,
        *,
        indicator: int | None = None,
        item: str | None = None,
        year: int | None = None,
        kind: str | None = None,
        scope: str = "",
    ) -> list[Passage]:
        """Return the k best passages, after a reload if the index moved since the last look."""
        if time.monotonic() - self._checked >= self.recheck_seconds:
            with self._state:
                self._checked = time.monotonic()
                if self.index.fingerprint() != self._fingerprint:
                    self.refresh()
        with self._state:
            return super().search(query, k, indicator=indicator, item=item, year=year, kind=kind, scope=scope)
