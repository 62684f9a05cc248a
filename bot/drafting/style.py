"""An agency's house style: how its own plans print headings, periods, step numbers, digits, owners.

Two agencies' plans differ in small forms long before they differ in content (the seeds: a
school numbers "๑." in Thai digits, a municipality heads "ตัวชี้วัดที่ 7 …" and prints "ต.ค. 68 –
ก.ย. 69", an องค์การมหาชน numbers "1)" and plans by quarter, an อบต. writes "มีนาคม ๒๕๖๕"). A plan
printed in one program's forms for every agency reads as that program's. So:

- `extract_style(text)` reads the forms from the text of the agency's own past plan (pure: no I/O;
  a form the text does not show stays None);
- `seeded_style(key)` chooses each form, deterministically by the agency (its name), among forms
  real agencies use, for an agency without a past plan;
- `house_style(key, text)` is the two together: the past plan's forms, the rest seeded.

`StyleProfile.as_dict()` is what a Draft keeps (`Draft.style`); bot.export.house prints with it.
The values are a contract with bot.export.house (FORMS below lists them).
"""

from __future__ import annotations

import re
import zlib
from dataclasses import asdict, dataclass, fields, replace

# Each form and the values it takes (bot.export.house prints each one):
#   heading:   "word" ตัวชี้วัดที่ 7 ประสิทธิภาพการสื่อสาร | "dot" 7. ประสิทธิภาพการสื่อสาร
#              | "bare" ตัวชี้วัดประสิทธิภาพการสื่อสาร | "name" ประสิทธิภาพการสื่อสาร
#   period:    "abbr" ต.ค. 68 – มี.ค. 69 | "full" ตุลาคม 2568 – มีนาคม 2569
#              | "fiscal" ตลอดปีงบประมาณ (a whole year; else ต.ค. 2568 – มี.ค. 2569)
#              | "quarter" ไตรมาสที่ 1 – 2 (ต.ค. 68 – มี.ค. 69) | "quarters" ไตรมาสที่ 1 – 2 (no months:
#              a plan by quarter columns) | "rounds" รอบ 6 เดือน – รอบ 12 เดือน (seed 002's period column)
#   dash:      "en" ต.ค. 68 – มี.ค. 69 | "hyphen" ต.ค. 68 - มี.ค. 69
#   years:     "short" ต.ค. 68 | "long" ต.ค. 2568 (abbreviated months; full names always say 2568)
#   whole:     a whole fiscal year in the "fiscal" form: "throughout" ตลอดปีงบประมาณ
#              | "fiscal_be" ปีงบประมาณ พ.ศ. 2569 | "throughout_be" ตลอดปีงบประมาณ พ.ศ. 2569
#   numbering: "dot" 1. | "paren" 1) | "both" (1)
#   digits:    "arabic" | "thai" (๑๒๓ in every number but item codes)
#   owners:    "lines" one unit a line | "slash" สำนักปลัด / กองคลัง | "space" สำนักปลัด กองคลัง
#   voice:     how its analyses are put (bot.drafting.analysis; voice.yaml analysis.registers):
#              "finding" what the result shows | "advice" what should be done first ("ควร…")
#              | "measures" what the indicator measures, then the result | "cause" the result "เนื่องจาก…"
FORMS: dict[str, tuple[str, ...]] = {
    "heading": ("word", "dot", "bare", "name"),
    "period": ("abbr", "full", "fiscal", "quarter", "quarters", "rounds"),
    "dash": ("en", "hyphen"),
    "years": ("short", "long"),
    "whole": ("throughout", "fiscal_be", "throughout_be"),
    "numbering": ("dot", "paren", "both"),
    "digits": ("arabic", "thai"),
    "owners": ("lines", "slash", "space"),
    "voice": ("finding", "advice", "measures", "cause"),
}
# The text read is bounded: a past plan's first characters show its forms.
MAX_TEXT = 200_000

