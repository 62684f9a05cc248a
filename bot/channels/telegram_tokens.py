"""Telegram button payloads over 64 bytes, kept in the session database so any instance can answer a press.

callback_data is capped at 64 bytes and Thai costs 3 bytes a letter, so a longer payload travels as
a short token ("~" and 20 hex digits of its SHA-256) and the payload is stored against the chat and
the token. The store is the sessions' database (SQLite or PostgreSQL, the engine is passed in): a
button sent by one instance and pressed on another, or after a restart, still carries its choice.

Each keyboard is stored in one statement (an upsert of its long payloads that refreshes their time),
and this process remembers the tokens it stored recently, so a keyboard sent again costs no write.
Rows older than `window` are pruned now and then; a button older than that answers "expired".
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable

from sqlalchemy import (
    Column,
    Engine,
    Float,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    delete,
    func,
    select,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.pool import StaticPool

MAX_CALLBACK = 64  # bytes of callback_data
TOKEN_PREFIX = "~"  # marks a short token that stands for a longer payload
WINDOW = 30 * 24 * 3600.0  # seconds a stored payload is kept after it was last sent on a button
PRUNE_EVERY = 1_000  # keyboards stored between two prunes of rows older than the window
CACHE = 20_000  # (chat, token) pairs this process remembers as stored, and what they stand for

metadata = MetaData()

buttons_table = Table(
    "telegram_buttons",
    metadata,
    Column("chat_id", String(255), primary_key=True),
    Column("token", String(32), primary_key=True),
    Column("payload", Text, nullable=False),
    Column("at", Float, nullable=False, index=True),  # seconds since the epoch, when last sent
)


def needs_token(payload: str) -> bool:
    """Tell whether a payload cannot travel as callback_data itself."""
    return len(payload.encode("utf-8")) > MAX_CALLBACK or payload.startswith(TOKEN_PREFIX)


def token_for(payload: str) -> str:
    """Return the stable short token of a payload (the same in every instance)."""
    return TOKEN_PREFIX + hashlib.sha256(payload.encode("utf-8")).hexdigest()[:20]


class ChoiceTokens:
    """Map long button payloads to short callback tokens per chat and back, through the database."""

    def __init__(
        self,
        engine: Engine | None = None,
        *,
        window: float = WINDOW,
        cache: int = CACHE,
        clock: Callable[[], float] = time.time,
    ) -> None:
        # Without an engine (a channel tested alone), a private in-memory database.
        self.engine = engine or create_engine(
            "sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool
        )
        metadata.create_all(self.engine)
        self.window = window
        self.clock = clock
        self.cache_size = cache
        # (chat, token) -> (payload, when this process stored it); refreshed in the database after half
        # the window, so a keyboard shown again and again is never pruned under an officer's finger.
        self._cache: OrderedDict[tuple[str, str], tuple[str, float]] = OrderedDict()
        self._lock = threading.Lock()
        self._stored = 0

    def encode(self, chat_id: str, payload: str) -> str:
        """Return callback_data for one payload (see encode_all)."""
        return self.encode_all(chat_id, [payload])[0]

    def encode_all(self, chat_id: str, payloads: Iterable[str]) -> list[str]:
        """Return callback_data for each payload: itself if it fits, else a token stored for chat_id."""
        now = self.clock()
        out: list[str] = []
        rows: dict[str, dict] = {}
        with self._lock:
            for payload in payloads:
                if not needs_token(payload):
                    out.append(payload)
                    continue
                token = token_for(payload)
                out.append(token)
                cached = self._cache.get((chat_id, token))
                if cached is None or now - cached[1] > self.window / 2:
                    rows[token] = {"chat_id": chat_id, "token": token, "payload": payload, "at": now}
        if rows:
            self._store(list(rows.values()), now)
        return out

    def decode(self, chat_id: str, data: str) -> str | None:
        """Return the payload behind callback data, or None for a token no instance stored (or pruned)."""
        if not data.startswith(TOKEN_PREFIX):
            return data
        with self._lock:
            cached = self._cache.get((chat_id, data))
        if cached is not None:
            return cached[0]
        with self.engine.begin() as conn:
            payload = conn.execute(
                select(buttons_table.c.payload).where(
                    buttons_table.c.chat_id == chat_id,
                    buttons_table.c.token == data,
                    buttons_table.c.at >= self.clock() - self.window,
                )
            ).scalar_one_or_none()
        return payload

    def _store(self, rows: list[dict], now: float) -> None:
        table = buttons_table
        dialect = self.engine.dialect.name
        with self.engine.begin() as conn:
            if dialect in ("sqlite", "postgresql"):
                insert = (sqlite.insert if dialect == "sqlite" else postgresql.insert)(table)
                stmt = insert.values(rows)
                conn.execute(
                    stmt.on_conflict_do_update(
                        index_elements=[table.c.chat_id, table.c.token], set_={"at": stmt.excluded.at}
                    )
                )
            else:  # other databases: row by row, refreshing a row another instance stored first
                for row in rows:
                    try:
                        with conn.begin_nested():
                            conn.execute(table.insert().values(**row))
                    except IntegrityError:
                        conn.execute(
                            table.update()
                            .where(table.c.chat_id == row["chat_id"], table.c.token == row["token"])
                            .values(at=now)
                        )
            self._stored += 1
            if self._stored % PRUNE_EVERY == 0:
                conn.execute(delete(table).where(table.c.at < now - self.window))
        with self._lock:
            for row in rows:
                key = (row["chat_id"], row["token"])
                self._cache[key] = (row["payload"], now)
                self._cache.move_to_end(key)
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)

    def count(self) -> int:
        """Return how many payloads are stored (tests and operators)."""
        with self.engine.begin() as conn:
            return int(conn.execute(select(func.count()).select_from(buttons_table)).scalar_one())
