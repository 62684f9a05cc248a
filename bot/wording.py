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


# ====================================================================== scores
# (bot/scores: what was read, what could not be read, what to send instead)


# ====================================================================== ita
# (bot/ita: levels, confirmation summaries)


# ====================================================================== drafting and edits
# (bot/drafting: edit grammar help, edit errors, draft notes)


# ====================================================================== search and answers
# (bot/search: answers, ingest messages)


# ====================================================================== command line
# (bot/__main__ and ingest.py: usage lines, help, errors)

# python -m bot
CLI_USAGE = "ใช้งาน: python -m bot [run|ask|parse-scores|draft] ..."

# python -m bot run
CLI_RUN_DESCRIPTION = "เริ่มแชตบอทร่างมาตรการ ITA"
CLI_RUN_CONSOLE_HELP = "ใช้แชตในเทอร์มินัลแม้ตั้งค่า Telegram/LINE ไว้"
CLI_RUN_USER_HELP = "ชื่อผู้ใช้ของแชตในเทอร์มินัล (แยกข้อมูลแต่ละคน)"
CLI_RUN_PREPARING = "กำลังเตรียมฐานความรู้ (ครั้งแรกอาจใช้เวลาสักครู่) …"

# python -m bot ask
CLI_ASK_DESCRIPTION = "ค้นข้อความจากฐานความรู้ ITA พร้อมแหล่งอ้างอิง"
CLI_ASK_QUESTION_HELP = "คำถามภาษาไทย"
CLI_JSON_HELP = "พิมพ์ผลเป็น JSON"
CLI_ASK_K_HELP = "จำนวนข้อความที่ต้องการ (ค่าเริ่มต้น {k})"
CLI_ASK_INDICATOR_HELP = "กรองเฉพาะตัวชี้วัด"
CLI_ASK_ITEM_HELP = "กรองเฉพาะรหัสข้อ เช่น O13"
CLI_ASK_YEAR_HELP = "กรองเฉพาะปี พ.ศ."
CLI_ASK_KIND_HELP = (
    "กรองชนิดข้อความ: recommendation, framework, oit_item, playbook, measure_table, score_table, analysis"
)
CLI_ASK_EMPTY = 'กรุณาพิมพ์คำถาม เช่น python -m bot ask "ขอตัวอย่างมาตรการเรื่องการเปิดเผยข้อมูล O13"'
CLI_ASK_INDEXED = "สร้างหรือปรับปรุงดัชนีความรู้ในตัวระบบเรียบร้อย"

# python -m bot parse-scores
CLI_PARSE_DESCRIPTION = "แสดงคะแนนที่อ่านได้จากข้อความที่วาง (อ่านจาก stdin)"
CLI_PARSE_NOTE = "ข้อสังเกต: {warning}"

# python -m bot draft
CLI_DRAFT_DESCRIPTION = "ร่างมาตรการส่งเสริมคุณธรรมและความโปร่งใสจากคะแนน ITA"
CLI_DRAFT_SCORES_HELP = "ไฟล์คะแนน (JSON จาก parse-scores หรือข้อความที่วาง) หรือ - สำหรับ stdin"
CLI_DRAFT_AGENCY_TYPE_HELP = "ประเภทหน่วยงาน เช่น เทศบาลตำบล, อบต., โรงเรียน, องค์การมหาชน"
CLI_DRAFT_AGENCY_NAME_HELP = "ชื่อหน่วยงาน"
CLI_DRAFT_UNITS_HELP = 'หน่วยงานภายใน คั่นด้วยจุลภาค เช่น "สำนักปลัด,กองคลัง,กองช่าง"'
CLI_DRAFT_YEAR_HELP = "ปีที่ประเมิน (พ.ศ.) หากคะแนนไม่ได้ระบุ"
CLI_DRAFT_FISCAL_YEAR_HELP = "ปีงบประมาณที่ใช้มาตรการ (พ.ศ.) ค่าเริ่มต้น = ปีที่ประเมิน + 1"
CLI_DRAFT_THRESHOLD_HELP = 'เกณฑ์ระดับ เช่น "85/95" หรือ "70"'
CLI_DRAFT_NO_MAINTAIN_HELP = "ไม่ต้องร่างแถวรักษาระดับสำหรับตัวชี้วัดที่คะแนนสูง"
CLI_DRAFT_OUT_HELP = "บันทึกไฟล์ Word (.docx)"
CLI_DRAFT_XLSX_HELP = "บันทึกไฟล์ Excel (.xlsx)"
CLI_DRAFT_UNKNOWN_AGENCY_TYPE = 'ไม่รู้จักประเภทหน่วยงาน "{given}" — กรุณาระบุหนึ่งใน: {names}'
CLI_DRAFT_BAD_THRESHOLD = 'อ่านเกณฑ์ไม่ได้ — กรุณาระบุ เช่น "85/95" หรือ "70"'
CLI_DRAFT_SAVED_WORD = "บันทึกไฟล์ Word แล้ว: {path}"
CLI_DRAFT_SAVED_EXCEL = "บันทึกไฟล์ Excel แล้ว: {path}"

# python ingest.py
CLI_INGEST_DESCRIPTION = "นำเข้าความรู้ ITA และเอกสารวิเคราะห์ย้อนหลังเข้าสู่ดัชนี"
CLI_INGEST_PATHS_HELP = "ไฟล์หรือโฟลเดอร์ (.txt .md .docx .pdf)"
CLI_INGEST_REBUILD_HELP = "ลบดัชนีเดิมแล้วสร้างใหม่"
CLI_INGEST_QUIET_HELP = "ไม่แสดงแถบความคืบหน้า"
CLI_INGEST_SPEED = "ความเร็ว {per_second:,.0f} ตัวอักษร/วินาที"
