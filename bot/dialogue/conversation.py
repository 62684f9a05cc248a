"""The conversation: profile -> scores -> confirm -> drafted, with commands, questions and edits.

`Dialogue.handle` loads the officer's session, reads the message once
(bot.dialogue.understand), and routes it: a command (bot.dialogue.commands), a
draft edit, the answer to an open yes/no question (bot.dialogue.pending), a
question, small talk, or else the handler of the current step
(bot.dialogue.states). Commands and questions work in every state; questions
and small talk never move the state, and after them the step (or the open
question) is said again. A button payload this session was never offered (an
old menu, a rich menu's postback) is not taken as an answer. With an LLM
configured, a message the rules could not read is read by it, and the reading
is shown for a yes before anything is applied (bot.dialogue.llm_understand). Each message is one load/save of the session, so a crash
or restart loses nothing the officer already sent. Text the officer sends is
only ever data: it is parsed, stored or quoted, never followed as instructions.
"""

from __future__ import annotations

import logging
import re

from bot import wording as w
from bot.agency.years import YearStore
from bot.dialogue import progress
from bot.dialogue import render as say
from bot.dialogue.agency_turns import after_turn, answer_offer, scoped, take_file
from bot.dialogue.agency_years import next_year
from bot.dialogue.command_words import Command, parse_command
from bot.dialogue.commands import COMMANDS
from bot.dialogue.context import MAX_OFFERED, OFFERED, Context, Turn
from bot.dialogue.detours import (
    measures_asked,
    names_ita_topic,
    only_polite,
    question_beside_scores,
    question_part,
)
from bot.dialogue.from_file import FILE_KIND, answered_without_scores, read_file_text
from bot.dialogue.llm_understand import Reader, Reading
from bot.dialogue.messages import Choice, Inbound, Reply
from bot.dialogue.pending import propose_score_change, resolve_pending
from bot.dialogue.ports import Drafter, Exporters, Library, Playbook, Retriever, Sessions
from bot.dialogue.profile_text import name_in_intro
from bot.dialogue.reminders import DEFAULT_LEAD_DAYS, REMIND, ReminderBook, reminder_request
from bot.dialogue.sessions import Session
from bot.dialogue.states import (
    MAX_NAME_CHARS,
    MIN_NAME_CHARS,
    PROFILE_STATES,
    STATES,
    State,
    check_name,
    edit_draft,
    keep_measures_request,
    looks_like_agency,
    on_name,
)
from bot.dialogue.understand import GREETING, Kind, Parsed, looks_like_question, question_cue, understand
from bot.drafting.edits import draft_fiscal_year
from bot.ita.framework import Framework
from bot.ita.tiers import Thresholds
from bot.search.llm_answer import Writer
from bot.thai import clean_display

__all__ = ["PROFILE_STATES", "Dialogue", "State", "Turn", "looks_like_question"]

log = logging.getLogger(__name__)
# Longer messages are cut: no score table or question is this long, and parsing stays fast.
MAX_TEXT = 20000
# A document sent in chat is indexed whole (bot.search.documents limits it again).
MAX_FILE_TEXT = 400_000
# A first message naming an agency is one short line (a unit's name can be as long).
AGENCY_LINE_CHARS = range(3, 121)
# A PDF asked for: "ขอไฟล์ pdf", "ส่งเป็น PDF ได้ไหมคะ", "พีดีเอฟ".
_PDF = re.compile(r"(?<![A-Za-z])pdf(?![A-Za-z])|พีดีเอฟ", re.I)
# The rest of an opening greeting: "ครับ", "ค่ะ ", "จ้า, ", "ทุกท่าน".
_GREETING_TAIL = re.compile(r"^\S*?(?:ครับ|ค่ะ|คะ|จ้า|ทุกท่าน)?[\s,!ๆ]+")
# The steps where a message the rules could not read may go to the LLM (never a profile answer).
LLM_STATES = (State.SCORES, State.CONFIRM, State.DRAFTED)
# Shorter messages carry too little for the LLM to read ("อืม").
LLM_MIN_CHARS = 6

# A request for a document layout names it: "ขอแบบแยกตามเครื่องมือ", "เปลี่ยนเป็นรูปแบบ Gantt", "layout by-tool".
_LAYOUT_WORD = re.compile(r"^\W*(?:ขอ|อยากได้|เปลี่ยนเป็น|เปลี่ยน|ใช้|เอา|ทำเป็น|จัดเป็น)?\s*(?:รูป)?แบบ|layout", re.I)
LAYOUT_REQUEST_MAX_CHARS = 60


