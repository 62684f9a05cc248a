"""Files and images sent in chat, end to end through the real channel stacks against fakes on 127.0.0.1.

Telegram documents and photos come through getFile and the file download of the configured Bot
API base URL; LINE images through the Messaging API content endpoint; the console through a typed
path. What a file says goes through the same score understanding as a typed message and is
always shown for confirmation. OCR tests are skipped, with the reason, only where Tesseract or its
Thai model is missing (.ci/run installs both).
"""

from __future__ import annotations

import io
import os
import random
import re
import shutil
import zipfile
from pathlib import Path

import httpx
import pytest

from benchmarks.ocr_pages import Page, render
from bot import wording as w
from bot.channels.chat_files import problem_text
from bot.channels.console import ConsoleChannel, typed_path
from bot.channels.intake import Limits, Problem
from bot.settings import Settings
from tests.fakes.line_api import FakeLineAPI, sign, text_event, webhook_body
from tests.fakes.telegram_api import TOKEN, BotThread, FakeBotAPI
from tests.test_intake import RESULT_PDF, RESULT_SCORES, needs_ocr
from tests.test_telegram_e2e import TelegramOfficer

AGENCY = "เทศบาลตำบลนามะเขือ"
MAX_MB = 0.5
LIMITS = Limits(max_bytes=int(MAX_MB * 1024 * 1024))


def screenshot(seed: int = 3, size: str = "phone-1080") -> Page:
    """A rendered phone screenshot of an indicator table with known scores (benchmarks/ocr_pages.py)."""
    return render("indicators", size, random.Random(seed), name=f"chat-{seed}")


def _settings(data: Path, **extra) -> Settings:
    return Settings(
        _env_file=None,
        data_dir=data,
        llm_model="",
        embedding="hashing",
        chat_file_max_mb=MAX_MB,
        **extra,
    )


# ---------------------------------------------------------------- Telegram
@pytest.fixture(scope="module")
def telegram(tmp_path_factory):
    from bot.app import build
    from bot.channels.telegram import build_application

    with FakeBotAPI() as api:
        settings = _settings(
            tmp_path_factory.mktemp("tg-files"),
            telegram_bot_token=TOKEN,
            telegram_base_url=api.base_url,
            telegram_webhook_url="",
        )
        app = build(settings)
        with BotThread(build_application(settings, app.dialogue)):
            yield api, app


def _to_scores_step(officer: TelegramOfficer) -> None:
    officer.says("/start")
    officer.says(AGENCY)
    types = officer.buttons()
    officer.presses(next((label for label, _, _ in types if "เทศบาลตำบล" in label), types[0][0]))
    if any("ใช้ตามนี้" in label for label, _, _ in officer.buttons()):
        officer.presses("ใช้ตามนี้")
    else:
        officer.says("ใช้ตามนี้")
    officer.says("2568")


def _sends_photo(officer: TelegramOfficer, content: bytes):
    before = len(officer.api.replies_to(officer.user))
    officer.api.send_photo(officer.user, content)
    return officer._wait(before)


def _sends_document(officer: TelegramOfficer, content: bytes, name: str, mime: str, **extra):
    before = len(officer.api.replies_to(officer.user))
    officer.api.send_document(officer.user, content, file_name=name, mime_type=mime, **extra)
    return officer._wait(before)


@needs_ocr
def test_a_telegram_screenshot_of_the_result_page_is_read_confirmed_and_kept(telegram):
    api, app = telegram
    officer = TelegramOfficer(api, 7100001)
    _to_scores_step(officer)
    page = screenshot()
    _sends_photo(officer, page.png)
    text = officer.text()
    assert w.FILE_READ_HEAD in text  # read automatically: the officer is told to check every value
    for number, value in page.indicators.items():
        assert f"{value:.2f}" in text, f"indicator {number} not shown for confirmation"
    assert any("ยืนยัน" in label for label, _, _ in officer.buttons()), "the scores wait for a yes"
    # the largest photo size was fetched, through the configured Bot API base URL
    assert [c.method for c in api.calls if c.chat_id == "" and c.method == "getFile"]
    assert api.downloads and api.downloads[-1].startswith("photos/")
    with app.sessions.open(f"telegram:{officer.user}") as session:
        assert session.state == "confirm" and session.scores.indicators == page.indicators
    officer.presses("ยืนยัน")
    with app.sessions.open(f"telegram:{officer.user}") as session:
        assert session.state == "drafted"
        assert session.scores.indicators == page.indicators


