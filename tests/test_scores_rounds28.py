"""Conventions found with fresh dev rounds 28-30 and the perturbation check: several phrasings each."""

from __future__ import annotations

import time

import pytest

from bot.ita.framework import load_framework
from bot.scores import parse_scores
from tests.conftest import KNOWLEDGE_DIR

FW = load_framework(KNOWLEDGE_DIR)


def read(text: str):
    return parse_scores(text, FW)


# ---------------------------------------------------------------- the tools by their Thai names


@pytest.mark.parametrize(
    "text",
    [
        "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน 96.41 แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก 94.18 "
        "แบบวัดการเปิดเผยข้อมูลสาธารณะ 88.25",
        "ผู้มีส่วนได้ส่วนเสียภายใน 96.41 ภายนอก 94.18 และแบบตรวจการเปิดเผยข้อมูลสาธารณะ 88.25 ค่ะ",
        "ภายใน 96.41 ภายนอก 94.18 เปิดเผยข้อมูลสาธารณะ 88.25",
        "แบบวัดการรับรู้ผู้มีส่วนได้ส่วนเสียภายใน (IIT) 96.41\nแบบวัดการรับรู้ผู้มีส่วนได้ส่วนเสียภายนอก (EIT) 94.18\n"
        "แบบวัดการเปิดเผยข้อมูลสาธารณะ (OIT) 88.25",
    ],
)
def test_tools_by_their_thai_names(text):
    res = read(text)
    assert res.scores.tools == {"IIT": 96.41, "EIT": 94.18, "OIT": 88.25}
    assert res.scores.indicators == {}


def test_inside_alone_is_no_tool():
    assert read("การประชุมภายใน 3 ครั้ง").scores.is_empty()
    assert read("การเปิดเผยข้อมูล 80.5 ค่ะ").scores.indicators == {9: 80.5}


# ---------------------------------------------------------------- a denied value, then the one it is


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ขอแก้นะคะ ตัวชี้วัดที่ 4 ไม่ใช่ 78 ค่ะ เป็น 87", 87.0),
        ("ตัวชี้วัดที่ 4 ไม่ใช่ 78 ครับ 87", 87.0),
        ("ตัวชี้วัดที่ 4 ไม่ใช่ 78 นะคะ เป็น 87", 87.0),
        ("ตัวชี้วัดที่ 4 ไม่ได้ 78 แต่ได้ 87 ค่ะ", 87.0),
        ("ตัวชี้วัดที่ 4 ไม่ใช่ 78 นะคะ ที่ถูกคือ 87", 87.0),
        ("ตัวชี้วัดที่ 4 ไม่ใช่ 78.5 คือ 87.5", 87.5),
    ],
)
def test_a_denied_value_gives_way_to_the_next(text, value):
    assert read(text).scores.indicators == {4: value}


def test_a_denied_value_alone_is_no_score():
    assert read("ตัวชี้วัดที่ 4 ไม่ได้ 78 ค่ะ").scores.is_empty()


def test_a_denied_key_takes_back_its_value():
    res = read("EIT 88.15\nเอ้ย ไม่ใช่ EIT ค่ะ อันนั้นคือ OIT 88.15 ส่วน EIT ได้ 92.70")
    assert res.scores.tools == {"OIT": 88.15, "EIT": 92.7}
    assert res.error is None
    assert read("IIT 90.5\nไม่ใช่ IIT ครับ เป็น OIT 90.5").scores.tools == {"OIT": 90.5}


# ---------------------------------------------------------------- a target or a hypothetical governs its list


@pytest.mark.parametrize(
    "text",
    [
        "ปีงบ 69 ตั้งเป้าหมายไว้ว่า IIT ต้องได้ไม่ต่ำกว่า 95 EIT 95 OIT 90 และคะแนนรวมไม่ต่ำกว่า 92 ค่ะ",
        "เป้าหมายปีหน้า IIT อย่างน้อย 96 EIT 93 OIT 88",
        "ถ้า IIT ได้ 90 EIT 88 OIT 80 รวมแล้วจะได้เท่าไหร่คะ ผ่านไหม",
        "หากตัวชี้วัดที่ 9 ได้ 85 ตัวชี้วัดที่ 10 ได้ 90 จะผ่านไหมครับ",
        "สมมติว่า IIT 92.5 EIT 90.25 OIT 85.75 ภาพรวมจะเป็นเท่าไร",
    ],
)
def test_a_target_or_an_asked_hypothetical_is_no_result(text):
    res = read(text)
    assert res.scores.is_empty()
    assert res.error


