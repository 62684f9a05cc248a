"""A drafted row holds together: its steps in working order, its period, its owners and monitoring.

- Order: a step that publishes comes after every step that prepares what is published
  (never "publish what is missing" before the step that produces it), and a fixing OIT row
  ends with a check before the assessment system closes.
- Period: a row starts when its first activity can: an order, a committee or an announcement
  at once (ต.ค.), work on documents or the website once the plan is approved (พ.ย.), work with
  people (a forum, a survey, a briefing, training) after the first quarter (ม.ค.); a row whose
  steps or monitoring promise continuous work (monthly, quarterly, ongoing) runs to the end of
  the fiscal year.
- Monitoring: a clause of the playbook's monitoring that is about a step the row left out is
  dropped, and so is one that only repeats a step; a generic agent ("หน่วยงานบริหารงานบุคคล")
  is the row's own unit for that role, and a monitoring left with nothing follows the gist of
  the row's main work (the first phrases of up to three work steps), never a whole step again.
- Advice, report, KPI: only work the steps do (`coverage`: the share of a text's own words the steps
  hold; `covered_parts`). A step that belongs at the fiscal year's start starts the row (`row_start`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from pythainlp.tokenize import word_tokenize
from rapidfuzz import fuzz

from bot.drafting.row_context import Context, brief, fill, owners, pick, shape, terse

# A step that publishes (its first verb), and one that prepares what a later step publishes.
PUBLISHES = re.compile(
    r"^(?:ข้อ [^:]+: )?(?:เผยแพร่|เปิดเผย|นำข้อมูล(?:ขึ้น|เผยแพร่)|นำ\S*ขึ้นเว็บไซต์|แจ้งเวียนและเผยแพร่)"
)
PREPARES = re.compile(
    r"^(?:ผู้รับผิดชอบแต่ละข้อ|ให้\S+)?(?:จัดทำ|เพิ่มเติมข้อมูล|ปรับปรุงข้อมูล|รวบรวมข้อมูล|ทบทวนและปรับปรุง|ทบทวนคู่มือ|ปรับปรุงคู่มือ)"
)
# A step naming items ("ข้อ O13 ...", "O1, O3, O4 (ข้อมูลพื้นฐาน)").
# ... or the year's groups of items to check ("หมวดข้อมูลพื้นฐาน ..."): a step a row never drops.
ITEM_CODE = re.compile(r"\b[OIE]\d{1,2}\b|หมวด\S")
# A check before the assessment system closes (an OIT row's last step).
# (a check before the assessment, in the words agencies use: "ก่อนปิดระบบ", "ในระบบ ITAS", "ก่อนส่งผล
# การประเมิน", "ภายในกำหนดเวลาการประเมิน"; voice.yaml analysis.closing_check)
_BEFORE_CLOSE = r"(?:ปิดระบบ|ITAS|ก่อน(?:ส่งผล)?การประเมิน|กำหนดเวลาการประเมิน)"
CLOSING_CHECK = re.compile(
    rf"(?:ตรวจ|ทดสอบ|เปิด URL|ทบทวน|ยืนยัน)[^\n]*{_BEFORE_CLOSE}|(?:ปิดระบบ|ITAS)[^\n]*(?:ตรวจ|ทดสอบ)"
)
# Work that goes on: a row promising it runs to the end of the fiscal year (not work bounded by
# the system's opening or closing: "รายเดือนในช่วงก่อนเปิดระบบ").
CONTINUOUS = re.compile(
    r"ทุก 6 เดือน|ทุกรอบ|เดือนละ|รายเดือน|ทุกเดือน|ประจำเดือน|รายไตรมาส|ทุกไตรมาส|ไตรมาสละ|อย่างสม่ำเสมอ|อย่างต่อเนื่อง|เป็นประจำ|ตลอดปี"
)
# When a row's first activity can start (fiscal month): an order or announcement at once, work with
# people after the first quarter, anything else (documents, the website, a study) in พ.ย.
_ORDER = re.compile(r"แต่งตั้ง|ตั้งคณะทำงาน|มีคำสั่ง|ออกคำสั่ง|ประกาศเจตนารมณ์|ประกาศนโยบาย|มอบหมายผู้รับผิดชอบ")
_PEOPLE = re.compile(r"ประชุม|เวที|ประชาคม|รับฟัง|อบรม|สำรวจ|สอบถาม|ความพึงพอใจ|ศึกษาดูงาน|กิจกรรม")
START_ORDER, START_WORK, START_PEOPLE = 1, 2, 4
# A monitoring clause this close (rapidfuzz partial ratio) to a kept step only repeats it.
REPEATS = 88
BOUNDED = re.compile(r"ก่อน(?:เปิด|ปิด)ระบบ|จนแล้วเสร็จ|จนกว่า.*?จะแล้วเสร็จ")
# Generic agents the playbook's monitoring opens with, and the role whose unit they stand for.
AGENTS = {
    "หน่วยงานบริหารงานบุคคล": "hr",
    "หน่วยงานพัสดุ": "procurement",
    "หน่วยงานนิติการ": "legal",
    "หน่วยตรวจสอบภายใน": "audit",
    "หน่วยงานแผนงาน": "planning",
    "หน่วยงานด้านการเงิน": "finance",
    "งานประชาสัมพันธ์": "pr_it",
    "หน่วยงานผู้รับผิดชอบ": "",
}
# A monitoring clause about one playbook step: it is "about" the step it is closest to.
ABOUT = 80
# ... and is left out when no step the row keeps comes this close to it.
FAR = 55
# Words a monitoring clause shares with any row (who checks, how often): not what it is about.
_GENERIC_WORDS = (
    "ติดตาม ตรวจสอบ ตรวจ ความ ครบถ้วน ความครบถ้วน ข้อมูล รายเดือน รายไตรมาส "
    "ไตรมาส ทุก ช่วง ก่อน ระบบ เปิด ปิด ผล การ ดำเนินงาน ความคืบหน้า ประจำ "
    "เป็นประจำ สรุป เสนอ ผู้บริหาร รอบ เรื่อง ของ และ ให้ ที่ ใน เป็น ระดับ "
    "หน่วยงาน คณะทำงาน ITA บุคลากร จน ได้ ข้อยุติ ทุกเรื่อง ทุกรอบ กำกับ "
    "ตาม ต่อ แต่ละ"
)
GENERIC = frozenset(_GENERIC_WORDS.split())
# A clause whose own words the row's steps hold less than this share of is about something else.
COVERED = 0.4


def ordered(steps: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Return steps with each publishing step moved after the last step that prepares."""
    prepare = [n for n, (_, t) in enumerate(steps) if PREPARES.search(t)]
    if not prepare:
        return steps
    last = prepare[-1]
    early = [s for n, s in enumerate(steps) if n < last and PUBLISHES.search(s[1])]
    rest = [s for s in steps if s not in early]
    at = rest.index(steps[last]) + 1
    return [*rest[:at], *early, *rest[at:]]


