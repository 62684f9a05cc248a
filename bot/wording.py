"""Every sentence the bot says to an officer in chat or on the command line, in one place.

Officers and reviewers read and correct the Thai here without reading the logic.
Plain constants and small format templates only: this module imports nothing
from the bot, so any room may use it. Sections follow the rooms that say them.
Document text (the Word/Excel plan, the drafted rows) is not here: it lives with
the exporters and the playbook data.

It is over 400 lines on purpose: it is a flat list of sentences, and one file is
what lets a reviewer read every reply the bot can give in one place.
"""

from __future__ import annotations

# ====================================================================== dialogue
# (bot/dialogue: welcome, help, prompts, step hints, confirmations, files)

# -- welcome and help
WELCOME = (
    'สวัสดีครับ ระบบนี้ช่วยร่าง "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน" '
    "จากผลการประเมิน ITA ของหน่วยงานท่าน โดยจะถามข้อมูลหน่วยงาน รับคะแนน แล้วร่างตารางมาตรการรายตัวชี้วัด "
    "ให้ท่านแก้ไขในแชต และดาวน์โหลดเป็นไฟล์ Word/Excel ได้\n"
    "ระหว่างนี้ถามคำถามเกี่ยวกับ ITA ได้ทุกเมื่อ และพิมพ์ /help เพื่อดูคำสั่งทั้งหมด"
)
# {examples}: the edit examples of bot.drafting.edits, one bulleted line each.
HELP = (
    "คำสั่งที่ใช้ได้ (พิมพ์ภาษาไทยหรือภาษาอังกฤษก็ได้)\n"
    "• /start (เริ่ม) – เริ่มหรือทำต่อจากขั้นตอนล่าสุด\n"
    "• /new (เริ่มใหม่) – ล้างข้อมูลของท่านแล้วเริ่มต้นใหม่\n"
    "• /profile (ข้อมูลหน่วยงาน) – ดูหรือแก้ชื่อ ประเภท หน่วยงานย่อย และปีงบประมาณ\n"
    "• /scores (คะแนน) – ดูหรือส่งคะแนน ITA เพิ่ม\n"
    '• /threshold (เกณฑ์) – ตั้งเกณฑ์จัดกลุ่ม เช่น "/threshold 85/92" หรือ "เกณฑ์ 70"\n'
    "• /draft (ร่าง) – ร่างมาตรการทั้งฉบับ (หรือร่างใหม่)\n"
    "• /export (ดาวน์โหลด) – รับไฟล์ Word, Excel และกราฟ\n"
    "• /report (รายงาน) – รับแบบรายงานผลรอบ 6 และ 12 เดือน\n"
    '• /ask (ถาม) – ถามเกี่ยวกับ ITA เช่น "/ask ขอตัวอย่างมาตรการเรื่อง O13"\n'
    "• /cancel (ยกเลิก) – ยกเลิกขั้นตอนที่ค้างอยู่ ข้อมูลที่ส่งแล้วยังเก็บไว้\n"
    "• /undo (ย้อนกลับ) – ยกเลิกการแก้ไขร่างครั้งล่าสุด\n\n"
    "เมื่อได้ร่างแล้ว แก้ไขได้โดยพิมพ์ เช่น\n{examples}\n\n"
    'แก้คะแนนได้ เช่น "แก้ตัวชี้วัด 7 เป็น 61.5"'
)
NOTHING_TO_READ = (
    "ขออภัย ระบบอ่านได้เฉพาะข้อความตัวอักษร ยังไม่รองรับสติกเกอร์ รูปภาพ หรือไฟล์ "
    "กรุณาพิมพ์หรือวางข้อความแทน เช่น วางตารางคะแนนรายตัวชี้วัด หรือพิมพ์ /help เพื่อดูคำสั่ง"
)
FAILED = (
    "ขออภัย ระบบขัดข้องชั่วคราวระหว่างดำเนินการ ข้อมูลที่ท่านส่งก่อนหน้านี้ยังอยู่ครบ กรุณาส่งข้อความเดิมอีกครั้ง หรือพิมพ์ /help เพื่อดูคำสั่ง"
)
YOU_ARE_WELCOME = "ยินดีครับ"
NO_KNOWLEDGE = "ขออภัย ขณะนี้ยังไม่มีฐานความรู้ให้ค้น กรุณาลองใหม่ภายหลัง"
ASK_QUESTION = 'กรุณาพิมพ์คำถามต่อท้ายคำสั่ง เช่น "/ask ขอตัวอย่างมาตรการเรื่องการเปิดเผยข้อมูล O13"'
GREETING_REPLY = "สวัสดีครับ"
# A button payload the bot never offered (an old menu, another bot's rich menu): nothing is saved.
UNKNOWN_BUTTON = "ขออภัย ปุ่มนี้ไม่ใช่ตัวเลือกของขั้นตอนนี้ จึงยังไม่ได้บันทึกอะไร กรุณาพิมพ์คำตอบหรือกดปุ่มล่าสุด"

ASK_NAME = 'ขอทราบชื่อหน่วยงานของท่าน เช่น "เทศบาลตำบลนามะเขือ"'

# -- where the conversation stands, shown after a detour (keyed by the dialogue State's value)
STEP_HINTS = {
    "profile_name": "ขั้นตอนปัจจุบัน: " + ASK_NAME,
    "profile_type": "ขั้นตอนปัจจุบัน: กรุณาเลือกประเภทหน่วยงาน (กดปุ่มหรือพิมพ์หมายเลข)",
    # {example}: units of the officer's agency type (knowledge/agency_types.yaml), never one type's for all
    "profile_units": 'ขั้นตอนปัจจุบัน: กดปุ่ม "ใช้ตามนี้" หรือพิมพ์รายชื่อหน่วยงานย่อย เช่น "{example}"',
    "profile_year": 'ขั้นตอนปัจจุบัน: กรุณาระบุปีที่ประเมิน เป็น พ.ศ. เช่น "2568"',
    "scores": 'ขั้นตอนปัจจุบัน: กรุณาส่งคะแนน ITA รายตัวชี้วัด เช่น "1 การปฏิบัติหน้าที่ 98.50"',
    "confirm": 'ขั้นตอนปัจจุบัน: พิมพ์ "ยืนยัน" เพื่อร่างมาตรการ หรือแก้คะแนน เช่น "แก้ตัวชี้วัด 7 เป็น 61.5"',
    # {row}: a row the draft has (an example of a row that is not there misleads)
    "drafted": 'ร่างพร้อมแล้ว แก้ไขต่อได้ เช่น "ขอดูแถว {row}" หรือ "แก้ผู้รับผิดชอบ แถว {row} เป็น …" หรือพิมพ์ /export เพื่อดาวน์โหลด',
}
START_HINT = "พิมพ์ /start เพื่อเริ่มต้น"

# -- buttons (label shown; the payload is what the officer could type instead)
KEEP_LABEL = "ใช้ตามนี้"
CONFIRM_LABEL = "ยืนยัน"
CORRECT_LABEL = "แก้ไขคะแนน"
# A file kind the bot cannot make (PDF), asked for in any words: what it can send instead.
PDF_UNAVAILABLE = (
    'ขออภัย ระบบยังส่งออกเป็นไฟล์ PDF ไม่ได้ กด "ดาวน์โหลด Word" แล้วบันทึกเป็น PDF จากโปรแกรม Word ได้ '
    "(ไฟล์ > บันทึกเป็น > PDF)"
)
EXPORT_WORD_LABEL = "ดาวน์โหลด Word"
EXPORT_EXCEL_LABEL = "ดาวน์โหลด Excel"
EXPORT_ALL_LABEL = "ดาวน์โหลดทั้งหมด"
REPORT_LABEL = "แบบรายงานผล"

# -- the agency profile
STORED_NOW = "\nขณะนี้บันทึกไว้: {value}"
ASK_TYPE = 'หน่วยงานของท่านเป็นประเภทใด กดปุ่มหรือพิมพ์หมายเลข เช่น "1"\n{listing}{hint}{current}'
TYPE_GUESS = '\nจากชื่อหน่วยงาน น่าจะเป็น "{name}" หากถูกต้อง พิมพ์ "ใช่" ได้เลย'
BAD_NAME = 'ชื่อหน่วยงานควรยาว {min}–{max} ตัวอักษรและไม่ใช่ตัวเลขล้วน กรุณาพิมพ์ใหม่ เช่น "เทศบาลตำบลนามะเขือ"'
NAME_SAVED = "บันทึกชื่อหน่วยงาน: {name}"
UNKNOWN_TYPE = 'ขออภัย ไม่พบประเภทหน่วยงาน "{text}"'
TYPE_UNSURE = "หากไม่แน่ใจ กรุณาเลือกประเภทที่ใกล้เคียงที่สุด ภายหลังแก้ไขได้ด้วยคำสั่ง /profile"
# The type asked again (after an answer not on the list, or a detour): the list was shown once already.
ASK_TYPE_AGAIN = 'กรุณากดปุ่มประเภทหน่วยงาน หรือพิมพ์หมายเลข 1–{count} จากรายการด้านบน เช่น "{example}"{hint}'
TYPE_SAVED = "บันทึกประเภทหน่วยงาน: {name}"
UNITS_HEAD = "หน่วยงานย่อยที่จะรับผิดชอบมาตรการ"
UNITS_HEAD_FOR_TYPE = "หน่วยงานย่อยที่จะรับผิดชอบมาตรการ (ค่าเริ่มต้นสำหรับ{type_name})"
UNITS_NONE = "  (ยังไม่มี)"
ASK_UNITS = (
    '{head}\n{shown}\nกดปุ่ม "ใช้ตามนี้" หรือพิมพ์รายชื่อหน่วยงานย่อยของท่าน คั่นด้วยจุลภาคหรือขึ้นบรรทัดใหม่ เช่น "{example}"'
)
BAD_UNITS = 'กรุณาพิมพ์รายชื่อหน่วยงานย่อย (แต่ละชื่อไม่เกิน {max} ตัวอักษร) คั่นด้วยจุลภาค เช่น "{example}" หรือกดปุ่ม "ใช้ตามนี้"'
UNITS_SAVED = "บันทึกหน่วยงานย่อย: {units}"
# A reply to the unit question in which no name looks like a unit ("ร่างจากที่มีได้เลยค่ะ", "ปลัด คลัง"):
# asked back before it becomes the owners of every measure.
ASK_ARE_UNITS = 'ขอตรวจสอบก่อนบันทึก: "{units}" เป็นชื่อหน่วยงานย่อยที่จะรับผิดชอบมาตรการใช่ไหม'
UNITS_NOT_SAVED = "รับทราบ ยังไม่ได้บันทึกหน่วยงานย่อย"
UNITS_ADDED = "เพิ่มหน่วยงานย่อยแล้ว รวมเป็น: {units}"
ASK_YEAR = (
    'ผลการประเมิน ITA ที่จะใช้เป็นของปี พ.ศ. ใด เช่น "2568" '
    '(ปีงบประมาณของมาตรการจะเป็นปีถัดไปโดยอัตโนมัติ หากต้องการกำหนดเอง พิมพ์ เช่น "2568 ปีงบ 2570")'
)
YEAR_STORED_NOW = "\nขณะนี้บันทึกไว้: ปีประเมิน {assessment} ปีงบประมาณ {fiscal}"
BAD_YEAR = (
    'กรุณาระบุปีที่ประเมินเป็นปี พ.ศ. เช่น "2568" (หากต้องการกำหนดปีงบประมาณของมาตรการเอง พิมพ์ เช่น "2568 ปีงบ 2570")'
)
FISCAL_BEFORE_ASSESSMENT = (
    "ปีงบประมาณของมาตรการ ({fiscal}) ต้องไม่ก่อนปีที่ประเมิน ({assessment}) "
    'กรุณาพิมพ์ใหม่ เช่น "{assessment} ปีงบ {next_year}"'
)
YEARS_SAVED = "บันทึกปีที่ประเมิน {assessment} และปีงบประมาณของมาตรการ {fiscal}"
# A year or a units list sent before its question (bot/dialogue/early_answers.py): kept for its step.
YEAR_KEPT_EARLY = "รับปีไว้แล้ว: ปีที่ประเมิน {assessment} ปีงบประมาณของมาตรการ {fiscal} (จะให้ยืนยันอีกครั้งเมื่อถึงขั้นตอนระบุปี)"
UNITS_KEPT_EARLY = "รับรายชื่อหน่วยงานย่อยไว้แล้ว: {units} (จะให้ยืนยันเมื่อถึงขั้นตอนหน่วยงานย่อย)"
PROFILE = (
    "ข้อมูลหน่วยงาน\n• ชื่อ: {name}\n• ประเภท: {type_name}\n• หน่วยงานย่อย: {units}\n"
    "• ปีที่ประเมิน: {assessment}\n• ปีงบประมาณของมาตรการ: {fiscal}"
)
NOT_SET = "-"
PROFILE_EDIT_HINT = 'แก้ได้ทีละขั้นตอน กดปุ่ม "ใช้ตามนี้" เพื่อคงค่าเดิม หรือพิมพ์ /cancel เพื่อกลับไปขั้นตอนเดิม'
PROFILE_CHANGED = "ข้อมูลหน่วยงานปรับแล้ว พิมพ์ /draft เพื่อร่างมาตรการใหม่ตามข้อมูลนี้ (ร่างเดิมยังอยู่ และแก้ไขหรือดาวน์โหลดต่อได้)"
PROFILE_FIRST = "กรุณากรอกข้อมูลหน่วยงานให้ครบก่อน"
YES_LABEL = "ใช่"
NO_LABEL = "ไม่ใช่"
ASK_IS_AGENCY = 'ขอตรวจสอบก่อนบันทึก: "{name}" เป็นชื่อหน่วยงานของท่านใช่ไหม'
NAME_NOT_AGENCY = "รับทราบ ยังไม่ได้บันทึกชื่อนี้"

