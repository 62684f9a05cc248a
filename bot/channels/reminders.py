"""Sending the reminders that are due (bot.dialogue.reminders) on one channel.

Telegram runs `ReminderRunner.run_due` on python-telegram-bot's JobQueue (`schedule_telegram`);
LINE runs it in a loop beside its webhook (`run_forever`, the server's lifespan) and pushes. Each
reminder is claimed in the database before it is sent, so it goes out at most once whichever
instance sees it, and one that fell due while the bot was stopped goes out at the next start. A
round whose deadline has passed is moved on without a message: a late "the deadline is near"
would be wrong.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from bot import wording as w
from bot.dialogue.reminders import Reminder, ReminderBook, round_deadline_at
from bot.thai import round_deadline

if TYPE_CHECKING:
    from telegram.ext import Application

log = logging.getLogger(__name__)

Send = Callable[[str, str], Awaitable[None]]  # (chat id, text)


def chat_of(session_key: str) -> str:
    """The chat a reminder goes to: "telegram:42" -> "42"; in a group, "line:G1:U2" -> the group "G1"."""
    parts = session_key.split(":")
    return parts[1] if len(parts) >= 2 else ""


def reminder_text(reminder: Reminder) -> str:
    """The reminder's message: the round, its fiscal year and its deadline."""
    return w.REMIND_TEXT.format(
        months=reminder.round_months,
        year=reminder.fiscal_year,
        deadline=round_deadline(reminder.fiscal_year, reminder.round_months),
    )


class ReminderRunner:
    """Send one channel's due reminders (`channel`: the session keys' prefix, "telegram" or "line")."""

    def __init__(
        self, book: ReminderBook, channel: str, send: Send, *, clock: Callable[[], datetime] | None = None
    ) -> None:
        self.book = book
        self.prefix = f"{channel}:"
        self.send = send
        self.clock = clock or (lambda: datetime.now(UTC))

    async def run_due(self) -> int:
        """Send every due reminder of this channel once; return how many were sent."""
        now = self.clock()
        due = await asyncio.to_thread(self.book.due, now)
        sent = 0
        for reminder in due:
            if not reminder.session_key.startswith(self.prefix):
                continue
            if not await asyncio.to_thread(self.book.claim, reminder, now):
                continue  # another instance sent it
            if now > round_deadline_at(reminder.fiscal_year, reminder.round_months):
                continue  # the round is over: moved on, nothing said
            try:
                await self.send(chat_of(reminder.session_key), reminder_text(reminder))
                sent += 1
            except Exception as exc:  # one failed chat does not hold up the others
                log.warning("reminder not delivered (%s)", type(exc).__name__)
        return sent

    async def run_forever(self, every: float) -> None:
        """Check for due reminders every `every` seconds until cancelled."""
        while True:
            try:
                await self.run_due()
            except Exception as exc:  # a database hiccup: try again at the next tick
                log.warning("reminder check failed (%s)", type(exc).__name__)
            await asyncio.sleep(every)


def schedule_telegram(application: Application, book: ReminderBook, every: float) -> bool:
    """Check for due reminders on the application's JobQueue (first at start); False without a JobQueue."""
    queue = application.job_queue
    if queue is None:
        log.warning("telegram: no JobQueue (python-telegram-bot[job-queue] missing): reminders are off")
        return False

    async def send(chat_id: str, text: str) -> None:
        await application.bot.send_message(chat_id=chat_id, text=text)

    runner = ReminderRunner(book, "telegram", send)

    async def tick(_context: Any) -> None:
        await runner.run_due()

    queue.run_repeating(tick, interval=every, first=0.5, name="progress-reminders")
    return True