class Dialogue:
    """Answer each Inbound with a Reply, remembering every user's conversation in the SessionStore."""

    def __init__(
        self,
        framework: Framework,
        playbook: Playbook,
        retriever: Retriever | None,
        drafter: Drafter,
        sessions: Sessions,
        *,
        exports: Exporters,
        thresholds: Thresholds | None = None,
        reader: Reader | None = None,
        writer: Writer | None = None,
        library: Library | None = None,
        reminders: ReminderBook | None = None,
        years: YearStore | None = None,
    ) -> None:
        self.fw = framework
        self.playbook = playbook
        self.retriever = retriever
        self.drafter = drafter
        self.sessions = sessions
        self.exports = exports
        self.default_thresholds = thresholds
        self.reader = reader
        self.writer = writer  # an LLM that writes short answers to questions (bot.search.llm_answer)
        self.library = library  # the agency's own documents sent in chat (bot.search.ingest.PrivateLibrary)
        self.reminders = reminders  # reminders before each reporting round, mirrored after each turn
        self.years = years  # the agency's scores, plans and progress by year (None: kept in the session)

    # ------------------------------------------------------------ entry
    def handle(self, inbound: Inbound) -> Reply:
        """Read one message or button press and return what to say back."""
        whole = clean_display(inbound.text or "").strip()[:MAX_FILE_TEXT] if inbound.kind == FILE_KIND else ""
        text = clean_display(inbound.choice or inbound.text or "").strip()[:MAX_TEXT]
        try:
            with self.sessions.open(inbound.session_key) as session:
                remind_before = session.extra.get(REMIND)
                turn = Turn(session, text, pressed=inbound.kind == "choice")
                parsed = (
                    read_file_text(text, self.fw)  # a screenshot or PDF sent in chat: read as scores only
                    if inbound.kind == FILE_KIND
                    else understand(
                        text, self.fw, drafted=session.state == State.DRAFTED.value, state=session.state
                    )
                )
                # the agency's own search scope, and its year record read into the session
                retriever, drafter = scoped(self.retriever, self.drafter, session, self.years)
                ctx = Context(
                    turn,
                    parsed,
                    self.fw,
                    self.playbook,
                    retriever,
                    drafter,
                    self.exports,
                    self.default_thresholds,
                    self.writer,
                )
                if inbound.kind == "follow" and session.state:  # unblocked mid-conversation: carry on
                    turn.say(w.WELCOME_BACK)
                    ctx.restate()
                elif not text and inbound.kind != "follow":
                    turn.say(w.NOTHING_TO_READ, ctx.prompt_hint())
                elif inbound.kind == FILE_KIND and take_file(ctx, self.library, whole):
                    pass  # a document kept for this agency (a plan read), or an earlier year's result
                elif inbound.kind == FILE_KIND and answered_without_scores(ctx):
                    pass  # a file with no scores in it: said so, and the step said again
                elif turn.pressed and not _offered(session, text):
                    turn.say(w.UNKNOWN_BUTTON)
                    if session.state:
                        ctx.restate()
                elif inbound.kind != FILE_KIND and next_year(ctx):
                    pass  # a later year's scores after the draft: start next year's plan from this one?
                elif inbound.kind != FILE_KIND and answer_offer(ctx):
                    pass  # keep, revise or drop one of last year's measures
                else:
                    self._dispatch(ctx, inbound.kind == "follow")
                after_turn(ctx, drafter)
                _remember(session, turn.reply.choices)
                if self.reminders is not None:
                    fiscal = draft_fiscal_year(session.draft) if session.draft is not None else None
                    self.reminders.sync(session.key, remind_before, session.extra.get(REMIND), fiscal)
                return turn.reply
        except Exception as exc:  # the session is not saved, so nothing stored is half-changed
            log.exception("dialogue failed on a %s message (%s)", inbound.channel, type(exc).__name__)
            return Reply([w.FAILED])

    def _dispatch(self, ctx: Context, follow: bool) -> None:
        session, parsed = ctx.session, ctx.parsed
        if not session.state:
            session.state = State.PROFILE_NAME.value
            if follow or parsed.command is None or parsed.command[0] is Command.START:
                ctx.say(w.WELCOME)
                intro = name_in_intro(parsed.text) if parsed.command is None and not follow else ""
                if intro and not parsed.has_scores and MIN_NAME_CHARS <= len(intro) <= MAX_NAME_CHARS:
                    # "สวัสดีครับ ผมเป็นครู…ของโรงเรียน…": the name is asked back, not asked for
                    session.state = check_name(ctx, intro).value
                    return
                greeted = GREETING.match(parsed.text)
                rest = _after_greeting(parsed.text, greeted.end()) if greeted else parsed.text
                if parsed.command is None and not follow and self._names_an_agency(parsed, rest):
                    # "เทศบาลตำบลนามะเขือ" (or "สวัสดีครับ อบต.โนนสะอาด") as the very first message is the
                    # agency's name: keep it (the welcome has greeted already).
                    ctx.turn.text = rest
                    session.state = on_name(ctx).value
                    return
                if parsed.command is None and not follow and not greeted:
                    self._first_message(ctx)
                ctx.say(w.ASK_NAME)
                return
        if progress.takes(ctx):  # an answer in the row-by-row progress report
            progress.answer(ctx)
            return
        # "จะรายงานผลรอบ 6 เดือนค่ะ": no command word caught it ("แถว 3 เพิ่มขั้นตอน รายงานผลต่ออธิบดี…" is an edit)
        if not (parsed.kind is Kind.EDIT and parsed.edit is not None) and progress.start_asked(ctx):
            return
        lead = self.reminders.lead_days if self.reminders is not None else DEFAULT_LEAD_DAYS
        if reminder_request(ctx, lead):  # "เปิดการแจ้งเตือน" / "ปิดการแจ้งเตือน"
            return
        if parsed.kind is Kind.COMMAND and parsed.command is not None:
            cmd, args = parsed.command
            COMMANDS[cmd](ctx, args)
            return
        answered = resolve_pending(ctx)
        if answered is not None:
            session.state = answered.value
            return
        state = State(session.state)
        layout = self._layout_request(parsed)
        if layout is not None:
            ctx.use_layout(layout)
        elif state is State.DRAFTED and parsed.kind is not Kind.EDIT and _PDF.search(parsed.text):
            ctx.say(w.PDF_UNAVAILABLE, choices=say.export_choices())  # "ขอไฟล์ pdf ได้ไหมคะ": what it can send
        elif parsed.kind is Kind.EDIT and state is State.DRAFTED:
            # An edit the grammar recognised but could not read goes to the LLM first, if there is one.
            if parsed.edit_error is None or not self._ask_llm(ctx, state):
                edit_draft(ctx)
        elif parsed.kind is Kind.EDIT and parsed.edit is not None and state is not State.DRAFTED:
            # "แถว 9 เสร็จภายในธันวา 68" before the plan is drafted: nothing to edit yet; the step is kept
            ctx.say(w.EDIT_BEFORE_DRAFT)
            ctx.restate()
        elif parsed.kind in (Kind.SCORES, Kind.CORRECTION) and state is State.DRAFTED:
            session.state = propose_score_change(ctx).value
        elif state is State.SCORES and self._asks_for_measures(parsed) and self._measures(ctx):
            pass  # "ขอมาตรการตัวชี้วัด 9 หน่อยค่ะ" before any scores: what is needed, and the request kept
        elif parsed.kind is Kind.QUESTION or (state in PROFILE_STATES and self._asks_at_profile(ctx, state)):
            ctx.answer(parsed.text)  # "ข้อเสนอแนะ ปปช ตัวชี้วัดที่ 8" at a profile step asks; the step is kept
        elif parsed.kind is Kind.SMALL_TALK:
            ctx.say({"greeting": w.GREETING_REPLY, "thanks": w.YOU_ARE_WELCOME}.get(parsed.small_talk, ""))
            if not (parsed.small_talk == "thanks" and state is State.DRAFTED and ctx.pending is None):
                ctx.restate()  # thanks at the end of the work closes it; elsewhere the step is said again
        elif not (parsed.kind is Kind.OTHER and state in LLM_STATES and self._ask_llm(ctx, state)):
            if parsed.kind is Kind.SCORES and parsed.question and question_beside_scores(parsed.text):
                # "ตัวชี้วัดที่ 9 ได้ 70.5 ค่ะ ทำไมถึงต่ำ": the question is answered, the scores still taken
                year = (
                    parsed.scores.scores.year if parsed.scores else None
                ) or session.profile.assessment_year
                ctx.answer(question_part(parsed.text, year), restate=False)  # asked without the scores
            session.state = STATES[state](ctx).value

    def _asks_at_profile(self, ctx: Context, state: State) -> bool:
        """Tell whether a reply to a profile step speaks of the ITA instead of answering it.

        "ข้อเสนอแนะ ปปช ตัวชี้วัดที่ 8" names no agency, unit or year: it asks. A name that holds an
        ITA word ("สำนักงาน ป.ป.ช. ประจำจังหวัด…") is still a name, and a year step takes its digits.
        """
        parsed = ctx.parsed
        if parsed.kind not in (Kind.ANSWER, Kind.OTHER) or not names_ita_topic(parsed.text):
            return False
        if state is State.PROFILE_YEAR and any(ch.isdigit() for ch in parsed.text):
            return False
        return not looks_like_agency(ctx, parsed.text)

    @staticmethod
    def _asks_for_measures(parsed: Parsed) -> bool:
        """A message that may be a request for measures: not scores, and no question beyond "…ได้ไหมคะ"."""
        if parsed.kind in (Kind.OTHER, Kind.ANSWER):
            return True
        return parsed.kind is Kind.QUESTION and question_cue(only_polite(parsed.text)) == 0

    def _measures(self, ctx: Context) -> bool:
        """Answer a request for measures sent before the scores; False when the message is no such request."""
        wanted = measures_asked(ctx.parsed.text, self.fw)
        if wanted is None:
            return False
        keep_measures_request(ctx, wanted)
        return True

    def _ask_llm(self, ctx: Context, state: State) -> bool:
        """Let the LLM read what the rules could not; show its reading for a yes. False: nothing to show."""
        text = ctx.parsed.text
        if self.reader is None or len(text.strip()) < LLM_MIN_CHARS:
            return False
        draft = ctx.session.draft
        reading = self.reader.read(text, state.value, rows=len(draft.rows) if draft else 0)
        if reading is None:
            return False
        return _show_reading(ctx, reading, state)

    def _layout_request(self, parsed: Parsed) -> str | None:
        """Return the layout a request such as "ขอแบบแยกตามเครื่องมือค่ะ" asks for; None for anything else."""
        text = parsed.text
        if len(text) > LAYOUT_REQUEST_MAX_CHARS or question_cue(text) >= 1 or not _LAYOUT_WORD.search(text):
            return None
        return self.exports.layout_for(text)

    def _names_an_agency(self, parsed: Parsed, text: str) -> bool:
        """Tell whether a message (`text`: without its greeting) is an agency's name: one short line
        naming a known agency type."""
        line = " ".join(text.split())
        return (
            "\n" not in text.strip()
            and len(line) in AGENCY_LINE_CHARS
            and not parsed.question
            and not parsed.has_scores
            and self.playbook.match_agency_type(line) is not None
        )

    def _first_message(self, ctx: Context) -> None:
        # A first message is not taken as the agency's name; but its scores or question are not dropped.
        # (The welcome asks for the name next, so the answer does not say the step again.)
        if ctx.parsed.kind is Kind.QUESTION or self._asks_at_profile(ctx, State.PROFILE_NAME):
            ctx.answer(ctx.parsed.text, restate=False)
        elif ctx.parsed.has_scores:
            ctx.stash_scores()


