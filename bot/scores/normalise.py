"""Make an officer's score text regular before it is read: digits, spoken numbers, tables, run-on lists."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz.distance import Levenshtein

from bot.scores.spoken import dictionary, spoken_numbers, spoken_tools
from bot.thai import fix_number_slips, to_arabic

__all__ = ["normalise"]

_FULL_STOP = re.compile(r"(\d\.\d++)\.(?=[^\S\n]*+(?:\n|$))|(?<=\d)\.(?=[^\S\n]*+$)(?!\n)")
_COPULA = re.compile(r"(?:ได้(?:รับ)?\s*+คะแนน|เท่ากับ)(?=\s*+\d)")
_PARTICLE_AFTER = re.compile(
    r"(?<=\d)[^\S\n]*+(?:นะ)?(?:ค่ะ|คะ|ครับ(?:ผม)?|จ้า|จ้ะ)(?![\u0e00-\u0e7f])(?=\s*+(?:[,/(\t\d]|และ|กับ|กะ|$))"
)
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
_OVER_100 = re.compile(r"(?<![\d./])(?<!/ )(\d{1,3}(?:\.\d++)?)\s*+/\s*+100(?!\d|\.\d|\s*+/)")


def _symbol_class() -> re.Pattern[str]:
    """One character class of every Unicode "other symbol" (So) up to the emoji planes, and U+FE0F."""
    ranges: list[list[int]] = []
    for cp in range(0xA0, 0x20000):
        if unicodedata.category(chr(cp)) == "So":
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1][1] = cp
            else:
                ranges.append([cp, cp])
    body = "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges)
    return re.compile(f"[{body}\ufe0f]")


_SYMBOL = _symbol_class()


def _pictographs(text: str) -> str:
    """Emoji and other pictographs ("✅", "🔹", "⚠️") decorate a line like punctuation: made spaces."""
    return text if text.isascii() or max(text) < "\u2000" else _SYMBOL.sub(" ", text)


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


def normalise(text: str) -> str:
    """Return text with Thai digits, OCR slips, markdown tables and odd spaces made regular."""
    text = to_arabic(unicodedata.normalize("NFC", text))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\u20e3" in text or "\U0001f51f" in text:
        text = _KEYCAP.sub(r"\1)", text).replace("\U0001f51f", "10)")
    text = re.sub(r"[\u200b\u200c\u200d\ufeff]", "", text).replace("\xa0", " ").replace("\u2212", "-")
    text = _pictographs(text)
    text = spoken_tools(text)
    text = fix_label_typos(text)
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
    # Voice typing says the decimal point: "78 จุด 50" is 78.50.
    text = re.sub(r"(?<![\d.,])(\d{1,3})\s*+จุด\s*+(\d{1,2})(?![\d.,])", r"\1.\2", text)
    # A tone mark typed before its upper vowel ("ท่ี") looks the same but is another string: "ที่".
    text = re.sub("([\u0e48-\u0e4b])([\u0e31\u0e34-\u0e37\u0e47])", r"\2\1", text)
    text = re.sub(r"\*\*|__|`", "", text)
    # "9 ได้คะแนน 72.5", "ตัวชี้วัด 9 เท่ากับ 72.5": the longer copulas before a value say "ได้" and "=".
    text = _COPULA.sub(lambda m: " = " if m.group(0).startswith("เท่า") else "ได้ ", text)
    # "… 80.00.", "… 10) 80.": a full stop after the last value of a line or message ends the sentence.
    if "." in text:
        text = _FULL_STOP.sub(r"\1", text)
    # "72.5 ค่ะ กับ 78.75 ค่ะ": a polite particle between a value and the next in a list says nothing.
    text = _PARTICLE_AFTER.sub(" ", text)
    if "\n" in text:  # "ส่งคะแนนค่ะ 1. 98.5\n2. 97": the list starts a line of its own
        text = _LIST_AFTER_LEAD_IN.sub("\n", text)
    lines = []
    value_first = _VALUE_FIRST.search(text) is not None  # once for the text, not per line
    paired = "(" in text and len({m.group(3) for m in _YEAR_AFTER.finditer(text[:20_000])}) >= 2
    for line in text.split("\n"):
        if len(line) <= 400:
            line = _year_after(_RELATIVE_YEAR_NAMED.sub(r"ปี \1", line), paired) if "(" in line else line
            line = _value_first(line) if value_first else line
        line = _one_pair_a_line(line)
        if "--" in line and re.fullmatch(r"\s*+\|?\s*+:?-{2,}+:?\s*+(?:\|\s*+:?-{2,}+:?\s*+)*+\|?\s*+", line):
            continue
        if "|" not in line:
            pass
        elif not line.strip().startswith("|") and _PIPE_LABEL.search(line):
            line = line.replace("|", "/")  # "ตัวชี้วัดที่ 1 ได้ 97 | 2 ได้ 95": a run-on list, not a table row
        elif line.strip().startswith("|") or re.search(r"\S\s++\|\s++\S", line):
            line = "\t".join(c.strip() for c in line.strip().strip("|").split("|"))
        lines.append(line)
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


# A value written before its label: "72.5 คือตัวชี้วัดที่ 9", "80 (ตัวที่ 10)", "88.5ค่ะ ภาพรวมปีนี้".
# (a range of them too: "ได้เต็ม 100 ในตัวชี้วัดที่ 1 ถึง 4", "0 ใน O20-O22")
_LABEL = (
    r"(?:ตัวชี้วัด|ตัว|ข้อ)(?:ที่)?\s*+\d{1,2}(?:\s*+(?:-|–|ถึง)\s*+\d{1,2})?(?![\d.])|IIT|EIT|OIT|ภาพรวม|คะแนนรวม"
    r"|[IEO]\d{1,2}(?:\s*+(?:-|–|ถึง)\s*+[IEO]\d{1,2})?(?![\d.])"
)
_PIPE_LABEL = re.compile(r"\|\s*+\d{1,2}\s*+(?:ได้|=|:)")
_SP = r"[^\S\n]*+"  # spaces within a line: the whole text is searched once before the lines are
_VALUE_FIRST = re.compile(
    rf"(?<![\d.A-Za-z])(\d{{1,3}}(?:\.\d{{1,2}})?)(?![\d.])(?:{_SP}คะแนน)?{_SP}(?:นะ)?(?:ค่ะ|ครับ|คะ|จ้า)?{_SP}(?:(คือ|เป็นของ|ใน|สำหรับ|\(){_SP})?({_LABEL})({_SP}\))?"
)
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
_YEAR_AFTER = re.compile(
    r"(?<![\d.])(\d{1,3}\.\d{1,2}|\d{1,3})(?![\d.])\s*+(?:คะแนน\s*+)?\(\s*+(ปี(?:งบ)?\s*+)?(25[5-7]\d|20[1-4]\d|[5-7]\d)\s*+\)"
)


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
        ]
    if not found:
        return line
    out, at = [], 0
    for m in found:
        out += [line[at : m.start()], f"ปี {m.group(3)} ได้ {m.group(1)}"]  # still said as a value
        at = m.end()
    return "".join(out) + line[at:]


def _value_first(line: str) -> str:
    """Put a value written before its label after it, so the label reads it as usual.

    With "คือ", "เป็นของ" or a bracket between, the label may go on ("72.5 คือตัวชี้วัดที่ 9 ส่วน 80 คือ…")
    when no value of its own follows it; with nothing between, the label must end the line.
    """
    if not re.search(r"\d", line):
        return line
    out, at = [], 0
    for m in _VALUE_FIRST.finditer(line):
        if m.start() < at or _CLAIMED.search(line[max(0, m.start() - 30) : m.start()]):
            continue
        rest = line[m.end() :]
        if m.group(2) is None and not _LABEL_ENDS.match(rest):
            continue
        if m.group(2) is not None and re.match(r"\s*+(?:ได้|=|:|มี|คือ)?\s*+\d", rest):
            continue
        if m.group(2) == "(" and (not m.group(4) or re.search(r"-|–|ถึง", m.group(3))):
            continue  # "… 79.17 คะแนน (O1-O24)": the items a named score covers, not their value
        out += [line[at : m.start()], f"{m.group(3)} {m.group(1)}"]
        at = m.end()
    return "".join(out) + line[at:] if out else line


_LIST_AFTER_LEAD_IN = re.compile(
    r"(?<=\S)[^\S\n]++(?=\(?1[.)]\s*+\d{1,3}(?:\.\d++)?[^\S\n]*+\n[^\S\n]*+\(?2[.)])"
)
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
        if pairs and not m and not re.search(r"\d", line[at:]):
            tail = line[at:].strip()  # "(9) 72.5 (10) 80.0 ตัวชี้วัดค่ะ": the words after the run
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
