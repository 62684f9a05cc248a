"""Composed bad messages: messages that hold numbers, often beside an indicator or the overall, where no
number is this year's result, written by a seeded generator and counted as rejected or not.

    .venv/bin/python benchmarks/scores.py --round none --compose 2000 --seed 61   # valid and bad

Each generator writes one kind of non-result: a target, a threshold, a hypothetical question, a goal, a
plan's KPI, a budget, a phone, memo or date number, a count of people or things, a rank, another
agency's or a wider group's value, a change alone, an estimate, an out-of-range value, last year's score
alone described as the past. The key is an indicator by number or by one of its framework names, or the
overall; the values, years and counts are drawn at random; then an opening, a closing, Thai digits and a
PDF line break are composed around it. A message counts when parse_scores gives an error and no score.
Reported per generator and per part, to find the class of failure.
"""

from __future__ import annotations

import random
from collections.abc import Callable

_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
_MONTHS = [
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เมษายน",
    "พฤษภาคม",
    "มิ.ย.",
    "ก.ค.",
    "สิงหาคม",
    "ก.ย.",
    "ตุลาคม",
    "พ.ย.",
    "ธันวาคม",
]
_PROVINCES = ["นม", "ขก", "ชม", "มท", "อด", "สข", "กษ"]


class Ctx:
    """The random parts one generator draws from."""

    def __init__(self, rng: random.Random, names: dict[int, list[str]]):
        self.rng = rng
        self.names = names
        self.year = rng.choice([2567, 2568, 2569])

    def v(self) -> str:
        """A score-like value: 50..100, with or without decimals."""
        x = self.rng.uniform(50, 100)
        return f"{x:.2f}" if self.rng.random() < 0.6 else str(round(x))

    def whole(self) -> str:
        return str(self.rng.choice([80, 85, 90, 95, 100]))

    def ind(self) -> str:
        """An indicator as officers name it: by number or by one of its names."""
        k = self.rng.randint(1, 10)
        style = self.rng.random()
        if style < 0.45:
            return self.rng.choice(["ตัวชี้วัดที่ ", "ตัวชี้วัด ", "ตชว.", "ตัวที่ "]) + str(k)
        name = self.rng.choice(self.names[k])
        return self.rng.choice(["", "เรื่อง", "ด้าน", "ตัวชี้วัด"]) + name

    def key(self) -> str:
        """An indicator, a tool or the overall."""
        r = self.rng.random()
        if r < 0.55:
            return self.ind()
        if r < 0.75:
            return self.rng.choice(["IIT", "EIT", "OIT"])
        return self.rng.choice(["คะแนนภาพรวม", "คะแนน ITA", "ภาพรวม", "คะแนนรวม"])

    def yy(self, offset: int = 0) -> str:
        y = self.year + offset
        return str(y) if self.rng.random() < 0.5 else str(y % 100)

    def date(self) -> str:
        d, m = self.rng.randint(1, 28), self.rng.randint(1, 12)
        if self.rng.random() < 0.5:
            return f"{d}/{m:02d}/{self.year}"
        return f"{d} {_MONTHS[m - 1]} {self.yy()}"

    def phone(self) -> str:
        r = self.rng
        if r.random() < 0.5:
            return f"0{r.choice([6, 8, 9])}{r.randint(1, 9)}-{r.randint(100, 999)}-{r.randint(1000, 9999)}"
        return f"0{r.randint(2, 7)}-{r.randint(100, 999)}-{r.randint(1000, 9999)}"

    def memo(self) -> str:
        r = self.rng
        return f"{r.choice(_PROVINCES)} {r.randint(1000, 9999)}.{r.randint(1, 9)}/ว {r.randint(10, 9999)}"

    def n(self, lo: int = 2, hi: int = 300) -> str:
        return str(self.rng.randint(lo, hi))


