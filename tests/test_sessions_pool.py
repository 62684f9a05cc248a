"""A process's turns never need more database connections than its pool, and fit beside another instance.

A load run of two instances on one PostgreSQL (100 connections) failed turns with "too many
clients": each turn holds its session's connection and borrows a second (the year record,
reminders), and each pool could open 60. Turns at once are now capped at half the pool.
"""

from __future__ import annotations

import threading
import time

from sqlalchemy import text

from bot.dialogue.sessions import POOL_OVERFLOW, POOL_SIZE, TURNS, SessionStore


def test_many_threads_turn_at_once_each_borrowing_a_second_connection(tmp_path):
    store = SessionStore(f"sqlite:///{tmp_path / 's.db'}")
    running, peak, errors = 0, 0, []
    lock = threading.Lock()

    def turn(n: int) -> None:
        nonlocal running, peak
        try:
            with store.open(f"telegram:{n}") as session:
                with lock:
                    running += 1
                    peak = max(peak, running)
                with store.engine.connect() as second:  # as the year record does mid-turn
                    second.execute(text("SELECT 1"))
                    time.sleep(0.05)
                session.extra["n"] = n
                with lock:
                    running -= 1
        except Exception as exc:  # counted and asserted below
            errors.append(repr(exc))

    threads = [threading.Thread(target=turn, args=(n,)) for n in range(3 * TURNS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    assert 1 < peak <= TURNS
    assert all(store.load(f"telegram:{n}").extra["n"] == n for n in range(3 * TURNS))
    assert 2 * (POOL_SIZE + POOL_OVERFLOW) <= 90  # two instances fit PostgreSQL's default 100
    store.close()