def test_a_closed_target_aside_governs_nothing_after_it():
    res = read("EIT 88.6 (เป้า 90) / IIT 93.2 (เป้า 90) / OIT 76 (เป้า 85)")
    assert res.scores.tools == {"EIT": 88.6, "IIT": 93.2, "OIT": 76.0}


def test_if_i_remember_right_reports_a_fact():
    assert read("ถ้าจำไม่ผิด IIT ได้ 93.5 ค่ะ ใช่ไหมนะ").scores.tools == {"IIT": 93.5}


def test_a_comparison_bound_does_not_govern_the_next_value():
    res = read("IIT ได้ 85.5 ต่ำกว่าเกณฑ์ 90 EIT 88.25")
    assert res.scores.tools == {"IIT": 85.5, "EIT": 88.25}


# ---------------------------------------------------------------- short topic names, judgement degrees


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("ตัวชี้วัดที่ 1 96.12 ส่วนเรื่องงบได้ 94.80 แล้วก็เรื่องอำนาจ 97.05 นะคะ", {1: 96.12, 2: 94.8, 3: 97.05}),
        ("ด้านงบ 92.80 ด้านทรัพย์สิน 93.44", {2: 92.8, 4: 93.44}),
        ("หมวดสื่อสาร 86.72 หมวดปรับปรุง 87.9", {7: 86.72, 8: 87.9}),
    ],
)
def test_a_topic_word_and_the_start_of_a_name(text, expect):
    assert read(text).scores.indicators == expect


def test_a_topic_word_before_no_name_names_nothing():
    res = read("เรื่องนี้ได้ 85.5 ค่ะ")
    assert res.scores.indicators == {}


@pytest.mark.parametrize("words", ["ต่ำไปหน่อย", "ดีมากเลย", "สูงนิดนึง", "แย่จัง"])
def test_a_judgement_and_its_degree_stand_before_a_value(words):
    assert read(f"IIT ได้ 93.62 ส่วน OIT {words} 82.00").scores.tools == {"IIT": 93.62, "OIT": 82.0}


# ---------------------------------------------------------------- table columns that hold no score


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        (
            "เครื่องมือ | จำนวนข้อ | จำนวนผู้ตอบ | คะแนน\nIIT | 30 | 412 | 95.40\nEIT | 15 | 1,250 | 91.22\n"
            "OIT | 26 | - | 79.50",
            {"IIT": 95.4, "EIT": 91.22, "OIT": 79.5},
        ),
        (
            "เครื่องมือ\tคะแนน\tน้ำหนัก (%)\tคะแนนถ่วงน้ำหนัก\nIIT\t94.50\t30\t28.35\nEIT\t92.10\t30\t27.63\n"
            "OIT\t85.00\t40\t34.00",
            {"IIT": 94.5, "EIT": 92.1, "OIT": 85.0},
        ),
    ],
)
def test_count_and_weight_columns_hold_no_score(text, expect):
    res = read(text)
    assert res.scores.tools == expect
    assert res.scores.indicators == {}
    assert res.error is None


def test_a_rank_column_after_the_score():
    res = read("ตัวชี้วัด | คะแนน | ลำดับ\nการใช้อำนาจ | 99.75 | 1\nการใช้งบประมาณ | 99.38 | 2")
    assert res.scores.indicators == {3: 99.75, 2: 99.38}


def test_a_comparison_table_gives_the_earlier_year_too():
    res = read(
        "ตัวชี้วัด\tปี 2567\tปี 2568\n1 การปฏิบัติหน้าที่\t97.80\t99.12\n9 การเปิดเผยข้อมูล\t85.75\t92.50\n"
        "คะแนนรวม\t91.40\t96.79"
    )
    assert res.scores.year == 2568
    assert res.scores.indicators == {1: 99.12, 9: 92.5}
    assert res.scores.overall == 96.79
    assert res.previous is not None
    assert res.previous.year == 2567
    assert res.previous.indicators == {1: 97.8, 9: 85.75}
    assert res.previous.overall == 91.4


