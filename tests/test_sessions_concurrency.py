"""No save is lost: 50 writers in threads and in processes, on SQLite and on PostgreSQL.

Real databases only: SQLite files in tmp_path and the PostgreSQL on 127.0.0.1:5432 (one schema
per test, dropped after). Processes are forked so each opens its own store, as a second bot would.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import text

from bot.dialogue.sessions import Session, SessionConflict, SessionStore
from tests.pg import drop_schema, pg_schema_url

WRITERS = 50
ROUNDS = 4
SHARED = "line:shared-officer"


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'sessions.sqlite3'}"
        return
    pg_url, schema = pg_schema_url()
    try:
        yield pg_url
    finally:
        drop_schema(schema)


def _write(url: str, writer: int, store: SessionStore | None = None) -> None:
    own = store or SessionStore(url)
    for _ in range(ROUNDS):
        with own.open(SHARED) as s:  # every writer on one officer's session
            s.extra["count"] = s.extra.get("count", 0) + 1
            s.extra[f"w{writer}"] = s.extra.get(f"w{writer}", 0) + 1
        with own.open(f"telegram:{writer}") as s:  # and on its own
            s.extra["count"] = s.extra.get("count", 0) + 1
    if store is None:
        own.close()


def _check(url: str) -> None:
    store = SessionStore(url)
    shared = store.load(SHARED)
    assert shared.extra["count"] == WRITERS * ROUNDS
    assert all(shared.extra[f"w{w}"] == ROUNDS for w in range(WRITERS))
    assert shared.version == WRITERS * ROUNDS
    assert [store.load(f"telegram:{w}").extra["count"] for w in range(WRITERS)] == [ROUNDS] * WRITERS
    store.close()


def test_fifty_threads_lose_no_save(url):
    store = SessionStore(url)
    threads = [threading.Thread(target=_write, args=(url, w, store)) for w in range(WRITERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    store.close()
    _check(url)


def test_fifty_processes_lose_no_save(url):
    SessionStore(url).close()  # the table exists before the race (creating it is tested below)
    fork = multiprocessing.get_context("fork")
    procs = [fork.Process(target=_write, args=(url, w)) for w in range(WRITERS)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=240)
    assert [p.exitcode for p in procs] == [0] * WRITERS
    _check(url)


def _save_new(url: str, key: str, writer: int, barrier) -> None:
    store = SessionStore(url)
    session = Session(key)  # read before the other process stored anything
    session.extra[f"by{writer}"] = True
    barrier.wait()
    store.save(session)
    store.close()


def test_two_processes_saving_the_same_new_user_both_succeed(url):
    fork = multiprocessing.get_context("fork")
    keys = [f"line:new-{n}" for n in range(20)]
    for key in keys:
        barrier = fork.Barrier(2)
        procs = [fork.Process(target=_save_new, args=(url, key, w, barrier)) for w in (1, 2)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(timeout=60)
        assert [p.exitcode for p in procs] == [0, 0]
    store = SessionStore(url)
    for key in keys:
        stored = store.load(key)
        assert stored.extra == {"by1": True, "by2": True} and stored.version == 2
    store.close()


def test_a_stale_save_keeps_the_other_writers_change(url):
    store = SessionStore(url)
    with store.open("line:u") as s:
        s.extra["history"] = ["a"]
    first, second = store.load("line:u"), store.load("line:u")
    first.extra["history"].append("b")
    first.state = "drafted"
    store.save(first)
    second.extra["history"].append("c")
    second.extra["layout"] = "gantt"
    store.save(second)  # read before `first` was saved: merged onto it, not written over it
    stored = store.load("line:u")
    assert stored.state == "drafted"
    assert stored.extra == {"history": ["a", "b", "c"], "layout": "gantt"}
    assert stored.version == 3 and second.version == 3 and second.state == "drafted"
    store.close()


def test_two_different_changes_to_one_value_are_refused_not_overwritten(url):
    store = SessionStore(url)
    with store.open("line:u") as s:
        s.state = "scores"
    first, second = store.load("line:u"), store.load("line:u")
    first.state = "confirm"
    second.state = "drafted"
    store.save(first)
    with pytest.raises(SessionConflict):
        store.save(second)
    assert store.load("line:u").state == "confirm"
    store.close()


def _create(url: str, barrier) -> None:
    barrier.wait()
    store = SessionStore(url)
    with store.open("line:first") as s:
        s.extra[str(multiprocessing.current_process().pid)] = 1
    store.close()


def test_processes_starting_on_an_empty_database_all_create_and_save(url):
    fork = multiprocessing.get_context("fork")
    barrier = fork.Barrier(6)
    procs = [fork.Process(target=_create, args=(url, barrier)) for _ in range(6)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=60)
    assert [p.exitcode for p in procs] == [0] * 6
    store = SessionStore(url)
    assert len(store.load("line:first").extra) == 6
    store.close()


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path):
    store = SessionStore(f"sqlite:///{tmp_path / 's.sqlite3'}")
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
    store.close()


def test_a_database_from_before_versions_is_upgraded_and_keeps_its_rows(tmp_path):
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    db.execute(
        "CREATE TABLE sessions (session_key VARCHAR(255) PRIMARY KEY, state VARCHAR(32) NOT NULL,"
        " profile JSON NOT NULL, scores JSON, thresholds JSON, draft JSON, extra JSON NOT NULL,"
        " updated_at DATETIME NOT NULL)"
    )
    db.execute(
        "INSERT INTO sessions VALUES ('line:old', 'scores', '{\"name\": \"อบต.หนองบัว\"}', NULL, NULL, NULL,"
        " '{}', '2026-01-01 00:00:00')"
    )
    db.commit()
    db.close()
    store = SessionStore(f"sqlite:///{path}")
    with store.open("line:old") as s:
        assert s.profile.name == "อบต.หนองบัว" and s.version == 0
        s.state = "confirm"
    again = store.load("line:old")
    assert again.state == "confirm" and again.version == 1 and again.profile.name == "อบต.หนองบัว"
    store.close()


def test_a_new_users_save_keeps_what_another_process_stored_first(url):
    store = SessionStore(url)
    mine, theirs = Session("line:fresh"), Session("line:fresh")
    theirs.state = "profile_name"
    theirs.extra["asked"] = 1
    store.save(theirs)
    mine.extra["seen"] = 1  # state left as it was: theirs stands
    store.save(mine)
    stored = store.load("line:fresh")
    assert stored.state == "profile_name" and stored.extra == {"asked": 1, "seen": 1}
    store.delete("line:fresh")
    mine.extra["seen"] = 2  # read before the delete: saved again whole, with no empty columns
    store.save(mine)
    assert store.load("line:fresh").state == "profile_name"
    store.close()


def test_writers_of_one_process_queue_in_order_not_in_sqlites_busy_wait(tmp_path):
    """Many threads writing at once (sessions, claims, year records) never meet SQLite's lock.

    Without the process's write gate a writer that finds the database locked sleeps in SQLite's
    busy handler (1, 2, 5 … 100 ms); with the busy timeout at 0 here, it fails at once instead,
    so a single "database is locked" shows the writers collided.
    """
    from sqlalchemy import event

    from bot.dialogue.seen_events import SeenEvents

    store = SessionStore(f"sqlite:///{tmp_path / 's.sqlite3'}", attempts=1)
    event.listen(store.engine, "connect", lambda conn, _record: conn.execute("PRAGMA busy_timeout = 0"))
    store.engine.dispose()  # connections made from now on have no busy wait
    seen = SeenEvents(store.engine)
    failures: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(40):
                seen.claim("telegram", f"{n}-{i}", str(n))
                session = store.load(f"telegram:{n}")
                session.extra["i"] = i
                store.save(session)
                seen.finish("telegram", f"{n}-{i}")
        except BaseException as exc:  # collected for the assertion
            failures.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    assert all(store.load(f"telegram:{n}").extra["i"] == 39 for n in range(12))
