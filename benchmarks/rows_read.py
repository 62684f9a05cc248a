#!/usr/bin/env python3
"""Read drafted rows as a blind judge would: every agency type at three severities, and the phrases
many agencies share (issue 12: the judge recognised our rows by their repeated phrases).

    .venv/bin/python benchmarks/rows_read.py [--print] [--top 30] [--n 5]

Drafts the twelve agency types of benchmarks/pages.py at very low, middling and high scores (36
agencies, no retrieval; every third agency also gives item scores, so some rows name their weak
items). `--print` writes every row as the plan prints its fields. Then counts word n-grams
(pythainlp newmm, numbers and item codes masked) printed by many agencies: a phrase in a quarter
or more of the agencies is a template a reader notices. Also counts a row whose steps name an ITA
team the owners column names otherwise (the steps and the owners must agree). Not a test.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.pages import INVENTED, SEVERITY, invented_scores  # noqa: E402
from bot.drafting.engine import Drafter, DraftRequest  # noqa: E402
from bot.ita.framework import load_framework  # noqa: E402
from bot.ita.measures import AgencyProfile  # noqa: E402
from bot.ita.playbook import load_playbook  # noqa: E402
from bot.ita.tiers import Thresholds  # noqa: E402
from bot.scores import ScoreSet  # noqa: E402

# A phrase in the rows of this many indicators or more is not about one indicator's work.
INDICATORS = 4
FIELDS = ("analysis", "measure", "steps", "monitoring", "reporting", "kpi")


class NoPassages:
    def search(self, query, k=5, *, indicator=None, kind=None, scope=None):
        return []


def item_scores(fw, rnd: random.Random, indicators: dict[int, float]) -> dict[str, float]:
    """Return a few weak item scores for the weak indicators (an OIT item 0, an I/E item low)."""
    items: dict[str, float] = {}
    for number, score in indicators.items():
        if score >= 95:
            continue
        codes = [i.code for i in (fw.oit_list(number, 2568) or fw.items_of(number, 2568) or [])]
        for code in rnd.sample(codes, min(2, len(codes))):
            items[code] = 0.0 if code.startswith("O") else round(rnd.uniform(40, score), 2)
    return items


def agencies(fw):
    for i, (atype, name, _) in enumerate(INVENTED):
        for j, severity in enumerate(SEVERITY):
            rnd = random.Random(i * 7 + j)
            indicators = invented_scores(severity, rnd)
            items = item_scores(fw, rnd, indicators) if (i + j) % 3 == 0 else {}
            yield atype, f"{name} {j + 1}", severity, ScoreSet(year=2568, indicators=indicators, items=items)


def teams(drafter: Drafter) -> re.Pattern[str]:
    """Return a pattern of every name the ITA team takes: each type's own, and the agencies' wordings."""
    voice = drafter.playbook.voice
    listed = {w for ws in (voice.analysis.get("unit_words") or {}).values() for w in ws if "คณะทำงาน" in w}
    for kind in drafter.playbook.agency_types.values():
        listed.update(drafter.playbook.resolve_owners(["ita_team"], kind.key, None))
    names = sorted(listed, key=len, reverse=True)
    # the longest name first; a name followed by more of a longer one is not that name
    return re.compile("|".join(re.escape(n) for n in names))


def words(text: str) -> list[str]:
    from pythainlp.tokenize import word_tokenize

    text = re.sub(r"\b[IEO]\d+\b", "#", text)
    text = re.sub(r"\d+(?:\.\d+)?", "N", text)
    return [w for w in word_tokenize(text, engine="newmm") if w.strip()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--print", action="store_true", help="print every drafted row")
    parser.add_argument("--top", type=int, default=30, help="print this many shared phrases")
    parser.add_argument("--n", type=int, default=5, help="words in a phrase")
    args = parser.parse_args()
    fw = load_framework(REPO / "knowledge")
    drafter = Drafter(fw, load_playbook(REPO / "knowledge"), NoPassages())
    grams: dict[tuple[str, ...], set[str]] = defaultdict(set)
    topics: dict[tuple[str, ...], set[int]] = defaultdict(set)
    where: dict[tuple[str, ...], str] = {}
    names = 0
    team = teams(drafter)
    mismatched = rows_total = 0
    for atype, name, severity, scores in agencies(fw):
        names += 1
        draft = drafter.draft(
            DraftRequest(AgencyProfile(name=name, type=atype, assessment_year=2568), scores, Thresholds())
        )
        if args.print:
            print(f"\n######## {atype} {severity} ({name}) items={sorted(scores.items)}")
        for row in draft.rows:
            rows_total += 1
            steps_teams = {t for s in row.steps for t in team.findall(s)}
            owner_teams = {t for o in row.owners for t in team.findall(o)}
            if steps_teams and owner_teams and not steps_teams <= owner_teams:
                mismatched += 1
                if args.print:
                    print(f"  !! team in steps {sorted(steps_teams)} != owners {sorted(owner_teams)}")
            if args.print:
                print(f"== {row.topic} ({row.score}) [{row.tier.value}] items={row.items}")
                print(f"  วิเคราะห์: {row.analysis}")
                print(f"  มาตรการ: {row.measure}")
                for s in row.steps:
                    print(f"    {s}")
                print(f"  ผู้รับผิดชอบ: {' / '.join(row.owners)} | {row.timeline}")
                print(f"  กำกับ: {row.monitoring}")
                print(f"  รายงาน: {row.reporting}")
                print(f"  KPI: {row.kpi}")
            for f in FIELDS:
                texts = row.steps if f == "steps" else [getattr(row, f)]
                for text in texts:
                    ws = words(re.sub(r"^\S+\s", "", text) if f == "steps" else text)
                    for k in range(len(ws) - args.n + 1):
                        g = tuple(ws[k : k + args.n])
                        grams[g].add(name)
                        topics[g].add(row.indicator)
                        where.setdefault(g, f)
    # a phrase about one indicator's work is its subject; one in the rows of many indicators is the
    # program's voice (what a judge reading fifteen rows of different indicators sees again)
    quarter = names // 4
    common = {g: a for g, a in grams.items() if len(a) >= quarter and len(topics[g]) >= INDICATORS}
    print(f"\nagencies: {names}; rows: {rows_total}")
    print(
        f"{args.n}-word phrases in the rows of {INDICATORS}+ indicators, printed by a quarter or more "
        f"of the agencies ({quarter}+): {len(common)}"
    )
    print(f"rows whose steps name a team the owners column names otherwise: {mismatched}")
    for g, a in sorted(common.items(), key=lambda kv: -len(kv[1]))[: args.top]:
        print(f"  [{len(a)} agencies, {len(topics[g])} indicators] ({where[g]}) {''.join(g)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
