"""Compose the dialogue's replies from the sentences in bot.wording: prompts, summaries, row cards, buttons.

The sentences themselves live in bot.wording (one home, readable by officers);
this module only fills them in from the profile, the scores and the draft.
"""

from __future__ import annotations

from collections.abc import Callable

from bot import wording as w
from bot.dialogue.command_words import CORRECT_WORDS
from bot.dialogue.messages import Card, Choice
from bot.drafting.edits import examples_th, number_rows
from bot.ita.framework import Framework
from bot.ita.measures import AgencyProfile, Draft
from bot.ita.tiers import Thresholds, Tier, level, overall, tool_scores
from bot.scores import ScoreSet
from bot.thai import space_abbreviations

# Long row texts are cut on a card: the full text is in the Word/Excel files.
CARD_TEXT_CHARS = 300
CARD_STEPS_CHARS = 400


def help_text() -> str:
    """Return the list of commands and edit examples."""
    return w.HELP.format(examples=examples_th())


def not_understood() -> str:
    """Return the reply to a message that is neither an edit nor scores once the draft exists."""
    return w.NOT_UNDERSTOOD.format(examples=examples_th())


def keep_choice() -> list[Choice]:
    """Return the button that keeps the value already shown."""
    return [Choice(w.KEEP_LABEL, w.KEEP_LABEL)]


def export_choices() -> list[Choice]:
    """Return the download buttons."""
    return [
        Choice(w.EXPORT_WORD_LABEL, "/export docx"),
        Choice(w.EXPORT_EXCEL_LABEL, "/export xlsx"),
        Choice(w.EXPORT_ALL_LABEL, "/export"),
        Choice(w.REPORT_LABEL, "/report"),
        Choice(w.REVIEW_BUTTON_LABEL, "/export ตรวจทาน"),
        Choice(w.LAYOUT_BUTTON_LABEL, "/layout"),
    ]


def layout_choices(options: list[tuple[str, str, str]]) -> list[Choice]:
    """Return one button per document layout; the payload is the command that picks it."""
    return [Choice(title, f"/layout {title}") for _, title, _ in options]


def redraft_choices() -> list[Choice]:
    """Return the buttons of a redraft that asks first: go ahead, or keep the edited rows."""
    return [Choice(w.CONFIRM_LABEL, w.CONFIRM_LABEL), Choice(w.REDRAFT_KEEP_LABEL, "/cancel")]


def confirm_choices() -> list[Choice]:
    """Return the confirm/correct buttons."""
    return [Choice(w.CONFIRM_LABEL, w.CONFIRM_LABEL), Choice(w.CORRECT_LABEL, CORRECT_WORDS[0])]


def stored_now(value: object) -> str:
    """Return the line that shows what is stored already."""
    return w.STORED_NOW.format(value=value)


def ask_type(names: list[str], guess: str | None, current: str | None) -> str:
    """Return the agency-type question: the numbered types, a guess from the name, the type stored now."""
    listing = "\n".join(f"{i}. {name}" for i, name in enumerate(names, 1))
    hint = w.TYPE_GUESS.format(name=guess) if guess is not None else ""
    return w.ASK_TYPE.format(
        listing=listing, hint=hint, current=stored_now(current) if current is not None else ""
    )


def ask_year(profile: AgencyProfile) -> str:
    """Return the prompt for the assessment and fiscal years."""
    text = w.ASK_YEAR
    if profile.assessment_year:
        text += w.YEAR_STORED_NOW.format(assessment=profile.assessment_year, fiscal=profile.measures_year())
    return text


# How many unit names an example of a unit list shows.
EXAMPLE_UNITS = 3


def units_example(units: list[str] | tuple[str, ...]) -> str:
    """Return an example unit list, as the officer would type it, from the agency type's own units."""
    return ", ".join(units[:EXAMPLE_UNITS])


def ask_type_again(names: list[str], guess: str | None) -> str:
    """Return the agency-type question asked again: the buttons and numbers, without the list.

    The example is the guessed type's number when the name suggests one.
    """
    example = names.index(guess) + 1 if guess in names else 1
    hint = w.TYPE_GUESS.format(name=guess) if guess else ""
    return w.ASK_TYPE_AGAIN.format(count=len(names), example=example, hint=hint)


def ask_units(units: list[str], type_name: str, example: str) -> str:
    """Return the prompt showing default units for the officer to accept or replace."""
    shown = "\n".join(f"  {i}. {u}" for i, u in enumerate(units, 1)) or w.UNITS_NONE
    head = w.UNITS_HEAD_FOR_TYPE.format(type_name=type_name) if type_name else w.UNITS_HEAD
    return w.ASK_UNITS.format(head=head, shown=shown, example=example)


