"""Lines rewritten into the order the reader reads: a label before its value, a year label before the value
it labels, numbered values one pair a line, and a question or request after a row on a line of its own.

bot.scores.normalise calls these per line (each line at most 400 characters; every pattern linear).
"""

from __future__ import annotations

import re

from bot.scores.unscored import GOT_BY_HEAD, ORDINAL_BEFORE


class Reorder:
    """The line rewrites for one text: whether it has values before labels, or years paired with values."""

    def __init__(self, text: str) -> None:
        self.value_first = _LABEL_AFTER_VALUE.search(text) is not None or _CONNECTED.search(text) is not None
        self.paired = "(" in text and len({m.group(3) for m in _YEAR_AFTER.finditer(text[:20_000])}) >= 2

    def line(self, line: str) -> str:
        """The line in the reader's order; it may become several lines (a run, a remark)."""
        if len(line) <= 400:
            line = _year_after(_RELATIVE_YEAR_NAMED.sub(r"ปี \1", line), self.paired) if "(" in line else line
            line = _IN_YEAR.sub(r"ปี \2 ได้ \1", line) if " in " in line else line
            line = _years_across(line) if line.count("/") >= 2 else line
            line = _value_first(line) if self.value_first else line
        return _remark_apart(_one_pair_a_line(line))


# A value written before its label: "72.5 คือตัวชี้วัดที่ 9", "80 (ตัวที่ 10)", "88.5ค่ะ ภาพรวมปีนี้".
# (a range of them too: "ได้เต็ม 100 ในตัวชี้วัดที่ 1 ถึง 4", "0 ใน O20-O22")
_LABEL = (
    r"(?:ตัวชี้วัด|ตัว|ข้อ|indicator\s)(?:ที่)?\s*+\d{1,2}(?:\s*+(?:-|–|ถึง)\s*+\d{1,2})?(?![\d.])|IIT|EIT|OIT|ภาพรวม|คะแนนรวม"
    r"|(?:ข้อ\s*+)?[IEO]\d{1,2}(?:\s*+(?:-|–|ถึง)\s*+[IEO]\d{1,2})?(?![\d.])"
)
_SP = r"[^\S\n]*+"  # spaces within a line: the whole text is searched once before the lines are
# After "คือ" or "คะแนนใน/ของ/สำหรับ", a key may be a name or any phrase that names one, read later as
# names are: "72.5 คือการเปิดเผยข้อมูล", "ได้ 66.67 คะแนนในด้านการเปิดเผยข้อมูล (ตัวชี้วัดที่ 9)",
# "ได้ 92.14 คะแนนในผลรวม" (not a year, a round or a time: "ได้ 88 คะแนนในปีนี้").
_NAMED = (
    rf"(?:คะแนน{_SP})?(?:ภาพรวม|รวม|ITA)(?![A-Za-z])|overall|(?!ปี|ครั้ง|รอบ|เดือน|วัน|ช่วง|ระดับ|เกณฑ์)"
    rf"[\u0e01-\u0e2e\u0e40-\u0e44][\u0e01-\u0e4e]{{2,40}}(?:{_SP}\({_SP}ตัวชี้วัดที่{_SP}\d{{1,2}}{_SP}\))?"
)
_VALUE_FIRST = re.compile(
    rf"(?<![\d.A-Za-z])(\d{{1,3}}(?:\.\d{{1,2}})?)(?![\d.])(?:{_SP}คะแนน)?{_SP}(?:นะ)?(?:ค่ะ|ครับ|คะ|จ้า)?{_SP}(?:(คือ|เป็นของ|ใน|สำหรับ|ของ|\(){_SP})?({_LABEL}|{_NAMED})({_SP}\))?",
    re.I,
)
_LABEL_ONLY = re.compile(_LABEL, re.I)
# (whether a text may hold any: a label right after a value, or "คือ" / "คะแนนใน" after one)
_LABEL_AFTER_VALUE = re.compile(
    rf"(?<![\d.A-Za-z])\d{{1,3}}(?:\.\d{{1,2}})?(?![\d.])(?:{_SP}คะแนน)?{_SP}(?:นะ)?(?:ค่ะ|ครับ|คะ|จ้า)?{_SP}"
    rf"(?:(?:คือ|เป็นของ|ใน|สำหรับ|ของ|\(){_SP})?(?:{_LABEL})",
    re.I,
)
_CONNECTED = re.compile(rf"\d{_SP}(?:คะแนน{_SP}(?:ใน|ของ|สำหรับ)|คือ)")
# ... unless a label, a bound or a target claims the value already ("ตัวชี้วัดที่ 8 ได้ 90 คือ …", "ต่ำกว่า 85 คือ …").
_CLAIMED = re.compile(
    rf"(?:{_LABEL}|ITA|รวม|กว่า|ถึง|เกิน|เป้า\S*|เกณฑ์|[-–]|ปี(?:งบ)?\s*+\d{{2,4}})\s*+(?:ได้(?:รับ)?(?:คะแนน)?|=|:|คือ|อยู่ที่)?\s*+$"
    # (nor is a label's own number a value: "ตัวชี้วัดที่ 9 ข้อ 1-3")
    r"|(?:ตัวชี้วัด|ตัว|ข้อ|ด้าน)\s*+(?:ที่)?\s*+$",
    re.I,
)
# (a full stop, or a Thai remark or question with no number or name of its own, may follow: "… ภาพรวม
# ควรทำอะไรก่อนคะ"; not "3.1 IIT (Internal … : IIT)", a section heading)
_LABEL_ENDS = re.compile(
    r"(?:\s*+(?:ค่ะ|ครับ(?:ผม)?|คะ|นะ|จ้า|ปีนี้|ของเรา|ของหน่วยงาน|ปี\s*+\d{2,4}))*+(?:[.!?…~]++|[^\S\n]++[\u0e00-\u0e7f][^\d\nA-Za-z()]*+)?\s*+$"
)


