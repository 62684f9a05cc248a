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
from bot.scores.found import Extraction, Found, Ref
from bot.scores.prose import (
    APOLOGY,
    BEFORE_LAST,
    FIX_MARK,
    LAST_YEAR,
    THIS_YEAR,
    Group,
    groups,
    year_rank,
)
from bot.scores.prose import ordered_run as run_values
from bot.scores.text import CHANGE_TO, Num
from bot.scores.whose import OURS, THEIRS, last_end, theirs
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
    return None, False


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


def late_fix(ex: Extraction, line: str, nums: list[Num], i: int) -> bool:
    """A line with no reference that corrects the last value read: "เอ้ย 85 ค่ะ", "ที่ถูกคือ 93", "*84.8".

    The last value after a correction word wins: "ขอโทษค่ะ ไม่ใช่ 91 ที่ถูกคือ 93.00" is 93.
    """
    if not ex.found or ex.found[-1].line < i - 3:
        return False
    floor, fix = 0, None
    for n in nums:
        if not n.blocked and (
            FIX_MARK.search(line[floor : n.start]) or APOLOGY.search(line[floor : n.start])
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


# What stands right before a lone overall: a score word, or a year label ("คะแนนปีนี้ 90.45 ปีที่แล้ว 87.10").
# A grade may stand between ("ได้ระดับ A 88.50").
_HEAD = re.compile(
    r"(?:ได้(?:รับ)?|คะแนน|ผลการประเมิน|ผลประเมิน|=|:|(?:รอบ|ครั้ง)(?:นี้|ที่แล้ว|ก่อน)|ปีนี้|ปีที่แล้ว|ปีก่อน(?:หน้า|โน้น|หน้านั้น)?|ปีล่าสุด|ปีปัจจุบัน|ปีที่ผ่านมา"
    r"|ปี\s*+(?:25)?\d\d)\s*+(?:มา\s*+)?"
    # "ปี 68 ขึ้นมาเป็น 84.95", "ปีนี้เพิ่มเป็น", "ปี 68 อยู่ที่": a change verb or a copula before the value
    rf"(?:{CHANGE_TO}\s*+)?"
    r"(?:(?:ระดับ\s*+)?(?:AA|[A-F])\s*+)?$"
    r"|ระดับ\s*+(?:AA|[A-F])\s*+[(:=]?\s*+$"  # "ระดับ A (88.12)"
)
# "คะแนน 68 ออกแล้ว 89.75": the results are out, then the value (not "93.75 กับ 88.10", two of them).
_OUT_HEAD = re.compile(r"(?:ออก|ประกาศ)(?:ผล)?(?:มา)?แล้ว(?:นะ)?(?:ค่ะ|ครับ|คะ|จ้า)?\s*+$")
_LISTED_AFTER = re.compile(r"\s*+(?:กับ|และ|,|/)\s*+\d")
_NAMED = re.compile(r"ตัว[ชข]ี้?วัด|ตัวที่|ตชว|ตัว\s*+\d|ข้อ\s*+(?:ที่)?\s*+\d|(?<![A-Za-z])[IEO]\s?\d")


# The agency as the one who got the value: "กรมฯ ได้ 93.02", "อบต.เราได้ 85.92".
_OVERALL_AFTER = re.compile(r"\s*+(?:points?\s*+)?(?:overall|in total)\b", re.I)
_AGENCY_GOT = re.compile(
    r"(?:กรม|กอง|สำนัก|สนง|อบต|อบจ|เทศบาล|ทต|ทม|ทน|โรงเรียน|รร|โรงพยาบาล|รพ|หน่วยงาน|สถาบัน|มหาวิทยาลัย|องค์การ|"
    r"องค์กร|ศูนย์|สพป|สพม|สสจ|สสอ|อำเภอ|เรา)[^\d\n]{0,30}?ได้(?:รับ)?\s*+(?:คะแนน)?\s*+$"
)


def lone_overall(ex: Extraction, lines: list[str]) -> None:
    """A value that no reference claims gives the overall score: "ปี 66 ได้ 91.45", a line "คะแนน 90.18".

    With other scores in the message, only a short line of its own or the start of a line, led by a
    year, a score word or the agency that got it ("กรมฯ ได้ 93.02 ส่วนตัวชี้วัดที่ 8 …"), counts; several
    such values count only when each has its own year.
    """
    # With no score word in the message, only values each labelled by its own year count ("ปี 2567 = 80.45").
    scored = bool(
        re.search(
            r"ITA|คะแนน|ได้|ผล(?![\u0e30-\u0e4e]|ต่าง)|score|got|overall|result|ระดับ\s*+(?:AA|[A-F])(?![A-Za-z])",
            "\n".join(lines),
            re.I,
        )
    )
    others = bool(ex.found)
    cands = []
    for i, line, nums, first_ref in ex.numbers:
        for n in nums:
            if n.blocked or not 0 <= n.value <= 100 or n.start > first_ref:
                continue
            lead = line[: n.start]
            if not lead.strip() and i and lines[i - 1].strip():
                lead = (
                    lines[i - 1].strip() + " "
                )  # cells pasted one per line: "คะแนน\n89.17", "ปี 2568\n85.46"
            head = lead[-40:]
            named_after = bool(_OVERALL_AFTER.match(line, n.end))  # "We got 91.2 overall"
            out = _OUT_HEAD.search(head) and not _LISTED_AFTER.match(line, n.end)  # "68 ออกแล้ว 89.75"
            if not (_HEAD.search(head) or named_after or out):
                continue
            if _NAMED.search(lead):
                continue  # a value after an indicator or item word that could not be read is not the overall
            if last_end(THEIRS, lead) > last_end(OURS, lead) or theirs(line, n.start):
                continue  # "อบต.ข้างๆ ได้ ITA 95.5": another agency's result, not the officer's
            if others and not (
                named_after
                or (
                    first_ref == len(line) and len(line.strip()) <= 40 and re.search(r"คะแนน|ITA", lead, re.I)
                )
                or year_rank(lead) is not None
                or _AGENCY_GOT.search(lead[-45:])
            ):
                continue
            cands.append((i, line, n))
    if not cands and not others and scored:
        cands = _only_value(ex)
    years_apart = len({_rank_of(line, n) for _, line, n in cands}) == len(cands) > 1
    if len(cands) > 1 and not others and not years_apart:
        # "ของเราได้ 86.20 ส่วน อบต.ข้างๆ ได้ 93.40": the value the officer calls ours, not a neighbour's.
        ours = [c for k, c in enumerate(cands) if OURS.search(_lead_of(cands, k))]
        cands = ours if len(ours) == 1 else cands
    if len(cands) == 1 and scored and not (others and any(f.kind == "overall" for f in ex.found)):
        i, _, n = cands[0]
        ex.found.append(Found("overall", "overall", n.value, i, False))
        ex.score_years += ex.line_years.get(i, [])
        ex.unsure.append(wording.SCORES_UNSURE_OVERALL.format(value=n.value))
        return
    labelled = [(i, n, _rank_of(line, n)) for i, line, n in cands]
    ranks = [r for _, _, r in labelled]
    if len(ranks) > 1 and ranks[0] is None and set(ranks[1:]) <= {LAST_YEAR, BEFORE_LAST}:
        labelled[0], ranks[0] = (labelled[0][0], labelled[0][1], THIS_YEAR), THIS_YEAR  # "ได้ 78.4 ปีที่แล้ว 81"
    if len(cands) > 1 and None not in ranks and len(set(ranks)) == len(ranks):
        for i, n, r in labelled:
            ex.found.append(Found("overall", "overall", n.value, i, False, year=r))
        best = max(labelled, key=lambda t: t[2] or 0)[1]
        ex.unsure.append(wording.SCORES_UNSURE_OVERALL.format(value=best.value))


# A year label right after a value, with no value of its own: "ได้ 91.86 เมื่อปีที่แล้ว ปีนี้ได้ 93.02".
_YEAR_AFTER = re.compile(
    r"\s*+(?:คะแนน\s*+)?(?:เมื่อ|ของ|ใน|ตอน)?\s*+(?P<label>ปี(?:ที่แล้ว|ก่อน(?:หน้า)?|ที่ผ่านมา|นี้)|ปี\s*+(?:25)?\d\d(?![\d.]))"
    r"(?!\s*+(?:ได้(?:รับ)?|=|:)?\s*+\d)"
)


def _rank_of(line: str, n: Num) -> int | None:
    """The year that labels a lone value: the label before it, else a label right after it."""
    rank = year_rank(line[: n.start])
    if rank is None:
        after = _YEAR_AFTER.match(line, n.end)
        rank = year_rank(after.group("label")) if after else None
    return rank


def _only_value(ex: Extraction) -> list[tuple[int, str, Num]]:
    """ "ผลปี 68 ออกแล้วค่ะ 🎉 93.75": the one decimal value of a message about results, with no label."""
    found = [
        (i, line, n)
        for i, line, nums, _ in ex.numbers
        for n in nums
        if not n.blocked and not n.is_int and 10 <= n.value <= 100
    ]
    if len(found) != 1:
        return []
    _, line, n = found[0]
    lead = line[: n.start]
    if (
        _NAMED.search(lead)
        or last_end(THEIRS, lead) > last_end(OURS, lead)
        or theirs(line, n.start)
        or re.match(r"\s*+[A-Za-z]", line[n.end :])
    ):
        return []
    return found


def _lead_of(cands: list[tuple[int, str, Num]], k: int) -> str:
    """The text of a candidate's line from the previous candidate (or the line start) up to it."""
    i, line, n = cands[k]
    floor = cands[k - 1][2].end if k and cands[k - 1][0] == i else 0
    return line[floor : n.start]


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


def pick_year(ex: Extraction) -> int | None:
    """Choose the assessment year: the latest column of a comparison table, else the year of the results."""
    if ex.header_years:
        return max(ex.header_years)
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