def profile_text(profile: AgencyProfile, type_name: str) -> str:
    """Return the stored agency profile as Thai lines."""
    return w.PROFILE.format(
        name=profile.name or w.NOT_SET,
        type_name=type_name or w.NOT_SET,
        units=", ".join(profile.units) or w.NOT_SET,
        assessment=profile.assessment_year or w.NOT_SET,
        fiscal=profile.measures_year() or w.NOT_SET,
    )


def thresholds_text(thresholds: Thresholds) -> str:
    """Return the tier thresholds in Thai."""
    return w.THRESHOLDS.format(
        below=thresholds.urgent_below,
        from_=thresholds.maintain_from,
        urgent=Tier.URGENT,
        improve=Tier.IMPROVE,
        maintain=Tier.MAINTAIN,
    )


def bad_thresholds(text: str) -> str:
    """Return the reply to thresholds that cannot be read."""
    return w.BAD_THRESHOLDS.format(text=text, urgent=Tier.URGENT, maintain=Tier.MAINTAIN)


def correction_text(correction: dict[int | str, float]) -> str:
    """Return what a score correction changed, e.g. "แก้คะแนนแล้ว: ตัวชี้วัดที่ 7 = 61.5"."""
    return w.CORRECTED + ", ".join(f"{_score_label(k)} = {v:g}" for k, v in correction.items())


def replaced_scores(old: ScoreSet, new: ScoreSet) -> str:
    """Return "แก้คะแนนแล้ว: ตัวชี้วัดที่ 2 = 85.55 (เดิม 84.55)" for values `new` changes, or ""."""
    pairs: list[tuple[int | str, float, float]] = []
    if new.overall is not None and old.overall is not None and abs(new.overall - old.overall) > 0.004:
        pairs.append(("overall", old.overall, new.overall))
    pairs += [(k, old.indicators[k], v) for k, v in new.indicators.items() if k in old.indicators]
    for mine, theirs in ((old.items, new.items), (old.tools, new.tools)):
        pairs += [(k, mine[k], v) for k, v in theirs.items() if k in mine]
    pairs = [(k, was, v) for k, was, v in pairs if abs(was - v) > 0.004]
    if not pairs:
        return ""
    return w.CORRECTED + ", ".join(
        w.REPLACED_SCORE.format(label=_score_label(k), new=f"{v:g}", old=f"{was:g}") for k, was, v in pairs
    )


def _score_label(key: int | str) -> str:
    # Keys as parse_correction gives them: an indicator number, "overall", an item or tool code.
    if isinstance(key, int):
        return w.INDICATOR.format(number=key)
    return w.OVERALL if key == "overall" else key


def draft_summary(draft: Draft) -> str:
    """Return a short Thai summary of a draft: whom, which year, level, counts by tier."""
    tiers: dict[str, int] = {}
    for row in draft.rows:
        tiers[row.tier] = tiers.get(row.tier, 0) + 1
    counts = ", ".join(f"{t} {n}" for t, n in tiers.items()) or w.NOT_SET
    fy = draft.fiscal_year or draft.agency.measures_year()
    lines = [
        space_abbreviations(w.DRAFT_TITLE.format(agency=draft.agency.name or w.AGENCY, year=fy or w.NOT_SET))
    ]
    if draft.overall is not None:
        level = w.DRAFT_LEVEL.format(level=draft.level) if draft.level else ""
        hedge = " " + w.DRAFT_LEVEL_UNSURE if draft.level and draft.level_note else ""
        lines.append(w.DRAFT_OVERALL.format(overall=draft.overall, level=level) + hedge)
    lines.append(w.DRAFT_COUNT.format(count=len(draft.rows), tiers=counts))
    lines.extend(draft.notes)
    lines.append(w.DRAFT_HOW_TO_EDIT)
    return "\n".join(lines)


