"""The overall score said alone: a value no reference claims, led by a score word, a year or the agency.

"ปี 66 ได้ 91.45", a line "คะแนน 90.18", "เทศบาลเราได้ 91.86 เมื่อปีที่แล้ว ปีนี้ได้ 93.02". extract() in
bot.scores.tables calls lone_overall once per message, when no overall was read; it is linear in the numbers.
"""

from __future__ import annotations

import re

from bot import wording
from bot.scores.found import Extraction, Found
from bot.scores.prose import BEFORE_LAST, LAST_YEAR, THIS_YEAR, year_rank
from bot.scores.text import Num
from bot.scores.unscored import CHANGE_TO
from bot.scores.whose import OURS, THEIRS, last_end, theirs

# What stands right before a lone overall: a score word, or a year label ("คะแนนปีนี้ 90.45 ปีที่แล้ว 87.10").
# A grade may stand between ("ได้ระดับ A 88.50").
_HEAD = re.compile(
    r"(?:ได้(?:รับ)?|คะแนน|ผลการประเมิน|ผลประเมิน|=|:|→|->|(?:รอบ|ครั้ง)(?:นี้|ที่แล้ว|ก่อน)|ปีนี้|ปีที่แล้ว|ปีก่อน(?:หน้า|โน้น|หน้านั้น)?|ปีล่าสุด|ปีปัจจุบัน|ปีที่ผ่านมา"
    r"|ปี\s*+(?:25)?\d\d)\s*+(?:มา\s*+)?"
    # "ปี 68 ขึ้นมาเป็น 84.95", "ปีนี้เพิ่มเป็น", "ปี 68 อยู่ที่": a change verb or a copula before the value
    rf"(?:{CHANGE_TO}\s*+)?"
    r"(?:(?:ระดับ\s*+)?(?:AA|[A-F])\s*+)?\(?\s*+$"  # "ได้ A (90.7)": the value in brackets after its grade
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


# (or "ได้" alone, when a closing particle ends the value's sentence: "ได้ 87.66 ค่ะ ผ่านเกณฑ์แล้ว ตัวที่ต่ำคือ…")
_GOT_FIRST = re.compile(r"\s*+(?:ปีนี้|เรา)?\s*+ได้(?:รับ)?\s*+(?:คะแนน)?\s*+")
_CLOSED = re.compile(r"\s*+(?:คะแนน)?\s*+(?:ค่ะ|ครับ|คะ|จ้า|นะ)")
_RESULT_FIRST = re.compile(
    r"(?:ผล(?:การ)?ประเมิน|ผลคะแนน|คะแนน)\s*+(?:ITA)?\s*+(?:ของ[^\d\n]{0,20}?)?(?:ได้(?:รับ)?)?\s*+[:=]?\s*+$",
    re.I,
)


# A village or house number in an agency's name or address is no value: "หมู่ 5", "ม.3", "เลขที่ 12".
_ADDRESS = re.compile(r"(?:หมู่(?:ที่)?|ม\.|ซอย|ซ\.|เลขที่|ตำบล|ต\.)\s*+\d{1,4}(?![\d.])")


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
    claimed = {(f.line, f.at) for f in ex.found}  # read for a label above it ("ตัวชี้วัดที่ 9\n88.5")
    cands = []
    before_any = True  # no value stands before this one in the message
    for i, line, nums, first_ref in ex.numbers:
        for n in nums:
            opens, before_any = before_any and not n.blocked, before_any and bool(n.blocked)
            if n.blocked or not 0 <= n.value <= 100 or n.start > first_ref or (i, n.start) in claimed:
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
            if (
                others
                and not (
                    named_after
                    or (
                        first_ref == len(line)
                        and len(line.strip()) <= 40
                        and re.search(r"คะแนน|ITA", lead, re.I)
                    )
                    or year_rank(lead) is not None
                    # "ผลประเมินได้ 88.88 ตัวชี้วัดที่ต่ำสุด 9 (72.3) …": the result word opens the message
                    or (opens and _RESULT_FIRST.search(lead) is not None)
                    or (
                        opens
                        and _GOT_FIRST.fullmatch(lead) is not None
                        and _CLOSED.match(line, n.end) is not None
                    )
                    or _AGENCY_GOT.search(_ADDRESS.sub("", lead[-45:]))  # "อบต.หนองบัว หมู่ 5 ได้ 91"
                )
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
    # "ปี 68 = 87.75 ครับ": with no score word, one decimal value that its own year labels
    dated = len(cands) == 1 and not cands[0][2].is_int and (_rank_of(cands[0][1], cands[0][2]) or 0) > 2500
    if len(cands) == 1 and (scored or dated) and not (others and any(f.kind == "overall" for f in ex.found)):
        i, line, n = cands[0]
        # "ปีที่แล้วได้ 85": a lone value labelled as the past keeps that label (it is not this year's)
        past = _rank_of(line, n) in (LAST_YEAR, BEFORE_LAST)
        ex.found.append(
            Found("overall", "overall", n.value, i, False, year=_rank_of(line, n) if past else None)
        )
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
