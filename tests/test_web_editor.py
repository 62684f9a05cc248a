"""The web table editor over HTTP: the real server app, the real session store, edits as chat applies them.

Every write is read back from the session store the chat uses; refusals are checked to leave
the stored draft exactly as it was.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from starlette.testclient import TestClient

from bot import wording as w
from bot.dialogue.messages import Inbound
from bot.web.access import sign_init_data
from tests.draft_samples import school, tambon_municipality
from tests.web_helpers import BOT_TOKEN, Bench, bench, hidden, row_fields

KEY = "telegram:111"
OTHER = "telegram:222"  # another officer, of another agency


@pytest.fixture
def b(tmp_path) -> Bench:
    bench_ = bench(tmp_path)
    bench_.store(KEY, tambon_municipality())
    bench_.store(OTHER, school(), units=["ฝ่ายบริหารงานทั่วไป", "ฝ่ายงบประมาณ"])
    return bench_


def open_page(client: TestClient, link: str) -> tuple[str, dict[str, str]]:
    page = client.get(link)
    assert page.status_code == 200, page.text
    return page.text, hidden(page.text)


def post(client: TestClient, link: str, what: str, data: dict) -> Any:
    path, _, query = link.partition("?")
    return client.post(f"{path}/{what}?{query}", data=data)


def test_the_page_shows_the_sessions_rows_with_strict_headers(b: Bench):
    client = TestClient(b.asgi)
    page = client.get(b.link(KEY))
    assert page.status_code == 200
    draft = b.draft(KEY)
    assert draft.agency.name in page.text
    assert all(f'id="row-{r.number}"' in page.text for r in draft.rows)
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp and "unsafe-inline" not in csp
    assert page.headers["referrer-policy"] == "no-referrer" and page.headers["cache-control"] == "no-store"
    assert "<script>" not in page.text and " on" + "click=" not in page.text  # no inline script at all
    # Owners are picked from the agency's units (or typed): every unit is offered.
    assert all(f'<option value="{unit}">' in page.text for unit in b.app.sessions.load(KEY).profile.units)


def test_an_owner_and_a_timeline_saved_on_the_page_land_in_the_chat_draft(b: Bench):
    client, link = TestClient(b.asgi), b.link(KEY)
    _, form = open_page(client, link)
    fields = row_fields(b.draft(KEY), 2) | {"owner": ["กองช่าง", "กองคลัง"], "start_month": "2026-01"}
    fields["end_month"] = "2026-03"
    saved = post(client, link, "row/2", form | fields)
    assert saved.status_code == 200
    row = next(r for r in b.draft(KEY).rows if r.number == 2)
    assert row.owners == ["กองช่าง", "กองคลัง"] and row.edited
    assert (row.start_month, row.end_month, row.timeline) == ("2026-01", "2026-03", "ม.ค. – มี.ค. 69")
    others = [r for r in b.draft(KEY).rows if r.number != 2]
    assert not any(r.edited for r in others)  # nothing else moved
    # One short Thai summary for the chat, naming the row and the cells.
    assert b.editor.sent == [
        (
            KEY,
            w.EDITOR_CHAT_SUMMARY.format(
                summary=w.EDITOR_SAVED_ROW.format(number=2, fields="ผู้รับผิดชอบ, ระยะเวลา")
            ),
        )
    ]


def test_a_timeline_outside_the_fiscal_year_or_backwards_is_refused_and_nothing_changes(b: Bench):
    client, link = TestClient(b.asgi), b.link(KEY)
    _, form = open_page(client, link)
    before = b.draft(KEY)
    outside = row_fields(before, 1) | {"start_month": "2024-10", "end_month": "2024-12"}
    refused = post(client, link, "row/1", form | outside)
    assert refused.status_code == 422 and w.EDITOR_BAD_MONTH in refused.text
    backwards = row_fields(before, 1) | {"start_month": "2026-06", "end_month": "2026-02"}
    refused = post(client, link, "row/1", form | backwards)
    assert refused.status_code == 422
    assert b.draft(KEY) == before and b.editor.sent == []


def test_steps_added_removed_and_reordered_are_saved_in_order(b: Bench):
    client, link = TestClient(b.asgi), b.link(KEY)
    _, form = open_page(client, link)
    steps = next(r for r in b.draft(KEY).rows if r.number == 1).steps
    new_steps = [steps[2], steps[0], "ประชุมชี้แจงทุกกอง"]  # step 2 removed, 3 moved up, one added
    saved = post(client, link, "row/1", form | row_fields(b.draft(KEY), 1) | {"step": [*new_steps, ""]})
    assert saved.status_code == 200
    assert next(r for r in b.draft(KEY).rows if r.number == 1).steps == new_steps


def test_writes_without_the_csrf_token_or_cookie_are_refused(b: Bench):
    client, link = TestClient(b.asgi), b.link(KEY)
    _, form = open_page(client, link)
    before = b.draft(KEY)
    fields = row_fields(before, 1) | {"measure": "มาตรการที่ผู้อื่นส่งมา"}
    assert post(client, link, "row/1", {**fields, "version": form["version"]}).status_code == 403
    assert post(client, link, "row/1", fields | form | {"csrf": "0" * 24}).status_code == 403
    # The token of the page is worthless without the cookie that came with it (another site's post).
    stranger = TestClient(b.asgi)
    assert post(stranger, link, "row/1", fields | form).status_code == 403
    # A token from another link of the same officer does not fit this one either.
    other_link = b.link(KEY)
    assert post(client, other_link, "row/1", fields | form).status_code == 403
    assert b.draft(KEY) == before


def test_a_chat_edit_during_a_page_edit_loses_nothing(b: Bench):
    client, link = TestClient(b.asgi), b.link(KEY)
    _, form = open_page(client, link)  # the officer opens the page ...
    reply = b.app.dialogue.handle(Inbound("telegram", "111", text="แก้ผู้รับผิดชอบแถว 1 เป็น กองการศึกษา"))
    assert "กองการศึกษา" in " ".join(reply.texts + [str(c) for c in reply.cards])
    page_fields = row_fields(b.draft(KEY), 1) | {"measure": "มาตรการที่แก้บนหน้าเว็บ", "owner": ["กองคลัง"]}
    stale = post(client, link, "row/1", form | page_fields)  # ... and saves the version before the chat edit
    assert stale.status_code == 409 and w.EDITOR_CONFLICT in stale.text
    row = next(r for r in b.draft(KEY).rows if r.number == 1)
    assert row.owners == ["กองการศึกษา"] and row.measure != "มาตรการที่แก้บนหน้าเว็บ"  # the chat edit stands
    assert "มาตรการที่แก้บนหน้าเว็บ" in stale.text  # the officer's typing is still on the page
    again = hidden(stale.text)
    assert again["version"] != form["version"]
    saved = post(
        client, link, "row/1", again | row_fields(b.draft(KEY), 1) | {"measure": "มาตรการที่แก้บนหน้าเว็บ"}
    )
    assert saved.status_code == 200
    row = next(r for r in b.draft(KEY).rows if r.number == 1)
    assert row.owners == ["กองการศึกษา"] and row.measure == "มาตรการที่แก้บนหน้าเว็บ"  # both edits kept


def test_rows_are_added_moved_and_deleted_and_undo_restores_each(b: Bench):
    client, link = TestClient(b.asgi), b.link(KEY)
    _, form = open_page(client, link)
    start = b.draft(KEY)
    numbers = [r.number for r in start.rows]
    added = post(client, link, "act/1", form | {"action": "add"})
    assert added.status_code == 200
    after_add = [r.number for r in b.draft(KEY).rows]
    assert after_add == [numbers[0], start.last_row_number + 1, *numbers[1:]]
    form = hidden(added.text)
    moved = post(client, link, f"act/{numbers[-1]}", form | {"action": "up"})
    assert [r.number for r in b.draft(KEY).rows][-2:] == [numbers[-1], numbers[-2]]
    form = hidden(moved.text)
    deleted = post(client, link, f"act/{numbers[1]}", form | {"action": "delete"})
    assert numbers[1] not in [r.number for r in b.draft(KEY).rows]
    form = hidden(deleted.text)
    for _ in range(3):  # undo: the delete, the move, the add
        undone = post(client, link, "undo", form)
        assert undone.status_code == 200 and w.EDITOR_UNDONE in undone.text
        form = hidden(undone.text)
    assert b.draft(KEY).rows == start.rows
    nothing = post(client, link, "undo", form)
    assert nothing.status_code == 422 and w.EDITOR_UNDO_NONE in nothing.text


def test_a_page_edit_is_undone_by_the_chats_undo_too(b: Bench):
    client, link = TestClient(b.asgi), b.link(KEY)
    _, form = open_page(client, link)
    before = b.draft(KEY)
    post(client, link, "row/1", form | row_fields(before, 1) | {"kpi": "ร้อยละ 100 ของข้อมูล OIT"})
    assert b.draft(KEY) != before
    b.app.dialogue.handle(Inbound("telegram", "111", text="ย้อนกลับ"))
    assert b.draft(KEY).rows == before.rows


def test_an_expired_a_forged_and_another_users_link_are_refused(b: Bench):
    client, link = TestClient(b.asgi), b.link(KEY)
    _, form = open_page(client, link)
    path, _, query = link.partition("?")
    other_path, _, other_query = b.link(OTHER).partition("?")
    assert client.get(f"{path}?{other_query}").status_code == 403  # my token, another user's tag
    assert client.get(f"{other_path}?{query}").status_code == 403  # another's token, my tag
    assert client.get(f"{path[:-3]}abc?{query}").status_code == 403  # tampered signature
    b.clock.now += b.editor.links.signer.ttl + 1
    expired = client.get(link)
    assert expired.status_code == 410 and w.EDITOR_EXPIRED in expired.text
    before = b.draft(KEY)
    late = post(client, link, "row/1", form | row_fields(before, 1) | {"measure": "แก้หลังหมดอายุ"})
    assert late.status_code == 410 and b.draft(KEY) == before


def test_one_agencys_page_never_shows_or_writes_anothers_data(b: Bench):
    client = TestClient(b.asgi)
    mine, theirs = b.draft(KEY), b.draft(OTHER)
    link = b.link(KEY)
    text, form = open_page(client, link)
    assert theirs.agency.name not in text and mine.agency.name in text
    assert not any(unit in text for unit in ("ฝ่ายบริหารงานทั่วไป", "ฝ่ายงบประมาณ"))
    # A row number that exists in both drafts: writing through my link changes my draft only.
    saved = post(client, link, "row/1", form | row_fields(mine, 1) | {"measure": "ของเทศบาลเท่านั้น"})
    assert saved.status_code == 200
    assert b.draft(OTHER) == theirs
    assert next(r for r in b.draft(KEY).rows if r.number == 1).measure == "ของเทศบาลเท่านั้น"
    # Files come from the link's own draft and are refused to another user's tag.
    path, _, _ = b.link(KEY).partition("?")
    _, _, other_query = b.link(OTHER).partition("?")
    assert client.get(f"{path}/file/xlsx?{other_query}").status_code == 403


def test_injected_markup_is_shown_as_text(b: Bench):
    client, link = TestClient(b.asgi), b.link(KEY)
    _, form = open_page(client, link)
    payload = '<img src=x onerror=alert(1)><script>alert("x")</script>"\'&'
    fields = row_fields(b.draft(KEY), 1) | {"measure": payload, "owner": ['"><svg onload=alert(1)>']}
    saved = post(client, link, "row/1", form | fields)
    assert saved.status_code == 200
    assert "<img src=x" not in saved.text and "<script>alert" not in saved.text and "<svg" not in saved.text
    assert "&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;" in saved.text
    assert next(r for r in b.draft(KEY).rows if r.number == 1).measure == payload  # stored as typed


def test_a_telegram_mini_apps_init_data_must_be_the_links_own_user(b: Bench):
    client, link = TestClient(b.asgi), b.link(KEY)
    _, form = open_page(client, link)
    fields = row_fields(b.draft(KEY), 1)
    now = str(int(__import__("time").time()))
    own = sign_init_data({"auth_date": now, "user": '{"id":111,"first_name":"สมศรี"}'}, BOT_TOKEN)
    stranger = sign_init_data({"auth_date": now, "user": '{"id":999}'}, BOT_TOKEN)
    forged = sign_init_data({"auth_date": now, "user": '{"id":111}'}, "654321:another-bot")
    assert post(client, link, "row/1", form | fields | {"tg": stranger, "measure": "x1"}).status_code == 403
    assert post(client, link, "row/1", form | fields | {"tg": forged, "measure": "x2"}).status_code == 403
    assert next(r for r in b.draft(KEY).rows if r.number == 1).measure not in ("x1", "x2")
    assert post(client, link, "row/1", form | fields | {"tg": own, "measure": "x3"}).status_code == 200


def test_downloads_are_the_current_drafts_files(b: Bench):
    client, link = TestClient(b.asgi), b.link(KEY)
    path, _, query = link.partition("?")
    for kind in ("docx", "xlsx", "report6", "report12"):
        got = client.get(f"{path}/file/{kind}?{query}")
        assert got.status_code == 200 and got.content[:2] == b"PK", kind
        assert "attachment" in got.headers["content-disposition"]
    assert client.get(f"{path}/file/exe?{query}").status_code == 404


def test_a_session_without_a_draft_says_to_draft_first(b: Bench):
    client = TestClient(b.asgi)
    page = client.get(b.link("telegram:333"))
    assert page.status_code == 404 and w.EDITOR_NO_DRAFT in page.text
    assert re.search(r"<p class=\"notice error\"", page.text)


def test_a_liff_id_token_is_verified_by_the_line_api_and_must_be_the_links_user(tmp_path):
    from tests.fakes.line_api import FakeLineAPI
    from tests.web_helpers import LIFF_CHANNEL

    with FakeLineAPI() as line:
        lb = bench(tmp_path, line_host=line.host)
        key = "line:Uofficer1"
        lb.store(key, tambon_municipality())
        client, link = TestClient(lb.asgi), lb.link(key)
        _, form = open_page(client, link)
        fields = row_fields(lb.draft(key), 1)
        own = line.issue_id_token("Uofficer1", LIFF_CHANNEL)
        other_user = line.issue_id_token("Ustranger", LIFF_CHANNEL)
        other_channel = line.issue_id_token("Uofficer1", "1650009999")
        for token in (other_user, other_channel, "not-a-token"):
            refused = post(client, link, "row/1", form | fields | {"liff": token, "measure": "ไม่ควรบันทึก"})
            assert refused.status_code == 403
        assert next(r for r in lb.draft(key).rows if r.number == 1).measure != "ไม่ควรบันทึก"
        ok = post(client, link, "row/1", form | fields | {"liff": own, "measure": "บันทึกผ่าน LIFF"})
        assert ok.status_code == 200
        assert next(r for r in lb.draft(key).rows if r.number == 1).measure == "บันทึกผ่าน LIFF"
        assert line.verified == [other_user, other_channel, "not-a-token", own]  # each checked by LINE


def test_a_line_officers_save_is_summarised_in_their_chat_by_push(tmp_path):
    from tests.fakes.line_api import FakeLineAPI

    with FakeLineAPI() as line:
        lb = bench(
            tmp_path,
            line_host=line.host,
            line_channel_secret="line-secret",
            line_channel_access_token="line-token",
        )
        key = "line:Uofficer2"
        lb.store(key, tambon_municipality())
        with TestClient(lb.asgi) as client:
            link = lb.link(key)
            _, form = open_page(client, link)
            fields = row_fields(lb.draft(key), 1) | {"kpi": "ร้อยละ 100 ของรายการ OIT"}
            assert post(client, link, "row/1", form | fields).status_code == 200
            pushed = line.wait_for(1, kinds=("push",))
        assert pushed[0].body["to"] == "Uofficer2"
        (message,) = pushed[0].body["messages"]
        assert message["text"].startswith("แก้ไขตารางผ่านหน้าเว็บแล้ว: บันทึกแถว 1 แล้ว")


def test_a_row_redrafted_on_the_page_is_the_row_chat_redrafts(tmp_path):
    from tests.web_helpers import chat_drafted

    rb = bench(tmp_path)
    page_key, chat_key = "telegram:601", "telegram:602"
    chat_drafted(rb.app, page_key)
    chat_drafted(rb.app, chat_key)
    client, link = TestClient(rb.asgi), rb.link(page_key)
    _, form = open_page(client, link)
    # The officer rewrites row 2's measure on the page, then asks the engine to redraft row 2.
    fields = row_fields(rb.draft(page_key), 2) | {"measure": "มาตรการที่เจ้าหน้าที่เขียนเอง"}
    saved = post(client, link, "row/2", form | fields)
    form = hidden(saved.text)
    asked = post(client, link, "act/2", form | {"action": "redraft"})
    # Asked first, as chat asks: nothing is replaced, and the page offers to go ahead or keep the edit.
    assert asked.status_code == 200
    assert w.EDITOR_REDRAFT_CONFIRM.format(indicator=2, rows="2").replace('"', "&#34;") in asked.text
    assert 'name="force" value="1"' in asked.text and "คงร่างเดิม" in asked.text
    row = next(r for r in rb.draft(page_key).rows if r.number == 2)
    assert row.measure == "มาตรการที่เจ้าหน้าที่เขียนเอง" and row.edited
    summaries = len(rb.editor.sent)
    done = post(client, link, "act/2", hidden(asked.text) | {"action": "redraft", "force": "1"})
    assert done.status_code == 200 and "ร่างมาตรการของตัวชี้วัดที่ 2 ใหม่แล้ว" in done.text
    assert len(rb.editor.sent) == summaries + 1  # one summary in the chat
    # The same redraft chat makes: the rows equal those "ร่างแถว 2 ใหม่" gives in a twin conversation.
    rb.app.dialogue.handle(Inbound("telegram", "602", text="ร่างแถว 2 ใหม่"))
    assert rb.draft(page_key).rows == rb.draft(chat_key).rows
    # Undo brings the officer's own row back.
    undone = post(client, link, "undo", hidden(done.text))
    assert undone.status_code == 200
    assert next(r for r in rb.draft(page_key).rows if r.number == 2).measure == "มาตรการที่เจ้าหน้าที่เขียนเอง"


def test_a_row_that_cannot_be_redrafted_says_why_and_nothing_changes(b: Bench):
    client, link = TestClient(b.asgi), b.link(KEY)  # stored without scores: nothing to redraft from
    _, form = open_page(client, link)
    before = b.draft(KEY)
    refused = post(client, link, "act/1", form | {"action": "redraft", "force": "1"})
    assert refused.status_code == 422 and w.EDIT_NO_REDRAFT in refused.text
    assert b.draft(KEY) == before and b.editor.sent == []
