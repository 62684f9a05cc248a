"""Turn the validated framework facts and playbook entries into self-contained Thai passages.

The retrieval index stores these passages (bot.search.ingest.knowledge_sources);
neither the framework nor the playbook knows about indexing.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.ita.facts import SOLID, hedge
from bot.ita.framework import Framework
from bot.ita.playbook import Playbook

# Passage ids of our own guidance (guidance.yaml): practice we wrote, not a playbook entry.
GUIDANCE_PREFIX = "guide-"


def _passage(
    pid: str,
    text: str,
    source: str,
    kind: str,
    indicator: int | None,
    items: list[str],
    year: int | None,
    confidence: str,
    years: Iterable[int] = (),
) -> dict:
    return {
        "id": pid,
        "text": " ".join(text.split()),
        "source": source,
        "kind": kind,
        "indicator": indicator,
        "items": items,
        "year": year,
        "years": sorted(set(years) | ({year} if year else set())),
        "confidence": confidence,
    }


def _years(years: Iterable[int]) -> str:
    ordered = sorted(set(years))
    if not ordered:
        return ""
    return f"{ordered[0]}" if len(ordered) == 1 else f"{ordered[0]}–{ordered[-1]}"


# What ITA is and who runs it (ita-framework.md §1.1–§1.3): the tools, indicators and weights are
# read from the framework; these sentences carry only what the researched facts say.
ABOUT_ID = "about-ita"
_ABOUT_SOURCE = (
    "ita-framework.md §1.1 (seeds 002, 004: 10 indicators, 3 tools), §1.2 (weights: PSU report 2564,"
    " Phayao dashboard code), §1.3 (seed 004: online ITAS since 2561, 2565 co-supervising bodies)"
)
_ABOUT_HEAD = (
    "การประเมิน ITA คืออะไร: ITA ย่อมาจาก Integrity and Transparency Assessment หรือ"
    "การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ เป็นการประเมินหน่วยงานภาครัฐทุกปีงบประมาณ"
    " โดยสำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ (สำนักงาน ป.ป.ช.) เป็นผู้ประเมิน (ผู้ดำเนินการประเมิน)",
    "การประเมินทำผ่านระบบ ITAS ทางออนไลน์ (ประเมินแบบออนไลน์ตั้งแต่ปี 2561) ปี 2565 มีหน่วยงานร่วมกำกับ ได้แก่"
    " สำนักงาน ป.ป.ช. สำนักงาน ป.ป.ท. กรมส่งเสริมการปกครองท้องถิ่น สคร. และ สป.อว.",
)
_ABOUT_TAIL = (
    "กรอบ {count} ตัวชี้วัด {tools} แบบวัดนี้ยืนยันได้อย่างน้อยตั้งแต่ปี 2562/2563 ถึง 2568",
    "หน่วยงานนำผลการประเมินไปวิเคราะห์และจัดทำมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานของปีถัดไป",
)


def about_passage(fw: Framework) -> dict:
    """Return the passage that says what ITA is: who runs it, its tools, indicators and weights."""
    tools = []
    for t in fw.tools:
        names = ", ".join(f"{n} {fw.indicator(n).name}" for n in t.indicators)
        tools.append(f"{t.code} {t.name} น้ำหนักร้อยละ {round(t.weight * 100)} มีตัวชี้วัดที่ {names}")
    weights = " + ".join(f"{t.weight:.1f} × {t.code}" for t in fw.tools)
    lines = [
        *_ABOUT_HEAD,
        f"เครื่องมือ (แบบวัด) {len(fw.tools)} แบบ: {'; '.join(tools)}",
        f"คะแนนรวม = {weights} (คะแนนแบบวัด = ค่าเฉลี่ยของตัวชี้วัดในแบบวัดนั้น)",
        *(x.format(count=len(fw.indicators), tools=len(fw.tools)) for x in _ABOUT_TAIL),
    ]
    passage = _passage(ABOUT_ID, "", _ABOUT_SOURCE, "framework", None, [], None, "CORROBORATED")
    # One sentence a line, so an answer quotes the line asked for (who runs it, the tools, ...).
    return {**passage, "text": "\n".join(" ".join(x.split()) for x in lines)}


def framework_passages(fw: Framework) -> list[dict]:
    """Return one passage per recommendation, item, OIT item (per year), description and level meaning."""

    def ind_label(n: int | None) -> str:
        return f"ตัวชี้วัดที่ {n} {fw.indicator(n).name}" if n else ""

    out: list[dict] = [about_passage(fw)]
    for i, rec in enumerate(fw.recommendations, 1):
        items = ", ".join(rec.items) or "-"
        n = rec.indicator if rec.indicator else (fw.item_indicator(rec.items[0]) if rec.items else None)
        where = f" พบในเอกสารของหน่วยงานตัวอย่าง ปี {', '.join(map(str, rec.years))}" if rec.years else ""
        mapping = "" if rec.mapping_confidence in SOLID else f" (การจับคู่กับข้อ {items} อนุมานจากถ้อยคำ)"
        text = (
            f"ข้อเสนอแนะของ ป.ป.ช. สำหรับข้อ {items} ({ind_label(n)}): {rec.text}"
            f"{where}{mapping}{hedge(rec.confidence)}"
        )
        out.append(
            _passage(
                f"rec-{i:02d}",
                text,
                rec.source,
                "recommendation",
                n,
                list(rec.items),
                max(rec.years) if rec.years else None,
                rec.confidence,
                rec.years,
            )
        )

    # Our own guidance is advice distilled from the seeds, never NACC wording: it is indexed
    # with the playbook's practice (cited as such) and says who wrote it.
    for i, rec in enumerate(fw.guidance, 1):
        items = ", ".join(rec.items)
        n = rec.indicator if rec.indicator else (fw.item_indicator(rec.items[0]) if rec.items else None)
        about = f"ข้อ {items} ({ind_label(n)})" if items else ind_label(n)
        about += f" ปี {_years(rec.years)}" if rec.years else ""
        text = (
            f"แนวทางสำหรับ{about}: {rec.text} (แนวทางนี้เรียบเรียงจากเอกสารของหน่วยงานตัวอย่าง"
            " ไม่ใช่ถ้อยคำข้อเสนอแนะของ สำนักงาน ป.ป.ช.)"
        )
        out.append(
            _passage(
                f"{GUIDANCE_PREFIX}{i:02d}",
                text,
                rec.source,
                "playbook",
                n,
                list(rec.items),
                None,
                rec.confidence,
                rec.years,
            )
        )

    for code, item in fw.items.items():
        subs = f" ประเด็นย่อย: {'; '.join(item.sub_items)}" if item.sub_items else ""
        short = f' หน่วยงานมักเขียนสั้น ๆ ว่า "{item.short}"' if item.short and item.short != item.text else ""
        scoring = " ข้อนี้คิดคะแนนกลับ (ยิ่งตอบว่ามี/มาก คะแนนยิ่งต่ำ)" if item.reverse else ""
        text = (
            f"ข้อ {code} ของแบบวัด {item.tool} อยู่ใน{ind_label(item.indicator)} "
            f"(ข้อคำถามปี {_years(item.years)}): {item.text}{subs}{short}{scoring}{hedge(item.confidence)}"
        )
        out.append(
            _passage(
                f"item-{code}",
                text,
                item.source,
                "framework",
                item.indicator,
                [code],
                max(item.years) if item.years else None,
                item.confidence,
                item.years,
            )
        )

    for year, oit_items in fw.oit.items():
        for it in oit_items:
            group = (
                f" กลุ่ม {it.group} {it.group_name}".rstrip()
                if it.group and it.group != it.group_name
                else (f" กลุ่ม {it.group}" if it.group else "")
            )
            # the requirement may be less sure than the title: then it carries its own hedge
            own = hedge(it.requirement_label)
            # With no source for the requirement, what the title implies (oit.yaml publish_guidance,
            # DERIVED) is given as such: "ควรเผยแพร่ (อนุมาน…)", never as the official requirement.
            derived = "" if it.requirement else fw.oit_publish(it.code, year)
            req = (
                f" สิ่งที่ต้องเผยแพร่: {it.requirement}{own if own != hedge(it.confidence) else ''}"
                if it.requirement
                else (
                    f" ควรเผยแพร่: {derived}{hedge('DERIVED')}"
                    if derived
                    else " ยังไม่มีข้อมูลยืนยันรายละเอียดสิ่งที่ต้องเผยแพร่ของข้อนี้"
                )
            )
            note = f" หมายเหตุ: {it.note}" if it.note else ""
            text = (
                f"แบบวัด OIT ปี {year} ข้อ {it.code} {it.title} อยู่ใน{ind_label(it.indicator)}{group}"
                f"{req}{note}{hedge(it.confidence)}"
            )
            out.append(
                _passage(
                    f"oit-{year}-{it.code}",
                    text,
                    it.source,
                    "oit_item",
                    it.indicator,
                    [it.code],
                    year,
                    it.confidence,
                )
            )
        entry = fw.oit_years[year]
        if not oit_items:
            text = (
                f"รายการข้อ OIT ของปี {year} ยังไม่ได้รับการยืนยัน {' '.join(entry.notes)}{hedge(entry.confidence)}"
            )
            out.append(
                _passage(f"oit-{year}-none", text, entry.source, "oit_item", None, [], year, entry.confidence)
            )

    for ind in fw.indicators:
        if ind.description:
            text = f"คำอธิบาย{ind_label(ind.number)} (แบบวัด {ind.tool}) ตามกรอบการประเมินปี 2561–2565: {ind.description}"
            out.append(
                _passage(
                    f"desc-{ind.number}",
                    text + hedge(ind.description_confidence),
                    ind.description_source,
                    "framework",
                    ind.number,
                    [],
                    2565,
                    ind.description_confidence or "SINGLE",
                    range(2561, 2566),
                )
            )
        if ind.description_2568:
            text = f"คำอธิบาย{ind_label(ind.number)} (แบบวัด {ind.tool}) ตามถ้อยคำปี 2568: {ind.description_2568}"
            out.append(
                _passage(
                    f"desc2568-{ind.number}",
                    text + hedge(ind.description_2568_confidence),
                    ind.description_2568_source,
                    "framework",
                    ind.number,
                    [],
                    2568,
                    ind.description_2568_confidence or "SINGLE",
                )
            )

    for level, meaning in fw.level_meanings.items():
        span = f" (ระดับแบบ AA–F ใช้ในปี {meaning.years[0]}–{meaning.years[1]})" if meaning.years else ""
        text = f"ผลการประเมิน ITA ระดับ {level}{span} หมายถึง {meaning.generic or meaning.text}"
        out.append(
            _passage(
                f"level-{level}",
                text + hedge(meaning.confidence),
                meaning.source,
                "framework",
                None,
                [],
                meaning.years[1] if meaning.years else None,
                meaning.confidence,
                range(meaning.years[0], meaning.years[1] + 1) if meaning.years else (),
            )
        )

    for u in fw.unconfirmed:
        out.append(
            _passage(
                f"unconfirmed-{u.topic}", u.say_th, u.source, "framework", None, [], None, "NOT_CONFIRMED"
            )
        )

    cal = fw.calendar
    if cal is not None:
        quarters = "; ".join(
            f"ไตรมาสที่ {q} = {cal.abbr(m[0])}–{cal.abbr(m[-1])}" for q, m in cal.quarters.items()
        )
        rounds = "; ".join(f"{r.name} = {cal.abbr(r.months[0])}–{cal.abbr(r.months[-1])}" for r in cal.rounds)
        first, last = cal.fiscal_year_bounds(2569)
        example = (
            f"{first.day} {cal.abbr(first.month)} {first.year + cal.buddhist_offset} ถึง "
            f"{last.day} {cal.abbr(last.month)} {last.year + cal.buddhist_offset}"
        )
        text = (
            f"ปีงบประมาณของไทย: {cal.definition_th} เช่น ปีงบประมาณ พ.ศ. 2569 คือ {example} "
            f"{quarters} การรายงานผลตามมาตรการ: {rounds}"
        )
        out.append(
            _passage("calendar-fiscal-year", text, cal.source, "framework", None, [], None, cal.confidence)
        )
    return out


def playbook_passages(playbook: Playbook) -> list[dict]:
    """Return one self-contained Thai passage per playbook entry, for the retrieval index."""
    out = []
    for e in playbook.entries.values():
        head = f"แนวทางมาตรการ ตัวชี้วัดที่ {e.indicator}"
        if e.items:
            head += f" ข้อ {', '.join(e.items)}"
        if e.group:
            head += f" (OIT กลุ่ม {e.group})"
        lines = [f"{head}: {e.title}", "มาตรการ/โครงการ: " + "; ".join(e.measures)]
        lines.append(
            "ขั้นตอน: "
            + " ".join(f"{i}. {s.text} ({playbook.roles[s.role].name_th})" for i, s in enumerate(e.steps, 1))
        )
        lines.append("ตัวชี้วัดความสำเร็จ: " + "; ".join(e.kpis))
        lines.append(f"การกำกับติดตาม: {e.monitoring}")
        lines.append(f"การรายงานผล: {e.reporting}")
        if e.publish:
            lines.append(f"สิ่งที่ต้องเผยแพร่: {e.publish}")
        if e.codes:
            lines.append("รหัสข้อตามปี: " + "; ".join(f"{y}: {', '.join(c)}" for y, c in e.codes.items()))
        out.append(
            {
                "id": f"playbook:{e.key}",
                "text": "\n".join(lines),
                "source": e.source,
                "kind": "playbook",
                "indicator": e.indicator,
                "items": list(e.items),
                "years": e.years(),
            }
        )
    return out
