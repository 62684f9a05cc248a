"""One short message to an officer's chat from outside a turn (the web table editor's save summary).

The session key says where: "telegram:[group:]user" goes to the group or the user's chat
through the running Bot API application, "line:[group:]user" is pushed through the LINE
channel. Console sessions have no chat to reach: the editor records the summary.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from linebot.v3.messaging import TextMessage
from telegram.ext import Application

from bot.channels.line import LineChannel

Notify = Callable[[str, str], Awaitable[None]]


def chat_notifier(telegram_app: Application | None, line: LineChannel | None) -> Notify:
    """Return notify(session_key, text) over the configured chat channels (a no-op for the others)."""

    async def notify(session_key: str, text: str) -> None:
        channel, _, rest = session_key.partition(":")
        group, _, user = rest.rpartition(":")
        to = group or user
        if channel == "telegram" and telegram_app is not None:
            await telegram_app.bot.send_message(to, text)
        elif channel == "line" and line is not None:
            await asyncio.to_thread(line.deliver, [TextMessage(text=text)], to, None)

    return notify