def test_many_header_rows_stay_linear():
    unit = "เครื่องมือ\tจำนวนข้อ\tคะแนน\nIIT\t30\t95.4\n"
    t0 = time.process_time()
    read((unit * 3000)[:58_000])
    assert time.process_time() - t0 < 3.0


# ---------------------------------------------------------------- years


@pytest.mark.parametrize(
    "text",
    [
        "ปีนี้ (2568) ได้ 95.01 ปีที่แล้วได้ 93.75 ค่ะ",
        "ปีนี้ (๒๕๖๘) ได้ ๙๕.๐๑ ปีที่แล้วได้ ๙๓.๗๕ ค่ะ",
        "ปี 2568 ได้ 95.01 ปีที่แล้วได้ 93.75",
        "ปีที่แล้ว (67) ได้ 93.75 ปีนี้ (68) ได้ 95.01",
    ],
)
def test_a_written_year_anchors_the_relative_ones(text):
    res = read(text)
    assert (res.scores.year, res.scores.overall) == (2568, 95.01)
    assert res.previous is not None
    assert (res.previous.year, res.previous.overall) == (2567, 93.75)


@pytest.mark.parametrize(
    "text",
    [
        "ปี 2567 IIT 90.12 EIT 88.40 รวม 81.66 / ปี 2568 IIT 93.05 EIT 90.77 รวม 89.35",
        "ปี 2567 คะแนนรวม 81.66\nIIT 90.12 EIT 88.40\nปี 2568 คะแนนรวม 89.35\nIIT 93.05 EIT 90.77",
    ],
)
def test_a_year_label_leads_its_section(text):
    res = read(text)
    assert (res.scores.year, res.scores.overall, res.scores.tools) == (
        2568,
        89.35,
        {"IIT": 93.05, "EIT": 90.77},
    )
    assert res.previous is not None
    assert (res.previous.year, res.previous.overall) == (2567, 81.66)
    assert res.previous.tools == {"IIT": 90.12, "EIT": 88.4}
    assert res.error is None


@pytest.mark.parametrize("said", ["ปีหกแปด", "ปีงบหกสิบแปด", "ปีสองห้าหกแปด"])
def test_a_year_said_in_words(said):
    res = read(f"ผลไอทีเอ{said}ได้เก้าสิบหกจุดเจ็ดเก้าคะแนน")
    assert (res.scores.year, res.scores.overall) == (2568, 96.79)


def test_one_two_or_more_said_is_no_year():
    assert read("ปีหนึ่งได้ 85.5 คะแนน").scores.year is None


def test_a_plan_year_after_a_long_plan_name():
    res = read(
        "กำลังจัดทำแผนมาตรการส่งเสริมคุณธรรมและความโปร่งใส ปีงบประมาณ 2569\nผล ITA ปีงบประมาณ 2568 ได้คะแนนรวม 93.52"
    )
    assert (res.fiscal_year, res.scores.year, res.scores.overall) == (2569, 2568, 93.52)


# ---------------------------------------------------------------- lists, glosses, breaks and copulas


def test_a_gloss_between_a_key_range_and_its_values():
    res = read("ตัวชี้วัด 1-3 (IIT) 95.63, 94.07, 96.88\nตัวชี้วัด 9-10 (OIT) 78.00, 87.50")
    assert res.scores.indicators == {1: 95.63, 2: 94.07, 3: 96.88, 9: 78.0, 10: 87.5}


@pytest.mark.parametrize(
    "text",
    [
        "คะแนนรวม 91.35\nการเปดเผยขอม\nูล 82.00\nการปองกันการทุจ\nริต 90.50",
        "คะแนนรวม 91.35\nการเปิดเผยข้อ\nมูล 82.00\nการป้องกันการทุ\nจริต 90.50",
    ],
)
def test_a_name_broken_across_lines(text):
    assert read(text).scores.indicators == {9: 82.0, 10: 90.5}


