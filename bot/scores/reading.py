"""Reading values that no table row pairs for us: key lists, year labels, corrections, runs, a lone overall.

extract() in bot.scores.tables calls these per reference or once per message; each is linear in
what it reads. pick_year chooses the assessment year of what was read.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from bot import wording
from bot.ita.framework import Framework
from bot.scores.found import MAX_COLUMNS, Extraction, Found, Header, Ref, column_value
from bot.scores.prose import (
    APOLOGY,
    FIX_MARK,
    Group,
    groups,
)
from bot.scores.prose import ordered_run as run_values
from bot.scores.text import Num, tight_gap
from bot.scores.years import line_years


def blank_groups(lines: list[str]) -> tuple[list[str], dict[int, list[Group]]]:
    """Key lists with their values, by the line they start on; the lines with those spans blanked."""
    joined = "\n".join(lines)
    found = groups(joined)
    if not found:
        return lines, {}
    chars = list(joined)
    starts = [0]
    for ln in lines[:-1]:
        starts.append(starts[-1] + len(ln) + 1)
    by_line: dict[int, list[Group]] = {}
    for g in found:
        by_line.setdefault(bisect_right(starts, g.start) - 1, []).append(g)
        for k in range(g.start, g.end):
            if chars[k] != "\n":
                chars[k] = " "
    return "".join(chars).split("\n"), by_line


def scorable(window: list[Num]) -> list[Num]:
    return [n for n in window if not n.blocked and (not n.is_int or n.context or n.cell)]


def corrected(window: list[Num], line: str) -> tuple[Num | None, bool]:
    """ "ได้ 80 เอ้ย 85": the value after a correction word, if a value came before it.

    A denied value ("ไม่ใช่ 78 ค่ะ เป็น 87") is blocked as a score, yet it is what the next value corrects.
    """
    usable = [n for n in window if not n.blocked or _denied(n, line)]
    for k in range(len(usable) - 1, 0, -1):
        if usable[k].blocked:
            continue
        gap = line[usable[k - 1].end : usable[k].start]
        if FIX_MARK.search(gap) or APOLOGY.search(gap):
            return usable[k], True
        # "ไม่ใช่ 78 ค่ะ เป็น 87": a value denied, then the one it is
        if _denied(usable[k - 1], line) and _IS.fullmatch(gap):
            return usable[k], True
    # "ได้ 78.9 เอ้ย ไม่ใช่ 87.9 ค่ะ พิมพ์สลับ": the last value, denied after a correction word and with
    # nothing after it that it makes room for, is the correction itself ("no, I mean 87.9").
    last = usable[-1] if len(usable) >= 2 else None
    if last is not None and last.blocked and _denied(last, line):
        gap = line[usable[-2].end : last.start]
        if APOLOGY.search(line, last.end) or _FIX_BEFORE_DENIAL.search(gap):
            return last, True
    return None, False


# A correction word before the denial: "เอ้ย ไม่ใช่ 87.9" (the denial's own "ไม่ใช่" does not count).
# A denial said twice is one too: "ไม่ใช่ไม่ใช่ 92.1".
_FIX_BEFORE_DENIAL = re.compile(
    r"(?:เอ้ย|เอ๊ย|เอ่ย|อุ๊ย|อุ้ย|ขอโทษ|ขออภัย|sorry|ไม่ใช่)\s*+(?:ค่ะ|ครับ|คะ|นะ)?\s*+ไม่ใช่", re.I
)


_FIX_TO = re.compile(r"[^\S\n]*+(?:ค่ะ|ครับ|นะ|คะ)?[^\S\n]*+(?:ให้)?(?:เป็น|=|→|->)[^\S\n]*+(?:คะแนน[^\S\n]*+)?")


def fixed_to(ref: Ref, window: list[Num], line: str, floor: int) -> Num | None:
    """ "ขอแก้ตัวชี้วัดที่ 9 เป็น 75": after a correction word before the key, the value "เป็น" gives it."""
    if not FIX_MARK.search(line, floor, ref.start):
        return None
    to = _FIX_TO.match(line, ref.end)
    return next((n for n in window if to and n.start == to.end() and not n.blocked), None)


def moved(ex: Extraction, ref: Ref, chosen: Num, line: str, floor: int, i: int) -> None:
    """ "ตัวชี้วัดที่ 9 ได้ 72.5 เอ้ยไม่ใช่ ตัวชี้วัดที่ 10 ได้ 72.5": a correction word, then another key with
    the same value: the value moves to that key."""
    if not ex.found or not FIX_MARK.search(line, floor, ref.start):
        return
    last = ex.found[-1]
    same = round(last.value, 2) == round(chosen.value, 2)
    if same and (last.kind, last.key) != (ref.kind, ref.key) and last.line >= i - 1:
        ex.found.pop()


def _denied(n: Num, line: str) -> bool:
    return bool(_DENIED.search(line, max(0, n.start - 12), n.start))


_DENIED = re.compile(r"ไม่(?:ใช่|ได้)\s*+(?:คะแนน\s*+)?$")
_IS = re.compile(
    r"\s*+(?:คะแนน|คะเเนน)?\s*+(?:(?:นะ)?(?:ค่ะ|ครับ|คะ|จ้ะ)|นะ|,)?\s*+(?:(?:แต่)?(?:เป็น|คือ|ได้))?\s*+"
)


# Any word of having got it wrong, before the value that puts it right: "ดูผิดบรรทัด ของเราคือ 86.45",
# "ใส่ผิด", "จำผิด" (not "ถ้าจำไม่ผิด", "ความผิด").
_WRONG = re.compile(r"(?<!ไม่)(?<!ความ)ผิด")


def late_fix(ex: Extraction, line: str, nums: list[Num], i: int) -> bool:
    """A line with no reference that corrects the last value read: "เอ้ย 85 ค่ะ", "ที่ถูกคือ 93", "*84.8".

    The last value after a correction word wins: "ขอโทษค่ะ ไม่ใช่ 91 ที่ถูกคือ 93.00" is 93.
    """
    if not ex.found or ex.found[-1].line < i - 3:
        return False
    floor, fix = 0, None
    for n in nums:
        if not n.blocked and (
            FIX_MARK.search(line[floor : n.start])
            or APOLOGY.search(line[floor : n.start])
            or _WRONG.search(line[floor : n.start])
        ):
            fix = n
        floor = n.end
    usable = [n for n in nums if not n.blocked]
    if fix is None and len(usable) == 1:
        # "*84.8 ค่ะ": a star before it (how chat marks a correction), or "84.8 ค่ะ พิมพ์ผิด": the mark after it
        n = usable[0]
        starred = line[: n.start].strip() == "*"
        if starred or FIX_MARK.search(line, n.end) or APOLOGY.search(line, n.end):
            fix = n
    if fix is None:
        return False
    last = ex.found[-1]
    ex.found.append(Found(last.kind, last.key, fix.value, i, False, fix=True))
    return True


def ordered_run(ex: Extraction, fw: Framework) -> None:
    """Ten unlabelled numbers in a row are indicators 1..10 in order (asked back as unsure)."""
    seq: list[tuple[int, Num, str]] = []
    for i, line, nums, _ in ex.numbers:
        seq += [(i, n, line) for n in nums if not n.blocked]
    runs: list[list[tuple[int, Num, str]]] = []
    for item in seq:
        if runs and _joined(runs[-1][-1], item):
            runs[-1].append(item)
        else:
            runs.append([item])
    count = len(fw.indicator_numbers)
    for run in runs:
        values = run_values([(n.value, n.is_int) for _, n, _ in run], count)
        if values:
            for number, (i, n, _) in zip(sorted(fw.indicator_numbers), run, strict=True):
                ex.found.append(Found("indicator", number, n.value, i, False))
                ex.score_years += ex.line_years.get(i, [])
            ex.unsure.append(wording.SCORES_UNSURE_ORDER.format(count=count))
            return


def _joined(a: tuple[int, Num, str], b: tuple[int, Num, str]) -> bool:
    (ia, na, la), (ib, nb, lb) = a, b
    if ib == ia:
        gap = la[na.end : nb.start]
    elif ib == ia + 1:  # a bullet may lead the next line: "- 96.47"
        gap = la[na.end :] + " " + re.sub(r"^\s*+[-•*]\s*+", "", lb[: nb.start])
    else:
        return False
    return len(gap) <= RUN_GAP and bool(_RUN_GAP.fullmatch(gap))


# Between two values of a run: separators, and a unit or a particle after each ("97.21 คะแนน 96.40 คะแนน").
_RUN_GAP = re.compile(r"[\s,/;|]*+(?:(?:คะแนน|คะเเนน|%|pts?|ค่ะ|ครับ|คะ|นะ)[\s,/;|]*+)?(?:และ)?[\s,/;|]*+")
RUN_GAP = 16


def note_years(line: str, refs: list[Ref], ex: Extraction) -> None:
    if re.search(r"ผลการประเมิน|ผลคะแนน|ผลประเมิน|ITA|คะแนน", line) and not re.search(
        r"เป้าหมาย|มาตรการ|ถัดไป|แผน", line
    ):
        ex.result_years += line_years(line)


def record(
    ex: Extraction, ref: Ref, num: Num, line: int, table: bool, fix: bool = False, year: int | None = None
) -> None:
    if ref.kind == "toolpart":
        ex.warnings.append(wording.SCORE_TOOL_PART.format(key=ref.key, value=num.value))
        return
    if ref.note and ref.note != "named":
        ex.warnings.append(ref.note)
    if ref.guess:
        ex.unsure.append(wording.SCORES_UNSURE_NAME.format(written=ref.guess, key=ref.key, value=num.value))
    ex.found.append(
        Found(ref.kind, ref.key, num.value, line, table, ref.weak, fix=fix, year=year, at=num.start)
    )
    ex.score_years += ex.line_years.get(line, [])


def fixed_year(ex: Extraction, valid: list[Found], latest: int | None, rank: int) -> int | None:
    """The one year labelling the values, or the year a correction line gave instead ("เอ้ย ปี 68 ค่ะ")."""
    labels = {f.year for f in valid if f.year is not None}
    if not ex.fixed_years or len(labels) != 1 or latest not in labels or latest >= rank:
        return latest
    for f in valid:
        f.year = ex.fixed_years[-1] if f.year is not None else None
    return ex.fixed_years[-1]


def pick_year(ex: Extraction) -> int | None:
    """Choose the assessment year: the latest column of a comparison table, else the year of the results."""
    if ex.header_years:
        return max(ex.header_years)
    if ex.fixed_years and (ex.score_years or ex.result_years):
        return ex.fixed_years[-1]
    pool = ex.score_years or ex.result_years or ex.years
    if not pool:
        return None
    counts = Counter(pool)
    best = max(counts.values())
    return next(y for y in pool if counts[y] == best)


_BRACKET_OPEN = re.compile(r"\s*+\([^()]*+")
# A tool glosses an indicator name in brackets, or in a table cell of its own between name and value.
_GLOSS = re.compile(r"\s*+[(\[]\s*+$|^ *+\t\s*+$")
_GLOSS_END = re.compile(r"\s*+[)\]]| *+(?=\t)")
# "เครื่องมือแบบวัดการรับรู้ของการเปิดเผยข้อมูลสาธารณะ (OIT)": the tool's own name, not an indicator's.
_TOOL_WORD = re.compile(r"เครื่องมือ|แบบวัด|แบบตรวจ|แบบสำรวจ")


def glossed_tools(line: str, refs: list[Ref]) -> list[Ref]:
    """ "การเปิดเผยข้อมูล (OIT) 72.5": a tool in brackets after an indicator's name glosses the name."""
    out: list[Ref] = []
    for r in refs:
        prev = out[-1] if out else None
        if (
            r.kind == "tool"
            and prev is not None
            and prev.kind == "indicator"
            and r.start - prev.end <= 4
            and _GLOSS.search(line[prev.end : r.start])
            and not _TOOL_WORD.search(line[max(0, prev.start - 40) : prev.start])
        ):
            close = _GLOSS_END.match(line, r.end)
            if close:
                prev.end = close.end()
                continue
        out.append(r)
    return out


