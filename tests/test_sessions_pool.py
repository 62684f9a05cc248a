"""A turn holds no database connection while it runs, so turns waiting on slow work block no one.

A load run of two instances on one PostgreSQL (100 connections) once failed turns with "too many
clients": each turn held its session's connection for the whole turn and borrowed a second. Turns
were then capped at half the pool, and 200 officers' light replies waited seconds behind drafts
that held every slot while they queued for the heavy-work pool (issue 15). Now a turn borrows a
connection to read and one to save; PostgreSQL's advisory locks live on one connection of the
process. Real SQLite files and the PostgreSQL on 127.0.0.1:5432.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import text

from bot.dialogue.sessions import POOL_OVERFLOW, POOL_SIZE, SessionStore
from tests.pg import drop_schema, pg_schema_url

WAITING = 3 * (POOL_SIZE + POOL_OVERFLOW)  # more turns waiting at once than the pool has connections


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path) -> Iterator[SessionStore]:
    if request.param == "sqlite":
        s = SessionStore(f"sqlite:///{tmp_path / 's.db'}")
        yield s
        s.close()
        return
    url, schema = pg_schema_url()
    s = SessionStore(url)
    try:
        yield s
    finally:
        s.close()
        drop_schema(schema)


def test_turns_waiting_on_slow_work_leave_the_pool_free_for_other_officers(store):
    release = threading.Event()
    inside = threading.Semaphore(0)
    errors: list[str] = []

    def slow_turn(n: int) -> None:  # as a turn waiting for its draft from the heavy-work pool
        try:
            with store.open(f"telegram:{n}") as session:
                inside.release()
                release.wait(60)
                with store.engine.connect() as second:  # as the year record does mid-turn
                    second.execute(text("SELECT 1"))
                session.extra["n"] = n
        except Exception as exc:  # counted and asserted below
            errors.append(repr(exc))

    threads = [threading.Thread(target=slow_turn, args=(n,)) for n in range(WAITING)]
    for t in threads:
        t.start()
    for _ in range(WAITING):
        assert inside.acquire(timeout=60), "a turn never started"
    # Every slow turn is inside its turn now; none holds a pooled connection (PostgreSQL: the one
    # connection that keeps the advisory locks).
    assert store.engine.pool.checkedout() <= (1 if store.dialect == "postgresql" else 0)
    started = time.monotonic()
    with store.open("telegram:light") as light:  # another officer's light turn goes straight through
        light.extra["answered"] = True
    assert time.monotonic() - started < 5.0
    release.set()
    for t in threads:
        t.join(60)
    assert errors == []
    assert store.load("telegram:light").extra["answered"] is True
    assert all(store.load(f"telegram:{n}").extra["n"] == n for n in range(WAITING))


def test_one_key_is_still_one_turn_at_a_time(store):
    order: list[str] = []
    first_in = threading.Event()

    def first() -> None:
        with store.open("telegram:same") as s:
            first_in.set()
            time.sleep(0.3)
            order.append("first")
            s.extra["by"] = "first"

    t = threading.Thread(target=first)
    t.start()
    assert first_in.wait(10)
    with store.open("telegram:same") as s:  # waits for the first turn's save, then reads it
        order.append("second")
        assert s.extra["by"] == "first"
    t.join(10)
    assert order == ["first", "second"]


def test_two_instances_fit_postgresqls_default_connections():
    assert 2 * (POOL_SIZE + POOL_OVERFLOW) <= 90  # two instances fit PostgreSQL's default 100
