"""The bot side of the load runs: one bot process serving Telegram webhooks, as deployed (issue 15).

benchmarks/load_telegram.py starts this file once per instance, each in its own process, so the
fake Bot API and the simulated officers never share an interpreter (or its lock) with the bot.
The bot is built as `python -m bot run` builds it (bot.app.build, the heavy-work pool warmed,
bot.channels.server.create_app under uvicorn); the only addition is a thin wrapper around the
dialogue that tells the harness, over a local multiprocessing connection, how many Telegram
messages each answer became, so the harness waits for exactly those and counts every answer.

    python benchmarks/load_bot.py CONFIG_JSON   (LOAD_AUTHKEY in the environment)
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from multiprocessing.connection import Client
from pathlib import Path
from types import SimpleNamespace
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.channels.telegram import outgoing  # noqa: E402
from bot.dialogue.messages import Inbound, Reply  # noqa: E402


class ReportingDialogue:
    """The app's dialogue, telling the harness how many messages each answer becomes."""

    def __init__(self, inner: Any, conn: Any) -> None:
        self.inner = inner
        self.conn = conn
        self._lock = threading.Lock()
        self.claims: dict[str, tuple[float, float]] = {}  # chat -> wall start, end of its last event claim

    def timed_claims(self, seen: Any) -> None:
        """Time each event claim (the harness splits a turn's wait before the dialogue by it)."""
        claim = seen.claim

        def timed(channel: str, event_id: str, chat_id: str) -> bool:
            began = time.time()
            try:
                return claim(channel, event_id, chat_id)
            finally:
                self.claims[chat_id] = (began, time.time())

        seen.claim = timed

    def __getattr__(self, name: str) -> Any:  # sessions, drafter, reminders: the editor and jobs use them
        return getattr(self.inner, name)

    def handle(self, inbound: Inbound) -> Reply:
        began = time.time()  # with the end: where a turn's time went (before, in, after the dialogue)
        try:
            reply = self.inner.handle(inbound)
        except Exception:  # the channel answers its failure message then: one message
            self._tell(inbound, 1, began)
            raise
        self._tell(inbound, len(outgoing(reply)), began)
        return reply

    def _tell(self, inbound: Inbound, messages: int, began: float) -> None:
        claimed = self.claims.pop(inbound.chat_id, (began, began))
        with self._lock:
            self.conn.send(("answer", inbound.user_id, (messages, began, time.time(), *claimed)))


def serve(config: dict[str, Any]) -> None:
    import uvicorn

    from bot.app import build, configure_logging
    from bot.channels.server import create_app
    from bot.offline import configure_offline
    from bot.settings import Settings

    data_dir = Path(config["data_dir"])
    settings = Settings(
        _env_file=None,
        data_dir=data_dir,
        database_url=config["database_url"],
        telegram_bot_token=config["token"],
        telegram_base_url=config["base_url"],
        telegram_webhook_url=f"http://127.0.0.1:{config['port']}",
        telegram_allowed_users="",
        link_secret="load-run-link-secret",
        public_base_url=f"http://127.0.0.1:{config['port']}",
        llm_model="",
        embedding="hashing",
        heavy_workers=config["heavy_workers"],
        log_level="WARNING",
        port=config["port"],
    )
    configure_logging(settings)
    configure_offline(data_dir)
    app = build(settings)
    workers = app.pool.warm() if app.pool is not None else []
    conn = Client(tuple(config["listener"]), authkey=bytes.fromhex(os.environ["LOAD_AUTHKEY"]))
    dialogue = ReportingDialogue(app.dialogue, conn)
    dialogue.timed_claims(app.seen_events)
    facade = SimpleNamespace(
        settings=settings, dialogue=dialogue, seen_events=app.seen_events, knowledge=app.knowledge
    )
    asgi = create_app(settings, facade)
    conn.send(("ready", os.getpid(), workers))
    try:
        uvicorn.run(asgi, host="127.0.0.1", port=config["port"], access_log=False, log_config=None)
    finally:
        app.close()
        conn.close()


if __name__ == "__main__":
    serve(json.loads(sys.argv[1]))
