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

SCORES_EXAMPLE = "เช่น 'ตัวชี้วัดที่ 1 98.89' หรือวางตารางผลการประเมินจากระบบ ITAS"
# How a score is named in a message: by kind ("tool" is the fallback).
SCORE_LABEL_INDICATOR = "ตัวชี้วัดที่ {key}"
SCORE_LABEL_ITEM = "ข้อ {key}"
SCORE_LABEL_OVERALL = "คะแนนภาพรวม"
SCORE_LABEL_TOOL = "คะแนนเครื่องมือ {key}"
SCORE_LABEL_TOOL_SHORT = "เครื่องมือ {key}"  # in warnings about one table row
# How to correct one score (quoted in the messages).
FIX_INDICATOR = "'แก้ตัวชี้วัด {key} เป็น {value}'"
FIX_ITEM = "'แก้ {key} เป็น {value}'"
FIX_OTHER = "'แก้{key} เป็น {value}'"
FIX_OVERALL_KEY = "ภาพรวม"
# A score that cannot be used.
SCORE_NO_SUCH_INDICATOR = (
    "ไม่มีตัวชี้วัดที่ {key} ในการประเมิน ITA (มีเฉพาะตัวชี้วัดที่ 1–{last}) "
    "กรุณาตรวจสอบเลขตัวชี้วัดแล้วส่งใหม่ เช่น 'ตัวชี้วัดที่ {last} 90.00'"
)
SCORE_OVER_100 = "{label} ได้ {value:g} ซึ่งเกิน 100 คะแนน (คะแนน ITA อยู่ระหว่าง 0–100) กรุณาส่งคะแนนที่ถูกต้อง เช่น {fix}"
SCORE_BELOW_0 = "{label} ได้ {value:g} ซึ่งต่ำกว่า 0 (คะแนน ITA อยู่ระหว่าง 0–100) กรุณาส่งคะแนนที่ถูกต้อง เช่น {fix}"
SCORE_CONFLICT = "{label} มีคะแนนสองค่าที่ไม่ตรงกัน ({values}) กรุณาส่งค่าที่ถูกต้องเพียงค่าเดียว เช่น {fix}"
SCORE_CONFLICT_JOIN = " และ "
SCORE_ALSO_SEEN = "{label} ในข้อความมีค่า {others} ด้วย จึงใช้ค่า{where} {chosen:.2f} หากไม่ถูกต้องกรุณาพิมพ์ {fix}"
SCORE_WHERE_TABLE = "ในตาราง"
SCORE_WHERE_FIRST = "ที่ระบุครั้งแรก"
# A whole message that gives no usable scores.
SCORES_EMPTY_MESSAGE = (
    "ไม่พบข้อความคะแนน (ข้อความว่าง หรือเป็นสติกเกอร์/รูปภาพ) กรุณาพิมพ์หรือวางคะแนน ITA เป็นข้อความ {example}"
)
SCORES_TOO_LONG = (
    "ข้อความยาวเกินไป ({length:,} ตัวอักษร) กรุณาส่งเฉพาะส่วนตารางคะแนน ไม่เกิน {limit:,} ตัวอักษร {example}"
)
SCORES_NONE_FOUND = (
    "ไม่พบคะแนน ITA ในข้อความนี้ กรุณาส่งคะแนนรายตัวชี้วัด {example} หรือพิมพ์ทีละข้อ เช่น 'ตัวชี้วัดที่ 7 ได้ 60 คะแนน'"
)
SCORES_OTHERS_KEPT = "คะแนนอื่นที่อ่านได้ถูกเก็บไว้แล้ว ส่งเฉพาะค่าที่แก้ไขก็พอ"
# Warnings about how a table or line was read.
SCORE_NAME_DIFFERS = "ตัวชี้วัดที่ {key} มีชื่อที่เขียนตรงกับตัวชี้วัดที่ {named} จึงใช้ตามเลขตัวชี้วัดที่ระบุ"
SCORE_ROW_NUMBER_WINS = "แถว '{number} …' ใช้เลขตัวชี้วัดที่ {number} ตามคอลัมน์ 'ตัวชี้วัดที่' แม้ชื่อจะตรงกับตัวชี้วัดที่ {named}"
SCORE_MANY_IN_ROW = "{label} มีหลายค่าในแถวเดียว ({values}) จึงใช้ค่าสุดท้าย {chosen:.2f} ซึ่งมักเป็นปีล่าสุด"
SCORE_TOOL_PART = "พบคะแนน {key} แยกส่วน ({value:.2f}) ซึ่งยังไม่มีวิธีรวมที่ยืนยันได้ จึงไม่ได้นำมาใช้"


# ====================================================================== ita
# (bot/ita: levels, confirmation summaries)

