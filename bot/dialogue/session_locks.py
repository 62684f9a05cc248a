"""One session key answered by one turn at a time, across threads and across processes.

In a process a `threading.Lock` per key (dropped when no turn needs it). Across processes:
on SQLite a byte-range lock (`fcntl.lockf`) on a lock file beside the database, one byte per
stripe of keys; on PostgreSQL a session advisory lock on the turn's own connection. Both are
released by the operating system or the server when a process dies, so a kill -9 leaves no
stale lock. The session's version check stays the safety net for writers that skip these locks.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: the version check alone guards other processes
    fcntl = None  # type: ignore[assignment]

STRIPES = 65_521  # prime; two keys share a stripe rarely, and then only wait for each other


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
