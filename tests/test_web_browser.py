"""The web table editor in a real browser: Debian's Chromium driven by Playwright, phone and desktop.

The real server app runs under uvicorn on 127.0.0.1; every change is read back from the
session store the chat uses. Skipped only where /usr/bin/chromium is missing (.ci/run installs it).
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
import uvicorn

from bot import wording as w
from bot.dialogue.messages import Inbound
from bot.ita.measures import Draft
from bot.web.access import sign_init_data
from tests.draft_samples import school, tambon_municipality
from tests.web_helpers import BOT_TOKEN, Bench, bench, chat_drafted

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")

SIZES = {"phone": (360, 740), "desktop": (1280, 800)}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def live(tmp_path_factory) -> Iterator[Bench]:
    port = _free_port()
    b = bench(tmp_path_factory.mktemp("web-browser"), base_url=f"http://127.0.0.1:{port}")
    server = uvicorn.Server(uvicorn.Config(b.asgi, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the editor server did not start"
        time.sleep(0.05)
    yield b
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM))
        yield chromium
        chromium.close()


@pytest.fixture(params=list(SIZES))
def page(request, browser):
    width, height = SIZES[request.param]
    context = browser.new_context(viewport={"width": width, "height": height})
    pg = context.new_page()
    pg.dialogs = []  # every alert/confirm the page opens (an XSS would open one)
    pg.on("dialog", lambda dialog: (pg.dialogs.append(dialog.message), dialog.dismiss()))
    pg.errors = []
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    pg.size = request.param
    yield pg
    context.close()


_keys = iter(range(1000, 10**6))


def officer(live: Bench, draft: Draft | None = None) -> str:
    """Store a drafted session for a new Telegram officer and return its key."""
    key = f"telegram:{next(_keys)}"
    live.store(key, draft or tambon_municipality())
    return key


def url(live: Bench, key: str) -> str:
    return live.editor.links.issue(key)


def row_of(live: Bench, key: str, number: int):
    return next(r for r in live.draft(key).rows if r.number == number)


def test_an_owner_and_a_timeline_are_edited_and_saved(live, page):
    key = officer(live)
    page.goto(url(live, key))
    row = page.locator("#row-2")
    row.locator("input[name=owner]").first.fill("กองช่าง")
    row.locator("select[name=start_month]").select_option(label="ม.ค. 69")
    row.locator("select[name=end_month]").select_option(label="มี.ค. 69")
    row.get_by_role("button", name="บันทึกแถว 2").click()
    page.wait_for_selector("#notice")
    # The page reopens at row 2 and says so there, where the officer is looking.
    assert "บันทึกแถว 2 แล้ว" in page.locator("#row-2 #notice").inner_text()
    top = page.evaluate("document.getElementById('notice').getBoundingClientRect().top")
    assert 0 <= top < page.viewport_size["height"]
    saved = row_of(live, key, 2)
    assert saved.owners[0] == "กองช่าง"
    assert (saved.start_month, saved.end_month) == ("2026-01", "2026-03")
    # The end month cannot be picked before the start month.
    disabled = page.locator("#row-2 select[name=end_month] option[disabled]").count()
    assert disabled == 3  # ต.ค., พ.ย., ธ.ค. before ม.ค.
    assert page.errors == []


def test_steps_are_added_moved_and_removed_with_the_list_buttons(live, page):
    key = officer(live)
    before = row_of(live, key, 1).steps
    page.goto(url(live, key))
    steps = page.locator("#row-1 fieldset.steps")
    steps.get_by_role("button", name="+ ขั้นตอน").click()
    steps.locator("textarea[name=step]").last.fill("ประชุมชี้แจงทุกกอง")
    steps.locator(".item").nth(1).get_by_role("button", name="เลื่อนขึ้น").click()  # step 2 becomes first
    steps.locator(".item").nth(2).get_by_role("button", name="ลบ").click()  # the old step 3 goes
    page.get_by_role("button", name="บันทึกแถว 1").click()
    page.wait_for_selector("#notice")
    assert row_of(live, key, 1).steps == [before[1], before[0], *before[3:], "ประชุมชี้แจงทุกกอง"]


def test_a_row_is_added_and_deleted_and_undo_brings_it_back(live, page):
    key = officer(live)
    start = live.draft(key)
    page.goto(url(live, key))
    page.locator("#row-1").get_by_role("button", name="+ แถวใหม่ต่อจากนี้").click()
    new = start.last_row_number + 1
    page.wait_for_selector(f"#row-{new}")
    assert len(live.draft(key).rows) == len(start.rows) + 1
    page.locator(f"#row-{new}").get_by_role("button", name=f"ลบแถว {new}").click()
    page.wait_for_selector(f"#row-{new}", state="detached")
    page.locator("#row-3").get_by_role("button", name="ลบแถว 3").click()
    page.wait_for_selector("#row-3", state="detached")
    assert 3 not in [r.number for r in live.draft(key).rows]
    page.get_by_role("button", name="↶ ย้อนกลับ").click()
    page.wait_for_selector("#row-3")
    assert w.EDITOR_UNDONE in page.locator("#notice").inner_text()
    assert [r.number for r in live.draft(key).rows] == [r.number for r in start.rows]


def test_a_chat_edit_meanwhile_is_kept_and_the_page_edit_is_not_lost(live, page):
    key = officer(live)
    page.goto(url(live, key))
    user = key.split(":")[1]
    live.app.dialogue.handle(Inbound("telegram", user, text="แก้ผู้รับผิดชอบแถว 1 เป็น กองการศึกษา"))
    page.locator("#row-1 textarea[name=measure]").fill("มาตรการที่แก้บนหน้าเว็บ")
    page.get_by_role("button", name="บันทึกแถว 1").click()
    page.wait_for_selector("#notice.error")
    assert w.EDITOR_CONFLICT in page.locator("#notice").inner_text()
    assert row_of(live, key, 1).owners == ["กองการศึกษา"]  # the chat's edit stands
    # The officer's typing is still there, over the latest draft: one more tap saves it.
    assert page.locator("#row-1 textarea[name=measure]").input_value() == "มาตรการที่แก้บนหน้าเว็บ"
    page.get_by_role("button", name="บันทึกแถว 1").click()
    page.wait_for_selector("#notice:not(.error)")
    saved = row_of(live, key, 1)
    assert saved.owners == ["กองการศึกษา"] and saved.measure == "มาตรการที่แก้บนหน้าเว็บ"  # 0 lost edits


def test_an_expired_link_and_another_users_link_show_why(live, page):
    key, other = officer(live), officer(live, school())
    link, other_link = url(live, key), url(live, other)
    wrong_user = link.split("?")[0] + "?" + other_link.split("?")[1]
    page.goto(wrong_user)
    assert w.EDITOR_FORBIDDEN in page.locator(".notice").inner_text()
    assert (
        live.draft(key).agency.name not in page.content()
        and live.draft(other).agency.name not in page.content()
    )
    live.clock.now += live.editor.links.signer.ttl + 1
    try:
        page.goto(link)
        assert w.EDITOR_EXPIRED in page.locator(".notice").inner_text()
        assert page.locator("form").count() == 0
    finally:
        live.clock.now -= live.editor.links.signer.ttl + 1


def test_injected_markup_is_shown_as_text_and_never_runs(live, page):
    payload = "<img src=x onerror=alert(1)>"
    script = '<script>alert("xss")</script>'
    draft = tambon_municipality()
    rows = list(draft.rows)
    rows[0] = rows[0].model_copy(
        update={"measure": payload, "steps": [script, *rows[0].steps[1:]], "topic": script}
    )
    agency = draft.agency.model_copy(update={"name": "<b onmouseover=alert(2)>เทศบาล</b>"})
    key = officer(live, draft.model_copy(update={"rows": rows, "agency": agency}))
    page.goto(url(live, key))
    page.locator("#row-1 textarea[name=measure]").hover()
    assert page.locator("#row-1 textarea[name=measure]").input_value() == payload
    assert page.locator("#row-1 textarea[name=step]").first.input_value() == script
    assert "<b onmouseover=alert(2)>" in page.locator(".agency").inner_text()  # shown, as text
    assert page.locator("img[src=x]").count() == 0 and page.locator("b").count() == 0
    # Saved back and shown again, still text; nothing ran at any point.
    page.get_by_role("button", name="บันทึกแถว 1").click()
    page.wait_for_selector("#notice")
    assert page.locator("#row-1 textarea[name=measure]").input_value() == payload
    assert page.dialogs == [] and page.errors == []


def test_a_row_is_redrafted_from_the_engine_after_asking_about_the_officers_edit(live, page):
    key = f"telegram:{next(_keys)}"
    chat_drafted(live.app, key)
    page.goto(url(live, key))
    page.locator("#row-2 textarea[name=measure]").fill("มาตรการที่เจ้าหน้าที่เขียนเอง")
    page.get_by_role("button", name="บันทึกแถว 2").click()
    page.wait_for_selector("#notice:not(.error)")
    page.locator("#row-2").get_by_role("button", name="ร่างแถว 2 ใหม่").click()
    # Asked at the row, as chat asks; "keep" leaves the officer's row as it is.
    page.wait_for_selector("#row-2 .confirm")
    assert "แถวที่ท่านแก้ไขเอง (แถว 2)" in page.locator("#row-2 .confirm").inner_text()
    page.locator("#row-2 .confirm").get_by_role("link", name="คงร่างเดิม").click()
    page.wait_for_selector("#row-2 .confirm", state="detached")
    assert row_of(live, key, 2).measure == "มาตรการที่เจ้าหน้าที่เขียนเอง"
    page.locator("#row-2").get_by_role("button", name="ร่างแถว 2 ใหม่").click()
    page.locator("#row-2").get_by_role("button", name="ร่างใหม่แทนที่การแก้ไข").click()
    page.wait_for_selector("#notice:not(.error)")
    assert "ร่างมาตรการของตัวชี้วัดที่ 2 ใหม่แล้ว" in page.locator("#notice").inner_text()
    redrafted = row_of(live, key, 2)
    assert redrafted.measure != "มาตรการที่เจ้าหน้าที่เขียนเอง" and not redrafted.edited
    assert page.locator("#row-2 textarea[name=measure]").input_value() == redrafted.measure
    assert page.dialogs == [] and page.errors == []


def test_typing_not_yet_saved_is_not_lost_to_another_rows_action(live, page):
    key = officer(live)
    page.goto(url(live, key))
    numbers = [r.number for r in live.draft(key).rows]
    page.locator("#row-1 textarea[name=kpi]").fill("ตัวชี้วัดที่พิมพ์ไว้ยังไม่บันทึก")
    page.locator("#row-3").get_by_role("button", name="ลบแถว 3").click()  # the page asks; dismissed
    assert len(page.dialogs) == 1 and "แถว 1" in page.dialogs[0]
    assert [r.number for r in live.draft(key).rows] == numbers  # nothing was posted
    assert page.locator("#row-1 textarea[name=kpi]").input_value() == "ตัวชี้วัดที่พิมพ์ไว้ยังไม่บันทึก"
    page.get_by_role("button", name="บันทึกแถว 1").click()  # saving the row itself is not asked about
    page.wait_for_selector("#notice:not(.error)")
    assert row_of(live, key, 1).kpi == "ตัวชี้วัดที่พิมพ์ไว้ยังไม่บันทึก" and len(page.dialogs) == 1


def test_a_telegram_mini_app_sends_its_init_data_and_another_users_is_refused(live, page):
    key = officer(live)
    user = int(key.split(":")[1])
    now = str(int(time.time()))
    for who, expected in ((user + 1, "error"), (user, "saved")):
        init_data = sign_init_data({"auth_date": now, "user": json.dumps({"id": who})}, BOT_TOKEN)
        page.goto(url(live, key) + "#tgWebAppData=" + quote(init_data))  # how Telegram opens a Mini App
        page.locator("#row-1 textarea[name=kpi]").fill(f"ตัวชี้วัดจาก Mini App {who}")
        page.get_by_role("button", name="บันทึกแถว 1").click()
        if expected == "error":
            page.wait_for_selector(".notice.error")
            assert w.EDITOR_FORBIDDEN in page.locator(".notice.error").inner_text()
            assert row_of(live, key, 1).kpi != f"ตัวชี้วัดจาก Mini App {who}"
        else:
            page.wait_for_selector("#notice:not(.error)")
            assert row_of(live, key, 1).kpi == f"ตัวชี้วัดจาก Mini App {who}"
