"""Owners cut down to the ones named: "เหลือแค่กองคลัง", "สำนักปลัดคนเดียวพอ ไม่ต้องมีกองอื่น".

Officers say the owners that stay rather than the ones that go: "แถว 3 ผู้รับผิดชอบเหลือแค่กองคลัง",
"ข้อ O33 ให้สำนักปลัดคนเดียว ไม่ต้องมีกองอื่น", "ตัวชี้วัด 9 เอาแค่กองช่างพอ หน่วยงานอื่นตัดออก". Such a
message is the whole-cell owners edit it means ("… ผู้รับผิดชอบเป็น กองคลัง"): the words that send the
others away ("ไม่ต้องมีกองอื่น") are no owner to take out, and "เหลือแค่" opens the owners that stay.
A message that sends the others away but names none to keep is asked back (only_owners).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from bot import wording
from bot.drafting.edit_command import EditAction, EditCommand, EditError
from bot.drafting.edit_targets import find_target
from bot.drafting.edit_text import words
from bot.drafting.edit_valueless import FIELD
from bot.drafting.edit_words import OWNER_WORDS, UNIT_WORDS

_UNITS_OF = r"(?:กอง|หน่วย(?:งาน)?|ฝ่าย|สำนัก|ส่วน|งาน|คน|ที่|ผู้รับผิดชอบ|ใคร)"
# The others sent away: "ไม่ต้องมีกองอื่น", "ไม่เอาหน่วยงานอื่น", "ตัดกองอื่นออกให้หมด", "กองอื่นไม่ต้อง".
_OTHERS_OUT = re.compile(
    rf"(?:ไม่ต้อง\s*(?:มี|ใส่|ให้|เอา|ใช้)?|ไม่เอา|ไม่ใช้|ตัด|เอา|ลบ|นำ)\s*(?:{_UNITS_OF}\s*)?อื่น(?:\s*ๆ)?"
    r"(?:\s*(?:ออก(?:ไป)?|ทิ้ง))?(?:\s*(?:ให้)?\s*(?:หมด|ทั้งหมด))?(?:\s*แล้ว)?"
    rf"|{_UNITS_OF}\s*อื่น(?:\s*ๆ)?\s*(?:ไม่ต้อง\s*(?:มี|ใส่)?|ไม่เอา|ตัด\s*ออก|เอา\s*ออก|ออก(?:ไป)?)(?:\s*(?:ให้)?\s*หมด)?(?:\s*แล้ว)?",
)
# The owners that stay: "เหลือแค่", "เหลือไว้เพียง", "เอาแค่", "ใช้เฉพาะ", before a unit's name.
_ONLY = re.compile(
    rf"(?:ให้\s*)?(?:เหลือ(?:ไว้)?\s*(?:แค่|เพียง|เฉพาะ)?|(?:เอา|ใช้|ให้)?\s*(?:แค่|เพียง|เฉพาะ))\s*(?=(?:{words(*UNIT_WORDS)}))",
    re.I,
)
_OWNER = re.compile(words(*OWNER_WORDS), re.I)
_UNIT = re.compile(rf"(?:{words(*UNIT_WORDS)})", re.I)
# "…คนเดียวพอ", "…อย่างเดียว", "…เท่านั้น": how many stay, no part of a name.
_ALONE = re.compile(
    r"\s*(?:(?:แค่|เพียง)?(?:คน|หน่วย(?:งาน)?|กอง|ที่)เดียว|อย่างเดียว|เท่านั้น)(?:\s*(?:ก็)?พอ(?:แล้ว)?)?"
    r"|(?<=\S)\s*(?:ก็)?พอ(?:แล้ว)?(?=\s|$|ค่ะ|ครับ|คะ|นะ|จ้า)"
)


def _other_fields(probe: str) -> bool:
    """A field word other than the owners' ("ขั้นตอนของแถว 1 ให้เหลือแค่ …" keeps steps)."""
    return any(m.lastgroup not in (None, "OWNERS") for m in FIELD.finditer(probe) if m.group(0) != "ตัวชี้วัด")


def only_rewrite(shown: str, probe: str, names: Mapping[str, int] | None = None) -> str | None:
    """Return the message as the owners edit it means, or None when it does not cut owners down.

    `shown` and `probe` are the same length (bot.drafting.edit_typos.probe_text).
    """
    others = _OTHERS_OUT.search(probe)
    only = _ONLY.search(probe)
    if others is None and only is None:
        return None
    if _other_fields(probe[: others.start()] + probe[others.end() :] if others else probe):
        return None
    text = shown
    if others is not None:
        text = text[: others.start()] + " " * (others.end() - others.start()) + text[others.end() :]
    target = find_target(probe, items=True, names=names) if only is not None else None
    if only is not None and target is not None:
        # "ผู้รับผิดชอบแถว 4 เอาสำนักปลัดออก เหลือกองช่างอย่างเดียว": the owners that stay are the cell
        stop = target.start if target.start > only.end() else len(text)
        text = f"{shown[target.start : target.end]} ผู้รับผิดชอบเป็น {text[only.end() : stop]}"
    elif only is not None:
        lead = "เป็น " if _OWNER.search(probe) else " ผู้รับผิดชอบเป็น "
        text = text[: only.start()] + lead + text[only.end() :]
    text = _ALONE.sub(" ", text)
    if not _OWNER.search(text):
        m = _UNIT.search(text)
        if m is None:
            return text
        text = text[: m.start()] + " ผู้รับผิดชอบเป็น " + text[m.start() :]
    return " ".join(text.split())


def only_owners(
    shown: str, probe: str, read: Callable[[str], EditCommand | None], names: Mapping[str, int] | None
) -> EditCommand | None:
    """Return the owners edit a message that keeps only some owners means, or None when it is no such message.

    `read` reads the rewritten message (the grammar, without this step). A message that sends the other
    owners away but names none to keep raises EditError: which unit stays is asked, nothing is taken out.
    """
    only = only_rewrite(shown, probe, names)
    if only is None:
        return None
    cmd = read(only)
    if cmd is not None and cmd.action is EditAction.OWNERS:
        return cmd
    target = find_target(probe, items=True, names=names)
    if _OTHERS_OUT.search(probe) is not None and target is not None:
        where = EditCommand(EditAction.OWNERS, target.kind, target.number, item=target.item).where_th()
        raise EditError(wording.EDIT_ONLY_WHICH.format(where=where))
    return None
