"""Telegram channel: map updates to Inbound and each Reply to Telegram messages.

A thin adapter over python-telegram-bot: the dialogue core never sees a
Telegram type, and the allowlist, per-user ordering and dialogue threads are
the shared bot.channels.runtime. Long polling for development (`run`); in
production bot.channels.server mounts the webhook route below beside LINE's
and checks Telegram's secret-token header. Only what an officer sent is
answered: service messages (members joining, pins, title changes ...) and
edits are not. Each update_id is claimed once in the session database, so a
redelivery is not answered twice, even after a restart; a send that fails on
the network, a 5xx or flood control is tried again with backoff.

Over 400 lines: the update handlers, the reply rendering, the retries and the
webhook route are one adapter of one SDK; the pure rendering is already apart
in telegram_render.py, the shared retry loop in delivery.py.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dtm
import hashlib
import hmac
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, TypeVar
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from telegram import Bot, Chat, InlineKeyboardButton, InlineKeyboardMarkup, Update, WebAppInfo
from telegram.constants import ChatAction, ChatType, ParseMode
from telegram.error import BadRequest, ChatMigrated, Conflict, NetworkError, RetryAfter, TelegramError
from telegram.ext import Application, CallbackQueryHandler, ContextTypes, MessageHandler, filters

from bot.channels.chat_files import FileReader, limits_from
from bot.channels.delivery import Backoff, Verdict, retry_async
from bot.channels.reminders import schedule_telegram
from bot.channels.runtime import (
    DIALOGUE_WORKERS,
    REFUSAL_MEMORY,
    ChannelApp,
    ChannelRuntime,
    Dialogue,
    RateLimit,
    RefusalMemory,
    log_failure,
    meanwhile,
)
from bot.channels.telegram_files import TelegramFiles
from bot.channels.telegram_http import AiohttpRequest
from bot.channels.telegram_render import (
    MAX_MESSAGE,
    Button,
    caption_for,
    card_html,
    card_plain,
    editor_row,
    keyboard_rows,
    split_text,
    units,
)
from bot.channels.telegram_tokens import ChoiceTokens, needs_token
from bot.channels.webhook_input import BodyTooLarge, parse_object, read_capped
from bot.dialogue.messages import Card, Document, Inbound, Reply
from bot.dialogue.seen_events import SeenEvents
from bot.settings import Settings
from bot.web import is_draft_reply, link_issuer
from bot.wording import (
    RATE_LIMITED,
    RESEND_AFTER_RESTART,
    TELEGRAM_BUTTON_EXPIRED,
    TELEGRAM_CHOOSE,
    TELEGRAM_FAILURE,
    TELEGRAM_REFUSAL,
)

log = logging.getLogger(__name__)

CHANNEL = "telegram"
WEBHOOK_PATH = "/telegram/webhook"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_UPDATE_BYTES = 1_000_000  # a Telegram update is a few KB; refuse anything absurd before parsing
TYPING_AFTER = 1.0  # seconds: quick answers come without "typing…" (one Bot API call fewer per turn)
TYPING_EVERY = 4.0  # Telegram clears "typing…" after about 5 s, so repeat it while the dialogue works
# A send failing on the network, a 5xx or flood control (429, after its retry_after) is tried again.
SEND_RETRY = Backoff(attempts=5, first=0.5, cap=8.0, budget=60.0)
MAX_FLOOD_WAIT = 30.0  # seconds: a longer retry_after is cut short rather than holding the turn
# What an officer can send: answered. Anything else in a message update is a service message
# (members joined or left, a pin, a new title, a video chat, a forum topic ...) and is ignored;
# a whitelist, so service kinds Telegram adds later are ignored too.
USER_CONTENT = (
    filters.TEXT
    | filters.COMMAND
    | filters.Sticker.ALL
    | filters.PHOTO
    | filters.Document.ALL
    | filters.AUDIO
    | filters.VOICE
    | filters.VIDEO
    | filters.VIDEO_NOTE
    | filters.ANIMATION
    | filters.CONTACT
    | filters.LOCATION
    | filters.POLL
    | filters.Dice.ALL
    | filters.STORY
)
# Seconds the HTTP client waits: 100 officers at once must queue for a connection, not fail, and
# documents are uploaded within the write timeout.
POOL_TIMEOUT, CONNECT_TIMEOUT, READ_TIMEOUT, WRITE_TIMEOUT = 10.0, 10.0, 30.0, 60.0
# Bot API connections kept open: far above the ~30 messages/s Telegram accepts from one bot.
CONNECTIONS = 32

T = TypeVar("T")


class TelegramChannel:
    """Serve one bot: Telegram updates in, rendered Replies out, through the shared runtime."""

    def __init__(
        self,
        dialogue: Dialogue,
        allowed: frozenset[str],
        *,
        workers: int = DIALOGUE_WORKERS,
        refused_memory: int = REFUSAL_MEMORY,
        seen: SeenEvents | None = None,
        rate: RateLimit | None = None,
        retry: Backoff = SEND_RETRY,
        tokens: ChoiceTokens | None = None,
    ) -> None:
        # A user is refused once for as long as they are remembered.
        self.runtime = ChannelRuntime(
            dialogue,
            name=CHANNEL,
            allowed=allowed,
            failure=TELEGRAM_FAILURE,
            workers=workers,
            refusals=RefusalMemory(size=refused_memory),
            seen=seen,
            rate=rate,
            slow_down=RATE_LIMITED,
        )
        # Long button payloads, stored where every instance finds them (the session database).
        self.tokens = tokens or ChoiceTokens(seen.engine if seen is not None else None)
        self.retry = retry
        self.editor_link: Callable[[str], str] | None = None  # web table editor links (bot/web), if set
        self.files: TelegramFiles | None = None  # documents and photos read (bot/channels/chat_files.py)

    def install(self, application: Application) -> None:
        """Register the handlers: what an officer sent (new messages only) and button presses.

        Edited messages, service messages and every other update kind match no handler: no reply.
        """
        message = filters.UpdateType.MESSAGE
        application.add_handler(MessageHandler(message & USER_CONTENT, self.on_message))
        application.add_handler(CallbackQueryHandler(self.on_callback))
        application.add_error_handler(self.on_error)

    # ------------------------------------------------------------ updates
    async def on_message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Turn a message (text, /command, sticker, photo ...) into an Inbound and answer it."""
        msg, user = update.effective_message, update.effective_user
        if msg is None or user is None or user.is_bot:
            return
        if msg.text is not None:
            text = _command_text(msg.text, context.bot.username)
            if text is None:  # a /command addressed to another bot in the same group
                return
            kind = "text"
        else:
            text, kind = "", "sticker" if msg.sticker else "other"
        inbound = _inbound(msg.chat, user.id, text=text, kind=kind)
        if self.files is not None and msg.text is None and self.files.has_file(msg):  # read in the turn
            inbound = self.files.inbound(inbound, msg)
        await self.serve(inbound, context.bot, event_id=str(update.update_id))

    async def on_callback(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Acknowledge a button press at once, then treat its payload as the officer's choice."""
        query, user = update.callback_query, update.effective_user
        if query is None or user is None:
            return
        with contextlib.suppress(TelegramError):
            await query.answer()  # stops the spinner on the button even if the dialogue takes seconds
        message = query.message
        chat = message.chat if message is not None else None
        pressed = _inbound(chat, user.id, text="", kind="choice")
        if not self.runtime.is_allowed(pressed.user_id):  # refused before "expired": say nothing else
            await self.runtime.refuse(pressed, lambda: self._refuse(context.bot, pressed))
            return
        data = query.data or ""
        payload = await asyncio.to_thread(self.tokens.decode, pressed.chat_id, data) if data else ""
        if not payload:  # a button no instance sent (or one pruned long ago): a hint, nothing saved
            await self.send_reply(context.bot, pressed.chat_id, Reply(texts=[TELEGRAM_BUTTON_EXPIRED]))
            return
        if message is not None:
            # Take the keyboard off the answered question so an old button is not pressed twice.
            with contextlib.suppress(TelegramError):
                await query.edit_message_reply_markup(reply_markup=None)
        inbound = _inbound(chat, user.id, text=payload, kind="choice", choice=payload)
        await self.serve(inbound, context.bot, event_id=str(update.update_id))

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log handler failures by type only: message bodies and tokens never reach the log."""
        log_failure("telegram update failed", context.error)

    # ------------------------------------------------------------ serving
    def close(self) -> None:
        """Let the dialogue threads finish their current work and end."""
        self.runtime.close(wait=True)

    async def serve(self, inbound: Inbound, bot: Bot, *, event_id: str = "") -> None:
        """Answer one Inbound through the runtime, showing "typing…" while the dialogue works."""

        async def send(reply: Reply, _seconds: float) -> None:
            editor = (
                self.editor_link(inbound.session_key) if self.editor_link and is_draft_reply(reply) else ""
            )
            await self.send_reply(
                bot, inbound.chat_id, reply, editor_url=editor, private=not inbound.group_id
            )
            if reply.documents:
                log.info("telegram: export of %d documents sent", len(reply.documents))

        await self.runtime.serve(
            inbound,
            refuse=lambda: self._refuse(bot, inbound),
            prepare=_as_is,
            send=send,
            working=lambda: self._typing_while(bot, inbound.chat_id),
            event_id=event_id,
        )

    async def recover(self, bot: Bot) -> int:
        """Ask officers whose messages were in flight when an earlier run stopped to send them again."""

        async def notify(chat_id: str) -> None:
            await self.call(bot.send_message, chat_id, RESEND_AFTER_RESTART)

        return await self.runtime.ask_to_resend(notify)

    async def call(self, method: Callable[..., Awaitable[T]], *args: Any, **kwargs: Any) -> T:
        """Call a Bot API method, trying again on network errors, 5xx and flood control (429)."""
        return await retry_async(
            lambda: method(*args, **kwargs), _judge, what="telegram send", policy=self.retry
        )

    async def _refuse(self, bot: Bot, inbound: Inbound) -> None:
        await self.send_reply(
            bot, inbound.chat_id, Reply(texts=[TELEGRAM_REFUSAL.format(user_id=inbound.user_id)])
        )

    @contextlib.asynccontextmanager
    async def _typing_while(self, bot: Bot, chat_id: str) -> AsyncIterator[None]:
        # Telegram asks bots to show "typing…" only when an answer takes noticeably long (as LINE's
        # loading dots, bot/channels/line.py): most replies come well within TYPING_AFTER.
        async with meanwhile(self._keep_typing(bot, chat_id)):
            yield

    async def _typing(self, bot: Bot, chat_id: str) -> None:
        with contextlib.suppress(TelegramError):  # a lost "typing…" must never cost the answer
            await bot.send_chat_action(chat_id, ChatAction.TYPING)

    async def _keep_typing(self, bot: Bot, chat_id: str) -> None:
        await asyncio.sleep(TYPING_AFTER)
        while True:
            await self._typing(bot, chat_id)
            await asyncio.sleep(TYPING_EVERY)

    # ------------------------------------------------------------ rendering
    async def send_reply(
        self, bot: Bot, chat_id: str, reply: Reply, *, editor_url: str = "", private: bool = True
    ) -> None:
        """Send texts, then the cards (as few messages as fit), then documents; buttons go on the last message."""
        parts = outgoing(reply)
        markup = None
        if reply.choices:
            if any(needs_token(c.payload) for c in reply.choices):  # stored in the database, off the loop
                rows = await asyncio.to_thread(keyboard_rows, reply.choices, chat_id, self.tokens)
            else:
                rows = keyboard_rows(reply.choices, chat_id, self.tokens)
            if editor_url:  # the web table editor under the draft (issue 17)
                rows.append(editor_row(editor_url, private_chat=private))
            markup = InlineKeyboardMarkup([[_inline_button(b) for b in row] for row in rows])
        for i, (_kind, value) in enumerate(parts):
            extra = {"reply_markup": markup} if markup is not None and i == len(parts) - 1 else {}
            if isinstance(value, str):
                await self.call(bot.send_message, chat_id, value, **extra)
            elif isinstance(value, tuple):
                await self._send_cards(bot, chat_id, value, extra)
            else:
                caption = caption_for(value.caption) if value.caption else None
                await self.call(
                    bot.send_document,
                    chat_id,
                    document=value.content,
                    filename=value.filename,
                    caption=caption,
                    **extra,
                )

    async def _send_cards(self, bot: Bot, chat_id: str, cards: tuple[Card, ...], extra: dict) -> None:
        html = CARD_GAP.join(card_html(card) for card in cards)
        try:
            await self.call(bot.send_message, chat_id, html, parse_mode=ParseMode.HTML, **extra)
        except BadRequest:  # markup Telegram refuses to parse: the plain cards still read well
            await self.call(bot.send_message, chat_id, CARD_GAP.join(card_plain(c) for c in cards), **extra)


Outgoing = str | tuple[Card, ...] | Document  # one Telegram message: a text, cards or a document
# Cards in one message are set apart by a blank line. A draft's rows go as few messages as fit
# (4,096 characters each), not one message a row: Telegram allows a bot about one message a second
# in a chat, and each message is a Bot API call (issue 15: ten rows were eleven calls a turn).
CARD_GAP = "\n\n"


def _inline_button(button: Button) -> InlineKeyboardButton:
    if button.web_app:
        return InlineKeyboardButton(button.text, web_app=WebAppInfo(button.url))
    if button.url:
        return InlineKeyboardButton(button.text, url=button.url)
    return InlineKeyboardButton(button.text, callback_data=button.data)


def _as_is(_inbound: Inbound, reply: Reply) -> Reply:
    """Telegram renders on the event loop (sending is async), so the worker returns the Reply itself."""
    return reply


def outgoing(reply: Reply) -> list[tuple[str, Outgoing]]:
    """Return the messages a Reply becomes, in order: ("text", str) | ("cards", (Card, ...)) | ("document", Document).

    Consecutive cards share a message while they fit in one; a card longer than a message is sent
    as split plain text.
    """
    parts: list[tuple[str, Outgoing]] = []
    for text in reply.texts:
        parts += [("text", chunk) for chunk in split_text(text)]
    group: list[Card] = []
    size = 0
    for card in reply.cards:
        length = units(card_html(card))  # the markup too: within the limit before Telegram parses it
        if group and size + units(CARD_GAP) + length > MAX_MESSAGE:
            parts.append(("cards", tuple(group)))
            group, size = [], 0
        if length > MAX_MESSAGE:  # (the group before it was sent just above)
            parts += [("text", chunk) for chunk in split_text(card_plain(card))]
            continue
        size += (units(CARD_GAP) if group else 0) + length
        group.append(card)
    if group:
        parts.append(("cards", tuple(group)))
    parts += [("document", doc) for doc in reply.documents]
    if reply.choices and not parts:
        parts.append(("text", TELEGRAM_CHOOSE))  # buttons need a message to sit on
    return parts


def _judge(exc: BaseException) -> Verdict:
    """Tell whether a failed Bot API call is worth another try: flood control, network errors, 5xx."""
    if isinstance(exc, RetryAfter):
        wait = exc.retry_after
        seconds = wait.total_seconds() if isinstance(wait, dtm.timedelta) else float(wait)
        return Verdict(True, min(seconds, MAX_FLOOD_WAIT), 429)
    # BadRequest (400), Conflict (409) and ChatMigrated are NetworkErrors in python-telegram-bot,
    # but the same request would fail again; the rest (timeouts, resets, 5xx) may not.
    final = (BadRequest, Conflict, ChatMigrated)
    return Verdict(isinstance(exc, NetworkError) and not isinstance(exc, final))


def _command_text(text: str, bot_username: str | None) -> str | None:
    """Return the text with '/cmd@ThisBot' reduced to '/cmd'; None if the command names another bot."""
    if not text.startswith("/"):
        return text
    head, sep, rest = text.partition(" ")
    command, at, target = head.partition("@")
    if at:
        if not bot_username or target.lower() != bot_username.lower():
            return None
        return f"{command}{sep}{rest}"
    return text


def _inbound(chat: Chat | None, user_id: int, *, text: str, kind: str, choice: str = "") -> Inbound:
    """Build the Inbound; in a group the session is per user within that group."""
    chat_id = str(chat.id) if chat is not None else str(user_id)
    in_group = chat is not None and chat.type in (ChatType.GROUP, ChatType.SUPERGROUP)
    return Inbound(
        channel=CHANNEL,
        user_id=str(user_id),
        text=text,
        chat_id=chat_id,
        group_id=chat_id if in_group else "",
        choice=choice,
        kind=kind,
    )


# ---------------------------------------------------------------- application
def file_base_url(base_url: str) -> str:
    """Return the file download base for a Bot API base ('…/bot' -> '…/file/bot')."""
    base = base_url.rstrip("/")
    head, _, last = base.rpartition("/")
    return f"{head}/file/{last}"


def build_application(
    settings: Settings,
    dialogue: Dialogue,
    *,
    workers: int = DIALOGUE_WORKERS,
    seen: SeenEvents | None = None,
    retry: Backoff = SEND_RETRY,
) -> Application:
    """Build the python-telegram-bot Application for this dialogue (no network until it starts).

    The Bot API base URL comes from settings so an agency's own Bot API server
    (or a test's fake) is used; without a webhook URL it gets a polling updater.
    """
    token = settings.telegram_bot_token.get_secret_value()
    if not token:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    # httpx logs every request URL at INFO, and the Bot API URL contains the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    base = settings.telegram_base_url.rstrip("/")
    builder = (
        Application.builder()
        .token(token)
        .base_url(base)
        .base_file_url(file_base_url(base))
        .concurrent_updates(True)
        .request(  # Bot API calls over aiohttp: a third of httpx's CPU per call (telegram_http.py)
            AiohttpRequest(
                connections=CONNECTIONS,
                connect_timeout=CONNECT_TIMEOUT,
                read_timeout=READ_TIMEOUT,
                write_timeout=WRITE_TIMEOUT,  # documents are uploaded within this
                pool_timeout=POOL_TIMEOUT,  # 100 officers at once must queue for a connection, not fail
            )
        )
    )
    if settings.telegram_webhook_url:
        builder = builder.updater(None)  # updates arrive through telegram_webhook_routes
    application = builder.build()
    allowed = Settings.ids(settings.telegram_allowed_users)
    if not allowed:
        log.warning("TELEGRAM_ALLOWED_USERS is empty: every Telegram user may use this bot")
    rate = RateLimit(per=settings.rate_limit_messages, seconds=settings.rate_limit_seconds)
    reader = FileReader(dialogue, limits_from(settings))  # documents and photos: downloaded, then read
    channel = TelegramChannel(reader, allowed, workers=workers, seen=seen, rate=rate, retry=retry)
    channel.files = TelegramFiles(token, base, file_base_url(base))
    # The web table editor's button on draft messages, when the webhook server (which serves it) runs.
    channel.editor_link = link_issuer(settings) if settings.telegram_webhook_url else None
    channel.install(application)
    application.bot_data["channel"] = channel
    reminders = getattr(dialogue, "reminders", None)  # the full Dialogue has them; a test's stand-in may not
    if reminders is not None:  # reminders before each reporting round, on the JobQueue
        schedule_telegram(application, reminders, settings.reminder_check_seconds)
    return application


def webhook_secret(settings: Settings) -> str:
    """Return the webhook secret: the configured one, else one derived from the bot token.

    Deriving it means a webhook is never left unauthenticated by a missing
    setting, and it stays the same across restarts.
    """
    configured = settings.telegram_webhook_secret.get_secret_value()
    if configured:
        return configured
    token = settings.telegram_bot_token.get_secret_value().encode()
    return hmac.new(token, b"ita-bot telegram webhook", hashlib.sha256).hexdigest()


def webhook_url(settings: Settings) -> str:
    """Return the public URL for setWebhook: TELEGRAM_WEBHOOK_URL, with our path if it has none."""
    url = settings.telegram_webhook_url.rstrip("/")
    return url if urlsplit(url).path not in ("", "/") else url + WEBHOOK_PATH


def telegram_webhook_routes(application: Application, secret: str) -> list[Route]:
    """Return the POST /telegram/webhook route that queues verified updates for the application."""
    expected = secret.encode("utf-8")

    async def telegram_webhook(request: Request) -> Response:
        given = request.headers.get(SECRET_HEADER, "").encode("utf-8")
        # Constant-time comparison; an empty configured secret verifies nothing, so refuse all.
        if not expected or not hmac.compare_digest(given, expected):
            return Response(status_code=403)
        try:
            body = await read_capped(request, MAX_UPDATE_BYTES)  # never more than the cap in memory
        except BodyTooLarge:
            log.warning("telegram webhook over %d bytes refused", MAX_UPDATE_BYTES)
            return Response(status_code=413)
        except ValueError:
            return Response(status_code=400)
        try:
            update = Update.de_json(parse_object(body), application.bot)
        except Exception:  # malformed, nested too deep, or not an update's shape
            log.warning("telegram webhook with a malformed body refused")
            return Response(status_code=400)
        if update is None:
            return Response(status_code=400)
        await application.update_queue.put(update)
        return Response(status_code=200)

    return [Route(WEBHOOK_PATH, telegram_webhook, methods=["POST"])]


async def start_webhook(application: Application, url: str, secret: str) -> None:
    """Start processing queued updates and register the webhook with Telegram."""
    await application.initialize()
    await application.start()
    await application.bot.set_webhook(url=url, secret_token=secret, allowed_updates=Update.ALL_TYPES)
    await recover(application)


async def _recover_on_start(application: Application) -> None:
    await recover(application)


async def recover(application: Application) -> int:
    """Tell officers whose messages an earlier run left unanswered to send them again (see TelegramChannel)."""
    channel = application.bot_data.get("channel")
    return await channel.recover(application.bot) if channel is not None else 0


async def stop_application(application: Application) -> None:
    """Stop the updater (if polling), the update processing and the HTTP clients."""
    if application.updater is not None and application.updater.running:
        await application.updater.stop()
    if application.running:
        await application.stop()
    await application.shutdown()
    channel = application.bot_data.get("channel")
    if channel is not None:
        await asyncio.get_running_loop().run_in_executor(None, channel.close)


def run(app: ChannelApp) -> int:
    """Serve Telegram by long polling until interrupted (development and small deployments).

    With TELEGRAM_WEBHOOK_URL set, Telegram is served by bot.channels.server.run(app)
    beside LINE instead: polling would unregister that webhook, so it is refused here.
    """
    if app.settings.telegram_webhook_url:
        raise ValueError("TELEGRAM_WEBHOOK_URL is set: Telegram is served by bot.channels.server.run")
    application = build_application(app.settings, app.dialogue, seen=getattr(app, "seen_events", None))
    application.post_init = _recover_on_start
    log.info("telegram: started, long polling")
    application.run_polling(allowed_updates=Update.ALL_TYPES)
    return 0
