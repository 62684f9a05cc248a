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