# -- the bot's own words explained ("หน่วยงานย่อยคืออะไร", "ต้องใส่อะไรคะ" at a step): bot/dialogue/terms.py.
# Each entry: the words an officer may use for the term, then what the bot means by it. {example}: units
# of the officer's agency type. Answered before any search, at every step, and the step is kept.
TERMS = {
    "units": (
        ("หน่วยงานย่อย", "หน่วยย่อย", "ส่วนราชการย่อย", "ส่วนงานย่อย", "หน่วยงานภายใน"),
        '"หน่วยงานย่อย" ในที่นี้คือ กอง สำนัก กลุ่มงาน หรือฝ่าย ภายในหน่วยงานของท่าน เช่น "{example}" '
        "ระบบใช้รายชื่อนี้เป็นผู้รับผิดชอบมาตรการแต่ละแถว ให้ตรงกับโครงสร้างของหน่วยงานท่าน "
        '(พิมพ์เฉพาะชื่อหน่วยงาน ไม่ต้องใส่ชื่อบุคคล หากใช้รายชื่อที่แสดงได้ กดปุ่ม "ใช้ตามนี้")',
    ),
    "owners": (
        ("ผู้รับผิดชอบ", "ผู้ดำเนินการ", "หน่วยงานรับผิดชอบ", "หน่วยงานที่รับผิดชอบ"),
        '"ผู้รับผิดชอบ" ในตารางมาตรการคือหน่วยงานย่อยที่ลงมือทำมาตรการแถวนั้น (เช่น "{example}") '
        "ไม่ใช่ชื่อบุคคล ระบบเลือกจากรายชื่อหน่วยงานย่อยที่ท่านให้ไว้ และแก้ได้หลังร่าง "
        'เช่น "แถว 3 ผู้รับผิดชอบเป็นกองคลัง"',
    ),
    "type": (
        ("ประเภทหน่วยงาน", "ประเภทของหน่วยงาน"),
        '"ประเภทหน่วยงาน" คือกลุ่มของหน่วยงานท่าน เช่น เทศบาลตำบล โรงเรียน หรือส่วนราชการระดับกรม '
        "ระบบใช้เลือกหน่วยงานย่อยตั้งต้น ผู้บริหารที่อนุมัติ และถ้อยคำในมาตรการให้เหมาะกับหน่วยงาน "
        "หากไม่มีประเภทที่ตรง เลือกประเภทที่ใกล้เคียงที่สุดได้",
    ),
    "assessment_year": (
        ("ปีที่ประเมิน", "ปีประเมิน", "ปีที่ได้คะแนน"),
        '"ปีที่ประเมิน" คือปี พ.ศ. ของผลการประเมิน ITA ที่ท่านจะส่งคะแนนมา เช่น ผล ITA ปี 2568 '
        "ส่วนมาตรการจะเป็นของปีงบประมาณถัดไป (2569) โดยอัตโนมัติ",
    ),
    "fiscal_year": (
        ("ปีงบประมาณของมาตรการ", "ปีงบของมาตรการ"),
        '"ปีงบประมาณของมาตรการ" คือปีที่จะดำเนินมาตรการตามแผน (ต.ค.–ก.ย.) ปกติเป็นปีถัดจากปีที่ประเมิน '
        'หากต้องการกำหนดเอง พิมพ์ เช่น "2568 ปีงบ 2570"',
    ),
    "keep": (
        ("ใช้ตามนี้",),
        'ปุ่ม "ใช้ตามนี้" คือใช้ค่าที่แสดงอยู่ต่อไปโดยไม่แก้ไข',
    ),
    "partial": (
        ("ร่างจากคะแนนที่มี", "ร่างจากที่มี"),
        '"ร่างจากคะแนนที่มี" คือร่างมาตรการเฉพาะตัวชี้วัดที่ส่งคะแนนมาแล้ว โดยไม่เดาคะแนนของตัวที่ขาด ส่งคะแนนเพิ่มภายหลังได้',
    ),
    "row": (
        ("แถว",),
        '"แถว" คือมาตรการหนึ่งรายการในตารางที่ร่าง หมายเลขแถวคงเดิมแม้ลบแถวอื่นไปแล้ว '
        'อ้างถึงเพื่อแก้ไขได้ เช่น "แถว 3 ผู้รับผิดชอบเป็นกองคลัง"',
    ),
}
# The term each step asks about: "ต้องใส่อะไรคะ" at that step explains it.
STEP_TERMS = {
    "profile_type": "type",
    "profile_units": "units",
    "profile_year": "assessment_year",
}

# A request for measures before there are scores ("ขอมาตรการตัวชี้วัด 9 หน่อยค่ะ"): what is needed, and the
# request kept. {wanted}: "ตัวชี้วัดที่ 9 " (with its space) or ""; {example}: a score line to copy.
MEASURES_NEED_SCORES = (
    'ยินดีร่างมาตรการ{wanted}ให้ครับ ระบบร่างจากคะแนน ITA ของหน่วยงานท่าน จึงขอคะแนนก่อน เช่น "{example}"'
)
MEASURES_WANTED_KEPT = (
    'ส่งเฉพาะตัวชี้วัดนี้ก็ได้ แล้วกด "ร่างจากที่มี" ระบบจำคำขอไว้แล้ว เมื่อร่างเสร็จจะแสดงมาตรการ{wanted}ให้ดูก่อน'
)
MEASURES_EXAMPLE = "ตัวชี้วัดที่ {number} ได้ 75.50"
# With the draft, the rows of the indicators asked for before the scores came ({rows}: "แถว 9, แถว 12").
WANTED_ROWS = "มาตรการ{wanted}ที่ท่านขอไว้อยู่ที่ {rows} (แสดงไว้ก่อน)"

# -- scores and their confirmation
ASK_SCORES = (
    "กรุณาส่งคะแนน ITA รายตัวชี้วัด (วางตารางจากรายงานผลได้เลย ส่งครั้งเดียวหรือหลายข้อความก็ได้) เช่น\n"
    "1 การปฏิบัติหน้าที่ 98.50\n2 การใช้งบประมาณ 97.20\n...\n10 การป้องกันการทุจริต 87.50\n"
    'จะใส่คะแนนรวมด้วยก็ได้ เช่น "คะแนนรวม 94.12"'
)
NO_SCORES_FOUND = "ยังไม่พบคะแนนในข้อความนี้ "
# Only the tool scores (IIT/EIT/OIT) were sent: read, but the plan is drafted per indicator.
TOOLS_ONLY = "ได้รับคะแนนรายแบบวัด ({tools}) แล้ว แต่การร่างมาตรการต้องใช้คะแนนรายตัวชี้วัด "
SCORES_STASHED = "รับคะแนนไว้แล้ว ({count} ตัวชี้วัด) จะใช้ต่อเมื่อกรอกข้อมูลหน่วยงานครบ"
ALL_SCORES_IN = "ได้คะแนนครบทั้ง {count} ตัวชี้วัดแล้ว"
SCORES_MISSING = "บันทึกคะแนนแล้ว {have} ตัวชี้วัด ยังขาดตัวชี้วัดที่ {names} กรุณาส่งเพิ่มได้เลย"
NOTHING_TO_CORRECT = 'ยังไม่มีคะแนนให้แก้ กรุณาส่งคะแนนรายตัวชี้วัดก่อน เช่น "1 การปฏิบัติหน้าที่ 98.50"'
CORRECTED = "แก้คะแนนแล้ว: "
# A score sent again with another value replaces the first: the officer sees both.
REPLACED_SCORE = "{label} = {new} (เดิม {old})"
OVERALL = "คะแนนรวม"
INDICATOR = "ตัวชี้วัดที่ {number}"
ASK_CORRECTION = 'พิมพ์คะแนนที่ถูกต้อง เช่น "แก้ตัวชี้วัด 7 เป็น 61.5" หรือ "แก้ O13 เป็น 100" หรือวางตารางคะแนนใหม่ทั้งชุด'
CONFIRM_OR_CORRECT = 'กรุณาพิมพ์ "ยืนยัน" เพื่อร่างมาตรการ หรือแก้คะแนน เช่น "แก้ตัวชี้วัด 7 เป็น 61.5"'
SCORES_CHANGED = "คะแนนปรับแล้ว พิมพ์ /draft เพื่อร่างมาตรการใหม่ตามคะแนนนี้ (ร่างปัจจุบันยังอยู่)"
# The parser's doubts about a score message, gathered into one short question ({points}: its notes).
SCORES_CHECK = "ขอตรวจสอบก่อน: {points}\nหากค่าใดไม่ถูกต้อง พิมพ์ค่าที่ถูกต้องได้เลย"
# Only the overall score so far: it is kept as typed, and the indicators are asked for.
SCORES_OVERALL_KEPT = "บันทึกคะแนนภาพรวม {overall:.2f} คะแนนไว้แล้ว (ใช้ตามที่พิมพ์)"
# Reads the parser was not sure of (ParseResult.unsure), asked again at the confirmation.
SCORES_UNSURE_CONFIRM = "ขอให้ตรวจสอบการอ่านคะแนนก่อนยืนยัน:\n{questions}"
# "ปีงบ 69" in a score message: the plan's fiscal year is set from it.
NAMED_ITEMS_KEPT = "บันทึกข้อที่แจ้งว่ายังไม่ผ่าน: {items} แผนจะระบุข้อเหล่านี้เป็นจุดที่ต้องแก้ไข (ไม่ได้ใส่คะแนนให้ข้อเหล่านี้)"
FISCAL_YEAR_FROM_SCORES = "ตั้งปีงบประมาณของมาตรการเป็น {year} ตามที่ระบุแล้ว"
SCORES_YEAR_MOVED = (
    "คะแนนที่ส่งมาเป็นผลการประเมินปี {assessment} จึงเปลี่ยนปีที่ประเมินจาก {held} เป็น {assessment} "
    "และปีงบประมาณของมาตรการเป็น {fiscal} หากไม่ถูกต้อง พิมพ์ /profile เพื่อแก้ปี"
)
SCORES_YEAR_KEPT = (
    "ข้อความระบุปี {named} แต่คะแนนที่บันทึกไว้เป็นของปี {held} จึงบันทึกคะแนนนี้เป็นของปี {held} "
    'หากเป็นคะแนนของปีอื่น พิมพ์ /profile เพื่อแก้ปีที่ประเมิน หรือพิมพ์ "ปีที่แล้วได้ …" สำหรับคะแนนปีก่อน'
)
# Drafting from some indicators only: the two buttons under the list of missing indicators.
PARTIAL_WAIT_LABEL = "รอส่งคะแนนเพิ่ม"
PARTIAL_WAIT = "ส่งคะแนนเพิ่ม"
PARTIAL_DRAFT_LABEL = "ร่างจากที่มี"
PARTIAL_DRAFT = "ร่างจากคะแนนที่มี"
PARTIAL_OFFER = 'หากมีคะแนนเพียงเท่านี้ กด "ร่างจากที่มี" เพื่อร่างมาตรการเฉพาะตัวชี้วัดที่ส่งมา (ระบบจะไม่เดาคะแนนที่ขาด)'
PARTIAL_WAITING = "รับทราบ ส่งคะแนนตัวชี้วัดที่เหลือได้เลย"
PARTIAL_NOTE = "จะร่างมาตรการเฉพาะ {count} ตัวชี้วัดที่มีคะแนน (ตัวชี้วัดที่ {numbers}) ตัวชี้วัดที่ขาดจะไม่อยู่ในแผน"
# At the confirmation step, a message that is neither a confirmation nor a score change.
CONFIRM_UNSURE = (
    'ขออภัย ยังไม่แน่ใจว่าหมายถึงอะไร ต้องการยืนยันคะแนนนี้เพื่อร่างมาตรการไหม หรือพิมพ์ค่าที่ถูกต้อง เช่น "แก้ตัวชี้วัด 7 เป็น 61.5"'
)
# The overall the officer typed and the weighted mean of the indicators disagree: asked once.
OVERALL_WHICH = (
    "คะแนนรวมที่แจ้งมา ({typed:.2f}) ต่างจากค่าที่คำนวณจากคะแนนรายตัวชี้วัด ({computed:.2f}) "
    "จะให้แผนใช้ค่าใด (หากไม่เลือก แผนจะใช้ค่าที่แจ้งมา)"
)
OVERALL_TYPED_LABEL = "ใช้ {score:.2f} ที่แจ้ง"
OVERALL_TYPED = "ใช้คะแนนรวมที่แจ้ง"
OVERALL_COMPUTED_LABEL = "ใช้ {score:.2f} ที่คำนวณ"
OVERALL_COMPUTED = "ใช้คะแนนรวมที่คำนวณ"
OVERALL_CHOSEN = "แผนจะใช้คะแนนรวม {score:.2f}"
# After the draft exists, a new score replaces a confirmed one only when the officer says yes.
SCORE_CHANGE_ASK = "ข้อความนี้จะเปลี่ยนคะแนนที่ยืนยันแล้ว: {changes}\nต้องการเปลี่ยนคะแนนไหม"
SCORE_CHANGE_YES_LABEL = "เปลี่ยนคะแนน"
SCORE_CHANGE_NO_LABEL = "คงคะแนนเดิม"
SCORE_CHANGE_KEPT = "คงคะแนนเดิมไว้ ไม่ได้เปลี่ยนอะไร"
# A reading made by the optional LLM, shown before anything is applied.
LLM_READ_SCORES = "อ่านข้อความนี้ได้เป็นคะแนน: {summary}\nถูกต้องไหม"
LLM_READ_EDIT = 'อ่านข้อความนี้ได้เป็นการแก้ร่าง: "{edit}"\nถูกต้องไหม'
LLM_DECLINED = "รับทราบ ไม่ได้นำไปใช้ กรุณาพิมพ์ใหม่อีกครั้ง"

# -- tier thresholds ({urgent}/{improve}/{maintain}: the Tier names)
THRESHOLDS = (
    "เกณฑ์จัดกลุ่ม: ต่ำกว่า {below:g} = {urgent}, {below:g} ถึงต่ำกว่า {from_:g} = {improve}, "
    "ตั้งแต่ {from_:g} = {maintain}"
)
THRESHOLDS_HOW = 'ตั้งใหม่ได้ เช่น "/threshold 85/92" หรือ "เกณฑ์ 70"'
BAD_THRESHOLDS = (
    'ขออภัย อ่านเกณฑ์ "{text}" ไม่ออก กรุณาระบุคะแนน 0–100 เช่น "/threshold 85/92" '
    '(ต่ำกว่า 85 {urgent}, ตั้งแต่ 92 {maintain}) หรือ "เกณฑ์ 70"'
)
THRESHOLDS_SET = "ตั้ง{thresholds} แล้ว"
REDRAFT_FOR_THRESHOLDS = "พิมพ์ /draft เพื่อร่างมาตรการใหม่ตามเกณฑ์นี้ (ร่างปัจจุบันยังอยู่)"

