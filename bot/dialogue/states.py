"""The steps of the conversation: profile (name, type, units, years) -> scores -> confirm -> drafted.

A state machine written as data (after python-telegram-bot's conversationbot):
`STATES` maps each `State` to the handler that reads the officer's message (the
Context) and returns the next state. Commands and questions are handled before
these, in bot.dialogue.conversation. It is a little over 400 lines because the handlers are read
together as one table of steps; each is short, and splitting them would scatter the state machine.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable

from bot import wording as w
from bot.dialogue import render as say
from bot.dialogue.answer_words import is_partial_draft, only_these
from bot.dialogue.command_words import CORRECT_WORDS, is_confirm, is_keep
from bot.dialogue.context import PARTIAL, PARTIAL_OFFERED, WANTED, Context
from bot.dialogue.detours import wanted_text
from bot.dialogue.draft_edits import PENDING, edit_draft
from bot.dialogue.early_answers import BE_CENTURY, YEAR_RANGE, early_units, keep_early_answer
from bot.dialogue.messages import Choice
from bot.dialogue.profile_text import (
    drop_name_lead,
    looks_like_unit,
    more_units,
    name_in_intro,
    names_a_body,
    plain_answer,
    split_units,
)
from bot.dialogue.understand import GREETING, bare, is_no
from bot.drafting.edit_history import pending_command
from bot.ita.measures import AgencyProfile
from bot.ita.playbook import AgencyType
from bot.ita.tiers import overall
from bot.scores import ScoreSet
from bot.thai import to_arabic

# An agency's name: at least a word, at most what fits a document's title line.
MIN_NAME_CHARS, MAX_NAME_CHARS = 3, 200
# A unit's name is one line of the measure table's "ผู้รับผิดชอบ" column.
MAX_UNIT_CHARS = 120
MIN_UNIT_LETTERS = 2
# "ไม่แน่ใจ", "ไม่ทราบค่ะ": the officer does not know the answer to a profile question.
_UNSURE = re.compile(r"ไม่\s*(?:แน่ใจ|ทราบ|รู้)|\bnot sure\b|\bdon'?t know\b", re.I)
# How much of an unreadable agency type to quote back.
QUOTE_CHARS = 60
# The open question (Context.ask) of a /new that waits for a yes before it erases the session.
NEW_ASKED = "new"

# Scores sent with "that is all I have": "มีแค่นี้ค่ะ", "ได้มาเท่านี้", "มีเพียงเท่านี้", "ไม่มีตัวอื่นแล้ว".
_YEARS = re.compile(r"(?<!\d)(\d{4}|\d{2})(?!\d)")


class State(enum.Enum):
    """Where the conversation stands; the value is what the session row stores."""

    PROFILE_NAME = "profile_name"
    PROFILE_TYPE = "profile_type"
    PROFILE_UNITS = "profile_units"
    PROFILE_YEAR = "profile_year"
    SCORES = "scores"
    CONFIRM = "confirm"
    DRAFTED = "drafted"


PROFILE_STATES = (State.PROFILE_NAME, State.PROFILE_TYPE, State.PROFILE_UNITS, State.PROFILE_YEAR)


# ---------------------------------------------------------------- profile
def ask_profile_step(ctx: Context, state: State) -> State:
    """Ask the question of a profile step and return that step."""
    profile = ctx.profile
    if state is State.PROFILE_NAME:
        keep = say.stored_now(profile.name) if profile.name else ""
        ctx.say(w.ASK_NAME + keep, choices=say.keep_choice() if profile.name else [])
    elif state is State.PROFILE_TYPE:
        types = list(ctx.playbook.agency_types.values())
        guess = ctx.playbook.match_agency_type(profile.name) if profile.name else None
        guessed = guess.name_th if guess and not profile.type else None
        if ctx.session.state == State.PROFILE_TYPE.value:  # asked again: the list is above already
            ctx.say(say.ask_type_again([t.name_th for t in types], guessed), choices=ctx.type_choices())
            return state
        ctx.say(
            say.ask_type(
                [t.name_th for t in types], guessed, ctx.type_name(profile) if profile.type else None
            ),
            choices=ctx.type_choices(),
        )
    elif state is State.PROFILE_UNITS:
        at = ctx.agency_type(profile.type)
        units = profile.units or (list(at.default_units) if at else [])
        ctx.say(
            # "defaults for <type>" only over the type's own list, never over units the officer typed
            say.ask_units(units, at.name_th if at and not profile.units else "", ctx.units_example()),
            choices=say.keep_choice(),
        )
    else:
        ctx.say(say.ask_year(profile), choices=say.keep_choice() if profile.assessment_year else [])
    return state


def looks_like_agency(ctx: Context, name: str) -> bool:
    """Tell whether a name reads as a public body: an agency type's name or alias, or a body's word."""
    return ctx.playbook.match_agency_type(name) is not None or names_a_body(name)


def on_name(ctx: Context) -> State:
    """Store the agency's name (or keep scores sent early) and ask for its type."""
    if is_keep(bare(ctx.turn.text)) and ctx.profile.name:
        return ask_profile_step(ctx, State.PROFILE_TYPE)
    early = kept_early_scores(ctx, State.PROFILE_NAME)
    if early is not None:
        return early
    if keep_early_answer(ctx):  # "ปี 68 ค่ะ", "สำนักปลัด กองคลัง": kept for their steps, never a name
        return ask_profile_step(ctx, State.PROFILE_NAME)
    name = plain_answer(ctx.turn.text)
    greeting = GREETING.match(name)
    if greeting:  # "สวัสดีค่ะ เทศบาลตำบลนามะเขือ": the greeting is not part of the name
        name = plain_answer(name[greeting.end() :].lstrip(" ,ๆ"))
        name = re.sub(r"^(?:ครับ|ค่ะ|คะ|จ้า)\s*", "", name)
        ctx.say(w.GREETING_REPLY)
    name = drop_name_lead(name)
    if is_confirm(bare(name).lower()) or is_no(name):
        name = ""  # "ใช่" / "ไม่ใช่" with no question open is not a name
    if not name:
        ctx.say(w.ASK_NAME)
        return State.PROFILE_NAME
    if (
        not MIN_NAME_CHARS <= len(name) <= MAX_NAME_CHARS
        or to_arabic(name).replace(" ", "").isdigit()
        or not any(ch.isalpha() for ch in name)
    ):
        ctx.say(w.BAD_NAME.format(min=MIN_NAME_CHARS, max=MAX_NAME_CHARS))
        return State.PROFILE_NAME
    intro = name_in_intro(name)
    if intro and intro != name and MIN_NAME_CHARS <= len(intro) <= MAX_NAME_CHARS:
        return check_name(ctx, intro)  # "ผมเป็นครูผู้รับผิดชอบ ITA ของโรงเรียน…": the name, to confirm
    if not looks_like_agency(ctx, name):
        return check_name(ctx, name)
    return save_name(ctx, name)


