"""The web editor's test bench: the real App and server app, drafted sessions, the page's form fields."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path

from starlette.applications import Starlette

from bot.app import App, build
from bot.channels.server import build_links, create_app
from bot.dialogue.messages import Inbound
from bot.dialogue.states import State
from bot.drafting.edits import number_rows
from bot.ita.measures import Draft
from bot.settings import Settings
from bot.web import Editor

SECRET = "editor-test-link-secret-0123456789"
BOT_TOKEN = "123456:editor-test-bot-token"
LIFF_CHANNEL = "1650000001"
UNITS = ["สำนักปลัดเทศบาล", "กองคลัง", "กองช่าง", "กองการศึกษา", "กองสาธารณสุขและสิ่งแวดล้อม"]


@dataclass
class Clock:
    """A clock the link signer reads; tests move it past a link's expiry."""

    now: float = 1_900_000_000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Bench:
    app: App
    asgi: Starlette
    clock: Clock = field(default_factory=Clock)

    @property
    def editor(self) -> Editor:
        return self.asgi.state.editor

    def store(self, key: str, draft: Draft, units: list[str] | None = None) -> None:
        """Store `draft` as the drafted session of `key` (what the chat leaves after "ยืนยัน")."""
        with self.app.sessions.open(key) as session:
            units = UNITS if units is None else units
            session.profile = draft.agency.model_copy(update={"units": units})
            session.state = State.DRAFTED.value
            session.draft = number_rows(draft.model_copy(update={"agency": session.profile}))

    def draft(self, key: str) -> Draft:
        stored = self.app.sessions.load(key).draft
        assert stored is not None
        return number_rows(stored)  # as the page shows it (a chat-drafted plan is stored unnumbered)

    def link(self, key: str) -> str:
        """Return the path and query of a fresh editor link for `key`."""
        url = self.editor.links.issue(key)
        return url[url.index("/editor/") :]


def bench(tmp_path: Path, *, base_url: str = "", line_host: str = "", **extra: object) -> Bench:
    """Build the real App and server app with a controllable link clock."""
    clock = Clock()
    settings = Settings(
        _env_file=None,
        data_dir=tmp_path,
        link_secret=SECRET,
        telegram_bot_token=BOT_TOKEN,
        line_liff_channel_id=LIFF_CHANNEL,
        public_base_url=base_url or "http://127.0.0.1:9",
        **({"line_api_host": line_host} if line_host else {}),
        **extra,  # type: ignore[arg-type]
    )
    app = build(settings, in_memory_index=True, ensure=False)
    asgi = create_app(settings, app, links=build_links(settings, clock=clock))
    return Bench(app, asgi, clock)


_INPUT = re.compile(r'<input type="hidden" name="(csrf|version)" value="([^"]*)"')


def hidden(html: str) -> dict[str, str]:
    """Return the page's CSRF token and draft version (the first form's; every form has the same)."""
    return {name: unescape(value) for name, value in _INPUT.findall(html)[:2]}


def row_fields(draft: Draft, number: int) -> dict[str, object]:
    """Return a row's cells as its form posts them unchanged."""
    row = next(r for r in draft.rows if r.number == number)
    return {
        "topic": row.topic,
        "measure": row.measure,
        "kpi": row.kpi,
        "analysis": row.analysis,
        "monitoring": row.monitoring,
        "reporting": row.reporting,
        "step": [*row.steps, ""],
        "owner": [*row.owners, ""],
        "start_month": row.start_month,
        "end_month": row.end_month,
    }


def chat_drafted(app: App, key: str) -> Draft:
    """Draft a plan for `key` ("channel:user") through the chat, as an officer would; return it.

    Unlike Bench.store, the session has the scores and profile the engine drafted from, so a
    row can be redrafted.
    """
    from tests.test_console_edits import SCORES

    channel, _, user = key.partition(":")
    messages = ["สวัสดีครับ", "เทศบาลตำบลนามะเขือ", "1", "ใช้ตามนี้ค่ะ", "2568", "\n".join(SCORES[1:-1]), "ยืนยันค่ะ"]
    for text in messages:
        app.dialogue.handle(Inbound(channel, user, text=text))
    draft = app.sessions.load(key).draft
    assert draft is not None and len(draft.rows) >= 5, "the chat did not draft a plan"
    return draft