def spare(text: str) -> bool:
    """Return whether a step only sets the work up or follows it up: one a shorter row can leave out
    (not one naming items, nor one that prepares or publishes)."""
    return not ITEM_CODE.search(text) and not PUBLISHES.search(text) and not PREPARES.search(text)


def trim(steps: list[tuple[str, str]], most: int) -> list[tuple[str, str]]:
    """Return at most `most` steps: a step that only sets the work up or follows it up gives way
    first (the last such, never the first step, one naming items, or one that prepares or
    publishes), so a row with fewer steps keeps its work, not its preliminaries."""
    steps = list(steps)
    while len(steps) > most:
        spare = [
            n
            for n, (_, t) in enumerate(steps)
            if n > 0 and not ITEM_CODE.search(t) and not PUBLISHES.search(t) and not PREPARES.search(t)
        ]
        if not spare:
            break
        del steps[spare[-1]]
    return steps[:most]


def closing_check(
    ctx: Context, steps: list[tuple[str, str]], most: int, *key: object
) -> list[tuple[str, str]]:
    """Return an OIT row's steps ending with a check before the assessment system closes."""
    if any(CLOSING_CHECK.search(t) for _, t in steps[-2:]):
        return steps
    steps = [s for s in steps if not CLOSING_CHECK.search(s[1])]
    check = ("ita_team", shape(ctx, "closing", ctx.voice.analysis.get("closing_check", []), *key))
    if not check[1]:
        return steps
    if len(steps) >= most:
        # at its most steps: a step that only sets the work up gives way (a study, a briefing), never
        # the first (the order), one naming items, or one that prepares or publishes
        spare = [
            n
            for n, (_, t) in enumerate(steps)
            if n > 0 and not ITEM_CODE.search(t) and not PUBLISHES.search(t) and not PREPARES.search(t)
        ]
        if not spare and any(t.startswith("ข้อ ") for _, t in steps):
            # the item steps say what each item needs: a general "prepare what is missing" step gives way
            spare = [
                n
                for n, (_, t) in enumerate(steps)
                if n > 0 and PREPARES.search(t) and not t.startswith("ข้อ ")
            ]
        if spare:
            del steps[spare[-1]]
    return [*steps, check]


