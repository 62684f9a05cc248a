"""The webhook server: one Starlette app for LINE, Telegram webhooks and download links.

Routes: POST /line/webhook (when LINE is configured), the Telegram webhook
route (when a token and a webhook URL are set), GET /files/{token}, GET /healthz
(liveness: the process answers) and GET /readyz (readiness: the index is loaded,
the database answers, each configured channel's API answers; 503 naming what
failed). This module owns mounting them; the channel modules never import it.
Uvicorn's access log is off because download URLs carry tokens.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route
from telegram.ext import Application

from bot.channels import telegram
from bot.channels.chat_notify import chat_notifier
from bot.channels.line import LineChannel
from bot.channels.links import LinkStore, signer_from_settings
from bot.channels.reminders import ReminderRunner
from bot.channels.runtime import ChannelApp
from bot.dialogue.seen_events import SeenEvents
from bot.settings import Settings
from bot.web import build_editor

log = logging.getLogger(__name__)

LINE_DRAIN_SECONDS = 30  # on shutdown, answer what LINE already handed us, but not forever
READY_TIMEOUT = 5.0  # seconds each readiness check may take before it counts as failed


def public_base(settings: Settings) -> str:
    """Return the base URL users download from (PUBLIC_BASE_URL, else this host, which only works locally)."""
    if settings.public_base_url:
        return settings.public_base_url.rstrip("/")
    log.warning("PUBLIC_BASE_URL is not set: download links point at localhost and work only on this machine")
    return f"http://localhost:{settings.port}"


def build_links(settings: Settings, *, clock: Callable[[], float] | None = None) -> LinkStore:
    """Return the LinkStore for data_dir/exports, signed with settings.link_secret."""
    signer = signer_from_settings(settings, **({"clock": clock} if clock else {}))
    return LinkStore(settings.exports_dir(), signer, public_base(settings))


def _telegram_webhook(
    settings: Settings, app: ChannelApp, seen: SeenEvents
) -> tuple[Application | None, list[BaseRoute]]:
    """Return (application, routes) for Telegram webhooks, or (None, []) when they are off."""
    if not (settings.telegram_bot_token.get_secret_value() and settings.telegram_webhook_url):
        return None, []
    application = telegram.build_application(settings, app.dialogue, seen=seen)
    routes = telegram.telegram_webhook_routes(application, telegram.webhook_secret(settings))
    return application, list(routes)


def create_app(
    settings: Settings,
    app: ChannelApp,
    *,
    links: LinkStore | None = None,
    line_options: dict[str, Any] | None = None,
) -> Starlette:
    """Build the ASGI app serving every configured channel's webhook plus downloads and health.

    `settings` say which channels to mount; `app.dialogue` answers them. The
    events already answered are claimed in `app.seen_events` (the session
    database) when the app has one, else in memory for this run only.
    """
    links = links or build_links(settings)
    seen = getattr(app, "seen_events", None) or SeenEvents()
    routes: list[BaseRoute] = []
    line = None
    secret, token = settings.line_channel_secret, settings.line_channel_access_token
    if secret.get_secret_value() and token.get_secret_value():
        options = {"seen": seen, **(line_options or {})}
        line = LineChannel.from_settings(settings, app.dialogue, links, **options)
        routes += line.routes()
    telegram_app, telegram_routes = _telegram_webhook(settings, app, seen)
    routes += telegram_routes
    routes += links.routes()
    # The web table editor (issue 17, bot/web): same session drafts, summaries back to the chat.
    editor = build_editor(settings, app.dialogue, links, notify=chat_notifier(telegram_app, line))
    routes += editor.routes() if editor is not None else []

    async def healthz(request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok", "line": line is not None, "telegram": telegram_app is not None})

    checks = _readiness_checks(app, seen, line, telegram_app)

    async def readyz(request: Request) -> JSONResponse:
        results = await asyncio.gather(*(_check(name, check) for name, check in checks.items()))
        failed = [name for name, ok in results if not ok]
        body = {"status": "ready" if not failed else "not ready", "checks": dict(results)}
        if failed:
            log.warning("not ready: %s", ", ".join(failed))
        return JSONResponse(body, status_code=503 if failed else 200)

    routes.append(Route("/healthz", healthz, methods=["GET"]))
    routes.append(Route("/readyz", readyz, methods=["GET"]))

    @contextlib.asynccontextmanager
    async def lifespan(asgi: Starlette) -> AsyncIterator[None]:
        if telegram_app is not None:  # registers our URL with Telegram (setWebhook) and starts processing
            url, secret = telegram.webhook_url(settings), telegram.webhook_secret(settings)
            await telegram.start_webhook(telegram_app, url, secret)
        if line is not None:
            await line.recover()  # officers whose messages the last run left unanswered are asked to resend
        reminders = getattr(app.dialogue, "reminders", None)
        remind_task = (  # LINE has no job queue: a loop beside the webhook pushes the due reminders
            asyncio.create_task(
                ReminderRunner(reminders, "line", line.push_text).run_forever(settings.reminder_check_seconds)
            )
            if line is not None and reminders is not None
            else None
        )
        log.info(
            "server started: line=%s telegram=%s",
            "on" if line is not None else "off",
            "on" if telegram_app is not None else "off",
        )
        try:
            yield
        finally:
            if remind_task is not None:
                remind_task.cancel()
            if line is not None:
                await line.drain(timeout=LINE_DRAIN_SECONDS)  # answer what LINE already handed us
                line.close()
            if telegram_app is not None:
                await telegram.stop_application(telegram_app)

    asgi = Starlette(routes=routes, lifespan=lifespan)
    asgi.state.line = line
    asgi.state.links = links
    asgi.state.telegram = telegram_app
    asgi.state.editor = editor
    return asgi


Check = Callable[[], Awaitable[None]]


def _readiness_checks(
    app: ChannelApp, seen: SeenEvents, line: LineChannel | None, telegram_app: Application | None
) -> dict[str, Check]:
    """Return the named checks /readyz runs; each raises (or times out) when its part is not ready."""
    checks: dict[str, Check] = {}
    knowledge = getattr(app, "knowledge", None)
    if knowledge is not None:

        async def index() -> None:
            if not await asyncio.to_thread(knowledge.index.count):
                raise RuntimeError("the index is empty")

        checks["index"] = index

    async def database() -> None:
        await asyncio.to_thread(seen.ping)

    checks["database"] = database
    if line is not None:
        checks["line_api"] = line.ping
    if telegram_app is not None:

        async def telegram_api() -> None:
            await telegram_app.bot.get_me()

        checks["telegram_api"] = telegram_api
    return checks


async def _check(name: str, check: Check) -> tuple[str, bool]:
    try:
        await asyncio.wait_for(check(), READY_TIMEOUT)
    except Exception as exc:  # by type only: a message could quote a URL with a token
        log.warning("readiness check %s failed (%s)", name, type(exc).__name__)
        return name, False
    return name, True


def run(app: ChannelApp) -> int:
    """Serve every webhook channel with uvicorn on settings.host:settings.port until interrupted."""
    settings = app.settings
    asgi = create_app(settings, app)
    if asgi.state.line is None and asgi.state.telegram is None:
        log.warning("no webhook channel configured: only /files and /healthz are served")
    # log_config=None: uvicorn's records go through the logging bot.app.configure_logging set up.
    uvicorn.run(
        asgi, host=settings.host, port=settings.port, access_log=False, proxy_headers=True, log_config=None
    )
    return 0