def _yes_no() -> list[Choice]:
    return [Choice(w.YES_LABEL, w.YES_LABEL), Choice(w.NO_LABEL, w.NO_LABEL)]


def check_name(ctx: Context, name: str) -> State:
    """Ask whether a name read from a sentence (or unlike an agency's) is the agency's name."""
    ctx.ask(w.ASK_IS_AGENCY.format(name=name[:QUOTE_CHARS]), _yes_no(), "name", name=name)
    return State.PROFILE_NAME


def save_name(ctx: Context, name: str) -> State:
    """Store the agency's name and ask for its type."""
    ctx.profile.name = name
    ctx.say(w.NAME_SAVED.format(name=name))
    return ask_profile_step(ctx, State.PROFILE_TYPE)


def kept_early_scores(ctx: Context, state: State) -> State | None:
    """Keep scores sent while a profile question is open, and ask that question again.

    Officers often paste their scores before the bot has finished asking about the agency;
    the scores are kept for later (nothing valid is lost) and the open question still stands.
    """
    if ctx.parsed.has_scores and ctx.stash_scores():
        return ask_profile_step(ctx, state)
    return None


def on_type(ctx: Context) -> State:
    """Store the agency type chosen by number, name or button, and ask for the units."""
    profile = ctx.profile
    if is_keep(bare(ctx.turn.text)) and profile.type:
        return ask_profile_step(ctx, State.PROFILE_UNITS)
    early = kept_early_scores(ctx, State.PROFILE_TYPE)
    if early is not None:
        return early
    types = list(ctx.playbook.agency_types.values())
    text = plain_answer(ctx.turn.text)
    number = to_arabic(text)
    guess = ctx.playbook.match_agency_type(profile.name) if profile.name and not profile.type else None
    chosen: AgencyType | None
    if guess is not None and is_confirm(bare(text).lower()):  # "ใช่ค่ะ" to the type guessed from the name
        chosen = guess
    elif number.isdecimal() and 1 <= int(number) <= len(types):  # not isdigit: "²" is a digit int() refuses
        chosen = types[int(number) - 1]
    else:
        chosen = next(
            (t for t in types if text in (t.key, t.name_th)), None
        ) or ctx.playbook.match_agency_type(text)
    if chosen is None:
        if keep_early_answer(ctx):  # the year or the units, typed one step early: kept
            return ask_profile_step(ctx, State.PROFILE_TYPE)
        unsure = _UNSURE.search(text)  # "ไม่แน่ใจค่ะ": not a type, and no slip to point out
        ctx.say(w.TYPE_UNSURE if unsure else w.UNKNOWN_TYPE.format(text=text[:QUOTE_CHARS]))
        return ask_profile_step(ctx, State.PROFILE_TYPE)
    kept = early_units(ctx)
    if chosen.key != profile.type or kept:
        profile.type, profile.units, profile.executive = chosen.key, kept, chosen.executive or ""
    ctx.say(w.TYPE_SAVED.format(name=chosen.name_th))
    return ask_profile_step(ctx, State.PROFILE_UNITS)