# "88.5 (68) / 85.1 (67)", "87.61 (ปี 2568)": a year in brackets after a value no label claims labels it.
# "got 79.8 in 2568, down from 83.6 in 2567": a year after a value, as English says it, labels it.
_IN_YEAR = re.compile(
    r"(?<![\d.])(\d{1,3}(?:\.\d{1,2})?)(?![\d.])\s++in\s++(?:(?:the\s++)?(?:ITA|FY|fiscal\s++year|year)\s*+)?"
    r"(25[5-7]\d|20[1-4]\d)(?![\d.])",
    re.I,
)
_YEAR_AFTER = re.compile(  # (not an item code's number: "0 คือO9 (ปี 2568)")
    r"(?<![\d.A-Za-z])(\d{1,3}\.\d{1,2}|\d{1,3})(?![\d.])\s*+(?:คะแนน\s*+)?\(\s*+(ปี(?:งบ)?\s*+)?(25[5-7]\d|20[1-4]\d|[5-7]\d)\s*+\)"
)


# Two years and their two values, each pair across a slash, in the same order: "ภาพรวม 2567/2568 = 82.10/87.65",
# "IIT 67/68: 91.2/94.6", "82.10/87.65 (ปี 67/68)". The years must be ones in a row, or close and rising.
_Y = r"(?:25[5-7]\d|20[1-4]\d|[5-7]\d)"
_V = r"\d{1,3}(?:\.\d{1,2})?"
_S = r"[^\S\n]*+"
_YEARS_PAIR = (
    rf"(?P<lead>(?:ปี(?:งบ(?:ประมาณ)?)?|พ\.ศ\.|FY){_S})?\(?{_S}(?P<y1>{_Y}){_S}/{_S}(?P<y2>{_Y}){_S}\)?"
)
_VALUES_PAIR = rf"(?P<v1>{_V})(?:{_S}คะแนน)?{_S}/{_S}(?P<v2>{_V})(?![\d.])"
_YEARS_ACROSS = re.compile(
    rf"(?<![\d./]){_YEARS_PAIR}{_S}(?:=|:|ได้(?:รับ)?|คะแนน|คือ|อยู่ที่)?{_S}(?:คะแนน{_S})?{_VALUES_PAIR}"
    rf"|(?<![\d./])(?P<w1>{_V}){_S}/{_S}(?P<w2>{_V}){_S}\({_S}(?P<lead2>(?:ปี(?:งบ(?:ประมาณ)?)?|พ\.ศ\.){_S})?"
    rf"(?P<z1>{_Y}){_S}/{_S}(?P<z2>{_Y}){_S}\)"
)


def _full_year(raw: str) -> int:
    y = int(raw)
    return 2500 + y if y < 100 else y + 543 if y < 2100 else y


