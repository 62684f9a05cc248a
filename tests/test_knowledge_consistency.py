"""Every I/E item code in every knowledge file names the indicator items.yaml gives it.

A recommendation or playbook entry filed under the wrong indicator is cited for
the wrong indicator (E15 was once drafted as an indicator 5 measure). This walks
every YAML file under knowledge/ rather than a list of known fields, so a new
file or field is checked too.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

KNOWLEDGE = Path(__file__).resolve().parents[1] / "knowledge"
ITEMS = yaml.safe_load((KNOWLEDGE / "framework" / "items.yaml").read_text(encoding="utf-8"))
INDICATOR_OF = {i["code"]: i["indicator"] for i in ITEMS["items"]}
TOOLS = yaml.safe_load((KNOWLEDGE / "framework" / "tools.yaml").read_text(encoding="utf-8"))
OIT_INDICATORS = {n for t in TOOLS["tools"] if t["code"] == "OIT" for n in t["indicators"]}
# "E15 (ตัวชี้วัดที่ 8)" written in prose (notes, sources)
_PROSE = re.compile(r"\b([IE]\d{1,2})\s*\(\s*(?:[^()]*?\s)?ตัวชี้วัดที่\s*(\d{1,2})\s*\)")
FILES = sorted(KNOWLEDGE.rglob("*.yaml"))


def _walk(node, where: str):
    """Yield (where, mapping) for every mapping, and (where, str) for every string."""
    if isinstance(node, dict):
        yield where, node
        for key, value in node.items():
            yield from _walk(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, f"{where}[{i}]")
    elif isinstance(node, str):
        yield where, node


def _codes(entry: dict) -> list[str]:
    codes = list(entry.get("items") or [])
    if isinstance(entry.get("code"), str):
        codes.append(entry["code"])
    return [c for c in codes if isinstance(c, str)]


def _mismatches(path: Path, root: Path = KNOWLEDGE) -> list[str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = []
    for where, node in _walk(data, path.relative_to(root).as_posix()):
        if isinstance(node, str):
            for code, number in _PROSE.findall(node):
                if code in INDICATOR_OF and INDICATOR_OF[code] != int(number):
                    found.append(
                        f"{where}: text says {code} is indicator {number}, items.yaml says {INDICATOR_OF[code]}"
                    )
            continue
        indicator = node.get("indicator")
        if not isinstance(indicator, int) or isinstance(indicator, bool):
            continue
        for code in _codes(node):
            if code in INDICATOR_OF and INDICATOR_OF[code] != indicator:
                found.append(
                    f"{where}: {code} under indicator {indicator}, items.yaml says {INDICATOR_OF[code]}"
                )
            elif re.fullmatch(r"O\d{1,2}", code) and indicator not in OIT_INDICATORS:
                found.append(f"{where}: OIT item {code} under indicator {indicator}, not an OIT indicator")
    return found


def test_items_yaml_is_the_reference() -> None:
    assert len(INDICATOR_OF) == 45
    assert INDICATOR_OF["E9"] == 7 and INDICATOR_OF["E15"] == 8 and INDICATOR_OF["E2"] == 6


@pytest.mark.parametrize("path", FILES, ids=[p.relative_to(KNOWLEDGE).as_posix() for p in FILES])
def test_every_item_code_names_its_own_indicator(path: Path) -> None:
    assert _mismatches(path) == []


def test_the_check_catches_a_wrong_label(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "recommendations:\n  - {text: x, items: [E15], indicator: 5, note: 'E9 (ตัวชี้วัดที่ 6)'}\n",
        encoding="utf-8",
    )
    assert len(_mismatches(bad, tmp_path)) == 2
