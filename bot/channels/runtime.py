"""The runtime every chat channel shares: who may talk, how often, one turn at a time per user, the dialogue off the loop.

Telegram and LINE differ only in how a platform update becomes an Inbound and
how a Reply becomes platform messages. Everything between is here, once: the
allowlist, the bounded memory of whom we already refused, the per-user rate
limit, per-user ordering, claiming each platform event once in the session
database (bot.dialogue.seen_events: a redelivery is not answered twice, even
after a restart), the worker threads that run `dialogue.handle`, the failure
reply and failure logging by exception type only (message bodies and tokens
never reach the log).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import traceback
from collections import OrderedDict, deque
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from bot.dialogue.messages import Inbound, Reply
from bot.dialogue.seen_events import SeenEvents
from bot.settings import Settings

log = logging.getLogger(__name__)

# Dialogue turns at once per channel. A turn whose draft or export waits in the heavy-work pool
# (bot/dialogue/heavy.py) keeps its thread (and nothing else: no database connection, see
# bot.dialogue.sessions), so the threads must outnumber the officers who can wait on drafts at once,
# or a light reply queues behind them. A waiting thread costs memory only (issue 15: 200 officers).
DIALOGUE_WORKERS = 256

# Users (or user+chat pairs) remembered as refused. Bounded, so a flood of strangers cannot grow
# memory; one forgotten early is at worst refused a second time.
REFUSAL_MEMORY = 10_000

Prepared = TypeVar("Prepared")


class Dialogue(Protocol):
    """What a channel needs of the conversation: one Reply for each Inbound (bot.dialogue.Dialogue)."""

    def handle(self, inbound: Inbound) -> Reply:
        """Answer one Inbound."""
        ...


class RateLimit:
    """At most `per` messages in any `seconds` per key; over it, the officer is told once per window.

    Memory is bounded like the refusal memory: the least recently active keys
    are forgotten first once more than `size` are held.
    """

    def __init__(
        self,
        *,
        per: int,
        seconds: float,
        size: int = REFUSAL_MEMORY,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.per = per
        self.seconds = seconds
        self.size = size
        self.clock = clock
        self._times: OrderedDict[str, deque[float]] = OrderedDict()
        self._told: dict[str, float] = {}

    def take(self, key: str) -> tuple[bool, bool]:
        """Count one message: return (allowed, tell) where `tell` says to send the slow-down reply now."""
        if self.per <= 0:
            return True, False
        now = self.clock()
        times = self._times.pop(key, None) or deque()
        self._times[key] = times  # most recently active last
        while times and now - times[0] >= self.seconds:
            times.popleft()
        while len(self._times) > self.size:
            old, _ = self._times.popitem(last=False)
            self._told.pop(old, None)
        if len(times) < self.per:
            times.append(now)
            return True, False
        told = self._told.get(key)
        if told is not None and now - told < self.seconds:
            return False, False
        self._told[key] = now
        return False, True

    def wait(self, key: str) -> int:
        """Return the whole seconds until this key may send again."""
        times = self._times.get(key)
        if not times:
            return 0
        return max(1, int(self.seconds - (self.clock() - times[0]) + 0.999))


class ChannelApp(Protocol):
    """What a channel's run(app) needs of the composed application (bot.app builds it)."""

    @property
    def settings(self) -> Settings:
        """The settings the application was built from."""
        ...

    @property
    def dialogue(self) -> Dialogue:
        """The conversation every channel talks to."""
        ...


def log_failure(what: str, err: BaseException | None) -> None:
    """Log where it failed, without the exception's message: that may quote the officer's text."""
    stack = "".join(traceback.format_tb(err.__traceback__)) if err is not None else ""
    log.error("%s: %s\n%s", what, type(err).__name__, stack)


