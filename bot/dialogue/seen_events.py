"""Webhook events already taken, in the session database: a redelivery is answered once, even after a restart.

Telegram numbers every update (`update_id`) and LINE every event
(`webhookEventId`); both deliver again what they think was lost, and a restart
forgets whatever lived in memory. So each event the bot is about to answer is
claimed here first (an INSERT on the event's key: the database, not a Python
lock, decides which of two deliveries wins), and marked done once its reply was
sent. Under load the claims (and the marks) of many turns are written as one
transaction each batch (bot.dialogue.write_batches), every caller returning once
its own row is committed. A claimed event that is never marked done was in flight when the process
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
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
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
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.pool import StaticPool

from bot.dialogue.write_batches import WriteBatches

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
        # Claims and answered marks of many turns at once are written in batches, one transaction
        # each (bot.dialogue.write_batches); one batch at a time, since an in-memory database has a
        # single connection. The primary key still decides between two deliveries of one event.
        self._write = threading.Lock()
        self._claim_batches: WriteBatches[dict[str, Any], bool] = WriteBatches(self._claim_all, self._write)
        self._finish_batches: WriteBatches[str, None] = WriteBatches(self._finish_all, self._write)
        self._claims = 0

    @staticmethod
    def key(channel: str, event_id: str) -> str:
        """Return the stored key of one platform event."""
        return f"{channel}:{event_id}"

    def claim(self, channel: str, event_id: str, chat_id: str) -> bool:
        """Take the event: True the first time it is seen within the window, False for a redelivery."""
        row = dict(
            event_key=self.key(channel, event_id),
            chat_id=chat_id,
            boot=self.boot,
            done=False,
            at=self.clock(),
        )
        return self._claim_batches.submit(row)

    def _claim_all(self, rows: list[dict[str, Any]]) -> list[bool]:
        # One transaction for the batch: the new keys inserted, a key already there taken over only
        # if older than the window, and a key twice in the batch (two deliveries at once) won once.
        now = max(row["at"] for row in rows)
        before, self._claims = self._claims, self._claims + len(rows)
        if before // PRUNE_EVERY != self._claims // PRUNE_EVERY:
            self._prune(now)
        first: dict[str, dict[str, Any]] = {}
        for row in rows:
            first.setdefault(row["event_key"], row)
        with self.engine.begin() as conn:
            inserted = self._insert_new(conn, list(first.values()))
            won = {
                key: key in inserted or self._take_over_expired(conn, row, now) for key, row in first.items()
            }
        return [row is first[row["event_key"]] and won[row["event_key"]] for row in rows]

    def _insert_new(self, conn: Connection, rows: list[dict[str, Any]]) -> set[str]:
        """Insert the rows whose key is not stored yet; return their keys."""
        dialect = self.engine.dialect.name
        if dialect in ("sqlite", "postgresql"):
            insert = (sqlite.insert if dialect == "sqlite" else postgresql.insert)(seen_table)
            stmt = insert.values(rows).on_conflict_do_nothing(index_elements=[seen_table.c.event_key])
            return set(conn.execute(stmt.returning(seen_table.c.event_key)).scalars())
        inserted = set()
        for row in rows:  # other databases: one by one, each in a savepoint
            try:
                with conn.begin_nested():
                    conn.execute(seen_table.insert().values(**row))
                inserted.add(row["event_key"])
            except IntegrityError:
                pass
        return inserted

    def _take_over_expired(self, conn: Connection, row: dict[str, Any], now: float) -> bool:
        # A row older than the window is a new event that reuses an old id (or one never pruned).
        taken = conn.execute(
            update(seen_table)
            .where(seen_table.c.event_key == row["event_key"], seen_table.c.at < now - self.window)
            .values(**row)
        ).rowcount
        return bool(taken)

    def finish(self, channel: str, event_id: str) -> None:
        """Mark the event answered (its reply was sent, or sending it was given up)."""
        self._finish_batches.submit(self.key(channel, event_id))

    def _finish_all(self, keys: list[str]) -> list[None]:
        with self.engine.begin() as conn:
            conn.execute(update(seen_table).where(seen_table.c.event_key.in_(keys)).values(done=True))
        return [None] * len(keys)

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