@pytest.mark.parametrize(
    "text",
    [
        "9 กับ 10 ได้ 72.5 ค่ะ กับ 78.75 ค่ะ ตัวชี้วัดนะคะ",
        "ตัวชี้วัดที่ 9 และตัวชี้วัดที่ 10 ได้ 72.5 ครับ และ 78.75 ครับ",
        "ตัวชี้วัดที่ 9-10 ได้ 72.50 ค่ะ, 78.75 ค่ะ",
    ],
)
def test_particles_between_listed_values(text):
    assert read(text).scores.indicators == {9: 72.5, 10: 78.75}


def test_a_particle_before_a_unit_word_still_ends_a_value():
    assert read("ข้อ O33 ได้ 0 ค่ะ ข้อ O34 ได้ 0 ค่ะ ข้ออื่นได้หมด").scores.items == {"O33": 0.0, "O34": 0.0}
    assert read("ตัวชี้วัดที่ 7 ได้ 84.21 ค่ะ เท่ากับปีที่แล้วเลย").scores.indicators == {7: 84.21}


@pytest.mark.parametrize(
    "text",
    [
        "9 ได้คะแนน 72.5 ส่วน 10 ได้คะแนน 80 (ตัวชี้วัดนะคะ)",
        "ตัวชี้วัด 9 เท่ากับ 72.5, ตัวชี้วัด 10 เท่ากับ 80",
        "ตัวชี้วัดที่ 9 ได้รับคะแนน 72.5 ตัวชี้วัดที่ 10 ได้รับคะแนน 80",
    ],
)
def test_the_longer_copulas(text):
    assert read(text).scores.indicators == {9: 72.5, 10: 80.0}


def test_a_value_under_a_label_and_its_colon():
    res = read("ตัวชี้วัดที่ 9:\n72.5\nตัวชี้วัดที่ 10:\n80 ควรทำอะไรก่อนคะ")
    assert res.scores.indicators == {9: 72.5, 10: 80.0}


def test_a_slash_between_a_label_and_its_value():
    res = read("ตัวชี้วัดที่ 1 / 97.5\nตัวชี้วัดที่ 2 / 96\nตัวชี้วัดที่ 3 / 98.25")
    assert res.scores.indicators == {1: 97.5, 2: 96.0, 3: 98.25}
    assert read("หนังสือที่ 33/2568 ตัวชี้วัดที่ 9 ได้ 80.5").scores.indicators == {9: 80.5}


# ---------------------------------------------------------------- corrections that name their key


@pytest.mark.parametrize(
    "text",
    [
        "ตัวชี้วัดที่ 9 ได้ 72.5\nตัวชี้วัดที่ 10 ได้ 80\nขอแก้ตัวชี้วัดที่ 9 เป็น 75 นะคะ",
        "ตัวชี้วัดที่ 9 ได้ 72.5 ตัวชี้วัดที่ 10 ได้ 80\nแก้ไข ตัวชี้วัดที่ 9 เป็น 75 ค่ะ",
        "ตัวชี้วัดที่ 9 ได้ 72.5, ตัวชี้วัดที่ 10 ได้ 80, แก้ตัวชี้วัดที่ 9 ให้เป็น 75",
    ],
)
def test_a_correction_names_its_key_and_a_whole_value(text):
    assert read(text).scores.indicators == {9: 75.0, 10: 80.0}


@pytest.mark.parametrize(
    "text",
    [
        "ตัวชี้วัดที่ 9 ได้ 72.5 เอ้ยไม่ใช่ ตัวชี้วัดที่ 10 ได้ 72.5",
        "ตัวชี้วัดที่ 9 ได้ 72.5\nเอ้ย ตัวชี้วัดที่ 10 ได้ 72.5 ค่ะ",
    ],
)
def test_a_value_moves_to_the_key_a_correction_names(text):
    assert read(text).scores.indicators == {10: 72.5}


def test_a_key_named_with_its_own_value_after_no_is_read():
    res = read("ไม่ใช่ตัวชี้วัดที่ 9 นะคะ ตัวชี้วัดที่ 10 ได้ 80.5")
    assert res.scores.indicators == {10: 80.5}