def _short(text: str, limit: int = CARD_TEXT_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def row_cards(draft: Draft, indicator_name: Callable[[int], str]) -> list[Card]:
    """Return one compact card per draft row, titled with its stable number ("แถว 5").

    indicator_name(n) gives the indicator's Thai name.
    """
    cards = []
    for row in number_rows(draft).rows:
        score = f" ({row.score:.2f})" if row.score is not None else ""
        # row.topic already reads "ตัวชี้วัดที่ 9 ... – ข้อ O13 ... (83.50 คะแนน) – <tier>";
        # the tier goes in the subtitle, so drop it from the title.
        suffix = f" – {row.tier}"
        title = (
            row.topic.removesuffix(suffix)
            if row.topic
            else w.CARD_INDICATOR.format(number=row.indicator, name=indicator_name(row.indicator))
        ) + score
        steps = (
            " ".join(row.steps)
            if all(s[:1].isdigit() for s in row.steps)
            else " ".join(f"{n}) {s}" for n, s in enumerate(row.steps, 1))
        )
        items = ((w.CARD_ITEMS, ", ".join(row.items)),) if row.items else ()
        cards.append(
            Card(
                title=w.CARD_TITLE.format(row=row.number, title=title),
                subtitle=row.tier,
                fields=(
                    *items,
                    (w.CARD_MEASURE, _short(row.measure)),
                    (w.CARD_STEPS, _short(steps, CARD_STEPS_CHARS)),
                    (w.CARD_OWNERS, ", ".join(row.owners)),
                    (w.CARD_TIMELINE, row.timeline),
                    (w.CARD_KPI, _short(row.kpi)),
                ),
            )
        )
    return cards


def card_text(card: Card) -> str:
    """Return a card as plain text, for channels without rich layouts."""
    return "\n".join([f"{card.title} [{card.subtitle}]", *(f"  {k}: {v}" for k, v in card.fields)])


# A typed score differs from the one computed from the indicators when it is off by more than rounding.
SCORE_TOLERANCE = 0.05


def _score(value: float) -> str:
    return f"{value:.2f}"


def confirmation_summary(scores: ScoreSet, fw: Framework, thresholds: Thresholds) -> str:
    """Return the summary of the scores read that the officer is asked to confirm."""
    year = w.CONFIRM_TITLE_YEAR.format(year=scores.year) if scores.year else ""
    lines = [w.CONFIRM_TITLE.format(year=year)]
    computed = tool_scores(scores.indicators, fw)
    for tool in fw.tools:
        lines.append(
            w.CONFIRM_TOOL.format(code=tool.code, name=tool.name.split(" (")[0], weight=tool.weight * 100)
        )
        for n in tool.indicators:
            name = fw.indicator(n).name
            if n in scores.indicators:
                v = scores.indicators[n]
                lines.append(
                    w.CONFIRM_INDICATOR.format(number=n, name=name, score=_score(v), tier=thresholds.tier(v))
                )
            else:
                lines.append(w.CONFIRM_INDICATOR_MISSING.format(number=n, name=name))
        if tool.code in computed:
            lines.append(w.CONFIRM_TOOL_SCORE.format(code=tool.code, score=_score(computed[tool.code])))
            typed = scores.tools.get(tool.code)
            if typed is not None and abs(typed - computed[tool.code]) > SCORE_TOLERANCE:
                lines.append(w.CONFIRM_TOOL_DIFFERS.format(code=tool.code, typed=_score(typed)))
    if scores.items:
        lines.append(w.CONFIRM_ITEMS)
        for code, v in sorted(scores.items.items(), key=lambda kv: (kv[0][0], int(kv[0][1:]))):
            number = fw.item_indicator(code, scores.year)
            where = w.CONFIRM_ITEM_WHERE.format(number=number) if number else ""
            lines.append(
                w.CONFIRM_ITEM.format(code=code, where=where, score=_score(v), tier=thresholds.tier(v))
            )
    # The plan uses the overall as the officer typed it; the dialogue asks once when it differs
    # from the weighted mean (Context.ask_overall_once), so the summary does not repeat that.
    total = overall(scores.indicators, fw)
    shown = scores.overall if scores.overall is not None else total
    lines.append("")
    if scores.overall is not None:
        lines.append(w.CONFIRM_OVERALL_TYPED.format(score=_score(scores.overall)))
    elif total is not None:
        lines.append(w.CONFIRM_OVERALL.format(score=_score(total)))
    lv = level(scores.year, shown, computed, fw)
    if lv.label:
        lines.append(
            w.CONFIRM_LEVEL.format(label=lv.label) + ("" if lv.confirmed else w.CONFIRM_LEVEL_UNCONFIRMED)
        )
    if lv.note_th:
        lines.append(w.CONFIRM_NOTE.format(note=lv.note_th))
    missing = scores.missing_indicators(fw.indicator_numbers)
    if missing:
        lines.append(w.CONFIRM_MISSING.format(numbers=", ".join(map(str, missing)), first=missing[0]))
    lines.append(
        w.CONFIRM_TIERS.format(
            urgent=thresholds.urgent_below,
            maintain=thresholds.maintain_from,
            urgent_name=Tier.URGENT,
            improve_name=Tier.IMPROVE,
            maintain_name=Tier.MAINTAIN,
        )
    )
    lines.append(w.CONFIRM_PROMPT)
    return "\n".join(lines)


def partial_choices() -> list[Choice]:
    """Return the two buttons offered with some indicators missing: wait for more, or draft from these."""
    return [Choice(w.PARTIAL_WAIT_LABEL, w.PARTIAL_WAIT), Choice(w.PARTIAL_DRAFT_LABEL, w.PARTIAL_DRAFT)]
