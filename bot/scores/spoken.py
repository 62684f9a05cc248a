"""What voice typing and formal Thai write in words: numbers, years, ordinals, percent, and the tools' names."""

from __future__ import annotations

import re
from functools import lru_cache

from pythainlp.corpus import thai_words
from pythainlp.util import thaiword_to_num

# Spoken numbers, as voice typing writes them: "ได้เจ็ดสิบแปดจุดห้า", "ภาพรวมแปดสิบแปด". Read only after a
# score or label word and before a word break, so "ที่สามารถ", "ร้อยละ" and "เก้าอี้" stay words.
_DIGIT_WORDS = "ศูนย์|หนึ่ง|เอ็ด|สอง|ยี่|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า"
_NUM_WORDS = f"(?:{_DIGIT_WORDS}|สิบ|ร้อย)++"
_SPOKEN_NUMBER = (
    rf"\s*+(?P<int>{_NUM_WORDS})(?:\s*+จุด\s*+(?P<dec>(?:{_DIGIT_WORDS})++))?"
    r"(?=\s|$|คะแนน|ครับ|ค่ะ|คะ|นะ|ตัว|ได้|และ|กับ|เต็ม|ถึง|[^\u0e00-\u0e7f]|(?P<run>[\u0e01-\u0e2e\u0e40-\u0e44]))"
)
_SPOKEN = re.compile(
    r"(?:(?<=ได้)|(?<=ที่)|(?<=ตัว)|(?<=ตัวชี้วัด)|(?<=ข้อ)|(?<=ร้อยละ)|(?<=คือ)|(?<=คะแนน)|(?<=ได้รับ)|(?<=รวม)|(?<=เป็น)|(?<=เท่ากับ)"
    r"|(?<=แค่)|(?<=เพียง)|(?<=ประมาณ)"
    r"|(?<=[=:])|(?<=ITA)|(?<=IIT)|(?<=EIT)|(?<=OIT))" + _SPOKEN_NUMBER
)
# "ตัวชี้วัดหนึ่งถึงห้า": the end of a range of labels whose start was spoken (read once that is digits).
_SPOKEN_RANGE_END = re.compile(r"((?:ตัวชี้วัด|ตัว|ข้อ)(?:ที่)?\s*+\d{1,2}\s*+ถึง(?:ที่)?)" + _SPOKEN_NUMBER)
# "ตัวชี้วัดที่เก้า เจ็ดสิบสอง": the value spoken after a spoken label (read once the label is digits).
_SPOKEN_AFTER_LABEL = re.compile(r"((?:ตัวชี้วัด|ตัว|ข้อ)(?:ที่)?\s*+\d{1,2}(?![\d.])\s)" + _SPOKEN_NUMBER)
# "ตัวแรก", "ตัวสุดท้าย", "สองตัวสุดท้าย": indicators by their place in the framework's ten.
_ORDINAL_WORDS = re.compile(
    r"(?:(?P<n>สอง|สาม|2|3)\s*+ตัว(?:ชี้วัด)?(?P<a>แรก|สุดท้าย)|ตัว(?:ชี้วัด)?(?:ที่)?\s*+(?P<b>แรก|สุดท้าย))"
)
_INDICATOR_COUNT = 10
_COUNT_WORD = {"สอง": 2, "สาม": 3, "2": 2, "3": 3}


def _ordinal(m: re.Match[str]) -> str:
    count = _COUNT_WORD[m.group("n")] if m.group("n") else 1
    first = 1 if (m.group("a") or m.group("b")) == "แรก" else _INDICATOR_COUNT - count + 1
    return " ตัวชี้วัดที่ " + ", ".join(str(k) for k in range(first, first + count)) + " "


ANY_NUM_WORD = re.compile(f"{_DIGIT_WORDS}|สิบ|ร้อย")
_PERCENT_WORD = re.compile(r"(?:เปอร์|เปอ)เซ็?นต?์?|(?<=[\d ])percent\b", re.I)
_DIGIT_OF = {"ศูนย์": "0", "หนึ่ง": "1", "เอ็ด": "1", "สอง": "2", "ยี่": "2", "สาม": "3", "สี่": "4", "ห้า": "5"}
_DIGIT_OF |= {"หก": "6", "เจ็ด": "7", "แปด": "8", "เก้า": "9"}


@lru_cache(maxsize=512)
def _word_number(words: str) -> int | None:
    try:
        return int(thaiword_to_num(words))
    except ValueError:
        return None


