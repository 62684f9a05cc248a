"""Persistent conversation sessions in SQL (SQLite by default, or PostgreSQL through psycopg).

One row per session key ("channel:[group:]user"), so one officer's agency data
is never read by another, even in the same group chat. Every column is a
portable type (Text/JSON/DateTime) so the same table works on PostgreSQL.

No save is lost, whatever the number of threads and processes:
* `open(key)` answers one turn per key at a time, in this process and across
  processes (bot.dialogue.session_locks), so a turn reads what the last one wrote;
* every save is one upsert (INSERT … ON CONFLICT DO UPDATE) that applies only
  if the row still has the version the turn read; a stale save is merged onto
  the fresh row (bot.dialogue.session_merge) and written again, or refused with
  SessionConflict, never written over another turn's change;
* SQLite runs in WAL mode (synchronous NORMAL: a killed process loses no commit)
  with a busy timeout, and a busy database is retried a bounded number of times
  with backoff.

A loaded Session holds domain objects (AgencyProfile, ScoreSet, Thresholds,
Draft), validated once at load and turned back into the same JSON shapes at
save, so the conversation never re-validates a dict mid-turn.
"""

from __future__ import annotations

import copy
import logging
import random
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import orjson
from sqlalchemy import (
    JSON,
    Column,
    Connection,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    bindparam,
    create_engine,
    delete,
    event,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError

from bot.agency.years import years_table
from bot.dialogue.session_locks import AdvisoryLocks, FileStripeLocks, SqliteWriteGate, ThreadLocks
from bot.dialogue.session_merge import SessionConflict, merge
from bot.ita.measures import AgencyProfile, Draft
from bot.ita.tiers import Thresholds
from bot.scores import ScoreSet

__all__ = ["Session", "SessionConflict", "SessionStore", "sessions_table"]

log = logging.getLogger(__name__)
T = TypeVar("T")

BUSY_TIMEOUT_S = 30.0  # SQLite waits this long for another writer before "database is locked"
ATTEMPTS = 8  # a busy database or a stale save is tried this many times, with backoff
POOL_SIZE, POOL_OVERFLOW = 20, 20  # connections per process (see SessionStore.__init__)

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
    # Bumped by every save; a save applies only on the version it read (optimistic concurrency).
    Column("version", Integer, nullable=False, server_default="0"),
)
VALUE_COLUMNS = ("state", "profile", "scores", "thresholds", "draft", "extra")


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
    version: int = 0  # the stored version this session was read at (0: nothing stored yet)
    base: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)  # the values as read

    @property
    def is_new(self) -> bool:
        """Tell whether nothing has been stored for this key yet."""
        return self.updated_at is None


# A turn's read, built once (SQLAlchemy spends ~0.2 ms building a select each call).
_READ_ONE = select(sessions_table).where(sessions_table.c.session_key == bindparam("key"))


def _thresholds(stored: list[float] | None) -> Thresholds | None:
    # Stored as [urgent_below, maintain_from].
    return Thresholds(urgent_below=stored[0], maintain_from=stored[1]) if stored else None


def session_values(session: Session) -> dict[str, Any]:
    """Return the session's stored columns as JSON values."""
    thresholds = session.thresholds
    return {
        "state": session.state,
        # Only the fields the dialogue set, as the rows have always held them.
        "profile": session.profile.model_dump(mode="json", exclude_unset=True),
        "scores": session.scores.to_json() if session.scores is not None else None,
        "thresholds": [thresholds.urgent_below, thresholds.maintain_from] if thresholds is not None else None,
        "draft": session.draft.model_dump(mode="json") if session.draft is not None else None,
        # The one column of free JSON: copied, so the values kept as a save's base never share a list
        # or dict the next turn may change in place (the domain objects are dumped into new ones).
        "extra": _json_copy(session.extra),
    }


def _json_text(value: Any) -> str:
    """Encode a JSON column (orjson: UTF-8 Thai instead of \\u escapes, and several times json's speed)."""
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()


def _json_copy(value: dict[str, Any]) -> dict[str, Any]:
    """Return an independent copy of a JSON-shaped dict (orjson: about ten times copy.deepcopy's speed)."""
    try:
        copied = orjson.loads(orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS))
    except TypeError:  # a value JSON cannot hold (the column would refuse it too): copied as it is
        return copy.deepcopy(value)
    return copied if isinstance(copied, dict) else copy.deepcopy(value)


def _session(key: str, row: Any) -> Session:
    # The values as read are the base of the next save, kept without a copy: the domain objects are
    # validated into new containers and `extra` is copied, so the turn never changes the base.
    values = {name: row[name] for name in VALUE_COLUMNS}
    return Session(
        key=key,
        state=row["state"],
        profile=AgencyProfile.model_validate(row["profile"] or {}),
        scores=ScoreSet.from_json(row["scores"]) if row["scores"] else None,
        thresholds=_thresholds(row["thresholds"]),
        draft=Draft.model_validate(row["draft"]) if row["draft"] else None,
        extra=_json_copy(row["extra"] or {}),
        updated_at=row["updated_at"],
        version=row["version"] or 0,
        base=values,
    )