# Work that belongs at the start of the fiscal year, whichever step says it: the year's plan
# published or announced (a spending plan, a procurement plan, an HR plan), criteria announced
# before the round: the row starts in ต.ค. even when its first step is a meeting.
_YEAR_START = re.compile(
    r"(?:เผยแพร่|เปิดเผย|ประกาศ|แจ้งเวียน)\S*?แผน\S*(?:ประจำปี|รายปี|ของปีปัจจุบัน)"
    r"|(?:ประกาศ|แจ้ง)หลักเกณฑ์\S*[^\n]{0,60}ก่อนเริ่มรอบ"
)


def start_month(first_step: str) -> int:
    """Return the fiscal month a row's first activity can start (module docstring)."""
    head = first_step[:60]
    if _ORDER.search(head):
        return START_ORDER
    return START_PEOPLE if _PEOPLE.search(head) else START_WORK


def row_start(steps: list[str]) -> int:
    """Return the fiscal month a row starts: when its first step can, or ต.ค. when any step is work
    that belongs at the start of the fiscal year (the year's plan published, criteria announced)."""
    if not steps:
        return START_WORK
    if any(_YEAR_START.search(s) for s in steps):
        return START_ORDER
    return start_month(steps[0])


def continuous(texts: list[str]) -> bool:
    """Return whether any text promises work that goes on through the year."""
    for text in texts:
        for clause in re.split(r" และ| โดย", text):
            if CONTINUOUS.search(clause) and not BOUNDED.search(clause):
                return True
    return False


def monitoring(
    ctx: Context,
    template: str,
    playbook_steps: list[str],
    chosen: list[tuple[str, str]],
    row_owners: list[str],
    fill_args: tuple,
    longest: int,
    *,
    curated: bool = False,
    tier: str = "",
) -> str:
    """Return the row's monitoring: the playbook's clauses about steps the row keeps, by its own units."""
    # what the row prints: the first clause of a long monitoring
    text = brief(fill(template, ctx, *fill_args), longest) if template else ""
    kept_steps = [t for _, t in chosen]
    clauses = [c.strip() for c in re.split(r" และ(?=หน่วย|คณะ|ผู้|งาน|สำนัก|กอง|ฝ่าย)", text) if c.strip()]
    kept = []
    for clause in clauses:
        core = without_agent(clause)[1]
        best_all = max((fuzz.partial_ratio(core, s) for s in playbook_steps), default=0)
        best_row = max((fuzz.partial_ratio(core, s) for s in kept_steps), default=0)
        if len(core) >= 20 and best_row >= REPEATS:
            continue  # only says a step again
        if curated:
            pass  # written for exactly these steps
        elif (best_all >= ABOUT and best_row < FAR) or coverage(core, kept_steps) < COVERED:
            continue  # about a step this row left out
        kept.append(_own_agent(ctx, clause, row_owners))
    if kept:
        return " และ".join(kept)
    # nothing left: follow the row's own main work (not an order, a check of the items or the
    # closing check), monitored by the unit that does it
    work = [
        (role, t)
        for role, t in chosen
        if role not in ("executive", "ita_team") and not t.startswith("ข้อ ") and not CLOSING_CHECK.search(t)
    ]
    role, _ = work[0] if work else (chosen[-1] if chosen else ("", ""))
    units = owners(ctx, [role]) if role else []
    who = next((o for o in row_owners for u in units if _same_unit(ctx, u, o)), "")
    who = who or (row_owners[0] if row_owners else "")
    who += " " if re.search(r"[A-Za-z.]$", who) else ""
    # how the work is followed depends on the row's severity: urgent work is checked each month
    # until done, a middling row's at its end, a strong row's twice a year (voice.yaml, by tier)
    listed = ctx.voice.analysis.get("monitoring_from_steps", [])
    options = (listed.get(tier) or next(iter(listed.values()), [])) if isinstance(listed, dict) else listed
    # the monitoring follows the row's work, not its first step alone (a row that announces
    # criteria, informs each person of the result and opens a complaint channel monitors all three)
    # a step short enough to be its own gist is named only when it is the row's one piece of work
    # (the monitoring never says a whole step again)
    steps = [_without_subject(t) for _, t in (work or chosen[-1:])]
    gists = [
        g
        for g in dict.fromkeys(gist(t) for t in steps)
        if not any(len(g) >= len(t) - 2 for t in steps if g in t)
    ]
    gists = gists[:MONITORED] or [gist(steps[0])] if steps else []
    while len(gists) > 1 and sum(map(len, gists)) > MONITORED_LONG:  # a monitoring stays one line of intent
        gists.pop()
    # "ประกาศหลักเกณฑ์ การแจ้งผลการประเมิน และการจัดช่องทาง..." (the template says "การ" before the first)
    what = " ".join([*gists[:1], *(f"การ{g}" for g in gists[1:-1])])
    what += f" และการ{gists[-1]}" if len(gists) > 1 else ""
    return fill(pick(ctx, options, "monitor", *fill_args[:1]), ctx, *fill_args, who=who, what=what)


