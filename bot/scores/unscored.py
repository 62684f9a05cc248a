"""Why a number is not a score: the words around it that make it a count, a rank, a year, a target, a wish,
a change, a benchmark, an estimate, a range or someone else's value (bot.scores.text reads the numbers).

Every pattern is matched on a bounded stretch before or after one number, so a line stays linear.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from bot.scores.years import be_year as _year

# Words after a number that make it a count or a period, not a score.
_UNIT_AFTER = re.compile(
    r"^\s*(?:ตัวชี้วัด|ตัว|ข้อ|ครั้ง|เดือน|วัน|ปี|คน|ราย|ประเด็น|หน่วยงาน|เครื่องมือ|ชั่วโมง|ชม\.|บาท|แห่ง|ด้าน|"
    r"ขั้นตอน|ส่วน|ฉบับ|เรื่อง|กิจกรรม|โครงการ|ช่องทาง|นาที|อันดับ|หมวด|กลุ่ม|ชิ้น|ล้าน|พัน|แสน|หมื่น|"
    r"หน้า|แบบ|มาตรการ|ไตรมาส|สัปดาห์)"
)
# Units of measure make even a decimal a quantity, not a score: "5.5 ชั่วโมง", "1.5 ล้านบาท".
_MEASURE_AFTER = re.compile(
    r"^\s*+(?:บาท|ล้าน|แสน|หมื่น|พัน|ชั่วโมง|ชม\.|นาที|วินาที|วัน|เดือน|สัปดาห์|คน|ราย|เท่า|กิโล|กม\.|เมตร|ลิตร|"
    r"MB|GB|KB)(?!นี้|ที่|ก่อน|หน้า)",
    re.IGNORECASE,
)
# A unit word does not make a count when it starts the next clause instead:
# topic and linking words between it and the next reference ("ส่วนเรื่องการใช้อำนาจ"),
_CLAUSE_LINK = re.compile(r"(?:\s*+(?:เรื่อง|ด้าน|หมวด|ประเด็น|ของ|ตัวชี้วัด|ที่|ตัว))*+\s*+")
# a label number with its value ("ข้อ 10 ได้ 80", "ตัวที่ 7 = 82"),
# (a unit word with a number of its own labels what follows: "70 อันดับ 2 คือ …", "75 ข้อ 10 การ…")
_NEXT_LABEL = re.compile(r"\s*+(?:ที่)?\s*+\d{1,2}(?![\d.])\s*+(?:ได้|=|:|\d|คือ|[\u0e01-\u0e2e])")
# "only one" after a number other than 1 ("89 ข้อเดียวที่ต่ำกว่า 90"),
_ONLY_ONE = re.compile(r"^\s*(?:ตัว|ข้อ|ด้าน|เรื่อง|หมวด|ประเด็น)เดียว")
# a time word ("90 ปีนี้ดีขึ้น", "70 ครั้งที่แล้วได้ 65"): this or that year, not "90 years",
_TIME_WORD = re.compile(r"^\s*(?:ปี|ครั้ง|รอบ|เดือน|ไตรมาส|สัปดาห์)\s*(?:นี้|ที่แล้ว|ก่อน|หน้า|ล่าสุด|ที่ผ่านมา|ถัดไป)")
# or a word pointing back ("80 แบบนี้ต้องทำ…", "85 ตัวนี้ต่ำสุด"): "this one", not a count of them,
# and "ส่วน" meaning "as for" ("ส่วนเรื่อง…", "ส่วนที่…", "ส่วนของ…", "ส่วน EIT…"); "ส่วนราชการ" stays a unit.
_AS_FOR = re.compile(
    r"^\s*ส่วน\s*(?:เรื่อง|ที่|ของ|ตัว|ด้าน|หมวด|ข้อ|การ|ใน|นอก|อื่น|ปี|ภาพรวม|คะแนน|ผล|เรา|[A-Za-z]"
    r"|(?:ก็)?ได้(?!\s*+(?:ส่วน)?\s*+เสีย)|คือ|อยู่ที่|[=:])"
)  # ("…คะแนนในI1 ส่วนได้ 96 คะแนนในI2": "as for, got …"; not "ส่วนได้ส่วนเสีย", stakeholders)
# Words right before a number that make it an ordinal or an identifier.
_ORDINAL_BEFORE = re.compile(
    r"(?:(?<!อยู่)(?<!ได้)(?<!หน้า)(?<!มา)(?<!ไป)ที่|รอบ|ไตรมาส|ครั้ง|ภาพ|ตาราง|(?<!ก่อน)หน้า|หมู่|เลข|โทร\.?|ฉบับ|ชั้น|ปี(?:งบประมาณ|งบ)?|พ\.ศ\.|"
    r"อันดับ|มาตรา|ประเด็นย่อย|ระดับ|ข้อย่อย|หมายเลข|ม\.|ซอย|รหัส|version|v\.?) ?$",
    re.IGNORECASE,
)
ORDINAL_BEFORE = _ORDINAL_BEFORE  # (bot.scores.prose: a number after these words is no indicator key either)
_THRESHOLD_BEFORE = re.compile(
    r"(?:มากกว่า|ต่ำกว่า|น้อยกว่า|ไม่ถึง|เกินกว่า|ระหว่าง|อย่างน้อย|ไม่น้อยกว่า|ไม่ต่ำกว่า|(?<![-=])>=?|<=?|≥|≤)"
    r"\s*(?:ร้อยละ|คะแนน)?\s*$"
)
# "ทำมาตรการให้ได้ 95", "อยากได้ 90", "ต้องได้ 85": a score wished for, not a result.
# "ถ้าได้ 85", "หากคะแนน 90", "สมมติว่าได้ 88": a hypothetical, not a result either.
_WISH_BEFORE = re.compile(
    r"(?:(?:ให้|อยาก|ต้อง|(?:ถึง|จึง)?จะ)ได้(?:รับ)?|(?:ถ้า|(?<!ปัญ)หาก|สมมติ(?:ว่า)?)[\u0e01-\u0e4e]{0,12}?(?:ได้(?:รับ)?)?)\s*+(?:คะแนน)?\s*+(?:ร้อยละ)?\s*+$"
)
# "เคยได้ 95", "ตัวชี้วัดที่ 9 เคยได้ 90 แต่ปีนี้…": a value once got, in the past.
_ONCE_BEFORE = re.compile(r"เคย\s*+(?:ได้(?:รับ)?)?\s*+(?:คะแนน)?\s*+(?:ถึง|สูงถึง)?\s*+$")
# "ไม่ได้ 85 นะคะ ได้ 83.5": a value taken back; "หน่วยงานที่ได้ 100 มีกี่แห่ง": others who got a value.
_NOT_THIS_BEFORE = re.compile(
    r"(?:ไม่(?:ได้(?:รับ)?|ใช่)|(?:หน่วยงาน|อบต\.?|เทศบาล|โรงเรียน|โรงพยาบาล|รพ\.?|แห่ง|คน|ใคร|ที่ไหน)(?:อื่น)?(?:ๆ)?ที่ได้(?:รับ)?)"
    r"\s*+(?:คะแนน)?\s*+$"
)
# "85 ขึ้นไป", "90 ขึ้นทุกข้อ", "90+": a bound, not a value ("88 ขึ้นมาจาก…", "ขึ้นเป็น" tell a change).
_THRESHOLD_AFTER = re.compile(r"^\s*(?:คะแนน)?\s*(?:ขึ้นไป|ลงมา|ลงไป|ขึ้น(?!มา|จาก|เป็น)|\+(?!\s*+\d))")


def bound_after(after: str) -> bool:
    """Tell whether the words after a value make it a bound or an estimate ("90 ขึ้นไป", "92 กว่าๆ")."""
    return bool(_THRESHOLD_AFTER.match(after) or _APPROX_AFTER.match(after))


# Keys and values only, as a list of targets goes on: " IIT 95 EIT ", " ตัวชี้วัดที่ 9 85 ตัวชี้วัดที่ 10 ".
TARGET_LIST = re.compile(
    r"(?:[\s\d.,:=/|()\-]|ค่ะ|ครับ|และ|ร้อยละ|IIT|EIT|OIT|ITA|[IEO]\d{1,2}|ภาพรวม|รวม|ตัวชี้วัด(?:ที่)?|ทุกตัว|"
    r"ตัวที่|ตชว\.?|ข้อ|ด้าน|เรื่อง|หมวด|ประเด็น|ของ|ปี(?:งบประมาณ|งบ|หน้า)?|คะแนน|คือ|ไว้|ที่|อยู่ที่|เท่ากับ)*+",
    re.I,
)
# A measure's KPI ("KPI เป็นร้อยละ 100") states a target, never a result.
# ("เทียบเป้าค่ะ ตัวชี้วัด 9 = 72 (เป้า 85)": results compared with their targets, not targets)
_TARGET_WORD = re.compile(
    r"(?<!เทียบ)(?<!เทียบกับ)เป้า(?:หมาย)?|ตั้งเป้า|กำหนดให้|กำหนดค่า|(?<!หลัก)(?<!ผ่าน)เกณฑ์(?:ผ่าน|ขั้นต่ำ)?|KPI|ตัวชี้วัดความสำเร็จ|target|goal|"
    # "84.10 ไม่ผ่านเกณฑ์ ส่วนปี 2568 ได้ 88.95" is a verdict; "ผ่านเกณฑ์ 85" names the target (the window ends at it)
    r"(?<=ผ่าน)เกณฑ์(?=\s*+(?:ที่|คือ|ไว้|[:=])?\s*+(?:ร้อยละ|คะแนน)?\s*+(?:\d|$))",
    re.IGNORECASE,
)
# "ร้อยละ 80 ของบุคลากร": a share of something, not a score.
_SHARE_AFTER = re.compile(r"^\s*+%?\s*+ของ")
_MAX_BEFORE = re.compile(r"เต็ม\s*$")
# "คะแนนเต็มของ OIT คือ 100": the maximum of a key named between (the window has its references taken out)
_MAX_OF = re.compile(
    r"(?<!ได้)คะแนนเต็ม\s*+(?:ของ)?\s*+(?:ตัวชี้วัด|เรื่อง|ด้าน|หมวด|คะแนน)?\s*+(?:คือ|=|:|เท่ากับ|อยู่ที่)?\s*+$"
)
_YEAR_AFTER_ITA = re.compile(r"(?<![A-Za-z])ITA\s*+$", re.IGNORECASE)
_YEAR_LABEL_AFTER = re.compile(
    r"\s*+ปี(?:งบประมาณ|งบ|นี้|ที่แล้ว|ก่อน|ล่าสุด)?\s*+(?:พ\.ศ\.)?\s*+(?:25)?\d\d(?![\d.])"
)
_THIS_YEAR_BEFORE = re.compile(r"ปี(?:นี้|ล่าสุด)\s*+$")
_LABEL_NEXT = re.compile(r"[^\d\n]{0,20}?(?:ตัว|ข้อ|IIT|EIT|OIT|ภาพรวม|คะแนน|ได้|(?<![A-Za-z])[IEO]\s?\d)", re.I)
_SCORE_NEAR = re.compile(r"(?:ได้|คะแนน|=|:)\s*+ITA\s*+$", re.I)
_VALUE_NEXT = re.compile(r"[^\d\n]{0,20}?\d")
# "คะแนน" that opens the next key and its value rather than closing the number before it
_SCORE_WORD_LEADS = re.compile(r"\s*+คะแนน\s*+(?:ITA|IIT|EIT|OIT|ภาพรวม|รวม|ตัวชี้วัด|ข้อ)", re.I)
_GOT_FULL_BEFORE = re.compile(r"ได้(?:รับ)?(?:คะแนน)?เต็ม\s*$")
CONTEXT_BEFORE = re.compile(
    r"(?:ได้(?:รับ)?|เท่ากับ|คะแนน|ร้อยละ|อยู่ที่|คือ|=|:|→|⇒|->|=>|score|ก็|แค่|เพียง|เหลือ|(?:ขึ้น|ลง|เพิ่ม|ลด|มา|ไป)เป็น)\s*(?:มา)?\s*(?:คะแนน|ร้อยละ|เท่ากับ)?\s*(?:มา)?"
    r"\s*[(]?\s*$",
    re.IGNORECASE,
)
# A change verb that leads to the new value: "ขึ้นมาเป็น 84.95", "เพิ่มเป็น", "ลดลงเหลือ", "ขยับขึ้นไปอยู่ที่".
CHANGE_TO = (
    r"(?:ก็)?(?:(?:เพิ่ม|ขยับ|ดี|พุ่ง|กระโดด|โต|ลด|ตก|ร่วง|หล่น|ขึ้น|ลง)(?:ขึ้น|ลง)?(?:มา|ไป)?\s*+)?"
    r"(?:เป็น|เหลือ|อยู่ที่|คือ|เท่ากับ)"
)
CONTEXT_AFTER = re.compile(r"^\s*(?:คะแนน|คะเเนน|points?)")
# A difference, or a shortfall from a target: "เพิ่มขึ้น 3", "ขาดอีก 6.6", "ห่างเป้า 10", "ต่ำกว่าเป้า 85 อยู่ 10".
_CHANGE_BEFORE = re.compile(
    r"(?:(?:เพิ่ม|ดี|แย่|ต่ำ|สูง|ลด|ตก)?(?:ขึ้น|ลง)(?:มา)?|ผลต่าง|เปลี่ยนแปลง|ต่างกัน|ขาด(?:อีก)?|(?<![\u0e00-\u0e7f])อีก|ห่าง(?:จาก)?(?:เป้า(?:หมาย)?|เกณฑ์)?|"
    r"(?<=\d)\s*+อยู่)\s*(?:ร้อยละ|คะแนน)?\s*$"
)
# "ค่าเฉลี่ยจังหวัด 86.50", "ภาพรวมของประเทศ 87.44": a wider group's average, a benchmark to compare with.
_BENCHMARK = (
    r"(?:ค่า)?(?:เฉลี่ย|มัธยฐาน)(?:ของ)?(?:ทั้ง)?(?:จังหวัด|ประเทศ|กลุ่ม|เขต|อำเภอ|ภาค|หน่วยงานทั้งหมด|ทุกหน่วยงาน|กรม|กระทรวง|เครือข่าย)"
    r"|(?:ของ|ทั้ง|ระดับ)ประเทศ|(?:national|province|provincial)\s*+average"
    # an average whose owner, a few words on, is a wider group: "คะแนนเฉลี่ยของ อปท. ทั้งหมดในอำเภอ 86.3"
    r"|(?:เฉลี่ย|มัธยฐาน)[^\d\n]{0,24}?(?:(?:ใน|ของ|ทั้ง|ระดับ)(?:จังหวัด|ประเทศ|อำเภอ|เขต|ภาค|กระทรวง|กรม)"
    r"|(?:หน่วยงาน|อปท|อบต|อบจ|เทศบาล|โรงเรียน|สถานศึกษา)\.?\s*+(?:ทั้งหมด|ทุกแห่ง))"
    # the wider group first, then its average: "หน่วยงานในจังหวัดได้เฉลี่ย 86.3", "ทั้งอำเภอเฉลี่ยอยู่ที่ 85"
    r"|(?:ใน|ของ|ทั้ง|ระดับ)(?:จังหวัด|ประเทศ|อำเภอ|เขต|ภาค|กระทรวง|กรม)[^\d\n]{0,16}?(?:ค่า)?(?:เฉลี่ย|มัธยฐาน)"
)
_BENCHMARK_BEFORE = re.compile(_BENCHMARK, re.IGNORECASE)
# ... also when a reference ("คะแนนเฉลี่ย") stands inside the phrase: "คะแนนเฉลี่ยทั้งจังหวัด 89.45".
_BENCHMARK_NEAR = re.compile(rf"(?:{_BENCHMARK})[^\d\n]{{0,16}}$", re.IGNORECASE)
# "ผลสำรวจความพึงพอใจผู้รับบริการ 92.5%", "LPA 88": another measure's result, not an ITA score.
_OTHER_MEASURE_BEFORE = re.compile(
    r"(?:ความพึงพอใจ|ผลสำรวจ|แบบสำรวจ|(?<![A-Za-z])(?:LPA|PMQA))[^\d\n]{0,20}$", re.I
)
# "92 กว่าๆ", "80 ต้นๆ": an estimate, not the result (the exact value often follows).
_APPROX_AFTER = re.compile(r"^\s*+(?:กว่า|ต้นๆ|ปลายๆ|กลางๆ|นิดๆ|เศษ|ปลาย\b|ต้น\b)")
# "ประมาณ 88", "น่าจะได้ราวๆ 90": a round figure said as a guess (a decimal is read: "ประมาณ 88.5").
_APPROX_BEFORE = re.compile(r"(?:ประมาณ|ราวๆ|ราว|เกือบ|น่าจะ|คร่าวๆ|คาดว่า)\s*+(?:จะ)?(?:ได้)?\s*+(?:คะแนน)?\s*+$")
# "เพิ่มขึ้นจาก 70.10 เป็น 78.45", "จาก 82.50 ปีที่แล้ว ขึ้นมาเป็น 88.10": the value it was, not the result.
_FROM_BEFORE = re.compile(
    r"จาก\s*+(?:เดิม)?\s*+(?:ปี(?:ที่แล้ว|ก่อน(?:หน้า)?|ที่ผ่านมา)|(?:ครั้ง|รอบ)(?:ที่แล้ว|ก่อน))?\s*+(?:ที่)?\s*+(?:คะแนน)?\s*+$"
)
# "ตัวชี้วัดที่ 3 เดิม 88 ตอนนี้ 93.5": the value it had before the one said next.
_FORMER_BEFORE = re.compile(r"(?:เดิม|แต่ก่อน|ก่อนหน้า(?:นี้)?)\s*+(?:ได้|คือ|อยู่ที่)?\s*+$")
_LATER_VALUE = re.compile(r"[^\d\n]{1,30}?\d")
# "85.1 → 89.6": a value with an arrow to the next one is what it was, not the result.
_ARROW_NEXT = re.compile(r"\s*+(?:คะแนน\s*+)?(?:→|->|=>|⇒|➡️?|➜)\s*+\d")
_OUT_AFTER = re.compile(r"^\s*+(?:ก็)?(?:ออก|ประกาศ)(?:ผล)?(?:แล้ว|มาแล้ว)")
_CHANGE_SINCE = re.compile(
    r"(?:เพิ่ม|ลด|ขึ้น|ลง|ดีขึ้น|แย่ลง|ต่ำลง|สูงขึ้น)(?:มา)?\s*+จาก\s*+(?:ปี(?:ที่แล้ว|ก่อน(?:หน้า)?|ที่ผ่านมา)|(?:ครั้ง|รอบ)(?:ที่แล้ว|ก่อน))"
    r"\s*+(?:อยู่|ถึง)?\s*+$"
)
_TO_AFTER = re.compile(r"^[^\d\n]{0,30}?(?:เป็น|เหลือ|มาที่|ไปที่)\s*+(?:คะแนน)?\s*+\d")
# (a dash in a tab cell of its own is an empty cell between two columns, not a range)
_RANGE_AFTER = re.compile(r"^[^\S\t]*(?:-|–|—|ถึง)[^\S\t]*(\d+(?:\.\d+)?)")
_RANGE_BEFORE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)[^\S\t]*+(?:-|–|—|ถึง)[^\S\t]*+$")


def inside(pos: int, starts: list[int], spans: list[tuple[int, int]]) -> bool:
    """Tell whether pos falls in one of the sorted, non-nested spans (bisect: linear overall)."""
    i = bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _without_refs(line: str, a: int, b: int, c_starts: list[int], spans: list[tuple[int, int]]) -> str:
    """line[a:b] with each reference in it (a consumed span) replaced by a space."""
    out, at = [], a
    for k in range(max(0, bisect_right(c_starts, a) - 1), len(spans)):
        x, y = spans[k]
        if x >= b:
            break
        if y <= at:
            continue
        out.append(line[at : max(at, x)] + " ")
        at = min(b, y)
    out.append(line[at:b])
    return "".join(out)


# "ข้อที่", "ตัวที่", "อันที่", "O ที่", " ที่": the relative "those that"; not a name's end ("หน้าที่").
GOT_BY_HEAD = r"(?:(?<=ข้อ)|(?<=ตัว)|(?<=อัน)|(?<=ตัวชี้วัด)|(?<=[OIE\s])|^)ที่"

# A key's value typed with a digit too many or its point left out ("O13 ได้ 1000", "ตัวที่ 9 ได้ 8875"):
# right after "ได้" / "=" / ":" and no year, it is read (a unit after it still makes it a count) and shown
# as past 100.
_VALUE_MARK_BEFORE = re.compile(r"(?:ได้(?:รับ)?|[=:]|อยู่ที่)\s*+(?:คะแนน)?\s*+$")


def _mistyped(digits: str, before: str) -> bool:
    whole = digits.split(".")[0]
    if len(whole) > 5 or not _VALUE_MARK_BEFORE.search(before):
        return False
    return not (len(whole) == 4 and (1900 <= int(whole) <= 2100 or 2400 <= int(whole) <= 2700))


def why_blocked(line, m, digits, before, after, c_starts, spans) -> str:
    s = m.start(2)
    if len(digits.split(".")[0]) > 3 and not _mistyped(digits, before):
        return "year/large"
    if m.group(1) == "+" or _CHANGE_BEFORE.search(before):
        return "change"  # "+5.20", "เพิ่มขึ้น 3": a difference between years, not a score
    if (
        (_FROM_BEFORE.search(before) and _TO_AFTER.match(after))
        or _ARROW_NEXT.match(after)
        or (_FORMER_BEFORE.search(before) and _LATER_VALUE.match(after))
    ):
        return "former"
    if _ONCE_BEFORE.search(before):
        return "former"
    if _CHANGE_SINCE.search(before) and not _TO_AFTER.match(after):
        return "change"  # "ขึ้นจากปีที่แล้ว 5 คะแนน": by how much, since last year
    if _APPROX_AFTER.match(after) or ("." not in digits and _APPROX_BEFORE.search(before)):
        return "estimate"
    if _BENCHMARK_BEFORE.search(before) or _BENCHMARK_NEAR.search(line, max(0, s - 60), s):
        return "benchmark"
    if _OTHER_MEASURE_BEFORE.search(before):
        return "other measure"
    if "." in digits and _MEASURE_AFTER.match(after):
        return "quantity"
    if (
        _YEAR_AFTER_ITA.search(line[max(0, s - 8) : s])
        and len(digits) == 2
        and _year(digits)
        and (
            _VALUE_NEXT.match(after)
            or (60 <= int(digits) <= 75 and not _SCORE_NEAR.search(line, max(0, s - 12), s))
        )
        and (not CONTEXT_AFTER.match(after) or _SCORE_WORD_LEADS.match(after))
    ):
        # "ITA 68 ได้ 88.00", "ITA 68 ผ่านแล้วค่ะ": a two-digit year after the tool's name (with no score
        # word before it: "ได้ ITA 72" is a score; "ITA 68 คะแนน ITA 92.47": that "คะแนน" leads the next key)
        return "year"
    if (
        len(digits) == 2
        and 60 <= int(digits) <= 75
        and _THIS_YEAR_BEFORE.search(line, max(0, s - 12), s)
        and _LABEL_NEXT.match(after)
    ):
        return "year"  # "ปีนี้ 68 😭 ตัวที่10 ได้แค่ 56.25": this year's number, then a labelled value
    if len(digits) == 2 and _year(digits) and 60 <= int(digits) <= 75 and _OUT_AFTER.match(after):
        return "year"  # "คะแนน 68 ออกแล้ว": the results of 2568 are out
    unit = _UNIT_AFTER.match(after)
    if unit and _YEAR_LABEL_AFTER.match(after):
        unit = None  # "ได้ 85 ปี 67 ได้ 88": the next value's year label, not "85 years"
    if unit and "." not in digits:
        end = m.end() + unit.end()
        # "88 ส่วนเรื่องการใช้อำนาจ", "87 ด้านการใช้อำนาจ": topic and linking words may stand between.
        link = _CLAUSE_LINK.match(line, end)
        end = link.end() if link else end
        k = bisect_right(c_starts, end - 1)
        # "ได้ 74 เรื่องป้องกันการทุจริตได้ 86": the word opens the next reference, not a count's unit.
        # (not a unit of measure: "IIT 45 คน EIT 120 คน" counts people)
        opens = not _MEASURE_AFTER.match(after)
        if opens and (inside(end - 1, c_starts, spans) or (k < len(c_starts) and c_starts[k] - end <= 3)):
            unit = None
        elif _NEXT_LABEL.match(line, m.end() + unit.end()) or (_ONLY_ONE.match(after) and float(digits) != 1):
            unit = None  # "75 ข้อ 10 ได้ 80" labels the next value; "89 ข้อเดียวที่…" is "the only one"
        elif (
            _AS_FOR.match(after)
            or _TIME_WORD.match(after)
            or after[unit.end() :].lstrip().startswith(("นี้", "นั้น"))
        ):
            unit = None  # "88 ส่วนเรื่อง…": "ส่วน" means "as for", not "parts"; "90 ปีนี้…" is a time
    ordinal = _ORDINAL_BEFORE.search(before)
    if (
        ordinal
        and ordinal.group(0).startswith("ปี")
        and ("." in digits or (_year(digits) is None and CONTEXT_AFTER.match(after)))
    ):
        # "…ประจำปี 0.00", "…ประจำปี 0 คะแนน": no year is a decimal, nor a score-sized number said in
        # points; the value closes a title ending in "ปี"
        ordinal = None
    if ordinal or (unit and "." not in digits):
        return "count/ordinal"
    if _WISH_BEFORE.search(before):
        return "wish"
    if _THRESHOLD_BEFORE.search(before) or _THRESHOLD_AFTER.search(after):
        return "threshold"
    if _NOT_THIS_BEFORE.search(before):
        return "not this"
    if _SHARE_AFTER.match(after):
        return "share"
    if (_MAX_BEFORE.search(before) and not _GOT_FULL_BEFORE.search(before)) or (
        "เต็ม" in line[max(0, s - 70) : s]
        and _MAX_OF.search(_without_refs(line, max(0, s - 70), s, c_starts, spans))
    ):
        return "maximum"
    w0 = max(0, s - 70)
    # (a key's name is not counted against the reach: "เป้าหมาย ตัวชี้วัดการป้องกันทุจริต 95 และ ตัวชี้วัด…")
    k = bisect_right(c_starts, s) - 1
    while k >= 0 and spans[k][1] > w0 and w0 > s - 200:
        w0 = max(0, s - 200, w0 - (spans[k][1] - max(spans[k][0], w0)))
        k -= 1
    window = line[w0:s]
    hits = list(_TARGET_WORD.finditer(window))
    rest = re.sub(r"\d{4}", "", window[hits[-1].end() :]) if hits else ""
    # the keys between are references, whatever their names: "เป้าหมาย ด้านการใช้งบประมาณ 90"
    keys_out = (
        re.sub(r"\d{4}", "", _without_refs(line, w0 + hits[-1].end(), s, c_starts, spans)) if hits else ""
    )
    # "(เป้า 90) / IIT 93.2": a target in brackets closed before the value governs nothing after them
    aside = hits and ")" in rest and "(" in window[max(0, hits[-1].start() - 3) : hits[-1].start()]
    # "IIT ได้ 85.5 เป้าหมาย 90 EIT 88.25": a target followed by its number is an aside on the key before it
    aside = aside or bool(hits and re.match(r"\s*+(?:ที่|คือ|ไว้)?\s*+[:=]?\s*+\d", rest))
    if hits and (not re.search(r"\d", rest) or (TARGET_LIST.fullmatch(keys_out) and not aside)):
        return "target"  # "ตั้งเป้า IIT 95 EIT 90 OIT 90": a target word governs the list after it
    nxt = _RANGE_AFTER.match(after)
    if nxt and float(nxt.group(1)) > float(digits) and not m.group(1):
        return "range"
    prev = _RANGE_BEFORE.search(line[max(0, m.start() - 30) : m.start()])
    if prev and float(prev.group(1)) < float(digits):
        at = max(0, m.start() - 30) + prev.start(1)
        if not inside(at, c_starts, spans):
            return "range"
    return ""
