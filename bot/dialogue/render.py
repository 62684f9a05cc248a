"""Thai wording of the dialogue: prompts, help, draft summaries and row cards.

Kept apart from the state machine in dialogue.py so that the conversation's
logic and its wording can be read (and reviewed by officers) separately.
"""

from __future__ import annotations

from bot.dialogue.messages import Card, Choice
from bot.drafting.edits import examples_th
from bot.ita.measures import AgencyProfile, Draft

KEEP_WORDS = ("ใช้ตามนี้", "เหมือนเดิม", "ตามนี้", "ใช้ค่าเดิม", "ok", "โอเค")
CONFIRM_WORDS = ("ยืนยัน", "ตกลง", "ถูกต้อง", "ใช่", "confirm", "yes")

WELCOME = (
    'สวัสดีครับ ระบบนี้ช่วยร่าง "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน" '
    "จากผลการประเมิน ITA ของหน่วยงานท่าน โดยจะถามข้อมูลหน่วยงาน รับคะแนน แล้วร่างตารางมาตรการรายตัวชี้วัด "
    "ให้ท่านแก้ไขในแชต และดาวน์โหลดเป็นไฟล์ Word/Excel ได้\n"
    "ระหว่างนี้ถามคำถามเกี่ยวกับ ITA ได้ทุกเมื่อ และพิมพ์ /help เพื่อดูคำสั่งทั้งหมด"
)

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
    "• /cancel (ยกเลิก) – ยกเลิกขั้นตอนที่ค้างอยู่ ข้อมูลที่ส่งแล้วยังเก็บไว้\n\n"
    "เมื่อได้ร่างแล้ว แก้ไขได้โดยพิมพ์ เช่น\n" + examples_th() + "\n\n"
    'แก้คะแนนได้ เช่น "แก้ตัวชี้วัด 7 เป็น 61.5"'
)

ASK_NAME = 'ขอทราบชื่อหน่วยงานของท่าน เช่น "เทศบาลตำบลนามะเขือ"'
ASK_SCORES = (
    "กรุณาส่งคะแนน ITA รายตัวชี้วัด (วางตารางจากรายงานผลได้เลย ส่งครั้งเดียวหรือหลายข้อความก็ได้) เช่น\n"
    "1 การปฏิบัติหน้าที่ 98.50\n2 การใช้งบประมาณ 97.20\n...\n10 การป้องกันการทุจริต 87.50\n"
    'จะใส่คะแนนรวมด้วยก็ได้ เช่น "คะแนนรวม 94.12"'
)
NOTHING_TO_READ = (
    "ขออภัย ระบบอ่านได้เฉพาะข้อความตัวอักษร ยังไม่รองรับสติกเกอร์ รูปภาพ หรือไฟล์ "
    "กรุณาพิมพ์หรือวางข้อความแทน เช่น วางตารางคะแนนรายตัวชี้วัด หรือพิมพ์ /help เพื่อดูคำสั่ง"
)
FAILED = (
    "ขออภัย ระบบขัดข้องชั่วคราวระหว่างดำเนินการ ข้อมูลที่ท่านส่งก่อนหน้านี้ยังอยู่ครบ กรุณาส่งข้อความเดิมอีกครั้ง หรือพิมพ์ /help เพื่อดูคำสั่ง"
)
EXPORT_HINT = 'พิมพ์ /export หรือกดปุ่ม "ดาวน์โหลด" เพื่อรับเอกสารฉบับปรับปรุง'
STEP_HINTS = {  # keyed by State.value; shown after a detour so the officer knows what is expected next
    "profile_name": "ขั้นตอนปัจจุบัน: " + ASK_NAME,
    "profile_type": "ขั้นตอนปัจจุบัน: กรุณาเลือกประเภทหน่วยงาน (กดปุ่มหรือพิมพ์หมายเลข)",
    "profile_units": 'ขั้นตอนปัจจุบัน: กดปุ่ม "ใช้ตามนี้" หรือพิมพ์รายชื่อหน่วยงานย่อย เช่น "สำนักปลัด, กองคลัง"',
    "profile_year": 'ขั้นตอนปัจจุบัน: กรุณาระบุปีที่ประเมิน เป็น พ.ศ. เช่น "2568"',
    "scores": 'ขั้นตอนปัจจุบัน: กรุณาส่งคะแนน ITA รายตัวชี้วัด เช่น "1 การปฏิบัติหน้าที่ 98.50"',
    "confirm": 'ขั้นตอนปัจจุบัน: พิมพ์ "ยืนยัน" เพื่อร่างมาตรการ หรือแก้คะแนน เช่น "แก้ตัวชี้วัด 7 เป็น 61.5"',
    "drafted": 'ร่างพร้อมแล้ว แก้ไขต่อได้ เช่น "ลบแถว 4" หรือพิมพ์ /export เพื่อดาวน์โหลด',
}
NO_DRAFT = 'ยังไม่มีร่างมาตรการ กรุณาส่งข้อมูลหน่วยงานและคะแนนให้ครบก่อน แล้วพิมพ์ "ยืนยัน" เพื่อร่าง'


def keep_choice() -> list[Choice]:
    """Return the button that keeps the value already shown."""
    return [Choice("ใช้ตามนี้", "ใช้ตามนี้")]


def export_choices() -> list[Choice]:
    """Return the download buttons."""
    return [
        Choice("ดาวน์โหลด Word", "/export docx"),
        Choice("ดาวน์โหลด Excel", "/export xlsx"),
        Choice("ดาวน์โหลดทั้งหมด", "/export"),
        Choice("แบบรายงานผล", "/report"),
    ]


