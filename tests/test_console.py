"""Console channel: message grouping, buttons by number, files written to a printed folder."""

from __future__ import annotations

import io
from pathlib import Path
from types import SimpleNamespace

from bot.channels import console
from bot.channels.console import ConsoleChannel, read_messages
from bot.dialogue.messages import Card, Choice, Document, Inbound, Reply
from bot.settings import Settings


class ScriptedDialogue:
    """A stand-in dialogue at the channel edge: records what it receives, answers from a queue."""

    def __init__(self, *replies: Reply) -> None:
        self.replies = list(replies)
        self.received: list[Inbound] = []

    def handle(self, inbound: Inbound) -> Reply:
        self.received.append(inbound)
        return self.replies.pop(0) if self.replies else Reply(["รับทราบ"])


def test_one_message_per_line_and_blank_lines_skipped():
    assert list(read_messages(["สวัสดี\n", "\n", "เทศบาลตำบลนามะเขือ\n"])) == ["สวัสดี", "เทศบาลตำบลนามะเขือ"]


def test_triple_quote_block_is_one_message():
    lines = ['"""\n', "1 การปฏิบัติหน้าที่ 98.50\n", "\n", "2 การใช้งบประมาณ 97.20\n", '"""\n', "ยืนยัน\n"]
    assert list(read_messages(lines)) == ["1 การปฏิบัติหน้าที่ 98.50\n\n2 การใช้งบประมาณ 97.20", "ยืนยัน"]


def test_unclosed_block_is_still_delivered():
    assert list(read_messages(['"""', "9 การเปิดเผยข้อมูล 78.50"])) == ["9 การเปิดเผยข้อมูล 78.50"]


def test_pasted_lines_arriving_together_are_one_message():
    queued = iter([True, False, False])
    assert list(read_messages(["a", "b", "c"], more_waiting=lambda: next(queued))) == ["a\nb", "c"]


def test_number_presses_the_last_replys_button_and_files_land_in_printed_folder(tmp_path: Path):
    dialogue = ScriptedDialogue(
        Reply(
            ["เลือกไฟล์"], choices=[Choice("ดาวน์โหลด Word", "/export docx"), Choice("Excel", "/export xlsx")]
        ),
        Reply(
            ["ไฟล์พร้อม"],
            documents=[Document("../../ita-measures-2569.docx", b"DOCX", "application/x", "Word")],
            cards=[Card("แถว 1 · ตัวชี้วัดที่ 9", "แก้ไขเร่งด่วน", (("มาตรการ", "เผยแพร่ข้อมูล"),))],
        ),
    )
    out = io.StringIO()
    console = ConsoleChannel(dialogue, tmp_path / "exports", user_id="somchai", out=out, echo=True)
    assert console.run(["/export\n", "๑\n", "7\n"]) == 0
    first, pressed, typed = dialogue.received
    assert first.text == "/export" and first.session_key == "console:somchai"
    assert pressed.kind == "choice" and pressed.choice == "/export docx"
    assert typed.text == "7" and typed.choice == ""  # no third button: a number stays text
    files = list((tmp_path / "exports").glob("console-*/*"))
    assert [f.name for f in files] == ["ita-measures-2569.docx"] and files[0].read_bytes() == b"DOCX"
    text = out.getvalue()
    assert str(files[0].parent) in text and "[1] ดาวน์โหลด Word" in text and "แถว 1 · ตัวชี้วัดที่ 9" in text
    assert "คุณ> ๑" in text


def test_quit_stops_before_later_messages(tmp_path: Path):
    dialogue = ScriptedDialogue()
    ConsoleChannel(dialogue, tmp_path, out=io.StringIO()).run(["สวัสดี", "/quit", "ไม่ควรถึง"])
    assert [m.text for m in dialogue.received] == ["สวัสดี"]


def test_run_app_over_piped_input_echoes_and_exports_under_data_dir(tmp_path: Path):
    dialogue = ScriptedDialogue(
        Reply(["ไฟล์พร้อม"], documents=[Document("plan.docx", b"DOCX", "application/x", "")])
    )
    app = SimpleNamespace(settings=Settings(_env_file=None, data_dir=tmp_path), dialogue=dialogue)
    out = io.StringIO()
    assert console.run(app, user_id="somsri", stdin=io.StringIO("/export\n"), stdout=out) == 0
    assert [i.session_key for i in dialogue.received] == ["console:somsri"]  # no /start: not a terminal
    assert "คุณ> /export" in out.getvalue()  # piped input is echoed
    assert [f.read_bytes() for f in (tmp_path / "exports").glob("console-*/plan.docx")] == [b"DOCX"]


SCRIPT = (
    "\n".join(
        [
            "สวัสดีครับ",
            "เทศบาลตำบลนามะเขือ",
            "1",
            "ใช้ตามนี้",
            "2568",
            '"""',
            "ตัวชี้วัดที่\tรายละเอียดตัวชี้วัด\tคะแนน",
            "1\tการปฏิบัติหน้าที่\t98.89",
            "2\tการใช้งบประมาณ\t99.38",
            "3\tการใช้อำนาจ\t99.75",
            "4\tการใช้ทรัพย์สินของราชการ\t98.77",
            "5\tการแก้ไขปัญหาการทุจริต\t95.56",
            "6\tคุณภาพการดำเนินงาน\t95.26",
            "7\tประสิทธิภาพการสื่อสาร\t91.50",
            "8\tการปรับปรุงการทำงาน\t92.01",
            "9\tการเปิดเผยข้อมูล\t83.50",
            "10\tการป้องกันการทุจริต\t100.00",
            '"""',
            "ยืนยัน",
            "แก้ผู้รับผิดชอบ แถว 1 เป็น กองคลัง",
            "/export",
            "/quit",
        ]
    )
    + "\n"
)


def test_python_m_bot_run_with_piped_stdin_drafts_and_exports(tmp_path: Path):
    import os
    import subprocess
    import sys

    repo = Path(__file__).resolve().parents[1]
    env = {
        **os.environ,
        "DATA_DIR": str(tmp_path / "data"),
        "TELEGRAM_BOT_TOKEN": "",
        "LINE_CHANNEL_SECRET": "",
        "LLM_MODEL": "",
        "PYTHONPATH": str(repo),
    }
    done = subprocess.run(
        [sys.executable, "-m", "bot", "run", "--console"],
        input=SCRIPT,
        text=True,
        capture_output=True,
        cwd=tmp_path,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    out = done.stdout
    assert "ยืนยัน" in out and "แถว 1 · ตัวชี้วัดที่" in out and "กองคลัง" in out
    files = sorted(p.name for p in (tmp_path / "data" / "exports").glob("console-*/*"))
    assert files == ["ita-chart-2569.png", "ita-measures-2569.docx", "ita-measures-2569.xlsx"]
    folder = next((tmp_path / "data" / "exports").glob("console-*"))
    assert str(folder) in out
    # A second run continues the same officer's conversation from the saved session.
    again = subprocess.run(
        [sys.executable, "-m", "bot", "run", "--console"],
        input="/profile\n",
        text=True,
        capture_output=True,
        cwd=tmp_path,
        env=env,
        timeout=300,
    )
    assert "เทศบาลตำบลนามะเขือ" in again.stdout
