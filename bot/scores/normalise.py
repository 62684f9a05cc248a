"""Make an officer's score text regular before it is read: digits, spoken numbers, tables, run-on lists."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from bot.scores.reorder import Reorder
from bot.scores.separated import separated_rows
from bot.scores.spoken import dictionary, spoken_numbers, spoken_tools
from bot.thai import fix_number_slips, to_arabic

__all__ = ["normalise"]

# A full stop ending a sentence: after a decimal or the last number, a per cent sign, a bracket, or a
# word of three letters or more ("ผ่าน.", "ค่ะ."; not "น." of a clock time, "ชม." of hours, "ม.ค.").
_FULL_STOP = re.compile(
    r"(\d\.\d++)\.(?=[^\S\n]*+(?:\n|$))|(?<=\d)\.(?=[^\S\n]*+$)(?!\n)"
    r"|(?:(?<=[%)])|(?<=[\u0e01-\u0e4e]{3})(?<!ชม)(?<!กม)(?<!ม\.ค)(?<!พ\.ศ))\.(?=[^\S\n]*+(?:\n|$))"
)
_STOP_BEFORE_NEXT = re.compile(r"(?:(?<=\d\.\d)|(?<=\d\.\d\d)|(?<=\d{4}))\.(?=[^\S\n]++[A-Z\u0e01-\u0e2e])")
_TOOL_CASE = re.compile(r"(?<![A-Za-z])(?:iit|eit|oit|ita)(?![A-Za-z])", re.I)
_PER_CENT = re.compile(r"(?<![\d.])((?:100|\d{1,2})(?:\.\d++)?)[^\S\n]*+%(?![^\S\n]*+ของ)")
_COPULA = re.compile(r"(?:ได้(?:รับ)?\s*+คะแนน|เท่ากับ)(?=\s*+\d)")
_PARTICLE_AFTER = re.compile(
    r"(?<=\d)[^\S\n]*+(?:นะ)?(?:ค่ะ|คะ|ครับ(?:ผม)?|จ้า|จ้ะ)(?![\u0e00-\u0e7f])(?=\s*+(?:[,/()\t\d]|และ|กับ|กะ|→|->|=>|⇒|$))"
)
# (not before a list's own number: "คะแนนดังนี้:\n1. 98.5")
_OPEN_END = re.compile(
    r"((?:ได้(?:รับ|แค่|เพียง)?|อยู่ที่|คือ|[=:]))[^\S\n]*+\n[^\S\n]*+(?=\d(?!\d?[.)](?:\D|$)))(?![^\n]*\t)"
)


def _open_end(m: re.Match[str]) -> str:
    # ("รายตัวชี้วัด:\n9 - 72.5": a colon after a heading with no key number of its own opens a list)
    if m.group(1) == ":" and not re.search(
        r"\d", m.string[m.string.rfind("\n", 0, m.start()) + 1 : m.start()]
    ):
        return m.group(0)
    return m.group(1) + " "


_OPEN_START = re.compile(
    # (not after a line that ends in a number: "ภาพรวม 88.14\nได้ 85 คะแนนใน…" starts a clause of its own)
    # (nor after a sentence closed by its particle: "ผลของ อบต.หนองบัว นะคะ\nได้ 100 ทุกข้อ …")
    r"(?<=[^\s\d])(?<!ค่ะ)(?<!คะ)(?<!ครับ)(?<!นะ)(?<!จ้า)[^\S\n\t]*+\n[^\S\n]*+(?=(?:ได้(?:แค่|เพียง)?|อยู่ที่|=)[^\S\n]*+\d|คะแนน(?:ใน|ของ|สำหรับ)[^\S\n\d]*+[\u0e01-\u0e4eA-Za-z])"
    # ("92.75\nคือการป้องกันการทุจริต": a value, then what it is)
    r"|(?<=[^\s\t])(?<!ค่ะ)(?<!คะ)(?<!ครับ)(?<!นะ)(?<!จ้า)[^\S\n\t]*+\n[^\S\n]*+(?=คือ[^\S\n\d]*+[\u0e01-\u0e4eA-Za-z])"
)
_VALUE_NEXT_LINE = r"(?=(?:ได้(?:แค่|เพียง|รับ)?|อยู่ที่|=)[^\S\n]*+\d)"
_KEY_BROKEN = re.compile(
    r"((?:ตัวชี้วัด|ตัวที่|indicator)(?:ที่)?)[^\S\n]*+\n[^\S\n]*+(?=\d{1,2}(?![\d.]))"
    r"|((?:ตัวชี้วัด|ตัว|ข้อ|indicator)[^\S\n]*+(?:ที่)?[^\S\n]*+\d{1,2}|(?<![A-Za-z])[IEO]\d{1,2})(?![\d.])"
    rf"[^\S\n]*+\n[^\S\n]*+{_VALUE_NEXT_LINE}",
    re.I,
)


_VALUE_THEN_KEY = re.compile(
    r"((?:ได้(?:แค่|เพียง|รับ)?|=)[^\S\n]*+\d{1,3}(?:\.\d++)?)[^\S\n]*+\n[^\S\n]*+"
    r"(?=คะแนน(?:ใน|ของ|สำหรับ)[^\S\n\d]*+[\u0e01-\u0e4eA-Za-z])"
)
_CODE_BROKEN = re.compile(r"(?<=(?<!ราย)ข้อ)[^\S\n]*+\n[^\S\n]*+(?=[IEO][^\S\n]?\d{1,2}(?![\d.]))")
# A line that ends in a key waiting for its value (words, or a numbered key), and the next that opens
# with that value and goes on in words: one clause a PDF or a phone broke. Not a column of values, a list
# number, a table row, a sentence closed by its particle, nor a label word waiting for its number.
_NEXT_VALUE = (
    r"[^\S\n]*+\n[^\S\n]*+(?=\(?(?:100|[1-9]\d|\d(?!\.\d))(?:\.\d++)?(?![\d.)%/:])"
    r"(?![^\S\n]*+(?:=|:|คือ|เป็นของ|->|→)))"  # (not a section number "1.2 การ…"; "72.50 = การเปิดเผยข้อมูล" / "81.25 = …": clauses of their own)
)
_SOFT_BREAK = re.compile(
    r"(?<=[\u0e01-\u0e4eA-Za-z):])(?<!ค่ะ)(?<!คะ)(?<!ครับ)(?<!นะ)(?<!จ้า)"
    + _NEXT_VALUE
    + r"|(?P<key>(?:ตัวชี้วัดที่|ตัวที่|ข้อ(?:ที่)?)[^\S\n]*+\d{1,2}|(?<![A-Za-z])[IEO]\d{1,2})(?![\d.])"
    + _NEXT_VALUE,
    re.I,
)
_MODIFIER_NEXT = re.compile(
    r"(?<=\d)[^\S\n]*+\n[^\S\n]*+(?=%?[^\S\n]*+(?:กว่า|ขึ้นไป|ชั่วโมง|ชม\.|นาที|วินาที|วัน(?!นี้|ที่)|บาท|คน(?!ละ)"
    r"|ราย(?!ข้อ|ตัว|ละ|การ|งาน)|ใช่ไหม|ใช่มั้ย|ไหม|มั้ย|หรือเปล่า|หรือไม่|ของ(?:บุคลากร|ผู้)))"
    r"|(?:(?<=ปี)|(?<=ปีงบ)|(?<=พ\.ศ\.))[^\S\n]*+\n[^\S\n]*+(?=(?:25)?\d\d(?![\d.]))"
    r"|(?<=\S)[^\S\n]*+\n[^\S\n]*+(?=(?:และ|หรือ)[^\S\n]*+\S)|(?:(?<=และ)|(?<=หรือ))[^\S\n]*+\n[^\S\n]*+(?=\S)"
)
_TARGET_HEADING = re.compile(
    r"(?m)^((?:[^\d\n]{0,30}?(?:ค่ะ|ครับ|คะ|นะ|พี่)[^\S\n]++)?[^\S\n]*+(?:ค่า)?เป้าหมาย[^\d\n]{0,16}?(?:ปี(?:งบ(?:ประมาณ)?)?[^\S\n]*+(?:พ\.ศ\.)?[^\S\n]*+\d{2,4})?"
    r"[^\S\n]*+:?[^\S\n]*+)\n(?=[^\S\n]*+\S)"
)
_LABEL_END = re.compile(
    r"(?:ตัวชี้วัด|ตัวที่|ข้อ|ที่|ลำดับ|อันดับ|ปี|พ\.ศ\.|(?<![A-Za-z])(?:[IEO]|indicator|ind\.?))[^\S\n]*+:?[^\S\n]*+$",
    re.I,
)
_LEAD_VALUE = re.compile(r"\(?\d{1,3}(?:\.\d++)?")
_PARTICLES = re.compile(r"คะแนน|(?:นะ)?(?:ค่ะ|คะ|ครับ(?:ผม)?|จ้า|จ้ะ)")
_WORD = re.compile(r"[\u0e01-\u0e4eA-Za-z]{2,}|(?<![A-Za-z])[IEO]\d")  # a word, or an item code
_DIGITS = re.compile(r"\d")


def _soft_joined(m: re.Match[str]) -> str:
    s, kept = m.string, m.group(0)
    at = s.find("\n", m.start(), m.end())
    start, end = s.rfind("\n", 0, at) + 1, s.find("\n", m.end())
    prev, nxt = s[start:at], s[m.end() : end if end >= 0 else len(s)]
    if "\t" in prev or "\t" in nxt or "|" in prev or _LEAD_VALUE.match(prev.lstrip()):
        return kept  # (a line that opens with its value, then names its key: the next is one like it)
    # words after the line's last number, a key waiting (not a bare label word, which waits for a number)
    if not m.group("key") and (_LABEL_END.search(prev[-24:]) or not _WORD.search(_DIGITS.split(prev)[-1])):
        return kept
    rest = _PARTICLES.sub(" ", nxt[_LEAD_VALUE.match(nxt).end() :])  # type: ignore[union-attr]
    # (a value alone on its line, none below, is the value of the words above it: "ผลสำรวจความพึงพอใจ…" /
    # "81.86" / "ขอบคุณค่ะ")
    stop = s.find("\n", end + 1, end + 400) if end >= 0 else -1
    after = s[end + 1 : stop if stop >= 0 else end + 400] if end >= 0 else ""
    alone = not _DIGITS.search(after) and not _DIGITS.search(rest)
    return kept[: at - m.start()].rstrip() + " " if _WORD.search(rest) or alone else kept


def _key_joined(m: re.Match[str]) -> str:
    """The key and the rest of its line joined, unless either line is a table row."""
    start, end = m.string.rfind("\n", 0, m.start()) + 1, m.string.find("\n", m.end())
    if "\t" in m.string[start : m.start()] or "\t" in m.string[m.end() : end if end >= 0 else None]:
        return m.group(0)
    return (m.group(1) or m.group(2)) + " "


# Keycap digits number a list as "1)" does: "1️⃣ 97.50"; "🔟" is ten.
_KEYCAP = re.compile("([0-9])\ufe0f?\u20e3")
# OCR slips around a decimal point: "78 .50", "86. 42" (a score of ten or more, two decimals);
# and an O read for a closing zero: "1O", "8O".
_SPLIT_POINT = re.compile(
    r"(?<![\d.A-Za-z])(?:([1-9]\d|100) \.|([1-9][1-9]|[2-9]\d|100)\. )(\d\d)(?![\d.])"
)  # "10. 85" stays: list number 10 and its value
_O_END = re.compile(r"(?<=\d)[Oo](?![A-Za-z\d])")
# "83/100", "95.2/100": a score over its full marks is the score (not "… / 88.5 / 100", a run of values);
# a full stop may end the sentence after it ("82/100."), a decimal may not follow ("82/100.5").
# (not "0 คือ O12 / 100 คือ O14": a value the next key takes, written before it)
_OVER_100 = re.compile(
    r"(?<![\d./])(?<!/ )(\d{1,3}(?:\.\d++)?)\s*+/\s*+100(?!\d|\.\d|\s*+/|\s*+(?:คะแนน)?\s*+(?:คือ|ใน|สำหรับ))"
)


def _symbol_class() -> re.Pattern[str]:
    """One character class of every Unicode "other symbol" (So) of the basic plane, and U+FE0F.

    (Basic plane only: a class with ranges past U+FFFF is tested range by range, per character.)
    """
    ranges: list[list[int]] = []
    for cp in range(0xA0, 0x10000):
        if unicodedata.category(chr(cp)) == "So":
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1][1] = cp
            else:
                ranges.append([cp, cp])
    body = "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges)
    return re.compile(f"[{body}\ufe0f]")


_SYMBOL = _symbol_class()
_ASTRAL = re.compile("[\U00010000-\U0001ffff]")  # emoji planes: each one's category asked


def _astral_symbol(m: re.Match[str]) -> str:
    return " " if unicodedata.category(m.group(0)) == "So" else m.group(0)


def _pictographs(text: str) -> str:
    """Emoji and other pictographs ("✅", "🔹", "⚠️") decorate a line like punctuation: made spaces."""
    if text.isascii() or max(text) < "\u2000":
        return text
    text = _SYMBOL.sub(" ", text)
    return _ASTRAL.sub(_astral_symbol, text) if max(text) >= "\U00010000" else text


# Label words chat misspells by one letter ("ภาพรม 84.9" for "ภาพรวม"): each is found by its first three
# letters, and a run of letters one edit from it that is not itself a dictionary word is read as it.
_LABELS = ("ภาพรวม",)
_LABEL_STEMS = re.compile("|".join(f"(?={re.escape(w[:3])})" for w in _LABELS))


def fix_label_typos(text: str) -> str:
    """Return text with label words misspelt by one letter written right (bounded: a few slices per stem)."""
    out, last = [], 0
    for m in _LABEL_STEMS.finditer(text):
        at = m.start()
        if at < last:
            continue
        for word in _LABELS:
            if not text.startswith(word[:3], at) or text.startswith(word, at):
                continue
            for k in range(len(word) - 1, len(word) + 2):
                piece = text[at : at + k]
                if Levenshtein.distance(piece, word) == 1 and piece not in dictionary():
                    following = text[at + k : at + k + 1]
                    if not ("\u0e01" <= following <= "\u0e4e"):  # the whole run of letters, not a part
                        out += [text[last:at], word]
                        last = at + k
                        break
            if last > at:
                break
    return "".join(out) + text[last:] if out else text


# Every way of writing "indicator N" ("ตชว.9", "ตว. 9", "ตัวชี้ฯ 9", "ตัวบ่งชี้ที่ 9", "Indicator 9", a PDF's
# "ตวัชี้วดั 9", "ตัวชี้วัด9") is written one way, "ตัวชี้วัดที่ 9", so every rule after this sees one label.
_LABEL_SPELLING = re.compile(
    r"(?:ต(?:ัว|วั)[ชข](?:ี้|ี|้ี)?ว(?:ั?ด|ดั)|ตัวชี้ฯ|ตัวบ่งชี้|ตชว\.?|(?:(?<![\u0e00-\u0e7f])|(?<=คะแนน))ตว\.?"
    r"|ตัว(?=ที่)|(?<![A-Za-z])(?:indicator|ind\.))[ \xa0]*+(?:ลำดับ)?(?:ที่|no\.?|#)?[ \xa0]*+(?=\d{1,2}(?![\d/]|\.\d\d))",
    re.IGNORECASE,
)


@lru_cache(maxsize=4)  # parse_scores and parse_correction read the same message: normalised once
def normalise(text: str) -> str:
    """Return text with Thai digits, OCR slips, markdown tables and odd spaces made regular."""
    text = to_arabic(unicodedata.normalize("NFC", text))
    text = _LABEL_SPELLING.sub("ตัวชี้วัดที่ ", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\u20e3" in text or "\U0001f51f" in text:
        text = _KEYCAP.sub(r"\1)", text).replace("\U0001f51f", "10)")
    text = re.sub(r"[\u200b\u200c\u200d\ufeff]", "", text).replace("\xa0", " ").replace("\u2212", "-")
    # "OIT 💯": the hundred-points sign says the number it shows; other pictographs are decoration.
    text = _pictographs(text.replace("\U0001f4af", " 100 "))
    # "ITA'68", "ปี '67": an apostrophe before a two-digit year stands for its first digits.
    text = re.sub(r"(?<=[A-Za-z\u0e01-\u0e4e])\s?['’‘]\s?(?=[5-7]\d(?![\d.]))", " ", text)
    text = spoken_tools(text)
    # "iit", "Eit", "ita": the tools' names as phones type them, read as the names they are
    text = _TOOL_CASE.sub(lambda m: m.group(0).upper(), text)
    text = fix_label_typos(text)
    if "\n" in text and ("," in text or ";" in text):
        text = separated_rows(text)
    text = fix_number_slips(_O_END.sub("0", text))
    if " ." in text or ". " in text:
        text = _SPLIT_POINT.sub(lambda m: f"{m.group(1) or m.group(2)}.{m.group(3)}", text)
    if "100" in text and "/" in text:
        text = _OVER_100.sub(r"\1 คะแนน", text)  # out of 100: a score, said as one
    text = re.sub(r"(?<=\d)\.{2,}+(?=\d)", ".", text)  # "88..50": a doubled decimal point
    text = re.sub(
        r"(?<![A-Za-z])(ITA|IIT|EIT|OIT)(?=\d)", r"\1 ", text, flags=re.I
    )  # "ITA68": the tool's name, then its year; "IIT95.5 EIT90.2": a tool and its score
    # "IIT:96.12EIT:90.05": a decimal run into the next tool's name
    text = re.sub(
        r"(?<=\.\d)(?=(?:IIT|EIT|OIT|ITA)(?![A-Za-z]))|(?<=\.\d\d)(?=(?:IIT|EIT|OIT|ITA)(?![A-Za-z]))",
        " ",
        text,
    )
    text = spoken_numbers(text)
    # "… 80.00.", "… 10) 80.", "… ผ่าน.": a full stop at the end of a line or message ends the sentence.
    if "." in text:
        text = _FULL_STOP.sub(lambda m: m.group(1) or "", text)
        # "… in ITA 2568. OIT was 88.5": a full stop after a year or a decimal, before the next sentence
        text = _STOP_BEFORE_NEXT.sub("", text)
    # Voice typing says the decimal point: "78 จุด 50" is 78.50.
    text = re.sub(r"(?<![\d.,])(\d{1,3})\s*+จุด\s*+(\d{1,2})(?![\d.,])", r"\1.\2", text)
    # A tone mark typed before its upper vowel ("ท่ี") looks the same but is another string: "ที่".
    text = re.sub("([\u0e48-\u0e4b])([\u0e31\u0e34-\u0e37\u0e47])", r"\2\1", text)
    text = re.sub(r"\*\*|__|`", "", text)
    # "9 ได้คะแนน 72.5", "ตัวชี้วัด 9 เท่ากับ 72.5": the longer copulas before a value say "ได้" and "=".
    text = _COPULA.sub(lambda m: " = " if m.group(0).startswith("เท่า") else "ได้ ", text)
    # "71.11%, 72.22% และ 73.33%": an ITA score is a percentage, so its sign says nothing more (not a
    # share of something: "80% ของบุคลากร" keeps it).
    if "%" in text:
        text = _PER_CENT.sub(r"\1", text)
    # "72.5 ค่ะ กับ 78.75 ค่ะ": a polite particle between a value and the next in a list says nothing.
    text = _PARTICLE_AFTER.sub(" ", text)
    if "\n" in text:  # "ส่งคะแนนค่ะ 1. 98.5\n2. 97": the list starts a line of its own
        text = _LIST_AFTER_LEAD_IN.sub("\n", text)
        # A PDF or phone paste breaks a line between a key's "ได้" / "อยู่ที่" / "=" and its value, or
        # before them: "ตัวที่ 10 ได้แค่\n81 เอง", "overall\nอยู่ที่ 87.5". The sentence goes on.
        text = _OPEN_END.sub(_open_end, text)
        text = _OPEN_START.sub(" ", text)
        # and inside a clause that goes on after the break: "ได้ 94.50" / "คะแนนในตัวชี้วัด 2", "ข้อ" / "E10",
        # "ตัวที่ 2" / "96.40, ผลรวม 87.92", "คะแนนภาพรวม" / "93.48, O1 ได้ 100"
        text = _VALUE_THEN_KEY.sub(r"\1 ", text)
        text = _CODE_BROKEN.sub(" ", text)
        text = _SOFT_BREAK.sub(_soft_joined, text)
        # what says what a number is, broken from it: "ได้ 80" / "กว่าๆ ค่ะ", "2.5" / "ชั่วโมง", "100" / "ใช่ไหมคะ",
        # "เป้าหมายปี" / "2568 …", a line going on with "และ", a target heading over its line
        text = _MODIFIER_NEXT.sub(" ", text)
        text = _TARGET_HEADING.sub(r"\1 ", text)
        # A phone wraps a line inside a key too: "คะแนนในตัวชี้วัดที่" / "2 การใช้งบ", "Indicator" / "10 อยู่ที่ 84",
        # and between a key and its value: "ตัวชี้วัด 9" / "ได้แค่ 75.00", "ข้อ O2" / "= 100".
        text = _KEY_BROKEN.sub(_key_joined, text)
    lines = []
    order = Reorder(text)  # what the whole text says once, not per line
    for line in text.split("\n"):
        line = order.line(line)
        if "--" in line and re.fullmatch(r"\s*+\|?\s*+:?-{2,}+:?\s*+(?:\|\s*+:?-{2,}+:?\s*+)*+\|?\s*+", line):
            continue
        if "|" not in line:
            pass
        elif not line.strip().startswith("|") and _PIPE_LABEL.search(line):
            line = line.replace("|", "/")  # "ตัวชี้วัดที่ 1 ได้ 97 | 2 ได้ 95": a run-on list, not a table row
        elif line.strip().startswith("|") or re.search(r"\S\s++\|\s++\S", line):
            line = "\t".join(c.strip() for c in line.strip().strip("|").split("|"))
        lines += line.split("\n")
    return "\n".join(_transpose(lines))


# A table laid across: a row of keys ("เครื่องมือ  IIT  EIT  OIT  รวม", "ตัวชี้วัดที่  1  2  3"), then one
# row of values under them per label ("คะแนน", "ปี 2568"). Turned into one row per key, so the usual reader
# pairs each key with the values under it; the labels become the header.
_KEY_CELL = re.compile(r"IIT|EIT|OIT|ITA|รวม|ภาพรวม|คะแนนรวม|[IEO]\d{1,2}|\d{1,2}", re.I)
_VALUE_CELL = re.compile(r"(?:\d{1,3}(?:\.\d++)?%?|-|–)?")
_NAMES_INDICATORS = re.compile(r"ตัวชี้วัด|indicator", re.I)


def _transpose(lines: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(lines):
        if "\t" not in lines[i] or len(lines[i]) > 400:
            out.append(lines[i])
            i += 1
            continue
        cells = lines[i].split("\t")
        keys = [c.strip() for c in cells[1:]]
        bare = all(k.isdigit() for k in keys)
        if (
            len(keys) >= 2
            and all(_KEY_CELL.fullmatch(k) for k in keys)
            and len({k.upper() for k in keys}) == len(keys)
            and not re.search(r"\d", cells[0])
            and (not bare or (_NAMES_INDICATORS.search(cells[0]) and all(1 <= int(k) <= 10 for k in keys)))
        ):
            rows: list[tuple[str, list[str]]] = []
            while i + 1 + len(rows) < len(lines) and len(rows) < 4:
                under = lines[i + 1 + len(rows)].split("\t")
                values = [c.strip() for c in under[1:]]
                if len(values) != len(keys) or not all(_VALUE_CELL.fullmatch(v) for v in values):
                    break
                if not any(v[:1].isdigit() for v in values):
                    break
                rows.append((under[0].strip(), values))
            if rows:
                out.append("\t".join(["ตัวชี้วัด", *(label for label, _ in rows)]))
                for k, key in enumerate(keys):
                    out.append("\t".join([f"ตัวชี้วัดที่ {key}" if bare else key, *(v[k] for _, v in rows)]))
                i += 1 + len(rows)
                continue
        out.append(lines[i])
        i += 1
    return out


_PIPE_LABEL = re.compile(r"\|\s*+\d{1,2}\s*+(?:ได้|=|:)")
_LIST_AFTER_LEAD_IN = re.compile(
    r"(?<=\S)[^\S\n]++(?=\(?1[.)]\s*+\d{1,3}(?:\.\d++)?[^\S\n]*+\n[^\S\n]*+\(?2[.)])"
)
