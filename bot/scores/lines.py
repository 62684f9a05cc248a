"""The lines of a message as the score reader reads them: normalised, bounded, cells and broken names joined."""

from __future__ import annotations

import re
from itertools import islice

from bot import wording
from bot.ita.framework import Framework
from bot.scores.names import name_hits
from bot.scores.normalise import normalise
from bot.scores.spoken import ANY_NUM_WORD
from bot.scores.text import squeeze

# (a PDF copy may put a mark after the next letter: "ตวัชี้วดัที่ 8")
EXPLICIT = re.compile(
    r"(?:ต(?:ัว|วั)[ชข](?:ี้|ี|้ี)?ว(?:ั?ด|ดั)|ตัวชี้ฯ|ตัวบ่งชี้|ตชว\.?|(?:(?<![\u0e00-\u0e7f])|(?<=คะแนน))ตว\.?(?=\s*+\d)|(?:ตัว|ด้าน)(?=\s*+(?:ที่)?\s*+\d)|indicator|ind\.?)\s*(?:ลำดับ)?(?:ที่?|no\.?|#)?\s*"
    r"(\d{1,3}(?:\.\d+)?)(?!\d)",
    re.IGNORECASE,
)
# "O12", and "o12", "e3" as phones type them.
ITEM = re.compile(r"(?<![A-Za-z])([IEO]|i|[eo](?=\d))\s?(\d{1,2})(?![\d]|\.\d)")

# A line that starts with a key of its own ("ข้อ 10 การป้องกัน…") is not the rest of the line before.
_KEY_FIRST = re.compile(r"\s*+(?:ข้อ|ตัวที่|ด้านที่)\s*+(?:ที่)?\s*+\d")
# A score message is at most a few hundred lines; longer lines are cut so each pass stays linear.
# (The longest real paste we hold, a whole NACC report, has 277 lines with text and 563 numbers.)
MAX_LINES = 500
MAX_LINE = 1000
MAX_NUMBERS = 1000
_TEXT_LINE = re.compile(r"^[^\S\n]*+\S", re.M)  # a line with text
_NUMBER = re.compile(r"[0-9\u0e50-\u0e59]++")  # Arabic or Thai digits
_LONG_DIGITS = re.compile(r"([0-9\u0e50-\u0e59]{24})[0-9\u0e50-\u0e59]++")
_WIDE_SPACES = re.compile(r"([ \u3000\xa0]{64})[ \u3000\xa0]++")
_BLANK_LINES = re.compile(r"\n(?:[^\S\n]*+\n){8,}+")


def bounded(text: str) -> tuple[str, str | None]:
    """The start of a message that the score reader reads, and why it was cut (None if whole).

    At most MAX_LINES lines with text and MAX_NUMBERS numbers: a whole report pasted by mistake costs
    no more than a long score paste. Cheap: one scan, stopped as soon as the budget is spent.
    """
    # Runs no one types for a meaning of their own are shortened first, so they cost no more than a short
    # run: a digit run longer than any number written (a score, a year, a phone or ID number), a run of
    # spaces wider than any column gap, a run of blank lines longer than any gap between blocks.
    text = _LONG_DIGITS.sub(r"\1", text)
    text = _WIDE_SPACES.sub(r"\1", text)
    text = _BLANK_LINES.sub("\n" * 9, text)
    extra_line = next(islice(_TEXT_LINE.finditer(text), MAX_LINES, None), None)
    why = None
    if extra_line is not None:
        text, why = text[: extra_line.start()], wording.SCORES_TOO_MANY_LINES.format(limit=MAX_LINES)
    extra_number = next(islice(_NUMBER.finditer(text), MAX_NUMBERS, None), None)
    # number words are numbers once normalised ("แปดสิบเก้าจุดห้า", "เต็มร้อย"): as many words at most
    # (a whole NACC report holds a few dozen of them), so a page of them is not normalised in full
    extra_word = next(islice(ANY_NUM_WORD.finditer(text), MAX_NUMBERS, None), None)
    if extra_word is not None and (extra_number is None or extra_word.start() < extra_number.start()):
        extra_number = extra_word
    if extra_number is not None:
        line_start = text.rfind("\n", 0, extra_number.start())
        text = text[: line_start if line_start > 0 else extra_number.start()]
        why = wording.SCORES_TOO_MANY_NUMBERS.format(limit=MAX_NUMBERS)
    return text, why