# ita/tiers.level: why a level could not be given, or how sure it is.
LEVEL_NO_OVERALL = "ยังคำนวณระดับไม่ได้ เพราะยังไม่มีคะแนนภาพรวม"
LEVEL_NO_YEAR = "ยังไม่ทราบปีที่ประเมิน จึงยังระบุระดับไม่ได้ (เกณฑ์ระดับเปลี่ยนในปี 2566) กรุณาแจ้งปี เช่น 'ปี 2568'"
LEVEL_NO_SCALE = "ยังไม่มีข้อมูลเกณฑ์ระดับของปี {year}"
LEVEL_NEEDS_EVERY_TOOL = "ระดับ '{label}' ต้องมีคะแนนทุกเครื่องมือ จึงยังตรวจเงื่อนไขรายเครื่องมือไม่ได้"
LEVEL_UNCONFIRMED = (
    "เกณฑ์ของระดับ '{label}' ยังไม่ได้รับการยืนยันจากเอกสารของสำนักงาน ป.ป.ช. (ความเชื่อมั่น: {confidence})"
)
LEVEL_NOT_FOUND = "ไม่พบระดับที่ตรงกับคะแนน"
CONFIRM_PROMPT = "ถูกต้องหรือไม่ หากถูกต้องพิมพ์ 'ยืนยัน' หากต้องแก้ไข พิมพ์ เช่น 'แก้ตัวชี้วัด 7 เป็น 61.5'"


# ====================================================================== drafting and edits
# (bot/drafting: edit grammar help, edit errors, draft notes)