# -- starting over and cancelling
CLEARED = "ล้างข้อมูลเดิมของท่านแล้ว เริ่มต้นใหม่ได้เลย"
NEW_YES_LABEL = "ยืนยันล้างข้อมูล"
NEW_NO_LABEL = "คงข้อมูลเดิม"
NEW_ASK = (
    "ต้องการล้างข้อมูลทั้งหมดของท่าน (ข้อมูลหน่วยงาน คะแนนและแผนมาตรการทุกปีที่เก็บไว้ ร่างมาตรการ ผลการดำเนินงาน และการแจ้งเตือน) "
    "แล้วเริ่มต้นใหม่ใช่หรือไม่ ข้อมูลที่ล้างแล้วจะเรียกคืนไม่ได้ "
    'กรุณากด "ยืนยันล้างข้อมูล" หรือ "คงข้อมูลเดิม"'
)
NEW_EXPORT_LABEL = "ขอไฟล์ก่อนล้าง"
NEW_ASK_EXPORT = (
    '\nหากต้องการเก็บไฟล์ไว้ก่อน กด "ขอไฟล์ก่อนล้าง" ระบบจะส่งไฟล์มาตรการ (Word, Excel) '
    "และแบบรายงานผลที่บันทึกไว้ให้ โดยยังไม่ล้างข้อมูล\n"
    "หากต้องการเริ่มร่างมาตรการของปีถัดไป ไม่ต้องล้างข้อมูล — ส่งผลคะแนนของปีใหม่มาได้เลย "
    "ระบบจะเปรียบเทียบกับปีนี้และเสนอมาตรการเดิมให้ต่อยอด"
)
NEW_EXPORTED = (
    'ส่งไฟล์ให้แล้ว ข้อมูลยังไม่ถูกล้าง — หากเก็บไฟล์เรียบร้อยแล้ว กด "ยืนยันล้างข้อมูล" เพื่อล้างและเริ่มใหม่ หรือกด "คงข้อมูลเดิม"'
)
NEW_EXPORTED_YEARS = "แผนมาตรการฉบับที่ส่งออกไว้และแบบรายงานผลของปีงบประมาณ พ.ศ. {years} ที่เก็บไว้: {files}"
NEW_EXPORT_FAILED = 'ขออภัย สร้างไฟล์ {files} ไม่สำเร็จ ข้อมูลยังไม่ถูกล้าง กรุณากด "ขอไฟล์ก่อนล้าง" อีกครั้ง'
NEW_KEPT = "คงข้อมูลเดิมไว้ทั้งหมด ไม่ได้ล้างข้อมูลใด ๆ"
PROFILE_EDIT_CANCELLED = "ยกเลิกการแก้ข้อมูลหน่วยงานแล้ว ข้อมูลที่บันทึกไว้ยังอยู่"
CONFIRM_CANCELLED = "ยกเลิกการยืนยันแล้ว คะแนนยังเก็บไว้ ส่งคะแนนเพิ่มหรือแก้ไขได้ แล้วพิมพ์ /draft เมื่อพร้อม"
NOTHING_TO_CANCEL = "ไม่มีขั้นตอนที่ต้องยกเลิก ข้อมูลของท่านยังอยู่ครบ (หากต้องการล้างทั้งหมด พิมพ์ /new)"

# -- progress on the plan's rows, row by row (bot/dialogue/progress.py, issue 16 part 5)
PROGRESS_NO_DRAFT = (
    'ยังไม่มีแผนมาตรการให้รายงานผล — กรุณาร่างมาตรการก่อน (ส่งคะแนนแล้วพิมพ์ /draft) แล้วพิมพ์ "รายงานผล" อีกครั้ง'
)
PROGRESS_NO_ROWS = (
    'ไม่พบแถวที่ระบุในแผน แถวที่มีคือ {rows} — กรุณาพิมพ์ เช่น "รายงานผลแถว {first}" หรือ "รายงานผล" เพื่อรายงานทุกแถว'
)
PROGRESS_START = (
    "เริ่มบันทึกผลการดำเนินงานรอบ {months} เดือน ปีงบประมาณ {year} ทีละแถว ({count} แถว)\n"
    "แต่ละแถวจะถามสถานะ ร้อยละความคืบหน้า สิ่งที่ดำเนินการ และลิงก์หลักฐาน "
    'พิมพ์รวมกันในข้อความเดียวก็ได้ เช่น "ดำเนินการแล้ว 100% จัดอบรมเจ้าหน้าที่ 2 ครั้ง https://…"\n'
    'พิมพ์ "ข้าม" เพื่อข้ามคำถาม หรือ "หยุด" เพื่อหยุดไว้ก่อน (สิ่งที่บันทึกแล้วจะไม่หาย)'
)
PROGRESS_ROW = "แถว {number} ({position}/{count}) · {topic}\nมาตรการ: {measure}"
PROGRESS_BEFORE = "บันทึกไว้เดิม: {summary}"
PROGRESS_ASK_STATUS = 'สถานะของแถวนี้เป็นอย่างไร กดปุ่มหรือพิมพ์สถานะ (พิมพ์ "ข้าม" เพื่อคงไว้ตามเดิม)'
PROGRESS_ASK_PERCENT = 'ดำเนินการไปแล้วประมาณร้อยละเท่าใด พิมพ์ตัวเลข 0–100 เช่น 60 (หรือพิมพ์ "ข้าม")'
PROGRESS_ASK_DONE = (
    'ดำเนินการอะไรไปแล้วบ้าง พิมพ์สรุปสั้น ๆ เช่น "จัดประชุมชี้แจงเจ้าหน้าที่ 1 ครั้ง เมื่อ 15 ม.ค." (หรือพิมพ์ "ข้าม")'
)
PROGRESS_ASK_EVIDENCE = 'มีลิงก์หลักฐานหรือไม่ พิมพ์ลิงก์ได้หลายลิงก์ เช่น https://… หรือพิมพ์ "ไม่มี"'
PROGRESS_BAD_PERCENT = 'ร้อยละ "{value}" เกิน 100 — กรุณาพิมพ์ตัวเลข 0–100 เช่น 60 หรือพิมพ์ "ข้าม"'
PROGRESS_NOT_READ = (
    'ยังไม่ทราบสถานะของแถวนี้จากข้อความที่พิมพ์ — กรุณากดปุ่มสถานะ หรือพิมพ์ "ดำเนินการแล้ว" '
    '"อยู่ระหว่างดำเนินการ" หรือ "ยังไม่ดำเนินการ" (ข้อความที่พิมพ์มาเก็บไว้เป็นสิ่งที่ดำเนินการแล้ว)'
)
PROGRESS_PERCENT_NOT_READ = (
    'ไม่พบตัวเลขร้อยละในข้อความ — เก็บข้อความไว้เป็นสิ่งที่ดำเนินการแล้ว หากต้องการระบุร้อยละ พิมพ์ตัวเลข 0–100 (หรือ "ข้าม")'
)
PROGRESS_SAVED_ROW = "บันทึกแถว {number}: {summary}"
PROGRESS_SKIPPED_ROW = "ข้ามแถว {number} (คงข้อมูลเดิมไว้)"
PROGRESS_STOPPED = 'หยุดการรายงานไว้ก่อน บันทึกแล้ว {saved} แถว พิมพ์ "รายงานผล" เพื่อทำต่อได้ทุกเมื่อ'
PROGRESS_FINISHED = "บันทึกผลการดำเนินงานรอบ {months} เดือนครบทุกแถวที่ถามแล้ว\n{summary}"
PROGRESS_SUMMARY_LINE = "• แถว {number}: {summary}"
PROGRESS_NOTHING = "ยังไม่ได้รายงาน"
PROGRESS_PERCENT = "ร้อยละ {percent}"
PROGRESS_LINKS = "หลักฐาน {count} ลิงก์"
PROGRESS_REPORT_LABEL = "ขอรายงานรอบ {months} เดือน"
PROGRESS_REMIND_LABEL = "เปิดการแจ้งเตือน"
PROGRESS_SKIP_LABEL = "ข้าม"
PROGRESS_STOP_LABEL = "หยุดไว้ก่อน"
PROGRESS_CONTINUE = '(กำลังบันทึกผลแถว {number} อยู่ ตอบคำถามข้างต้น หรือพิมพ์ "หยุด")'
REPORT_FILLED = "ใส่ผลที่บันทึกไว้ {filled} จาก {rows} แถวในแบบรายงานรอบ {months} เดือนแล้ว"
REPORT_UNFILLED = (
    'ยังไม่มีผลที่บันทึกไว้สำหรับรอบ {months} เดือน แบบรายงานจึงเว้นช่องผลไว้ให้กรอกเอง (พิมพ์ "รายงานผล" เพื่อบันทึกทีละแถว)'
)
REPORT_XLSX_CAPTION = "รายงานผลการดำเนินการตามมาตรการ รอบ {months} เดือน (Excel)"
# -- reminders before each reporting round (bot/dialogue/reminders.py)
REMIND_ON = (
    "เปิดการแจ้งเตือนแล้ว ระบบจะแจ้งเตือนก่อนครบกำหนดรายงานผลแต่ละรอบ {days} วัน "
    '(ครั้งถัดไป: รอบ {months} เดือน ปีงบประมาณ {year} ประมาณวันที่ {date}) — พิมพ์ "ปิดการแจ้งเตือน" เพื่อยกเลิกได้ทุกเมื่อ'
)
REMIND_OFF = 'ปิดการแจ้งเตือนรายงานผลแล้ว พิมพ์ "เปิดการแจ้งเตือน" เพื่อเปิดอีกครั้งได้ทุกเมื่อ'
REMIND_ALREADY_OFF = 'ยังไม่ได้เปิดการแจ้งเตือนรายงานผลไว้ พิมพ์ "เปิดการแจ้งเตือน" หากต้องการให้แจ้งเตือน'
REMIND_NO_DRAFT = 'การแจ้งเตือนอิงกำหนดรายงานของแผนมาตรการ — กรุณาร่างมาตรการก่อน แล้วพิมพ์ "เปิดการแจ้งเตือน" อีกครั้ง'
REMIND_TEXT = (
    "แจ้งเตือน: ใกล้ครบกำหนดรายงานผลการดำเนินการตามมาตรการ รอบ {months} เดือน ปีงบประมาณ {year} "
    '(ภายใน {deadline})\nพิมพ์ "รายงานผล" เพื่อบันทึกผลทีละแถว แล้วรับแบบรายงานเป็น Word และ Excel '
    '— พิมพ์ "ปิดการแจ้งเตือน" หากไม่ต้องการให้แจ้งอีก'
)

# -- the draft
CANNOT_DRAFT_PROFILE = "ยังร่างไม่ได้ เพราะข้อมูลหน่วยงานยังไม่ครบ"
CANNOT_DRAFT_MISSING = "ยังร่างไม่ได้ เพราะคะแนนยังไม่ครบ"
CANNOT_DRAFT_NO_SCORES = "ยังร่างไม่ได้ เพราะยังไม่มีคะแนน"
NO_DRAFT = 'ยังไม่มีร่างมาตรการ กรุณาส่งข้อมูลหน่วยงานและคะแนนให้ครบก่อน แล้วพิมพ์ "ยืนยัน" เพื่อร่าง'
# An edit of rows typed before the plan is drafted (at the score or confirmation step).
EDIT_BEFORE_DRAFT = "ยังไม่ได้ร่างมาตรการ จึงยังไม่มีแถวให้แก้ไขหรือแสดง เมื่อร่างแล้ว ส่งข้อความนี้อีกครั้งได้เลย"
EXPORT_HINT = 'พิมพ์ /export หรือกดปุ่ม "ดาวน์โหลด" เพื่อรับเอกสารฉบับปรับปรุง'
DRAFT_READY = "ร่างพร้อมแล้ว "
# {examples}: the edit examples, as in HELP.
NOT_UNDERSTOOD = (
    "ขออภัย ไม่เข้าใจข้อความนี้ หากต้องการแก้ร่าง พิมพ์ตามรูปแบบ เช่น\n{examples}"
    "\nหรือพิมพ์ /export เพื่อดาวน์โหลด /help เพื่อดูคำสั่งทั้งหมด"
)
DRAFT_TITLE = "ร่างมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ของ{agency} ปีงบประมาณ พ.ศ. {year}"
AGENCY = "หน่วยงาน"
DRAFT_LEVEL = " ระดับ {level}"
DRAFT_OVERALL = "คะแนนรวม {overall:.2f}{level}"
# The draft repeats the level rule's hedge, shown whole at the confirmation, in one short line.
DRAFT_LEVEL_UNSURE = "(เกณฑ์ระดับยังไม่ได้รับการยืนยัน แผนที่เผยแพร่จึงระบุเฉพาะคะแนน)"
DRAFT_COUNT = "จำนวน {count} มาตรการ ({tiers})"
UNDO_DONE = "ย้อนการแก้ไขล่าสุดแล้ว ร่างกลับเป็นเหมือนก่อนแก้ (ย้อนได้อีก {left} ครั้ง)"
UNDO_DONE_LAST = "ย้อนการแก้ไขล่าสุดแล้ว ร่างกลับเป็นเหมือนก่อนแก้ (ไม่มีการแก้ไขก่อนหน้านี้ให้ย้อนอีก)"
UNDO_NOT_A_DELETE = (
    "การแก้ไขล่าสุดเป็นการแก้แถว {rows} ไม่ใช่การลบแถว จึงยังไม่ได้ย้อน "
    'หากต้องการย้อนการแก้ไขล่าสุด พิมพ์ "ย้อนกลับ" (พิมพ์ซ้ำเพื่อย้อนทีละขั้นจนถึงการลบแถว)'
)
UNDO_OTHER_ROW = (
    'การแก้ไขล่าสุดเป็นของแถว {rows} ไม่ใช่แถว {row} จึงยังไม่ได้ย้อน หากต้องการย้อนการแก้ไขล่าสุด พิมพ์ "ย้อนกลับ" '
    'หรือแก้แถว {row} โดยตรง เช่น "แก้ผู้รับผิดชอบ แถว {row} เป็น …"'
)
UNDO_NOTHING = "ยังไม่มีการแก้ไขให้ย้อนกลับ ร่างปัจจุบันยังอยู่ครบ"
# "ย้อนกลับ" before any draft: there is nothing to take back (and no draft to call complete).
UNDO_NO_DRAFT = "ยังไม่มีร่างมาตรการ จึงยังไม่มีการแก้ไขให้ย้อนกลับ"
UNDO_STALE = "ร่างปัจจุบันเป็นร่างใหม่ทั้งฉบับ (หลังการร่างใหม่หรือเปลี่ยนคะแนน) จึงย้อนการแก้ไขของร่างก่อนหน้าไม่ได้ ร่างปัจจุบันยังอยู่ครบ"
REDRAFT_KEEP_LABEL = "คงร่างเดิม"
REDRAFT_KEPT = "คงร่างเดิมไว้ ไม่ได้ร่างใหม่ การแก้ไขของท่านยังอยู่ครบ"
ROWS_NOW = "เลขแถวในร่างขณะนี้: {numbers}"
DRAFT_HOW_TO_EDIT = (
    'แก้ไขได้โดยพิมพ์ เช่น "แก้ผู้รับผิดชอบ แถว 1 เป็น กองคลัง" (ดูรูปแบบทั้งหมดด้วย /help) '
    'เลขแถวคงเดิมแม้ลบแถวอื่น พิมพ์ "ย้อนกลับ" เพื่อยกเลิกการแก้ไขล่าสุด '
    "และพิมพ์ /export เพื่อดาวน์โหลดไฟล์ Word/Excel"
)