# Each generator: a name (its class) and how it writes one message.
BAD: dict[str, Callable[[Ctx], str]] = {
    # targets and goals
    "target set": lambda c: f"ตั้งเป้า{c.key()}ไว้ที่ {c.v()} คะแนน",
    "target of next year": lambda c: f"เป้าหมายปี {c.yy(1)} {c.key()} {c.v()}",
    "target list": lambda c: f"เป้าหมาย {c.key()} {c.whole()} และ {c.key()} {c.whole()}",
    "goal wish": lambda c: f"ปีหน้าตั้งใจให้{c.key()}ได้ {c.v()}",
    "goal อยากได้": lambda c: f"อยากให้{c.key()}ได้ {c.whole()} ขึ้นไป",
    "goal จะทำให้": lambda c: f"จะพยายามทำให้{c.key()}ได้ {c.v()} ภายในปี {c.yy(1)}",
    "goal ต้องได้": lambda c: f"ปีนี้{c.key()}ต้องได้ {c.whole()} ให้ได้",
    "target ไม่ต่ำกว่า": lambda c: f"{c.key()}ต้องได้ไม่ต่ำกว่า {c.v()} คะแนน",
    # thresholds
    "threshold passing": lambda c: f"เกณฑ์ผ่านของ{c.key()}คือ {c.whole()} คะแนน",
    "threshold ต่ำกว่า": lambda c: f"ตัวชี้วัดไหนต่ำกว่า {c.whole()} ต้องทำมาตรการใช่ไหม",
    "threshold ขึ้นไป": lambda c: f"หน่วยงานที่ได้ {c.whole()} คะแนนขึ้นไปถือว่าผ่าน",
    "threshold มากกว่า": lambda c: f"{c.key()}ต้องมากกว่า {c.whole()} ถึงจะผ่าน",
    # hypothetical questions
    "hypothetical ถ้าได้ … ผ่านไหม": lambda c: f"ถ้า{c.key()}ได้ {c.v()} จะผ่านไหมคะ",
    "hypothetical ถ้าได้ no key": lambda c: f"ถ้าได้ {c.v()} จะผ่านเกณฑ์ไหมครับ",
    "hypothetical หาก": lambda c: f"หาก{c.key()}ได้ {c.v()} ต้องทำมาตรการเพิ่มไหม",
    "hypothetical สมมติ": lambda c: f"สมมติว่า{c.key()}ได้ {c.v()} จะอยู่ระดับไหนคะ",
    "hypothetical ถ้า … เหลือ": lambda c: f"ถ้า{c.key()}เหลือ {c.v()} จะตกเกณฑ์หรือเปล่า",
    "hypothetical แล้วถ้า": lambda c: f"แล้วถ้าคะแนน {c.v()} ล่ะคะ ต้องทำแผนไหม",
    # plans and KPIs
    "plan KPI": lambda c: f"มาตรการ{c.ind()} KPI ร้อยละ {c.whole()} ภายใน{c.rng.choice(_MONTHS)}",
    "plan target value": lambda c: f"ค่าเป้าหมาย {c.ind()} ร้อยละ {c.whole()}",
    "plan success indicator": lambda c: f"ตัวชี้วัดความสำเร็จ: ร้อยละ {c.whole()} ของเจ้าหน้าที่ผ่านการอบรม",
    "plan row edit": lambda c: f"แถว {c.n(1, 12)} เปลี่ยนเป้าหมายเป็นร้อยละ {c.whole()}",
    "plan request fiscal": lambda c: f"ขอร่างมาตรการปีงบ {c.yy(1)} สำหรับ{c.ind()}",
    # budget, phone, memo, date, time
    "budget baht": lambda c: f"งบประมาณโครงการ{c.ind()} {c.rng.randint(5, 900) * 1000:,} บาท",
    "budget million": lambda c: f"ตั้งงบไว้ {c.rng.randint(1, 9)}.{c.rng.randint(1, 9)} ล้านบาท ปีงบ {c.yy(1)}",
    "phone": lambda c: f"สอบถามเพิ่มเติมโทร {c.phone()}",
    "phone extension": lambda c: f"ติดต่องาน ITA {c.phone()} ต่อ {c.n(100, 999)}",
    "memo number": lambda c: f"ที่ {c.memo()} ลงวันที่ {c.date()}",
    "memo reference": lambda c: f"ตามหนังสือที่ {c.memo()} เรื่องการประเมิน ITA ปี {c.yy()}",
    "deadline date": lambda c: f"ส่งแบบ{c.key()}ภายในวันที่ {c.date()}",
    "meeting time": lambda c: (
        f"ประชุมเรื่อง ITA วันที่ {c.date()} เวลา {c.rng.randint(8, 16)}.{c.rng.choice(['00', '30'])} น."
    ),
    # counts, ranks, shares
    "count people": lambda c: f"ผู้ตอบแบบ {c.rng.choice(['IIT', 'EIT'])} {c.n(20, 400)} คน",
    "count people two": lambda c: f"IIT มีผู้ตอบ {c.n(20, 90)} คน EIT {c.n(20, 400)} คน",
    "count items": lambda c: f"{c.ind()} มีทั้งหมด {c.n(2, 12)} ข้อ",
    "count measures": lambda c: f"ปีนี้ทำมาตรการไป {c.n(2, 15)} มาตรการ {c.n(2, 30)} โครงการ",
    "rank": lambda c: f"อยู่อันดับที่ {c.n(1, 40)} ของจังหวัด จาก {c.n(41, 150)} หน่วยงาน",
    "share of staff": lambda c: f"ร้อยละ {c.whole()} ของบุคลากรต้องผ่านการอบรม",
    "items to publish": lambda c: f"ต้องเผยแพร่ O1 ถึง O{c.n(20, 33)} ภายใน {c.n(7, 60)} วัน",
    "duration": lambda c: f"อบรมเรื่อง{c.ind()} {c.rng.randint(1, 6)}.5 ชั่วโมง",
    # someone else's value, a change, an estimate, a maximum
    "provincial average": lambda c: f"ค่าเฉลี่ยจังหวัด {c.v()} คะแนน",
    "another agency": lambda c: f"หน่วยงานอื่นที่ได้ {c.v()} ทำมาตรการอะไรบ้างคะ",
    "change alone": lambda c: f"{c.key()}เพิ่มขึ้น {c.rng.randint(1, 9)}.{c.rng.randint(10, 99)} คะแนนจากปีก่อน",
    "estimate": lambda c: f"{c.key()}น่าจะได้ประมาณ {c.whole()} คะแนน",
    "estimate กว่าๆ": lambda c: f"ได้ {c.whole()} กว่าๆ ค่ะ ยังไม่เห็นผลจริง",
    "maximum": lambda c: f"{c.key()}คะแนนเต็ม 100 ใช่ไหมคะ",
    "maximum of a key": lambda c: f"คะแนนเต็มของ{c.key()}คือ 100 คะแนน",
    "other measure": lambda c: f"ผลสำรวจความพึงพอใจผู้รับบริการ {c.v()}%",
    # out of range
    "indicator out of range": lambda c: f"ตัวชี้วัดที่ {c.n(11, 40)} ได้ {c.v()}",
    "value over 100": lambda c: f"{c.ind()} ได้ {c.n(101, 400)} คะแนน",
    # last year's score alone, described as the past
    "last year alone": lambda c: f"ปีที่แล้ว{c.key()}ได้ {c.v()}",
    "last year by number": lambda c: f"ITA ปี {c.yy(-1)} ได้ {c.v()} คะแนน ปีนี้ยังไม่ประกาศผล",
    "last year เคย": lambda c: f"ปีก่อนเคยได้ {c.v()} คะแนน",
    "last time": lambda c: f"รอบที่แล้ว{c.key()}ได้ {c.v()} ค่ะ รอบนี้รอผลอยู่",
    "past เคย with a year": lambda c: f"{c.key()}เคยได้ {c.v()} เมื่อปี {c.yy(-2)}",
    "past then not out": lambda c: f"ปีที่แล้ว{c.key()} {c.v()} ส่วนปีนี้ยังรอประกาศค่ะ",
    # ranges, levels, files, registrations
    "level range": lambda c: f"ระดับ A ต้องได้ {c.whole()}-{int(c.whole()) + 4}.99 คะแนน",
    "range of a scale": lambda c: f"{c.ind()} ให้คะแนน 0-100 ใช่ไหมคะ",
    "file size": lambda c: f"แนบไฟล์ {c.n(1, 9)} ไฟล์ ขนาด {c.rng.randint(1, 9)}.{c.rng.randint(1, 9)} MB",
    "registration": lambda c: f"ลงทะเบียนอบรมแล้ว {c.n(10, 59)} คน จาก {c.n(60, 99)} คน",
    "neighbour agency": lambda c: f"คะแนน ITA ของ ทต.ข้างๆ ได้ {c.v()} สูงกว่าเรามาก",
    "province average got": lambda c: f"หน่วยงานในจังหวัดได้เฉลี่ย {c.v()} คะแนน",
    "how many to pass": lambda c: f"{c.key()}ต้องได้กี่คะแนนถึงจะผ่าน ITA ปี {c.yy(1)}",
    "deadline days": lambda c: f"รบกวนส่งแบบรายงาน{c.ind()}ภายใน {c.n(3, 30)} วันนะคะ",
    "if then next line": lambda c: f"ถ้า{c.key()}ได้ {c.v()}\nจะต้องทำแผนไหมคะ",
    "next year plan": lambda c: f"ปี {c.yy(1)} เราวางแผนให้{c.key()}ได้ {c.v()} ค่ะ",
    # questions and commands with numbers
    "question how many": lambda c: f"{c.ind()} มีกี่ข้อคะ ต้องได้กี่คะแนน",
    "question about year": lambda c: f"ITA ปี {c.yy(1)} จะประกาศผลเมื่อไหร่คะ",
}

