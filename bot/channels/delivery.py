"""Sending with retries: network errors, 5xx and 429 are tried again with backoff, within a time budget.

A reply the platform did not take is otherwise lost: the officer waits for an
answer that never comes. Each channel says which failures are worth another
try (a `Verdict`): a refused request (400, 403) is not, a dropped connection,
a 5xx or flood control (429, after the Retry-After it names) is. The waits grow
(0.5 s, 1 s, 2 s, ...) and stop when the attempts or the budget are spent,
so one officer's delivery never holds the channel for long. Every retry is an
INFO line naming the exception type and status only, never the message.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class Verdict:
    """What one failure means: try again or not, and after how long if the platform said."""

    retry: bool
    after: float | None = None  # seconds the platform asked us to wait (Retry-After)
    status: int | None = None  # the HTTP status, for the log


@dataclass(frozen=True)
class Backoff:
    """How often and how long to try: `attempts` in all, waits from `first` doubling up to `cap`."""

    attempts: int = 5
    first: float = 0.5
    cap: float = 8.0
    budget: float = 60.0  # seconds from the first try after which no new try starts

    def wait(self, attempt: int, asked: float | None) -> float:
        """Return the pause before try number `attempt + 1` (0-based `attempt` just failed)."""
        if asked is not None:
            return max(0.0, asked)
        return min(self.cap, self.first * 2**attempt)


DEFAULT = Backoff()


def _next_wait(policy: Backoff, attempt: int, verdict: Verdict, started: float) -> float | None:
    """Return how long to wait before trying again, or None when this failure is final."""
    if not verdict.retry or attempt >= policy.attempts - 1:
        return None
    pause = policy.wait(attempt, verdict.after)
    if time.monotonic() + pause - started > policy.budget:
        return None
    return pause


def _log_retry(what: str, exc: BaseException, verdict: Verdict, attempt: int, pause: float) -> None:
    log.info(
        "retry %s after %s%s (attempt %d, waiting %.1f s)",
        what,
        type(exc).__name__,
        f" {verdict.status}" if verdict.status else "",
        attempt + 1,
        pause,
    )


def retry_sync(
    fn: Callable[[], T],
    judge: Callable[[BaseException], Verdict],
    *,
    what: str,
    policy: Backoff = DEFAULT,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """Call `fn` until it succeeds or a failure is final (raised); for SDKs that block (LINE)."""
    started = time.monotonic()
    attempt = 0
    while True:
        try:
            return fn()
        except Exception as exc:
            verdict = judge(exc)
            pause = _next_wait(policy, attempt, verdict, started)
            if pause is None:
                raise
            _log_retry(what, exc, verdict, attempt, pause)
            sleep(pause)
            attempt += 1


async def retry_async(
    fn: Callable[[], Awaitable[T]],
    judge: Callable[[BaseException], Verdict],
    *,
    what: str,
    policy: Backoff = DEFAULT,
) -> T:
    """Await `fn()` until it succeeds or a failure is final (raised); for async SDKs (Telegram)."""
    started = time.monotonic()
    attempt = 0
    while True:
        try:
            return await fn()
        except Exception as exc:
            verdict = judge(exc)
            pause = _next_wait(policy, attempt, verdict, started)
            if pause is None:
                raise
            _log_retry(what, exc, verdict, attempt, pause)
            await asyncio.sleep(pause)
            attempt += 1


def retry_after_header(headers: object) -> float | None:
    """Return the seconds a Retry-After header asks for (numbers only), or None."""
    if headers is None:
        return None
    getter = getattr(headers, "get", None)
    value = getter("Retry-After") or getter("retry-after") if getter else None
    try:
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None