# -- a draft row as a card
CARD_TITLE = "แถว {row} · {title}"
CARD_ROW = "แถว {row}"
CARD_INDICATOR = "ตัวชี้วัดที่ {number} {name}"
CARD_ITEMS = "ข้อที่ควรพัฒนา"
CARD_MEASURE = "มาตรการ"
CARD_STEPS = "ขั้นตอน"
CARD_OWNERS = "ผู้รับผิดชอบ"
CARD_TIMELINE = "ระยะเวลา"
CARD_KPI = "ตัวชี้วัดความสำเร็จ"

# -- files
CHART = "กราฟ"
WORD_CAPTION = "ตารางมาตรการ (Word) แก้ไขต่อได้"
EXCEL_CAPTION = "ตารางมาตรการ (Excel) ใช้ติดตามผล"
CHART_CAPTION = "กราฟคะแนนรายตัวชี้วัด"
FILES_SENT = "ไฟล์ร่างมาตรการ: {files}\nหากแก้ร่างในแชตต่อ พิมพ์ /export อีกครั้งเพื่อรับไฟล์ฉบับล่าสุด"
FILES_FAILED = (
    'ขออภัย สร้างไฟล์ {files} ไม่สำเร็จ ร่างของท่านยังอยู่ครบ กรุณาพิมพ์ /export อีกครั้ง หรือเลือกเฉพาะไฟล์ เช่น "/export xlsx"'
)
REPORT_FAILED = (
    'ขออภัย สร้างแบบรายงานรอบ {months} เดือนไม่สำเร็จ ร่างของท่านยังอยู่ครบ กรุณาพิมพ์ "/report {months}" อีกครั้ง'
)
REPORT_CAPTION = "แบบรายงานผลการดำเนินการตามมาตรการ รอบ {months} เดือน"
REPORTS_SENT = "แบบรายงานผลการดำเนินการตามมาตรการ: {files}"

# The summary of the scores read, shown for confirmation (render.confirmation_summary).
CONFIRM_TITLE = "สรุปคะแนน ITA ที่ได้รับ{year} กรุณาตรวจสอบ"
CONFIRM_TITLE_YEAR = " ปี {year}"
CONFIRM_TOOL = "\n{code} — {name} (น้ำหนัก {weight:.0f}%)"
CONFIRM_INDICATOR = "• ตัวชี้วัดที่ {number} {name}: {score} ({tier})"
CONFIRM_INDICATOR_MISSING = "• ตัวชี้วัดที่ {number} {name}: ยังไม่ได้รับคะแนน"
CONFIRM_TOOL_SCORE = "  คะแนน {code} (คำนวณ): {score}"
CONFIRM_TOOL_DIFFERS = "  ⚠️ คะแนน {code} ที่แจ้งมา ({typed}) ต่างจากที่คำนวณได้ กรุณาตรวจสอบคะแนนรายตัวชี้วัด"
CONFIRM_ITEMS = "\nคะแนนรายข้อ"
CONFIRM_ITEM = "• {code}{where}: {score} ({tier})"
CONFIRM_ITEM_WHERE = " (ตัวชี้วัดที่ {number})"
CONFIRM_OVERALL = "คะแนนภาพรวม (คำนวณ IIT×0.3 + EIT×0.3 + OIT×0.4): {score}"
CONFIRM_OVERALL_TYPED = "คะแนนภาพรวมที่แจ้งมา: {score}"
CONFIRM_LEVEL = "ระดับผลการประเมิน: {label}"
CONFIRM_LEVEL_UNCONFIRMED = " (เกณฑ์ยังไม่ได้รับการยืนยัน)"
CONFIRM_NOTE = "หมายเหตุ: {note}"
CONFIRM_MISSING = "\nยังขาดคะแนนตัวชี้วัดที่ {numbers} กรุณาส่งเพิ่ม เช่น 'ตัวชี้วัดที่ {first} 90.00'"
CONFIRM_TIERS = (
    "\nเกณฑ์แบ่งกลุ่ม: ต่ำกว่า {urgent:g} = {urgent_name}, "
    "{urgent:g} ถึงต่ำกว่า {maintain:g} = {improve_name}, ตั้งแต่ {maintain:g} = {maintain_name}"
)
CONFIRM_PROMPT = "ถูกต้องหรือไม่ หากถูกต้องพิมพ์ 'ยืนยัน' หากต้องแก้ไข พิมพ์ เช่น 'แก้ตัวชี้วัด 7 เป็น 61.5'"


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

# Reliability, every channel (bot/channels/runtime.py, line.py, telegram.py; the re-follow in dialogue/conversation.py)
RATE_LIMITED = (
    "ขออภัย ท่านส่งข้อความถี่เกินกว่าที่ระบบรับได้ในช่วงเวลานี้ ข้อความล่าสุดยังไม่ได้รับการประมวลผล "
    "กรุณารอประมาณ {seconds} วินาที แล้วส่งข้อความที่ต้องการอีกครั้ง"
)
RESEND_AFTER_RESTART = (
    "ขออภัย ระบบเพิ่งเริ่มทำงานใหม่ระหว่างที่กำลังตอบข้อความล่าสุดของท่าน ข้อมูลที่บันทึกไว้ก่อนหน้านี้ยังอยู่ครบ กรุณาส่งข้อความล่าสุดอีกครั้ง"
)
WELCOME_BACK = "ยินดีต้อนรับกลับมาอีกครั้ง ข้อมูลที่ท่านกรอกไว้ยังอยู่ครบ ทำต่อจากขั้นตอนเดิมได้เลย"

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
# A very long message: only its first lines are read.
SCORES_TOO_MANY_LINES = (
    "ข้อความยาวเกิน {limit:,} บรรทัด จึงอ่านคะแนนเฉพาะ {limit:,} บรรทัดแรก หากคะแนนอยู่ท้ายข้อความ กรุณาส่งเฉพาะส่วนนั้น"
)
SCORES_TOO_MANY_NUMBERS = (
    "ข้อความมีตัวเลขมากกว่า {limit:,} ค่า จึงอ่านคะแนนเฉพาะส่วนต้นของข้อความ หากคะแนนอยู่ท้ายข้อความ กรุณาส่งเฉพาะส่วนนั้น"
)
# Reads that are likely but not certain: one short question each (ParseResult.unsure).
SCORES_UNSURE_ORDER = (
    "อ่านตัวเลข {count} ค่าที่ไม่ได้ระบุเลขตัวชี้วัดเป็นคะแนนตัวชี้วัดที่ 1–{count} ตามลำดับ ถูกต้องหรือไม่ "
    "หากไม่ใช่ กรุณาส่งใหม่โดยระบุเลขตัวชี้วัด เช่น 'ตัวชี้วัดที่ 1 95.00'"
)
SCORES_UNSURE_OVERALL = (
    "อ่าน {value:.2f} เป็นคะแนนภาพรวม ITA ถูกต้องหรือไม่ หากเป็นคะแนนตัวชี้วัด กรุณาระบุเลข เช่น 'ตัวชี้วัดที่ 9 {value:.2f}'"
)
SCORES_UNSURE_NAME = (
    "อ่าน '{written}' เป็นตัวชี้วัดที่ {key} ({value:.2f}) ถูกต้องหรือไม่ "
    "หากไม่ใช่ กรุณาระบุเลขตัวชี้วัด เช่น 'ตัวชี้วัดที่ {key} {value:.2f}'"
)
# "O13 ไม่ผ่าน": an OIT item given a verdict only, read as 0 (fail) or 100 (pass) and asked back.
SCORES_VERDICT_FAIL = "ไม่ผ่าน"
SCORES_VERDICT_PASS = "ผ่าน"
SCORES_UNSURE_VERDICT = (
    "อ่านข้อ {codes} ที่ระบุว่า '{said}' เป็น {value:.0f} คะแนน ถูกต้องหรือไม่ "
    "หากไม่ใช่ กรุณาส่งคะแนนของข้อนั้น เช่น '{first} 50'"
)
# Only an earlier year's scores, with this year's results said to be not out yet.
SCORES_ONLY_PREVIOUS = (
    "ข้อความนี้มีเฉพาะคะแนนของปีก่อนหน้า ซึ่งใช้ร่างมาตรการไม่ได้ เนื่องจากผลการประเมินของปีล่าสุดยังไม่ประกาศ "
    "เมื่อประกาศผลแล้ว กรุณาส่งคะแนนรายตัวชี้วัด {example}"
)
SCORES_UNSURE_YEARS = "พบคะแนนหลายปีในข้อความ จึงใช้คะแนนปี {year} ซึ่งเป็นปีล่าสุด และเก็บคะแนนปีก่อนหน้าไว้เปรียบเทียบ"


# ====================================================================== ita
# (bot/ita: levels, confirmation summaries)

