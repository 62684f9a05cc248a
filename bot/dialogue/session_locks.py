"""One session key answered by one turn at a time, across threads and across processes.

In a process a `threading.Lock` per key (dropped when no turn needs it). Across processes:
on SQLite a byte-range lock (`fcntl.lockf`) on a lock file beside the database, one byte per
stripe of keys; on PostgreSQL a session advisory lock, all of a process's kept on one connection
of its own (so a turn holds no connection of the pool while it runs). Both are released by the
operating system or the server when a process dies, so a kill -9 leaves no stale lock. The
session's version check stays the safety net for writers that skip these locks, and for a turn
whose lock was lost with its connection.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, text
from sqlalchemy.exc import DBAPIError

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: the version check alone guards other processes
    fcntl = None  # type: ignore[assignment]

STRIPES = 65_521  # prime; two keys share a stripe rarely, and then only wait for each other
POLL_FIRST, POLL_MAX = 0.01, 0.2  # seconds between tries for a key another process holds
LOCK_WAIT_S = 120.0  # then the turn goes on without it: the version check still refuses lost saves

log = logging.getLogger(__name__)
_WRITES = re.compile(
    r"\s*(?:INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE
)  # what takes SQLite's write lock


def key_number(key: str) -> int:
    """Return a stable signed 64-bit number for key (PostgreSQL advisory locks take a bigint)."""
    return int.from_bytes(hashlib.sha1(key.encode()).digest()[:8], "big", signed=True)


class ThreadLocks:
    """Per-key locks inside one process; a key's entry lives only while a turn holds or awaits it."""

    def __init__(self) -> None:
        self._locks: dict[str, tuple[threading.Lock, list[int]]] = {}
        self._guard = threading.Lock()

    @contextmanager
    def hold(self, key: str) -> Iterator[None]:
        with self._guard:
            lock, users = self._locks.setdefault(key, (threading.Lock(), [0]))
            users[0] += 1
        try:
            with lock:
                yield
        finally:
            with self._guard:
                users[0] -= 1
                if not users[0]:
                    del self._locks[key]


class FileStripeLocks:
    """Per-key locks between processes through byte ranges of one lock file (POSIX record locks).

    Record locks belong to the process, not the thread, so inside a process one thread at a time
    holds a stripe (a threading.Lock per stripe): unlocking it can never free a turn still running.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        self._guard = threading.Lock()
        self._stripe_locks: dict[int, threading.Lock] = {}

    def _open(self) -> int:
        if self._fd is None:
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        return self._fd

    @contextmanager
    def hold(self, key: str) -> Iterator[None]:
        if fcntl is None:
            yield
            return
        stripe = key_number(key) % STRIPES
        with self._guard:
            fd = self._open()
            # One thread per stripe takes the OS lock; the others of this process wait on this lock,
            # so a stripe is never unlocked under a turn that still needs it.
            gate = self._stripe_locks.setdefault(stripe, threading.Lock())
        with gate:
            fcntl.lockf(fd, fcntl.LOCK_EX, 1, stripe)  # blocks until no other process holds it
            try:
                yield
            finally:
                fcntl.lockf(fd, fcntl.LOCK_UN, 1, stripe)

    def close(self) -> None:
        with self._guard:
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None


class AdvisoryLocks:
    """Per-key locks between processes as PostgreSQL session advisory locks, on one connection.

    Every lock of this process lives on one connection kept for them (autocommit), taken with
    `pg_try_advisory_lock` and tried again after a short, growing pause while another process
    holds the key: in this process a key is already held by one thread at a time (ThreadLocks),
    so only a turn on another instance (a redelivered update) ever waits here. A turn thus holds
    no pooled connection while it runs, whatever it waits for. If the lock connection drops, its
    locks go with it; it is opened again for the next turn, and the version check of each save
    still keeps both writers' changes.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._conn: Connection | None = None
        self._guard = threading.Lock()

    def _execute(self, sql: str, number: int) -> bool:
        with self._guard:
            try:
                if self._conn is None:
                    self._conn = self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
                return bool(self._conn.execute(text(sql), {"n": number}).scalar())
            except DBAPIError:
                self._drop()
                raise

    def _take(self, number: int) -> bool:
        try:
            return self._execute("SELECT pg_try_advisory_lock(:n)", number)
        except DBAPIError:  # the lock connection dropped: once more on a new one
            return self._execute("SELECT pg_try_advisory_lock(:n)", number)

    def _drop(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(Exception):
                conn.invalidate()
                conn.close()
            log.warning("session lock connection lost; its locks were released by the server")

    @contextmanager
    def hold(self, key: str) -> Iterator[None]:
        number = key_number(key)
        pause, deadline = POLL_FIRST, time.monotonic() + LOCK_WAIT_S
        while not self._take(number):
            if time.monotonic() > deadline:
                log.warning("session key locked by another process too long; saving by version check")
                yield
                return
            time.sleep(pause)
            pause = min(POLL_MAX, pause * 2)
        try:
            yield
        finally:
            with contextlib.suppress(DBAPIError):  # a lost connection released the lock already
                self._execute("SELECT pg_advisory_unlock(:n)", number)

    def close(self) -> None:
        with self._guard:
            conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(Exception):
                conn.close()


class SqliteWriteGate:
    """One writing transaction at a time per SQLite database in this process, queued on a lock.

    SQLite admits one writer; a second one waits in its busy handler, which sleeps 1, 2, 5, 10 …
    100 ms between tries whether or not the first has finished meanwhile. Under load the turns'
    small writes (the event claim, the session save, the year record, the answered mark) queued that
    way for hundreds of milliseconds although each holds the database for about one. Here a
    connection takes the gate before its transaction's first INSERT, UPDATE or DELETE and gives it
    back once its commit or rollback has returned (the DBAPI connection class below), so the next
    writer of this process starts the moment the last one ends. Reads never take it (WAL readers do
    not block the writer). Other processes (ingest, a second instance) are still ordered by SQLite's
    busy timeout.
    """

    def __init__(self, wait: float) -> None:
        self._lock = threading.Lock()
        self.wait = wait  # then the writer goes on without the gate, to SQLite's own busy wait
        gate = self

        class GatedConnection(sqlite3.Connection):
            holding = False

            def commit(self) -> None:
                try:
                    super().commit()
                finally:
                    gate.leave(self)

            def rollback(self) -> None:
                try:
                    super().rollback()
                finally:
                    gate.leave(self)

            def close(self) -> None:
                try:
                    super().close()
                finally:
                    gate.leave(self)

        self.connection_class = GatedConnection  # sqlite3.connect(factory=…), through connect_args

    def watch(self, engine: Engine) -> None:
        """Take the gate before each transaction's first write on `engine`'s connections."""
        event.listen(engine, "before_cursor_execute", self._before)

    def _before(self, conn: Connection, _cursor: Any, statement: str, *_args: Any) -> None:
        dbapi = conn.connection.dbapi_connection
        if not isinstance(dbapi, self.connection_class) or dbapi.holding or not _WRITES.match(statement):
            return
        dbapi.holding = self._lock.acquire(timeout=self.wait)

    def leave(self, dbapi: Any) -> None:
        """Give the gate back if this connection holds it (its transaction has ended)."""
        if dbapi.holding:
            dbapi.holding = False
            self._lock.release()
