"""Conventions found with dev round 53 and composed messages: causes, not phrasings."""

from __future__ import annotations

import pytest

from bot.ita.framework import load_framework
from bot.scores import parse_scores
from tests.conftest import KNOWLEDGE_DIR

FW = load_framework(KNOWLEDGE_DIR)


def read(text: str):
    return parse_scores(text, FW)


# ---------------------------------------------------------------- a labelled list given full marks or none


@pytest.mark.parametrize(
    ("text", "indicators"),
    [
        ("ตัวชี้วัดที่ 1 2 3 ได้เต็ม 100 ค่ะ ตัวชี้วัดที่ 4 ได้ 98.20", {1: 100.0, 2: 100.0, 3: 100.0, 4: 98.2}),
        ("ตัวชี้วัดที่ 4, 5 ได้ 100", {4: 100.0, 5: 100.0}),
        ("ตัวชี้วัด 6 และ 7 ได้ 0 ค่ะ", {6: 0.0, 7: 0.0}),
    ],
)
def test_a_labelled_list_given_full_marks_or_none_shares_it(text, indicators):
    assert read(text).scores.indicators == indicators


# ---------------------------------------------------------------- "ส่วน" after a whole number opens a clause


@pytest.mark.parametrize("joiner", ["ส่วนได้", "ส่วน ได้", "ส่วนก็ได้"])
def test_as_for_after_a_whole_value_is_no_unit(joiner):
    res = read(f"ได้ 95 คะแนนในI1 {joiner} 96 คะแนนในI2 {joiner} 95 คะแนนในข้อ I3")
    assert res.scores.items == {"I1": 95.0, "I2": 96.0, "I3": 95.0}


def test_stakeholders_after_a_count_stay_a_count():
    assert read("IIT มีผู้มีส่วนได้ส่วนเสีย 45 คน").scores.is_empty()


# ---------------------------------------------------------------- a two-digit year is near now


@pytest.mark.parametrize("value", ["85", "88", "90", "๙๐"])
def test_a_score_sized_number_after_ita_is_the_score_not_a_far_year(value):
    res = read(f"แจ้งผลคะแนนค่ะ ITA {value}")
    assert res.scores.overall == float(85 if value == "85" else 88 if value == "88" else 90)
    assert res.scores.year is None


def test_a_near_two_digit_year_after_ita_is_still_a_year():
    res = read("ITA 68 ตัวชี้วัดที่ 1 90.5")
    assert (res.scores.year, res.scores.indicators) == (2568, {1: 90.5})


# ---------------------------------------------------------------- a line broken inside a clause


@pytest.mark.parametrize(
    ("text", "indicators", "items", "overall"),
    [
        ("ได้ 97.5\nคะแนนในตัวชี้วัด 1\nได้ 95.00 คะแนนในตัวชี้วัด 2", {1: 97.5, 2: 95.0}, {}, None),
        ("ได้ 70.20 คะแนนในข้อ\nE10 ได้ 68.95 คะแนนในข้อ E11", {}, {"E10": 70.2, "E11": 68.95}, None),
        ("ปี 2568 ตัวที่ 1 97.10, ตัวที่ 2\n96.40, ผลรวม 87.92 ค่ะ", {1: 97.1, 2: 96.4}, {}, 87.92),
        ("คะแนนภาพรวม\n88.42 และ ตัวชี้วัดที่ 9 ได้แค่ 72.50 เอง", {9: 72.5}, {}, 88.42),
        (
            "การปฏิบัติหน้าที่ 99.12, การใช้งบ\n98.40, การป้องกันการทุจริต 81.25",
            {1: 99.12, 2: 98.4, 10: 81.25},
            {},
            None,
        ),
        ("I9\n81.25, I17 79.50, I22 83.00", {}, {"I9": 81.25, "I17": 79.5, "I22": 83.0}, None),
    ],
)
def test_a_line_broken_inside_a_clause_reads_as_one_line(text, indicators, items, overall):
    s = read(text).scores
    assert (s.indicators, s.items, s.overall) == (indicators, items, overall)


@pytest.mark.parametrize(
    ("text", "indicators", "items"),
    [
        # each line a value and then its key: two clauses, not one
        ("72.50 = การเปิดเผยข้อมูล\n81.25 = การป้องกันการทุจริต", {9: 72.5, 10: 81.25}, {}),
        # names above, their values below in a column
        ("E1 ให้ข้อมูลอย่างชัดเจน\nE2 ปฏิบัติต่อผู้มาติดต่ออย่างเท่าเทียม\n90.50\n88.00", {}, {"E1": 90.5, "E2": 88.0}),
        # a heading "รายข้อ" is no label waiting for its code
        ("EIT รายข้อ\nE1 90.5\nE2 88", {}, {"E1": 90.5, "E2": 88.0}),
    ],
)
def test_lines_that_are_clauses_of_their_own_stay_apart(text, indicators, items):
    s = read(text).scores
    assert (s.indicators, s.items) == (indicators, items)


