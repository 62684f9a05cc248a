"""Cleaning what an officer typed: word patterns that forgive typing slips, and polite endings.

Used by the edit grammar (bot/drafting/edit_grammar.py) and by command reading
(bot/dialogue/understand.py). Cutting endings looks only at a short window before
the end each time, so it stays linear in the length of the message.
"""

from __future__ import annotations

import re
import unicodedata

from bot.drafting.edit_words import PARTICLES

# Keyboard slips that change no meaning: two sara e for sara ae ("เเถว"), a mark typed twice ("ก่่อน").
_DOUBLE_E = re.compile("\u0e40\u0e40")
# Zero-width spaces and word joiners a copy from Word or a web page carries between Thai words: they mark
# where words break, never a character of one ("แถว\u200b3" is "แถว3"). The emoji joiner stays.
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u2060\ufeff"))
_MARK_TWICE = re.compile("([\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])\\1+")
# A polite particle drawn out in chat ("ค่าาา", "คร้าบบ", "น้าาา", "ค่ะะ"): its last letter typed more than
# once, then no Thai letter. Read as the particle (the particle lists and the word-particles "ค่า", "คับ").
_CHAT_PARTICLES = ("ค่า", "คับ", "งับ", "ฮับ", "น้า", "นะค้า", "ค้าบ")
_DRAWN_PARTICLE = re.compile(
    "(?:"
    + "|".join(
        f"(?P<p{i}>{re.escape(p)}){re.escape(p[-1])}+"
        for i, p in enumerate(sorted({*PARTICLES, *_CHAT_PARTICLES}, key=len, reverse=True))
        if "\u0e01" <= p[-1] <= "\u0e4e"
    )
    + ")(?![\u0e01-\u0e4e])"
)


# Drawn out, these can only be particles, read as the usual ones ("น้า" alone is a relative and ends
# "หน้า"; "ค่า", "คับ" end "มูลค่า", "บังคับ").
_DRAWN_AS = {"น้า": "นะ", "ค่า": "ค่ะ", "คับ": "ครับ", "งับ": "ครับ", "ฮับ": "ครับ"}


def _undrawn(m: re.Match[str]) -> str:
    said = next(g for g in m.groups() if g)
    return _DRAWN_AS.get(said, said)


def tidy_thai(text: str) -> str:
    """Return text with Thai keyboard slips that change no meaning made regular, in linear time.

    "เเถว" (two sara e) is "แถว"; a vowel or tone mark typed twice is typed once; a particle drawn out
    ("ค่าาา", "คร้าบบ") is the particle; zero-width spaces are dropped. (pythainlp's
    normalize does this too, but it is quadratic on long runs, and a message may be any length.)
    """
    text = _MARK_TWICE.sub(r"\1", _DOUBLE_E.sub("\u0e41", text.translate(ZERO_WIDTH)))
    return _DRAWN_PARTICLE.sub(_undrawn, text)


def slips(word: str) -> str:
    """A word as a pattern that forgives left-out tone marks, mai han-akat and mai taikhu, and u/uu, i/ii slips."""
    out = []
    for ch in word:
        if ch in "่้๊๋":
            out.append("[่้๊๋]?")
        elif ch in "ุู":
            out.append("[ุู]")
        elif ch in "ิี":
            out.append("[ิี]")
        elif ch in "ั็":  # mai han-akat and mai taikhu are often left out ("เปน")
            out.append(f"{ch}?")
        elif "0" <= ch <= "9":  # a digit in a word list is typed Thai too ("อีก ๑ ข้อ")
            out.append(f"[{ch}{chr(0x0E50 + int(ch))}]")
        elif ch == " ":
            out.append(r"\s*")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def particle_words(*items: str) -> str:
    """Particles as one alternation, forgiving tone marks but not a left-out mai han-akat or mai taikhu:
    "ครับ" typed "ครบ" is the word "ครบ" (complete), which ends many KPIs ("เผยแพร่ครบ")."""
    return "|".join(slips(w).replace("ั?", "ั").replace("็?", "็") for w in sorted(items, key=len, reverse=True))


def words(*items: str) -> str:
    """Return the words as one alternation, longest first, each forgiving slips."""
    return "|".join(slips(w) for w in sorted(items, key=len, reverse=True))


# One particle (or connective) at the very end; searched only in a short window before the end,
# so cutting many of them stays linear in the message's length.
# A particle may be drawn out ("ครับบบ", "ค่าาา").
PARTICLE_END = re.compile(
    "(?:"
    + "|".join(
        f"(?:{particle_words(p)}){re.escape(p[-1])}*" for p in sorted(PARTICLES, key=len, reverse=True)
    )
    + ")$",
    re.I,
)
TAIL_WINDOW = 24