_OPENINGS = {
    "none": "",
    "greeting": "สวัสดีค่ะ ",
    "greeting line": "สวัสดีครับพี่\n",
    "memo opening": "เรียน ปลัด อบต.\n",
    "agency aside": "ของ อบต.หนองบัว นะคะ ",
    "question lead": "ขอสอบถามค่ะ ",
}
_CLOSINGS = {
    "none": "",
    "particle": " ค่ะ",
    "thanks": "\nขอบคุณค่ะ",
    "memo closing": "\nจึงเรียนมาเพื่อโปรดทราบ",
    "emoji": " 🙏",
    "full stop": ".",
}


def compose_bad_one(ctx: Ctx) -> tuple[str, dict[str, str]]:
    """One bad message and the parts it was written with."""
    rng = ctx.rng
    kind = rng.choice(list(BAD))
    text = BAD[kind](ctx)
    opening, closing = rng.choice(list(_OPENINGS)), rng.choice(list(_CLOSINGS))
    text = _OPENINGS[opening] + text + _CLOSINGS[closing]
    parts = {"kind": kind, "opening": opening, "closing": closing}
    if rng.random() < 0.2:
        text = text.translate(_THAI_DIGITS)
        parts["digits"] = "thai"
    if rng.random() < 0.1 and " " in text:
        spaces = [i for i, ch in enumerate(text) if ch == " "]
        at = rng.choice(spaces)
        text = text[:at] + "\n" + text[at + 1 :]
        parts["break"] = "pdf line break"
    return text, parts


