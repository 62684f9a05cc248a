"""Indicators named in passing after a topic word by the first letters of their name: "เรื่องงบได้ 94.80"
(การใช้งบประมาณ), "ด้านทรัพย์สิน 93.44". The run of letters after "เรื่อง", "ด้าน", "หมวด" or "ประเด็น"
names an indicator when its longest start found among the names' starts (two letters or more) starts
exactly one indicator's name: "เรื่องงบ" names indicator 2, "เรื่องการ…" and "เรื่องนี้" name none.
"""

from __future__ import annotations

import re

from bot.ita.framework import Framework

_SHORTEST = 2
_MARKED = re.compile(r"(?:เรื่อง|ด้าน|หมวด|ประเด็น)\s*+(?:การใช้|การ|ใช้)?([\u0e01-\u0e2e][\u0e01-\u0e4e]{1,24})")
_TABLES: dict[int, tuple[Framework, dict[str, int | None]]] = {}


def _starts(fw: Framework) -> dict[str, int | None]:
    cached = _TABLES.get(id(fw))
    if cached and cached[0] is fw:
        return cached[1]
    table: dict[str, int | None] = {}
    for ind in fw.indicators:
        for name in ind.all_names():
            for core in {name.removeprefix("การ"), name.removeprefix("การ").removeprefix("ใช้")}:
                for k in range(_SHORTEST, len(core) + 1):
                    seen = table.get(core[:k], ind.number)
                    table[core[:k]] = ind.number if seen == ind.number else None
    _TABLES[id(fw)] = (fw, table)
    return table


def marked_starts(line: str, fw: Framework) -> list[tuple[int, int, int]]:
    """(number, start, end) of each indicator named by a topic word and the start of its name."""
    table = _starts(fw)
    out = []
    for m in _MARKED.finditer(line):
        run = m.group(1)
        for k in range(len(run), _SHORTEST - 1, -1):
            if run[:k] in table:
                number = table[run[:k]]
                if number is not None and not re.match(r"[\u0e30-\u0e3a\u0e47-\u0e4e]", run[k:]):
                    out.append((number, m.start(), m.start(1) + k))
                break
    return out