def is_decoration(ch: str) -> bool:
    """Tell whether a character is an emoji, a symbol or stray punctuation: never part of a value."""
    if ch in "\ufe0e\ufe0f\u200d":
        return True
    cat = unicodedata.category(ch)
    return cat in ("So", "Sk", "Cf") or ch in "!~^…,;、"


# Particles that also end real words ("มูลค่า", "บังคับ"), or would with a slip ("งับ" / "ปีงบ"): cut only
# where they stand as a word of their own.
_WORD_PARTICLE = re.compile(r"(?:ค่า|คับ|งับ|ฮับ)(?:า|บ)*$")


def _own_word_particle(text: str, start: int, end: int) -> int | None:
    """Where a trailing "ค่า"/"คับ" starts when pythainlp segments it as a word ("กองคลังค่า"), else None."""
    m = _WORD_PARTICLE.search(text, max(start, end - 8), end)
    if m is None:
        return None
    from pythainlp.tokenize import word_tokenize  # noqa: PLC0415 - ~0.1 s to import; only these endings need it

    window = text[max(start, end - TAIL_WINDOW) : end]
    words = [w for w in word_tokenize(window, engine="newmm", keep_whitespace=False) if w.strip()]
    if len(words) < 2 or not _WORD_PARTICLE.fullmatch(words[-1]):
        return None  # "มูลค่า", "บังคับ": one word, kept
    return end - len(words[-1])


def tail(text: str, start: int, end: int, ending: re.Pattern[str]) -> int:
    """Return where text[start:end] ends once trailing spaces, emoji and `ending` matches are cut."""
    while True:
        while end > start and (text[end - 1].isspace() or is_decoration(text[end - 1])):
            end -= 1
        m = ending.search(text, max(start, end - TAIL_WINDOW), end)
        if m is None or m.start() == end:
            own = _own_word_particle(text, start, end)
            if own is None or own <= start:
                return end
            end = own
            continue
        end = m.start()


def strip_polite(text: str) -> str:
    """Return text without trailing polite particles, softeners, emoji and stray punctuation."""
    text = text.strip()
    return text[: tail(text, 0, len(text), PARTICLE_END)].strip()


# "และ"/"กับ" split names when spaced, or when a unit's name follows ("กองคลังกับกองช่าง");
# "กองยุทธศาสตร์และงบประมาณ" stays one name.
_OWNER_SEPARATORS = re.compile(
    r"\s*(?:[,;、/\n&+]|\s*ร่วมกับ\s*|\s+และ\s+|\s+กับ\s+|\s+and\s+|(?:และ|กับ)(?=กอง|สำนัก|งาน|ฝ่าย|ส่วน|ศูนย์|กลุ่ม|หน่วย)"
    # after a space, before a person's post: "นายก อบต. และปลัด อบต."
    # (side by side too: "รองปลัดกับหัวหน้าสำนักปลัด", never "กำกับ")
    r"|(?:\s+|(?<=[ก-๙.]))(?:และ|(?<!ำ)กับ)(?=ปลัด|นายก|รอง|ผู้อำนวยการ|ผอ\.|หัวหน้า|ครู|เจ้าหน้าที่|นาย|นาง)"
    # dash bullets on one line: "- กองคลัง - กองช่าง"
    r"|\s+[-•]\s+(?=กอง|สำนัก|งาน|ฝ่าย|ส่วน|ศูนย์|กลุ่ม))\s*"
)


# A list's own numbering: "1. กองคลัง", "2) กองช่าง".
_NUMBERED = re.compile(r"^\d{1,2}\s*[.)]\s*")


# Names that say by themselves they are units. After a space one starts another owner when the name
# before is one too ("ฝ่ายบริหารงานทั่วไป ฝ่ายการเงินและบัญชี"); "งานการเงิน กองคลัง" is a section of a division.
_STRONG_UNIT = r"(?:กอง(?!ทุน)|สำนัก|ฝ่าย|ศูนย์|กลุ่มงาน|หน่วย(?!งาน))[ก-๙]"
_NEXT_UNIT = re.compile(rf"\s+(?={_STRONG_UNIT})")


def _units_side_by_side(part: str) -> list[str]:
    return _NEXT_UNIT.split(part) if re.match(_STRONG_UNIT, part) else [part]


def split_owners(value: str) -> list[str]:
    """Split an owners value on commas, semicolons, slashes, new lines and " และ ", and units side by side."""
    parts = (_NUMBERED.sub("", strip_polite(p).strip(" -•*\t")) for p in _OWNER_SEPARATORS.split(value))
    return list(dict.fromkeys(q for p in parts if p for q in _units_side_by_side(p) if q))
