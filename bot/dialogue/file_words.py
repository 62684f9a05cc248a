"""Which short messages ask for files or the progress report: "ขอไฟล์ word กับ excel", "แบบรายงานผลรอบ 6 เดือน".

The file kinds, the small words that may stand beside them and the report rounds said in words, and
the reading of a request made only of these; bot/dialogue/command_words.py reads every other command.
"""

from __future__ import annotations

import re

from bot.drafting.edits import PARTICLES

# Export: a verb of sending or downloading, then only file kinds and small words.
_EXPORT_HEAD = re.compile(
    # ("แคปเป็นรูป", "capture": the table captured as a picture)
    r"^(?:ดาวน์โหลด|ดาวโหลด|โหลด|ส่งออก|ส่ง|ขอ|เอา|จัดทำ|ทำ|สร้าง|ออก|แคป(?:หน้าจอ)?|export|download|get|send|make|capture)?\s*"
    r"(?:ไฟล์?|เอกสาร|files?|documents?)?",  # "ไฟล" without its mark
    re.I,
)
_FILE_KINDS = (
    "docx",
    "word",
    "เวิร์ด",
    "เวิด",
    "xlsx",
    "excel",
    "เอ็กเซลล์",
    "เอกเซลล์",
    "เอ็กซ์เซล",
    "เอ็กเซล",
    "เอกเซล",
    "png",
    "ฉบับตรวจทาน",
    "ตรวจทาน",
    "review",
    "chart",
    "กราฟ",
    "แผนภูมิ",
    "รูปภาพ",
    "รูป",
    "ภาพ",
    "image",
    "picture",
    "jpg",
)
# File kinds said in other words, as the exporter knows them ("ขอเป็นรูปภาพตาราง" is the picture).
_KIND_NAMES = {"รูปภาพ": "png", "รูป": "png", "ภาพ": "png", "image": "png", "picture": "png", "jpg": "png"}
_EXPORT_FILLER = (
    "ทั้งหมด", "ทุกไฟล์", "ทุกแบบ", "ทั้งสองไฟล์", "ทั้งสามไฟล์", "ทั้ง 2 ไฟล์", "ทั้ง 3 ไฟล์", "ขอ", "ทั้งสองแบบ", "ทั้งสามแบบ", "ทั้ง 2 แบบ", "ทั้ง 3 แบบ", "ไฟล์", "เอกสาร", "มา", "ให้", "หน่อย", "ด้วย", "และ", "กับ",
    "แบบ", "เป็น", "ทั้ง", "all", "and", "the", "file", "files", "as", "of", "plan", "ฉบับล่าสุด", "ล่าสุด",
    "ตาราง", "มาตรการ", "ร่าง", "ของ", "แผน", "ฉบับเต็ม", "ฉบับสมบูรณ์", "ฉบับจริง", "สมบูรณ์", "ที่แก้ไขล่าสุด", "ที่แก้ล่าสุด", "ส่ง", "แก้ไขล่าสุด", "แก้ล่าสุด", "ฉบับแก้ไข", "ฉบับที่แก้ไข", "ฉบับใหม่", "ฉบับ", "ทางไลน์", "ทางอีเมล", "ทางเมล", "ไลน์", "line", "ทาง", "ที่แก้ไขแล้ว", "ที่แก้แล้ว", "แก้ไขเสร็จแล้ว", "แก้เสร็จแล้ว", "เสร็จแล้ว", "แก้ไขแล้ว", "แก้แล้ว", "อีกรอบ", "อีกครั้ง", "ใหม่", "อย่างเดียว", "เท่านั้น", "only", "ก็พอ", "พอ",
    # the edits are done, said beside the order: "ส่ง word มาใหม่ครับ แก้ครบแล้ว", "ขอไฟล์ค่ะ ปรับเรียบร้อยแล้ว"
    r"(?:แก้(?:ไข)?|ปรับ(?:แก้)?)?(?:ครบ(?:ถ้วน)?|เสร็จ(?:สิ้น)?|หมด|เรียบร้อย)(?:ทุกแถว|ทุกจุด|ทั้งหมด)?(?:แล้ว)?",
    *PARTICLES,
)  # fmt: skip
# The report rounds said in words: "รอบครึ่งปี" is the 6-month round, "รอบสิ้นปี" the 12-month one.
ROUND_WORDS = {
    6: ("ครึ่งปีแรก", "ครึ่งปีงบประมาณ", "ครึ่งปีงบ", "ครึ่งปี", "กลางปี"),
    12: ("สิ้นปีงบประมาณ", "สิ้นปีงบ", "สิ้นปี", "ทั้งปี", "รอบปี", "ประจำปี"),
}
_AS_WORD = re.compile(r"\s*(?:เป็น)?\s*(?:ไฟล์)?\s*(?:word|docx|เวิร์ด|เวิด)\s*$", re.I)
# Report: the report form, then only its rounds ("รอบ 6 เดือน").
_REPORT_HEAD = re.compile(
    r"^(?:ดาวน์โหลด|ดาวโหลด|โหลด|ส่ง|จัดทำ|ทำ|ออก|download)?\s*(?:ไฟล์|เอกสาร)?\s*(?:แบบ)?(?:ฟอร์ม)?(?:รายงาน|ติดตาม|สรุป(?=ผล))(?:สรุป)?(?:ผล)?(?:ความก้าวหน้า)?(?:การดำเนินการ|การดำเนินงาน)?(?:ตามมาตรการ)?"
    r"|^report(?:s)?|^progress report",
    re.I,
)
_FILES_NAMED = re.compile(r"ไฟล์|เอกสาร|\bfiles?\b|\bdocuments?\b", re.I)
_REPORT_FILLER = (
    "รอบ", "เดือน", "ครบ", "และ", "กับ", "ทั้งสองรอบ", "ทั้ง", "ครั้ง", "ที่", "months?", "round", "and", "ฉบับ", "ขอ",
    # the form is a Word file anyway: "ขอแบบรายงาน 6 เดือนเป็น word"
    "เป็น", "ไฟล์", "word", "docx", "เวิร์ด", "เวิด",
    # "… ตามมาตรการ ฯ รอบ 6 เดือน (ต.ค. - มี.ค.)": the abbreviation mark and the months the round covers
    "ฯ", "-", "–", r"(?:ต\.?ค|พ\.?ย|ธ\.?ค|ม\.?ค|ก\.?พ|มี\.?ค|เม\.?ย|พ\.?ค|มิ\.?ย|ก\.?ค|ส\.?ค|ก\.?ย)\.?",
    *(word for words in ROUND_WORDS.values() for word in words),
)  # fmt: skip
# "ไม่เอา word", "ยกเว้นกราฟ": a file kind the officer does not want, beside one they do.
_REFUSED_KIND = re.compile(
    rf"\s*(?:ไม่เอา|ไม่ต้อง(?:เอา|ส่ง)?|ยกเว้น|except|without)\s*(?:ไฟล์)?\s*(?:{'|'.join(_FILE_KINDS)})"
    rf"(?:\s*(?:{'|'.join(map(re.escape, PARTICLES))}))*",
    re.I,
)
BARE_KINDS = re.compile(rf"(?:\s|,|และ|กับ|&|\+|{'|'.join(_FILE_KINDS)})+", re.I)