# ita/tiers.level: why a level could not be given, or how sure it is.
LEVEL_NO_OVERALL = "ยังคำนวณระดับไม่ได้ เพราะยังไม่มีคะแนนภาพรวม"
LEVEL_NO_YEAR = "ยังไม่ทราบปีที่ประเมิน จึงยังระบุระดับไม่ได้ (เกณฑ์ระดับเปลี่ยนในปี 2566) กรุณาแจ้งปี เช่น 'ปี 2568'"
LEVEL_NO_SCALE = "ยังไม่มีข้อมูลเกณฑ์ระดับของปี {year}"
LEVEL_NEEDS_EVERY_TOOL = "ระดับ '{label}' ต้องมีคะแนนทุกเครื่องมือ จึงยังตรวจเงื่อนไขรายเครื่องมือไม่ได้"
# {confidence} (the research label, e.g. NOT_CONFIRMED) is for logs and tests, never printed to officers.
LEVEL_UNCONFIRMED = (
    "เกณฑ์ของระดับ '{label}' ยังไม่ได้รับการยืนยันจากเอกสารของสำนักงาน ป.ป.ช. "
    "โปรดเทียบกับประกาศผลการประเมินของปีนั้นก่อนอ้างอิงระดับนี้"
)
LEVEL_NOT_FOUND = "ไม่พบระดับที่ตรงกับคะแนน"


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
    "ดูแถว 3",
    "เพิ่มแถว ตัวชี้วัดที่ 9 (หรือ เพิ่มมาตรการข้อ O12)",
    "ย้อนกลับ (ยกเลิกการแก้ไขล่าสุด)",
)
EDIT_EXAMPLE_LINE = "• {example}"
# drafting/edits: an edit that was recognised but cannot be applied (EditError texts).
EDIT_NO_SUCH_INDICATOR = 'ไม่มีตัวชี้วัดที่ {number} (ITA มีตัวชี้วัดที่ 1–{last}) กรุณาระบุใหม่ เช่น "{example}"'
EDIT_ROW_FROM_ONE = 'เลขแถวต้องเริ่มที่ 1 กรุณาระบุใหม่ เช่น "{example}"'
EDIT_TOO_LONG = "ข้อความยาวเกิน {limit} ตัวอักษร กรุณาย่อให้สั้นลงแล้วส่งใหม่"
EDIT_UNREADABLE = "ขออภัย ยังอ่านคำสั่งแก้ไขนี้ไม่ออก กรุณาระบุแถวหรือตัวชี้วัดและค่าที่ต้องการ ตามรูปแบบต่อไปนี้\n{examples}"
EDIT_SHIFT_NEEDS_MONTH = (
    "ขออภัย ยังเลื่อนระยะเวลาแบบนับจำนวนเดือนไม่ได้ (ไม่ทราบว่าจะเลื่อนทั้งช่วงหรือเฉพาะวันสิ้นสุด) "
    'กรุณาระบุเดือนที่ต้องการ เช่น "{where} ให้เสร็จภายใน มี.ค. 69" หรือ "ระยะเวลา {where} เป็น ม.ค. 69 – มิ.ย. 69"'
)
EDIT_PERIOD_UNREADABLE = 'ยังอ่านช่วงเวลา "{text}" ไม่ออก กรุณาระบุเดือนย่อและปี พ.ศ. เช่น "{example}"'
EDIT_PERIOD_NEEDS_YEAR = 'กรุณาระบุปี พ.ศ. ด้วย เช่น "{example}"'
EDIT_PERIOD_BACKWARDS = 'เดือนเริ่มต้นอยู่หลังเดือนสิ้นสุด กรุณาระบุใหม่ เช่น "{example}"'
EDIT_PERIOD_OUTSIDE = (
    'ช่วงเวลา {period} อยู่นอกปีงบประมาณ พ.ศ. {fiscal_year} ({span}) กรุณาระบุช่วงภายในปีงบประมาณ เช่น "{example}"'
)
EDIT_NO_SUCH_ROW = (
    'ร่างนี้ไม่มีแถว {number} (แถวที่มีอยู่: {numbers}) กรุณาระบุเลขแถวตามการ์ด เช่น "แก้ผู้รับผิดชอบ แถว 1 เป็น กองคลัง"'
)
EDIT_ROW_DELETED = (
    "แถว {number} ถูกลบไปแล้ว จึงไม่ได้ทำกับแถวอื่นแทน (เลขแถวไม่เลื่อนตามการลบ แถวที่มีอยู่: {numbers}) "
    'กรุณาระบุเลขแถวตามการ์ด หรือพิมพ์ "ย้อนกลับ" เพื่อนำแถวที่ลบกลับมา'
)
EDIT_TWO_TARGETS = (
    "ข้อความนี้มีเลขแถวอยู่ในค่าที่จะแก้ จึงยังไม่แก้ เพื่อไม่ให้แก้ผิดแถว กรุณาระบุแถวทั้งหมดไว้ก่อนค่า "
    'เช่น "แก้ผู้รับผิดชอบ แถว 2, 3 เป็น กองคลัง"'
)
EDIT_OWNER_CHOICE = (
    'ต้องการให้หน่วยงานใดรับผิดชอบ{where} กรุณาระบุหน่วยงานเดียว เช่น "แก้ผู้รับผิดชอบ{where} เป็น กองคลัง" '
    'หรือหากรับผิดชอบร่วมกัน พิมพ์ "แก้ผู้รับผิดชอบ{where} เป็น กองคลัง, กองช่าง"'
)
EDIT_ONE_AT_A_TIME = (
    "ข้อความนี้ขอแก้หลายอย่างพร้อมกัน จึงยังไม่แก้ เพื่อไม่ให้ค่าปนกัน กรุณาส่งทีละรายการ "
    'เช่น "แก้ KPI แถว 3 เป็น ร้อยละ 85" แล้วจึง "แก้ผู้รับผิดชอบ แถว 3 เป็น กองคลัง"'
)
EDIT_UNKNOWN_ITEM = 'ไม่พบข้อ {item} ในเกณฑ์การประเมิน ITA ของปีนี้ กรุณาตรวจสอบรหัสข้อ เช่น "เพิ่มมาตรการข้อ O12"'
EDIT_ITEM_NOT_IN_DRAFT = 'ในร่างยังไม่มีแถวของข้อ {item} พิมพ์ "เพิ่มมาตรการข้อ {item}" เพื่อเพิ่มแถวของข้อนี้'
EDIT_ADD_ROW_NEEDS_INDICATOR = 'กรุณาระบุว่าจะเพิ่มแถวของตัวชี้วัดหรือข้อใด เช่น "เพิ่มแถว ตัวชี้วัดที่ 9" หรือ "เพิ่มมาตรการข้อ O12"'
EDIT_REDRAFT_ITEM = 'การร่างใหม่ทำได้ทีละแถวหรือทีละตัวชี้วัด กรุณาระบุ เช่น "ร่างแถว 3 ใหม่" (ข้อ {item} อยู่ในแถวของตัวชี้วัดนั้น)'
EDIT_ITEM_HAS_ROW = 'ข้อ {item} มีแถวอยู่แล้ว (แถว {rows}) หากต้องการร่างใหม่ พิมพ์ เช่น "ร่างแถว {rows} ใหม่"'
EDIT_INDICATOR_HAS_ROW = (
    'ตัวชี้วัดที่ {indicator} มีแถวอยู่แล้ว (แถว {rows}) หากต้องการร่างใหม่ พิมพ์ "ร่างตัวชี้วัด {indicator} ใหม่" '
    'หรือเพิ่มแถวรายข้อ เช่น "เพิ่มมาตรการข้อ O12"'
)
EDIT_NOTHING_TO_ADD = (
    "ยังร่างแถวของ{where} ไม่ได้ เพราะในคะแนนที่ส่งมายังไม่มีคะแนนของ{where} ที่ต่ำกว่าเกณฑ์ "
    'กรุณาส่งคะแนนก่อน เช่น "{example}" แล้วพิมพ์คำสั่งเพิ่มแถวอีกครั้ง'
)
EDIT_REDRAFT_CONFIRM = (
    "ตัวชี้วัดที่ {indicator} มีแถวที่ท่านแก้ไขเอง (แถว {rows}) หากร่างใหม่ การแก้ไขนั้นจะหายไป "
    'พิมพ์ "ยืนยัน" เพื่อร่างใหม่ หรือ "ยกเลิก" เพื่อคงร่างเดิม'
)
EDIT_INDICATOR_NOT_IN_DRAFT = (
    "ในร่างยังไม่มีแถวของตัวชี้วัดที่ {number} (มีตัวชี้วัดที่ {present}) "
    'กรุณาระบุเป็นเลขแถว เช่น "แก้ผู้รับผิดชอบ แถว 1 เป็น กองคลัง" '
    'หรือพิมพ์ "เพิ่มแถว ตัวชี้วัดที่ {number}" เพื่อเพิ่มแถวของตัวชี้วัดนั้น'
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
EDIT_WHERE_ITEM = "ข้อ {item}"
EDIT_WHERE_FIRST = "แถวแรก"
EDIT_WHERE_LAST = "แถวสุดท้าย"
EDIT_WHERE_ALL = "ทุกแถว"
EDIT_WHERE_RECENT = "แถวที่กล่าวถึงล่าสุด"
# "แถว 3 ไม่ต้องมีกองอื่น" names no unit to keep: which stays is asked, nothing is taken out.
EDIT_ONLY_WHICH = (
    "ยังไม่ได้แก้ไข เพราะยังไม่ทราบว่าจะให้หน่วยงานใดรับผิดชอบ {where} ต่อ กรุณาระบุหน่วยงานที่ให้คงไว้ "
    'เช่น "ผู้รับผิดชอบ {where} เหลือแค่ กองคลัง"'
)
# A row named by what was said ("แถวเมื่อกี้") when the conversation cannot tell which row that was.
EDIT_RECENT_UNKNOWN = (
    'ยังไม่ทราบแน่ชัดว่า "{said}" หมายถึงแถวใด จึงยังไม่ได้ดำเนินการตามข้อความนี้ กรุณาส่งใหม่โดยระบุเลขแถว '
    'เช่น "{example}" (แถวที่มีอยู่ตอนนี้: แถว {numbers})'
)
EDIT_RECENT_DELETED = "แถวที่กล่าวถึงล่าสุด (แถว {rows}) ถูกลบไปแล้ว"
EDIT_DELETE_WHICH = (
    'ต้องการลบทั้ง{where} หรือแก้เฉพาะบางช่อง? หากลบทั้งแถว พิมพ์ "ลบ{where}" '
    'หากแก้บางช่อง พิมพ์ เช่น "แก้ผู้รับผิดชอบ{where} เป็น กองคลัง"'
)
EDIT_ONE_STEP = 'แก้หรือลบได้ทีละขั้นตอน กรุณาส่งทีละข้อ เช่น "ลบขั้นตอนที่ 2 แถว 3"'
EDIT_SEVERAL_TARGETS = (
    'คำสั่งนี้ระบุหลายรายการ จึงยังไม่แก้ เพื่อไม่ให้แก้ผิดแถว กรุณาส่งทีละรายการ เช่น "{example}" แล้วจึงส่งรายการถัดไป'
)
EDIT_EXCEPT = 'ขออภัย คำสั่งที่มี "ยกเว้น" อาจแก้ผิดแถว กรุณาระบุแถวที่ต้องการแก้โดยตรง เช่น "ลบแถว 2, 4"'
EDIT_WHAT_STEP_NO = "ขั้นตอนที่ {n}"
EDIT_WHAT_STEP_REMOVED = "ขั้นตอนที่ {n} ออก"
EDIT_NO_SUCH_STEP = "{where} มีขั้นตอน {count} ข้อ จึงไม่มีขั้นตอนที่ {n} กรุณาตรวจสอบเลขขั้นตอนอีกครั้ง"
EDIT_LAST_STEP = '{where} ต้องมีขั้นตอนอย่างน้อยหนึ่งข้อ หากต้องการเขียนใหม่ พิมพ์ เช่น "แก้ขั้นตอน{where} เป็น …"'
EDIT_WHAT_OWNER_ADDED = "ผู้รับผิดชอบ {owners}"
EDIT_WHAT_OWNER_REMOVED = "ผู้รับผิดชอบ {owners} ออก"
EDIT_VERB_REMOVE = "นำ"
EDIT_WHAT_SWAP = 'คำว่า "{old}" เป็น "{new}"'
EDIT_OWNER_NOT_LISTED = "{where} ไม่มี {owners} ในผู้รับผิดชอบ (ผู้รับผิดชอบตอนนี้: {owners_now}) จึงยังไม่ได้แก้"
EDIT_OWNER_LAST = '{where} ต้องมีผู้รับผิดชอบอย่างน้อยหนึ่งหน่วยงาน หากต้องการเปลี่ยน พิมพ์ เช่น "ผู้รับผิดชอบ{where} เป็น กองคลัง"'
EDIT_WORD_NOT_FOUND = 'ไม่พบคำว่า "{old}" ใน{where} จึงยังไม่ได้แก้ กรุณาตรวจสอบคำที่ต้องการเปลี่ยนอีกครั้ง'
EDIT_REDRAFTED = "ร่างมาตรการของตัวชี้วัดที่ {indicator} ใหม่แล้ว (แถว {rows})"
EDIT_DELETED_ROWS = " (แถว {rows})"
EDIT_DELETED = (
    'ลบ{where} แล้ว{rows} เหลือ {left} แถว เลขแถวอื่นคงเดิม: แถว {numbers}\nหากลบผิด พิมพ์ "ย้อนกลับ" เพื่อนำกลับมา'
)
EDIT_ADDED = "เพิ่มแถวของ{where} แล้ว (แถว {rows})"
EDIT_SHOWN = "{where} ในร่างปัจจุบัน:"
EDIT_WHAT_STEPS = "ขั้นตอน"
EDIT_WHAT_OWNERS = "ผู้รับผิดชอบเป็น {owners}"
EDIT_WHAT_TIMELINE = "ระยะเวลาเป็น {period}"
EDIT_WHAT_MEASURE = "มาตรการ"
EDIT_WHAT_KPI = "ตัวชี้วัดความสำเร็จ"
EDIT_WHAT_STEP = 'ขั้นตอน "{step}"'
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


# -- an edit half understood: what was read, what was not, what to send instead
# Two changes in one message, cut into two messages that each read on their own.
EDIT_SPLIT = (
    "ข้อความนี้ขอแก้ 2 อย่างพร้อมกัน จึงยังไม่แก้ เพื่อไม่ให้ค่าปนกัน "
    "กรุณาส่งทีละรายการ ดังนี้ (คัดลอกไปส่งได้เลย)\n1. {first}\n2. {second}"
)
# A change understood, but no row or indicator named.
EDIT_NEEDS_ROW = (
    'เข้าใจว่าจะแก้{field}เป็น "{value}" แต่ยังไม่ทราบว่าแถวไหน จึงยังไม่แก้ '
    'กรุณาส่งใหม่โดยระบุเลขแถวหรือตัวชี้วัด เช่น "{example}" (ใส่เลขแถวที่ต้องการแทน {number})'
)
# The row named, and a change asked for, but not which cell or to what.
EDIT_NEEDS_FIELD = (
    "เข้าใจว่าจะแก้{where} แต่ยังไม่ทราบว่าแก้ช่องไหนเป็นอะไร จึงยังไม่แก้ กรุณาส่งช่องที่จะแก้และค่าใหม่ เช่น\n{examples}"
)
# A change whose cell was not named, with one likely reading ({proposal}: the edit in full).
EDIT_GUESS = 'หมายถึง "{proposal}" ใช่หรือไม่ หากใช่ กด "ใช่" หากไม่ใช่ กรุณาพิมพ์ช่องที่จะแก้ด้วย'
EDIT_GUESS_OWNERS = "แก้ผู้รับผิดชอบ {where} เป็น {owners}"
EDIT_GUESS_DECLINED = 'รับทราบ ยังไม่ได้แก้ กรุณาพิมพ์ช่องที่จะแก้และค่าใหม่ เช่น "แก้ผู้รับผิดชอบ แถว 1 เป็น กองคลัง"'
# Examples for a row already named ({where}: "แถว 3"), one line each.
EDIT_ROW_EXAMPLES = (
    "แก้ผู้รับผิดชอบ {where} เป็น กองคลัง",
    "ระยะเวลา {where} เป็น ม.ค. 69 – มี.ค. 69",
    "แก้มาตรการ {where} เป็น …",
    "ลบ{where}",
)
# The cells by the action that sets them, as the replies name them.
EDIT_FIELD_NAMES = {
    "owners": "ผู้รับผิดชอบ",
    "timeline": "ระยะเวลา",
    "measure": "ชื่อมาตรการ",
    "kpi": "ตัวชี้วัดความสำเร็จ",
    "steps": "ขั้นตอน",
    "add_step": "ขั้นตอน",
}
# The row the examples name when the officer named none.
EDIT_EXAMPLE_ROW = 3


# ---------------------------------------------------------------- why an indicator is low (dialogue/why_low.py)
# "ทำไมตัวชี้วัด 9 ต่ำจังคะ" with or after scores: the officer's own indicator, from the officer's own scores.
WHY_LOW_AGENCY = "หน่วยงาน"
WHY_LOW_SCORE = "ตัวชี้วัดที่ {number} {name} (แบบวัด {tool}) ของ{agency} ได้ {score} คะแนน {standing}"
WHY_LOW_BELOW = "ต่ำกว่าเกณฑ์ {floor} คะแนน จึงอยู่ในกลุ่ม “{tier}”"
WHY_LOW_BETWEEN = "ผ่านเกณฑ์ {floor} คะแนนแล้ว แต่ยังไม่ถึงเป้าหมาย {target} คะแนน จึงอยู่ในกลุ่ม “{tier}”"
WHY_LOW_ABOVE = "ถึงเป้าหมาย {target} คะแนนแล้ว อยู่ในกลุ่ม “{tier}” จึงไม่นับว่าต่ำ"
WHY_LOW_MEASURES = "ตัวชี้วัดนี้{what}{hedge}"
WHY_LOW_ANALYSIS = "ผลวิเคราะห์: {analysis}"
WHY_LOW_ITEMS = "ข้อที่ได้คะแนนต่ำ: {items}"
WHY_LOW_CHECK = "ยังไม่มีคะแนนรายข้อของหน่วยงาน จึงบอกไม่ได้ว่าข้อใดไม่ผ่าน ข้อที่ควรตรวจบนเว็บไซต์ก่อน: {items}"
WHY_LOW_ASK_ITEMS = 'หากมีคะแนนรายข้อ ส่งมาได้เลย เช่น "{example} ได้ 0" จะระบุข้อที่ต้องแก้ได้ตรงขึ้น'
WHY_LOW_ASK_ITEMS_ANY = "หากมีคะแนนรายข้อของตัวชี้วัดนี้ ส่งมาได้เลยตามเลขข้อในรายงานผล จะระบุข้อที่ต้องแก้ได้ตรงขึ้น"

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
DOC_NO_TEXT = "ไฟล์ {name} ไม่มีข้อความให้อ่าน (อาจเป็นภาพสแกน ต้องทำ OCR ก่อน)"
DOC_SKIPPED = "ข้ามไฟล์ {path}: ไม่รองรับชนิดไฟล์นี้ (รองรับ {supported})"
DOC_NOT_FOUND = "ไม่พบไฟล์หรือโฟลเดอร์ {path}"
INDEX_MISMATCH = (
    "ดัชนีเดิมสร้างด้วย embedding '{stored}' แต่ตั้งค่าไว้เป็น '{configured}' — "
    "กรุณารัน python ingest.py --rebuild เพื่อสร้างดัชนีใหม่"
)
CHROMA_UNREACHABLE = (
    "ติดต่อ Chroma server ที่ {url} ไม่ได้ — กรุณาตรวจสอบว่า `chroma run` ทำงานอยู่ และ CHROMA_HOST / "
    "CHROMA_PORT / CHROMA_SSL ถูกต้อง หรือเอา CHROMA_HOST ออกเพื่อใช้ดัชนีในเครื่อง"
)
EMBEDDING_OPENAI_NEEDS = "EMBEDDING=openai ต้องตั้งค่า EMBEDDING_BASE_URL และ EMBEDDING_MODEL ด้วย"
EMBEDDING_UNKNOWN = "ไม่รู้จักค่า EMBEDDING={kind!r} — ใช้ hashing, sentence-transformers:<โฟลเดอร์โมเดล> หรือ openai"


# ====================================================================== layouts
# (bot/export/layouts: the document layouts an officer can choose, in chat and on the command line)

# Name (as on a button and in lists) and one-line description of each layout.
LAYOUT_DEFAULT_TITLE = "แบบมาตรฐาน"
LAYOUT_DEFAULT_DESCRIPTION = "ตารางมาตรการรายตัวชี้วัดครบทุกช่อง (แบบเริ่มต้น)"
LAYOUT_STRENGTHS_TITLE = "แบบจุดแข็ง–จุดอ่อน"
LAYOUT_STRENGTHS_DESCRIPTION = "แยกจุดแข็งและจุดอ่อนตามเกณฑ์คะแนน แล้วให้ข้อเสนอแนะเป็นข้อ ๆ ทีละจุดอ่อน"
LAYOUT_ANALYSIS_TITLE = "แบบวิเคราะห์และตาราง"
LAYOUT_ANALYSIS_DESCRIPTION = "วิเคราะห์รายตัวชี้วัดเป็นข้อ ๆ แล้วสรุปเป็นตารางเดียว ตามด้วยตัวชี้วัดความสำเร็จ"
LAYOUT_BY_TOOL_TITLE = "แบบแยกตามเครื่องมือ"
LAYOUT_BY_TOOL_DESCRIPTION = "จัดกลุ่มตาม IIT / EIT / OIT ตารางหกช่องพร้อมช่องรายงานผลรอบ 6 และ 12 เดือน"
LAYOUT_ITEM_GANTT_TITLE = "แบบรายข้อรายไตรมาส"
LAYOUT_ITEM_GANTT_DESCRIPTION = (
    "มาตรการรายข้อคำถาม แบ่งสามระดับ พร้อมช่องไตรมาส 1–4 แนวทางกำกับติดตาม และการรายงานผล"
)
LAYOUT_RANKED_OIT_TITLE = "แบบเรียงลำดับคะแนน"
LAYOUT_RANKED_OIT_DESCRIPTION = "เรียงตัวชี้วัดตามคะแนน มาตรการเริ่มจากหัวข้อ OIT ที่ต้องเผยแพร่ ผู้รับผิดชอบระบุเป็นตำแหน่ง"
# Every layout by its command-line name (bot.export.layouts.LAYOUTS has the same keys, in this order).
LAYOUT_LABELS: dict[str, tuple[str, str]] = {
    "default": (LAYOUT_DEFAULT_TITLE, LAYOUT_DEFAULT_DESCRIPTION),
    "strengths-weaknesses": (LAYOUT_STRENGTHS_TITLE, LAYOUT_STRENGTHS_DESCRIPTION),
    "analysis-then-table": (LAYOUT_ANALYSIS_TITLE, LAYOUT_ANALYSIS_DESCRIPTION),
    "by-tool": (LAYOUT_BY_TOOL_TITLE, LAYOUT_BY_TOOL_DESCRIPTION),
    "item-gantt": (LAYOUT_ITEM_GANTT_TITLE, LAYOUT_ITEM_GANTT_DESCRIPTION),
    "ranked-oit": (LAYOUT_RANKED_OIT_TITLE, LAYOUT_RANKED_OIT_DESCRIPTION),
}

# The chat: the question with its buttons, what was chosen, and a request that names no layout.
LAYOUT_QUESTION = 'ต้องการเอกสารมาตรการแบบใด เลือกจากปุ่มด้านล่าง หรือพิมพ์ เช่น "ขอแบบแยกตามเครื่องมือ"\n{choices}'
LAYOUT_CHOICE_LINE = "• {title}: {description}"
LAYOUT_BUTTON_LABEL = "เลือกแบบเอกสาร"
# The download button for the officer's review copy (sources and notes; not for publishing).
REVIEW_BUTTON_LABEL = "ฉบับตรวจทาน"
LAYOUT_CHOSEN = "ใช้{title}แล้ว ไฟล์ Word, Excel และแบบรายงานผลรอบ 6/12 เดือนจะจัดตามแบบนี้"
LAYOUT_UNKNOWN = 'ยังไม่ทราบว่าต้องการแบบใด — มีให้เลือก: {titles} โปรดเลือกจากปุ่ม หรือพิมพ์ เช่น "ขอแบบจุดแข็งจุดอ่อน"'


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
CLI_DRAFT_LAYOUT_HELP = "แบบเอกสาร Word/Excel (ค่าเริ่มต้น default) ดูรายชื่อแบบด้านล่าง"
CLI_DRAFT_LAYOUTS_EPILOG = "แบบเอกสารที่เลือกได้ (--layout NAME):\n{choices}"
CLI_DRAFT_LAYOUT_CHOICE = "  {name:<22}{title}: {description}"
CLI_DRAFT_UNKNOWN_LAYOUT = 'ไม่รู้จักแบบเอกสาร "{given}" — ใช้หนึ่งใน: {names}'
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

# ---------------------------------------------------------------------------
# export: the Word plan's review notes (bot.export.review) and how files are sent (bot.dialogue.files)
# ---------------------------------------------------------------------------
# Sent in chat with the Word file: the points the published plan leaves out for the officer to check.
REVIEW_TITLE = "ก่อนเผยแพร่ โปรดตรวจสอบ…"
REVIEW_LEVEL = (
    'ระดับผลการประเมิน "{level}" คำนวณจากเกณฑ์ที่ยังไม่ได้รับการยืนยันจากเอกสารของ สำนักงาน ป.ป.ช. '
    "เอกสารจึงระบุเฉพาะคะแนน หากยืนยันระดับจากระบบ ITAS แล้ว เพิ่มระดับในหัวข้อที่ 1 ได้ (รายละเอียดในฉบับตรวจทาน)"
)
REVIEW_RECOMMENDATIONS = (
    "ข้อเสนอแนะที่ใช้ประกอบมาตรการของตัวชี้วัดที่ {indicators} พบในรายงานของหน่วยงานอื่นเท่านั้น "
    "ยังไม่ได้ยืนยันกับเอกสารของ สำนักงาน ป.ป.ช. เอกสารจึงไม่ได้อ้างถึง โปรดเทียบกับข้อเสนอแนะในรายงานผลของหน่วยงานในระบบ ITAS"
)
REVIEW_OIT_ITEMS = (
    "ชื่อข้อ OIT ({codes}) ในเอกสาร ยังไม่ได้ยืนยันกับเกณฑ์ OIT ประจำปี {year} "
    "โปรดเทียบเลขข้อและชื่อข้อกับเกณฑ์ในระบบ ITAS ก่อนเผยแพร่"
)
REVIEW_FIT = (
    "ขั้นตอน ผู้รับผิดชอบ และระยะเวลา ร่างจากแนวทางที่หน่วยงานอื่นใช้ โปรดปรับให้ตรงกับงานจริงของหน่วยงาน "
    'แหล่งที่มาของแต่ละแถวอยู่ในฉบับตรวจทาน (พิมพ์ "/export ตรวจทาน")'
)
REVIEW_COPY_CAPTION = "ฉบับตรวจทาน: มีแหล่งที่มาและข้อสังเกตสำหรับผู้จัดทำ ไม่ใช่ฉบับเผยแพร่"
# The review copy's cover and the heading of its notes (printed in the Word file).
REVIEW_COPY_MARK = "ฉบับตรวจทาน (สำหรับผู้จัดทำ ไม่ใช่ฉบับเผยแพร่)"

# ---------------------------------------------------------------------------
# answers: direct answers from the facts and cited passages (bot.search.answers, facts, citations)
# ---------------------------------------------------------------------------
# The year an answer is about: named by the officer, or the current framework year when none was.
ANSWER_YEAR = "ปี {year}: "
ANSWER_YEAR_DEFAULT = "ปี {year} (ไม่ได้ระบุปี จึงตอบตามกรอบการประเมินปีล่าสุดที่มีข้อมูล): "
# How sure a fact is, said in plain Thai after it (keyed by the research label, never printed).
FACT_HEDGE = {
    "SINGLE": " (พบในแหล่งข้อมูลเดียว ยังไม่ได้ยืนยันจากคู่มือ ป.ป.ช.)",
    "NOT_CONFIRMED": " (ยังไม่ได้ยืนยันจากคู่มือ ป.ป.ช.)",
    "DERIVED": " (อนุมานจากชื่อข้อและเอกสารของหน่วยงาน ยังไม่ได้ยืนยันจากคู่มือ ป.ป.ช.)",
}
# Levels: a score's level, a level's threshold, a year's whole scale.
FACT_LEVEL_OF_SCORE = "คะแนน {score} อยู่ในระดับ {levels}"
# {label}: a level's name, quoted when it is Thai words ("ผ่านดี") and bare when it is a letter code (AA).
FACT_LABEL_WORDS = '"{label}"'
FACT_LEVEL_IF_EVERY_TOOL = "{label} หากคะแนนทุกเครื่องมือได้ {min} ขึ้นไปด้วย{hedge} หากมีเครื่องมือใดต่ำกว่านั้น อยู่ในระดับ "
FACT_LEVEL_PLAIN = "{label}{hedge}"
FACT_LEVEL_BELOW = " ซึ่งยังไม่ถึงระดับ {label} ที่ต้องได้ {min} คะแนนขึ้นไป{hedge}"
FACT_LEVEL_NONE = "ยังไม่มีข้อมูลเกณฑ์ระดับผลการประเมินของปี {year}"
FACT_THRESHOLD = "ระดับ {label} ต้องได้คะแนนรวม {min} คะแนนขึ้นไป{every}{hedge}"
FACT_THRESHOLD_EVERY = " และคะแนนทุกเครื่องมือได้ {min} ขึ้นไป"
FACT_THRESHOLD_OTHER_SCALE = "ในการประเมินปี {first}–{last}: "
FACT_THRESHOLD_NOT_IN_YEAR = " (ปี {year} ไม่ได้ใช้ระดับนี้ เกณฑ์ของปี {year} ใช้ระดับ {levels})"
FACT_SCALE = "เกณฑ์ระดับผลการประเมิน (ใช้ในปี {first}–{last}): {levels}"
FACT_SCALE_LEVEL = "{label} {min} ขึ้นไป{every}{hedge}"
FACT_SCALE_LOWEST = "{label} ต่ำกว่า {below}{hedge}"
FACT_SCALE_EVERY = " (ทุกเครื่องมือ {min} ขึ้นไป)"
# How the overall is computed.
FACT_WEIGHTS = "คะแนนรวม = {terms} โดยคะแนนของแต่ละเครื่องมือเป็นค่าเฉลี่ยของตัวชี้วัดในเครื่องมือนั้น ({groups})"
FACT_WEIGHT_TERM = "{tool} × {percent}%"
FACT_WEIGHT_GROUP = "{tool} = ตัวชี้วัดที่ {indicators}"
# OIT items of an indicator in a year, and one item's meaning in a year.
FACT_OIT_LIST = "ตัวชี้วัดที่ {number} {name} ในแบบวัด OIT มี {count} ข้อ{hedge}"
FACT_OIT_LIST_KNOWN = "ตัวชี้วัดที่ {number} {name} ในแบบวัด OIT ข้อที่ทราบมี {count} ข้อ{hedge}"
FACT_OIT_LIST_GAPS = " ยังไม่ทราบชื่อข้อ {codes} ของปีนี้ รายการจึงอาจไม่ครบ"
FACT_OIT_LIST_HEAD = "ตัวชี้วัดที่ {number} {name}: "
FACT_OIT_LIST_ITEM = "• {code} {title}{hedge}"
FACT_OIT_LIST_NONE = "ยังไม่มีรายการข้อ OIT ของปีนี้ที่ยืนยันได้ (ยังไม่ได้ยืนยันจากคู่มือ ป.ป.ช.)"
FACT_OIT_LIST_OTHER_YEARS = "รายการที่มีข้อมูลคือปี {years} (เลขข้อ O เปลี่ยนไปในแต่ละปี ควรตรวจกับเกณฑ์ในระบบ ITAS)"
FACT_OIT_ITEM = 'ข้อ {code} คือ "{title}" อยู่ในตัวชี้วัดที่ {number} {name}{hedge}'
FACT_OIT_ITEM_UNKNOWN = "ยังไม่ทราบชื่อข้อ {code} ของปีนี้ (ยังไม่ได้ยืนยันจากคู่มือ ป.ป.ช.)"
FACT_ITEM_OTHER_YEARS = "ข้อ {code} ในปีอื่น: {years}"
# An O code asked for in a year whose known list has no such item (codes are renumbered each year).
FACT_OIT_CODE_NOT_IN_YEAR = (
    "รายการข้อ OIT ปี {year} ที่มีข้อมูลไม่มีข้อ {code} (เลขข้อ O เปลี่ยนไปในแต่ละปี โปรดตรวจเลขข้อกับเกณฑ์ในระบบ ITAS ของปีนั้น)"
)
FACT_ITEM_OTHER_YEAR = 'ปี {year} "{title}"'
FACT_IE_ITEM = 'ข้อ {code} ของแบบวัด {tool} (ตัวชี้วัดที่ {number} {name}) ถามว่า "{text}"{subs}'
FACT_IE_ITEM_SUBS = " ในประเด็น: {subs}"
# An I/E item asked for a year its text is not known for: the text's own year leads, then the gap.
FACT_IE_TEXT_YEAR = "ปี {years}: "
FACT_IE_OTHER_YEAR = "ข้อคำถาม {tool} ของปี {year} ยังไม่ได้ยืนยันจากคู่มือ ป.ป.ช. ข้อความข้างต้นเป็นของปี {years}"
# What an O item requires to be published.
FACT_PUBLISH = 'ข้อ {code} "{title}" ต้องเผยแพร่: {what}{hedge}'
FACT_PUBLISH_GUIDE = 'ข้อ {code} "{title}" ควรเผยแพร่: {what}{hedge} ให้ครบองค์ประกอบตามคู่มือการประเมินของปีนั้น'
FACT_PUBLISH_NOTE = "หมายเหตุ: {note}{hedge}"
FACT_PUBLISH_NONE = 'ข้อ {code} "{title}": ยังไม่มีข้อมูลรายละเอียดสิ่งที่ต้องเผยแพร่ (ยังไม่ได้ยืนยันจากคู่มือ ป.ป.ช.)'
# A reporting round: the months it covers and when it is due (fiscal year: ต.ค.–ก.ย.).
FACT_ROUND = "{name} ครอบคลุมผลการดำเนินงาน {first}–{last} และรายงานภายใน {day} {month} ของปีงบประมาณ{hedge}"
# Who usually owns a kind of work in an agency type.
FACT_OWNERS = "{agency_type}: งานด้าน{role} มักเป็นหน้าที่ของ {units}{hedge}"
FACT_OWNERS_STANDARD = (
    " (ชื่อหน่วยงานตามโครงสร้างทั่วไป ยังไม่ได้ยืนยันจากเอกสารของหน่วยงานจริง ควรปรับให้ตรงกับโครงสร้างของหน่วยงานท่าน)"
)
# A measure ready to paste, for a question that asks for wording (bot.search.paste_block).
PASTE_HEADING = "ร่างมาตรการที่นำไปใช้ได้ จากแนวทาง [{n}] (ปรับให้ตรงกับหน่วยงานก่อนใช้):"
# The short answer to a request for measures: the practice the block is drawn from.
PASTE_LEAD = "แนวทางมาตรการ ตัวชี้วัดที่ {indicator}{items}: {title}{hedge} [{n}]"
PASTE_LEAD_ITEMS = " ข้อ {items}"
PASTE_MEASURE = "มาตรการ: {measure}"
PASTE_STEPS = "ขั้นตอน:"
PASTE_STEP = "{n}. {step} ({owners})"
PASTE_OWNERS = "ผู้รับผิดชอบ: {owners}"
PASTE_WHEN = "ระยะเวลา: {when} ปีงบประมาณ {fiscal_year}"
PASTE_TIMING = "{first}–{last} {label}"
PASTE_KPI = "ตัวชี้วัดความสำเร็จ: {kpi}"
PASTE_OWNERS_GENERIC = "ผู้รับผิดชอบเขียนตามบทบาท หากแจ้งประเภทหน่วยงาน (เช่น เทศบาลตำบล โรงเรียน) จะระบุชื่อกอง/กลุ่มงานให้"
PASTE_AGENCY = "หน่วยงาน"
PASTE_BLANK = "…"
# What a tool is, and where a direct answer's facts come from ("ที่มา: …", a human label).
FACT_TOOL = "{code} คือ{name} ครอบคลุม{indicators} มีน้ำหนัก {percent}% ของคะแนนรวม"
FACT_TOOL_INDICATOR = "ตัวชี้วัดที่ {number} {name}"
FACT_TOOL_JOIN = " และ"
# The framework's indicators as a whole, by tool.
FACT_INDICATORS = "การประเมิน ITA มี {count} ตัวชี้วัด ใน {tools} แบบวัด:"
FACT_INDICATORS_OF_TOOL = "แบบวัด {tool} มี {count} ตัวชี้วัด:"
FACT_INDICATORS_TOOL = "• {tool}: {indicators}"
# The framework's tools as a whole ("ITA มีกี่แบบวัด"): one line per tool follows.
FACT_TOOLS = "การประเมิน ITA มี {count} แบบวัด (เครื่องมือ) คะแนนรวมคิดจากทั้ง {count} แบบตามน้ำหนัก:"
FACT_TOOLS_LINE = "• {line}"
ANSWER_FACT_SOURCE = "ที่มา: {label}"
FACT_SOURCE_GRADING = "เกณฑ์ระดับผลการประเมิน ITA"
FACT_SOURCE_WEIGHTS = "วิธีคำนวณคะแนนการประเมิน ITA"
FACT_SOURCE_CALENDAR = "ปีงบประมาณและรอบการรายงานผลตามมาตรการ"
FACT_SOURCE_OWNERS = "โครงสร้างหน่วยงานตามประเภทหน่วยงาน"
# Numbered citations under an answer: a human label for each passage, never a file name.
ANSWER_ABOUT_YEAR = "ข้อมูลของปี {year} แสดงก่อน"
ANSWER_LEAD = "{sentence}{hedge} [{n}]"
ANSWER_SOURCES = "ที่มา:"
ANSWER_CITATION = "[{n}] {label}{hedge}: “{quote}”"
ANSWER_CITATION_LEAD = "[{n}] {label}{hedge}"
CITE_RECOMMENDATION = "ข้อเสนอแนะของ สำนักงาน ป.ป.ช."
CITE_RECOMMENDATION_SEEN = "ข้อเสนอแนะของ สำนักงาน ป.ป.ช. (ตามที่ปรากฏในรายงานของ{agency} ปี {year})"
CITE_ANALYSIS = "รายงานผลการวิเคราะห์ของ{agency} ปี {year}"
CITE_ANALYSIS_NO_YEAR = "รายงานผลการวิเคราะห์ของ{agency}"
CITE_MEASURES = "มาตรการของ{agency} ปี {year}"
CITE_SCORES = "ผลคะแนนของ{agency} ปี {year}"
CITE_OTHER_AGENCY = "หน่วยงานตัวอย่าง"
CITE_FRAMEWORK = "เกณฑ์การประเมิน ITA ปี {year}"
CITE_FRAMEWORK_NO_YEAR = "เกณฑ์การประเมิน ITA"
CITE_OIT = "เกณฑ์การประเมิน OIT ปี {year}"
CITE_PLAYBOOK = "แนวทางมาตรการที่รวบรวมจากหน่วยงานตัวอย่าง"
CITE_OTHER_YEAR = " (ข้อมูลปี {year} ไม่ใช่ปี {asked})"

# ---------------------------------------------------------------- web table editor (bot/web)
EDITOR_TITLE = "แก้ไขตารางมาตรการ"
EDITOR_GONE = "ลิงก์แก้ไขตารางนี้ใช้ไม่ได้แล้ว กรุณาส่ง /export ในแชทเพื่อรับลิงก์ใหม่พร้อมไฟล์"
EDITOR_EXPIRED = "ลิงก์แก้ไขตารางหมดอายุแล้ว กรุณาส่ง /export ในแชทเพื่อรับลิงก์ใหม่พร้อมไฟล์"
EDITOR_FORBIDDEN = "ลิงก์นี้ไม่ใช่ของบัญชีที่เปิดอยู่ หรือถูกแก้ไข กรุณาเปิดลิงก์จากแชทของท่านเอง หรือส่ง /export ในแชทเพื่อรับลิงก์ใหม่"
EDITOR_NO_DRAFT = "ยังไม่มีร่างมาตรการในแชทนี้ กรุณาร่างมาตรการในแชทก่อน แล้วเปิดหน้านี้อีกครั้ง"
EDITOR_CSRF = "หน้านี้เปิดค้างไว้นานหรือมาจากที่อื่น จึงยังไม่ได้บันทึก กรุณาโหลดหน้าใหม่แล้วแก้ไขอีกครั้ง"
EDITOR_CONFLICT = (
    "ร่างนี้ถูกแก้ไขในแชทหรือหน้าอื่นระหว่างที่ท่านแก้ไข จึงยังไม่ได้บันทึกการแก้ไขของท่าน "
    "ตารางด้านล่างเป็นฉบับล่าสุด และค่าที่ท่านกรอกยังอยู่ในแถวที่แก้ กรุณาตรวจแล้วกดบันทึกอีกครั้ง"
)
EDITOR_CONFLICT_ACTION = (
    "ร่างนี้ถูกแก้ไขในแชทหรือหน้าอื่นระหว่างนี้ จึงยังไม่ได้ทำรายการ ตารางด้านล่างเป็นฉบับล่าสุด กรุณาตรวจแล้วทำใหม่"
)
EDITOR_NO_ROW = "ไม่พบแถว {number} ในร่างนี้แล้ว กรุณาโหลดหน้าใหม่"
EDITOR_EMPTY = "ช่อง{field}ว่างไม่ได้ กรุณากรอกข้อความก่อนบันทึก"
EDITOR_BAD_MONTH = "กรุณาเลือกเดือนเริ่มและเดือนสิ้นสุดจากรายการ ซึ่งอยู่ในปีงบประมาณของแผน"
EDITOR_INVALID = "ข้อมูลที่ส่งมาไม่ครบหรือไม่ถูกต้อง กรุณาโหลดหน้าใหม่แล้วลองอีกครั้ง"
EDITOR_CANNOT_MOVE = "แถวนี้อยู่ต้นหรือท้ายตารางแล้ว จึงเลื่อนต่อไม่ได้"
EDITOR_UNDO_NONE = "ยังไม่มีการแก้ไขให้ย้อนกลับ"
EDITOR_UNDO_STALE = "ร่างถูกเปลี่ยนด้วยวิธีอื่นหลังการแก้ไขครั้งล่าสุด จึงย้อนกลับไม่ได้ กรุณาแก้ไขค่าที่ต้องการโดยตรง"
EDITOR_FIELD_NAMES = {
    "measure": "มาตรการ",
    "kpi": "ตัวชี้วัดความสำเร็จ",
    "topic": "ประเด็น",
    "analysis": "ผลการวิเคราะห์",
    "monitoring": "การติดตาม",
    "reporting": "การรายงานผล",
    "steps": "ขั้นตอน",
    "owners": "ผู้รับผิดชอบ",
    "timeline": "ระยะเวลา",
}
EDITOR_SAVED_ROW = "บันทึกแถว {number} แล้ว ({fields})"
EDITOR_NOTHING_CHANGED = "แถว {number} ไม่มีค่าที่เปลี่ยน จึงไม่ได้บันทึกใหม่"
EDITOR_DELETED_ROW = "ลบแถว {number} แล้ว"
EDITOR_MOVED_ROW = "เลื่อนแถว {number} แล้ว"
EDITOR_ADDED_ROW = "เพิ่มแถว {number} (คัดลอกจากแถว {source}) แล้ว กรุณาแก้ไขให้ตรงกับมาตรการใหม่"
EDITOR_UNDONE = "ย้อนกลับการแก้ไขครั้งล่าสุดแล้ว"
# One short message in the chat after a page save.
EDITOR_CHAT_SUMMARY = "แก้ไขตารางผ่านหน้าเว็บแล้ว: {summary} ส่ง /export เพื่อรับไฟล์ฉบับใหม่"
EDITOR_LINK = "แก้ไขตารางบนมือถือหรือคอมพิวเตอร์ได้ที่ลิงก์นี้ (ใช้ได้ {hours:g} ชั่วโมง): {url}"
EDITOR_BUTTON_LABEL = "แก้ไขตาราง"
# Redrafting a row on the page (the chat's "ร่างแถว 3 ใหม่"): asked first when the officer edited its rows.
EDITOR_REDRAFT_CONFIRM = (
    "ตัวชี้วัดที่ {indicator} มีแถวที่ท่านแก้ไขเอง (แถว {rows}) หากร่างใหม่ การแก้ไขนั้นจะหายไป "
    'กด "ร่างใหม่แทนที่การแก้ไข" เพื่อร่างใหม่ หรือ "คงร่างเดิม" เพื่อเก็บการแก้ไขไว้'
)
# Asked by the page (editor.js) before another form posts while a row has typing not yet saved.
EDITOR_UNSAVED = (
    "แถว {rows} มีค่าที่แก้ไขแต่ยังไม่ได้บันทึก หากทำรายการนี้ต่อ ค่าเหล่านั้นจะหายไป "
    'กด "ตกลง" เพื่อทำต่อ หรือ "ยกเลิก" แล้วกดบันทึกแถวนั้นก่อน'
)
# The LIFF entry (LINE): the page asks LINE who the officer is, then opens the editor.
EDITOR_LIFF_WAIT = "กำลังยืนยันตัวตนกับ LINE สักครู่…"
EDITOR_LIFF_FAILED = "ยืนยันตัวตนกับ LINE ไม่สำเร็จ ท่านยังแก้ไขตารางได้ด้วยลิงก์เดิม กรุณากดปุ่มด้านล่าง หรือเปิดลิงก์จากแชทอีกครั้ง"
EDITOR_LIFF_OPEN = "เปิดหน้าแก้ไขตาราง"
EDITOR_LIFF_NO_LINK = "ไม่พบลิงก์แก้ไขตาราง กรุณาเปิดลิงก์จากข้อความในแชท LINE ของท่านอีกครั้ง"

# ====================================================================== reliability
# (bot/dialogue/data_lock.py, bot/search/documents.py and bot/search/index.py: a second bot on one
# data folder, ingest limits and unreadable files; said on the command line, so the second bot's
# refusal is in Thai and English for whoever reads the server's log)

DATA_FOLDER_BUSY = (
    "มีบอตอีกตัวกำลังทำงานกับโฟลเดอร์ข้อมูล {folder} อยู่แล้ว (pid {pid}) จึงไม่เริ่มตัวที่สอง "
    "เพื่อไม่ให้ข้อมูลของผู้ใช้ถูกเขียนทับ กรุณาหยุดตัวเดิมก่อน หรือตั้ง DATA_DIR เป็นโฟลเดอร์อื่น\n"
    "Another bot (pid {pid}) is already running on the data folder {folder}; this one will not start, "
    "so that no officer's data is overwritten. Stop the running bot first, or set DATA_DIR to another folder."
)

# Ingest: files refused before or while reading (bot.search.documents), with what to send instead.
DOC_LEGACY_WORD = (
    "ไม่รองรับไฟล์ {name} ซึ่งเป็น Word รุ่นเก่า (.doc) — กรุณาเปิดใน Word แล้วบันทึกเป็น .docx "
    "(บันทึกเป็น > เอกสาร Word) หรือส่งออกเป็น PDF แล้วนำเข้าใหม่"
)
DOC_EMPTY = "ไฟล์ {name} ว่างเปล่า ไม่มีข้อความให้นำเข้า — กรุณาตรวจสอบว่าเลือกไฟล์ถูกต้อง แล้วนำเข้าไฟล์ที่มีเนื้อหา"
DOC_TOO_BIG = (
    "ไฟล์ {name} มีขนาด {size} เกินขีดจำกัด {limit} ต่อไฟล์ — กรุณาแยกเป็นหลายไฟล์ "
    "หรือตัดภาพ/ภาคผนวกที่ไม่ใช่ข้อความออกก่อนนำเข้า"
)
DOC_UNPACKED_TOO_BIG = (
    "ไฟล์ {name} เมื่อแตกไฟล์แล้วมีขนาด {size} เกินขีดจำกัด {limit} — ไฟล์อาจมีภาพขนาดใหญ่หรือผิดปกติ "
    "กรุณาบันทึกเฉพาะข้อความเป็น .docx ใหม่ หรือส่งออกเป็น PDF แล้วนำเข้าอีกครั้ง"
)
DOC_TOO_LONG = (
    "ไฟล์ {name} มีข้อความ {chars:,} ตัวอักษร เกินขีดจำกัด {limit:,} ตัวอักษรต่อไฟล์ — "
    "กรุณาแยกเป็นหลายไฟล์ (เช่น ไฟล์ละหนึ่งปีหรือหนึ่งหน่วยงาน) แล้วนำเข้าใหม่"
)
DOC_TOO_MANY_CHUNKS = (
    "ไฟล์ {name} แบ่งได้ {chunks:,} ตอน เกินขีดจำกัด {limit:,} ตอนต่อไฟล์ — "
    "กรุณาแยกเป็นหลายไฟล์ หรือตัดส่วนที่ซ้ำกันออกแล้วนำเข้าใหม่"
)
DOC_PDF_ENCRYPTED = (
    "ไฟล์ {name} เป็น PDF ที่ตั้งรหัสผ่านไว้ จึงอ่านข้อความไม่ได้ — กรุณาส่ง PDF ที่ไม่ได้ตั้งรหัสผ่าน หรือไฟล์ .docx ต้นฉบับ"
)
DOC_ENCODING = (
    "ไฟล์ {name} บรรทัดที่ {line} ไม่ได้เข้ารหัสเป็น UTF-8, UTF-16 หรือภาษาไทยของ Windows (TIS-620) — "
    "กรุณาเปิดไฟล์แล้วบันทึกใหม่เป็น UTF-8 (Notepad: บันทึกเป็น > การเข้ารหัส UTF-8) แล้วนำเข้าอีกครั้ง"
)
INGEST_REPAIRED = "ซ่อมแหล่งข้อมูลที่นำเข้าค้างไว้ไม่ครบจากครั้งก่อน {count} รายการ"

# Files sent in chat (bot/channels/intake, bot/channels/chat_files.py; issue 16): each says what was wrong
# and what to send instead.
FILE_TOO_LARGE = (
    "ขออภัย ไฟล์นี้มีขนาดเกิน {limit} MB ซึ่งเป็นขนาดสูงสุดที่ระบบรับได้ — กรุณาส่งภาพหน้าจอเฉพาะส่วนตารางคะแนน "
    "หรือไฟล์ PDF หน้าผลการประเมินที่มีขนาดเล็กลง หรือพิมพ์/วางคะแนนเป็นข้อความแทน"
)
FILE_WRONG_TYPE = (
    "ขออภัย ระบบอ่านไฟล์ประเภทนี้ไม่ได้ — กรุณาส่งภาพหน้าจอ (PNG หรือ JPG) หรือไฟล์ PDF "
    "ของหน้าผลการประเมิน ITA หรือพิมพ์/วางคะแนนเป็นข้อความแทน"
)
FILE_OFFICE = (
    "ขออภัย ระบบเปิดไฟล์นี้ไม่ได้ (รับไฟล์ Word แบบ .docx แต่ยังไม่รับ Excel หรือไฟล์ Word ที่เสียหาย) — "
    "กรุณาบันทึกเป็น PDF แล้วส่งใหม่ ส่งภาพหน้าจอ หรือคัดลอกตารางคะแนนมาวางเป็นข้อความแทน"
)
FILE_TOO_MANY_PIXELS = (
    "ขออภัย ภาพนี้มีขนาดใหญ่เกินกว่าที่ระบบอ่านได้ — กรุณาส่งภาพหน้าจอขนาดปกติของโทรศัพท์หรือคอมพิวเตอร์ "
    "หรือครอปเฉพาะส่วนตารางคะแนนแล้วส่งใหม่"
)
FILE_DAMAGED = (
    "ขออภัย ไม่สามารถเปิดไฟล์นี้ได้ ไฟล์อาจเสียหายหรือส่งมาไม่ครบ — กรุณาส่งใหม่อีกครั้ง หรือส่งเป็นภาพหน้าจอของหน้าผลการประเมินแทน"
)
FILE_LOCKED = (
    "ขออภัย ไฟล์ PDF นี้ตั้งรหัสผ่านไว้ ระบบจึงเปิดอ่านไม่ได้ — กรุณาส่งไฟล์ PDF ที่ไม่ได้ตั้งรหัสผ่าน หรือส่งภาพหน้าจอหน้าผลการประเมินแทน"
)
FILE_NO_TEXT = (
    "ขออภัย ไม่พบข้อความที่อ่านได้ในไฟล์นี้ — กรุณาส่งภาพหน้าจอที่เห็นตารางคะแนนชัดเจน (ไม่เบลอ ไม่เอียง "
    "ไม่ถ่ายจากจอ) หรือพิมพ์/วางคะแนนเป็นข้อความแทน"
)
FILE_TIMEOUT = (
    "ขออภัย การอ่านไฟล์นี้ใช้เวลานานเกินกำหนด — กรุณาส่งภาพหน้าจอเฉพาะหน้าตารางคะแนน "
    "หรือไฟล์ PDF ที่มีเฉพาะหน้าผลการประเมิน หรือพิมพ์/วางคะแนนเป็นข้อความแทน"
)
FILE_NO_OCR = (
    "ขออภัย ขณะนี้ระบบยังอ่านตัวอักษรจากภาพไม่ได้ (ยังไม่ได้ติดตั้งโปรแกรมอ่านภาพภาษาไทย) — "
    "กรุณาพิมพ์หรือวางคะแนนเป็นข้อความแทน และแจ้งผู้ดูแลระบบ"
)
FILE_FETCH_FAILED = "ขออภัย ดาวน์โหลดไฟล์ที่ส่งมาไม่สำเร็จ — กรุณาส่งไฟล์อีกครั้งในอีกสักครู่ หรือพิมพ์/วางคะแนนเป็นข้อความแทน"
FILE_READ_HEAD = (
    "อ่านคะแนนจากไฟล์ที่ส่งมาแล้ว (อ่านโดยอัตโนมัติ อาจคลาดเคลื่อนได้) — "
    "กรุณาตรวจสอบทุกค่าให้ตรงกับหน้าผลการประเมินก่อนยืนยัน หากค่าใดผิด พิมพ์แก้ได้ เช่น 'แก้ตัวชี้วัด 9 เป็น 72.50'"
)
FILE_NO_SCORES = (
    "อ่านไฟล์ที่ส่งมาแล้ว แต่ไม่พบคะแนน ITA ในไฟล์นี้ — กรุณาส่งภาพหน้าจอหรือไฟล์ PDF ของหน้าผลการประเมิน "
    "ที่เห็นชื่อตัวชี้วัดและคะแนนครบ หรือพิมพ์/วางคะแนนเป็นข้อความแทน {example}"
)

# ====================================================================== the agency's own documents
# (bot/agency, bot/dialogue/from_file.py, bot/dialogue/carry_turns.py, bot/export/trend.py; issue 16
# parts 3-4): a document sent in chat kept for this agency only, last year's plan offered forward
# ("ต่อยอด"), and the comparison of two years in the plan.
AGENCY_DOC_KEPT = (
    "เก็บเอกสาร {name} ไว้เป็นข้อมูลของหน่วยงานท่านแล้ว — ใช้ประกอบการร่างมาตรการและตอบคำถาม"
    "ของหน่วยงานท่านเท่านั้น หน่วยงานอื่นค้นไม่พบเอกสารนี้"
)
AGENCY_DOC_SAME = "เอกสาร {name} นี้เคยส่งมาแล้ว เก็บไว้ตามเดิม"
AGENCY_DOC_FAILED = (
    "ขออภัย เก็บเอกสารนี้ไม่สำเร็จ ({reason}) — กรุณาส่งไฟล์ .docx .pdf หรือ .txt ที่เปิดอ่านได้อีกครั้ง "
    "หรือพิมพ์/วางคะแนนเป็นข้อความแทน"
)
AGENCY_NO_LIBRARY = (
    "อ่านไฟล์นี้แล้ว แต่ระบบนี้ยังไม่ได้เปิดให้เก็บเอกสารของหน่วยงาน — หากต้องการใส่คะแนน "
    "กรุณาส่งภาพหน้าจอหน้าผลการประเมิน หรือพิมพ์/วางคะแนนเป็นข้อความ"
)
AGENCY_DOC_NAME = "ที่ส่งมาเมื่อ {when}"
AGENCY_PLAN_FOUND = "ไฟล์นี้เป็นแผนมาตรการ{year} พบมาตรการ {count} ข้อ"
AGENCY_PLAN_YEAR = " ปีงบประมาณ พ.ศ. {year}"
AGENCY_PLAN_LATER = "เมื่อร่างมาตรการของปีนี้แล้ว จะเสนอมาตรการเดิมให้ต่อยอดทีละข้อ (คงไว้ ปรับ หรือตัด)"
AGENCY_PREVIOUS_KEPT = (
    "เก็บคะแนนปี {year} จากไฟล์นี้ไว้เป็นคะแนนปีก่อน ({count} ตัวชี้วัด) เพื่อเปรียบเทียบกับปีนี้ในแผน (ตารางเปรียบเทียบและกราฟสองปี)"
)
# The carry-forward ("ต่อยอด"): one old measure at a time, with buttons and typed answers.
CARRY_INTRO = "ต่อยอดจากแผน{year}: มาตรการเดิม {count} ข้อ จะถามทีละข้อว่าจะคงไว้ ปรับ หรือตัด"
CARRY_ASK = (
    "มาตรการเดิมข้อ {at}/{count} (ตัวชี้วัดที่ {indicator} {indicator_name}):\n{title}\n"
    "คงไว้ ปรับ หรือตัดคะ (ปรับ: พิมพ์ 'ปรับเป็น …' ตามด้วยข้อความใหม่)"
)
CARRY_KEEP_LABEL = "คงไว้"
CARRY_REVISE_LABEL = "ปรับ"
CARRY_DROP_LABEL = "ตัด"
CARRY_ALL_LABEL = "คงไว้ทั้งหมด"
CARRY_STOP_LABEL = "ข้ามที่เหลือ"
CARRY_MARKED = "คงไว้: แถว {row} ของร่างปีนี้เป็นมาตรการเดียวกัน จึงระบุว่าเป็นมาตรการต่อเนื่อง"
CARRY_ADDED = "คงไว้: เพิ่มเป็นแถว {row} (มาตรการต่อเนื่อง)"
CARRY_REVISED = 'ปรับแล้ว: แถว {row} เป็น "{title}" (มาตรการต่อเนื่อง)'
CARRY_DROPPED = "ตัดมาตรการนี้ ไม่นำมาใช้ในแผนปีนี้"
CARRY_REVISE_ASK = 'พิมพ์ข้อความมาตรการใหม่แทน "{title}" ได้เลยค่ะ'
CARRY_DONE = "ต่อยอดครบแล้ว: คงไว้ {kept} ข้อ ปรับ {revised} ข้อ ตัด {dropped} ข้อ — ดาวน์โหลดไฟล์แผนได้จากปุ่มด้านล่าง"
CARRY_NOT_READ = "ยังไม่เข้าใจคำตอบ — กรุณาตอบ 'คงไว้' 'ตัด' หรือ 'ปรับเป็น …' สำหรับมาตรการเดิมข้อนี้"
CARRY_NO_DRAFT = "ยังไม่มีร่างมาตรการของปีนี้ — ส่งคะแนนและยืนยันก่อน แล้วจะเสนอมาตรการเดิมให้ต่อยอด"
# A measure kept or revised from last year's plan is marked so in the new plan.
CONTINUED_MARK = "(มาตรการต่อเนื่องจากปีงบประมาณ พ.ศ. {year})"
CONTINUED_MARK_NO_YEAR = "(มาตรการต่อเนื่องจากแผนปีก่อน)"
CARRIED_ANALYSIS = "ต่อยอดจากมาตรการในแผนของหน่วยงาน{year} เพื่อให้การดำเนินงานต่อเนื่องและเห็นผลชัดเจนขึ้น"
CARRIED_STEP = "ดำเนินการตามมาตรการเดิมต่อเนื่อง และปรับปรุงจากผลการดำเนินงานปีที่ผ่านมา"
CARRIED_SOURCE = "แผนมาตรการของหน่วยงาน{year}"
# The next year started from this one (bot/dialogue/agency_years.py, issue 16 part 6): scores of a
# later assessment year sent after the draft; last year's scores and plan come from the year record.
NEXT_YEAR_ASK = (
    "คะแนนนี้เป็นผลการประเมินปี {year} ซึ่งใหม่กว่าร่างมาตรการปัจจุบัน (ผลปี {held}) — "
    "ต้องการเริ่มร่างมาตรการปีงบประมาณ พ.ศ. {fiscal} จากคะแนนนี้ใช่หรือไม่คะ "
    "แผนปีงบประมาณ พ.ศ. {old_fiscal} คะแนนปี {held} และผลการดำเนินงานที่รายงานไว้จะเก็บไว้ครบ"
)
NEXT_YEAR_YES_LABEL = "เริ่มปีใหม่"
NEXT_YEAR_NO_LABEL = "ยังไม่เริ่ม"
NEXT_YEAR_KEPT = "คงร่างมาตรการจากผลปี {held} ไว้ตามเดิม ยังไม่ได้ใช้คะแนนนี้"
NEXT_YEAR_STARTED = (
    "เริ่มปีใหม่แล้ว: ใช้ผลการประเมินปี {year} ร่างมาตรการปีงบประมาณ พ.ศ. {fiscal} "
    '(แผนปีงบประมาณ พ.ศ. {old} เก็บไว้แล้ว ขอแบบรายงานผลของแผนนั้นได้โดยระบุปี เช่น "แบบรายงานผล 12 เดือน ปีงบ {old}")'
)
NEXT_YEAR_TREND = "จะเปรียบเทียบกับคะแนนปี {before} ที่เก็บไว้ (ตารางเปรียบเทียบและกราฟสองปีในแผน) โดยไม่ต้องส่งไฟล์ผลปีก่อน"
NEXT_YEAR_CARRY = (
    "เมื่อร่างเสร็จ จะเสนอมาตรการ {count} ข้อของแผนปีงบประมาณ พ.ศ. {year} ให้ต่อยอดทีละข้อ โดยไม่ต้องส่งไฟล์แผนเดิม"
)
REPORT_OF_PLAN = "แบบรายงานผลนี้เป็นของแผนปีงบประมาณ พ.ศ. {year} ที่เก็บไว้"
# The comparison of two years in the Word plan (bot/export/trend.py).
TREND_TITLE = "ผลการประเมินเปรียบเทียบปี {before} และปี {now}"
TREND_TOOLS_TITLE = "สรุปรายแบบวัดและภาพรวม"
TREND_INDICATOR = "ตัวชี้วัด"
TREND_TOOL = "แบบวัด"
TREND_SCORE = "ปี {year}"
TREND_CHANGE = "เปลี่ยนแปลง"
TREND_WAYS = {"up": "เพิ่มขึ้น", "down": "ลดลง", "same": "ทรงตัว", "": "-"}
TREND_FELL = "ตัวชี้วัดที่คะแนนลดลง: {numbers}"
TREND_ROSE = "ตัวชี้วัดที่คะแนนเพิ่มขึ้น: {numbers}"
TREND_YEAR_BEFORE = "ก่อน"
TREND_YEAR_NOW = "นี้"
TREND_LEGEND = "ปี {year}"
TREND_AXIS_LABEL = "ตัวชี้วัด {number}"
TREND_CHART_CAPTION = "ภาพที่ 2 คะแนนรายตัวชี้วัดปี {before} เทียบกับปี {now} (▼ = คะแนนลดลง)"
