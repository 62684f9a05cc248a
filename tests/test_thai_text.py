from bot.thai import clean_display, item_codes, normalize, tokenize


def test_thai_digits_become_arabic():
    assert normalize("คะแนน ๙๔.๓๙ ปี ๒๕๖๖") == "คะแนน 94.39 ปี 2566"


def test_zero_width_marks_are_removed_but_display_digits_kept():
    text = "การ\u200bเปิด\u200cเผย\ufeffข้อมูล ๙"
    assert normalize(text) == "การเปิดเผยข้อมูล 9"
    assert clean_display(text) == "การเปิดเผยข้อมูล ๙"


def test_decomposed_sara_am_is_composed():
    assert (
        normalize("คุณภาพการดํา\u0e4d\u0e32เนินงาน".replace("ดํา\u0e4d\u0e32", "ด\u0e4d\u0e32"))
        == "คุณภาพการดำเนินงาน"
    )


def test_segmentation_does_not_rely_on_spaces():
    words = tokenize("ขอตัวอย่างมาตรการเรื่องการเปิดเผยข้อมูล")
    assert "เปิดเผย" in words and "ข้อมูล" in words and "มาตรการ" in words
    assert all(" " not in w for w in words)


def test_item_codes_stay_whole_and_spaced_codes_join():
    words = tokenize("ข้อ O13 และ I 14 กับ E6")
    assert {"O13", "I14", "E6"} <= set(words)
    assert item_codes("ข้อ I 14, O13 และ E6 และ I14 อีกครั้ง") == ["I14", "O13", "E6"]


def test_item_codes_ignore_out_of_range_numbers():
    assert item_codes("I99 O0 E12") == ["E12"]


def test_a_lower_case_item_code_is_one_token_like_its_upper_case():
    from bot.thai import tokenize

    for code in ("o12", "e3", "i14"):
        assert code.upper() in tokenize(f"ข้อ {code} ต้องเผยแพร่อะไร"), tokenize(f"ข้อ {code} ต้องเผยแพร่อะไร")


def test_a_polite_particle_ending_a_question_does_not_eat_the_word_before_it():
    # The segmenter alone reads "ไหนคะ" as "ไห" + "นคะ", losing "ไหน".
    assert tokenize("อยู่ข้อไหนคะ", drop_stopwords=False)[-2:] == ["ไหน", "คะ"]
    assert tokenize("แบบวัดไหนครับ", drop_stopwords=False)[-2:] == ["ไหน", "ครับ"]
    assert "คะแนน" in tokenize("ได้กี่คะแนนคะ")  # a word that starts with คะ is left whole