_D = "[0-9๐-๙]"
_START = "[ก-ฮเ-ไ]"  # a Thai word starts with a consonant or a leading vowel (never a digit)
_ABBR = r"(?:ต\.ค\.|พ\.ย\.|ธ\.ค\.|ม\.ค\.|ก\.พ\.|มี\.ค\.|เม\.ย\.|พ\.ค\.|มิ\.ย\.|ก\.ค\.|ส\.ค\.|ก\.ย\.)"
_FULL = "(?:ตุลาคม|พฤศจิกายน|ธันวาคม|มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน)"
# The ten indicators' names as plans print them (the ITA's standing names, not one year's list).
_NAMES = (
    "(?:การปฏิบัติหน้าที่|การใช้งบประมาณ|การใช้อำนาจ|การใช้ทรัพย์สินของราชการ|การแก้ไขปัญหาการทุจริต"
    "|คุณภาพการดำเนินงาน|ประสิทธิภาพการสื่อสาร|การปรับปรุง(?:ระบบ)?การทำงาน|การเปิดเผยข้อมูล|การป้องกันการทุจริต)"
)
_PATTERNS: dict[tuple[str, str], re.Pattern[str]] = {
    ("period", "abbr"): re.compile(rf"{_ABBR}\s*{_D}{{2,4}}"),
    ("period", "full"): re.compile(rf"{_FULL}\s*(?:พ\.ศ\.\s*)?{_D}{{4}}"),
    ("period", "quarter"): re.compile(rf"ไตรมาส\s*(?:ที่\s*)?{_D}"),
    ("period", "fiscal"): re.compile(rf"ปีงบประมาณ\s*(?:พ\.ศ\.\s*)?{_D}{{4}}"),
    # report rounds as a period (seed 002's period column: "-รอบ 6 เดือน -รอบ 12 เดือน")
    ("period", "rounds"): re.compile(rf"รอบ\s*{_D}{{1,2}}\s*เดือน"),
    # a quarter with its months beside it ("ไตรมาสที่ 1 (ต.ค. – ธ.ค. 68)"); without: quarter columns
    ("quarter", "months"): re.compile(rf"ไตรมาส\s*(?:ที่\s*)?{_D}[^\n\t]{{0,12}}?(?:{_ABBR}|{_FULL})"),
    # a range's dash between two months (with or without the first month's year)
    ("dash", "en"): re.compile(rf"(?:{_ABBR}|{_FULL})\s*(?:{_D}{{2,4}})?\s*–\s*(?:{_ABBR}|{_FULL})"),
    ("dash", "hyphen"): re.compile(rf"(?:{_ABBR}|{_FULL})\s*(?:{_D}{{2,4}})?\s*-\s*(?:{_ABBR}|{_FULL})"),
    ("years", "short"): re.compile(rf"{_ABBR}\s*{_D}{{2}}(?!{_D})"),
    ("years", "long"): re.compile(rf"{_ABBR}\s*(?:พ\.ศ\.\s*)?{_D}{{4}}"),
    ("whole", "fiscal_be"): re.compile(rf"(?:^|\t)\s*ปีงบประมาณ\s*พ\.ศ\.\s*{_D}{{4}}\s*(?:\t|$)", re.M),
    ("whole", "throughout"): re.compile(r"ตลอดปีงบประมาณ(?!\s*(?:พ\.ศ\.\s*)?[0-9๐-๙])"),
    ("whole", "throughout_be"): re.compile(rf"ตลอดปีงบประมาณ\s*(?:พ\.ศ\.\s*)?{_D}{{4}}"),
    ("numbering", "dot"): re.compile(rf"(?:^|[\t ])(?<!\(){_D}{{1,2}}\.\s?{_START}", re.M),
    ("numbering", "paren"): re.compile(rf"(?:^|[\t ])(?<!\(){_D}{{1,2}}\)\s?{_START}", re.M),
    ("numbering", "both"): re.compile(rf"\({_D}{{1,2}}\)\s?{_START}"),
    # a heading starts a line or a table cell (prose names indicators too: "…ตัวชี้วัดที่ 9 ได้…")
    ("heading", "word"): re.compile(rf"(?:^|\t)\s*ตัวชี้วัดที่\s*{_D}{{1,2}}", re.M),
    ("heading", "dot"): re.compile(rf"(?:^|\t)\s*{_D}{{1,2}}\s*[.)]\s*{_NAMES}", re.M),
    ("heading", "bare"): re.compile(rf"(?:^|\t)\s*ตัวชี้วัด\s?{_NAMES}", re.M),
    ("heading", "name"): re.compile(rf"(?:^|\t)\s*{_NAMES}\s*(?:\t|$)", re.M),
    # an analysis cell that opens with what should be done (seed 002: "- ควรมีการปรับปรุง…"), with
    # what the indicator measures (seeds 000, 004: "เป็นตัวชี้วัดที่มีวัตถุประสงค์เพื่อประเมิน…"), or
    # that gives the result's cause ("…ต่ำที่สุด เนื่องจาก…")
    ("voice", "advice"): re.compile(r"(?:^|\t)\s*-?\s*ควร(?:มี|ต้อง|จัด|เพิ่ม|พัฒนา|ปรับปรุง|ส่งเสริม|เร่ง)", re.M),
    ("voice", "measures"): re.compile(r"มีวัตถุประสงค์เพื่อประเมิน|เป็นคะแนนจาก"),
    ("voice", "cause"): re.compile(r"(?:ต่ำ|น้อย)ที่สุด\s*เนื่องจาก|ไม่ผ่านเกณฑ์\s*เนื่องจาก"),
    ("owners", "slash"): re.compile(r"(?:กอง|สำนัก|งาน|ฝ่าย|ส่วน)[ก-๙.]*\s*/\s*(?:กอง|สำนัก|งาน|ฝ่าย|ส่วน|ทุก)"),
}
# A form is read only when the text shows it this many times (one stray mention is not a style).
MIN_SEEN = 2
# The fiscal-year form is how a plan without month ranges dates its work: it counts only when no
# month range or quarter is seen (every plan names its fiscal year in its title).
_DATED = ("abbr", "full", "quarter")


