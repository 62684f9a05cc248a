"""Which layout a chat request names: fuzzy matching of Thai names and aliases (rapidfuzz).

The aliases are data (ALIASES). A message is cleaned of request words and particles
("ขอ", "หน่อย", "ครับ"), then each alias is compared with rapidfuzz's partial ratio, which
tolerates a typo or two and extra words around the name. A message that asks for a
layout ("แบบ...", "รูปแบบ", "layout", "เอกสาร...") needs a weaker match than one that
does not, so that a question about strengths or tools is not read as a layout request.
Thresholds were tuned on the dev half of benchmarks/layout_requests.py only.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from bot.thai import normalize, tokenize

ALIASES: dict[str, tuple[str, ...]] = {
    "default": ("แบบมาตรฐาน", "แบบเดิม", "ค่าเริ่มต้น", "แบบปกติ", "default", "ตารางมาตรการรายตัวชี้วัด"),
    "strengths-weaknesses": (
        "strengths-weaknesses",
        "strengths weaknesses",
        "จุดแข็งจุดอ่อน",
        "จุดอ่อนจุดแข็ง",
        "จุดแข็งกับจุดอ่อน",
        "จุดแข็งและจุดอ่อน",
        "แยกจุดแข็งจุดอ่อน",
        "swot",
    ),
    "analysis-then-table": (
        "analysis-then-table",
        "analysis then table",
        "วิเคราะห์แล้วตาราง",
        "วิเคราะห์ก่อนแล้วตาราง",
        "บทวิเคราะห์แล้วตาราง",
        "วิเคราะห์รายตัวชี้วัดแล้วตาราง",
        "วิเคราะห์และตารางเดียว",
        "วิเคราะห์ตารางตัวชี้วัดความสำเร็จ",
    ),
    "by-tool": (
        "by-tool",
        "by tool",
        "ตามเครื่องมือ",
        "แยกตามเครื่องมือ",
        "รายเครื่องมือ",
        "แบ่งตามเครื่องมือ",
        "ตามแบบวัด",
        "แยก iit eit oit",
        "iit eit oit",
    ),
    "item-gantt": (
        "item-gantt",
        "item gantt",
        "gantt",
        "gantt chart",
        "แกนต์",
        "แกนท์",
        "แกนต์ชาร์ต",
        "แผนภูมิแกนต์",
        "รายข้อ",
        "รายข้อคำถาม",
        "รายไตรมาส",
        "ช่องไตรมาส",
        "รายข้อพร้อมไตรมาส",
    ),
    "ranked-oit": (
        "ranked-oit",
        "ranked oit",
        "เรียงคะแนน",
        "เรียงลำดับคะแนน",
        "จัดอันดับคะแนน",
        "เรียงอันดับตัวชี้วัด",
        "จัดอันดับ",
        "นำด้วย oit",
        "เน้นหัวข้อ oit",
        "หัวข้อ oit ก่อน",
    ),
}
# Words that ask for a layout; with one of them a weaker match is enough.
CUES: tuple[str, ...] = ("แบบ", "layout", "เลย์เอาต์", "เลย์เอ้าท์", "format", "ฟอร์แมต", "เอกสาร", "ทรง")
# Request words and particles, removed before matching (as whole pythainlp words).
FILLERS: tuple[str, ...] = (
    "ให้หน่อย",
    "อยากได้",
    "เปลี่ยนเป็น",
    "กลับไปใช้",
    "ต้องการ",
    "รูปแบบ",
    "เอกสาร",
    "please",
    "layout",
    "หน่อย",
    "ครับ",
    "ค่ะ",
    "คะ",
    "นะ",
    "จ้า",
    "ขอ",
    "เอา",
    "ใช้",
    "แบบ",
)
WITH_CUE = 80  # tuned on dev: a typo in a 10-character name still scores above 80
WITHOUT_CUE = 92  # no request word: only a near-exact name
MARGIN = 3  # the best layout must beat the runner-up by this much
MIN_ALIAS_SHARE = 0.6  # a short alias may not match a long message by covering a small part of it


def clean(text: str) -> str:
    """Return the message lower-cased, typos of แ fixed, request words and punctuation removed."""
    text = normalize(text).lower().replace("เเ", "แ")
    text = re.sub(r"[\"'“”‘’!?.,:;()\[\]+/|–—-]", " ", text)
    # whole words only: "ขอ" goes, "ของ" and "คะแนน" stay
    return " ".join(w for w in tokenize(text, drop_stopwords=False) if w not in FILLERS)


def _similarity(alias: str, message: str) -> float:
    alias = clean(alias) or alias
    if not message:
        return 0.0
    if len(alias) >= len(message):
        return fuzz.ratio(alias, message)
    # partial: the alias against the best-matching part of the message, discounted when the
    # alias covers only a small part of a long message
    score = fuzz.partial_ratio(alias, message)
    share = len(alias.replace(" ", "")) / len(message.replace(" ", ""))
    return score if share >= MIN_ALIAS_SHARE else score * (0.9 + 0.1 * share / MIN_ALIAS_SHARE)


def scores(text: str) -> dict[str, float]:
    """Return each layout's best alias similarity (0–100) to the message."""
    message = clean(text)
    compact = message.replace(" ", "")
    out = {}
    for name, aliases in ALIASES.items():
        best = 0.0
        for alias in aliases:
            best = max(best, _similarity(alias, message), _similarity(alias.replace(" ", ""), compact))
        out[name] = best
    return out


def find_layout_name(text: str) -> str | None:
    """Return the name of the layout a message asks for, or None when it names none."""
    raw = normalize(text).lower().strip()
    if raw in ALIASES:  # the exact name, as on the command line
        return raw
    ranked = sorted(scores(text).items(), key=lambda kv: -kv[1])
    (best, top), (_, second) = ranked[0], ranked[1]
    has_cue = any(cue in raw for cue in CUES)
    needed = WITH_CUE if has_cue else WITHOUT_CUE
    if top >= needed and top - second >= MARGIN:
        return best
    return None