def on_units(ctx: Context) -> State:
    """Store the units (typed, or the type's defaults kept) and ask for the years."""
    profile = ctx.profile
    early = kept_early_scores(ctx, State.PROFILE_UNITS)
    if early is not None:
        return early
    if keep_early_answer(ctx, units=False):  # "ปี 68 ค่ะ" is no unit: kept for the year step
        return ask_profile_step(ctx, State.PROFILE_UNITS)
    at = ctx.agency_type(profile.type)
    known = list(at.default_units) if at else []
    answer = bare(ctx.turn.text)
    if is_keep(answer) or is_confirm(answer.lower()):  # "ใช่ค่ะ", "โอเคค่ะ" to the units shown: keep them
        units = profile.units or known
    else:
        units = split_units(ctx.turn.text, known)
    # a unit has a name: "13" (a type's number typed one step late) or "-" names none
    if not units or any(len(u) > MAX_UNIT_CHARS or not _has_letters(u) for u in units):
        ctx.say(w.BAD_UNITS.format(max=MAX_UNIT_CHARS, example=ctx.units_example()))
        return State.PROFILE_UNITS
    if not any(looks_like_unit(u, known) for u in units):
        # nothing reads as a unit ("ร่างจากที่มีได้เลยค่ะ"): asked, never saved as every measure's owner
        units = list(dict.fromkeys(units))
        ctx.ask(w.ASK_ARE_UNITS.format(units=", ".join(units)[:QUOTE_CHARS]), _yes_no(), "units", units=units)
        return State.PROFILE_UNITS
    return save_units(ctx, units)


def save_units(ctx: Context, units: list[str]) -> State:
    """Store the agency's units (owners of the measures) and ask for the years."""
    ctx.profile.units = list(dict.fromkeys(units))
    ctx.say(w.UNITS_SAVED.format(units=", ".join(ctx.profile.units)))
    return ask_profile_step(ctx, State.PROFILE_YEAR)


def _has_letters(unit: str) -> bool:
    """Tell whether a unit's name holds at least two letters (Thai or Latin), not only digits or marks."""
    return sum(ch.isalpha() for ch in unit) >= MIN_UNIT_LETTERS