# ---------------------------------------------------------------- a year said as a time gone by


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("ตัวชี้วัดที่ 9 ได้ 75.5 เมื่อปี 66 ได้ 88.5", "indicators"),
        ("ตัวชี้วัดที่ 9 ได้ 75.5 ตอนปี 66 ได้ 88.5", "indicators"),
        ("ตัวชี้วัด 9 ได้ 75.5 เทียบกับปี 66 ที่ได้ 88.5", "indicators"),
        ("ภาพรวมได้ 75.5 ครับ ส่วนเมื่อปี 66 ได้ 88.5", "overall"),
    ],
)
def test_a_year_gone_by_labels_the_earlier_value_and_the_unlabelled_one_is_the_result(text, kind):
    res = read(text)
    got = res.scores.overall if kind == "overall" else res.scores.indicators.get(9)
    assert got == 75.5 and res.scores.year != 2566
    assert res.previous is not None and res.previous.year == 2566
    assert (res.previous.overall if kind == "overall" else res.previous.indicators.get(9)) == 88.5


def test_a_year_written_plainly_still_labels_its_value():
    res = read("ตัวชี้วัดที่ 9 ปี 66 ได้ 88.5")
    assert res.scores.year == 2566 and res.scores.indicators == {9: 88.5} and res.previous is None


# ---------------------------------------------------------------- a bad message broken across lines stays bad


@pytest.mark.parametrize(
    "text",
    [
        "ของ อบต.หนองบัว นะคะ ได้ 80\nกว่าๆ ค่ะ ยังไม่เห็นผลจริง",
        "อบรมเรื่องด้านการเปิดเผยข้อมูลสาธารณะ 1.5\nชั่วโมง",
        "EITคะแนนเต็ม 100\nใช่ไหมคะ",
        "สวัสดีค่ะ เป้าหมายปี\n2568 ตัวชี้วัดการป้องกันการทุจริต 76.86",
        "สวัสดีครับพี่\nเป้าหมาย\nตชว.5 85 และ ตัวชี้วัด 1 95",
        "สวัสดีค่ะ ค่าเป้าหมาย\nตัวชี้วัดคุณภาพการดำเนินงาน ร้อยละ 100",
        "สวัสดีค่ะ เป้าหมาย ด้านการใช้อำนาจ 85 และ\nEIT 100",
        "ผลสำรวจความพึงพอใจผู้รับบริการ\n81.86% ค่ะ",
    ],
)
def test_a_bad_message_broken_across_lines_is_still_rejected(text):
    res = read(text)
    assert res.error is not None and res.scores.is_empty()


def test_a_heading_then_its_value_alone_on_the_last_line_reads():
    assert read("คะแนนภาพรวม\n88.42").scores.overall == 88.42


# ---------------------------------------------------------------- zero said in words, and a number after "ส่วน"


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("O4 ห้าสิบ / O5 ศูนย์", {"O4": 50.0, "O5": 0.0}),
        ("ศูนย์ คือO10 ส่วนศูนย์ คือO19", {"O10": 0.0, "O19": 0.0}),
        ("O13 ศูนย์ และ ข้อ O14 หนึ่งร้อย", {"O13": 0.0, "O14": 100.0}),
    ],
)
def test_zero_said_alone_is_zero(text, items):
    assert read(text).scores.items == items


def test_a_spoken_value_after_as_for_is_read_and_a_part_stays_a_word():
    assert read("ส่วนเก้าสิบห้า คือตัวชี้วัดที่ 5").scores.indicators == {5: 95.0}
    assert read("ศูนย์ข้อมูลข่าวสาร ตัวชี้วัดที่ 9 ได้ 80.5").scores.indicators == {9: 80.5}
    assert normalise_keeps("ส่วนหนึ่ง")


def normalise_keeps(word: str) -> bool:
    from bot.scores.normalise import normalise

    return word in normalise(f"{word}ของงาน ตัวชี้วัดที่ 9 ได้ 80.5")


# ---------------------------------------------------------------- an item code's number is no value for a year bracket


def test_a_year_in_brackets_after_an_item_code_keeps_the_code():
    res = read("0 คือO8 และ 0 คือO9 (ปี 2568)")
    assert (res.scores.year, res.scores.items) == (2568, {"O8": 0.0, "O9": 0.0})


@pytest.mark.parametrize(
    ("text", "overall"),
    [
        ("ประสิทธิภาพการสื่อสาร ได้ 80.45 คะแนน และ คะแนน ITA\n91.80\nขอบคุณค่ะ", 91.8),
        ("สวัสดีค่ะ ITA\n94.37 ส่วนด้านการเปิดเผยข้อมูลสาธารณะ ได้ 88.50", 94.37),
    ],
)
def test_a_key_then_its_value_alone_on_the_next_line_before_a_closing(text, overall):
    assert read(text).scores.overall == overall


@pytest.mark.parametrize(
    "text",
    [
        "สวัสดีครับพี่\nค่าเฉลี่ยจังหวัด\n72.95 คะแนน\nจึงเรียนมาเพื่อโปรดทราบ",
        "สวัสดีครับพี่\nผลสำรวจความพึงพอใจผู้รับบริการ\n94.33%\nจึงเรียนมาเพื่อโปรดทราบ",
    ],
)
def test_another_measure_over_its_value_alone_stays_rejected(text):
    res = read(text)
    assert res.error is not None and res.scores.is_empty()