@dataclass(frozen=True)
class StyleProfile:
    """The forms one agency's plan prints in; None: not known (the seeded choice fills it)."""

    heading: str | None = None
    period: str | None = None
    dash: str | None = None
    years: str | None = None
    whole: str | None = None
    numbering: str | None = None
    digits: str | None = None
    owners: str | None = None
    voice: str | None = None

    def as_dict(self) -> dict[str, str]:
        """Return the known forms as Draft.style keeps them."""
        return {k: v for k, v in asdict(self).items() if v}

    @classmethod
    def from_dict(cls, values: dict[str, str] | None) -> StyleProfile:
        """Return a profile from Draft.style, dropping anything that is not a known form."""
        values = values or {}
        return cls(**{f.name: values[f.name] for f in fields(cls) if values.get(f.name) in FORMS[f.name]})

    def over(self, base: StyleProfile) -> StyleProfile:
        """Return this profile with its unknown forms taken from `base`."""
        return replace(base, **self.as_dict())


def _count(text: str, form: str, value: str) -> int:
    pattern = _PATTERNS.get((form, value))
    return len(pattern.findall(text)) if pattern else 0


def _most(counts: dict[str, int]) -> str | None:
    best = max(counts, key=lambda k: counts[k]) if counts else None
    return best if best is not None and counts[best] >= MIN_SEEN else None