def _reflow(lines: list[str], fw: Framework) -> list[str]:
    """Join cells pasted one per line and Word lines broken inside a name."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        bare_num = re.fullmatch(r"\s*+\(?\d{1,2}[.)]?\s*+", line)
        if bare_num and nxt.strip() and name_hits(squeeze(nxt.strip()), fw) and not re.match(r"\s*\d", nxt):
            out.append(line.strip() + "\t" + nxt.strip())
            i += 2
            continue
        # "ตัวชี้วัดที่" / "9 ได้ 80": a label broken from its number ("IIT รายข้อ" is a heading: per item)
        if re.search(r"(?<!ราย)(?:ตัวชี้วัด(?:ที่)?|ข้อ)\s*$", line) and nxt.strip():
            out.append(line.rstrip() + " " + nxt.strip())
            i += 2
            continue
        wrapped = (
            "\t" not in line
            and line.strip()
            and not re.search(r"(?<!\d)\d++\.\d|\d\s*+$|(?:ค่ะ|คะ|ครับ|จ้า|[?!])\s*+$", line)
            and re.match(r"\s*[\u0e00-\u0e7f]", nxt)
            and len(nxt.strip()) < 60
            and "\t" not in nxt
            and re.search(r"\d", nxt)
            and (EXPLICIT.search(line) or name_hits(squeeze(line), fw))
            and not (EXPLICIT.search(nxt) or ITEM.search(nxt) or _KEY_FIRST.match(nxt))
        )
        if wrapped or _broken_name(line, nxt, fw):
            out.append(line.rstrip() + nxt.strip())
            i += 2
            continue
        out.append(line)
        i += 1
    return out


def _broken_name(line: str, nxt: str, fw: Framework) -> bool:
    """A PDF copy breaks a name inside a word: "การเปดเผยขอม" / "ูล 82.00", "การปองกันการทุจ" / "ริต 90.50"."""
    if not (line.strip() and re.match(r"[\u0e00-\u0e7f]", nxt) and len(nxt) < 40 and re.search(r"\d", nxt)):
        return False
    if re.search(r"\d", line) or len(line) > 200:
        return False
    if re.match(r"[\u0e30-\u0e3a\u0e45-\u0e4e]", nxt):
        return True  # a vowel or tone mark cannot start a word
    head = squeeze(line.rstrip())
    word = re.match(r"[\u0e00-\u0e7f]*+", nxt)
    return any(h.start < len(head) < h.end for h in name_hits(head + (word.group(0) if word else ""), fw))


def message_lines(text: str, fw: Framework, warn: list[str]) -> list[str]:
    """Normalised, reflowed lines; long lines cut at a space, and no more than MAX_LINES of them."""
    raw: list[str] = []
    text = normalise(text)
    # A phone paste can break a number after its point: "97.\n45" is 97.45.
    for line in re.sub(r"(?<=\d\d\.)\n(?=\d{1,2}(?![\d.])[ \t]*+(?:\n|$|[\u0e01-\u0e4e]))", "", text).split(
        "\n"
    ):
        while len(line) > MAX_LINE:
            cut = line.rfind(" ", MAX_LINE // 2, MAX_LINE)
            cut = MAX_LINE if cut < 0 else cut
            raw.append(line[:cut])
            line = line[cut:]
        raw.append(line)
    if sum(1 for ln in raw if ln.strip()) > MAX_LINES:
        warn.append(wording.SCORES_TOO_MANY_LINES.format(limit=MAX_LINES))
        kept, seen = [], 0
        for ln in raw:
            seen += bool(ln.strip())
            if seen > MAX_LINES:
                break
            kept.append(ln)
        raw = kept
    lines = [
        squeeze(_YEARS_THEN_VALUES.sub(_by_year, ln)) for ln in _reflow(_letters_back(_unbulleted(raw)), fw)
    ]
    return _numbers_capped(lines, warn)


def _numbers_capped(lines: list[str], warn: list[str]) -> list[str]:
    """The lines up to MAX_NUMBERS numbers, counted again once number words are digits ("ได้เต็มร้อย",
    "แปดสิบเก้าจุดห้า"): a page of them costs no more than a page of digits."""
    seen = 0
    for k, line in enumerate(lines):
        seen += sum(1 for _ in islice(_NUMBER.finditer(line), MAX_NUMBERS + 1))
        if seen > MAX_NUMBERS:
            if wording.SCORES_TOO_MANY_NUMBERS.format(limit=MAX_NUMBERS) not in warn:
                warn.append(wording.SCORES_TOO_MANY_NUMBERS.format(limit=MAX_NUMBERS))
            if k:
                return lines[:k]
            extra = next(islice(_NUMBER.finditer(line), MAX_NUMBERS, None))
            return [line[: extra.start()]]
    return lines


# Two years, then their two values in the same order: "ผลปี 2567 กับ 2568 คือ 86.75 และ 90.12 ตามลำดับ".
_AND = r"\s*+(?:กับ|และ|,|/)\s*+"
_YEARS_THEN_VALUES = re.compile(
    rf"ปี\s*+(?:พ\.ศ\.\s*+)?(?P<y1>(?:25)?\d\d)(?![\d.]){_AND}(?:ปี\s*+)?(?P<y2>(?:25)?\d\d)(?![\d.])"
    r"\s*+(?:คือ|ได้(?:รับ)?|=|:|เท่ากับ|อยู่ที่)?\s*+(?:คะแนน)?\s*+"
    rf"(?P<v1>\d{{1,3}}(?:\.\d++)?)\s*+(?:คะแนน)?{_AND}(?P<v2>\d{{1,3}}(?:\.\d++)?)(?![\d.])"
)


def _by_year(m: re.Match[str]) -> str:
    """ "ปี 2567 กับ 2568 คือ 86.75 และ 90.12" -> "ปี 2567 ได้ 86.75 ปี 2568 ได้ 90.12"."""
    return f"ปี {m.group('y1')} ได้ {m.group('v1')} ปี {m.group('y2')} ได้ {m.group('v2')}"


# A list bullet and its space at the start of a line: "- ", "• ", "▪ " (not "-5.20", a signed change).
_BULLET = re.compile(r"^\s*+[-•*▪●◦·]\s++(?=\S)")


def _unbulleted(lines: list[str]) -> list[str]:
    """Drop the bullets of a bulleted list (two or more lines) so that its lines read as unbulleted ones."""
    if sum(1 for ln in lines if _BULLET.match(ln)) < 2:
        return lines
    return [_BULLET.sub("", ln) for ln in lines]


# A PDF copy of the OIT item table can turn the letter O into a zero: "010 100", "012 0".
# (a title may stand between the code and its value: "013 รายงานผลการจัดซื้อจัดจ้าง… 0.00")
_ZERO_FOR_O = re.compile(
    r"^(\s*+(?:[-•*]\s++)?)0(\d{1,2})(?=[ \t=]++(?:\d|[\u0e01-\u0e4e][^\d\n]*+\d))"
)  # not "09:15", a time


# and the letter I into a one: "14 100.00" is I4, "115 80.25" is I15 (IIT has items I1..I30).
_ONE_FOR_I = re.compile(r"^(\s*+(?:[-•*]\s++)?)1([1-9]|[12]\d|30)(?=[ \t=]++\d)")
# The message is about IIT items ("IIT รายข้อ", "ข้อ I", "I7")...
_I_CONTEXT = re.compile(r"IIT|(?<![A-Za-z])I(?![A-Za-z])")
# ...and says the letter became a one ("ตัว I กลายเป็นเลข 1", "เลขข้อมันกลายเป็น 1 นำหน้า").
_I_BECAME_ONE = re.compile(
    r"(?:กลาย|เพี้ยน|เปลี่ยน|ติด)\s*+(?:มา)?\s*+เป็น\s*+(?:เลข|ตัวเลข)?\s*+(?:1|หนึ่ง)(?![\d.])|"
    r"(?<![\d.])1\s*+นำหน้า|I\s*+(?:→|->|=>|became|turned into)\s*+1(?![\d.])",
    re.I,
)


def _letters_back(lines: list[str]) -> list[str]:
    """Read "0NN value" lines as the OIT items they were, and "1NN value" lines as IIT items, when
    two or more lines say so.

    No score, indicator or count is written with a leading zero, so "010 100" on two or more
    lines is only explained by an O that became a 0 on the way. A leading one is read as an I only
    in a message about IIT items that either says the letter became a one or has a three-digit code
    ("110 85.00": no indicator or item is numbered 110): "14 100.00" alone may be item 14. Else bare
    item numbers get back the letter the message says they lost ("เลขข้อ O หายไป", "OIT รายข้อ").
    """
    if sum(1 for ln in lines if _ZERO_FOR_O.match(ln)) >= 2:
        lines = [_ZERO_FOR_O.sub(r"\1O\2", ln) for ln in lines]
    ones = [m for m in map(_ONE_FOR_I.match, lines) if m]
    text = "\n".join(ln for ln in lines if not _ONE_FOR_I.match(ln))
    said = (
        len(ones) >= 2
        and _I_CONTEXT.search(text)
        and (_I_BECAME_ONE.search(text) or any(len(m.group(2)) == 2 for m in ones))
    )
    return [_ONE_FOR_I.sub(r"\1I\2", ln) for ln in lines] if said else _letter_lost(lines)


# A message about one tool's items whose codes lost their letter: "เลขข้อ O หายไป", "ไม่มีตัว O", or a
# heading "OIT รายข้อ" over lines of a bare number and its value ("1 100", "2 50").
_LETTER_LOST = re.compile(
    r"(?:ตัว|เลข(?:ข้อ)?|ข้อ|อักษร|รหัส)\s*+(?P<l>[OIE])\s*+(?:มัน)?(?:หาย|หล่น|ตก|ไม่ขึ้น|ไม่ติด|ไม่มา)"
    r"|ไม่มี(?:ตัว|อักษร)\s*+(?P<m>[OIE])(?![A-Za-z])|(?P<t>[OIE])IT\s*+ราย\s*+ข้อ"
)
_BARE_KEY = re.compile(r"^(\s*+)(\d{1,2})(?=[ \t=:]++\d)")
_ITEMS_OF = {"I": 30, "E": 15, "O": 50}


def _letter_lost(lines: list[str]) -> list[str]:
    """Give bare item numbers back the letter the message says they lost (two or more lines)."""
    keyed = [m for m in map(_BARE_KEY.match, lines) if m]
    if len(keyed) < 2:
        return lines
    said = _LETTER_LOST.search("\n".join(ln for ln in lines if not _BARE_KEY.match(ln)))
    letter = (said.group("l") or said.group("m") or said.group("t")) if said else None
    if letter is None or not all(1 <= int(m.group(2)) <= _ITEMS_OF[letter] for m in keyed):
        return lines
    return [_BARE_KEY.sub(rf"\g<1>{letter}\2", ln) for ln in lines]
