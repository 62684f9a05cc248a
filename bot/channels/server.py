"""The webhook server: one Starlette app for LINE, Telegram webhooks and download links.

Routes: POST /line/webhook (when LINE is configured), the Telegram webhook
routes (when a token and a webhook URL are set), GET /files/{token} and
GET /healthz. Uvicorn's access log is off because download URLs carry tokens.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from bot.channels.links import LinkStore, signer_from_settings

log = logging.getLogger(__name__)


def public_base(settings) -> str:
    """Return the base URL users download from (PUBLIC_BASE_URL, else this host, which only works locally)."""
    if settings.public_base_url:
        return settings.public_base_url.rstrip("/")
    log.warning("PUBLIC_BASE_URL is not set: download links point at localhost and work only on this machine")
    return f"http://localhost:{settings.port}"


def build_links(settings, *, clock=None) -> LinkStore:
    """Return the LinkStore for data_dir/exports, signed with settings.link_secret."""
    signer = signer_from_settings(settings, **({"clock": clock} if clock else {}))
    return LinkStore(Path(settings.data_dir) / "exports", signer, public_base(settings))


def _telegram(settings, dialogue):
    """Return (module, application, routes) for Telegram webhooks, or (None, None, []) when off."""
    if not (settings.telegram_bot_token.get_secret_value() and settings.telegram_webhook_url):
        return None, None, []
    try:
        telegram = importlib.import_module("bot.channels.telegram")
    except ImportError as exc:
        log.warning("Telegram webhook configured but bot.channels.telegram is unavailable (%s)", exc)
        return None, None, []
    application = telegram.build_application(settings, dialogue)
    routes = list(telegram.telegram_webhook_routes(application, telegram.webhook_secret(settings)))
    return telegram, application, routes


def create_app(
    settings, services, *, links: LinkStore | None = None, line_options: dict | None = None
) -> Starlette:
    """Build the ASGI app serving every configured channel's webhook plus downloads and health."""
    links = links or build_links(settings)
    routes: list[Route] = []
    line = None
    secret, token = settings.line_channel_secret, settings.line_channel_access_token
    if secret.get_secret_value() and token.get_secret_value():
        from bot.channels.line import LineChannel

        line = LineChannel.from_settings(settings, services.dialogue, links, **(line_options or {}))
        routes += line.routes()
    telegram, telegram_app, telegram_routes = _telegram(settings, services.dialogue)
    routes += telegram_routes
    routes += links.routes()

    async def healthz(request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok", "line": line is not None, "telegram": telegram_app is not None})

    routes.append(Route("/healthz", healthz, methods=["GET"]))

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        if telegram_app is not None:  # registers our URL with Telegram (setWebhook) and starts processing
            url, secret = telegram.webhook_url(settings), telegram.webhook_secret(settings)
            await telegram.start_webhook(telegram_app, url, secret)
        try:
            yield
        finally:
            if line is not None:
                await line.drain(timeout=30)  # answer what LINE already handed us before exiting
                line.close()
            if telegram_app is not None:
                await telegram.stop_application(telegram_app)

    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.line = line
    app.state.links = links
    app.state.telegram = telegram_app
    return app


def run(settings_or_services, services=None) -> int:
    """Serve the app with uvicorn on settings.host:settings.port: run(services) or run(settings, services)."""
    import uvicorn

    if services is None:
        services = settings_or_services
        settings = services.settings
    else:
        settings = settings_or_services
    app = create_app(settings, services)
    if app.state.line is None and app.state.telegram is None:
        log.warning("no webhook channel configured: only /files and /healthz are served")
    uvicorn.run(app, host=settings.host, port=settings.port, access_log=False, proxy_headers=True)
    return 0
