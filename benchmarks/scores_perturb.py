"""Harmless edits of the dev score messages, and how many correct reads each one breaks.

    .venv/bin/python benchmarks/scores.py --perturb            # the table and the stability figure
    .venv/bin/python benchmarks/scores.py --perturb --show dev # also the broken ids per edit

An edit here changes how a message is written, never what it says: particles, spaces, Thai or Arabic
digits, the label's spelling ("ตัวชี้วัดที่", "ตชว.", "ตัวที่"), line breaks for spaces, the order of
independent clauses, emoji, and an unrelated date, phone number, memo number, target, count or signed
change added beside the scores. A read that such an edit changes is a brittle rule, not a phrasing to
add. Each edit names the messages it applies to (a table's line breaks are its structure: they are not
joined); a message the edit leaves unchanged is not counted. Dev messages only: the test halves are
never perturbed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
THAI = "\u0e01-\u0e4f"  # letters and marks, not the Thai digits
# Words that make the order of clauses or lines matter: corrections, and lines that label the next.
_ORDERED = re.compile(r"เอ้ย|เอ๊ย|แก้|ที่ถูก|ไม่ใช่|ขอโทษ|พิมพ์ผิด|ต้องเป็น|ยกเว้น|ตามลำดับ|\*|ปี|ครั้ง|รอบ|เดิม|จาก|→|->|ทุก")
_LABELS = r"(?:ตัวชี้วัดที่|ตัวชี้วัด|ตชว\.?|ตัวที่)"


_AFTER_DECIMAL = re.compile(
    r"(?<![\d.])(\d{1,3}\.\d+)(?![\d.%)\-–])(?=\s*(?:$|\n|/|,|[\u0e01-\u0e4e])(?!\s*(?:ค่ะ|คะ|ครับ|นะ|จ้า|น\.)))"
)


def _flat(t: str) -> bool:
    """A message with no table structure (no tab, no column of spaces, no brackets across lines)."""
    return "\t" not in t and "|" not in t and "  " not in t.strip() and not re.search(r"\([^)]*\n", t)


# A clause that stands alone: a key (label, tool, item code, overall word), then its number.
_KEYED = re.compile(
    r"(?:ตัวชี้วัด|ตชว|ตัวที่|ข้อ|IIT|EIT|OIT|ITA|ภาพรวม|รวม|คะแนน|(?<![A-Za-z])[IEO]\s?\d)[^\n]*\d", re.I
)


def _lines_to_spaces(t: str) -> str | None:
    if "\n" not in t or not _flat(t):
        return None
    lines = [ln.strip() for ln in t.split("\n") if ln.strip()]
    # each line a clause of its own: a key and its number, or words with no number (a greeting)
    if not all(_KEYED.match(ln) or not re.search(r"\d", ln) for ln in lines) or _ORDERED.search(t):
        return None
    return " ".join(lines)


def _clauses(t: str) -> list[str] | None:
    """The independent clauses of a flat message, each naming something and giving a number."""
    if not _flat(t) or _ORDERED.search(t):
        return None
    parts = [p.strip() for p in re.split(r"\n|\s/\s|,\s", t) if p.strip()]
    if len(parts) < 2 or not all(_KEYED.match(p) for p in parts):
        return None
    return parts


def _reordered(t: str) -> str | None:
    parts = _clauses(t)
    if parts is None:
        return None
    sep = "\n" if "\n" in t else " / "
    return sep.join(reversed(parts))


def _spaced_clauses(t: str) -> str | None:
    parts = _clauses(t)
    return None if parts is None else "\n".join(parts) if "\n" not in t else " / ".join(parts)


def _label(rx: str, new: str) -> Callable[[str], str]:
    return lambda t: re.sub(rf"{rx} *(?=\d)", new, t)


def _when(pred: Callable[[str], bool], edit: Callable[[str], str]) -> Callable[[str], str | None]:
    return lambda t: edit(t) if pred(t) else None


def _chatty(t: str) -> bool:
    return _flat(t) and len(t) < 400


PERTURB: dict[str, Callable[[str], str | None]] = {
    # particles and register
    "closing particle": lambda t: t + " ค่ะ",
    "นะคะ closing": lambda t: t + " นะคะ",
    "lead-in": lambda t: "ส่งคะแนนค่ะ " + t,
    "greeting line": lambda t: "สวัสดีค่ะพี่\n" + t,
    "agency lead-in line": lambda t: "ผลของ อบต.หนองบัว นะคะ\n" + t,
    "thanks line": lambda t: t + "\nขอบคุณค่ะ",
    "ครับ for ค่ะ": lambda t: t.replace("ค่ะ", "ครับ"),
    # (where a particle may close the value: not before another particle, a bracket, a range or a unit)
    "particle after a decimal": _when(_chatty, lambda t: _AFTER_DECIMAL.sub(r"\1 ค่ะ", t)),
    "คะแนน after a decimal": _when(_chatty, lambda t: _AFTER_DECIMAL.sub(r"\1 คะแนน", t)),
    "ได้รับ for ได้": lambda t: re.sub(r"ได้(?!รับ)(?=\s*\d)", "ได้รับ", t),
    "ได้คะแนน for ได้": lambda t: re.sub(r"ได้(?!รับ)(?=\s*\d)", "ได้คะแนน", t),
    "question after": lambda t: t + " ควรทำอะไรก่อนคะ",
    "question with a number": lambda t: t + "\nแบบนี้ต้องทำมาตรการกี่ข้อคะ",
    "wish after": lambda t: t + "\nปีหน้าตั้งใจให้ได้ 95 ค่ะ",
    # digits
    "Thai digits": lambda t: re.sub(r"(?<![A-Za-z\d])\d+", lambda m: m.group(0).translate(_THAI_DIGITS), t),
    "Arabic digits": lambda t: t.translate(_ARABIC),
    "80 for 80.00": lambda t: re.sub(r"(?<![\d.])(\d{1,3})\.00(?![\d.])", r"\1", t),
    # labels
    "ตชว. for ตัวชี้วัดที่": _label(r"ตัวชี้วัดที่", "ตชว."),
    "ตัวที่ for ตัวชี้วัดที่": _label(r"ตัวชี้วัดที่", "ตัวที่ "),
    "ตัวชี้วัด for ตัวชี้วัดที่": _label(r"ตัวชี้วัดที่", "ตัวชี้วัด "),
    "ตัวชี้วัดที่ for any label": _label(_LABELS, "ตัวชี้วัดที่ "),
    "ข้อ for ตัวชี้วัดที่": _label(r"ตัวชี้วัดที่", "ข้อ "),
    "Indicator for ตัวชี้วัดที่": _label(r"ตัวชี้วัดที่", "Indicator "),
    # (after a key only: elsewhere "ได้" is the verb that says the number was got)
    "= for ได้": lambda t: re.sub(
        rf"((?:{_LABELS}|ข้อ) ?\d{{1,2}}|IIT|EIT|OIT|ภาพรวม|(?<![A-Za-z])[IEO]\d{{1,2}}) ?ได้(?:รับ)? *(?=\d)",
        r"\1 = ",
        t,
    ),
    "lower-case tools": lambda t: re.sub(r"\b(IIT|EIT|OIT)\b", lambda m: m.group(1).lower(), t),
    "per cent after a decimal": _when(_chatty, lambda t: _AFTER_DECIMAL.sub(r"\1%", t)),
    "four-digit years": lambda t: re.sub(r"(?<=ปี) ?([5-7]\d)(?![\d.])", r" 25\1", t),
    "two-digit years": lambda t: re.sub(r"(?<=ปี) ?25([5-7]\d)(?![\d.])", r" \1", t),
    "colon after a label": lambda t: re.sub(rf"({_LABELS} *\d{{1,2}}) +(?=\d)", r"\1: ", t),
    # spaces
    "no space after a label": lambda t: re.sub(rf"({_LABELS}|ข้อ) +(?=\d)", r"\1", t),
    "space after a label": lambda t: re.sub(rf"({_LABELS}|ข้อ)(?=\d)", r"\1 ", t),
    "no space before a value": _when(_chatty, lambda t: re.sub(rf"(?<=[{THAI}]) (?=[0-9])", "", t)),
    "space between Thai and digits": _when(
        _chatty, lambda t: re.sub(rf"(?<=[{THAI}])(?=[0-9])|(?<=[0-9])(?=[{THAI}])", " ", t)
    ),
    "no space between Thai words": _when(_chatty, lambda t: re.sub(rf"(?<=[{THAI}]) (?=[{THAI}])", "", t)),
    "two spaces after ได้": lambda t: re.sub(r"ได้ (?=\d)", "ได้  ", t),
    # lines and order
    "line breaks to spaces": _lines_to_spaces,
    "clauses on lines": _spaced_clauses,
    "clauses reversed": _reordered,
    "bullets on lines": lambda t: re.sub(r"(?m)^(?=\S)", "- ", t) if "\n" in t and _flat(t) else None,
    "full stop at the end": lambda t: t + ".",
    # decoration
    "emoji": lambda t: t + " 🙏",
    "emoji first": lambda t: "📊 " + t,
    "emoji line ends": lambda t: t.replace("\n", " 👍\n"),
    "emoji after a value": _when(_chatty, lambda t: re.sub(r"(\d\.\d+)(?![\d.])", r"\1 🎉", t, count=1)),
    # unrelated numbers beside the scores
    "date line": lambda t: "แจ้ง ณ วันที่ 15 ม.ค. 2569\n" + t,
    "slashed date": lambda t: t + "\n(ส่ง 15/01/2569)",
    "phone": lambda t: t + "\nติดต่อกลับ 081-234-5678 ค่ะ",
    "memo number": lambda t: "ที่ นม 0023.4/ว 1234\n" + t,
    "target after": lambda t: t + "\nเป้าหมายปีหน้า 95 คะแนน",
    "count after": lambda t: t + "\nผู้ตอบแบบสอบถาม 120 คน",
    "signed change after": lambda t: t + "\nเปลี่ยนแปลง +3.25",
}


# A closing particle ends the sentence a question opens after it ("ได้ 88.5 ค่ะ ต้องทำแผนไหมคะ" reports
# a value; "ได้ 88.5 ต้องทำแผนไหม" asks about it): these edits change what a bad message says.
# A lead-in that says scores or results follow, or "คะแนน" after a number, says what a bad message's
# number is: not harmless on those either.
_NOT_ON_BAD = {
    "particle after a decimal",
    "question after",
    "lead-in",
    "agency lead-in line",
    "คะแนน after a decimal",
}


def perturb(messages: list[dict], parse, judge, show: bool) -> float:
    """Print per edit how many right dev reads it breaks; return the share of (message, edit) pairs kept."""
    dev = [m for m in messages if m["split"] == "dev"]
    right = [m for m in dev if not judge(parse(m["text"]), m["expect"])]
    print(f"perturb: {len(right)} of {len(dev)} dev messages read right; each edit on those it changes")
    tried = kept = 0
    for name, edit in PERTURB.items():
        broken, n = [], 0
        for m in right:
            if name in _NOT_ON_BAD and m["expect"].get("rejected"):
                continue
            new = edit(m["text"])
            if new is None or new == m["text"]:
                continue
            n += 1
            if judge(parse(new), m["expect"]):
                broken.append(m["id"])
        tried += n
        kept += n - len(broken)
        ids = " ".join(broken if show else broken[:6])
        print(f"  {name:30} {len(broken):4} of {n:5}  {ids}")
    share = kept / max(tried, 1)
    print(f"stable: {kept}/{tried} perturbed reads unchanged ({100 * share:.2f}%)")
    return share


# ---------------------------------------------------------------------------------------------------
# Composed messages: the facts of one or two dev messages (their expected results, never their text)
# written again from parts chosen by a seeded generator: each key by number or by a name or synonym
# from the framework, key before value or value before key, the year at the start, the middle or the
# end, joiners, asides, greetings, memo openings and closings, questions, Thai digits, spoken numbers
# and the line breaks a PDF or Excel paste leaves. The expected read is the facts, so a miss is a part
# the parser cannot combine with another. Reported per part, to find the class of failure.

_UNITS = ["ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า"]


def spoken(value: float) -> str:
    """A score as voice typing writes it: 72.5 -> "เจ็ดสิบสองจุดห้า", 100 -> "หนึ่งร้อย"."""
    whole, _, frac = f"{value:.2f}".rstrip("0").rstrip(".").partition(".")
    n = int(whole)
    if n == 100:
        out = "หนึ่งร้อย"
    elif n < 10:
        out = _UNITS[n]
    else:
        tens, unit = divmod(n, 10)
        out = ("ยี่" if tens == 2 else "" if tens == 1 else _UNITS[tens]) + "สิบ"
        out += "เอ็ด" if unit == 1 else _UNITS[unit] if unit else ""
    return out + ("จุด" + "".join(_UNITS[int(d)] for d in frac) if frac else "")


def _num(value: float, rng, style: str) -> str:
    if style == "spoken":
        return spoken(value)
    text = f"{value:.2f}" if rng.random() < 0.5 else f"{value:g}"
    return text.translate(_THAI_DIGITS) if style == "thai" else text


# The parts, each a name and how it writes: a key (k is the indicator number, name one of its names).
_IND_KEYS = {
    "ตัวชี้วัดที่ k": lambda k, name, rng: f"ตัวชี้วัดที่ {k}",
    "ตัวชี้วัด k": lambda k, name, rng: f"ตัวชี้วัด {k}",
    "ตชว.k": lambda k, name, rng: f"ตชว.{k}",
    "ตัวที่ k": lambda k, name, rng: f"ตัวที่ {k}",
    "name": lambda k, name, rng: name,
    "เรื่อง+name": lambda k, name, rng: "เรื่อง" + name,
    "ด้าน+name": lambda k, name, rng: "ด้าน" + name,
    "ตัวชี้วัด+name": lambda k, name, rng: "ตัวชี้วัด" + name,
    "k + name": lambda k, name, rng: f"ตัวชี้วัดที่ {k} {name}",
    "name (k)": lambda k, name, rng: f"{name} (ตัวชี้วัดที่ {k})",
    "Indicator k": lambda k, name, rng: f"Indicator {k}",
}
_OVERALL_KEYS = ["ภาพรวม", "คะแนนรวม", "คะแนน ITA", "ITA", "คะแนนภาพรวม", "overall", "ผลรวม"]
_PAIRS = {
    "key ได้ v": "{key} ได้ {v}",
    "key v": "{key} {v}",
    "key = v": "{key} = {v}",
    "key: v": "{key}: {v}",
    "key ได้ v คะแนน": "{key} ได้ {v} คะแนน",
    "key อยู่ที่ v": "{key} อยู่ที่ {v}",
    "v = key": "{v} คือ{key}",
    "ได้ v ใน key": "ได้ {v} คะแนนใน{key}",
    "key ได้แค่ v เอง": "{key} ได้แค่ {v} เอง",
}
_JOINERS = {"space": " ", "comma": ", ", "และ": " และ ", "ส่วน": " ส่วน", "line": "\n", "slash": " / "}
_YEARS = {
    "ปี 2568": lambda y: f"ปี {y}",
    "ปี 68": lambda y: f"ปี {y % 100}",
    "ปีงบ 68": lambda y: f"ปีงบ {y % 100}",
    "ประจำปี พ.ศ. 2568": lambda y: f"ประจำปีงบประมาณ พ.ศ. {y}",
    "ITA68": lambda y: f"ITA{y % 100}",
    "(ปี 2568)": lambda y: f"(ปี {y})",
}
_OPENINGS = {
    "none": "",
    "greeting": "สวัสดีค่ะ ",
    "greeting line": "สวัสดีครับพี่\n",
    "memo opening": "เรียน ปลัด อบต.\nตามที่สำนักงาน ป.ป.ช. ได้แจ้งผลการประเมิน ITA นั้น ",
    "lead-in": "แจ้งผลคะแนนค่ะ ",
    "agency": "ผลของ ทต.บ้านใหม่ นะคะ ",
}
_CLOSINGS = {
    "none": "",
    "particle": " ค่ะ",
    "thanks": "\nขอบคุณค่ะ",
    "memo closing": "\nจึงเรียนมาเพื่อโปรดทราบและพิจารณา",
    "question": " ควรปรับปรุงตรงไหนก่อนดีคะ",
    "question no mark": " ช่วยร่างมาตรการให้หน่อยครับ",
    "emoji": " 🙏",
}
_ASIDES = ["(ต่ำสุด)", "เศร้าเลย 😢", "ดีขึ้นกว่าเดิม", "ตามที่แจ้ง", "นะคะ"]


def _facts(m: dict) -> dict | None:
    exp = m["expect"]
    if exp.get("rejected") or set(exp) - {"year", "overall", "indicators", "items"}:
        return None
    return exp


def _union(a: dict, b: dict) -> dict | None:
    """The facts of two messages as one, when they do not overlap or disagree."""
    if a.get("year") and b.get("year") and a["year"] != b["year"]:
        return None
    if a.get("overall") is not None and b.get("overall") is not None:
        return None
    out: dict = {}
    for key in ("indicators", "items"):
        da, db = a.get(key) or {}, b.get(key) or {}
        if set(map(str, da)) & set(map(str, db)):
            return None
        if da or db:
            out[key] = {**da, **db}
    for key in ("year", "overall"):
        value = a.get(key) if a.get(key) is not None else b.get(key)
        if value is not None:
            out[key] = value
    return out


def compose_one(facts: dict, names: dict[int, list[str]], rng) -> tuple[str, dict[str, str]]:
    """One message written from the facts, and the parts it was written with."""
    parts: dict[str, str] = {}
    style = rng.choices(["arabic", "thai", "spoken"], [6, 2, 1])[0]
    parts["digits"] = style
    pair_name = rng.choice(list(_PAIRS))
    parts["pair"] = pair_name
    key_name = rng.choice(list(_IND_KEYS))
    clauses: list[str] = []
    for k, v in (facts.get("indicators") or {}).items():
        k = int(k)
        key = _IND_KEYS[key_name](k, rng.choice(names[k]), rng)
        clauses.append(_PAIRS[pair_name].format(key=key, v=_num(float(v), rng, style)))
        parts["key"] = key_name
    for code, v in (facts.get("items") or {}).items():
        clauses.append(
            _PAIRS[pair_name].format(
                key=f"ข้อ {code}" if rng.random() < 0.3 else code, v=_num(float(v), rng, style)
            )
        )
    if facts.get("overall") is not None:
        okey = rng.choice(_OVERALL_KEYS)
        parts["overall"] = okey
        pair = _PAIRS[pair_name] if rng.random() < 0.5 else "{key} {v}"
        clause = pair.format(key=okey, v=_num(float(facts["overall"]), rng, style))
        clauses.insert(0 if rng.random() < 0.7 else len(clauses), clause)
    if len(clauses) > 1 and rng.random() < 0.3:
        at = rng.randrange(len(clauses))
        aside = rng.choice(_ASIDES)
        clauses[at] += " " + aside
        parts["aside"] = aside
    joiner = rng.choice(list(_JOINERS))
    if len(clauses) > 1:
        parts["joiner"] = joiner
    body = _JOINERS[joiner].join(clauses)
    if facts.get("year"):
        yname = rng.choice(list(_YEARS))
        year = _YEARS[yname](int(facts["year"]))
        if style == "thai":
            year = year.translate(_THAI_DIGITS)
        where = rng.choice(["start", "end", "after first"])
        parts["year"] = f"{yname} at {where}"
        if where == "start":
            body = f"ผลคะแนน {year} " + body if not yname.startswith(("ITA", "(")) else f"{year} " + body
        elif where == "end":
            body = body + f" {year}" if yname.startswith("(") else body + f" ({year})"
        elif yname.startswith("("):
            body = _JOINERS[joiner].join([clauses[0] + f" {year}", *clauses[1:]])
        else:
            body = _JOINERS[joiner].join([f"{year} {clauses[0]}", *clauses[1:]])
    opening, closing = rng.choice(list(_OPENINGS)), rng.choice(list(_CLOSINGS))
    parts["opening"], parts["closing"] = opening, closing
    text = _OPENINGS[opening] + body + _CLOSINGS[closing]
    if rng.random() < 0.15 and " " in text:
        # a PDF or Excel paste: a line broken where a space was
        spaces = [i for i, ch in enumerate(text) if ch == " "]
        at = rng.choice(spaces)
        text = text[:at] + "\n" + text[at + 1 :]
        parts["break"] = "pdf line break"
    return text, parts


def compose(messages: list[dict], parse, judge, fw, count: int, seed: int, show: bool) -> float:
    """Write `count` messages from dev facts (one message's or two messages'), print the parts that
    fail most, and return the share read exactly."""
    import random

    rng = random.Random(seed)
    names = {ind.number: ind.all_names() for ind in fw.indicators}
    facts = [f for m in messages if m["split"] == "dev" and (f := _facts(m))]
    facts = [f for f in facts if len(f.get("indicators") or {}) + len(f.get("items") or {}) <= 6]
    tried = right = 0
    by_part: dict[tuple[str, str], list[int]] = {}
    misses: list[tuple[str, dict, list[str]]] = []
    while tried < count:
        one = rng.choice(facts)
        if rng.random() < 0.4:
            both = _union(one, rng.choice(facts))
            if both is None:
                continue
            one = both
        if not (one.get("indicators") or one.get("items") or one.get("overall") is not None):
            continue
        text, parts = compose_one(one, names, rng)
        diffs = judge(parse(text), one)
        tried += 1
        right += not diffs
        for part in parts.items():
            tally = by_part.setdefault(part, [0, 0])
            tally[0] += 1
            tally[1] += bool(diffs)
        if diffs:
            misses.append((text, one, diffs))
    print(f"composed: {right}/{tried} read exactly ({100 * right / max(tried, 1):.2f}%), seed {seed}")
    worst = sorted(by_part.items(), key=lambda kv: -kv[1][1] / kv[1][0])
    for (kind, value), (n, bad) in worst[:25]:
        if bad:
            print(f"  {kind:8} {value:32} {bad:4} of {n:5} missed ({100 * bad / n:.0f}%)")
    for text, _one, diffs in misses[: 200 if show else 0]:
        print(f"  MISS {text!r}\n       {'; '.join(diffs)}")
    return right / max(tried, 1)