# "ปีหกแปด", "ปีงบหกสิบแปด", "ปีสองห้าหกแปด": a year said digit by digit or as a number.
_SPOKEN_YEAR = re.compile(rf"(ปี(?:งบประมาณ|งบ)?\s*+(?:พ\.ศ\.\s*+)?)((?:{_DIGIT_WORDS}|สิบ|ร้อย|พัน)++)")


def _spoken_year(m: re.Match[str]) -> str:
    words = m.group(2)
    if re.search("สิบ|ร้อย|พัน", words):
        number = _word_number(words)
        digits = str(number) if number is not None else ""
    else:
        digits = "".join(_DIGIT_OF.get(w, "") for w in re.findall(_DIGIT_WORDS, words))
    return f"{m.group(1)} {digits} " if len(digits) in (2, 4) else m.group(0)


def _word_break(last: str, text: str, at: int) -> bool:
    """Voice typing runs words on: "แปดสิบสามปีนี้ได้…". A number ends before a Thai word when that word
    is in the dictionary and does not join the last number word into a longer one ("สามารถ", "เก้าอี้",
    "ห้าม", "ร้อยละ" stay words)."""
    words = dictionary()
    tail = text[at : at + 12]
    if any(last + tail[:k] in words for k in range(1, len(tail) + 1)):
        return False
    return any(tail[:k] in words for k in range(2, len(tail) + 1))


@lru_cache(maxsize=1)
def dictionary() -> frozenset[str]:
    """pythainlp's Thai word list, as a set."""
    return frozenset(thai_words())


_LAST_WORD = re.compile(f"(?:{_DIGIT_WORDS}|สิบ|ร้อย)$")


def _spoken(m: re.Match[str]) -> str:
    if m.group("run") is not None:
        spoken = m.group("dec") or m.group("int")
        last = _LAST_WORD.search(spoken)
        if last is None or not _word_break(last.group(0), m.string, m.end()):
            return m.group(0)
    whole = _word_number(m.group("int"))
    if whole is None:
        return m.group(0)
    dec = "".join(_DIGIT_OF[w] for w in re.findall(_DIGIT_WORDS, m.group("dec") or ""))
    return f" {whole}.{dec} " if dec else f" {whole} "


# Tool names as voice typing spells them in Thai letters.
_TOOL_WORDS = {"ไอทีเอ": "ITA", "ไอไอที": "IIT", "อีไอที": "EIT", "โอไอที": "OIT"}
_TOOL_SPOKEN = re.compile(
    "(?:" + "|".join(_TOOL_WORDS) + ")(?![\u0e30-\u0e3a\u0e45-\u0e4e])"
)  # not "ไอทีเอาไป"
# The tools by their Thai names: "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน" is IIT, "…ภายนอก" EIT,
# "แบบวัด/แบบตรวจการเปิดเผยข้อมูลสาธารณะ" OIT. Once one side is named, a bare "ภายใน 96.1" / "ภายนอก 92.3"
# before a value is that side's tool, and "เปิดเผยข้อมูลสาธารณะ" the third tool (else indicator 9's name).
_STAKEHOLDER = re.compile(
    r"(?:(?:เครื่องมือ)?\s*+แบบ(?:วัด|สำรวจ|ประเมิน)?\s*+(?:การ)?รับรู้\s*+(?:ของ)?\s*+)?"
    r"ผู้มีส่วนได้\s*+(?:ส่วน)?\s*+เสีย\s*+(?:ภาย)?(?P<side>ใน|นอก)(?![\u0e30-\u0e4e])"
)
_OPEN_DATA = re.compile(r"(?:เครื่องมือ)?\s*+แบบ(?:วัด|ตรวจ|ประเมิน)\s*+(?:การ)?เปิดเผยข้อมูล(?:สาธารณะ)?")
_SIDE_ALONE = re.compile(
    r"(?<![\u0e00-\u0e7f])ภาย(?P<side>ใน|นอก)(?=\s*+(?:ได้)?\s*+[:=]?\s*+\d)|(?:การ)?เปิดเผยข้อมูลสาธารณะ"
)


def _tool_names(text: str) -> str:
    if "ส่วนเสีย" not in text and "แบบ" not in text and "ภาย" not in text:
        return text
    sides = {"ใน": " IIT ", "นอก": " EIT "}
    # (each pass only where its words are: a long report holds "แบบ" and "ภาย" in passing)
    named = _STAKEHOLDER.subn(lambda m: sides[m.group("side")], text) if "ผู้มีส่วนได้" in text else (text, 0)
    text = _OPEN_DATA.sub(" OIT ", named[0]) if "เปิดเผยข้อมูล" in named[0] else named[0]
    if not named[1] and not ("ภายใน" in text and "ภายนอก" in text):
        return text
    both = {m.group("side") for m in _SIDE_ALONE.finditer(text)} >= {"ใน", "นอก"}  # "ภายใน 96.1 ภายนอก 92.3"
    if named[1] or both:
        text = _SIDE_ALONE.sub(lambda m: sides[m.group("side")] if m.group("side") else " OIT ", text)
    return text