def window_stop(line: str, refs: list[Ref], j: int) -> int:
    """Where the values of refs[j] end: at the next reference, past bracketed ranges ("ตัวชี้วัด 9 (O1-O24) ได้ 79")."""
    k = j + 1
    while (
        k < len(refs) and refs[k].kind == "sub" and _BRACKET_OPEN.fullmatch(line[refs[j].end : refs[k].start])
    ):
        k += 1
    return refs[k].start if k < len(refs) else len(line)


def values_below(ex: Extraction, waiting: list[Ref], line: str, nums: list[Num], i: int) -> bool:
    """Names on one line, their values on the next in the same order: "การเปิดเผยข้อมูล / การป้องกันการทุจริต",
    then "72.5 / 80". The next line must be nothing but as many values (a decimal among them)."""
    usable = [n for n in nums if not n.blocked]
    if (
        len(usable) != len(waiting)
        or not any(not n.is_int for n in usable)
        or not re.fullmatch(r"[\d.\s/,;|\t]*+(?:ค่ะ|ครับ|คะ)?\s*+", line)
    ):
        return False
    for ref, n in zip(waiting, usable, strict=True):
        record(ex, ref, n, i, True)
    return True


# Rows of one line may also be run on with separators: "O1 โครงสร้าง 100 / O2 ข้อมูลผู้บริหาร 100".
_ROW_BEFORE = re.compile(r"(?:^|[/,;|:]|(?<=\d)\s|(?<=ค่ะ)|(?<=ครับ)|(?<=คะ)|(?<=นะ)|(?<=จ้า))[\s\-•*]*+$")
_ROW_AFTER = re.compile(
    r"[\s)]*+(?:$|[/,;|]|(?<=\s)[IEO]\s?\d|[\u0e00-\u0e7f][^\d\n]*+$)"
)  # words close a row


