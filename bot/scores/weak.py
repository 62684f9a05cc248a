"""Item codes an officer names as missing or failed, with no score: "ข้อ O13 O14 ยังไม่ได้เผยแพร่", "O5 ไม่ผ่าน"."""

from __future__ import annotations

import re
from functools import lru_cache

from pythainlp.tokenize import word_tokenize

from bot import wording
from bot.scores.clauses import CODE
from bot.scores.found import Extraction, Found
from bot.scores.prose import ITEM_KEYS
from bot.scores.prose import _codes as codes_of

# Item codes named as missing or failed, with no score: "ข้อ O13 O14 ยังไม่ได้เผยแพร่", "O5 ไม่ผ่าน".
_WEAK_WORD = re.compile(
    r"ยังไม่(?:ได้)?\s*+(?:เผยแพร่|ผ่าน|ครบ|มี|ส่ง|ทำ|ลง|ดำเนินการ|อัปโหลด|อัพโหลด|เปิดเผย)|ไม่ผ่าน|ไม่ครบ|ไม่ได้\s*+(?:เผยแพร่|ลง|ส่ง|คะแนน)|"
    r"ไม่มีข้อมูล|ขาด|ตกหล่น|missing|failed|not (?:yet )?published",
    re.I,
)
# An instruction, a deadline or a target about items is not a finding about them.
_NOT_A_FINDING = re.compile(r"ภายใน|ต้อง|ให้|เป้าหมาย|ควร|\?|ไหม|หรือเปล่า|มั้ย")
_ONECODE = re.compile(rf"(?<![A-Za-z])({CODE})")
# A finding and the advice after it often share a line ("… ขาดข้อมูลในหัวข้อ O13 … ดังนั้นควรปรับปรุง…",
# or a table row whose next cell says what to do): each cell and each sentence is judged on its own.
# (a run of spaces is tried from its first space only: linear in a line of spaces)
_CLAUSES = re.compile(r"\t|(?<!\s)\s++(?=ดังนั้น|จึง(?:ควร|ต้อง|ให้)|ทั้งนี้|โดยควร|อย่างไรก็ตาม)|(?<=[.!])\s++")


def named_weak_items(text: str, ranges: dict[str, int]) -> list[str]:
    """The item codes a message names as missing or failed without giving them a score, in order.

    Only a line that says so ("ยังไม่ได้เผยแพร่", "ไม่ผ่าน", "ขาด") and gives no instruction, deadline,
    target or question counts; ranges ("O20-O22") are expanded. No score is made up for them.
    """
    out: list[str] = []
    clauses = (c for line in text.split("\n")[:1500] for c in _CLAUSES.split(line[:1000])[:50])
    for line in map(_upper_codes, clauses):
        if not _WEAK_WORD.search(line) or _NOT_A_FINDING.search(line):
            continue
        taken: list[tuple[int, int]] = []
        for m in ITEM_KEYS.finditer(line):
            codes = codes_of(m.group("a"), m.group("b"), m.group("list")) or []
            out += codes
            taken.append((m.start(), m.end()))
        for m in _ONECODE.finditer(line):
            if not any(a <= m.start() < b for a, b in taken[-3:]):
                out.append(m.group(1).replace(" ", "").upper())
    return [c for c in dict.fromkeys(out) if 1 <= int(c[1:]) <= ranges.get(c[0], 0)][:200]


# A pass or fail verdict right after item codes: "O13 ไม่ผ่าน", "ข้อ O10 กับ O11 ไม่ผ่าน", "O30 ผ่านแล้ว".
_VERDICT = re.compile(
    r"[^\S\n]*+(?:ข้อ)?[^\S\n]*+(?:ก็|ยัง|นั้น|ทั้งหมด|ทั้งสอง|ทั้งคู่|[^\S\n])*+(?P<no>ไม่)?ผ่าน(?:เกณฑ์)?"
    r"(?=\s|$|[,;/)]|หมด|ทั้ง|แล้ว|ครับ|ค่ะ|คะ|นะ|จ้า|ส่วน|และ|กับ|(?P<glued>[ก-๛]))"
)
# A verdict before the codes it judges, with a word that introduces them: "ตกข้อ O7 O33",
# "ไม่ผ่านเกณฑ์ ได้แก่ O12 O15 และ O28", "ผ่านข้อ O1". Without such a word ("ไม่ผ่าน O5") the codes may
# belong to the next verdict, so they are left alone.
_VERDICT_BEFORE = re.compile(
    r"(?:(?P<no>ไม่)?ผ่าน(?:เกณฑ์)?|(?P<fell>ตก))[^\S\n]*+(?:ใน|ที่|มี|จำนวน)?[^\S\n]*+(?:\d{1,2}[^\S\n]*+(?=ข้อ|รายการ))?"
    r"(?:ข้อ(?:ที่)?|รายการ|ได้แก่|คือ|ดังนี้|:)(?:[^\S\n]*+(?:ข้อ(?:ที่)?|ได้แก่|คือ|ดังนี้|:))*+[^\S\n]*+$"
)
# Item codes typed in lower case in chat ("o13 o14 ไม่ผ่าน"): read as the upper-case codes they are.
_LOWER_CODE = re.compile(r"(?<![A-Za-z])[ieo](?=\s?\d)")


def _upper_codes(line: str) -> str:
    return _LOWER_CODE.sub(lambda m: m.group(0).upper(), line)


@lru_cache(maxsize=256)
def _word_ends(text: str) -> frozenset[int]:
    """Where the words of a short Thai text end, by pythainlp's dictionary segmentation."""
    ends, at = set(), 0
    for token in word_tokenize(text, engine="newmm", keep_whitespace=True):
        at += len(token)
        ends.add(at)
    return frozenset(ends)