def compose_bad(parse, judge, fw, count: int, seed: int, show: bool) -> float:
    """Write `count` bad messages, print the kinds and parts not rejected, and return the share rejected."""
    rng = random.Random(seed)
    names = {ind.number: ind.all_names() for ind in fw.indicators}
    rejected = 0
    by_part: dict[tuple[str, str], list[int]] = {}
    misses: list[tuple[str, list[str]]] = []
    for _ in range(count):
        text, parts = compose_bad_one(Ctx(rng, names))
        diffs = judge(parse(text), {"rejected": True})
        rejected += not diffs
        for part in parts.items():
            tally = by_part.setdefault(part, [0, 0])
            tally[0] += 1
            tally[1] += bool(diffs)
        if diffs:
            misses.append((text, diffs))
    print(f"composed bad: {rejected}/{count} rejected ({100 * rejected / max(count, 1):.2f}%), seed {seed}")
    worst = sorted(by_part.items(), key=lambda kv: -kv[1][1] / kv[1][0])
    for (kind, value), (n, bad) in worst[:25]:
        if bad:
            print(f"  {kind:8} {value:32} {bad:4} of {n:5} not rejected ({100 * bad / n:.0f}%)")
    for text, diffs in misses[: 200 if show else 0]:
        print(f"  MISS {text!r}\n       {'; '.join(diffs)}")
    return rejected / max(count, 1)