def confirm_choices() -> list[Choice]:
    """Return the confirm/correct buttons."""
    return [Choice("ยืนยัน", "ยืนยัน"), Choice("แก้ไขคะแนน", "แก้ไข")]


def ask_year(profile: AgencyProfile) -> str:
    """Return the prompt for the assessment and fiscal years."""
    text = (
        'ผลการประเมิน ITA ที่จะใช้เป็นของปี พ.ศ. ใด เช่น "2568" '
        '(ปีงบประมาณของมาตรการจะเป็นปีถัดไปโดยอัตโนมัติ หากต้องการกำหนดเอง พิมพ์ เช่น "2568 ปีงบ 2570")'
    )
    if profile.assessment_year:
        text += f"\nขณะนี้บันทึกไว้: ปีประเมิน {profile.assessment_year} ปีงบประมาณ {profile.measures_year()}"
    return text


def ask_units(units: list[str], type_name: str) -> str:
    """Return the prompt showing default units for the officer to accept or replace."""
    shown = "\n".join(f"  {i}. {u}" for i, u in enumerate(units, 1)) or "  (ยังไม่มี)"
    head = (
        f"หน่วยงานย่อยที่จะรับผิดชอบมาตรการ (ค่าเริ่มต้นสำหรับ{type_name})"
        if type_name
        else "หน่วยงานย่อยที่จะรับผิดชอบมาตรการ"
    )
    return (
        f'{head}\n{shown}\nกดปุ่ม "ใช้ตามนี้" หรือพิมพ์รายชื่อหน่วยงานย่อยของท่าน คั่นด้วยจุลภาคหรือขึ้นบรรทัดใหม่ '
        'เช่น "สำนักปลัด, กองคลัง, กองช่าง"'
    )


def profile_text(profile: AgencyProfile, type_name: str) -> str:
    """Return the stored agency profile as Thai lines."""
    units = ", ".join(profile.units) or "-"
    return (
        f"ข้อมูลหน่วยงาน\n• ชื่อ: {profile.name or '-'}\n• ประเภท: {type_name or '-'}\n• หน่วยงานย่อย: {units}\n"
        f"• ปีที่ประเมิน: {profile.assessment_year or '-'}\n• ปีงบประมาณของมาตรการ: {profile.measures_year() or '-'}"
    )


def thresholds_text(urgent: float, maintain: float) -> str:
    """Return the tier thresholds in Thai."""
    return (
        f"เกณฑ์จัดกลุ่ม: ต่ำกว่า {urgent:g} = แก้ไขเร่งด่วน, {urgent:g} ถึงต่ำกว่า {maintain:g} = พัฒนาให้ดีขึ้น, "
        f"ตั้งแต่ {maintain:g} = รักษาระดับ"
    )


def draft_summary(draft: Draft) -> str:
    """Return a short Thai summary of a draft: whom, which year, level, counts by tier."""
    tiers: dict[str, int] = {}
    for row in draft.rows:
        tiers[row.tier] = tiers.get(row.tier, 0) + 1
    counts = ", ".join(f"{t} {n}" for t, n in tiers.items()) or "-"
    fy = draft.fiscal_year or draft.agency.measures_year()
    lines = [
        f"ร่างมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ของ{draft.agency.name or 'หน่วยงาน'} "
        f"ปีงบประมาณ พ.ศ. {fy or '-'}"
    ]
    if draft.overall is not None:
        level = f" ระดับ {draft.level}" if draft.level else ""
        lines.append(f"คะแนนรวม {draft.overall:.2f}{level}")
    if draft.level_note:
        lines.append(draft.level_note)
    lines.append(f"จำนวน {len(draft.rows)} มาตรการ ({counts})")
    lines.extend(draft.notes)
    lines.append(
        'แก้ไขได้โดยพิมพ์ เช่น "แก้ผู้รับผิดชอบ แถว 1 เป็น กองคลัง" (ดูรูปแบบทั้งหมดด้วย /help) '
        "และพิมพ์ /export เพื่อดาวน์โหลดไฟล์ Word/Excel"
    )
    return "\n".join(lines)


def _short(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def row_cards(draft: Draft, indicator_name) -> list[Card]:
    """Return one compact card per draft row; indicator_name(n) gives the indicator's Thai name."""
    cards = []
    for i, row in enumerate(draft.rows, 1):
        score = f" ({row.score:.2f})" if row.score is not None else ""
        # row.topic already reads "ตัวชี้วัดที่ 9 ... – ข้อ O13 ... (83.50 คะแนน) – <tier>";
        # the tier goes in the subtitle, so drop it from the title.
        suffix = f" – {row.tier}"
        title = (
            row.topic.removesuffix(suffix)
            if row.topic
            else f"ตัวชี้วัดที่ {row.indicator} {indicator_name(row.indicator)}"
        ) + score
        steps = (
            " ".join(row.steps)
            if all(s[:1].isdigit() for s in row.steps)
            else " ".join(f"{n}) {s}" for n, s in enumerate(row.steps, 1))
        )
        items = (("ข้อที่ควรพัฒนา", ", ".join(row.items)),) if row.items else ()
        cards.append(
            Card(
                title=f"แถว {i} · {title}",
                subtitle=row.tier,
                fields=items
                + (
                    ("มาตรการ", _short(row.measure)),
                    ("ขั้นตอน", _short(steps, 400)),
                    ("ผู้รับผิดชอบ", ", ".join(row.owners)),
                    ("ระยะเวลา", row.timeline),
                    ("ตัวชี้วัดความสำเร็จ", _short(row.kpi)),
                ),
            )
        )
    return cards


def card_text(card: Card) -> str:
    """Return a card as plain text, for channels without rich layouts."""
    return "\n".join([f"{card.title} [{card.subtitle}]", *(f"  {k}: {v}" for k, v in card.fields)])