def _fill(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?:\s|,|&|\+|/|\(|\)|(?:{'|'.join(sorted(words, key=len, reverse=True))}))*", re.I)


_EXPORT_REST = _fill((*_FILE_KINDS, *_EXPORT_FILLER))
_REPORT_REST = _fill((*_REPORT_FILLER, r"\d{1,2}"))


def export_or_report(short: str) -> tuple[str, str] | None:
    """Read a file or report request ("ขอไฟล์ word", "แบบรายงานผลรอบ 6 เดือน"): ("export"|"report", its arguments)."""
    m = _REPORT_HEAD.match(short)
    if m and m.group(0):
        rest = short[m.end() :]
        said = [str(n) for n, names in ROUND_WORDS.items() if any(name in rest for name in names)]
        # only a round's own number: "(ต.ค.68-ก.ย.69)" names the months it covers, not more rounds
        rounds = [*(n for n in re.findall(r"\d{1,2}", rest) if n in ("6", "12")), *said]
        # "ขอแบบรายงาน 6 เดือนเป็น word": with its round named, the form may be asked as a Word file
        as_word = _AS_WORD.search(rest) if rounds else None
        if _REPORT_REST.fullmatch(rest[: as_word.start()] if as_word else rest):
            return "report", " ".join(rounds)
    m = _EXPORT_HEAD.match(short)
    if m:
        rest = short[m.end() :]
        kinds = re.findall("|".join(_FILE_KINDS), rest, re.I)
        # A bare "ขอ"/"ส่ง" is not enough by itself: it needs a file kind ("ขอ word", "ส่ง excel มา").
        head = m.group(0).strip()
        # "ขอทั้ง 2 ไฟล์": the files named after a bare "ขอ" are enough too
        named = kinds or head not in ("", "ขอ", "ส่ง", "get", "send") or _FILES_NAMED.search(rest)
        if _EXPORT_REST.fullmatch(rest) and named:
            return "export", " ".join(_KIND_NAMES.get(k.lower(), k.lower()) for k in kinds)
    return None


