"""Webhook events already taken, in the session database: a redelivery is answered once, even after a restart.

Telegram numbers every update (`update_id`) and LINE every event
(`webhookEventId`); both deliver again what they think was lost, and a restart
forgets whatever lived in memory. So each event the bot is about to answer is
claimed here first (an INSERT on the event's key: the database, not a Python
lock, decides which of two deliveries wins), and marked done once its reply was
sent. A claimed event that is never marked done was in flight when the process
stopped: `unfinished()` lists those of earlier runs, so the channel can ask the
officer to send the message again (it was read but never answered).

The table lives in the same database as the sessions (the store's engine is
passed in), so it shares their durability and needs no second file. The window
is bounded: rows older than `window` seconds are pruned now and then, and a
platform does not redeliver that late (Telegram keeps updates for 24 hours).
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import (
    Boolean,
    Column,
    Engine,
    Float,
    MetaData,
    String,
    Table,
    create_engine,
    delete,
    func,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.pool import StaticPool

metadata = MetaData()

seen_table = Table(
    "seen_events",
    metadata,
    Column("event_key", String(255), primary_key=True),  # "<channel>:<platform event id>"
    Column("chat_id", String(255), nullable=False),  # where to say "please send again" after a crash
    Column("boot", String(36), nullable=False),  # which run of the bot claimed it
    Column("done", Boolean, nullable=False),
    Column("at", Float, nullable=False, index=True),  # seconds since the epoch, when claimed
)

WINDOW = 48 * 3600.0  # seconds an event id is remembered; platforms redeliver within hours
PRUNE_EVERY = 500  # claims between two prunes of rows older than the window


@dataclass(frozen=True)
class Unfinished:
    """An event an earlier run took but never answered."""

    channel: str
    event_id: str
    chat_id: str


class SeenEvents:
    """Claim each webhook event once across restarts; remember which were answered."""

    def __init__(
        self,
        engine: Engine | None = None,
        *,
        window: float = WINDOW,
        clock: Callable[[], float] = time.time,
    ) -> None:
        # Without an engine (tests of a channel alone), a private in-memory database.
        self.engine = engine or create_engine(
            "sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool
        )
        metadata.create_all(self.engine)
        self.window = window
        self.clock = clock
        self.boot = str(uuid.uuid4())  # this run; rows of other runs left undone were in flight
        # SQLite takes one writer at a time: writers of this process queue here rather than in
        # SQLite's busy wait. PostgreSQL needs no such lock, and the primary key decides either way.
        self._write = threading.Lock() if self.engine.dialect.name == "sqlite" else _NoLock()
        self._claims = 0

    @staticmethod
    def key(channel: str, event_id: str) -> str:
        """Return the stored key of one platform event."""
        return f"{channel}:{event_id}"

    def claim(self, channel: str, event_id: str, chat_id: str) -> bool:
        """Take the event: True the first time it is seen within the window, False for a redelivery."""
        now = self.clock()
        row = dict(event_key=self.key(channel, event_id), chat_id=chat_id, boot=self.boot, done=False, at=now)
        with self._write:
            self._claims += 1
            if self._claims % PRUNE_EVERY == 0:
                self._prune(now)
            try:
                with self.engine.begin() as conn:
                    conn.execute(seen_table.insert().values(**row))
            except IntegrityError:
                return self._take_over_expired(row, now)
        return True

    def _take_over_expired(self, row: dict, now: float) -> bool:
        # A row older than the window is a new event that reuses an old id (or one never pruned).
        with self.engine.begin() as conn:
            taken = conn.execute(
                update(seen_table)
                .where(seen_table.c.event_key == row["event_key"], seen_table.c.at < now - self.window)
                .values(**row)
            ).rowcount
        return bool(taken)

    def finish(self, channel: str, event_id: str) -> None:
        """Mark the event answered (its reply was sent, or sending it was given up)."""
        with self._write, self.engine.begin() as conn:
            conn.execute(
                update(seen_table)
                .where(seen_table.c.event_key == self.key(channel, event_id))
                .values(done=True)
            )

    def unfinished(self, channel: str) -> list[Unfinished]:
        """Return the channel's events that an earlier run claimed within the window and never answered."""
        prefix = f"{channel}:"
        since = self.clock() - self.window
        with self.engine.begin() as conn:
            rows = conn.execute(
                select(seen_table.c.event_key, seen_table.c.chat_id)
                .where(
                    seen_table.c.done.is_(False),
                    seen_table.c.boot != self.boot,
                    seen_table.c.at >= since,
                    seen_table.c.event_key.startswith(prefix, autoescape=True),
                )
                .order_by(seen_table.c.at)
            ).all()
        return [Unfinished(channel, key[len(prefix) :], chat) for key, chat in rows]

    def count(self) -> int:
        """Return how many events are remembered (for health checks, tests and benchmarks)."""
        with self.engine.begin() as conn:
            return int(conn.execute(select(func.count()).select_from(seen_table)).scalar_one())

    def ping(self) -> None:
        """Run one query, raising if the database cannot be reached (readiness)."""
        with self.engine.begin() as conn:
            conn.execute(select(seen_table.c.event_key).limit(1)).all()

    def prune(self) -> None:
        """Forget events older than the window."""
        with self._write:
            self._prune(self.clock())

    def _prune(self, now: float) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(seen_table).where(seen_table.c.at < now - self.window))


class _NoLock:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None