class RefusalMemory:
    """Whom we refused and when, so a stranger is told once (per `window` seconds), not on every message.

    `window=None` remembers for as long as the entry is kept. The oldest
    entries are forgotten first once more than `size` are held.
    """

    def __init__(
        self,
        *,
        window: float | None = None,
        size: int = REFUSAL_MEMORY,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.window = window
        self.size = size
        self.clock = clock
        self._at: OrderedDict[str, float] = OrderedDict()

    def first(self, key: str) -> bool:
        """Tell whether `key` is to be refused now, and remember that it was."""
        now, seen = self.clock(), self._at.get(key)
        if seen is not None and (self.window is None or now - seen < self.window):
            return False
        self._at[key] = now
        while len(self._at) > self.size:
            self._at.popitem(last=False)
        return True


@contextlib.asynccontextmanager
async def meanwhile(work: Coroutine[Any, Any, None]) -> AsyncIterator[None]:
    """Run `work` (a "typing…" indicator) as a task for the duration of the block, then cancel it."""
    task = asyncio.create_task(work)
    try:
        yield
    finally:
        task.cancel()


@dataclass
class _KeyLock:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    users: int = 0  # turns holding or waiting for the lock; at 0 the entry is dropped


class ChannelRuntime:
    """One channel's allowlist, refusal memory, per-user ordering and dialogue worker threads."""

    def __init__(
        self,
        dialogue: Dialogue,
        *,
        name: str,
        allowed: frozenset[str],
        failure: str,
        workers: int,
        refusals: RefusalMemory | None = None,
        refusal_key: Callable[[Inbound], str] = lambda inbound: inbound.user_id,
        seen: SeenEvents | None = None,
        rate: RateLimit | None = None,
        slow_down: str = "",
    ) -> None:
        self.dialogue = dialogue
        # Events already taken, in the session database when the app passes its own (tests: in memory).
        self.seen = seen or SeenEvents()
        self.rate = rate or RateLimit(per=0, seconds=60.0)
        self.slow_down = slow_down  # the polite reply once over the rate limit; {seconds} to wait
        self.name = name
        self.allowed = frozenset(allowed)
        self.failure = failure
        self.refusals = refusals or RefusalMemory()
        self.refusal_key = refusal_key
        # Our own pool: asyncio's default has only cpu+4 threads, and one officer's slow draft
        # (an LLM call, an export) must not hold up the others.
        self.executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix=f"{name}-dialogue")
        self._locks: dict[str, _KeyLock] = {}

    async def ask_to_resend(self, notify: Callable[[str], Awaitable[None]]) -> int:
        """Tell each chat once whose messages were in flight when an earlier run stopped; return how many.

        Those events were claimed but never answered (a redelivery of them is still dropped): each is
        marked finished after its chat was told, or after telling it failed (logged), so a restart
        asks only once.
        """
        unfinished = await asyncio.to_thread(self.seen.unfinished, self.name)
        told: set[str] = set()
        for item in unfinished:
            if item.chat_id not in told:
                try:
                    await notify(item.chat_id)
                    told.add(item.chat_id)
                except Exception as exc:
                    log_failure(f"{self.name}: resend notice failed", exc)
            await asyncio.to_thread(self.seen.finish, self.name, item.event_id)
        if told:
            log.info(
                "%s: asked %d chats to resend messages left unanswered by the last stop", self.name, len(told)
            )
        return len(told)

    def is_allowed(self, user_id: str) -> bool:
        """Tell whether this user may use the bot (an empty allowlist admits everyone)."""
        return not self.allowed or user_id in self.allowed

    async def refuse(self, inbound: Inbound, say: Callable[[], Awaitable[None]]) -> None:
        """Tell an unlisted user how to get access once (per the memory's window); after that stay silent."""
        if not self.refusals.first(self.refusal_key(inbound)):
            return
        log.info("%s: refused a user who is not on the allowlist", self.name)
        await say()

    async def serve(
        self,
        inbound: Inbound,
        *,
        refuse: Callable[[], Awaitable[None]],
        prepare: Callable[[Inbound, Reply], Prepared],
        send: Callable[[Prepared, float], Awaitable[None]],
        working: Callable[[], AbstractAsyncContextManager[None]] | None = None,
        event_id: str = "",
    ) -> None:
        """Answer one Inbound: allowlist, rate limit, the user's turn, claim the event, the dialogue, send.

        `prepare(inbound, reply)` runs in the worker thread too (rendering, storing
        files); `working()` wraps the wait (a typing indicator); `send(prepared,
        seconds)` is told how long the answer took (LINE's reply tokens expire).
        `event_id` (Telegram's update_id, LINE's webhookEventId) is claimed in the
        session database: a redelivered event is dropped, and one left unanswered
        by a crash is found at the next start (`unfinished`).
        """
        if not self.is_allowed(inbound.user_id):
            await self.refuse(inbound, refuse)
            return
        allowed, tell = self.rate.take(inbound.session_key)
        if not allowed:
            if tell:
                log.info("%s: rate limit reached for a user; told to slow down", self.name)
                wait = self.rate.wait(inbound.session_key)
                prepared = prepare(inbound, Reply(texts=[self.slow_down.format(seconds=wait)]))
                await send(prepared, 0.0)
            return
        # Updates run concurrently across users; one user's messages must still be handled in order
        # (the session is loaded and saved whole).
        async with self.in_order(inbound.session_key):
            loop = asyncio.get_running_loop()
            started = time.monotonic()
            try:
                # The claim and the dialogue run as one job of a dialogue thread: one hop off the
                # event loop per turn, not two, and never in asyncio's small default pool.
                async with working() if working is not None else contextlib.nullcontext():
                    answered = await loop.run_in_executor(
                        self.executor, self._claim_and_answer, event_id, inbound, prepare
                    )
                if answered is None:
                    log.info("%s: a redelivered event was dropped", self.name)
                    return
                await send(answered[0], time.monotonic() - started)
            except asyncio.CancelledError:
                raise  # stopped mid-turn: left unfinished, so the next start asks the officer to resend
            except Exception:
                await self._finish(event_id)  # given up after the retries: not to be asked again
                raise
            await self._finish(event_id)

    def _claim(self, event_id: str, chat_id: str) -> bool:
        try:
            return self.seen.claim(self.name, event_id, chat_id)
        except Exception as exc:  # the database is down: better a possible double answer than none
            log_failure(f"{self.name}: could not record an event; answering it anyway", exc)
            return True

    def _claim_and_answer(
        self, event_id: str, inbound: Inbound, prepare: Callable[[Inbound, Reply], Prepared]
    ) -> tuple[Prepared] | None:
        # Runs in a dialogue thread: None for a redelivered event (dropped), else the answer.
        if event_id and not self._claim(event_id, inbound.chat_id):
            return None
        return (self._answer(inbound, prepare),)

    async def _finish(self, event_id: str) -> None:
        if not event_id:
            return
        try:
            await asyncio.get_running_loop().run_in_executor(
                self.executor, self.seen.finish, self.name, event_id
            )
        except Exception as exc:  # at worst the officer is asked to resend after the next restart
            log_failure(f"{self.name}: could not mark an event answered", exc)

    def _answer(self, inbound: Inbound, prepare: Callable[[Inbound, Reply], Prepared]) -> Prepared:
        # Runs in a worker thread. A failure still gets a reply: the officer is told to try again.
        try:
            return prepare(inbound, self.dialogue.handle(inbound))
        except Exception as err:
            log_failure(f"dialogue failed on a {self.name} update", err)
            return prepare(inbound, Reply(texts=[self.failure]))

    @contextlib.asynccontextmanager
    async def in_order(self, key: str) -> AsyncIterator[None]:
        """Hold `key`'s turn: one session's messages are answered one at a time, in arrival order."""
        entry = self._locks.setdefault(key, _KeyLock())
        entry.users += 1
        try:
            async with entry.lock:
                yield
        finally:
            entry.users -= 1
            if entry.users == 0:
                self._locks.pop(key, None)

    def close(self, *, wait: bool = True) -> None:
        """End the dialogue threads: let them finish (`wait`), or drop queued work and return at once."""
        self.executor.shutdown(wait=wait, cancel_futures=not wait)
