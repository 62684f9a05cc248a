"""The words officers use when they edit a draft: fields, verbs, connectives, particles.

Data, not logic: bot/drafting/edit_grammar.py builds its patterns from these lists
(forgiving tone-mark and vowel slips), and bot/dialogue/understand.py uses the
particles to read commands. Add a synonym here, not a rule in the grammar; each
list is matched longest word first.
"""

from __future__ import annotations

import re

from bot.thai import MONTHS

# Polite particles and softeners that end a sentence but are never part of a value.
# ("ค่า" and "คับ" are left out: they end real words, มูลค่า and บังคับ.)
PARTICLES = (
    "ครับผม", "ครับ", "ฮะ", "ค่ะ", "คะ", "คร้าบ", "นะคะ", "นะครับ", "นะค่ะ", "นะ", "จ้า", "จ้ะ",
    "จ๊ะ", "ค้าบ", "หน่อย", "ด้วย", "ให้หน่อย", "ให้ด้วย", "ด้วยนะ", "please", "pls", "thx", "thanks",
    # "คับ" alone ends บังคับ, so it is a particle only after another one (edit_text cuts it when it
    # stands as a word of its own, as it does "ค่า")
    "หน่อยคับ", "ด้วยคับ", "นะคับ",
    # chat spellings: "…กองคลังอ่ะ", "…เด้อ", "…คร่ะ"
    # ("งับ", "ฮับ" would forgive a left-out mai han-akat and cut "ปีงบ": edit_text cuts them as words)
    "อ่ะ", "อะ", "ง่ะ", "เด้อ", "คร่ะ", "ค๊ะ", "ค้ะ", "ฮ่ะ", "ค่ะผม",
)  # fmt: skip
# "…ได้ไหม", "…ได้มั้ยคะ": a polite request, not a question about whether it is possible.
REQUEST_ENDINGS = ("ได้ไหม", "ได้มั้ย", "ได้หรือไม่", "ได้หรือเปล่า", "ได้ป่าว", "ได้เปล่า", "ได้มั๊ย")
# Openers of a request ("ขอเปลี่ยน …", "รบกวนลบ …").
OPENERS = ("ขอ", "รบกวน", "ช่วย", "กรุณา", "อยากจะ", "อยาก", "ต้องการ", "ขอให้", "ให้", "please", "pls")
# Verbs of change: with one of these a field and a value are an edit ("แถว 3 เปลี่ยนมาตรการเป็น …").
CHANGE_VERBS = (
    "แก้ไข", "แก้", "เปลี่ยนแปลง", "เปลี่ยน", "ปรับปรุง", "ปรับ", "เลื่อน", "ตั้ง", "กำหนด", "ระบุ",
    "ใส่", "กรอก", "change", "edit", "set", "update", "rename", "replace",
)  # fmt: skip
# Connectives between a field and its value: Thai or symbols, then English.
# ("ใช้ว่า": "มาตรการแถว 4 ขอใช้ว่า …", the wording to use.)
SEPARATORS_TH = (
    "ใช้คำว่า", "ใช้ชื่อว่า", "ชื่อว่า", "ใช้ว่า", "ใช้ชื่อ", "ให้เหลือแค่", "ให้เหลือเพียง", "เหลือแค่", "เหลือเพียง", "ต้องเป็น", "ให้เป็น", "เป็น",
    "ว่า", "คือ", ":", "=>", "=", "->", "→",
)  # fmt: skip
SEPARATORS = (*SEPARATORS_TH, "to", "as", "is")
# Small words that may stand before a value and are cut from it.
# ("ให้" forgiving a missing tone mark must not eat the start of "ใหม่": the grammar checks for it.)
LEADING_FILLER = (
    "เพิ่มเติม", "เพิ่ม", "อีกหนึ่งหน่วยงาน", "อีกหนึ่งหน่วย", "อีก 1 หน่วยงาน", "อีก 1 หน่วย", "อีกหน่วยงาน", "อีกหน่วย",
    "อีกข้อ", "อีก 1 ข้อ", "อีกหนึ่งข้อ", "อีกขั้นตอน", "อีก 1 ขั้นตอน", "อีกหนึ่งขั้นตอน", "อีก",
    "สุดท้าย", "ท้ายสุด", "ต่อท้าย", "add", "ของ", "ใน", "ที่", "ใหม่", "for", "of", "the", "in",
)  # fmt: skip

