"""Progress for three rows reported over Telegram (real python-telegram-bot against the fake Bot API),
then the 6-month report read back from the .docx it sent: exactly those three statuses are ticked."""

from __future__ import annotations

import io
import re

from docx import Document as WordDocument

from tests.fakes.telegram_api import BotThread, FakeBotAPI
from tests.test_progress import ticked_status
from tests.test_telegram_e2e import TelegramOfficer, officer_settings, seed_score_table

OFFICER = 5550088


def test_three_rows_reported_over_telegram_fill_the_six_month_report(tmp_path, seeds_dir):
    from bot.app import build
    from bot.channels.telegram import build_application

    table = seed_score_table(seeds_dir)
    with FakeBotAPI() as api:
        settings = officer_settings(tmp_path, api, OFFICER)
        officer = TelegramOfficer(api, OFFICER)
        with BotThread(build_application(settings, build(settings).dialogue)):
            officer.confirms_scores("2568", table)

            officer.says("รายงานผลรอบ 6 เดือนค่ะ")
            assert "แถว 1 (1/" in officer.text()
            officer.presses("ดำเนินการแล้ว")  # a status button
            officer.says("จัดอบรมเจ้าหน้าที่เรื่องการเปิดเผยข้อมูล 1 ครั้งค่ะ")
            officer.says("https://example.go.th/ita/training.pdf")
            assert "แถว 2 (2/" in officer.text()
            officer.says("อยู่ระหว่างดำเนินการ ได้ราว 40% ค่ะ ร่างคู่มือแล้ว")
            officer.says("ไม่มีค่ะ")
            officer.presses("ยังไม่ดำเนินการ")
            officer.says("ข้าม")
            assert "แถว 4 (4/" in officer.text()
            officer.presses("หยุดไว้ก่อน")
            assert "บันทึกแล้ว 3 แถว" in officer.text()
            officer.presses("ขอรายงานรอบ 6 เดือน")

        files = {name: data for name, data, _ in api.documents_to(OFFICER)}
        assert {"ita-report-6m-2569.docx", "ita-report-6m-2569.xlsx"} <= set(files)
        doc = WordDocument(io.BytesIO(files["ita-report-6m-2569.docx"]))
        grid = max(doc.tables, key=lambda t: len(t.rows))
        body = [[cell.text for cell in row.cells] for row in grid.rows][1:]
        ticked = [ticked_status(row[-1]) for row in body]
        assert ticked[:3] == ["ดำเนินการแล้ว", "อยู่ระหว่างดำเนินการ", "ยังไม่ดำเนินการ"]
        assert ticked[3:] and all(t is None for t in ticked[3:])
        first, second = (re.sub(r"[\s\u200b\u2060]", "", row[-4]) for row in body[:2])
        assert "ร้อยละ100" in first and "https://example.go.th/ita/training.pdf" in first
        assert "ร้อยละ40" in second and "ร่างคู่มือ" in second


def test_the_table_editors_report_download_carries_the_chats_progress(tmp_path):
    from starlette.testclient import TestClient

    from bot.dialogue.progress import PROGRESS
    from bot.drafting.edits import draft_fiscal_year
    from bot.ita.progress import Progress, RowProgress, Status
    from tests.draft_samples import tambon_municipality
    from tests.web_helpers import bench

    key = "telegram:111"
    b = bench(tmp_path)
    b.store(key, tambon_municipality())
    draft = b.draft(key)
    progress = Progress()
    progress.put(
        draft_fiscal_year(draft), 6, draft.rows[1].number, RowProgress(status=Status.DOING, percent=30)
    )
    with b.app.sessions.open(key) as session:
        session.extra[PROGRESS] = progress.to_json()
    client, link = TestClient(b.asgi), b.link(key)
    path, _, query = link.partition("?")
    got = client.get(f"{path}/file/report6?{query}")
    assert got.status_code == 200
    grid = max(WordDocument(io.BytesIO(got.content)).tables, key=lambda t: len(t.rows))
    ticked = [ticked_status(row.cells[-1].text) for row in grid.rows[1:]]
    assert ticked[1] == "อยู่ระหว่างดำเนินการ" and [t for i, t in enumerate(ticked) if i != 1] == [None] * (
        len(ticked) - 1
    )
