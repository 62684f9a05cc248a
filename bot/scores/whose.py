"""Whose a value is: the officer's own agency, another agency, or a wider body it belongs to.

Every pattern here is read over a bounded stretch before or after a value, so each call is linear.
"""

from __future__ import annotations

import re

OURS = re.compile(r"(?:ของ|หน่วยงาน|ที่)?เรา(?!ะ)|ของ(?:ผม|หนู|ดิฉัน)|our", re.I)
# Another agency: a neighbour, or an agency word with "อื่น" ("หน่วยงานอื่น", "อบต.อื่น").
THEIRS = re.compile(
    r"ข้าง\s*(?:ๆ|บ้าน)|ข้างเคียง|ใกล้เคียง|เพื่อนบ้าน|ในเครือ|ในสังกัด|ลูกข่าย|"
    r"(?:หน่วยงาน|อบต|เทศบาล|อำเภอ|จังหวัด|กรม|กอง|สำนักงาน|โรงเรียน|โรงพยาบาล|รพ|ที่)\.?\s*อื่น|"
    # "ส่วน อบจ. ได้ 92": "as for" another agency by its kind; "เขาได้ 92": they
    r"ส่วน\s*+(?:อบต|อบจ|เทศบาล|อำเภอ|จังหวัด|กรม|โรงเรียน|โรงพยาบาล|รพ|สำนักงาน)|(?<!ภู)เขา(?:ได้|ก็)"
)


def last_end(rx: re.Pattern[str], text: str) -> int:
    """Where the last match of rx in text ends (-1 if none)."""
    end = -1
    for m in rx.finditer(text):
        end = m.end()
    return end


# "90.77 ค่ะ (มหาวิทยาลัยภาพรวม 93.05)", "(ทั้งจังหวัดได้ 88.1)": an aside after our value, about a wider body.
_WIDER_ASIDE = re.compile(
    r"\d[^()\d]*+\(\s*+(?:ของ|ส่วน|ทั้ง|ค่า)?\s*+(?:มหาวิทยาลัย|มหาลัย|ม\.|กระทรวง|กรม|จังหวัด|จ\.|อำเภอ|เครือข่าย|เขต|ภาค|"
    r"ประเทศ|สำนักงานใหญ่|ต้นสังกัด|หน่วยงานแม่|เฉลี่ย)[^()\d]*+$"
)


# "อำเภอได้ 90.2 ค่ะ ของเรายังไม่ประกาศ", "… ส่วนของเราไม่รู้เลย": our own result is not out (or not known),
# so a value before is someone else's.
_OURS_PENDING = re.compile(
    r"(?:ของ|หน่วยงาน)?(?:เรา|ผม|หนู|ดิฉัน)(?:เอง)?\s*+(?:(?:ยัง|ก็ยัง)\s*+(?:ไม่(?:ได้)?\s*+(?:ประกาศ|ออก|รู้|ทราบ|เห็น|รับ)|รอ)"
    r"|(?:ก็)?ไม่(?:รู้|ทราบ)(?:ผล|เลย|เหมือนกัน)?)"
)


# "อบจ. ได้ 92 เขาเก่งมาก": the value is followed by "they" (เขา) doing well, someone else's result.
_THEY_AFTER = re.compile(r"\d++(?:\.\d++)?\s*+(?:คะแนน)?\s*+(?:ค่ะ|ครับ|นะ)?\s*+\(?\s*+(?:ของ)?เขา(?!ะ)")


def ours_pending(line: str, at: int) -> bool:
    """ "ทน.ขอนแก่นได้ 97.65 ตัวชี้วัด 9 ได้ 100 ของเรายังไม่ประกาศ": our own result is said not to be out
    after this place, and nothing before it says the value is ours."""
    return bool(_OURS_PENDING.search(line, at, at + 200)) and not OURS.search(line[max(0, at - 60) : at])


def pending_here(line: str) -> bool:
    """Whether a line says anywhere that our result is not out (one scan, before asking per reference)."""
    return bool(_OURS_PENDING.search(line))


def theirs(line: str, at: int) -> bool:
    """ "อบต.ข้างๆ ได้ ITA 95.5": the overall named after another agency is not the officer's;
    nor a wider body's in brackets after the officer's own value, nor any when ours is said not to be out."""
    lead = line[max(0, at - 60) : at]
    return (
        last_end(THEIRS, lead) > last_end(OURS, lead)
        or bool(_WIDER_ASIDE.search(lead))
        or bool(_OURS_PENDING.search(line, at, at + 200) and not OURS.search(lead))
        or bool(_THEY_AFTER.match(line, at, at + 40))
    )
