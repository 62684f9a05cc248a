"""A row's measure title and its reporting sentence, named from what the row does.

The measure: the playbook entry's, one that fixes or develops unless the row maintains
(pick_measure, maintains), then named by its work (measure_kind): a measure of events with
people is a project (โครงการ), a strong row at the full score keeps its level. The reporting
sentence: what the row reports (only work its steps do), to whom, in the rounds its period
allows, worded by severity (voice.yaml report_frames).
"""

from __future__ import annotations

import re

from bot.drafting import coherence
from bot.drafting.row_context import Context, fill, pick, report_to
from bot.ita.playbook import PlaybookEntry
from bot.ita.tiers import Tier

# Words that make a measure read as keeping a level: wrong for a row that must fix or develop.
MAINTAIN_WORDS = ("รักษามาตรฐาน", "รักษาระดับ")
# Work with people (a training, a forum, a survey, a meeting, an event): a measure that holds it is
# a project ("โครงการ…", seed 001: "โครงการส่งเสริมการมีส่วนร่วมของประชาชน" for a forum and a
# survey); one that only prepares, publishes or checks stays a measure or an activity.
_EVENT = re.compile(r"อบรม|เวทีประชาคม|สัมมนา|ศึกษาดูงาน|สำรวจความพึงพอใจ|ประชุมรับฟัง|จัดกิจกรรม|ประกวด")
# ... and names what it does ("ส่งเสริม…", not "กำหนดหลักเกณฑ์…": no "โครงการกำหนด…").
_PROJECT_AIM = re.compile(r"^(?:ส่งเสริม|พัฒนา|เสริมสร้าง|ยกระดับ|ปรับปรุง|สร้าง)")


def measure_kind(measure: str, steps: list[str], score: float | None = None) -> str:
    """Return a measure named by the work its steps do: "มาตรการส่งเสริม…" becomes "โครงการ
    ส่งเสริม…" when two or more steps are events with people (a training, a forum, a survey), as
    agencies name such work; a strong row at the full score keeps its level ("รักษาระดับ")."""
    rest = measure.removeprefix("มาตรการ")
    if rest != measure and _PROJECT_AIM.match(rest) and sum(bool(_EVENT.search(s)) for s in steps) >= 2:
        return "โครงการ" + rest
    if score is not None and score >= 100 and "รักษามาตรฐาน" in measure:
        return measure.replace("รักษามาตรฐาน", "รักษาระดับ", 1)
    return measure


def maintains(text: str) -> bool:
    """Return whether a measure reads as keeping a level (รักษามาตรฐาน/รักษาระดับ)."""
    return any(word in text for word in MAINTAIN_WORDS)


def pick_measure(entry: PlaybookEntry, tier: str, indicator_name: str) -> str:
    """Return the entry's measure for a tier: one that fixes or develops unless the row maintains."""
    if tier == Tier.MAINTAIN:
        own = next((m for m in entry.measures if maintains(m)), None)
        return own or f"กิจกรรมรักษาระดับ{indicator_name}: {entry.measures[0]}"
    return next((m for m in entry.measures if not maintains(m)), entry.title)


def reporting(
    ctx: Context, entry: PlaybookEntry, item: str | None, end: int, done: list[str], tier: Tier = Tier.IMPROVE
) -> str:
    """Return what the row reports, to whom, and when (the Word plan prints it after "รายงานผล: ").

    The rounds follow the row's period: work done by มี.ค. (fiscal month 6) reports its
    completion in the 6-month round; work ending later reports progress at 6 months and its
    completion at 12; a whole-year measure reports at 6 and 12 months.
    """
    # what is reported is what the row does: a part about work no step does is left out
    what = coherence.covered_parts(entry.report, done)
    if item and item not in entry.items:
        what += f" ในประเด็นข้อ {item}"
    elif item and item.startswith("O"):
        what += f" (ข้อ {item})"
    rounds = ctx.voice.report_rounds
    kind = "half" if end <= 6 else "later" if end < 12 else "year"
    # the rounds in this agency's words (voice.yaml analysis.report_rounds_words), chosen by the row:
    # "รอบ 6 เดือน และรอบ 12 เดือน" closing every row of a plan was a template's (blind round 12)
    listed = ctx.voice.analysis.get("report_rounds_words") or {}
    options = list(listed.get(kind) or []) if isinstance(listed, dict) else []
    when = pick(ctx, options, "report-rounds", entry.indicator, item or "") if options else rounds[kind]
    # how it is put follows the severity (voice.yaml report_frames): urgent work reports its result,
    # a middling row a summary, a strong row informs; not one sentence for every row
    # several equivalent wordings a tier (one sentence closing every row was a tell, blind round 13):
    # two of them this agency's, the row taking one (_frame)
    frames = ctx.voice.analysis.get("report_frames") or {}
    listed = frames.get(tier.value) if isinstance(frames, dict) else None
    options = [listed] if isinstance(listed, str) else list(listed or [])
    # "รายงาน…"/"แจ้ง…" only of work done (results, an announcement): a document is reported as it
    # is ("คู่มือฉบับปรับปรุง เสนอ…"), never "รายงานคู่มือ…"; nor "รายงานรายงาน…"
    if not _DONE.match(what) or what.startswith("รายงาน"):
        options = [f for f in options if not _REPORTS.search(f)] or options[:1]
    # nor a verb the report already holds ("แจ้งการประกาศหลักเกณฑ์และการแจ้งผล…")
    options = [f for f in options if not ((lead := _LEAD.match(f)) and lead[1] in what)] or options[:1]
    frame = _frame(ctx, options, tier, entry.indicator, item or "")
    if not frame:
        return f"{what} ต่อ{report_to(ctx)} {when}"
    # "สรุปผล…" only of results: a document is reported as it is ("คู่มือฉบับปรับปรุง เสนอ…")
    summed = "สรุป" if what.startswith("ผล") else ""
    return fill(frame, ctx, entry.indicator, None, [], what=what, to=report_to(ctx), when=when, sum=summed)


def _frame(ctx: Context, options: list[str], tier: Tier, *row: object) -> str:
    """Return a reporting frame: one of the two this agency uses for the tier (its own, chosen by its
    name, and the next), the row choosing between them, so one plan varies its sentence and two
    agencies do not share one pair of wordings."""
    if len(options) <= 2:
        return pick(ctx, options, "report-frame", tier.value, *row) if options else ""
    home = options.index(pick(ctx, options, "report-frame", tier.value))
    own = [options[home], options[(home + 1) % len(options)]]
    return pick(ctx, own, "report-frame", tier.value, *row)


# What a report names that work produced (a result, an announcement, a summary), and the frames that
# put a verb of reporting before it.
_DONE = re.compile(r"^(?:ผล|การ|ความ|สถิติ|จำนวน|สรุป)")
_REPORTS = re.compile(r"(?:รายงาน|แจ้ง)\{what\}")
_LEAD = re.compile(r"^(?:จัดทำ|นำ)?(รายงาน|แจ้ง|เสนอ)")