# Field words, by field.
# "ตัวชี้วัด" alone is the KPI column ("ตัวชี้วัดแถว 3 เป็น ร้อยละ 80") unless a number follows it.
KPI_WORDS = (
    "ตัวชี้วัดความสำเร็จ", "ตัวชี้วัดผลสำเร็จ", "ตัวชี้วัดผลลัพธ์", "ตัวชี้วัดผลการดำเนินงาน", "เป้าหมายความสำเร็จ",
    "ผลลัพธ์ที่คาดหวัง", "ผลที่คาดว่าจะได้รับ", "ผลสัมฤทธิ์", "ค่าเป้าหมาย", "เป้าหมาย", "ตัววัด", "kpi", "ตัวชี้วัด",
)  # fmt: skip
OWNER_WORDS = (
    "หน่วยงานที่รับผิดชอบ", "หน่วยงานรับผิดชอบ", "หน่วยงานผู้รับผิดชอบ", "หน่วยรับผิดชอบ", "ผู้รับผิดชอบหลัก",
    "ผู้รับผิดชอบ", "คนรับผิดชอบ", "ผู้ดำเนินการ", "ผู้ดูแล", "คนดูแล", "หน่วยงานที่ดูแล", "เจ้าของเรื่อง", "เป็นผู้รับผิดชอบ", "รับผิดชอบ", "owners", "owner",
    "เจ้าภาพหลัก", "เป็นเจ้าภาพ", "เจ้าภาพ", "หน่วยงานหลัก",
    # "ให้กองการศึกษาดูแล": the verb of looking after, as "รับผิดชอบ" is
    "ดูแล",
    # assigning and doing: "มอบหมายกองคลัง", "มอบให้กองคลังรับผิดชอบ", "ผู้ปฏิบัติ กองคลัง"
    "มอบหมายให้", "มอบหมาย", "มอบให้", "ผู้ปฏิบัติงาน", "ผู้ปฏิบัติ", "หน่วยดำเนินการ", "หน่วยงานดำเนินการ",
    "หน่วยงานที่ดำเนินการ", "ผู้รับผิดชอบโครงการ", "ผู้รับผิดชอบร่วม",
    # "ขอให้แถว 3 เป็นความรับผิดชอบของกองคลัง"
    "เป็นความรับผิดชอบของ", "อยู่ในความรับผิดชอบของ", "ความรับผิดชอบของ",
)  # fmt: skip
TIME_RANGE_WORDS = (
    "ระยะเวลาดำเนินการ", "ช่วงเวลาดำเนินการ", "กรอบเวลาดำเนินการ", "ระยะเวลา", "ช่วงเวลา", "กรอบเวลา", "ห้วงเวลา", "เวลา", "เริ่มดำเนินการ", "เริ่ม",
    "ดำเนินการช่วง", "ดำเนินการระหว่าง", "timeline", "period",
)  # fmt: skip
# A time field that gives only the end: the period then starts with the fiscal year.
TIME_END_WORDS = (
    "ให้แล้วเสร็จภายใน", "แล้วเสร็จภายใน", "ให้เสร็จภายใน", "เสร็จภายใน", "ให้เสร็จก่อน", "เสร็จก่อน", "ให้เสร็จ",
    "ดำเนินการภายใน", "กำหนดแล้วเสร็จ", "กำหนดเสร็จ", "กำหนดส่ง", "แล้วเสร็จ", "deadline", "due",
    "ให้จบภายใน", "จบภายใน", "ให้จบ", "ให้เสร็จสิ้นภายใน", "เสร็จสิ้นภายใน", "ต้องแล้วเสร็จ", "ต้องเสร็จภายใน",
    "ต้องเสร็จ", "เสร็จไม่เกิน",
)  # fmt: skip
STEP_WORDS = (
    "ขั้นตอนการดำเนินงาน", "ขั้นตอนการดำเนินการ", "ขั้นตอน", "ขั้นที่", "กิจกรรม", "วิธีดำเนินการ", "วิธีการดำเนินงาน", "วิธีการ",
    "steps", "step",
)  # fmt: skip
# "แถว 7 ขอเปลี่ยนชื่อเป็น …": a row's name is its measure's name
MEASURE_WORDS = (
    "ชื่อมาตรการ", "หัวข้อมาตรการ", "ชื่อโครงการ", "มาตรการ", "measure",
    # the verb and "ชื่อ" with or without "มาตรการ" after it, so the longer reading takes both
    *(f"{verb}ชื่อ{what}" for verb in ("เปลี่ยน", "แก้ไข", "แก้", "ตั้ง") for what in ("มาตรการ", "")),
)  # fmt: skip
# How a unit's name begins: "แถว 1 ผู้รับผิดชอบ กองคลัง" names an owner even without "เป็น".
UNIT_WORDS = (
    "กอง", "สำนัก", "งาน", "ฝ่าย", "ส่วน", "ศูนย์", "กลุ่ม", "คณะ", "ทุกกอง", "ทุกส่วน", "ทุกหน่วย", "นายก",
    "ปลัด", "รองปลัด", "ผู้อำนวยการ", "ผู้บริหาร", "หัวหน้า", "เจ้าหน้าที่", "โรงเรียน", "โรงพยาบาล", "ผอ.", "หน.",
    # people by their post or title: "ครูวิชาการ", "นางสาวสมใจ", "รองผู้อำนวยการ", "นิติกร"
    "ครู", "อาจารย์", "นาย", "นาง", "น.ส.", "รอง", "ผู้ช่วย", "นักวิชาการ", "นิติกร", "ประธาน",
)  # fmt: skip

