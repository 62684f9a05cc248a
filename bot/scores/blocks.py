"""A block of labels, then a block of their values in the same order, as a PDF copy lays a table out.

    ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล            IIT          O1
    ตัวชี้วัดที่ 10 การป้องกันการทุจริต          EIT          O2
    85.75                               OIT          100.00
    90.00                               95.42        0.00
                                        88.10
                                        76.00

When k lines that each name one thing to score (and hold no value) are followed by k lines that each
hold one value, or by one line of k values and nothing else, the i-th value is the i-th label's.
Any other count pairs nothing: a value is never given to a label by guessing. Linear in the lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# A line that is one value: "85.75", "(90.00)", "88 คะแนน", "76.5%".
_ONE_VALUE = re.compile(
    r"\s*+(?:[-•*·▪●◦]\s++)?\(?\s*+(\d{1,3}(?:\.\d{1,2})?)\s*+\)?\s*+(?:คะแนน|%)?\s*+"
)  # (a bullet before it: "- 85.75")
# A line of values only: "96.50 88.25 91.00", "96.50 | 88.25 | 91.00".
_VALUES = re.compile(
    r"\s*+\d{1,3}(?:\.\d{1,2})?(?![\d.])(?:(?:\s*+[|,/]\s*+|\s++)\d{1,3}(?:\.\d{1,2})?(?![\d.]))++\s*+"
)
# A label line is short, and a block is at most a full item list (OIT has 50 items, with tools and overall).
MAX_LABEL_CHARS = 200
MAX_VALUES = 60
_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,2})?")
# A column heading alone on its line over the values: "คะแนน", "ผลคะแนน", "ร้อยละ", "Score".
_HEADING = re.compile(r"\s*+(?:ผล)?(?:คะแนน|การประเมิน)(?:ที่ได้)?\s*+(?:\(%\))?|\s*+(?:ร้อยละ|score|%)\s*+", re.I)


def _value(line: str) -> str | None:
    m = _ONE_VALUE.fullmatch(line)
    return m.group(1) if m and float(m.group(1)) <= 100 else None


def pair_blocks(lines: list[str], labels: Callable[[str], int]) -> list[str]:
    """Return the lines with each label of a label block followed by its value from the value block.

    `labels(line)`: how many things the line names to score when it holds no value (else -1).
    """
    out = list(lines)
    i, n = 0, len(lines)
    while i < n:
        if _value(lines[i]) is None and not _VALUES.fullmatch(lines[i]):
            i += 1
            continue
        # the value block: one line of several values, or a run of one-value lines (blank lines between)
        at: list[int] = []
        if _VALUES.fullmatch(lines[i]):
            values = _NUMBER.findall(lines[i])
            at, j = [i], i + 1
        else:
            values, j = [], i
            while j < n and (not lines[j].strip() or _value(lines[j]) is not None):
                if lines[j].strip():
                    values.append(_value(lines[j]) or "")
                    at.append(j)
                j += 1
        heads = _label_run(lines, i, len(values), labels) if 2 <= len(values) <= MAX_VALUES else None
        if heads is not None and all(float(v) <= 100 for v in values):
            for k, v in zip(heads, values, strict=True):
                out[k] = lines[k].rstrip() + " " + v
            for k in at:
                out[k] = ""
        i = max(j, i + 1)
    return out


def _label_run(lines: list[str], start: int, count: int, labels: Callable[[str], int]) -> list[int] | None:
    """The lines of exactly `count` one-label lines right before `start` (blank lines skipped), or None."""
    heads: list[int] = []
    k = start - 1
    while k >= 0 and _HEADING.fullmatch(lines[k]):
        k -= 1  # "คะแนน" over the values: the column's heading, not a label
    while k >= 0 and len(heads) <= count:
        if lines[k].strip():
            if len(lines[k]) > MAX_LABEL_CHARS or _VALUES.fullmatch(lines[k]) or labels(lines[k]) != 1:
                break
            heads.append(k)
        k -= 1
    return heads[::-1] if len(heads) == count else None