def test_a_telegram_pdf_with_a_text_layer_is_read_without_ocr(telegram, tmp_path, monkeypatch):
    api, app = telegram
    # Only the PDF tools on PATH: were OCR needed, this answer would be FILE_NO_OCR.
    tools = tmp_path / "bin"
    tools.mkdir()
    for name in ("pdftotext", "pdftoppm"):
        found = shutil.which(name)
        if found is None:
            pytest.skip(f"{name} is not installed (poppler-utils)")
        os.symlink(found, tools / name)
    monkeypatch.setenv("PATH", str(tools))
    officer = TelegramOfficer(api, 7100002)
    _to_scores_step(officer)
    _sends_document(officer, RESULT_PDF.read_bytes(), "ผลการประเมิน ITA.pdf", "application/pdf")
    text = officer.text()
    assert w.FILE_READ_HEAD in text and "98.89" in text and "100.00" in text
    with app.sessions.open(f"telegram:{officer.user}") as session:
        assert session.scores.indicators == RESULT_SCORES
    # an image in the same setting cannot be read: the officer is told to type the scores instead
    _sends_photo(officer, screenshot().png)
    assert officer.text() == w.FILE_NO_OCR


def test_a_telegram_file_over_the_limit_is_refused_politely_without_downloading_it(telegram):
    api, _app = telegram
    officer = TelegramOfficer(api, 7100003)
    downloads = len(api.downloads)
    _sends_document(officer, b"%PDF-1.7\n", "big.pdf", "application/pdf", declared_size=50 * 1024 * 1024)
    assert officer.text() == problem_text(Problem.TOO_LARGE, LIMITS)
    assert "0.5 MB" in officer.text()
    assert len(api.downloads) == downloads  # declared too large: never fetched


def test_a_telegram_file_larger_than_it_declared_is_cut_off_at_the_limit(telegram):
    api, _app = telegram
    officer = TelegramOfficer(api, 7100004)
    big = b"\x89PNG\r\n\x1a\n" + os.urandom(LIMITS.max_bytes)  # declares 100 bytes, sends more than the limit
    downloads = len(api.downloads)
    _sends_document(officer, big, "screen.png", "image/png", declared_size=100)
    assert officer.text() == problem_text(Problem.TOO_LARGE, LIMITS)
    assert len(api.downloads) == downloads + 1  # the download was started, and cut at the limit


@pytest.mark.parametrize(
    ("content", "name", "answer"),
    [
        (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00", "scores.exe", w.FILE_WRONG_TYPE),
        (b"\x00\x01\x02\x03" * 64, "scores.png", w.FILE_WRONG_TYPE),  # a name is not a type
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "screen.png", w.FILE_DAMAGED),
    ],
)
def test_a_telegram_file_of_the_wrong_type_gets_the_thai_error(telegram, content, name, answer):
    api, _app = telegram
    officer = TelegramOfficer(api, 7100005)
    _sends_document(officer, content, name, "application/octet-stream")
    assert officer.text() == answer


def test_a_word_file_is_refused_with_what_to_send_instead(telegram):
    api, _app = telegram
    officer = TelegramOfficer(api, 7100006)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    _sends_document(officer, buffer.getvalue(), "แผน.docx", "application/octet-stream")
    assert officer.text() == w.FILE_OFFICE and "PDF" in officer.text()


