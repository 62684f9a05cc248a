"""Commands said in long polite sentences, memo frames and values closed by quotes or particles (issue 11)."""

import pytest

from bot.dialogue.command_keys import key_words
from bot.dialogue.command_words import Command, is_confirm, is_keep, parse_command
from bot.drafting.edit_memo import without_memo
from bot.drafting.edits import parse_edit


@pytest.mark.parametrize(
    ("text", "command", "args"),
    [
        ("ขอดูข้อมูลโปรไฟล์ของหน่วยงานที่ระบบบันทึกไว้ด้วยครับ", Command.PROFILE, ""),
        ("ดิฉันเพิ่งเริ่มใช้งานและยังไม่คล่อง ขอดูคำแนะนำวิธีใช้งานว่าสามารถสั่งการอะไรได้บ้างค่ะ", Command.HELP, ""),
        ("ขอเริ่มจัดทำแผนฉบับใหม่ตั้งแต่ต้น สำหรับโรงพยาบาลชุมชนอีกแห่งหนึ่งครับ", Command.NEW, ""),
        ("ขอยกเลิกการดำเนินการในครั้งนี้ไว้ก่อนนะคะ ท่านประสงค์จะหารือในที่ประชุมก่อน", Command.CANCEL, ""),
        ("ขอไฟล์แผนฉบับนี้เป็นเอกสาร Word ด้วยครับ จะนำไปจัดพิมพ์เสนอท่านลงนาม", Command.EXPORT, "word"),
        ("ขอความอนุเคราะห์จัดทำรายงานผลการดำเนินงานรอบ 6 เดือน ให้ด้วยนะคะ", Command.REPORT, "6"),
    ],
)
def test_a_command_said_in_a_polite_sentence_is_that_command(text, command, args):
    assert parse_command(text) == (command, args)


@pytest.mark.parametrize(
    "text",
    [
        "แผนเดิมยังไม่ต้องยกเลิกนะคะ เดี๋ยวหัวหน้าจะดูอีกครั้ง",  # the key word held back by a negation
        "รายงานผลต้องส่งสำนักงานจังหวัดภายในวันไหนคะ",  # a question
        "ขอบคุณที่ร่างให้นะคะ เดี๋ยวดาวน์โหลดไปเสนอผู้บริหาร",  # thanks, a remark
        "ขอไฟล์ word ด้วยค่ะ แล้วก็ยกเลิกที่ค้างไว้ทั้งหมด",  # two commands: neither is guessed
        "ย้อนกลับไปก่อนหน้าสองครั้งนะคะ แก้ผิดไปหลายจุด",  # a count the command does not take
        "ขอให้ร่างแผนเรื่องงบประมาณใหม่อีกครั้งนะคะ ยังไม่ตรง",  # names an indicator by its topic
    ],
)
def test_a_sentence_that_holds_back_asks_or_names_two_is_no_command(text):
    assert parse_command(text) is None


def test_a_negated_word_does_not_outvote_the_order_beside_it():
    text = "แผนที่ได้จัดทำค้างไว้เมื่อสัปดาห์ก่อน ขอใช้ต่อตามเดิมครับ ไม่ต้องเริ่มต้นใหม่"
    assert key_words(text) == ("keep", "")
    assert is_keep(text)
    assert parse_command(text) is None  # keep is an answer, not a command


def test_a_long_confirmation_confirms_and_a_short_sentence_stays_exact():
    assert is_confirm("ดิฉันได้ตรวจทานแผนทุกแถวร่วมกับคณะทำงานเรียบร้อยแล้ว ถูกต้องครบถ้วน ขอยืนยันแผนฉบับนี้ค่ะ")
    assert not is_confirm("ยังไม่ขอยืนยันแผนนะคะ ขอตรวจทานกับคณะทำงานอีกรอบก่อน")
    assert parse_command("ย้อนกลับไปหน้าแรก") is None


def test_a_memo_frame_is_cut_and_the_body_kept():
    memo = "เรียน ผู้ดูแลระบบ\nเรื่อง ขอปรับแผน\nขอให้ลบแถวที่ 6 ออกจากตาราง\nจึงเรียนมาเพื่อโปรดพิจารณาดำเนินการ"
    assert without_memo(memo) == "ขอให้ลบแถวที่ 6 ออกจากตาราง"
    assert without_memo("เรียน ทีมงาน ขอแก้แถว 2 ค่ะ รบกวนด้วยนะคะ") == "ขอแก้แถว 2 ค่ะ"
    assert without_memo("เรื่อง ขอไฟล์ word") == "เรื่อง ขอไฟล์ word"  # a subject alone is the message


def test_a_quoted_value_ends_at_its_closing_quote():
    cmd = parse_edit("ในมาตรการของข้อ O33 กรุณาเพิ่มขั้นตอน “แต่งตั้งคณะทำงานตรวจสอบข้อมูล” ต่อท้ายขั้นตอนเดิมด้วยค่ะ")
    assert cmd is not None and cmd.value == "แต่งตั้งคณะทำงานตรวจสอบข้อมูล"


def test_a_value_ends_with_its_sentence_but_a_particle_inside_a_word_stays():
    cmd = parse_edit("แถว 4 มาตรการเปลี่ยนเป็นลดขั้นตอนการให้บริการออนไลน์ครับแค่นี้แหละครับ")
    assert cmd is not None and cmd.value == "ลดขั้นตอนการให้บริการออนไลน์"
    cmd = parse_edit("แถว 3 มาตรการเปลี่ยนเป็น จัดทำคู่มือการใช้ดุลพินิจของผู้บังคับบัญชา ค่ะ")
    assert cmd is not None and cmd.value == "จัดทำคู่มือการใช้ดุลพินิจของผู้บังคับบัญชา"
    owners = parse_edit("ผู้รับผิดชอบข้อ O20 ขอเปลี่ยนเป็นงานประชาสัมพันธ์แต่เพียงหน่วยเดียวค่ะ ไม่ต้องระบุหน่วยอื่นแล้ว")
    assert owners is not None and owners.value == "งานประชาสัมพันธ์"