@pytest.mark.parametrize("text", ["IIT95.5 EIT90.2 OIT80", "iit95.5 eit90.2 oit80"])
def test_a_tool_glued_to_its_value(text):
    assert read(text).scores.tools == {"IIT": 95.5, "EIT": 90.2, "OIT": 80.0}


@pytest.mark.parametrize(
    "text", ["เป้าหมาย ITA ปี 69 คือ 95 คะแนน", "ตั้งเป้าไว้ที่ 95 คะแนนค่ะ ปีงบ 69", "เป้าหมายภาพรวมคือ 92"]
)
def test_a_target_said_with_a_copula_is_no_result(text):
    assert read(text).scores.is_empty()


@pytest.mark.parametrize(
    "text",
    [
        "ตัวชี้วัดที่ 9 ได้ 72.5 ขึ้นจากปีที่แล้ว 5 คะแนน",
        "ตัวชี้วัดที่ 9 ได้ 72.5 เพิ่มขึ้นจากปีก่อน 5",
        "ตัวชี้วัดที่ 9 ได้ 72.5 ลดลงจากครั้งก่อน 5 คะแนน",
    ],
)
def test_a_change_since_last_year_is_no_previous_score(text):
    res = read(text)
    assert res.scores.indicators == {9: 72.5}
    assert res.previous is None


def test_a_value_from_last_year_to_this_is_last_years():
    res = read("ตัวชี้วัดที่ 9 เพิ่มขึ้นจากปีที่แล้ว 65.5 เป็น 72.5")
    assert res.scores.indicators == {9: 72.5}


@pytest.mark.parametrize("text", ["ขอตัวอย่างมาตรการตัวชี้วัดที่ 9 ข้อ 1-3 ค่ะ", "อธิบายข้อ 2-5 ให้หน่อยครับ"])
def test_a_range_of_points_is_no_score(text):
    assert read(text).scores.is_empty()


@pytest.mark.parametrize(
    "text",
    [
        "ภาพรวม ITA 88.5 ภาพรวมจังหวัด 90.2",
        "ภาพรวมของเรา 88.5 ภาพรวมของจังหวัด 90.2",
        "ITA 88.5 คะแนนรวมระดับประเทศ 90.2",
    ],
)
def test_a_wider_groups_overall_is_a_benchmark(text):
    assert read(text).scores.overall == 88.5


@pytest.mark.parametrize(
    "text",
    ["เรียนพี่ครับ คะแนน 68 ออกแล้ว 89.75 ครับ ปีที่แล้ว 86.25", "ผล 68 ประกาศแล้วค่ะ 89.75 ปีที่แล้วได้ 86.25"],
)
def test_results_of_a_year_are_out(text):
    res = read(text)
    assert res.scores.overall == 89.75
    assert res.previous is not None
    assert res.previous.overall == 86.25


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("ตัวชี้วัดที่ 9-10 ได้ 75.00, 80.00.", {9: 75.0, 10: 80.0}),
        ("OIT: 9) 72.5 10) 80.", {9: 72.5, 10: 80.0}),
        ("ตัวชี้วัดที่ 9 ได้ 72.5.\nตัวชี้วัดที่ 10 ได้ 80.25.", {9: 72.5, 10: 80.25}),
    ],
)
def test_a_full_stop_after_the_last_value(text, expect):
    assert read(text).scores.indicators == expect


def test_a_number_broken_after_its_point_still_joins():
    assert read("ตัวชี้วัดที่ 9 ได้ 97.\n45").scores.indicators == {9: 97.45}


def test_an_ordered_run_of_bulleted_lines():
    text = "ส่งคะแนน ตัวชี้วัด 1-10 ค่ะ\n" + "\n".join(
        f"- {v}"
        for v in ("98.12", "96.47", "97.06", "95.29", "94.12", "90.48", "88.10", "86.90", "78.13", "81.25")
    )
    res = read(text)
    assert res.scores.indicators[1] == 98.12
    assert res.scores.indicators[10] == 81.25