def without_refused_kinds(text: str) -> str:
    """ "ส่งไฟล์ excel มา ไม่เอา word" -> "ส่งไฟล์ excel มา": a file kind refused beside one asked for."""
    cut = _REFUSED_KIND.sub(" ", text).strip()
    return cut if cut != text.strip() and re.search("|".join(_FILE_KINDS), cut, re.I) else text


# Answers to one measure of last year's plan offered forward ("ต่อยอด"), typed or from its buttons:
# keep it, drop it, revise it ("ปรับเป็น …" with the new wording), keep all the rest, or stop.
_CARRY_ALL = re.compile(
    r"^(?:คง(?:ไว้)?|เก็บ(?:ไว้)?|เอา|ใช้ต่อ|ทำต่อ|ต่อยอด)\s*(?:ไว้)?\s*(?:ทั้งหมด|ทุกข้อ|ที่เหลือ(?:ทั้งหมด)?)$"
)
_CARRY_STOP = re.compile(r"^(?:ข้าม|ตัด|ไม่เอา)\s*(?:ที่เหลือ|ทั้งหมด|ทุกข้อ)(?:ทั้งหมด)?$|^(?:พอแล้ว|พอ|หยุด|จบ)$")
_CARRY_KEEP = re.compile(
    r"^(?:คง(?:ไว้)?(?:เหมือนเดิม)?|เก็บ(?:ไว้)?|เอา(?:ไว้)?|ใช้ต่อ|ทำต่อ|ต่อยอด|ต่อเนื่อง|keep)$", re.I
)
_CARRY_DROP = re.compile(r"^(?:ตัด(?:ออก|ทิ้ง)?|ไม่เอา|ไม่ใช้(?:แล้ว)?|ไม่ทำต่อ|ยกเลิก|ข้าม|ลบ(?:ออก)?|drop)$", re.I)
_CARRY_REVISE = re.compile(r"^(?:ปรับ(?:แก้)?|แก้(?:ไข)?|เปลี่ยน)\s*(?:เป็น|ว่า|ข้อความเป็น|[:：])\s*[:：]?\s*", re.I)
_CARRY_PARTICLES = re.compile(r"(?:\s*(?:ค่ะ|คะ|ครับ|คับ|นะ|จ้า|จ้ะ|ค่า|ไว้ก่อน|ก่อน))+$")


def carry_answer(text: str) -> tuple[str, str] | None:
    """Read an answer to a measure offered forward: ("keep"|"drop"|"all"|"stop"|"revise", new wording).

    "revise" with an empty wording asks for it; None: the message is no such answer.
    """
    flat = " ".join(text.split())
    short = _CARRY_PARTICLES.sub("", flat).strip()
    for kind, pattern in (
        ("all", _CARRY_ALL),
        ("stop", _CARRY_STOP),
        ("keep", _CARRY_KEEP),
        ("drop", _CARRY_DROP),
    ):
        if pattern.match(short):
            return kind, ""
    if short in ("ปรับ", "ปรับแก้", "แก้", "แก้ไข", "revise"):
        return "revise", ""
    revise = _CARRY_REVISE.match(flat)
    if revise:
        wording = flat[revise.end() :].strip().strip("\"'“”")
        return "revise", _CARRY_PARTICLES.sub("", wording).strip() if len(wording) > 3 else ""
    return None