def test_a_file_with_no_scores_says_so_and_keeps_the_step(telegram):
    api, app = telegram
    officer = TelegramOfficer(api, 7100007)
    _to_scores_step(officer)
    _sends_document(officer, "บันทึกการประชุมประจำเดือน ไม่มีคะแนน\n".encode(), "memo.txt", "text/plain")
    assert w.FILE_NO_SCORES.format(example=w.SCORES_EXAMPLE) in officer.text()
    with app.sessions.open(f"telegram:{officer.user}") as session:
        assert session.state == "scores" and (session.scores is None or not session.scores.indicators)


# ---------------------------------------------------------------- LINE
SECRET = "files-channel-secret"


@needs_ocr
async def test_a_line_officer_sends_a_screenshot_and_gets_the_scores_to_confirm(tmp_path):
    from bot.app import build
    from bot.channels.server import create_app

    fake = FakeLineAPI().start()
    try:
        settings = _settings(
            tmp_path / "data",
            line_channel_secret=SECRET,
            line_channel_access_token="files-token",
            line_api_host=fake.host,
            public_base_url="https://ita-bot.example.go.th",
            link_secret="files-link-secret-0123456789",
        )
        app = create_app(settings, build(settings))
        user = "U4af4980629e2e0000000000000000016"
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url=settings.public_base_url
        ) as client:

            async def say(event) -> str:
                before = len(fake.messages())
                body = webhook_body(event)
                response = await client.post(
                    "/line/webhook", content=body, headers={"X-Line-Signature": sign(SECRET, body)}
                )
                assert response.status_code == 200
                await app.state.line.drain(timeout=120)
                return "\n".join(m.get("text", "") for m in fake.messages()[before:])

            for text in (AGENCY, "1", "ใช้ตามนี้", "2568"):
                await say(text_event(text, user=user))
            page = screenshot(seed=11, size="phone-720")
            answer = await say(fake.image_event(page.png, user=user))
            assert w.FILE_READ_HEAD in answer
            for value in page.indicators.values():
                assert f"{value:.2f}" in answer
            assert fake.downloads and fake.downloads[-1][1] == "Bearer files-token"
            fetched = len(fake.downloads)
            oversize = await say(
                fake.file_event(b"%PDF-1.7\n", "ผล.pdf", declared=10 * 1024 * 1024, user=user)
            )
            assert oversize == problem_text(Problem.TOO_LARGE, LIMITS)
            assert len(fake.downloads) == fetched  # declared too large: never downloaded
            app.state.line.close()
    finally:
        fake.stop()


# ---------------------------------------------------------------- console
def test_a_path_typed_in_the_console_sends_that_file(tmp_path):
    from bot.app import build

    settings = _settings(tmp_path / "data")
    app = build(settings)
    pdf = tmp_path / "ผล ITA 2568.pdf"
    pdf.write_bytes(RESULT_PDF.read_bytes())
    out = io.StringIO()
    console = ConsoleChannel(app.dialogue, tmp_path / "exports", out=out, limits=LIMITS)
    messages = [AGENCY, "1", "ใช้ตามนี้", "2568", f"'{pdf}'"]
    console.run(messages)
    assert w.FILE_READ_HEAD in out.getvalue() and "83.50" in out.getvalue()
    with app.sessions.open("console:officer") as session:
        assert session.scores.indicators == RESULT_SCORES


def test_only_an_existing_file_with_a_file_suffix_is_taken_as_a_path(tmp_path):
    shot = tmp_path / "my screen.png"
    shot.write_bytes(b"\x89PNG")
    assert typed_path(str(shot)) == shot
    assert typed_path(f'"{shot}"') == shot
    assert typed_path(str(shot).replace(" ", "\\ ")) == shot  # dragged into a terminal
    assert typed_path("/help") is None
    assert typed_path(str(tmp_path / "missing.png")) is None
    assert typed_path("ตัวชี้วัดที่ 1 98.89") is None


