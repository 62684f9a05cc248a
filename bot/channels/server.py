"""The webhook server: one Starlette app for LINE, Telegram webhooks and download links.

Routes: POST /line/webhook (when LINE is configured), the Telegram webhook
route (when a token and a webhook URL are set), GET /files/{token} and
GET /healthz. This module owns mounting them; the channel modules never import
it. Uvicorn's access log is off because download URLs carry tokens.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator, Callable
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
from bot.channels.runtime import ChannelApp
from bot.settings import Settings
from bot.web import build_editor

log = logging.getLogger(__name__)

LINE_DRAIN_SECONDS = 30  # on shutdown, answer what LINE already handed us, but not forever


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


def _telegram_webhook(settings: Settings, app: ChannelApp) -> tuple[Application | None, list[BaseRoute]]:
    """Return (application, routes) for Telegram webhooks, or (None, []) when they are off."""
    if not (settings.telegram_bot_token.get_secret_value() and settings.telegram_webhook_url):
        return None, []
    application = telegram.build_application(settings, app.dialogue)
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

    `settings` say which channels to mount; `app.dialogue` answers them.
    """
    links = links or build_links(settings)
    routes: list[BaseRoute] = []
    line = None
    secret, token = settings.line_channel_secret, settings.line_channel_access_token
    if secret.get_secret_value() and token.get_secret_value():
        line = LineChannel.from_settings(settings, app.dialogue, links, **(line_options or {}))
        routes += line.routes()
    telegram_app, telegram_routes = _telegram_webhook(settings, app)
    routes += telegram_routes
    routes += links.routes()
    # The web table editor (issue 17, bot/web): same session drafts, summaries back to the chat.
    editor = build_editor(settings, app.dialogue, links, notify=chat_notifier(telegram_app, line))
    routes += editor.routes() if editor is not None else []

    async def healthz(request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok", "line": line is not None, "telegram": telegram_app is not None})

    routes.append(Route("/healthz", healthz, methods=["GET"]))

    @contextlib.asynccontextmanager
    async def lifespan(asgi: Starlette) -> AsyncIterator[None]:
        if telegram_app is not None:  # registers our URL with Telegram (setWebhook) and starts processing
            url, secret = telegram.webhook_url(settings), telegram.webhook_secret(settings)
            await telegram.start_webhook(telegram_app, url, secret)
        try:
            yield
        finally:
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


def run(app: ChannelApp) -> int:
    """Serve every webhook channel with uvicorn on settings.host:settings.port until interrupted."""
    settings = app.settings
    asgi = create_app(settings, app)
    if asgi.state.line is None and asgi.state.telegram is None:
        log.warning("no webhook channel configured: only /files and /healthz are served")
    uvicorn.run(asgi, host=settings.host, port=settings.port, access_log=False, proxy_headers=True)
    return 0