def extract_style(text: str) -> StyleProfile:
    """Return the forms the text of an agency's own plan shows (pure; forms it does not show are None).

    Heading, period, step numbering and owners: the most frequent form, when seen at least twice.
    Digits: Thai when Thai digits are at least as many as Arabic ones (item codes and years in
    Latin text aside, a plan typed in Thai digits shows them everywhere).
    """
    text = (text or "")[:MAX_TEXT]
    # the plan's table rows (tab-separated cells) when it has any: its prose may name periods, rounds
    # or indicators in other forms than its rows print (seed 004's analysis lists indicators by number)
    cells = "\n".join(line for line in text.split("\n") if "\t" in line) or text
    dated = {v: _count(text, "period", v) for v in _DATED}
    period = _most(dated)
    if dated["quarter"] >= MIN_SEEN and dated["quarter"] >= max(dated.values()):
        period = "quarter"  # quarters with their months beside them: as many months as quarters
    if period == "quarter" and _count(text, "quarter", "months") < MIN_SEEN:
        period = "quarters"  # quarter columns, their months never printed (seed 003's Gantt)
    if period is None and _count(cells, "period", "rounds") >= MIN_SEEN:
        period = "rounds"  # rows dated by the report rounds they are reported in (seed 002)
    if period is None and _count(text, "period", "fiscal") >= MIN_SEEN:
        period = "fiscal"
    thai = len(re.findall("[๐-๙]", text))
    arabic = len(re.findall("[0-9]", re.sub(r"[IEOieo]\s?\d{1,2}", "", text)))
    digits = None if thai + arabic < 10 else ("thai" if thai >= arabic else "arabic")
    slash = _count(text, "owners", "slash")
    # a numbered heading ("ตัวชี้วัดที่ 7", "7. …") is the plan's own; a name alone at a line's start
    # may be any list of indicators, so it counts only when no numbered form is seen
    heads = {v: _count(cells, "heading", v) for v in FORMS["heading"]}
    heading = _most({v: heads[v] for v in ("word", "dot")}) or _most({"bare": heads["bare"]}) or _most(heads)
    return StyleProfile(
        heading=heading,
        period=period,
        dash=_most({v: _count(text, "dash", v) for v in FORMS["dash"]}),
        years=_most({v: _count(text, "years", v) for v in FORMS["years"]}),
        whole=_most({v: _count(cells, "whole", v) for v in FORMS["whole"]}),
        numbering=_most({v: _count(text, "numbering", v) for v in FORMS["numbering"]}),
        digits=digits,
        owners="slash" if slash >= MIN_SEEN else None,
        # the analyses of its table rows when they show a voice, else its prose (a plan without a table)
        voice=_most({v: _count(cells, "voice", v) for v in FORMS["voice"]})
        or _most({v: _count(text, "voice", v) for v in FORMS["voice"]}),
    )


# Forms real agencies use, weighted as often as the plans we have seen use them (a form listed
# twice is chosen twice as often): most number "1." and print Arabic digits; periods vary.
_SEEDED: dict[str, tuple[str, ...]] = {
    "heading": ("word", "word", "dot", "bare", "name"),
    # (report rounds as a period only when the agency's own plan prints them so)
    "period": ("abbr", "abbr", "full", "fiscal", "quarter", "quarters"),
    "dash": ("en", "en", "hyphen"),
    "years": ("short", "short", "long"),
    "whole": ("throughout", "fiscal_be", "throughout_be"),
    "numbering": ("dot", "dot", "paren", "both"),
    "digits": ("arabic", "arabic", "arabic", "thai"),
    "owners": ("lines", "slash", "space"),
    "voice": ("finding", "advice", "measures", "cause"),
}


def seeded_style(key: str) -> StyleProfile:
    """Return forms chosen by the agency (its name, else whatever tells it apart): the same agency
    always gets the same forms (a CRC, not Python's per-run hash); two agencies rarely share all."""
    chosen = {}
    for form, options in _SEEDED.items():
        n = zlib.crc32(f"style|{form}|{key}".encode())
        chosen[form] = options[n % len(options)]
    return StyleProfile(**chosen)


def house_style(key: str, past_plan: str = "") -> StyleProfile:
    """Return an agency's house style: the forms of its past plan's text, the rest chosen by `key`.

    The function the dialogue calls when an officer uploads last year's plan; the result's
    as_dict() goes to DraftRequest.style (and so to Draft.style, which the Word plan prints with).
    """
    seeded = seeded_style(key)
    return extract_style(past_plan).over(seeded) if past_plan else seeded
