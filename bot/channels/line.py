"""LINE adapter: verify webhooks, map events to Inbound, deliver Replies by reply token or push.

Thin by design: the dialogue decides what to say and bot.channels.runtime does
the allowlist, per-user ordering and dialogue threads; this module only knows
LINE's signature, event shapes, limits (see line_render), reply tokens and the
fact that documents must travel as links. The webhook answers 200 at once and does
the work in a background task, because LINE retries slow webhooks and reply
tokens expire; replies that miss the token go by push, and a push that fails on
the network, a 5xx or a 429 is tried again with backoff (bot.channels.delivery).
The body is read with a cap before the signature is checked
(bot.channels.webhook_input), and each event is claimed once in the session
database, so a redelivery is not answered twice, even after a restart.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import urllib3
from linebot.v3.exceptions import InvalidSignatureError
from linebot.v3.messaging import (
    ApiClient,
    Configuration,
    MessagingApi,
    PushMessageRequest,
    ReplyMessageRequest,
    ShowLoadingAnimationRequest,
    TextMessage,
)
from linebot.v3.webhook import WebhookParser
from linebot.v3.webhooks import (
    FollowEvent,
    GroupSource,
    MessageEvent,
    PostbackEvent,
    RoomSource,
    StickerMessageContent,
    TextMessageContent,
)
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from bot.channels.chat_files import FileReader, limits_from
from bot.channels.delivery import Backoff, Verdict, retry_after_header, retry_sync
from bot.channels.line_files import LineFiles, data_host
from bot.channels.line_render import Link, batches, render_reply
from bot.channels.links import LinkStore
from bot.channels.runtime import (
    DIALOGUE_WORKERS,
    ChannelRuntime,
    Dialogue,
    RateLimit,
    RefusalMemory,
    log_failure,
    meanwhile,
)
from bot.channels.webhook_input import BodyTooLarge, read_capped
from bot.dialogue.messages import Inbound, Reply
from bot.dialogue.seen_events import SeenEvents
from bot.settings import Settings
from bot.web import is_draft_reply, link_issuer
from bot.wording import LINE_FAILURE, LINE_REFUSAL, RATE_LIMITED, RESEND_AFTER_RESTART

log = logging.getLogger(__name__)

CHANNEL = "line"
WEBHOOK_PATH = "/line/webhook"
MAX_BODY = 1_000_000  # LINE webhooks are a few KB; refuse anything huge before reading it
PUSH_AFTER = 20.0  # seconds: a reply token may have expired by then, so push instead of replying
LOADING_AFTER = 1.0  # seconds: quick answers come without the loading dots flashing up
LOADING_SECONDS = 60  # how long LINE shows the dots at most; the answer ends them sooner
LINK_TTL_HOURS = 24.0  # download links live this long unless settings say otherwise
API_WORKERS = 8  # threads (and pooled connections) for Messaging API calls
# One refusal per user and chat per hour, so a group conversation is not flooded.
REFUSAL_WINDOW = 3600.0
# A push that fails on the network, with a 5xx or a 429 is tried again: up to 5 times within 60 s.
PUSH_RETRY = Backoff(attempts=5, first=0.5, cap=8.0, budget=60.0)

Result = TypeVar("Result")


class LineChannel:
    """The LINE Messaging API channel: POST /line/webhook in, reply/push out."""

    def __init__(
        self,
        *,
        channel_secret: str,
        access_token: str,
        dialogue: Dialogue,
        links: LinkStore,
        api_host: str = "https://api.line.me",
        allowed_users: frozenset[str] = frozenset(),
        push_after: float = PUSH_AFTER,
        loading_after: float = LOADING_AFTER,
        ttl_hours: float = LINK_TTL_HOURS,
        workers: int = API_WORKERS,
        dialogue_workers: int = DIALOGUE_WORKERS,
        seen: SeenEvents | None = None,
        rate: RateLimit | None = None,
        retry: Backoff = PUSH_RETRY,
    ) -> None:
        self.parser = WebhookParser(channel_secret)
        self.links = links
        self.runtime = ChannelRuntime(
            dialogue,
            name=CHANNEL,
            allowed=allowed_users,
            failure=LINE_FAILURE,
            workers=dialogue_workers,
            refusals=RefusalMemory(window=REFUSAL_WINDOW),
            refusal_key=lambda inbound: f"{inbound.chat_id}:{inbound.user_id}",
            seen=seen,
            rate=rate,
            slow_down=RATE_LIMITED,
        )
        self.retry = retry
        self.push_after = push_after  # reply tokens expire: after this long, push instead
        self.loading_after = loading_after
        self.ttl_hours = ttl_hours
        self.editor_link: Callable[[str], str] | None = None  # web table editor links (bot/web), if set
        self.files: LineFiles | None = None  # image and file messages read (bot/channels/chat_files.py)
        # LINE fetches images itself and only over https, so only then send PNG charts as images.
        self.images = links.base_url.startswith("https://")
        config = Configuration(host=api_host.rstrip("/"), access_token=access_token)
        config.connection_pool_maxsize = workers
        self.api = MessagingApi(ApiClient(config))
        # API calls get their own threads so slow drafting never starves delivery.
        self._io = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="line-api")
        self._tasks: set[asyncio.Task] = set()
        if not self.runtime.allowed:
            log.warning("LINE_ALLOWED_USERS is empty: every LINE user may use the bot")

    @classmethod
    def from_settings(
        cls, settings: Settings, dialogue: Dialogue, links: LinkStore, **options: Any
    ) -> LineChannel:
        """Build the channel from Settings (secret, token, API host, allowlist, link TTL)."""
        options.setdefault(
            "rate", RateLimit(per=settings.rate_limit_messages, seconds=settings.rate_limit_seconds)
        )
        channel = cls(
            channel_secret=settings.line_channel_secret.get_secret_value(),
            access_token=settings.line_channel_access_token.get_secret_value(),
            api_host=settings.line_api_host,
            dialogue=FileReader(dialogue, limits_from(settings)),  # images and files: downloaded, then read
            links=links,
            allowed_users=settings.ids(settings.line_allowed_users),
            ttl_hours=settings.link_ttl_hours,
            **options,
        )
        # The web table editor's link with draft replies (in LINE's LIFF app when LINE_LIFF_ID is set).
        channel.editor_link = link_issuer(settings, liff=True)
        token = settings.line_channel_access_token.get_secret_value()
        channel.files = LineFiles(token, data_host(settings))
        return channel

    def routes(self) -> list[Route]:
        """Return the webhook route."""
        return [Route(WEBHOOK_PATH, self.webhook, methods=["POST"])]

    # ------------------------------------------------------------ webhook
    async def webhook(self, request: Request) -> PlainTextResponse:
        """Verify the signature over the raw body, queue each event, answer 200 at once."""
        signature = request.headers.get("x-line-signature")
        if not signature:
            log.warning("LINE webhook without X-Line-Signature refused")
            return PlainTextResponse("missing signature", status_code=400)
        try:
            raw = await read_capped(request, MAX_BODY)  # never more than the cap in memory
        except BodyTooLarge:
            log.warning("LINE webhook over %d bytes refused", MAX_BODY)
            return PlainTextResponse("too large", status_code=413)
        except ValueError:
            return PlainTextResponse("bad content-length", status_code=400)
        try:
            # The SDK signs text.encode("utf-8"): decoding valid UTF-8 round-trips to the exact bytes.
            events = self.parser.parse(raw.decode("utf-8"), signature)
        except InvalidSignatureError:
            log.warning("LINE webhook with an invalid signature refused")
            return PlainTextResponse("invalid signature", status_code=400)
        except Exception:  # malformed, not UTF-8, nested too deep (RecursionError), wrong shapes
            log.warning("LINE webhook with a malformed body refused")
            return PlainTextResponse("malformed body", status_code=400)
        for event in events:
            task = asyncio.create_task(self._process(event))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        return PlainTextResponse("OK")

    async def recover(self) -> int:
        """Ask officers whose messages were in flight when an earlier run stopped to send them again."""

        async def notify(chat_id: str) -> None:
            await self._run(self._push, chat_id, [TextMessage(text=RESEND_AFTER_RESTART)])

        return await self.runtime.ask_to_resend(notify)

    async def push_text(self, to: str, text: str) -> None:
        """Push one text to a user or group outside any turn (the round reminders)."""
        await self._run(self._push, to, [TextMessage(text=text)])

    async def drain(self, timeout: float | None = None) -> None:
        """Wait until every queued event has been answered (tests, graceful shutdown)."""
        while self._tasks:
            done, _ = await asyncio.wait(set(self._tasks), timeout=timeout)
            if not done:
                return

    async def ping(self) -> None:
        """Call the Messaging API once (the bot's info), raising if it cannot be reached (readiness)."""
        await self._run(self.api.get_bot_info)

    def close(self) -> None:
        """Release the API threads and connections."""
        self._io.shutdown(wait=False, cancel_futures=True)
        self.runtime.close(wait=False)
        self.api.api_client.close()

    # ------------------------------------------------------------ events
    @staticmethod
    def to_inbound(event) -> Inbound | None:
        """Map a LINE event to an Inbound, or None for events the dialogue does not answer."""
        if getattr(event, "mode", "active") == "standby":
            return None  # another channel owns the chat (module mode)
        source = getattr(event, "source", None)
        user_id = getattr(source, "user_id", None)
        if not user_id:
            return None  # without a user id there is no session to answer in
        group_id = ""
        if isinstance(source, GroupSource):
            group_id = source.group_id
        elif isinstance(source, RoomSource):
            group_id = source.room_id
        base = {"channel": CHANNEL, "user_id": user_id, "chat_id": group_id or user_id, "group_id": group_id}
        if isinstance(event, MessageEvent):
            message = event.message
            if isinstance(message, TextMessageContent):
                return Inbound(text=message.text, kind="text", **base)
            if isinstance(message, StickerMessageContent):
                return Inbound(kind="sticker", **base)
            return Inbound(kind="other", **base)
        if isinstance(event, PostbackEvent):
            data = event.postback.data
            return Inbound(text=data, choice=data, kind="choice", **base)
        if isinstance(event, FollowEvent):
            return Inbound(kind="follow", **base)
        return None

    async def _process(self, event) -> None:
        try:
            inbound = self.to_inbound(event)
            if inbound is None:
                return
            message = getattr(event, "message", None)
            if self.files is not None and isinstance(event, MessageEvent) and self.files.has_file(message):
                inbound = self.files.inbound(inbound, message)  # downloaded and read in the officer's turn
            token = getattr(event, "reply_token", None)

            async def refuse() -> None:
                await self._run(self.deliver, [TextMessage(text=LINE_REFUSAL)], inbound.chat_id, token)

            async def send(messages: list, seconds: float) -> None:
                use_token = seconds <= self.push_after
                await self._run(self.deliver, messages, inbound.chat_id, token if use_token else None)

            # LINE redelivers events it thinks failed: each webhookEventId is answered once.
            await self.runtime.serve(
                inbound,
                refuse=refuse,
                prepare=self._render,
                send=send,
                working=lambda: meanwhile(self._show_loading(inbound)),
                event_id=getattr(event, "webhook_event_id", None) or "",
            )
        except Exception as exc:  # a background task has no caller to raise to
            log_failure("LINE event failed", exc)

    def _render(self, inbound: Inbound, reply: Reply) -> list:
        # In the worker thread: storing files and building SDK models are CPU, kept off the event loop.
        links = [Link(doc, self.links.publish(doc, inbound.session_key)) for doc in reply.documents]
        if links:
            log.info("LINE: export of %d documents published as links", len(links))
        editor = self.editor_link(inbound.session_key) if self.editor_link and is_draft_reply(reply) else ""
        return render_reply(reply, links, ttl_hours=self.ttl_hours, images=self.images, editor_url=editor)

    async def _show_loading(self, inbound: Inbound) -> None:
        # The "typing" dots exist only in one-to-one chats; show them only when drafting is slow.
        if inbound.group_id:
            return
        await asyncio.sleep(self.loading_after)
        request = ShowLoadingAnimationRequest(chat_id=inbound.user_id, loading_seconds=LOADING_SECONDS)
        try:
            await self._run(self.api.show_loading_animation, request)
        except Exception as exc:
            log.info("LINE loading animation failed (%s)", type(exc).__name__)

    async def _run(self, fn: Callable[..., Result], *args: Any) -> Result:
        return await asyncio.get_running_loop().run_in_executor(self._io, fn, *args)

    # ------------------------------------------------------------ delivery
    def deliver(self, messages: list, to: str, reply_token: str | None) -> None:
        """Send messages: the first 5 by reply token when there is one, the rest (or all) by push."""
        calls = batches(messages)
        if calls and reply_token:
            try:
                self.api.reply_message(ReplyMessageRequest(reply_token=reply_token, messages=calls[0]))
                calls = calls[1:]
            except Exception as exc:  # expired or used token (400), a 5xx, a dropped connection: push
                log.info(
                    "LINE reply fallback to push (%s %s)",
                    type(exc).__name__,
                    getattr(exc, "status", "") or "",
                )
        for call in calls:
            self._push(to, call)

    def _push(self, to: str, messages: list) -> None:
        key = str(uuid.uuid4())  # the same retry key makes a retried push deliver at most once
        request = PushMessageRequest(to=to, messages=messages)
        try:
            retry_sync(
                lambda: self.api.push_message(request, x_line_retry_key=key),
                _judge,
                what="LINE push",
                policy=self.retry,
            )
        except Exception as exc:
            if getattr(exc, "status", None) == 409:  # a retry of a push LINE had already accepted
                return
            log.error(
                "LINE push failed for good (%s %s)", type(exc).__name__, getattr(exc, "status", "") or ""
            )
            raise


def _judge(exc: BaseException) -> Verdict:
    """Tell whether a failed Messaging API call is worth another try (network, 5xx, 429)."""
    status = getattr(exc, "status", None)
    if isinstance(status, int) and status:
        if status == 429:
            return Verdict(True, retry_after_header(getattr(exc, "headers", None)), status)
        return Verdict(status >= 500, None, status)
    return Verdict(isinstance(exc, (urllib3.exceptions.HTTPError, OSError)))
