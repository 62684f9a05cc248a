"""Every sentence the bot says to an officer in chat or on the command line, in one place.

Officers and reviewers read and correct the Thai here without reading the logic.
Plain constants and small format templates only: this module imports nothing
from the bot, so any room may use it. Sections follow the rooms that say them.
Document text (the Word/Excel plan, the drafted rows) is not here: it lives with
the exporters and the playbook data.
"""

from __future__ import annotations

# ====================================================================== dialogue
# (bot/dialogue: welcome, help, prompts, step hints, confirmations, files)


# ====================================================================== channels
# (bot/channels: refusals, failures, expired buttons)

# Telegram (bot/channels/telegram.py)
TELEGRAM_REFUSAL = (
    "ขออภัย บัญชีของท่านยังไม่ได้รับสิทธิ์ใช้งาน กรุณาติดต่อผู้ดูแลระบบของหน่วยงานเพื่อขอเพิ่มสิทธิ์ (Telegram ID: {user_id})"
)
TELEGRAM_FAILURE = "ขออภัย ระบบขัดข้องชั่วคราว ข้อมูลที่ท่านส่งไว้ก่อนหน้านี้ยังอยู่ครบ กรุณาลองส่งข้อความอีกครั้งในภายหลัง"
TELEGRAM_BUTTON_EXPIRED = "ขออภัย ปุ่มนี้หมดอายุแล้ว กรุณาพิมพ์ข้อความหรือคำสั่งที่ต้องการแทนการกดปุ่ม"
TELEGRAM_CHOOSE = "กรุณาเลือกรายการจากปุ่มด้านล่าง"  # buttons need a message to sit on

# LINE (bot/channels/line.py, line_render.py)
LINE_REFUSAL = (
    "ขออภัย บัญชี LINE ของท่านยังไม่ได้รับอนุญาตให้ใช้งานผู้ช่วยจัดทำมาตรการ ITA นี้ "
    "กรุณาติดต่อผู้ดูแลระบบของหน่วยงานเพื่อขอสิทธิ์การใช้งาน"
)
LINE_FAILURE = "ขออภัย ระบบขัดข้องชั่วคราว ข้อมูลที่ท่านส่งมาก่อนหน้านี้ยังอยู่ครบ กรุณาลองส่งข้อความอีกครั้งภายหลัง"
LINE_CHOOSE = "กรุณาเลือกรายการด้านล่าง"  # quick reply buttons need a message to sit on
LINE_CAROUSEL_ALT = "ร่างมาตรการ {count} รายการ: {titles}"  # shown where the card carousel cannot be
LINE_DOWNLOAD = "ดาวน์โหลด {filename}: {url}"
LINE_LINK_NOTE = "ลิงก์มีอายุ {hours} ชั่วโมงและออกให้เฉพาะท่าน กรุณาอย่าส่งต่อลิงก์"

# Download links, answered in the browser (bot/channels/links.py)
LINK_EXPIRED = "ลิงก์ดาวน์โหลดนี้หมดอายุแล้ว กรุณาขอไฟล์ใหม่จากแชตอีกครั้ง"
LINK_FORBIDDEN = "ลิงก์ดาวน์โหลดนี้ไม่ถูกต้องหรือไม่ได้ออกให้แก่ท่าน กรุณาขอไฟล์ใหม่จากแชต"
LINK_GONE = "ไม่พบไฟล์ตามลิงก์นี้แล้ว กรุณาขอไฟล์ใหม่จากแชตอีกครั้ง"

# Console (bot/channels/console.py)
CONSOLE_INTRO = 'พิมพ์ข้อความแล้วกด Enter · วางตารางหลายบรรทัดได้ หรือครอบด้วยบรรทัด """ · พิมพ์ /quit เพื่อออก'
CONSOLE_PROMPT = "คุณ> "
CONSOLE_ECHO = "คุณ> {message}"  # piped input is shown as if typed
CONSOLE_BOT = "บอท> {text}"
CONSOLE_FILE = "  ไฟล์: {path}"
CONSOLE_FILE_CAPTION = "  ไฟล์: {path}  ({caption})"
CONSOLE_FOLDER = "  (บันทึกไฟล์ไว้ในโฟลเดอร์ {folder})"
CONSOLE_BUTTON = "[{number}] {label}"
CONSOLE_BUTTONS = "  ปุ่ม: {buttons}  (พิมพ์หมายเลขเพื่อกดปุ่ม)"
CONSOLE_GOODBYE = "จบการสนทนา ข้อมูลของท่านบันทึกไว้แล้ว เรียกใช้อีกครั้งเพื่อทำต่อได้"


# ====================================================================== scores
# (bot/scores: what was read, what could not be read, what to send instead)


# ====================================================================== ita
# (bot/ita: levels, confirmation summaries)


# ====================================================================== drafting and edits
# (bot/drafting: edit grammar help, edit errors, draft notes)


# ====================================================================== search and answers
# (bot/search: answers, ingest messages)


# ====================================================================== command line
# (bot/__main__ and its commands: usage lines, errors)