# A monitoring written from the steps names at most this many of the row's work steps, this long.
MONITORED, MONITORED_LONG = 3, 55
# Who a step opens with (its subject), left out of what a monitoring names ("ผู้บังคับบัญชาแจ้งผล..."
# -> "แจ้งผล..."): a person or a unit named before the verb.
_STEP_SUBJECT = re.compile(
    r"^(?:ให้)?(?:ผู้บังคับบัญชา(?:ทุกระดับ)?|ผู้บริหาร|ผู้รับผิดชอบ(?:แต่ละข้อ)?|หัวหน้าหน่วยงาน|บุคลากร"
    r"|ทุก(?:กอง/สำนัก|สำนัก/กอง|ส่วนงาน|กลุ่มงาน|ฝ่าย))\s*"
)


def _without_subject(step: str) -> str:
    """Return a step without the person or unit it opens with, when a verb follows."""
    rest = _STEP_SUBJECT.sub("", step, count=1)
    return rest if len(rest) >= 8 else step


_GIST = re.compile(r"^(.{8,}?)(?=และ| |เพื่อ|โดย|ให้|ของ|ตาม|ที่|ใน)")


# Words a gist stops before once it has its verb and object ("จัดเวทีประชาคม|หรือ...").
_GIST_STOP = frozenset(["และ", "หรือ", "ของ", "ต่อ", "ให้", "ใน", "เพื่อ", "ตาม", "ที่", "โดย", "พร้อม"])
GIST_MIN = 12
# ... and a first phrase or a whole step this long still names the work in a monitoring sentence
GIST_LONG = 50


def _bare(head: str, rest: str) -> bool:
    """Return whether a first phrase cut here says a verb and an object without what they are for."""
    if rest.startswith("และ") and re.search(r"การ\S{1,8}$", head):
        return True
    return rest.startswith(("ให้", "แก่")) and len(word_tokenize(head, engine="newmm")) <= 2


def gist(step: str) -> str:
    """Return what a step is about in a few words: its first phrase ("ประกาศหลักเกณฑ์และแจ้ง..."
    -> "ประกาศหลักเกณฑ์"), so the monitoring names the work without saying the step again. A step
    with no short first phrase is cut at its first joining word after GIST_MIN characters
    (pythainlp words: "จัดเวทีประชาคมหรือการประชุม..." -> "จัดเวทีประชาคม")."""
    found = _GIST.match(step)
    # a first phrase ends between two words, never inside one ("เผยแพร่คู่มือการ|ให้บริการ")
    # nor after a word that makes the next verb a noun ("การ|ให้บริการ", "ความ|ต้องการ"), nor where
    # it would leave the work without what it is about (blind round 9 read "การจัดช่องทาง" alone as
    # ambiguous): a verb and its object cut before what they are for ("จัดช่องทาง|ให้บุคลากรแจ้ง…",
    # "แจ้งบุคลากร|ให้ทราบ…"), or two joined verbs cut from the object they share ("การขอยืม|และใช้ทรัพย์สิน")
    if (
        found
        and len(found[1]) <= 40
        and not found[1].endswith(("การ", "ความ"))
        and len(found[1]) in _boundaries(step)
        and not _bare(found[1], step[len(found[1]) :])
    ):
        return found[1]
    # else the step's first spaced phrase, when it says the whole work ("แจ้งบุคลากรให้ทราบช่องทาง…")
    first = step.split(" ", 1)[0]
    if (
        GIST_MIN <= len(first) <= GIST_LONG
        and first != step
        and not _bare(first, step[len(first) :].lstrip())
    ):
        return first
    short = terse(step)
    if len(short) <= 40 and not (step.startswith(short) and _bare(short, step[len(short) :])):
        return short
    head = ""
    for word in word_tokenize(step, engine="newmm"):
        if len(head) >= GIST_MIN and word.strip() in _GIST_STOP:
            break
        head += word
    if _bare(head, step[len(head) :]) and len(step) <= GIST_LONG:
        return step
    return head.strip()