def _years_across(line: str) -> str:
    def one(m: re.Match[str]) -> str:
        y1, y2 = (m.group("y1"), m.group("y2")) if m.group("y1") else (m.group("z1"), m.group("z2"))
        v1, v2 = (m.group("v1"), m.group("v2")) if m.group("y1") else (m.group("w1"), m.group("w2"))
        a, b = _full_year(y1), _full_year(y2)
        # two-digit "years" with no word for year are only years when they are years in a row
        said = m.group("lead") or m.group("lead2") or len(y1) == 4
        if not (0 < b - a <= 3 and (said or b - a == 1)):
            return m.group(0)
        return f" ปี {y1} = {v1} ปี {y2} = {v2} "

    return _YEARS_ACROSS.sub(one, line)


_NAME_RIGHT_BEFORE = re.compile(r"[\u0e01-\u0e4e]{3}[^\S\n]*+$")
_NAME_CLAIMS = re.compile(r"[\u0e01-\u0e4e]{4}\s*+(?:[:=]|ได้(?:แค่|เพียง)?|อยู่ที่)\s*+$")
# "ปีนี้ (2568)", "ปีที่แล้ว (67)", "ปีก่อน (2563)": the year in brackets names the one the label means.
_RELATIVE_YEAR_NAMED = re.compile(
    r"ปี(?:นี้|ที่แล้ว|ก่อน(?:หน้า)?|ล่าสุด|ที่ผ่านมา|งบประมาณ|งบ)?\s*+\(\s*+(?:ปี\s*+)?(?:พ\.ศ\.\s*+)?(25[5-7]\d|20[1-4]\d|[5-7]\d)\s*+\)"
)


def _year_after(line: str, paired: bool = False) -> str:
    """Put a year written in brackets after an unclaimed value before it, as a year label.

    Two pairs or more with different years in the message (paired), on one line or on several, are all
    labelled ("88.5 (68) / 85.1 (67)"); else one pair only when no label claims its value and its year
    cannot be a value: "72.5 (65)" alone may give last year's value.
    """
    found = list(_YEAR_AFTER.finditer(line))
    if not paired and (len(found) < 2 or len({m.group(3) for m in found}) < 2):
        # one pair: only an unclaimed value with a year that cannot be a value ("(2568)", "(ปี 68)")
        found = [
            m
            for m in found
            if (m.group(2) or len(m.group(3)) == 4)
            and not _CLAIMED.search(line[max(0, m.start() - 30) : m.start()])
            # (nor a value a name claims: "การป้องกันการทุจริต: 85.5 (ปี 2568)", "… ได้ 80 (ปี 2568)")
            and not _NAME_CLAIMS.search(line[max(0, m.start() - 30) : m.start()])
            # (nor a value right after a name: "ส่วนการใช้อำนาจ 96 (ปี 2568)"; the bracket then dates the line)
            and not _NAME_RIGHT_BEFORE.search(line, max(0, m.start() - 8), m.start())
        ]
    if not found:
        return line
    out, at = [], 0
    for m in found:
        out += [line[at : m.start()], f"ปี {m.group(3)} ได้ {m.group(1)}"]  # still said as a value
        at = m.end()
    return "".join(out) + line[at:]


# a key, its name and a word giving its value, right before a value: that key's value, not the next key's
_KEY_NAME_CLAIMS = re.compile(
    rf"(?:{_LABEL})[^\S\n]++[\u0e01-\u0e4e][^\d\n]{{0,40}}?(?:[:=]|ได้(?:รับ)?(?:แค่|เพียง)?|อยู่ที่)[^\S\n]*+$", re.I
)
_GOT_BY = re.compile(GOT_BY_HEAD + r"[^\S\n]*+ได้(?:รับ)?[^\S\n]*+(?:คะแนน[^\S\n]*+)?$", re.M)


