"""Files and images sent in chat: downloaded and read in the officer's turn, then answered as text.

A channel knows a file only by reference when its update arrives (a Telegram
file_id, a LINE message id). It builds a `FileInbound` carrying a `fetch`
callable, and `FileReader` — the Dialogue each chat channel's runtime calls —
downloads and reads it in the dialogue worker thread, so the allowlist, the
rate limit and the officer's turn order apply before a byte is fetched and the
event loop never waits on OCR. The dialogue then gets a plain Inbound of kind
"file" whose text is what the file said; a file that cannot be read is answered
here, in Thai, with what to send instead.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from bot import wording as w
from bot.channels.intake import Limits, Problem, read
from bot.channels.runtime import Dialogue
from bot.dialogue.messages import Inbound, Reply
from bot.settings import Settings

log = logging.getLogger(__name__)

FILE_KIND = "file"  # Inbound.kind of a message whose text was read from a file


class TooLarge(Exception):
    """The download grew past the size limit; stopped there."""


class FetchFailed(Exception):
    """The platform did not hand the file over (network, 4xx/5xx, an expired reference)."""


# fetch(max_bytes, deadline) -> the file's bytes; raises TooLarge or FetchFailed.
Fetch = Callable[[int, float], bytes]

MESSAGES: dict[Problem, str] = {
    Problem.TOO_LARGE: w.FILE_TOO_LARGE,
    Problem.WRONG_TYPE: w.FILE_WRONG_TYPE,
    Problem.OFFICE: w.FILE_OFFICE,
    Problem.TOO_MANY_PIXELS: w.FILE_TOO_MANY_PIXELS,
    Problem.DAMAGED: w.FILE_DAMAGED,
    Problem.LOCKED: w.FILE_LOCKED,
    Problem.NO_TEXT: w.FILE_NO_TEXT,
    Problem.TIMEOUT: w.FILE_TIMEOUT,
    Problem.NO_OCR: w.FILE_NO_OCR,
    Problem.FETCH_FAILED: w.FILE_FETCH_FAILED,
}


@dataclass(frozen=True)
class FileInbound(Inbound):
    """An Inbound whose content is a file still on the platform: `fetch` downloads it."""

    fetch: Fetch | None = field(default=None, compare=False, repr=False)
    size: int | None = None  # the size the platform declared, if it did
    refused: Problem | None = None  # known before downloading (a video, an audio file)


def limits_from(settings: Settings) -> Limits:
    """The limits on one file sent in chat, from Settings."""
    return Limits(max_bytes=int(settings.chat_file_max_mb * 1024 * 1024), seconds=settings.chat_file_seconds)


def problem_text(problem: Problem, limits: Limits) -> str:
    """The Thai answer to a file that could not be read."""
    return MESSAGES[problem].format(limit=f"{limits.max_bytes / (1024 * 1024):g}")


class FileReader:
    """A Dialogue that reads a FileInbound's file into text before the real dialogue sees it."""

    def __init__(self, dialogue: Dialogue, limits: Limits, *, at_once: int = 0) -> None:
        self.dialogue = dialogue
        self.limits = limits
        # OCR is CPU-bound: files are read a few at a time (one per core), the rest wait their turn
        # within their own deadline, so a burst of screenshots cannot starve typed messages.
        self._slots = threading.BoundedSemaphore(at_once or max(1, os.cpu_count() or 1))

    def handle(self, inbound: Inbound) -> Reply:
        """Answer one Inbound; a file is downloaded and read first (in this worker thread)."""
        if not isinstance(inbound, FileInbound):
            return self.dialogue.handle(inbound)
        text, problem = self.read(inbound)
        if problem is not None:
            log.info("%s: a file sent in chat was refused (%s)", inbound.channel, problem.value)
            return Reply(texts=[problem_text(problem, self.limits)])
        plain = Inbound(
            channel=inbound.channel,
            user_id=inbound.user_id,
            text=text,
            chat_id=inbound.chat_id,
            group_id=inbound.group_id,
            kind=FILE_KIND,
        )
        return self.dialogue.handle(plain)

    def read(self, inbound: FileInbound) -> tuple[str, Problem | None]:
        """Download and read the file: (text, None) or ("", the problem)."""
        if inbound.refused is not None:
            return "", inbound.refused
        if inbound.size is not None and inbound.size > self.limits.max_bytes:
            return "", Problem.TOO_LARGE  # declared too large: not downloaded at all
        if inbound.fetch is None:
            return "", Problem.FETCH_FAILED
        started = time.monotonic()
        deadline = started + self.limits.seconds
        try:
            data = inbound.fetch(self.limits.max_bytes, deadline)
        except TooLarge:
            return "", Problem.TOO_LARGE
        except (FetchFailed, TimeoutError):
            return "", Problem.FETCH_FAILED
        if not self._slots.acquire(timeout=max(0.0, deadline - time.monotonic())):
            return "", Problem.TIMEOUT
        try:
            left = Limits(
                max_bytes=self.limits.max_bytes,
                max_pixels=self.limits.max_pixels,
                max_pages=self.limits.max_pages,
                seconds=max(1.0, deadline - time.monotonic()),
            )
            reading = read(data, left)
        finally:
            self._slots.release()
        log.info(
            "%s: a %s file read (%s) in %.1f s",
            inbound.channel,
            reading.kind.value,
            reading.how or (reading.problem.value if reading.problem else "?"),
            time.monotonic() - started,
        )
        return reading.text, reading.problem


def download(stream: Callable[[], object], max_bytes: int, deadline: float) -> bytes:
    """Read an httpx streaming response (opened by `stream()`) into bytes, within size and time.

    Raises TooLarge past `max_bytes` (a declared Content-Length over it is refused unread),
    FetchFailed on a network error or an error status, TimeoutError past the deadline.
    """
    import httpx  # noqa: PLC0415 - only the file paths need it here

    try:
        with stream() as response:  # type: ignore[attr-defined]
            if response.status_code != 200:
                raise FetchFailed(f"HTTP {response.status_code}")
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise TooLarge(declared)
            chunks, total = [], 0
            for chunk in response.iter_bytes():
                total += len(chunk)
                if total > max_bytes:
                    raise TooLarge(str(total))
                if time.monotonic() > deadline:
                    raise TimeoutError("download took too long")
                chunks.append(chunk)
            return b"".join(chunks)
    except httpx.HTTPError as err:
        raise FetchFailed(type(err).__name__) from err
