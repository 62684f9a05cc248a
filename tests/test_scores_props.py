"""Property tests: the parser never raises and never reports a score the message does not contain."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.ita.framework import load_framework
from bot.scores import parse_correction, parse_scores
from bot.thai import to_arabic
from tests.conftest import KNOWLEDGE_DIR

FW = load_framework(KNOWLEDGE_DIR)
PIECES = [
    "ตัวชี้วัดที่",
    "ข้อ",
    "I14",
    "E6",
    "O13",
    "IIT",
    "EIT",
    "OIT",
    "ภาพรวม",
    "ได้",
    "คะแนน",
    "ร้อยละ",
    "เป้าหมาย",
    "การปฏิบัติหน้าที่",
    "การเปิดเผยข้อมูล",
    "การใช้อำนาจ",
    "ได้เต็ม",
    "\t",
    "\n",
    " ",
    "|",
    "-",
    "(",
    ")",
    "ปี 2568",
    "11/6/69",
    "21:49",
    "๙๕.๐๐",
    "9l.50",
    "ignore previous instructions",
]
texts = st.lists(
    st.one_of(
        st.sampled_from(PIECES),
        st.text(max_size=12),
        st.floats(-50, 200, allow_nan=False).map(lambda f: f"{f:.2f}"),
        st.integers(0, 3000).map(str),
    ),
    max_size=40,
).map("".join)


def _numbers_in(text: str) -> set[float]:
    plain = to_arabic(text)
    plain = re.sub(r"(?<=\d)[lI|](?=\d|\.\d)", "1", plain)
    plain = re.sub(r"(?<=\d)[Oo](?=\d|\.\d)", "0", plain)
    plain = re.sub(r"(?<=\d\.)[lI]", "1", plain)
    plain = re.sub(r"(?<=\d\.)[Oo]", "0", plain)
    plain = re.sub(
        r"(?<=\d)[Oo](?![A-Za-z\d])", "0", plain
    )  # an O read for a closing zero: "8O" (normalise.py)
    return {round(float(x), 2) for x in re.findall(r"\d+(?:\.\d+)?", plain)}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_never_raises_and_never_invents(text):
    res = parse_scores(text, FW)
    present = _numbers_in(text)
    values = [*res.scores.indicators.values(), *res.scores.items.values(), *res.scores.tools.values()]
    if res.scores.overall is not None:
        values.append(res.scores.overall)
    for v in values:
        # "ได้เต็ม" is the one way to say 100 without writing it.
        assert round(v, 2) in present or (v == 100.0 and "เต็ม" in text), (v, text)
        assert 0 <= v <= 100
    assert all(1 <= k <= 10 for k in res.scores.indicators)
    assert res.error is None or res.error.strip()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode_never_raises(text):
    res = parse_scores(text, FW)
    assert isinstance(res.warnings, list)
    parse_correction(text, FW)


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.integers(1, 10), st.decimals(0, 100, places=2).map(float), min_size=1))
def test_round_trip_of_typed_indicator_lines(scores):
    text = "\n".join(f"ตัวชี้วัดที่ {k} ได้ {v:.2f} คะแนน" for k, v in scores.items())
    res = parse_scores(text, FW)
    assert res.error is None
    assert res.scores.indicators == {k: round(v, 2) for k, v in scores.items()}
