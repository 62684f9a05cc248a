"""The editor is opened from the chat: the console prints its link with the draft, and the link opens it."""

from __future__ import annotations

import io
import re

from starlette.testclient import TestClient

from bot.app import build
from bot.channels import console
from bot.channels.server import create_app
from bot.settings import Settings
from tests.test_console_edits import SCORES
from tests.web_helpers import SECRET


def test_the_console_prints_an_editor_link_with_the_draft_and_it_opens_that_draft(tmp_path):
    settings = Settings(
        _env_file=None, data_dir=tmp_path, link_secret=SECRET, public_base_url="https://bot.example.go.th"
    )
    app = build(settings, in_memory_index=True)
    out = io.StringIO()
    lines = ["สวัสดีครับ", "เทศบาลตำบลนามะเขือ", "1", "ใช้ตามนี้ค่ะ", "2568", *SCORES, "ยืนยันค่ะ", "ลบแถว 3"]
    assert console.run(app, user_id="somsri", stdin=io.StringIO("\n".join(lines) + "\n"), stdout=out) == 0
    links = re.findall(r"https://bot\.example\.go\.th(/editor/\S+)", out.getvalue())
    assert len(links) == 1  # printed once, with the first draft, not after every edit
    page = TestClient(create_app(settings, app)).get(links[0])
    assert page.status_code == 200 and "เทศบาลตำบลนามะเขือ" in page.text
    stored = app.sessions.load("console:somsri").draft
    assert stored is not None and all(f'id="row-{r.number}"' in page.text for r in stored.rows)


def test_no_link_is_printed_when_it_could_not_be_verified(tmp_path):
    settings = Settings(_env_file=None, data_dir=tmp_path)  # no LINK_SECRET: a per-process key
    app = build(settings, in_memory_index=True)
    out = io.StringIO()
    lines = ["สวัสดีครับ", "เทศบาลตำบลนามะเขือ", "1", "ใช้ตามนี้ค่ะ", "2568", *SCORES, "ยืนยันค่ะ"]
    assert console.run(app, user_id="somsri", stdin=io.StringIO("\n".join(lines) + "\n"), stdout=out) == 0
    assert "/editor/" not in out.getvalue()


def test_telegram_puts_the_editor_as_a_mini_app_button_under_a_draft_reply_only(tmp_path):
    import json

    from bot.channels.links import LinkSigner
    from bot.channels.telegram import build_application
    from bot.dialogue.messages import Choice, Inbound, Reply
    from bot.web import EditorLinks
    from tests.fakes.telegram_api import TOKEN, BotThread, FakeBotAPI

    links = EditorLinks(tmp_path / "editor", LinkSigner(SECRET, 3600), "https://bot.example.go.th")

    class Drafted:
        def handle(self, inbound: Inbound) -> Reply:
            if inbound.text == "ร่าง":
                return Reply(texts=["ร่างมาตรการแล้ว"], choices=[Choice("Word", "/export docx")])
            return Reply(texts=["สวัสดีค่ะ"], choices=[Choice("เริ่ม", "/start")])

    with FakeBotAPI() as api:
        settings = Settings(_env_file=None, telegram_bot_token=TOKEN, telegram_base_url=api.base_url)
        application = build_application(settings, Drafted())
        application.bot_data["channel"].editor_link = links.issue  # what build_application sets from settings
        with BotThread(application):
            api.send_text(1001, "สวัสดี")
            api.wait_for(lambda: "สวัสดีค่ะ" in api.texts_to(1001))
            api.send_text(1001, "ร่าง")
            api.wait_for(lambda: "ร่างมาตรการแล้ว" in api.texts_to(1001))
    keyboards = [
        json.loads(c.params["reply_markup"])["inline_keyboard"]
        for c in api.messages_to(1001)
        if "reply_markup" in c.params
    ]
    assert len(keyboards) == 2
    assert not any("web_app" in b or "url" in b for row in keyboards[0] for b in row)  # a greeting: no link
    (editor,) = [b for row in keyboards[1] for b in row if "web_app" in b]
    assert editor["text"] == "แก้ไขตาราง"
    url = editor["web_app"]["url"]
    assert url.startswith("https://bot.example.go.th/editor/")
    token, _, tag = url.removeprefix("https://bot.example.go.th/editor/").partition("?u=")
    assert links.open(token, tag).session_key == "telegram:1001"  # the officer's own session


def test_line_sends_the_editor_link_as_one_text_after_a_draft_reply():
    from bot.channels.line_render import render_reply
    from bot.dialogue.messages import Choice, Reply

    reply = Reply(texts=["ร่างมาตรการแล้ว"], choices=[Choice("Word", "/export docx")])
    url = "https://bot.example.go.th/editor/abc.def?u=tag"
    messages = render_reply(reply, [], ttl_hours=24, editor_url=url)
    assert [m.text for m in messages] == [
        "ร่างมาตรการแล้ว",
        f"แก้ไขตารางบนมือถือหรือคอมพิวเตอร์ได้ที่ลิงก์นี้ (ใช้ได้ 24 ชั่วโมง): {url}",
    ]
    assert messages[-1].quick_reply is not None  # the buttons stay on the last message
