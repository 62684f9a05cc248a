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

# ita/tiers.level: why a level could not be given, or how sure it is.
LEVEL_NO_OVERALL = "ยังคำนวณระดับไม่ได้ เพราะยังไม่มีคะแนนภาพรวม"
LEVEL_NO_YEAR = (
    "ยังไม่ทราบปีที่ประเมิน จึงยังระบุระดับไม่ได้ (เกณฑ์ระดับเปลี่ยนในปี 2566) กรุณาแจ้งปี เช่น 'ปี 2568'"
)
LEVEL_NO_SCALE = "ยังไม่มีข้อมูลเกณฑ์ระดับของปี {year}"
LEVEL_NEEDS_EVERY_TOOL = "ระดับ '{label}' ต้องมีคะแนนทุกเครื่องมือ จึงยังตรวจเงื่อนไขรายเครื่องมือไม่ได้"
LEVEL_UNCONFIRMED = (
    "เกณฑ์ของระดับ '{label}' ยังไม่ได้รับการยืนยันจากเอกสารของสำนักงาน ป.ป.ช. (ความเชื่อมั่น: {confidence})"
)
LEVEL_NOT_FOUND = "ไม่พบระดับที่ตรงกับคะแนน"
CONFIRM_PROMPT = "ถูกต้องหรือไม่ หากถูกต้องพิมพ์ 'ยืนยัน' หากต้องแก้ไข พิมพ์ เช่น 'แก้ตัวชี้วัด 7 เป็น 61.5'"


# ====================================================================== drafting and edits
# (bot/drafting: edit grammar help, edit errors, draft notes)


# ====================================================================== search and answers
# (bot/search: answers, ingest messages)


# ====================================================================== command line
# (bot/__main__ and its commands: usage lines, errors)