# Words that may stand beside a verb with no value ("ลบแถว 8 ได้เลย", "แถว 4 เป็นยังไงบ้าง ขอดู").
SMALL_TALK = (
    "ออกจากร่าง", "ออก", "ทิ้ง", "ได้เลย", "เลย", "ไป", "จากร่าง", "ไม่ต้องมี", "อีกครั้ง", "อีกแถว", "อีก", "ใหม่",
    "ของ", "ใน", "สำหรับ", "ที่", "มาตรการ", "แถว", "ตัวชี้วัด", "ทั้งแถว", "ทั้งหมด", "row", "indicator",
    "measure", "the", "last", "for", "of", "item", "ข้อ", "เป็นยังไงบ้าง", "เป็นอย่างไร", "บ้าง", "รายละเอียด",
    "ให้ดู", "และ", "กับ", "แล้ว", "ทุกแถว", "อีก 1 แถว", "1 แถว", "ไปก่อน", "ก่อน", "ตอนนี้", "ปัจจุบัน",
    "ไม่เกี่ยวข้อง", "ไม่เกี่ยว", "ไม่จำเป็น", "ซ้ำกัน", "ซ้ำ", "เข้าไปในแผน", "เข้าไปในตาราง", "ในแผน", "ในตาราง", "เข้าไป", "ยังไม่มี", "ยังไม่ค่อยตรง", "ไม่ค่อยตรง",
    "อีก 1 มาตรการ", "อีก 1 รายการ", "1 มาตรการ", "1 รายการ", "อีกหนึ่งแถว", "อีกหนึ่งมาตรการ", "ยังไม่ดี", "ยังไม่ชัด", "ไม่ดี", "ท่าน", "สั่งว่า", "สั่งให้", "สั่ง", "ฝากมาว่า", "ฝากว่า", "ฝาก", "บอกว่า",
)  # fmt: skip

# Months as they are said: "มกรา", "กุมภา", "เมษา", "ตุลา" (the full name without its "-คม", "-ยน", "-พันธ์").
MONTHS_SPOKEN = tuple(re.sub(r"(?:าคม|ายน|าพันธ์)$", "า", m) for m in MONTHS)
