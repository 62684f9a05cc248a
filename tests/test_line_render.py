"""LINE rendering limits: UTF-16 splitting, Thai marks, quick replies, bubble sizes, batching."""

from __future__ import annotations

import json

from bot.channels.line_render import (
    MAX_BUBBLE_BYTES,
    batches,
    card_bubble,
    card_carousels,
    render_reply,
    split_text,
    utf16_units,
)
from bot.dialogue.messages import Card, Choice, Reply


def test_utf16_units_counts_emoji_as_two():
    assert utf16_units("ก") == 1 and utf16_units("😀") == 2 and utf16_units("👩‍💼") == 5


def test_single_huge_line_is_cut_without_breaking_emoji_or_thai_marks():
    text = ("ที่" + "😀") * 4000  # no newlines, no spaces; marks follow their consonant
    pieces = split_text(text, 5000)
    assert "".join(pieces) == text
    assert all(utf16_units(p) <= 5000 for p in pieces)
    assert all(p[0] not in "่ี" for p in pieces)  # never starts with a vowel or tone mark


def test_split_prefers_spaces_in_long_lines():
    text = " ".join(["คำ"] * 3000)
    pieces = split_text(text, 1000)
    assert all(utf16_units(p) <= 1000 for p in pieces)
    assert " ".join(pieces).split() == text.split()


def test_blank_text_renders_nothing():
    assert split_text("   \n") == []
    assert render_reply(Reply(["", "  "]), []) == []


def test_choices_without_text_get_a_prompt_to_hang_on():
    [message] = render_reply(Reply(choices=[Choice("ใช่", "yes")]), [])
    assert message.text and message.quick_reply.items[0].action.data == "yes"


def test_huge_card_bubble_is_shrunk_under_10kb():
    card = Card("ก" * 500, "ข" * 200, tuple((f"ช่อง {i}", "ค" * 2000) for i in range(10)))
    bubble = card_bubble(card)
    assert len(json.dumps(bubble, separators=(",", ":"))) <= MAX_BUBBLE_BYTES


def test_carousels_respect_bubble_count_and_total_size():
    cards = [Card(f"แถว {i}", "ระดับ", (("มาตรการ", "ง" * 1000),)) for i in range(30)]
    messages = card_carousels(cards)
    sizes = [len(m.contents.contents) for m in messages]
    assert sum(sizes) == 30 and max(sizes) <= 12
    assert all(len(m.to_json()) <= 50_000 for m in messages)


def test_batches_of_five():
    assert [len(b) for b in batches(list(range(12)))] == [5, 5, 2]