def _whole_verdict(line: str, verdict: re.Match[str]) -> bool:
    """A verdict run into the next word (spaces squeezed: "ไม่ผ่านทำให้…") counts only where the
    verdict ends a word, not inside a longer one ("ผ่านพ้น", "ผ่านมือ")."""
    if verdict.group("glued") is None:
        return True
    word = line.find("ผ่าน", verdict.start())
    return verdict.end() - word in _word_ends(line[word : verdict.end() + 20])


_VALUE_NEXT = re.compile(r"[^\d\n]{0,12}?(?<![A-Za-z\d])\d")
_VERDICT_CELL = re.compile(
    r"(?:(?P<no>ไม่)?ผ่าน(?:เกณฑ์)?|(?P<fail>fail(?:ed)?)|pass(?:ed)?)(?:\s*+(?:ค่ะ|ครับ|คะ|นะ|จ้า|[.!]))*+", re.I
)  # (a closing particle may end the row: "…\tไม่ผ่าน ค่ะ")
_ASKED = re.compile(r"[^\S\n]*+(?:แล้ว)?[^\S\n]*+(?:หรือ)?(?:ยัง|ไหม|มั้ย|มั๊ย|เปล่า|ป่าว|ใช่ไหม|ใช่มั้ย|\?)")
# What a verdict is worth: OIT items are checked as published or not, 100 or 0 (IIT and EIT items are
# perception scores with no such value, so only O items are read).
PASS, FAIL = 100.0, 0.0


def item_verdicts(text: str, ranges: dict[str, int]) -> list[tuple[str, float]]:
    """O items given a pass or fail verdict and no number: (code, 100.0 or 0.0), in order.

    Read only where the verdict follows the codes directly in a clause that reports (no instruction,
    deadline, target or question) and holds no number after the verdict.
    """
    out: dict[str, float] = {}
    for row in text.split("\n")[:1500]:
        # a table row: the code in its first cell, a pass or fail column last ("O1\tโครงสร้าง\tผ่าน")
        cells = [c.strip() for c in row[:1000].split("\t")] if "\t" in row else []
        code = _ONECODE.fullmatch(_upper_codes(cells[0])) if len(cells) >= 2 else None
        verdict = _VERDICT_CELL.fullmatch(cells[-1]) if code else None
        if code and verdict and not any(re.search(r"\d", c) for c in cells[1:]):
            _judge(
                out,
                [code.group(1).replace(" ", "")],
                FAIL if verdict.group("no") or verdict.group("fail") else PASS,
                ranges,
            )
    clauses = (c for line in text.split("\n")[:1500] for c in _CLAUSES.split(line[:1000])[:50])
    for line in map(_upper_codes, clauses):
        if "ผ่าน" not in line and "ตก" not in line:
            continue
        spans: list[tuple[int, int, list[str]]] = []
        taken: list[tuple[int, int]] = []
        for m in ITEM_KEYS.finditer(line):
            spans.append((m.start(), m.end(), codes_of(m.group("a"), m.group("b"), m.group("list")) or []))
            taken.append((m.start(), m.end()))
        for m in _ONECODE.finditer(line):
            if not any(a <= m.start() < b for a, b in taken[-3:]):
                spans.append((m.start(), m.end(), [m.group(1).replace(" ", "").upper()]))
        judged_at: set[int] = set()
        for _start, end, codes in spans:
            verdict = _VERDICT.match(line, end)
            if verdict is None or _VALUE_NEXT.match(line, verdict.end()):
                continue  # "O13 ไม่ผ่าน ได้ 0 คะแนน": the number says it
            if _NOT_A_FINDING.search(line, 0, verdict.start()) or _ASKED.match(line, verdict.end()):
                continue  # "ต้องทำให้ O13 ผ่าน", "O13 ผ่านไหม"; a question later about something else is not
            if not _whole_verdict(line, verdict):
                continue
            judged_at.add(line.find("ผ่าน", verdict.start()))
            _judge(out, codes, FAIL if verdict.group("no") else PASS, ranges)
        for start, end, codes in spans:
            before = _VERDICT_BEFORE.search(line[max(0, start - 40) : start])
            if before is None or _VALUE_NEXT.match(line, end) or _ASKED.match(line, end):
                continue  # "ไม่ผ่านข้อ O5 ได้ 60": the number says it
            at = max(0, start - 40) + before.start()
            if at + (3 if before.group("no") else 0) in judged_at or _NOT_A_FINDING.search(line, 0, at):
                continue  # "O1 ไม่ผ่าน ข้อ O2 …": that verdict is O1's
            _judge(out, codes, FAIL if before.group("no") or before.group("fell") else PASS, ranges)
    return list(out.items())[:200]


def _judge(out: dict[str, float], codes: list[str], value: float, ranges: dict[str, int]) -> None:
    for code in codes:
        if code[0] == "O" and 1 <= int(code[1:]) <= ranges.get("O", 0):
            out.setdefault(code, value)


def add_verdicts(ex: Extraction, text: str, ranges: dict[str, int]) -> None:
    """Read the O items a message gives only a verdict ("O13 ไม่ผ่าน") as 0 or 100, each asked back once."""
    have = {f.key for f in ex.found if f.kind == "item"}
    read = [(code, value) for code, value in item_verdicts(text, ranges) if code not in have]
    for code, value in read:
        ex.found.append(Found("item", code, value, 0, False))
    for value, said in ((FAIL, wording.SCORES_VERDICT_FAIL), (PASS, wording.SCORES_VERDICT_PASS)):
        codes = [code for code, v in read if v == value]
        if codes:
            ex.unsure.append(
                wording.SCORES_UNSURE_VERDICT.format(
                    codes=", ".join(codes), said=said, value=value, first=codes[0]
                )
            )