# ---------------------------------------------------------------- last year's plan (issue 16 part 3)
def plan_docx(text: str) -> bytes:
    """Seed text as an officer's Word file: paragraphs, and each run of tab-separated lines a table."""
    import docx

    document = docx.Document()
    rows: list[list[str]] = []

    def flush() -> None:
        if rows:
            width = max(len(r) for r in rows)
            table = document.add_table(rows=len(rows), cols=width)
            for i, cells in enumerate(rows):
                for j, cell in enumerate(cells):
                    table.cell(i, j).text = cell
            rows.clear()

    for line in text.splitlines():
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        flush()
        document.add_paragraph(line)
    flush()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


async def test_a_line_officer_sends_last_years_plan_and_the_new_draft_offers_its_measures(tmp_path):
    from bot.app import build
    from bot.channels.server import create_app
    from tests.fakes.line_api import postback_event
    from tests.test_agency import PLAN_001, SCORES_2569

    fake = FakeLineAPI().start()
    try:
        settings = _settings(
            tmp_path / "data",
            line_channel_secret=SECRET,
            line_channel_access_token="files-token",
            line_api_host=fake.host,
            public_base_url="https://ita-bot.example.go.th",
            link_secret="files-link-secret-0123456789",
        )
        bot = build(settings)
        app = create_app(settings, bot)
        user = "U4af4980629e2e0000000000000000161"
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url=settings.public_base_url
        ) as client:
            sent: list[dict] = []

            async def say(event) -> str:
                before = len(fake.messages())
                body = webhook_body(event)
                response = await client.post(
                    "/line/webhook", content=body, headers={"X-Line-Signature": sign(SECRET, body)}
                )
                assert response.status_code == 200
                await app.state.line.drain(timeout=120)
                sent[:] = fake.messages()[before:]
                return "\n".join(m.get("text", "") for m in sent)

            def buttons() -> list[tuple[str, str]]:
                items = [i for m in sent for i in (m.get("quickReply") or {}).get("items", [])]
                return [(i["action"]["label"], i["action"]["data"]) for i in items]

            for text in (AGENCY, "1", "ใช้ตามนี้", "2569"):
                await say(text_event(text, user=user))
            word = plan_docx(PLAN_001.read_text(encoding="utf-8"))
            answer = await say(fake.file_event(word, "แผนมาตรการ-2568.docx", user=user))
            assert fake.downloads and fake.downloads[-1][1] == "Bearer files-token"  # fetched from LINE
            found = re.search(r"ไฟล์นี้เป็นแผนมาตรการ ปีงบประมาณ พ.ศ. 2568 พบมาตรการ (\d+) ข้อ", answer)
            assert found is not None and int(found.group(1)) >= 15
            count = int(found.group(1))
            assert w.AGENCY_PLAN_LATER in answer
            await say(text_event(SCORES_2569, user=user))
            answer = await say(text_event("ยืนยัน", user=user))
            assert f"มาตรการเดิมข้อ 1/{count}" in answer and "ปรับปรุงข้อมูล OIT ให้ครบถ้วน" in answer
            labels = dict(buttons())
            assert {"คงไว้", "ปรับ", "ตัด"} <= labels.keys()
            answer = await say(postback_event(labels["คงไว้"], user=user))  # a button pressed
            assert f"มาตรการเดิมข้อ 2/{count}" in answer
            answer = await say(text_event("ตัดค่ะ", user=user))  # an answer typed
            assert w.CARRY_DROPPED in answer and f"มาตรการเดิมข้อ 3/{count}" in answer
            answer = await say(postback_event(dict(buttons())["คงไว้ทั้งหมด"], user=user))
            assert w.CARRY_DONE.format(kept=count - 1, revised=0, dropped=1) in answer
            app.state.line.close()
        with bot.sessions.open(f"line:{user}") as session:
            draft = session.draft
            assert draft is not None and draft.previous_year == 2568
            continued = [r for r in draft.rows if "มาตรการต่อเนื่องจากปีงบประมาณ พ.ศ. 2568" in r.measure]
            assert len(continued) >= 10 and {r.indicator for r in continued} == set(range(1, 11))
    finally:
        fake.stop()