# drafting/edits: the edit grammar's examples (docs/conversation.md lists the same grammar).
EDIT_EXAMPLES = (
    "แก้ผู้รับผิดชอบ แถว 3 เป็น กองคลัง",
    "ระยะเวลา ตัวชี้วัด 9 เป็น ต.ค. 68 – มี.ค. 69",
    "เพิ่มขั้นตอน แถว 2: จัดประชุมชี้แจงบุคลากรทุกไตรมาส",
    "แก้มาตรการ แถว 1 เป็น จัดทำคู่มือการให้บริการ",
    "แก้ตัวชี้วัดความสำเร็จ แถว 1 เป็น ร้อยละ 90 ของบุคลากรผ่านการอบรม",
    "ลบแถว 4",
    "ร่างตัวชี้วัด 7 ใหม่",
)
EDIT_EXAMPLE_LINE = "• {example}"
# drafting/edits: an edit that was recognised but cannot be applied (EditError texts).
EDIT_NO_SUCH_INDICATOR = 'ไม่มีตัวชี้วัดที่ {number} (ITA มีตัวชี้วัดที่ 1–{last}) กรุณาระบุใหม่ เช่น "{example}"'
EDIT_ROW_FROM_ONE = 'เลขแถวต้องเริ่มที่ 1 กรุณาระบุใหม่ เช่น "{example}"'
EDIT_TOO_LONG = "ข้อความยาวเกิน {limit} ตัวอักษร กรุณาย่อให้สั้นลงแล้วส่งใหม่"
EDIT_UNREADABLE = "ขออภัย ยังอ่านคำสั่งแก้ไขนี้ไม่ออก กรุณาระบุแถวหรือตัวชี้วัดและค่าที่ต้องการ ตามรูปแบบต่อไปนี้\n{examples}"
EDIT_PERIOD_UNREADABLE = 'ยังอ่านช่วงเวลา "{text}" ไม่ออก กรุณาระบุเดือนย่อและปี พ.ศ. เช่น "{example}"'
EDIT_PERIOD_NEEDS_YEAR = 'กรุณาระบุปี พ.ศ. ด้วย เช่น "{example}"'
EDIT_PERIOD_BACKWARDS = 'เดือนเริ่มต้นอยู่หลังเดือนสิ้นสุด กรุณาระบุใหม่ เช่น "{example}"'
EDIT_PERIOD_OUTSIDE = (
    'ช่วงเวลา {period} อยู่นอกปีงบประมาณ พ.ศ. {fiscal_year} ({span}) กรุณาระบุช่วงภายในปีงบประมาณ เช่น "{example}"'
)
EDIT_NO_SUCH_ROW = (
    'ร่างนี้มี {count} แถว ไม่มีแถว {number} กรุณาระบุเลขแถว 1–{count} เช่น "แก้ผู้รับผิดชอบ แถว 1 เป็น กองคลัง"'
)
EDIT_INDICATOR_NOT_IN_DRAFT = (
    "ในร่างยังไม่มีแถวของตัวชี้วัดที่ {number} (มีตัวชี้วัดที่ {present}) "
    'กรุณาระบุเป็นเลขแถว เช่น "แก้ผู้รับผิดชอบ แถว 1 เป็น กองคลัง" '
    'หรือพิมพ์ "ร่างตัวชี้วัด {number} ใหม่" เพื่อเพิ่มแถวของตัวชี้วัดนั้น'
)
EDIT_NO_REDRAFT = "ขณะนี้ยังร่างใหม่รายตัวชี้วัดไม่ได้ กรุณาพิมพ์ /draft เพื่อร่างทั้งฉบับใหม่"
EDIT_NO_VALUE = 'ยังไม่มีข้อความที่จะแก้ กรุณาพิมพ์ต่อท้ายคำว่า "เป็น" เช่น "{example}"'
EDIT_LAST_ROW = (
    "ร่างต้องมีมาตรการอย่างน้อย 1 แถว จึงลบแถวสุดท้ายไม่ได้ "
    "หากต้องการเริ่มใหม่ทั้งหมด พิมพ์ /draft เพื่อร่างใหม่ หรือ /new เพื่อเริ่มต้นใหม่"
)
# drafting/edits: what an applied edit changed.
EDIT_WHERE_ROW = "แถว {number}"
EDIT_WHERE_INDICATOR = "ตัวชี้วัดที่ {number}"
EDIT_REDRAFTED = "ร่างมาตรการของตัวชี้วัดที่ {indicator} ใหม่แล้ว"
EDIT_DELETED = "ลบ{where} แล้ว (เหลือ {left} แถว)"
EDIT_WHAT_OWNERS = "ผู้รับผิดชอบเป็น {owners}"
EDIT_WHAT_TIMELINE = "ระยะเวลาเป็น {period}"
EDIT_WHAT_MEASURE = "มาตรการ"
EDIT_WHAT_KPI = "ตัวชี้วัดความสำเร็จ"
EDIT_WHAT_STEP = "ขั้นตอน"
EDIT_VERB_ADD = "เพิ่ม"
EDIT_VERB_CHANGE = "แก้"
EDIT_DONE = "{verb}{what} ใน{where} แล้ว"
# drafting/llm: why a row kept the default engine's wording (shown as a draft note).
LLM_FELL_BACK = "{reason} จึงใช้ร่างจากระบบพื้นฐานแทนสำหรับตัวชี้วัดที่ {indicators}"
LLM_NOT_JSON = "ระบบ LLM ตอบกลับในรูปแบบที่ไม่ใช่ JSON"
LLM_NOT_A_ROW = "ระบบ LLM ตอบกลับเป็น JSON ที่ไม่ใช่ข้อมูลแถวของตาราง"
LLM_TOO_FEW_STEPS = "ระบบ LLM เสนอขั้นตอนการดำเนินงานไม่ครบ {count} ขั้นตอน"
LLM_UNKNOWN_OWNERS = "ระบบ LLM ระบุผู้รับผิดชอบที่ไม่อยู่ในรายชื่อหน่วยงานภายใน: {owners}"
LLM_MONTHS_BACKWARDS = "ระบบ LLM กำหนดเดือนเริ่มต้นหลังเดือนสิ้นสุด"
LLM_OUTSIDE_FISCAL_YEAR = "ระบบ LLM กำหนดระยะเวลานอกปีงบประมาณ พ.ศ. {fiscal_year}"
LLM_UNSOURCED_QUOTE = "ระบบ LLM อ้างอิงข้อความที่ไม่ได้มาจากเอกสารที่ระบบค้นคืนให้"
LLM_BAD_SCHEMA = "ระบบ LLM ตอบกลับข้อมูลไม่ครบหรือไม่ตรงตามแบบฟอร์มของตาราง"
LLM_BAD_FIELDS = " (ช่อง {fields})"
LLM_TIMEOUT = "ระบบ LLM ไม่ตอบกลับภายในเวลาที่กำหนด ({timeout:g} วินาที)"
LLM_NO_CONNECTION = "ไม่สามารถเชื่อมต่อกับระบบ LLM ได้"
LLM_HTTP_ERROR = "ระบบ LLM แจ้งข้อผิดพลาดกลับมา (HTTP {status})"
LLM_OTHER_ERROR = "เกิดข้อผิดพลาดระหว่างเรียกใช้ระบบ LLM"
LLM_BUDGET_SPENT = "ระบบ LLM ใช้เวลารวมครบตามที่กำหนด ({budget:g} วินาที) แล้ว"
# drafting/engine: a note on a draft whose fiscal year has already ended.
DRAFT_FISCAL_YEAR_OVER = (
    "ปีงบประมาณ พ.ศ. {fiscal_year} ของมาตรการนี้สิ้นสุดแล้ว (ปัจจุบันคือปีงบประมาณ พ.ศ. {current}) "
    "หากต้องการใช้กับปีปัจจุบัน กรุณาระบุปีงบประมาณใหม่"
)


# ====================================================================== search and answers
# (bot/search: answers, ingest messages)

