"""A whole officer conversation over Telegram with the real services, including a bot restart midway."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from bot.export.wordbreak import plain
from bot.settings import Settings
from tests.fakes.telegram_api import TOKEN, BotThread, Call, FakeBotAPI

AGENCY = "เทศบาลตำบลนามะเขือ"
OFFICER = 5550001


def seed_score_table(seeds_dir: Path) -> str:
    """Return seed 001's score table (header line and the ten indicator rows) as an officer pastes it."""
    lines = next(seeds_dir.glob("001_*.txt")).read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if "ตัวชี้วัดที่" in line and "คะแนน" in line and "\t" in line)
    table = [lines[start]]
    for line in lines[start + 1 :]:
        if not line.strip():
            break
        table.append(line)
    assert len(table) == 11
    return "\n".join(table)


class TelegramOfficer:
    """Domain actions of one officer typing and pressing buttons in Telegram."""

    def __init__(self, api: FakeBotAPI, user_id: int) -> None:
        self.api, self.user = api, user_id
        self.last: list[Call] = []

    def _wait(self, before: int) -> list[Call]:
        self.last = self.api.wait_burst(self.user, before, quiet=0.6, timeout=180)
        return self.last

    def says(self, text: str) -> list[Call]:
        before = len(self.api.replies_to(self.user))
        self.api.send_text(self.user, text)
        return self._wait(before)

    def buttons(self) -> list[tuple[str, str, int]]:
        """Return (label, callback_data, message_id) of the buttons on the last reply."""
        out = []
        for call in self.last:
            if "reply_markup" in call.params:
                for row in json.loads(call.params["reply_markup"])["inline_keyboard"]:
                    out += [(b["text"], b["callback_data"], call.result["message_id"]) for b in row]
        return out

    def presses(self, label_part: str) -> list[Call]:
        _label, data, message_id = next(b for b in self.buttons() if label_part in b[0])
        before = len(self.api.replies_to(self.user))
        self.api.press(self.user, data, message_id)
        return self._wait(before)

    def text(self) -> str:
        return "\n".join(c.params.get("text", "") for c in self.last)

    def confirms_scores(self, year: str, scores: str) -> None:
        """Walk from /start to a confirmed draft: a tambon municipality, its default units, one year's scores."""
        self.says("/start")
        self.says(AGENCY)
        self.presses(next(label for label, _, _ in self.buttons() if "เทศบาลตำบล" in label))
        self.presses("ใช้ตามนี้")
        self.says(year)
        self.says(scores)
        self.presses("ยืนยัน")


def officer_settings(tmp_path, api: FakeBotAPI, officer: int, **extra) -> Settings:
    """Settings of a bot served to one allowed officer through the fake Bot API (offline defaults)."""
    return Settings(
        data_dir=tmp_path / "data",
        telegram_bot_token=TOKEN,
        telegram_base_url=api.base_url,
        telegram_allowed_users=str(officer),
        telegram_webhook_url="",
        llm_model="",
        embedding="hashing",
        **extra,
    )


def test_officer_goes_from_start_to_the_word_file_across_a_bot_restart(tmp_path, seeds_dir):
    from bot.app import build
    from bot.channels.telegram import build_application

    table = seed_score_table(seeds_dir)
    with FakeBotAPI() as api:
        settings = officer_settings(tmp_path, api, OFFICER)
        officer = TelegramOfficer(api, OFFICER)

        with BotThread(build_application(settings, build(settings).dialogue)):
            officer.says("/start")
            assert officer.text()
            officer.says(AGENCY)
            types = officer.buttons()
            assert types, "agency types are offered as buttons"
            officer.presses(next((label for label, _, _ in types if "เทศบาลตำบล" in label), types[0][0]))
            if any("ใช้ตามนี้" in label for label, _, _ in officer.buttons()):
                officer.presses("ใช้ตามนี้")
            else:
                officer.says("ใช้ตามนี้")
            officer.says("2568")
            officer.says(table)
            assert any("ยืนยัน" in label for label, _, _ in officer.buttons())

        # Restart: a new process would build everything again on the same data_dir.
        with BotThread(build_application(settings, build(settings).dialogue)):
            officer.presses("ยืนยัน")  # a button from before the restart still works
            cards = [c for c in officer.last if c.params.get("parse_mode") == "HTML"]
            assert cards and all("ตัวชี้วัดที่" in c.params["text"] for c in cards)
            officer.says("แก้ผู้รับผิดชอบ แถว 1 เป็น กองคลัง")
            assert "กองคลัง" in officer.text()
            officer.says("/export")

        docs = [(name, data) for name, data, _ in api.documents_to(OFFICER) if name.endswith(".docx")]
        assert docs, f"no Word file among {[n for n, _, _ in api.documents_to(OFFICER)]}"
        _name, data = docs[-1]
        with zipfile.ZipFile(io.BytesIO(data)) as docx:
            # the Word text carries invisible line-break hints between and inside Thai words
            xml = plain(docx.read("word/document.xml").decode("utf-8"))
        assert AGENCY in xml and "กองคลัง" in xml
        assert all(len(c.params["text"]) <= 4096 for c in api.messages_to(OFFICER))


def test_python_m_bot_run_serves_telegram_by_long_polling(tmp_path):
    """The real entry point with TELEGRAM_BOT_TOKEN set polls the configured Bot API and answers."""
    import os
    import signal
    import subprocess
    import sys

    repo = Path(__file__).resolve().parents[1]
    with FakeBotAPI() as api:
        env = {
            **os.environ,
            "DATA_DIR": str(tmp_path / "data"),
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_BASE_URL": api.base_url,
            "TELEGRAM_WEBHOOK_URL": "",
            "TELEGRAM_ALLOWED_USERS": "",
            "LINE_CHANNEL_SECRET": "",
            "LLM_MODEL": "",
            "PYTHONPATH": str(repo),
        }
        child = subprocess.Popen(
            [sys.executable, "-m", "bot", "run"],
            cwd=tmp_path,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        try:
            api.wait_for(lambda: api.calls_of("deleteWebhook"), timeout=180)  # polling has begun
            api.send_text(OFFICER, "/start")
            replies = api.wait_replies(OFFICER, 1, timeout=60)
            assert replies[0].params["text"]
        finally:
            child.send_signal(signal.SIGINT)  # run_polling stops cleanly on Ctrl+C
            try:
                _, err = child.communicate(timeout=30)
            except subprocess.TimeoutExpired:
                child.kill()
                _, err = child.communicate()
        assert child.returncode == 0, err.decode()[-2000:]
        assert TOKEN.split(":")[1].encode() not in err  # the token never reaches the console log