@lru_cache(maxsize=4096)
def _boundaries(text: str) -> frozenset[int]:
    """Return where pythainlp's words of a text end (character offsets)."""
    at, ends = 0, set()
    for word in word_tokenize(text, engine="newmm"):
        at += len(word)
        ends.add(at)
    return frozenset(ends)


def without_agent(clause: str) -> tuple[str, str]:
    """Return (the generic agent a playbook monitoring opens with, or "", the rest)."""
    for agent in sorted(AGENTS, key=len, reverse=True):
        if clause.startswith(agent):
            return agent, clause[len(agent) :]
    return "", clause


def _own_agent(ctx: Context, clause: str, row_owners: list[str]) -> str:
    """Return the clause with a generic agent replaced by the row's unit for that role."""
    agent, rest = without_agent(clause)
    if not agent:
        return clause
    role = AGENTS[agent]
    units = owners(ctx, [role]) if role else []
    unit = next((o for o in row_owners for u in units if _same_unit(ctx, u, o)), "")
    unit = unit or (row_owners[0] if row_owners else agent)
    return f"{unit}{' ' if re.search(r'[A-Za-z.]$', unit) else ''}{rest}"


def _same_unit(ctx: Context, a: str, b: str) -> bool:
    """Return whether two unit names are one unit (a section and its division, a name and its
    short form: "สำนักปลัดองค์การบริหารส่วนจังหวัด" / "สำนักปลัด อบจ.")."""

    def short(name: str) -> str:
        for long, abbr in ctx.voice.unit_short.items():
            name = name.replace(long, " " + abbr)
        return " ".join(name.split())

    a, b = short(a), short(b)
    return a.endswith(b) or b.endswith(a)


@lru_cache(maxsize=4096)
def _own_words(clause: str) -> frozenset[str]:
    """Return a clause's own words: pythainlp words of three letters or more, GENERIC and numbers out."""
    words = (w for w in word_tokenize(clause, engine="newmm") if len(w) >= 3 and w.strip())
    return frozenset(w for w in words if w not in GENERIC and not re.fullmatch(r"[\d\s.()]+", w))


def coverage(clause: str, steps: list[str]) -> float:
    """Return the share of a clause's own words (GENERIC left out) that the steps hold."""
    words = _own_words(clause)
    if not words:
        return 1.0
    text = " ".join(steps)
    return sum(w in text for w in words) / len(words)


# Where a list of reported things splits: before a noun phrase's head after a space, a comma or "และ".
_PART = re.compile(r"\s*(?:,\s*|\s+และ\s*|\s+|และ)(?=(?:ผล|ความ|สถิติ|จำนวน|รายงาน|คู่มือ)\S)")


def covered_parts(text: str, done: list[str]) -> str:
    """Return a list of things ("ผลการใช้จ่ายงบประมาณ ความคุ้มค่าของโครงการ และผลการตรวจสอบภายใน")
    keeping the parts the row's own work covers (its steps and monitoring), the first always: a
    report never names work no step does (a value-for-money review with no step that reviews)."""
    parts = [p.strip() for p in _PART.split(text) if p.strip()]
    if len(parts) <= 1:
        return text
    kept = [p for n, p in enumerate(parts) if n == 0 or coverage(p, done) >= COVERED]
    if len(kept) == len(parts):
        return text
    return kept[0] if len(kept) == 1 else f"{' '.join(kept[:-1])} และ{kept[-1]}"