def counted_gap(ref: Ref, first: Num, nums: list[Num], gap: str) -> bool:
    """ "OIT ได้ 33 ข้อ จาก 33 ข้อ = 100 คะแนน": counts may stand before a value that score words mark."""
    counts = [n for n in nums if ref.end <= n.start < first.start]
    return (
        bool(counts)
        and first.context
        and len(gap) <= 40
        and all(n.blocked == "count/ordinal" for n in counts)
    )


def row_end(ref: Ref, num: Num, line: str, gap: str) -> bool:
    """ "O3 อำนาจหน้าที่ 0": a row led by an item code, its title, and the value closing the row
    (the line, or a stretch of it between separators)."""
    return (
        ref.kind == "item"
        and bool(_ROW_BEFORE.search(line, 0, ref.start))
        and bool(_ROW_AFTER.match(line, num.end))
        and bool(re.fullmatch(r"[\s\u0e00-\u0e7fA-Za-z()/,.\-]*+", gap))
        and not re.search(r"[/,;|]", gap)
    )


def pick_value(ref: Ref, nums: list[Num], line: str, header: Header | None, warn: list[str]) -> Num | None:
    """The value of a reference from the numbers after it: a table column, the first one a score word or
    a tight gap allows, the latest year of a row of several (with a warning)."""
    usable = [n for n in nums if not n.blocked and n.start - ref.end <= ref.limit]
    if not usable:
        return None
    if (
        header
        and "\t" in line
        and len(header.columns) <= MAX_COLUMNS
        and any(r != "score" for r, _ in header.columns)
    ):
        matched, by_column = column_value(ref.end, nums, line, header)
        if matched:
            return by_column
    first = usable[0]
    gap = line[ref.end : first.start]
    adjacent = bool(
        len(gap) <= 60
        and re.fullmatch(
            r"[\s:=\-–—(|\t,→⇒>)./]*+(?:ได้(?:รับ)?)?\s*+(?:คะแนน)?\s*+(?:มา|ก็|แค่|เพียง|เหลือ(?:แค่)?|รอด|(?:ไม่)?ผ่าน)?\s*+(?:เท่ากับ)?\s*+"
            r"(?:ร้อยละ)?[\s:=(|\t]*+",
            gap,
        )
    )
    # a whole number is a score when score words, or nothing but filler and a gloss, stand between:
    # "OIT ต่ำไปหน่อย 82" as "OIT ต่ำไปหน่อย 82.00" (not after "มี": "ตัวชี้วัดที่ 9 มี 24 ข้อ" counts)
    # (a misspelt name's own letters may be left glued to it: "การปรับปรุงการทำานาน 75")
    loose = re.sub(r"^[\u0e01-\u0e4e]++", "", gap) if ref.guess else gap
    adjacent = adjacent or (not ref.weak and len(gap) <= 40 and "มี" not in gap and tight_gap(loose, slack=0))
    if first.is_int and not (first.context or first.cell or adjacent or row_end(ref, first, line, gap)):
        return None
    if ref.weak and first.is_int and first.value < 10 and not first.context:
        return None  # "แบบ ITA 2 ส่งภายใน 15 วัน": a single digit after the name numbers a form, no score said
    if ref.strict and not tight_gap(gap) and not counted_gap(ref, first, nums, gap):
        return None
    if ref.kind == "item" and "ประเด็นย่อย" in gap:
        return None  # "I11 … ในประเด็นย่อย … (91.68)" quotes a sub-item, not the item
    group = [first]
    for n in usable[1:]:
        if re.fullmatch(r"[\s|()\t]*+(?:คะแนน)?[\s|()\t]*+", line[group[-1].end : n.start]):
            group.append(n)
        else:
            break
    if header and len(header.columns) == len(group) and any(r != "score" for r, _ in header.columns):
        scored = [(y or 0, n) for (r, y), n in zip(header.columns, group, strict=True) if r == "score"]
        # a row under target/average/change columns only gives no result; else the latest score column
        return max(scored, key=lambda t: t[0])[1] if scored else None
    if len(group) == 1:
        return first
    plain = [group[0]] + [n for n in group[1:] if not n.signed]
    if len(plain) == 3 and abs(abs(plain[0].value - plain[1].value) - plain[2].value) < 0.011:
        plain = plain[:2]  # third column is the difference between the two years
    if header and len(header.years) >= 2 and len(plain) >= len(header.years):
        return plain[header.years.index(max(header.years))]
    chosen = plain[-1]
    if len(plain) > 1:
        warn.append(
            wording.SCORE_MANY_IN_ROW.format(
                label=_ref_label(ref), values=", ".join(n.text.strip() for n in plain), chosen=chosen.value
            )
        )
    return chosen


def _ref_label(ref: Ref) -> str:
    labels = {
        "indicator": wording.SCORE_LABEL_INDICATOR,
        "item": wording.SCORE_LABEL_ITEM,
        "overall": wording.SCORE_LABEL_OVERALL,
    }
    return labels.get(ref.kind, wording.SCORE_LABEL_TOOL_SHORT).format(key=ref.key)
