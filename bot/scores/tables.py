"""Find references (indicators, items, tools, overall) in pasted text and pair each with its score."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from bot import wording
from bot.ita.framework import Framework
from bot.scores.blocks import pair_blocks
from bot.scores.clauses import asked_after, blocked_below, govern
from bot.scores.found import MAX_COLUMNS, Extraction, Found, Header, Ref, header_row
from bot.scores.lines import EXPLICIT, ITEM, message_lines
from bot.scores.lists import keys_then_values, values_before_keys
from bot.scores.names import name_hits
from bot.scores.overall import lone_overall
from bot.scores.prose import FIX_MARK, TOPIC_MARKER, started_hits, topic_hits
from bot.scores.reading import (
    blank_groups,
    corrected,
    fixed_to,
    fixed_year,
    glossed_tools,
    late_fix,
    moved,
    note_years,
    ordered_run,
    pick_value,
    pick_year,
    record,
    values_below,
    window_stop,
)
from bot.scores.text import Num, numbers, tight_gap
from bot.scores.weak import add_verdicts, named_weak_items
from bot.scores.when import by_year, carry_past, section_years, tool_year, year_columns
from bot.scores.whose import OURS, THEIRS, last_end, ours_pending, pending_here, theirs
from bot.scores.years import line_years, plan_years

__all__ = ["ITEM", "ITEM_RANGES", "TOOL", "Extraction", "Found", "extract", "fixed_year", "pick_year"]

# Item code ranges of the 2563-2565 questionnaires; a wider O range covers later OIT lists.
ITEM_RANGES = {"I": 30, "E": 15, "O": 50}

EXPLICIT_KHO = re.compile(r"ข้อ(?:ที่)?\s*(\d{1,2})(?![\d.]\d|\d)")
IE_ITEM = re.compile(r"(?<![A-Za-z])[IEi]\s?\d{1,2}(?![\d]|\.\d)")  # an IIT/EIT item: item context
OCR_ITEM = re.compile(r"^\s*+(?:[-•*]\s*+|<p>\s*+)*+(1\d{1,2})(?=\s++\S)")
TOOL = re.compile(r"(?<![A-Za-z])(IIT|EIT|OIT)(?![A-Za-z])(\s*ส่วนที่\s*\d)?", re.IGNORECASE)
OVERALL = re.compile(
    r"คะแนนภาพรวม|ภาพรวม|คะแนนรวม|(?:คะแนน|ผล(?:การประเมิน)?)โดยรวม|ผลรวม|รวมทั้งสิ้น|ค่าคะแนนประเมินเฉลี่ย|คะแนนประเมินเฉลี่ย|คะแนนเฉลี่ย|"
    r"overall|total|^\s*(?:[-•*]\s*)?รวม(?=\s*(?:\t|$|\d|=|:))"
    # "รวม 89.9", "รวมทั้งหมด 80.99", "ทั้งหมด 85.5" as words (after a space, particle, สรุป/โดย/ยอด/เฉลี่ย)
    r"|(?=รวม|ทั้ง)(?:(?<![\u0e00-\u0e7f])|(?<=ค่ะ)|(?<=ครับ)|(?<=นะ)|(?<=สรุป)|(?<=โดย)|(?<=ยอด)|(?<=เฉลี่ย)|(?<=ลัพธ์))"
    r"(?:รวม(?:ทั้งหมด|ทั้งสิ้น|ทั้งหน่วยงาน|ทุกตัว|ทุกด้าน|แล้ว|ๆ)?|ทั้งหมด|ทั้งสิ้น)"
    r"(?=\s*+(?:ก็)?(?:ได้(?:รับ)?|เป็น|อยู่ที่|คือ|เท่ากับ)?\s*+[=:]?\s*+\d)",
    re.IGNORECASE,
)
ITEM_RANGE_AFTER = re.compile(r"\s*+(?:-|–|—|ถึง)\s*+[IEO]\s?\d")
# "ตัวชี้วัด 1-10": a range, not indicator 1; "ตัวชี้วัดที่ 1 - 98.40" is indicator 1 and its score.
RANGE_AFTER = re.compile(r"\s*+(?:-|–|—|ถึง)\s*+(\d{1,2})(?![\d.])")
# "ตัวชี้วัดที่ 1 ได้ 99.10 2 ได้ 98.75": a series goes on with bare numbers after a value.
SERIES = re.compile(
    r"(?:(?<=\d)|(?<=\d\))|(?<=คะแนน\))|(?<=\d คะแนน))(?:\s*+(?:ครับ|ค่ะ|คะ|นะ|จ้า|และ|กับ|ส่วน))*+(?:[ ,]++|\s*+/\s*+)(\d{1,2})(?![\d.])"
    r"(?=\s*+(?:ได้(?:รับ)?|=|:)|\s++\d{1,3}\.\d|\s*+\(\s*+\d{1,3}(?:\.\d++)?\s*+\))"
    # "ตัวชี้วัดที่ 5 ได้ 96.67 ค่ะ ส่วนที่ 6 ได้ 90.12": "ที่ N" goes on from the indicator before it.
    r"|(?:(?<=\d)|(?<=\d คะแนน))\s*+(?:(?:ครับ|ค่ะ|คะ|นะ|จ้า)\s*+)*+(?:ส่วน|และ|กับ|(?:แล้ว|ต่อมา|ถัดมา)?ก็)?\s*+ที่\s*+(\d{1,2})(?![\d.])(?=\s*+(?:ได้(?:รับ)?|=|:)|\s++\d{1,3}(?:\.\d++)?(?![\d/:.]))"
)
FULL_AFTER = re.compile(r"\s*+(?:ได้)?(?:คะแนน)?\s*+เต็ม\s*+(?:100|ร้อย)(?![\d.])")
WEAK_OVERALL = re.compile(r"(?<![A-Za-z])ITA(?![A-Za-z])")
LEAD = re.compile(r"^\s*(?:(?:IIT|EIT|OIT)\s+)?(?:[-•*]\s*)?(\()?(\d{1,2})([.)]?)(?=\s|\t|[\u0e00-\u0e7f])")


MAX_NUMBERS = 3000  # numbers + references; a full NACC page with every item and three years has < 1,000


# The owner named between an overall word and its value is a wider group: "ภาพรวมจังหวัด 90.2",
# "คะแนนเฉลี่ยของ อปท. ทั้งหมดในอำเภอ 86.3", "ค่าเฉลี่ยระดับประเทศ 87.44".
_WIDER_GROUP = re.compile(
    r"[^\d\n]{0,30}?(?:(?:ของ|ระดับ|ใน|ทั้ง)\s*+(?:ทั้ง)?(?:จังหวัด|ประเทศ|เขต|ภาค|อำเภอ|กระทรวง|กรม)|ทุกหน่วยงาน"
    r"|(?:หน่วยงาน|อปท|อบต|อบจ|เทศบาล|โรงเรียน|โรงพยาบาล|รพ|สถานศึกษา)\.?\s*+(?:ทั้งหมด|ทุกแห่ง|อื่นๆ))"
    r"|\s*+(?:จังหวัด|ประเทศ|เขต|ภาค|อำเภอ|กระทรวง)"
)
_IN_TITLE = re.compile(r"\s*+(?!ได้|ปี|คือ|เท่ากับ|อยู่ที่)[\u0e01-\u0e4e]")
_DENIED_KEY = re.compile(r"ไม่ใช่\s*+(?:ของ\s*+)?$")


def _refs(line: str, fw: Framework, item_context: bool, header: Header | None, warn: list[str]) -> list[Ref]:
    refs: list[Ref] = []
    for m in EXPLICIT.finditer(line):
        rng = RANGE_AFTER.match(line, m.end())
        if "." in m.group(1) or (rng and int(m.group(1)) < int(rng.group(1)) <= max(fw.indicator_numbers)):
            # 9.1-style sub-indicator, or a range "ตัวชี้วัด 1-5" (its end too): not a score target
            refs.append(Ref("sub", 0, m.start(), rng.end() if rng and "." not in m.group(1) else m.end()))
        else:
            refs.append(Ref("indicator", int(m.group(1)), m.start(), m.end()))
    for m in EXPLICIT_KHO.finditer(line):  # never overlaps EXPLICIT: that ends in digits, not "ข้อ"
        n = int(m.group(1))
        rng = RANGE_AFTER.match(line, m.end())
        if rng and n < int(rng.group(1)) <= max(fw.indicator_numbers):
            refs.append(Ref("sub", 0, m.start(), rng.end()))  # "ข้อ 1-3": a range of points, not a score
        elif n <= max(fw.indicator_numbers) or not item_context:
            refs.append(Ref("indicator", n, m.start(), m.end()))
    # A series goes on from the first indicator, or from an overall ("ภาพรวม 88 ค่ะ 9 ได้ 70 10 ได้ 80").
    lead_ref = refs[0] if refs and refs[0].kind == "indicator" else None
    if lead_ref is None:
        first_overall = OVERALL.search(line)
        if first_overall and not (refs and refs[0].start < first_overall.start()):
            lead_ref = Ref("overall", "overall", first_overall.start(), first_overall.end())
    if lead_ref is not None:
        for m in SERIES.finditer(line, lead_ref.end):
            g = 1 if m.group(1) else 2
            if int(m.group(g)) <= max(fw.indicator_numbers):
                refs.append(Ref("indicator", int(m.group(g)), m.start(g), m.end(g)))
    range_end = -1
    for m in ITEM.finditer(line):
        letter, n = m.group(1).upper(), int(m.group(2))
        item_range = ITEM_RANGE_AFTER.match(line, m.end())
        if item_range or m.start() < range_end:  # "O1-O99" that no value list claimed: a range, both ends
            range_end = item_range.end() if item_range else -1
            refs.append(Ref("sub", 0, m.start(), m.end()))
        elif 1 <= n <= ITEM_RANGES[letter]:
            refs.append(Ref("item", f"{letter}{n}", m.start(), m.end(), limit=600))
    has_item = any(r.kind == "item" for r in refs)
    ocr = OCR_ITEM.match(line) if item_context and not refs else None
    if ocr and 1 <= int(ocr.group(1)[1:]) <= ITEM_RANGES["I"]:
        refs.append(Ref("item", f"I{int(ocr.group(1)[1:])}", ocr.start(1), ocr.end(1), limit=600))
        has_item = True
    for m in TOOL.finditer(line):
        kind = "toolpart" if m.group(2) else "tool"
        refs.append(Ref(kind, m.group(1).upper(), m.start(), m.end(), strict=True))
    ranged = any(r.kind == "sub" for r in refs)
    for m in OVERALL.finditer(line):
        if ranged and "เฉลี่ย" in m.group(0):
            continue  # "ตัวชี้วัดที่ 1 - 5 ได้คะแนนเฉลี่ย 95": the average of a few, not the overall
        if _WIDER_GROUP.match(line, m.end()):  # "ภาพรวมจังหวัด 90.2": the province's, a benchmark
            refs.append(Ref("sub", 0, m.start(), m.end()))
        elif any(r.kind in ("indicator", "tool") and 0 <= m.start() - r.end <= 2 for r in refs):
            continue  # "ตัวชี้วัดที่ 9 รวมได้ 85.25", "IIT คะแนนรวม 95": the key's own total
        elif not theirs(line, m.start()):
            refs.append(Ref("overall", "overall", m.start(), m.end()))
    for m in WEAK_OVERALL.finditer(line):
        # "O25 การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร ได้ 50": "ITA" inside an item's title
        titled = _IN_TITLE.match(line, m.end()) and any(
            r.kind == "item" and r.end <= m.start() and not re.search(r"\d", line[r.end : m.start()])
            for r in refs
        )
        if not titled and not theirs(line, m.start()):
            refs.append(Ref("overall", "overall", m.start(), m.end(), weak=True))
    # Beside item codes, a name right after a code (no number between) is the item's title, not a key:
    # "O13 รายงานผลการจัดซื้อ… 0" ; "เรื่องการเปิดเผยข้อมูล 65.5 ส่วน E1 90" names indicator 9 still.
    titles = [r.end for r in refs if r.kind == "item"] if has_item else []
    _add_names(line, fw, refs, header, warn, bullet_ok=not item_context, titles=titles)
    refs.sort(key=lambda r: r.start)
    # "ทน.ขอนแก่นได้ 97.65 ตัวชี้วัด 9 ได้ 100 เลย ของเรายังไม่ประกาศ": every key of another agency's
    if pending_here(line):
        refs = [r for r in refs if r.kind in ("sub", "overall") or not ours_pending(line, r.start)]
    return glossed_tools(line, refs)


_YEAR_FIX = re.compile(r"เอ้ย|เอ๊ย|อุ๊ย|ขอแก้|ที่ถูก(?:ต้อง)?(?:คือ|เป็น)?|ไม่ใช่")


def _add_names(
    line: str,
    fw: Framework,
    refs: list[Ref],
    header: Header | None,
    warn: list[str],
    bullet_ok: bool,
    titles: list[int],
) -> None:
    lead = LEAD.match(line) if not titles else None  # (an item row's number is not an indicator's)
    for hit in name_hits(line, fw):
        if any(r.start <= hit.start < r.end for r in refs):
            continue
        if any(end <= hit.start and not re.search(r"\d", line[end : hit.start]) for end in titles):
            continue
        before = [
            r
            for r in refs
            if r.kind == "indicator"
            and not r.note
            and 0 <= hit.start - r.end <= 3
            and line[r.end - 1].isdigit()
        ]
        if before:  # "ตัวชี้วัดที่ 3 การใช้อำนาจ": the written number wins (not a name before it)
            ref = before[0]
            ref.end, ref.note = hit.end, "named"
            if ref.key != hit.number and not hit.misprint:
                ref.note = wording.SCORE_NAME_DIFFERS.format(key=ref.key, named=hit.number)
            continue
        if (
            lead
            and hit.start - lead.end() <= 4
            and not any(r.start < hit.start for r in refs if r.kind != "tool")
        ):
            number = int(lead.group(2))
            enumerated = bool(lead.group(1) or lead.group(3))
            labelled = bool(header and header.labelled) and not enumerated
            key = number if (labelled or hit.misprint) else hit.number
            note = ""
            if key != hit.number and not hit.misprint:
                note = wording.SCORE_ROW_NUMBER_WINS.format(number=number, named=hit.number)
            refs.append(Ref("indicator", key, lead.start(2), hit.end, note=note or "named"))
            continue
        if hit.misprint:
            continue
        if not bullet_ok and re.match(r"\s*[-•*]", line):
            continue  # sub-item bullets in item lists mention names in passing
        marked = bool(TOPIC_MARKER.search(line[max(0, hit.start - 9) : hit.start]))  # "เรื่องการสื่อสาร…ได้ 76"
        guess = line[hit.start : hit.end].strip() if hit.score - (hit.end - hit.start) / 100 < 99.5 else ""
        # "การใช้ทรัพย์สินของหลวง 97": the name's start found, the officer's own ending runs on to the value
        ends = [e for n, s, e in started_hits(line, fw) if n == hit.number and s <= hit.start < e]
        ref = Ref("indicator", hit.number, hit.start, hit.end, strict=not marked, limit=60, guess=guess)
        refs.append(replace(ref, end=max([hit.end, *ends])))
    for number, start, end, marked in topic_hits(line, fw):
        if any(end_ <= start and not re.search(r"\d", line[end_:start]) for end_ in titles):
            continue
        if not any(r.start - 3 <= start < r.end + 3 for r in refs):
            refs.append(Ref("indicator", number, start, end, strict=not marked, limit=40))
    # under a header with count or rank columns, "IIT | 30 | 412 | 95.40" starts with a count, not a label
    counted = header is not None and not header.labelled and any(r == "other" for r, _ in header.columns)
    # ("IIT\t1\t97.00" under "แบบวัด | ตัวชี้วัด | คะแนน" names indicator 1; "OIT\t70\t79.65" gives values)
    tool_row = (
        lead is not None
        and bool(re.match(r"\s*+(?:IIT|EIT|OIT)", line))
        and int(lead.group(2)) > max(fw.indicator_numbers)
    )
    if lead and not counted and not tool_row and not any(r.start <= lead.start(2) < r.end for r in refs):
        rest = line[lead.end() :]
        if re.match(
            r"\s*+(?:ได้|[:=\-–])?\s*+[(]?\s*+-?\d++(?:\.\d++)?[^\S\t]*+%?[^\S\t]*+[)]?[^\S\t]*+(?:[\u0e00-\u0e7f][^\d\t]*+)?(?:\t.*)?$",
            rest,
        ):
            refs.append(Ref("indicator", int(lead.group(2)), lead.start(2), lead.end()))


_PER = re.compile(r"ราย(?:ข้อ|ตัวชี้วัด|ด้าน|ประเด็น|เครื่องมือ)")


def _labels_only(line: str, fw: Framework, item_context: bool) -> int:
    """How many things a line names to score, when it holds no value of its own (else -1)."""
    if _PER.search(line):
        return 0  # "EIT รายข้อ": a heading over the labels, not one of them
    refs = [r for r in _refs(line, fw, item_context, None, []) if r.kind != "sub"]
    nums = numbers(line, [(r.start, r.end) for r in refs])
    if any(not n.blocked for n in nums):
        return -1
    return len({(r.kind, r.key) for r in refs if not r.weak and r.kind != "toolpart"})


def extract(text: str, fw: Framework) -> Extraction:
    """Read every score in a message, with the line it came from and whether it sat in a table."""
    ex = Extraction()
    lines = message_lines(text, fw, ex.warnings)
    item_context = bool(IE_ITEM.search("\n".join(lines)))
    lines = pair_blocks(lines, lambda line: _labels_only(line, fw, item_context))
    lines, grouped = blank_groups(lines)
    header: Header | None = None
    prev_header_line = -5
    lone_year: tuple[int, int] | None = None
    pending: tuple[Ref, int, bool] | None = None  # a label waiting for its value below; by year lines
    waiting: list[Ref] = []  # a line's references that found no value: the next line may give them in order
    counted = 0
    for i, line in enumerate(lines):
        for g in grouped.get(i, []):
            for key, value in g.pairs:
                ex.found.append(Found(g.kind, key, value, i, False, weak=g.shared))
            ex.score_years += line_years(line)
        if not line.strip():
            continue
        h = header_row(line)
        if h:
            if (
                header and prev_header_line >= i - 2 and len(header.columns) + len(h.columns) <= MAX_COLUMNS
            ):  # multi-row or one-cell-per-line header
                header = Header(
                    header.labelled or h.labelled, header.years + h.years, header.columns + h.columns
                )
            else:
                header = h
            prev_header_line = i
            ex.header_years += h.years
            # a year alone on its line labels the value on the next ("2567\n88.90\n2568\n90.55")
            lone_year = (i, h.years[0]) if len(h.years) == 1 and len(h.columns) == 1 else None
            continue
        ex.line_years[i] = line_years(line)
        if (fixing := _YEAR_FIX.search(line)) and len(line) <= 40 and not re.search(r"\d\.\d", line):
            ex.fixed_years += line_years(line[fixing.end() :])  # "เอ้ย ปี 68 ค่ะ ไม่ใช่ 67": the year fixed
        ex.plan_years += plan_years(line)
        refs = _refs(line, fw, item_context, header, ex.warnings)
        consumed = [(r.start, r.end) for r in refs]
        nums = numbers(line, consumed)
        govern(line, nums, lines[i + 1] if i + 1 < len(lines) else "")
        counted += len(nums) + len(refs)
        if counted > MAX_NUMBERS:  # a whole report, not a score message: read its start only
            ex.warnings.append(wording.SCORES_TOO_MANY_NUMBERS.format(limit=MAX_NUMBERS))  # refs count too
            break
        ex.numbers.append((i, line, nums, refs[0].start if refs else len(line)))
        note_years(line, refs, ex)
        table = "\t" in line
        if not refs and late_fix(ex, line, nums, i):
            pending = None
            continue
        if waiting and not refs and values_below(ex, waiting, line, nums, i):
            pending, waiting = None, []
            continue
        waiting = []
        # a line of ranges only ("(O1-O33)" under "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล") keeps the label waiting
        keyed = any(r.kind != "sub" for r in refs)
        if pending and not keyed:
            ref, at, by_years = pending
            # "ตัวชี้วัดที่ 10:" then "80 ควรทำอะไรก่อนคะ": a value opening the line under a label and its colon
            asked = lines[at].rstrip().endswith((":", "=")) and at == i - 1
            early = [
                n
                for n in nums
                if not n.blocked
                and n.start <= 30
                and (not n.is_int or n.cell or n.context or (asked and not line[: n.start].strip()))
                and (n.cell or not ref.weak)  # "คะแนน ITA" over "86.03": only a value alone on its line
                and not blocked_below(lines[at], (ref.start, ref.end), line, n, "".join(lines[i + 1 : i + 2]))
            ]
            above = lone_year[1] if lone_year and lone_year[0] == i - 1 else None
            if early and (not by_years or ex.line_years.get(i) or above):
                record(ex, ref, early[0], i, True, year=above)
                # "ภาพรวม" over "ปี 68 ได้ 88.5" and "ปี 67 ได้ 85.1": one value a year, on lines of their own
                yearly = ex.line_years.get(i) or above
                pending = (ref, i, True) if yearly and len(early) == 1 else None
                continue
            if i - at >= 3:
                pending = None
        elif keyed:
            pending = None
        starts, read_before = [n.start for n in nums], len(ex.found)
        listed = keys_then_values(line, refs, nums) or values_before_keys(line, refs, nums)
        for ref, n in listed:
            record(ex, ref, n, i, table)
        for j, ref in enumerate(refs):
            if listed and any(ref is r for r, _ in listed):
                continue
            stop = window_stop(line, refs, j)
            window = nums[bisect_left(starts, ref.end) : bisect_left(starts, stop)]
            if ref.kind == "sub":
                continue
            if _DENIED_KEY.search(line, max(0, ref.start - 16), ref.start) and all(n.blocked for n in window):
                # "EIT 88.15" then "เอ้ย ไม่ใช่ EIT ค่ะ อันนั้นคือ OIT 88.15": what was read for it is taken back
                ex.found = [f for f in ex.found if (f.kind, f.key) != (ref.kind, ref.key)]
                continue
            floor = refs[j - 1].end if j else 0
            if by_year(ex, ref, window, line, floor, i, table):
                continue
            chosen, fix = corrected(window, line)
            if chosen is None:
                chosen = fixed_to(ref, window, line, floor)  # "ขอแก้ตัวชี้วัดที่ 9 เป็น 75"
                fix = chosen is not None
            if chosen is None:
                chosen = pick_value(
                    ref, window, line, header if table or "  " in line.strip() else None, ex.warnings
                )
                fix = chosen is not None and bool(
                    FIX_MARK.search(line[floor : ref.start]) or FIX_MARK.search(line[ref.end : chosen.start])
                )
            full = FULL_AFTER.match(line, ref.end) if chosen is None else None
            if full and asked_after(line, full.end()):
                full = None  # "ตัวชี้วัดที่ 6 คะแนนเต็ม 100 ใช่ไหมคะ": the maximum asked about, not a result
            if full:  # "ตัวชี้วัดที่ 3 เต็ม 100": full marks with no other value
                chosen = Num(full.start(), full.end(), 100.0, "100", True, False)
            gap = line[ref.end : chosen.start] if chosen is not None else ""
            if chosen is not None and last_end(THEIRS, gap) > last_end(OURS, gap):
                chosen = None  # "คะแนน ITA ของ ทต.ข้างๆ ได้ 92": the owner named between is another agency
            if chosen is not None:
                moved(ex, ref, chosen, line, floor, i)
                year = year_columns(ex, ref, chosen, window, line, header, i) if header and table else None
                year = year or tool_year(ref, window, chosen, line)
                record(ex, ref, chosen, i, table, fix=fix, year=year)
            elif (
                j == len(refs) - 1
                and (not ref.weak or tight_gap(line[: ref.start] + line[ref.end :]))
                and not [n for n in window if not n.blocked]
            ):
                pending = (
                    ref,
                    i,
                    False,
                )  # a label alone on its line ("IIT", "คะแนน ITA"): its value may be below
        named = [r for r in refs if r.kind in ("indicator", "tool", "overall") and not r.weak]
        if len(named) >= 2 and len(ex.found) == read_before and not any(not n.blocked for n in nums):
            waiting = named
    section_years(ex, lines)
    carry_past(ex, lines)
    ex.years = line_years("\n".join(lines))
    ex.named_items = named_weak_items("\n".join(lines), ITEM_RANGES)
    add_verdicts(ex, "\n".join(lines), ITEM_RANGES)
    if not any(f.kind == "indicator" for f in ex.found):
        ordered_run(ex, fw)
    if not any(f.kind == "overall" for f in ex.found):
        lone_overall(ex, lines)
    return ex