def on_year(ctx: Context) -> State:
    """Store the assessment year (and the measures' fiscal year) and move on."""
    profile = ctx.profile
    if is_keep(bare(ctx.turn.text)) and profile.assessment_year:
        return after_profile(ctx)
    if ctx.parsed.has_scores and ctx.stash_scores():
        year = ctx.session.scores.year if ctx.session.scores is not None else None
        if year is None or year not in YEAR_RANGE:
            return ask_profile_step(ctx, State.PROFILE_YEAR)
        # "ปี 2568 ได้ 84.12" answers the year question too
        profile.assessment_year, profile.fiscal_year = year, year + 1
        ctx.say(w.YEARS_SAVED.format(assessment=year, fiscal=year + 1))
        return after_profile(ctx)
    added = more_units(ctx.turn.text)
    if added:  # "- กองคลัง": the unit list, sent one unit a message, goes on; the year is asked again
        profile.units = list(dict.fromkeys([*profile.units, *added]))
        ctx.say(w.UNITS_ADDED.format(units=", ".join(profile.units)))
        return ask_profile_step(ctx, State.PROFILE_YEAR)
    years = [int(y) for y in _YEARS.findall(to_arabic(ctx.turn.text))]
    years = [y + BE_CENTURY if y < 100 else y for y in years]
    if not years or any(y not in YEAR_RANGE for y in years):
        ctx.say(w.BAD_YEAR)
        return State.PROFILE_YEAR
    assessment = years[0]
    fiscal = years[1] if len(years) > 1 else assessment + 1
    if fiscal < assessment:
        ctx.say(
            w.FISCAL_BEFORE_ASSESSMENT.format(fiscal=fiscal, assessment=assessment, next_year=assessment + 1)
        )
        return State.PROFILE_YEAR
    profile.assessment_year, profile.fiscal_year = assessment, fiscal
    ctx.say(w.YEARS_SAVED.format(assessment=assessment, fiscal=fiscal))
    return after_profile(ctx)


def after_profile(ctx: Context) -> State:
    """Move on once the profile is complete: back to the draft, to confirmation, or to scores."""
    resume = ctx.session.extra.pop("resume", None)
    if resume == State.DRAFTED.value and ctx.session.draft is not None:
        ctx.say(w.PROFILE_CHANGED)
        return State.DRAFTED
    scores = ctx.session.scores
    if scores is not None and not ctx.missing(scores):
        ctx.show_confirmation()
        return State.CONFIRM
    ctx.say(w.ASK_SCORES)
    if scores is not None:
        ctx.say(ctx.missing_text(scores))
    return State.SCORES


# ---------------------------------------------------------------- scores
def scores_or_confirmation(ctx: Context) -> State:
    """Ask for the missing indicators (offering to draft from what is here), or show the confirmation."""
    scores = ctx.session.scores
    if scores is not None and not ctx.missing(scores):
        ctx.session.extra.pop(PARTIAL, None)
    if scores is None or (ctx.missing(scores) and not ctx.session.extra.get(PARTIAL)):
        if scores is not None and scores.indicators:
            ctx.offer_partial(scores)
        elif scores is not None:
            ctx.say(ctx.missing_text(scores))
        return State.SCORES
    ctx.show_confirmation()
    return State.CONFIRM


def on_scores(ctx: Context) -> State:
    """Take scores or corrections until every indicator has one (or the officer drafts from some)."""
    word = bare(ctx.turn.text)
    scores = ctx.session.scores
    partial = scores is not None and bool(scores.indicators)
    offered = bool(ctx.session.extra.get(PARTIAL_OFFERED))
    typed = is_partial_draft(ctx.turn.text) or (offered and is_confirm(word))
    if partial and (word in (w.PARTIAL_DRAFT, w.PARTIAL_DRAFT_LABEL) or typed) and not ctx.parsed.has_scores:
        # the button (typed too: "ร่างจากที่มีได้เลยครับ"), or "ยืนยันค่ะ" once the missing indicators were listed
        ctx.session.extra[PARTIAL] = True
        return scores_or_confirmation(ctx)
    if word in (w.PARTIAL_WAIT, w.PARTIAL_WAIT_LABEL):
        ctx.say(w.PARTIAL_WAITING)
        return State.SCORES
    if ctx.take_scores():
        if only_these(ctx.turn.text):  # "…ได้ 81 ค่ะ มีแค่นี้แหละ": draft from these, as the button does
            ctx.session.extra[PARTIAL] = True
        return scores_or_confirmation(ctx)
    result = ctx.parsed.scores
    has_digits = any(ch.isdigit() for ch in to_arabic(ctx.turn.text))
    if partial and scores is not None and (not has_digits or only_these(ctx.turn.text)):
        ctx.offer_partial(scores)  # "ยืนยัน", "ร่างเลย", "มีแค่ 4 ตัวครับ" with some scores in: the two ways on
    elif result is not None and result.error and has_digits:
        ctx.say(result.error)  # numbers that are not scores: the parser says what was wrong
    elif result is not None and result.scores.tools and not result.scores.indicators:
        # "IIT 83.2 EIT 88.9 OIT 70": read, and said so; the plan needs the indicators
        tools = ", ".join(f"{name} {value:.2f}" for name, value in result.scores.tools.items())
        ctx.say(w.TOOLS_ONLY.format(tools=tools) + w.ASK_SCORES)
    else:
        ctx.say(w.NO_SCORES_FOUND + w.ASK_SCORES)
    return State.SCORES