# search/answers: what kind of passage is quoted.
ANSWER_KIND = {
    "recommendation": "ข้อเสนอแนะ",
    "framework": "เกณฑ์การประเมิน",
    "oit_item": "ข้อคำถาม OIT",
    "playbook": "แนวทางมาตรการ (คู่มือของระบบ)",
    "measure_table": "ตารางมาตรการของหน่วยงานอื่น",
    "score_table": "ตารางคะแนน",
    "analysis": "ผลการวิเคราะห์ของหน่วยงานอื่น",
}
ANSWER_NOTHING_FOUND = (
    'ขออภัย ไม่พบข้อความที่เกี่ยวข้องในฐานความรู้ กรุณาระบุตัวชี้วัดหรือรหัสข้อให้ชัดเจนขึ้น เช่น "ขอตัวอย่างมาตรการตัวชี้วัดที่ 9 ข้อ O13"'
)
ANSWER_HEADING = "ข้อความที่เกี่ยวข้องจากฐานความรู้ (ยกมาตามต้นฉบับ พร้อมแหล่งที่มา):"
ANSWER_QUOTE = "[{n}] {label}: “{quote}”"
ANSWER_SOURCE = "    ที่มา: {where}"
ANSWER_WHERE_AGENCY = " · {agency}"
ANSWER_WHERE_YEAR = " · ปี {year}"
ANSWER_UNCONFIRMED = "    (ข้อมูลนี้ยังไม่ได้รับการยืนยันจากเอกสารทางการของ สำนักงาน ป.ป.ช.)"
ANSWER_OTHER_AGENCIES = "หมายเหตุ: ข้อความจากเอกสารของหน่วยงานอื่นเป็นตัวอย่างประกอบ ควรปรับให้เข้ากับบริบทของหน่วยงานท่าน"
ANSWER_CHECK_UNCONFIRMED = "ข้อความที่ระบุว่ายังไม่ได้รับการยืนยัน ควรตรวจสอบกับคู่มือการประเมิน ITA ของปีนั้นก่อนนำไปใช้"
# search/ingest, documents, index: the ingest run's summary and the files it could not read.
INGEST_SUMMARY = (
    "นำเข้าเสร็จใน {seconds:.1f} วินาที: แหล่งข้อมูลใหม่ {added} รายการ, "
    "ปรับปรุง {replaced} รายการ, ไม่เปลี่ยนแปลง {unchanged} รายการ, "
    "ข้อความที่เพิ่ม {chunks} ตอน — ในดัชนีมีทั้งหมด {total} ตอน"
)
INGEST_PROBLEMS = "มีไฟล์ที่นำเข้าไม่ได้ {count} รายการ:"
INGEST_PROBLEM_LINE = "  - {problem}"
INGEST_PROGRESS = "นำเข้า"
INGEST_PROGRESS_UNIT = "แหล่ง"
INGEST_OS_ERROR = "อ่านไฟล์ {path} ไม่ได้: {reason}"
DOC_BROKEN = "อ่านไฟล์ {name} ไม่ได้ ({error}) — ไฟล์อาจเสียหายหรือไม่ใช่ {suffix} จริง"
DOC_UNSUPPORTED = "ไม่รองรับไฟล์ {name} — รองรับเฉพาะ {supported}"
DOC_BINARY = "ไฟล์ {name} ไม่ใช่ไฟล์ข้อความ (พบข้อมูลไบนารี)"
DOC_ENCODING = "ไฟล์ {name} ไม่ได้เข้ารหัสเป็น UTF-8 หรือ TIS-620"
DOC_NO_TEXT = "ไฟล์ {name} ไม่มีข้อความให้อ่าน (อาจเป็นภาพสแกน ต้องทำ OCR ก่อน)"
DOC_SKIPPED = "ข้ามไฟล์ {path}: ไม่รองรับชนิดไฟล์นี้ (รองรับ {supported})"
DOC_NOT_FOUND = "ไม่พบไฟล์หรือโฟลเดอร์ {path}"
INDEX_MISMATCH = (
    "ดัชนีเดิมสร้างด้วย embedding '{stored}' แต่ตั้งค่าไว้เป็น '{configured}' — "
    "กรุณารัน python ingest.py --rebuild เพื่อสร้างดัชนีใหม่"
)
EMBEDDING_OPENAI_NEEDS = "EMBEDDING=openai ต้องตั้งค่า EMBEDDING_BASE_URL และ EMBEDDING_MODEL ด้วย"
EMBEDDING_UNKNOWN = "ไม่รู้จักค่า EMBEDDING={kind!r} — ใช้ hashing, sentence-transformers:<โฟลเดอร์โมเดล> หรือ openai"


# ====================================================================== command line
# (bot/__main__ and its commands: usage lines, errors)