def _blank(key: str) -> Session:
    """Return a session for a key with nothing stored, its base the values it would store unchanged."""
    session = Session(key)
    session.base = session_values(session)
    return session


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    cursor.execute("PRAGMA journal_mode = WAL")  # readers never block the writer, nor it them
    # In WAL mode NORMAL syncs at checkpoints, not at every commit: a killed process loses nothing
    # (its commits are in the WAL, in the OS's cache); only a power cut may take the last commits
    # back. Every turn commits four small writes (the event claim, the session, the year record, the
    # answered mark): with a sync each, turns queued behind the disk whenever it was busy.
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


class SessionStore:
    """Load and save sessions by key through SQLAlchemy (`engine` is shared with other tables)."""

    def __init__(self, url: str, *, attempts: int = ATTEMPTS) -> None:
        parsed = make_url(url)
        self.dialect = parsed.get_backend_name()
        self.attempts = attempts
        file_db = self.dialect == "sqlite" and parsed.database not in (None, "", ":memory:")
        # A turn borrows a connection only to read, to save, and for the agency's year record and
        # reminders; it holds none while it runs (PostgreSQL's advisory locks are all kept on one
        # connection of the process, bot.dialogue.session_locks.AdvisoryLocks). Two instances'
        # pools (2 x 40) fit PostgreSQL's default of 100 connections, with room left for ingest and
        # operators (with a third pool over it, a load run had "too many clients").
        pool = (
            {"pool_size": POOL_SIZE, "max_overflow": POOL_OVERFLOW}
            if file_db or self.dialect != "sqlite"
            else {}
        )
        if self.dialect == "sqlite":
            if file_db:
                Path(str(parsed.database)).parent.mkdir(parents=True, exist_ok=True)
            self.gate = SqliteWriteGate(BUSY_TIMEOUT_S)
            self.engine = create_engine(
                url,
                connect_args={"timeout": BUSY_TIMEOUT_S, "factory": self.gate.connection_class},
                json_serializer=_json_text,
                json_deserializer=orjson.loads,
                **pool,
            )
            event.listen(self.engine, "connect", _sqlite_pragmas)
            self.gate.watch(self.engine)
        else:
            self.engine = create_engine(
                url, pool_pre_ping=True, json_serializer=_json_text, json_deserializer=orjson.loads, **pool
            )
        self._threads = ThreadLocks()
        self._files = FileStripeLocks(Path(f"{parsed.database}.locks")) if file_db else None
        self._advisory = AdvisoryLocks(self.engine) if self.dialect == "postgresql" else None
        self._retry(self._create_schema)

    # ------------------------------------------------------------ schema
    def _create_schema(self) -> None:
        try:
            metadata.create_all(self.engine)
        except (IntegrityError, DatabaseError) as exc:
            # Another process created it between our check and our CREATE: fine if it is there now.
            if not inspect(self.engine).has_table("sessions"):
                raise OperationalError("create sessions", {}, exc) from exc
        columns = {c["name"] for c in inspect(self.engine).get_columns("sessions")}
        if "version" not in columns:  # a database from before versioned saves
            try:
                with self.engine.begin() as conn:
                    conn.execute(text("ALTER TABLE sessions ADD COLUMN version INTEGER NOT NULL DEFAULT 0"))
            except DatabaseError:
                if "version" not in {c["name"] for c in inspect(self.engine).get_columns("sessions")}:
                    raise

    # ------------------------------------------------------------ retries
    def _retry(self, action: Callable[[], T]) -> T:
        """Run action, again after a busy or dropped database, at most `attempts` times."""
        for attempt in range(1, self.attempts + 1):
            try:
                return action()
            except OperationalError:
                if attempt == self.attempts:
                    raise
                log.warning("session database busy; retry %d of %d", attempt, self.attempts - 1)
                time.sleep(min(2.0, 0.05 * 2**attempt) * random.uniform(0.5, 1.0))
        raise AssertionError("unreachable")

    # ------------------------------------------------------------ reading
    def _read(self, conn: Connection, key: str) -> Session:
        with conn.begin():
            row = conn.execute(_READ_ONE, {"key": key}).mappings().first()
        return _blank(key) if row is None else _session(key, row)

    def load(self, key: str) -> Session:
        """Return the stored session for key, or a fresh one."""

        def read() -> Session:
            with self.engine.connect() as conn:
                return self._read(conn, key)

        return self._retry(read)

    # ------------------------------------------------------------ writing
    def _write(self, conn: Connection, key: str, version: int, row: dict[str, Any]) -> bool:
        """Write row as version+1 if the stored row is absent or still at `version`; tell whether it did."""
        table = sessions_table
        with conn.begin():
            if self.dialect in ("sqlite", "postgresql"):
                insert = (sqlite.insert if self.dialect == "sqlite" else postgresql.insert)(table)
                stmt = insert.values(session_key=key, **row)
                stmt = stmt.on_conflict_do_update(
                    index_elements=[table.c.session_key],
                    set_={name: stmt.excluded[name] for name in row},
                    where=table.c.version == version,
                )
                # RETURNING, not rowcount: a row comes back only if it was written (psycopg reports -1).
                return conn.execute(stmt.returning(table.c.version)).first() is not None
            # Other databases: a conditional update, else an insert that fails if another came first.
            where = (table.c.session_key == key) & (table.c.version == version)
            if conn.execute(update(table).where(where).values(**row)).rowcount:
                return True
            try:
                with conn.begin_nested():
                    conn.execute(table.insert().values(session_key=key, **row))
            except IntegrityError:
                return False
            return True

    def _update(self, conn: Connection, key: str, version: int, changes: dict[str, Any]) -> bool:
        """Write only the changed columns as version+1 if the row is still at `version`; tell whether it did.

        A light turn (a profile answer, help) leaves the draft as it was, so its save neither turns the
        whole draft into JSON again nor writes it; the version check is the same as the upsert's.
        """
        table = sessions_table
        where = (table.c.session_key == key) & (table.c.version == version)
        stmt = update(table).where(where).values(**changes)
        with conn.begin():
            if self.dialect in ("sqlite", "postgresql"):
                return conn.execute(stmt.returning(table.c.version)).first() is not None
            return bool(conn.execute(stmt).rowcount)

    def _save(self, conn: Connection, session: Session) -> None:
        values = session_values(session)
        for _ in range(self.attempts):
            base = session.base
            changed = [name for name in VALUE_COLUMNS if not base or values[name] != base.get(name)]
            if session.version and not changed:
                return  # nothing to store: the row already holds these values at this version
            now = datetime.now(UTC)
            stamp = {"updated_at": now, "version": session.version + 1}
            # A row read at a version: its changed columns alone. Else (or if that row is gone) the whole row.
            written = bool(session.version) and self._update(
                conn, session.key, session.version, {**{n: values[n] for n in changed}, **stamp}
            )
            if written or self._write(conn, session.key, session.version, {**values, **stamp}):
                # `values` are new objects (dumped domain objects, a copy of extra): kept as the base as is.
                session.version, session.base, session.updated_at = session.version + 1, values, now
                return
            # Another writer saved since this session was read: keep both changes or refuse.
            fresh = self._read(conn, session.key)
            base = session.base or _blank(session.key).base  # a Session built by the caller, never read
            merged = {name: merge(base[name], values[name], fresh.base[name]) for name in VALUE_COLUMNS}
            log.info("session saved by another writer meanwhile; changes merged")
            rebuilt = _session(
                session.key, {**merged, "updated_at": fresh.updated_at, "version": fresh.version}
            )
            rebuilt.base = fresh.base
            session.__dict__.update(rebuilt.__dict__)
            values = merged
        raise SessionConflict("the session kept changing under this save")

    def save(self, session: Session) -> None:
        """Store the session on top of the version it was read at (merged if another save came first)."""

        def write() -> None:
            with self.engine.connect() as conn:
                self._save(conn, session)

        self._retry(write)

    def delete(self, key: str) -> None:
        """Forget everything stored for key: the session and the agency's years (bot.agency.years)."""

        def remove() -> None:
            with self.engine.begin() as conn:
                conn.execute(delete(sessions_table).where(sessions_table.c.session_key == key))
                if inspect(conn).has_table(years_table.name):  # absent until a YearStore made it
                    conn.execute(delete(years_table).where(years_table.c.session_key == key))

        self._retry(remove)

    def keys(self) -> list[str]:
        """Return every stored session key (for operators and tests)."""
        with self.engine.begin() as conn:
            return [r[0] for r in conn.execute(select(sessions_table.c.session_key))]

    # ------------------------------------------------------------ one turn
    def _process_lock(self, key: str) -> AbstractContextManager[None]:
        if self._files is not None:
            return self._files.hold(key)
        if self._advisory is not None:
            return self._advisory.hold(key)
        return nullcontext()

    @contextmanager
    def open(self, key: str) -> Iterator[Session]:
        """Load a session, yield it, and save it only if the block finishes without error.

        One turn per key at a time: threads wait on a per-key lock, other processes on the
        lock file's (SQLite) or the server's advisory lock (PostgreSQL) for the key. The turn
        holds no database connection while it runs: it borrows one to read and one to save. A
        turn waiting for a draft from the heavy-work pool therefore takes nothing another
        officer's light turn needs (issue 15).
        """
        with self._threads.hold(key), self._process_lock(key):
            session = self.load(key)
            yield session
            self.save(session)

    def close(self) -> None:
        """Release the database connections and the lock file."""
        if self._advisory is not None:
            self._advisory.close()
        self.engine.dispose()
        if self._files is not None:
            self._files.close()