def keep_measures_request(ctx: Context, indicators: tuple[int, ...]) -> None:
    """Say that measures are drafted from scores, ask for them, and keep what was asked for."""
    wanted = wanted_text(indicators)
    first = indicators[0] if indicators else ctx.fw.indicator_numbers[0]
    ctx.say(w.MEASURES_NEED_SCORES.format(wanted=wanted, example=w.MEASURES_EXAMPLE.format(number=first)))
    if indicators:
        kept = ctx.session.extra.get(WANTED) or []
        ctx.session.extra[WANTED] = sorted({*kept, *indicators})
        ctx.say(w.MEASURES_WANTED_KEPT.format(wanted=wanted))


def on_confirm(ctx: Context) -> State:
    """Draft on "ยืนยัน"; take corrections and show the summary again; never call a reply "no scores"."""
    word = bare(ctx.turn.text).lower()
    scores = ctx.session.scores
    if word in (w.OVERALL_TYPED.lower(), w.OVERALL_COMPUTED.lower()) and scores is not None:
        choose_overall(ctx, scores, typed=word == w.OVERALL_TYPED.lower())
        return State.CONFIRM
    partial = word in (w.PARTIAL_DRAFT.lower(), w.PARTIAL_DRAFT_LABEL.lower()) or is_partial_draft(word)
    if is_confirm(word) or is_confirm(ctx.turn.text.strip().lower()) or partial:
        ctx.make_draft()
        return State.DRAFTED
    if word in CORRECT_WORDS:
        ctx.say(w.ASK_CORRECTION)
        return State.CONFIRM
    if ctx.take_scores():
        return scores_or_confirmation(ctx)
    ctx.turn.reply.texts.clear()
    ctx.say(w.CONFIRM_UNSURE, choices=say.confirm_choices())
    return State.CONFIRM


def choose_overall(ctx: Context, scores: ScoreSet, *, typed: bool) -> None:
    """Keep the typed overall, or drop it for the weighted mean of the indicators; then ask to confirm."""
    ctx.drop_pending()
    computed = overall(scores.indicators, ctx.fw)
    if not typed and computed is not None:
        ctx.session.scores = scores.model_copy(update={"overall": None})
    chosen = scores.overall if typed or computed is None else computed
    if chosen is not None:
        ctx.say(w.OVERALL_CHOSEN.format(score=chosen))
    ctx.say(w.CONFIRM_OR_CORRECT, choices=say.confirm_choices())


# ---------------------------------------------------------------- draft
def on_drafted(ctx: Context) -> State:
    """Once drafted: a redraft waiting for "ยืนยัน", score changes, or how to edit and download."""
    waiting = pending_command(ctx.session.extra.pop(PENDING, None), ctx.session.draft)
    if is_confirm(ctx.turn.text):
        if waiting is not None:
            edit_draft(ctx, waiting, force=True)
        else:
            ctx.say(w.DRAFT_READY + w.EXPORT_HINT, choices=say.export_choices())
        return State.DRAFTED
    if ctx.take_scores():
        ctx.say(w.SCORES_CHANGED)
        return State.DRAFTED
    ctx.turn.reply.texts.clear()
    if waiting is not None:
        ctx.say(w.REDRAFT_KEPT)
    ctx.say(say.not_understood(), choices=say.export_choices())
    return State.DRAFTED


STATES: dict[State, Callable[[Context], State]] = {
    State.PROFILE_NAME: on_name,
    State.PROFILE_TYPE: on_type,
    State.PROFILE_UNITS: on_units,
    State.PROFILE_YEAR: on_year,
    State.SCORES: on_scores,
    State.CONFIRM: on_confirm,
    State.DRAFTED: on_drafted,
}


def start_over(ctx: Context) -> State:
    """Erase this officer's profile, scores and draft, and ask for the agency's name (after a yes to /new)."""
    s = ctx.session
    s.profile, s.scores, s.thresholds, s.draft, s.extra = AgencyProfile(), None, None, None, {}
    s.state = State.PROFILE_NAME.value
    ctx.say(w.CLEARED, w.ASK_NAME)
    return State.PROFILE_NAME
