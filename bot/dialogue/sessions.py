"""Persistent conversation sessions in SQL (SQLite by default, PostgreSQL-compatible).

One row per session key ("channel:[group:]user"), so one officer's agency data
is never read by another, even in the same group chat. Every column is a
portable type (Text/JSON/DateTime) so the same table works on PostgreSQL. The
dialogue loads and saves once per message, each inside a transaction, so a
crash or restart mid-conversation loses nothing that was acknowledged.

A loaded Session holds domain objects (AgencyProfile, ScoreSet, Thresholds,
Draft), validated once at load and turned back into the same JSON shapes at
save, so the conversation never re-validates a dict mid-turn.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, Column, DateTime, MetaData, String, Table, create_engine, delete, select, update
from sqlalchemy.engine import make_url

from bot.ita.measures import AgencyProfile, Draft
from bot.ita.tiers import Thresholds
from bot.scores import ScoreSet

metadata = MetaData()

sessions_table = Table(
    "sessions",
    metadata,
    Column("session_key", String(255), primary_key=True),
    Column("state", String(32), nullable=False),
    Column("profile", JSON, nullable=False),
    Column("scores", JSON, nullable=True),
    Column("thresholds", JSON, nullable=True),
    Column("draft", JSON, nullable=True),
    Column("extra", JSON, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)


@dataclass
class Session:
    """Everything remembered about one user's conversation, as domain objects."""

    key: str
    state: str = ""
    profile: AgencyProfile = field(default_factory=AgencyProfile)
    scores: ScoreSet | None = None
    thresholds: Thresholds | None = None
    draft: Draft | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    updated_at: datetime | None = None

    @property
    def is_new(self) -> bool:
        """Tell whether nothing has been stored for this key yet."""
        return self.updated_at is None


def _thresholds(stored: list[float] | None) -> Thresholds | None:
    # Stored as [urgent_below, maintain_from].
    return Thresholds(urgent_below=stored[0], maintain_from=stored[1]) if stored else None


class SessionStore:
    """Load and save sessions by key through SQLAlchemy."""

    def __init__(self, url: str) -> None:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        self.engine = create_engine(url)
        metadata.create_all(self.engine)
        # key -> [lock, turns holding or waiting for it]; an entry is dropped when no turn needs it,
        # so the table holds only the users being answered right now.
        self._locks: dict[str, tuple[threading.Lock, list[int]]] = {}
        self._locks_guard = threading.Lock()

    def load(self, key: str) -> Session:
        """Return the stored session for key, or a fresh one."""
        with self.engine.begin() as conn:
            row = (
                conn.execute(select(sessions_table).where(sessions_table.c.session_key == key))
                .mappings()
                .first()
            )
        if row is None:
            return Session(key)
        return Session(
            key=key,
            state=row["state"],
            profile=AgencyProfile.model_validate(row["profile"] or {}),
            scores=ScoreSet.from_json(row["scores"]) if row["scores"] else None,
            thresholds=_thresholds(row["thresholds"]),
            draft=Draft.model_validate(row["draft"]) if row["draft"] else None,
            extra=dict(row["extra"] or {}),
            updated_at=row["updated_at"],
        )

    def save(self, session: Session) -> None:
        """Insert or replace the session in one transaction."""
        session.updated_at = datetime.now(UTC)
        thresholds = session.thresholds
        values = dict(
            state=session.state,
            # Only the fields the dialogue set, as the rows have always held them.
            profile=session.profile.model_dump(mode="json", exclude_unset=True),
            scores=session.scores.to_json() if session.scores is not None else None,
            thresholds=[thresholds.urgent_below, thresholds.maintain_from]
            if thresholds is not None
            else None,
            draft=session.draft.model_dump(mode="json") if session.draft is not None else None,
            extra=session.extra,
            updated_at=session.updated_at,
        )
        with self.engine.begin() as conn:
            # UPDATE-then-INSERT is portable (SQLite and PostgreSQL) without dialect-specific upserts.
            done = conn.execute(
                update(sessions_table).where(sessions_table.c.session_key == session.key).values(**values)
            ).rowcount
            if not done:
                conn.execute(sessions_table.insert().values(session_key=session.key, **values))

    def delete(self, key: str) -> None:
        """Forget everything stored for key."""
        with self.engine.begin() as conn:
            conn.execute(delete(sessions_table).where(sessions_table.c.session_key == key))

    def keys(self) -> list[str]:
        """Return every stored session key (for operators and tests)."""
        with self.engine.begin() as conn:
            return [r[0] for r in conn.execute(select(sessions_table.c.session_key))]

    @contextmanager
    def open(self, key: str) -> Iterator[Session]:
        """Load a session, yield it, and save it only if the block finishes without error."""
        # Channels run handlers in threads: two quick messages from one user must not interleave.
        with self._locks_guard:
            lock, users = self._locks.setdefault(key, (threading.Lock(), [0]))
            users[0] += 1
        try:
            with lock:
                session = self.load(key)
                yield session
                self.save(session)
        finally:
            with self._locks_guard:
                users[0] -= 1
                if not users[0]:
                    del self._locks[key]

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()
