"""A list of keys, then as many values in the same order: "IIT EIT OIT ได้ 96.1 89.3 และ 81.7 ตามลำดับ".

bot.scores.prose reads such lists of item codes and indicator numbers over the whole message; this
reads any references the line already found (tools, named indicators, the overall, codes) the same way,
so each value goes to the key in its place in the list, not all to the nearest key.
"""

from __future__ import annotations

import re

from bot.scores.found import Ref
from bot.scores.text import Num

# Between two keys of a list: separators and "and" only.
_KEY_SEP = re.compile(r"[\s,/、]*+(?:และ|กับ|,|/)?[\s,/]*+")
# Between the last key and the first value: score words only.
_LEAD = re.compile(r"(?:\s*+(?:ได้(?:รับ)?|คะแนน|เท่ากับ|เป็น|อยู่ที่|คือ|=|:|ตามลำดับ|ครับ|ค่ะ|คะ|นะ|ร้อยละ))*+\s*+")
# Between two values: separators, "and", a unit or a particle.
_VALUE_SEP = re.compile(r"\s*+(?:คะแนน|%)?\s*+(?:ค่ะ|ครับ)?[\s,/;]*+(?:และ|กับ)?[\s,/;]*+")
_KINDS = ("indicator", "tool", "overall", "item")


def keys_then_values(line: str, refs: list[Ref], nums: list[Num]) -> list[tuple[Ref, Num]]:
    """Pairs of a run of two or more keys and the run of as many values right after it (linear)."""
    keys = [r for r in refs if r.kind in _KINDS and not r.weak]
    usable = [n for n in nums if not n.blocked]
    out: list[tuple[Ref, Num]] = []
    k, v = 0, 0
    while k < len(keys):
        run = [keys[k]]
        while k + len(run) < len(keys):
            nxt = keys[k + len(run)]
            if nxt.start < run[-1].end or not _KEY_SEP.fullmatch(line, run[-1].end, nxt.start):
                break
            run.append(nxt)
        k += len(run)
        if len(run) < 2 or len({(r.kind, r.key) for r in run}) < len(run):
            continue
        while v < len(usable) and usable[v].start < run[-1].end:
            v += 1
        if v >= len(usable) or not _LEAD.fullmatch(line, run[-1].end, usable[v].start):
            continue
        values = [usable[v]]
        while len(values) < len(run) and v + len(values) < len(usable):
            n = usable[v + len(values)]
            if not _VALUE_SEP.fullmatch(line, values[-1].end, n.start):
                break
            values.append(n)
        following = usable[v + len(values)] if v + len(values) < len(usable) else None
        if len(values) != len(run) or (
            following and _VALUE_SEP.fullmatch(line, values[-1].end, following.start)
        ):
            continue  # not as many values as keys: left to the reader of each key
        if k < len(keys) and keys[k].start < values[-1].end:
            continue  # another key stands among the values
        out += list(zip(run, values, strict=True))
        v += len(values)
    return out


# A value, then what it belongs to: "72.50 = การเปิดเผยข้อมูล", "88 คะแนน คือ ภาพรวม", "80 - IIT".
_LINK = re.compile(
    r"[^\S\t]*+(?:คะแนน)?[^\S\t]*+(?:ค่ะ|ครับ|นะ)?[^\S\t]*+(?:=|:|-|–|คือ|เท่ากับ|เป็นของ|เป็นคะแนน(?:ของ)?|ของ|ใน|สำหรับ)[^\S\t]*+"
)
# What may stand before such a value: the line start, a bullet, or a separator after the pair before;
# before the first, a lead-in closed by a particle or a colon ("ส่งคะแนนค่ะ 72.50 = การเปิดเผยข้อมูล").
_OPENS = re.compile(r"[\s\-•*/,;|]*+(?:และ|ส่วน)?\s*+")
_LEAD_IN = re.compile(r"[^\d\n]{0,40}?(?:ค่ะ|ครับ|คะ|นะ|จ้า|:)[\s\-•*]*+")


def values_before_keys(line: str, refs: list[Ref], nums: list[Num]) -> list[tuple[Ref, Num]]:
    """A key with no value after it takes the value right before it, linked by "=", ":" or "คือ", when
    that value opens its stretch of the line (no earlier key can claim it): linear in the line."""
    keys = [r for r in refs if r.kind in _KINDS and not r.weak]
    usable = [n for n in nums if not n.blocked]
    out: list[tuple[Ref, Num]] = []
    v = 0
    floor = 0
    for j, ref in enumerate(keys):
        stop = keys[j + 1].start if j + 1 < len(keys) else len(line)
        while v < len(usable) and usable[v].end <= ref.start:
            v += 1
        before = usable[v - 1] if v else None
        after = [n for n in usable[v:] if n.start < stop]
        if (
            before is not None
            and not after
            and before.start >= floor
            and _LINK.fullmatch(line, before.end, ref.start)
            and (
                _OPENS.fullmatch(line, floor, before.start)
                or (not floor and _LEAD_IN.fullmatch(line, 0, before.start))
            )
        ):
            out.append((ref, before))
        floor = ref.end
    return out
