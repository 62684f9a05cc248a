"""A whole year and the next over Telegram (real python-telegram-bot against the fake Bot API on
127.0.0.1, the app as `python -m bot run` builds it, SQLite sessions in the data folder).

An officer drafts and exports the FY 2568 plan from ITA 2567, reports progress on two rows, the
bot restarts, and in the next year the officer sends only the ITA 2568 scores: the new plan
compares the two years and last year's measures are offered forward, with no file sent; last
year's 12-month report still carries what was reported.
"""

from __future__ import annotations

import io
import re

import docx

from bot import wording as w
from bot.thai import to_arabic
from tests.fakes.telegram_api import BotThread, FakeBotAPI
from tests.test_agency import SCORES_2568
from tests.test_agency_years import SCORES_2567, result_text
from tests.test_progress import ticked_status
from tests.test_telegram_e2e import TelegramOfficer, officer_settings

OFFICER = 5550167


def _word_text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    tables = list(document.tables)
    while tables:
        for row in tables.pop(0).rows:
            for cell in row.cells:
                parts.append(cell.text)
                tables.extend(cell.tables)
    return re.sub(r"[\s\u200b\u2060]", "", to_arabic("\n".join(parts)))


def test_next_years_plan_starts_from_this_years_over_telegram_with_no_upload(tmp_path):
    from bot.app import build
    from bot.channels.telegram import build_application

    with FakeBotAPI() as api:
        settings = officer_settings(tmp_path, api, OFFICER)
        officer = TelegramOfficer(api, OFFICER)
        with BotThread(build_application(settings, build(settings).dialogue)):
            officer.confirms_scores("2567", result_text(2567, SCORES_2567))
            officer.says("/export")
            officer.says("รายงานผลแถว 1 กับ 2")  # FY 2568 is over: the 12-month round
            officer.presses("ดำเนินการแล้ว")
            officer.says("จัดอบรมแล้วค่ะ https://example.go.th/ita/a.pdf")
            officer.presses("อยู่ระหว่างดำเนินการ")
            officer.says("ร้อยละ 50 ค่ะ")
            officer.says("ข้าม")
            officer.says("ข้าม")
            assert "บันทึกแล้ว" in officer.text() or "12 เดือน" in officer.text()

        # The next year, after a restart: only the new scores are sent.
        with BotThread(build_application(settings, build(settings).dialogue)):
            officer.says(result_text(2568, SCORES_2568))
            assert "ปีงบประมาณ พ.ศ. 2569" in officer.text()
            officer.presses(w.NEXT_YEAR_YES_LABEL)
            assert w.NEXT_YEAR_TREND.format(before=2567) in officer.text()
            officer.presses("ยืนยัน")
            said = officer.text()
            assert "ต่อยอดจากแผน ปีงบประมาณ พ.ศ. 2568" in said and "มาตรการเดิมข้อ 1/" in said
            officer.presses("คงไว้ทั้งหมด")
            assert "ต่อยอดครบแล้ว" in officer.text()
            officer.says("/export")
            officer.says("/report 12 ปีงบ 2568")

        files = {name: data for name, data, _ in api.documents_to(OFFICER)}
        assert {"ita-measures-2568.docx", "ita-measures-2569.docx", "ita-report-12m-2568.docx"} <= set(files)
        plan = _word_text(files["ita-measures-2569.docx"])
        assert "ผลการประเมินเปรียบเทียบปี2567และปี2568" in plan and "-4.50(ลดลง)" in plan
        assert "มาตรการต่อเนื่องจากปีงบประมาณพ.ศ.2568" in plan
        assert "ผลการประเมินเปรียบเทียบ" not in _word_text(files["ita-measures-2568.docx"])  # year one: none
        report = docx.Document(io.BytesIO(files["ita-report-12m-2568.docx"]))
        grid = max(report.tables, key=lambda t: len(t.rows))
        ticked = [ticked_status(row.cells[-1].text) for row in grid.rows[1:]]
        assert ticked[:2] == ["ดำเนินการแล้ว", "อยู่ระหว่างดำเนินการ"] and set(ticked[2:]) == {None}
