"""The shared webhook server: which routes are mounted for which settings."""

from __future__ import annotations

from types import SimpleNamespace

import httpx

from bot.channels.server import create_app
from bot.dialogue.messages import Reply
from bot.settings import Settings


class Echo:
    def handle(self, inbound):
        return Reply([inbound.text])


async def routes_of(settings) -> dict:
    app = create_app(settings, SimpleNamespace(dialogue=Echo()))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
        health = (await client.get("/healthz")).json()
        line = (await client.post("/line/webhook", content=b"{}")).status_code
        telegram = (await client.post("/telegram/webhook", content=b"{}")).status_code
        files = (await client.get("/files/x.y?u=z")).status_code
    if app.state.line is not None:
        app.state.line.close()
    return {"health": health, "line": line, "telegram": telegram, "files": files}


async def test_both_channels_mounted_when_configured(tmp_path):
    settings = Settings(
        _env_file=None,
        data_dir=tmp_path,
        line_channel_secret="s",
        line_channel_access_token="t",
        line_api_host="http://127.0.0.1:9",
        telegram_bot_token="123:abc",
        telegram_base_url="http://127.0.0.1:9/bot",
        telegram_webhook_url="https://bot.example/tg",
        link_secret="0123456789abcdef0123",
    )
    got = await routes_of(settings)
    assert got["health"] == {"status": "ok", "line": True, "telegram": True}
    assert got["line"] == 400  # mounted: no signature
    assert got["telegram"] == 403  # mounted: no secret token header
    assert got["files"] == 403


async def test_only_downloads_and_health_without_channels(tmp_path):
    settings = Settings(
        _env_file=None, data_dir=tmp_path, telegram_bot_token="123:abc"
    )  # polling, not webhook
    got = await routes_of(settings)
    assert got["health"] == {"status": "ok", "line": False, "telegram": False}
    assert (got["line"], got["telegram"], got["files"]) == (404, 404, 403)