def _after_greeting(text: str, end: int) -> str:
    """Return what follows an opening greeting and its particles ("สวัสดีครับ อบต.โนนสะอาด" -> "อบต.โนนสะอาด")."""
    return _GREETING_TAIL.sub("", text[end:], count=1).strip()


def _offered(session: Session, payload: str) -> bool:
    """Tell whether a pressed button's payload is one the bot sent this session (or a command)."""
    return payload in session.extra.get(OFFERED, []) or parse_command(payload) is not None


def _remember(session: Session, choices: list[Choice]) -> None:
    """Remember the payloads of the buttons sent, so that a press of one of them is trusted."""
    if not choices:
        return
    offered = [p for p in session.extra.get(OFFERED, []) if p not in {c.payload for c in choices}]
    session.extra[OFFERED] = [*offered, *(c.payload for c in choices)][-MAX_OFFERED:]


def _show_reading(ctx: Context, reading: Reading, state: State) -> bool:
    """Ask the officer to confirm what the LLM read; nothing is applied before the yes."""
    yes_no = [Choice(w.YES_LABEL, w.YES_LABEL), Choice(w.NO_LABEL, w.NO_LABEL)]
    if reading.scores is not None and state is not State.DRAFTED:
        summary = reading.summary()
        ctx.ask(
            w.LLM_READ_SCORES.format(summary=summary), yes_no, "llm_scores", scores=reading.scores.to_json()
        )
        return True
    if reading.edit and state is State.DRAFTED:
        ctx.ask(w.LLM_READ_EDIT.format(edit=reading.edit), yes_no, "llm_edit", edit=reading.edit)
        return True
    return False