def _value_first(line: str) -> str:
    """Put a value written before its label after it, so the label reads it as usual.

    With "คือ", "เป็นของ" or a bracket between, the label may go on ("72.5 คือตัวชี้วัดที่ 9 ส่วน 80 คือ…")
    when no value of its own follows it; with nothing between, the label must end the line.
    """
    if not re.search(r"\d", line):
        return line
    out: list[str] = []
    at = 0
    for m in _VALUE_FIRST.finditer(line):
        if m.start() < at:
            continue
        if not _LABEL_ONLY.fullmatch(m.group(3)) and not (
            m.group(2) == "คือ" or (m.group(2) in ("ใน", "ของ", "สำหรับ") and "คะแนน" in m.group(0))
        ):
            continue  # a name or phrase is a key only after "คือ" or "คะแนนใน"
        window = max(0, m.start() - 30)
        claim = _CLAIMED.search(line[window : m.start()])
        # (a year before "ได้ 72.5 คะแนนในตัวชี้วัด 9" dates the value; the key after it claims it; and a
        # key the value before it took claims nothing: "97.5 คะแนนในตัวที่ 1 ได้ 96 คะแนนในตัวที่ 2")
        if claim and out and window + claim.start() < at:
            claim = None
        if claim and not (m.group(2) and m.group(2) != "(" and claim.group(0).startswith("ปี")):
            continue
        if ORDINAL_BEFORE.search(line, max(0, m.start() - 16), m.start()):
            continue  # "แถวที่ 3 ตัวชี้วัดที่ 9 …": row 3, not a value of indicator 9
        if m.group(2) is None and _KEY_NAME_CLAIMS.search(line, max(0, m.start() - 70), m.start()):
            continue  # "ตัวชี้วัดที่ 2 การใช้งบประมาณ อยู่ที่ 97.1 ตัวชี้วัดที่ 3\n…": the key before has it
        if _GOT_BY.search(line, max(0, m.start() - 20), m.start()):
            continue  # "ข้อที่ได้ 0 คือ O11 กับ O12": the value the keys after it share, read as such
        rest = line[m.end() :]
        if m.group(2) is None and not _LABEL_ENDS.match(rest):
            continue
        own = re.match(r"\s*+(?:ได้|=|:|มี|คือ)?\s*+(?=\d)", rest)
        if m.group(2) is not None and own and not _next_value_first(line, m.end() + own.end()):
            continue
        if m.group(2) == "(" and (not m.group(4) or re.search(r"-|–|ถึง", m.group(3))):
            continue  # "… 79.17 คะแนน (O1-O24)": the items a named score covers, not their value
        out += [line[at : m.start()], f"{m.group(3)} = {m.group(1)}"]
        at = m.end()
    return "".join(out) + line[at:] if out else line


def _next_value_first(line: str, at: int) -> bool:
    """Whether the value at `at` is itself written before its key ("97.5 คะแนนในตัวที่ 1 ได้ 96 คะแนนใน
    ตัวที่ 2": 96 is the second key's, so the first key has no value of its own after it)."""
    m = _VALUE_FIRST.match(line, at)
    return m is not None and m.group(2) not in (None, "(")


# A question, request or thanks typed after the last value of a table row or of a line of bare values
# ("…\t86.90 ควรทำอะไรก่อนคะ", "72.5 / 80 รบกวนช่วยดูด้วย") is a sentence of its own, not part of the row.
_ROW_THEN_REMARK = re.compile(r"(?P<body>[^\n]*\d%?)[^\S\n]++(?P<remark>[\u0e01-\u0e4e][^\d\nA-Za-z]*+)")
_BARE_VALUES = re.compile(r"[\s\d.,/;|%()\-–]*+")
_SPEECH_ACT = re.compile(
    r"ไหม|มั้ย|มั๊ย|อะไร|อย่างไร|ยังไง|เท่าไ[รห]|กี่|ควร|ช่วย|รบกวน|ขอบคุณ|หรือเปล่า|หรือไม่|ทำไม|[?？]"
)


def _remark_apart(line: str) -> str:
    if len(line) > 400 or not line or not ("\u0e01" <= line[-1] <= "\u0e4e" or line[-1] in "?？"):
        return line
    m = _ROW_THEN_REMARK.fullmatch(line)
    if m is None or not _SPEECH_ACT.search(m.group("remark")):
        return line
    body = m.group("body")
    if "\t" in body or _BARE_VALUES.fullmatch(body):
        return body + "\n" + m.group("remark")
    return line