def spoken_tools(text: str) -> str:
    """The tools' names spelt in Thai letters ("ไอไอที") or said in full in Thai, as IIT, EIT, OIT, ITA."""
    if "ไอที" in text:  # in each of the spelt names
        text = _TOOL_SPOKEN.sub(lambda m: f" {_TOOL_WORDS[m.group(0)]} ", text)
    return _tool_names(text)


# Item codes said aloud: "โอสิบเก้า", "ข้อไอห้า", "อีสาม" are O19, I5, E3 (the letter as Thai says it, then
# its number in words, ending at a word break: not "อีสาน", "วิดีโอ", "ไอเดีย").
_CODE_LETTER = {"โอ": "O", "ไอ": "I", "อี": "E"}
_SPOKEN_CODE = re.compile(
    rf"(?:(?<=ข้อ)|(?<=กับ)|(?<=และ)|(?<![\u0e01-\u0e4e]))(โอ|ไอ|อี)\s?(?P<int>{_NUM_WORDS})"
    r"(?=\s|$|[^\u0e00-\u0e7f]|คะแนน|ได้|กับ|และ|ค่ะ|ครับ|คะ|นะ|ถึง)"
)


def _spoken_code(m: re.Match[str]) -> str:
    number = _word_number(m.group("int"))
    return f" {_CODE_LETTER[m.group(1)]}{number} " if number is not None and 0 < number < 100 else m.group(0)


# A number said in several words that stands alone between spaces: "ได้ เก้าสิบ คะแนน", "I25 เก้าสิบจุดหนึ่ง",
# "เจ็ดสิบ คือตัวชี้วัด 9", "ส่วนเก้าสิบห้า คือ…" (tens, hundreds, a decimal or zero: a lone "สาม" or "ห้า"
# stays a word, and so does "ส่วนหนึ่ง").
_SPOKEN_ALONE = re.compile(
    rf"(?:(?<![^\s(])|(?<=ส่วน))(?P<int>{_NUM_WORDS})(?:\s*+จุด\s*+(?P<dec>(?:{_DIGIT_WORDS})++))?"
    r"(?=\s|$|[^\u0e00-\u0e7f]|คะแนน|ค่ะ|ครับ|คะ|นะ|เอง|คือ)"
)


def _spoken_alone(m: re.Match[str]) -> str:
    # (a lone "ศูนย์" is zero: "O13 ศูนย์", "ศูนย์ คือO10"; glued to a word it is a centre, "ศูนย์ข้อมูล")
    if not (m.group("dec") or "สิบ" in m.group("int") or "ร้อย" in m.group("int") or m.group("int") == "ศูนย์"):
        return m.group(0)
    whole = _word_number(m.group("int"))
    if whole is None or whole > 100:
        return m.group(0)
    dec = "".join(_DIGIT_OF[w] for w in re.findall(_DIGIT_WORDS, m.group("dec") or ""))
    return f"{whole}.{dec} " if dec else f"{whole} "


def spoken_numbers(text: str) -> str:
    """Numbers, years, percent signs and ordinal indicators said in words, as digits and labels."""
    if "โอ" in text or "ไอ" in text or "อี" in text:
        text = _SPOKEN_CODE.sub(_spoken_code, text)
    # Voice typing spells the percent sign: "แปดสิบเจ็ดจุดสามเปอร์เซ็นต์", "87.3 เปอร์เซ็น".
    if "เซ" in text or "percent" in text.lower():
        text = _PERCENT_WORD.sub("%", text)
    if ANY_NUM_WORD.search(text):
        text = _SPOKEN_YEAR.sub(_spoken_year, text)
        text = _SPOKEN.sub(_spoken, text)
        text = _SPOKEN_RANGE_END.sub(lambda m: m.group(1) + _spoken(m), text)
        text = _SPOKEN_AFTER_LABEL.sub(lambda m: m.group(1) + _spoken(m), text)
        text = _SPOKEN_ALONE.sub(_spoken_alone, text)
    if "แรก" in text or "สุดท้าย" in text:
        text = _ORDINAL_WORDS.sub(_ordinal, text)
    return text
