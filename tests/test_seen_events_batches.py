"""Webhook events claimed by many threads at once: each event answered once, every mark kept (issue 15).

Claims and answered marks are written in batches (bot.dialogue.write_batches); these run them
against real SQLite files and PostgreSQL, with two deliveries of every event racing.
"""

from __future__ import annotations

import threading
from collections import Counter

from bot.dialogue.seen_events import SeenEvents
from tests.test_sessions_pool import store  # noqa: F401 - a SessionStore on real SQLite and PostgreSQL

THREADS, EVENTS = 16, 40


def test_every_event_delivered_twice_at_once_is_won_once(store):  # noqa: F811
    seen = SeenEvents(store.engine)
    won: Counter[str] = Counter()
    lock = threading.Lock()
    start = threading.Barrier(THREADS)

    def deliver(thread: int) -> None:
        start.wait()
        for n in range(EVENTS):
            event = f"{(thread // 2) * EVENTS + n}"  # threads 0 and 1 deliver the same events, …
            if seen.claim("telegram", event, str(thread // 2)):
                with lock:
                    won[event] += 1
                seen.finish("telegram", event)

    threads = [threading.Thread(target=deliver, args=(t,)) for t in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(won) == THREADS // 2 * EVENTS and set(won.values()) == {1}
    assert seen.count() == THREADS // 2 * EVENTS
    # every claimed event was marked answered: a restart asks nobody to resend
    assert SeenEvents(store.engine).unfinished("telegram") == []


def test_an_event_claimed_and_not_finished_is_left_for_the_next_start(store):  # noqa: F811
    seen = SeenEvents(store.engine)
    assert seen.claim("line", "a", "chat-1") and seen.claim("line", "b", "chat-2")
    seen.finish("line", "a")
    assert not seen.claim("line", "a", "chat-1")  # a redelivery
    later = SeenEvents(store.engine)  # the next run of the bot
    assert [(u.event_id, u.chat_id) for u in later.unfinished("line")] == [("b", "chat-2")]


def test_an_id_older_than_the_window_is_a_new_event(store):  # noqa: F811
    now = [1_000_000.0]
    seen = SeenEvents(store.engine, window=60.0, clock=lambda: now[0])
    assert seen.claim("telegram", "7", "c")
    now[0] += 30
    assert not seen.claim("telegram", "7", "c")
    now[0] += 61
    assert seen.claim("telegram", "7", "c")  # reused after the window: taken over, answered