# "1 97.50 / 2 96.25 / 3 98.75": numbered values run on in one line, as a phone wraps a list.
# The number's mark may be glued to the value: "1)96.2", "(2)94.8", "3.)95.1", "4:93", "5=91.4", "6-89.9".
_PAIR = re.compile(r"(\()?(\d{1,2})(\.?\)|[:=\-–]|\.(?=\s)|)\s*+(\d{1,3}(?:\.\d++)?)(?![\d.])(?:\s*+คะแนน)?")
_PAIR_GAP = re.compile(r"\s*+[/,;|]\s*+|\s++")
_MARK = r"(?:\.?\)|[.:=\-–])"
_RUN_START = re.compile(
    rf"(?<![\d.])\(?1{_MARK}\s*+\d{{1,3}}(?:\.\d++)?(?![\d.])(?=(?:\s*+คะแนน)?[\s/,;]*+\(?2{_MARK}\s*+\d)"
)
# "OIT: 9) 72.5 10) 80", "(9) 72.5 (10) 80.0": numbers closed by a bracket may start anywhere.
_BRACKET_RUN = re.compile(
    r"(?<![\d.(])\(?\d{1,2}\)\s*+\d{1,3}(?:\.\d++)?(?![\d.])(?=(?:\s*+คะแนน)?[\s/,;]*+\(?\d{1,2}\))"
)
# "ตัวชี้วัด 1 97 | 2 95 | 3 96": unmarked numbers with their values, separated by "|", "/", "," or ";".
_SEPARATED_RUN = re.compile(
    r"(?<![\d.])1\s++\d{1,3}(?:\.\d++)?(?![\d.])(?=(?:\s*+คะแนน)?\s*+[/,;|]\s*+2\s++\d)"
)
_DIGIT_START = re.compile(r"\s*+\(?\d")
_PAIR_END = re.compile(r"\s*+(?:ค่ะ|ครับ|คะ|นะคะ|นะครับ)?\s*+$")


def _one_pair_a_line(line: str) -> str:
    """Put numbered values that run on in one line one to a line, when the numbers count up by one.

    A pair's number is 1-10 and its value at most 100; values without a decimal point need a
    separator ("/", ",", ";") between the pairs, or list marks on the numbers ("9)", "(9)", "9.") and a
    decimal among the values, so "1 2 3 4" and "โครงการ 1) 5 2) 6" stay as they are. Words after the last
    pair go on a line of their own.
    """
    if len(line) > 400:
        return line
    if _DIGIT_START.match(line):
        return _pairs(line, 2) or line
    # "ส่งคะแนนค่ะ 1) 96.5 2) 94.2 3) 97.8": a lead-in, then a run that counts up from 1.
    for rx, least in ((_RUN_START, 3), (_BRACKET_RUN, 2), (_SEPARATED_RUN, 3)):
        first = rx.search(line)
        run = _pairs(line[first.start() :], least) if first else None
        if first and run:
            return line[: first.start()].rstrip() + "\n" + run
    return line


def _pairs(line: str, least: int) -> str | None:
    """The numbered pairs of a line that is nothing else, one to a line; None if it is not such a run."""
    pairs: list[tuple[str, str]] = []
    at, decimals, marked, tail = len(line) - len(line.lstrip()), True, False, ""
    listed, some_decimal = False, False
    while True:
        m = _PAIR.match(line, at)
        if pairs and not m and not _DIGIT_START.match(line, at):
            # "(9) 72.5 (10) 80.0 ตัวชี้วัดค่ะ", "… 10) 81.25 รวม 88.93": what follows the run
            tail = line[at:].strip()
            break
        if not m or float(m.group(4)) > 100 or not 1 <= int(m.group(2)) <= 10:
            return None
        if not m.group(3) and m.start(4) == m.end(2):
            return None  # "196.2" is one number, not 1 and 96.2
        if pairs and int(m.group(2)) != int(pairs[-1][0]) + 1:
            return None
        if bool(m.group(1)) and not m.group(3).endswith(")"):
            return None  # "(9 72.5": an opened bracket must close on the number
        pairs.append((m.group(2), m.group(4)))
        decimals = decimals and "." in m.group(4)
        some_decimal = some_decimal or "." in m.group(4)
        listed = listed or bool(m.group(3))
        end = _PAIR_END.match(line, m.end())
        if end:
            break
        gap = _PAIR_GAP.match(line, m.end())
        if not gap:
            if re.search(r"\d", line[m.end() :]):
                return None
            tail = line[m.end() :].strip()
            break
        marked = marked or not gap.group(0).isspace()
        at = gap.end()
    if len(pairs) < least or not (decimals or marked or (listed and some_decimal)):
        return None
    run = "\n".join(f"{n} {v}" for n, v in pairs)  # a closing particle is dropped
    return run + "\n" + tail if tail else run
