"""Thai replies for edits that are half understood: new entries kept apart from bot/wording.py.

The lead owns bot/wording.py; these entries belong there once reviewed. Each reply says what was
understood, what was not, and what to send instead, in the officer's own words where it can.
"""

from __future__ import annotations

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
# Examples for a row already named ({where}: "แถว 3"), one line each.
EDIT_ROW_EXAMPLES = (
    "แก้ผู้รับผิดชอบ {where} เป็น กองคลัง",
    "ระยะเวลา {where} เป็น ม.ค. 69 – มี.ค. 69",
    "แก้มาตรการ {where} เป็น …",
    "ลบ{where}",
)
# The cells by the action that sets them, as the replies name them.
FIELD_NAMES = {
    "owners": "ผู้รับผิดชอบ",
    "timeline": "ระยะเวลา",
    "measure": "ชื่อมาตรการ",
    "kpi": "ตัวชี้วัดความสำเร็จ",
    "steps": "ขั้นตอน",
    "add_step": "ขั้นตอน",
}
# The row the examples name when the officer named none.
EXAMPLE_ROW = 3
