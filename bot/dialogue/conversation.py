"""The conversation: profile -> scores -> confirm -> drafted, with commands, questions and edits.

A state machine written as data (after python-telegram-bot's conversationbot):
`STATES` maps each `State` to the handler that reads the officer's message and
returns the next state. Commands and questions work in every state; questions
never move the state. Each message is one load/save of the session, so a crash
or restart loses nothing the officer already sent. Text the officer sends is
only ever data: it is parsed, stored or quoted, never followed as instructions.
"""

from __future__ import annotations

import logging
import re

from bot.dialogue import render as say
from bot.dialogue.commands import COMMANDS, Command, parse_command
from bot.dialogue.messages import Inbound, Reply
from bot.dialogue.profile import ProfileSteps
from bot.dialogue.sessions import Session, SessionStore
from bot.dialogue.states import PROFILE_STATES, State, Turn  # noqa: F401 - re-exported
from bot.drafting.edits import EditError, apply_edit, examples_th, parse_edit
from bot.ita.measures import AgencyProfile, Draft
from bot.thai import THAI_DIGITS, clean_display

log = logging.getLogger(__name__)
_DIGITS = str.maketrans(THAI_DIGITS, "0123456789")
MAX_TEXT = 20000
_QUESTION = re.compile(r"[?？]\s*$|อย่างไร|อะไร|ขอตัวอย่าง|ควร|แนะนำ|ไหม|หรือไม่|ยังไง|เท่าไร|เมื่อไร")
_GREETING = re.compile(r"^(?:สวัสดี|หวัดดี|hello|hi\b|hey\b)", re.I)
_THANKS = re.compile(r"^(?:ขอบคุณ|ขอบใจ|thank)", re.I)


def _scores_api():
    from bot import scores

    return scores


def _ita_api():
    from bot.ita import tiers as ita

    return ita


def _has_scores(scores) -> bool:
    return scores is not None and bool(scores.indicators or scores.items or scores.overall is not None)


def looks_like_question(text: str) -> bool:
    """Tell whether a message reads as a question (ends with ? or uses a Thai question word)."""
    return bool(_QUESTION.search(text))


class Dialogue(ProfileSteps):
    """Answer each Inbound with a Reply, remembering every user's conversation in the SessionStore."""

    def __init__(
        self,
        framework,
        playbook,
        retriever,
        drafter,
        sessions: SessionStore,
        *,
        exports=None,
        thresholds=None,
    ) -> None:
        from bot.dialogue.files import DefaultExports

        self.fw = framework
        self.playbook = playbook
        self.retriever = retriever
        self.drafter = drafter
        self.sessions = sessions
        self.exports = exports if exports is not None else DefaultExports(framework)
        self.default_thresholds = thresholds
        self.states = {
            State.PROFILE_NAME: self._on_name,
            State.PROFILE_TYPE: self._on_type,
            State.PROFILE_UNITS: self._on_units,
            State.PROFILE_YEAR: self._on_year,
            State.SCORES: self._on_scores,
            State.CONFIRM: self._on_confirm,
            State.DRAFTED: self._on_drafted,
        }

    # ------------------------------------------------------------ entry
    def handle(self, inbound: Inbound) -> Reply:
        """Read one message or button press and return what to say back."""
        text = clean_display(inbound.choice or inbound.text or "").strip()[:MAX_TEXT]
        try:
            with self.sessions.open(inbound.session_key) as session:
                turn = Turn(session, text)
                if not text and inbound.kind != "follow":
                    turn.say(say.NOTHING_TO_READ, self._prompt_hint(session))
                else:
                    self._dispatch(turn, inbound.kind == "follow")
                return turn.reply
        except Exception as exc:  # the session is not saved, so nothing stored is half-changed
            log.exception("dialogue failed on a %s message (%s)", inbound.channel, type(exc).__name__)
            return Reply([say.FAILED])

    def _dispatch(self, turn: Turn, follow: bool) -> None:
        session = turn.session
        command = parse_command(turn.text)
        if not session.state:
            session.state = State.PROFILE_NAME.value
            if follow or command is None or command[0] is Command.START:
                turn.say(say.WELCOME)
                if command is None and not follow and not _GREETING.match(turn.text):
                    if self._names_an_agency(turn.text):
                        # "เทศบาลตำบลนามะเขือ" as the very first message is the agency's name: keep it.
                        session.state = self.states[State.PROFILE_NAME](turn).value
                        return
                    self._first_message(turn)
                turn.say(say.ASK_NAME)
                return
        if command is not None:
            cmd, args = command
            COMMANDS[cmd](self, turn, args)
            return
        state = State(session.state)
        if state is State.DRAFTED and self._try_edit(turn):
            return
        if looks_like_question(turn.text) and not self._is_score_message(turn.text):
            self.answer(turn, turn.text)
            return
        if _THANKS.match(turn.text) and len(turn.text) < 40:
            turn.say("ยินดีครับ", self._prompt_hint(session))
            return
        session.state = self.states[state](turn).value

    def _names_an_agency(self, text: str) -> bool:
        """Tell whether a message is an agency's name: one short line naming a known agency type."""
        line = " ".join(text.split())
        return (
            "\n" not in text.strip()
            and 3 <= len(line) <= 120
            and not looks_like_question(text)
            and not self._is_score_message(text)
            and self.playbook.match_agency_type(line) is not None
        )

    def _first_message(self, turn: Turn) -> None:
        # A first message is not taken as the agency's name; but its scores or question are not dropped.
        if looks_like_question(turn.text) and not self._is_score_message(turn.text):
            self.answer(turn, turn.text)
        elif self._is_score_message(turn.text):
            self._stash_scores(turn)

    # ------------------------------------------------------------ shared helpers
    def profile(self, session: Session) -> AgencyProfile:
        """Return the session's agency profile."""
        return AgencyProfile.model_validate(session.profile)

    def scores(self, session: Session):
        """Return the session's merged ScoreSet, or None."""
        return _scores_api().ScoreSet.from_json(session.scores) if session.scores else None

    def thresholds(self, session: Session):
        """Return the session's Thresholds (or the default)."""
        ita = _ita_api()
        if session.thresholds:
            return ita.Thresholds(urgent_below=session.thresholds[0], maintain_from=session.thresholds[1])
        return self.default_thresholds or ita.Thresholds()

    def draft(self, session: Session) -> Draft | None:
        """Return the session's current draft, or None."""
        return Draft.model_validate(session.draft) if session.draft else None

    def agency_type(self, key: str):
        """Return the playbook's AgencyType for a key, or None."""
        return self.playbook.agency_types.get(key) if key else None

    def type_name(self, profile: AgencyProfile) -> str:
        """Return the Thai name of the profile's agency type."""
        at = self.agency_type(profile.type)
        return at.name_th if at else ""

    def profile_complete(self, session: Session) -> bool:
        """Tell whether name, type, units and year are all known."""
        p = self.profile(session)
        return bool(p.name and p.type and p.units and p.assessment_year)

    def _is_score_message(self, text: str) -> bool:
        if not any(ch.isdigit() for ch in text.translate(_DIGITS)):
            return False
        result = _scores_api().parse_scores(text, self.fw)
        return _has_scores(result.scores) and bool(result.scores.indicators or result.scores.items)

    def answer(self, turn: Turn, question: str) -> None:
        """Answer a question from the knowledge base, leaving the state as it is."""
        if self.retriever is None:
            turn.say("ขออภัย ขณะนี้ยังไม่มีฐานความรู้ให้ค้น กรุณาลองใหม่ภายหลัง")
            return
        from bot.search.answers import answer_question

        turn.say(answer_question(question, self.retriever, self.fw).text, self._prompt_hint(turn.session))

    def _prompt_hint(self, session: Session) -> str:
        # After a detour (question, sticker) remind the officer where the conversation stands.
        return say.STEP_HINTS.get(session.state, "พิมพ์ /start เพื่อเริ่มต้น")

    # ------------------------------------------------------------ profile
    def after_profile(self, turn: Turn) -> State:
        """Move on once the profile is complete: back to the draft, to confirmation, or to scores."""
        resume = turn.session.extra.pop("resume", None)
        if resume == State.DRAFTED.value and turn.session.draft:
            turn.say(
                "ข้อมูลหน่วยงานปรับแล้ว พิมพ์ /draft เพื่อร่างมาตรการใหม่ตามข้อมูลนี้ (ร่างเดิมยังอยู่ และแก้ไขหรือดาวน์โหลดต่อได้)"
            )
            return State.DRAFTED
        scores = self.scores(turn.session)
        if scores is not None and not scores.missing_indicators(self.fw.indicator_numbers):
            return self.show_confirmation(turn)
        turn.say(say.ASK_SCORES)
        if scores is not None:
            turn.say(self.missing_text(scores))
        return State.SCORES

    # ------------------------------------------------------------ scores
    def missing_text(self, scores) -> str:
        """Say which indicators are still missing, by number and name."""
        missing = scores.missing_indicators(self.fw.indicator_numbers)
        if not missing:
            return "ได้คะแนนครบทั้ง 10 ตัวชี้วัดแล้ว"
        names = ", ".join(f"{n} {self.fw.indicator(n).name}" for n in missing)
        return f"บันทึกคะแนนแล้ว {10 - len(missing)} ตัวชี้วัด ยังขาดตัวชี้วัดที่ {names} กรุณาส่งเพิ่มได้เลย"

    def show_confirmation(self, turn: Turn) -> State:
        """Show the confirmation summary and ask to confirm."""
        summary = _ita_api().confirmation_summary(
            self.scores(turn.session), self.fw, self.thresholds(turn.session)
        )
        turn.say(summary, choices=say.confirm_choices())
        return State.CONFIRM

    def take_scores(self, turn: Turn, text: str) -> bool:
        """Merge scores or corrections from text into the session; say what happened; False if none found."""
        api = _scores_api()
        profile = self.profile(turn.session)
        old = self.scores(turn.session)
        correction = api.parse_correction(text, self.fw)
        if correction:
            if old is None:
                turn.say('ยังไม่มีคะแนนให้แก้ กรุณาส่งคะแนนรายตัวชี้วัดก่อน เช่น "1 การปฏิบัติหน้าที่ 98.50"')
                return True
            turn.session.scores = api.apply_correction(old, correction).to_json()
            shown = {"overall": "คะแนนรวม"}
            turn.say(
                "แก้คะแนนแล้ว: "
                + ", ".join(
                    f"{shown.get(k, f'ตัวชี้วัดที่ {k}' if isinstance(k, int) else k)} = {v:g}"
                    for k, v in correction.items()
                )
            )
            return True
        result = api.parse_scores(text, self.fw, year=profile.assessment_year)
        if not _has_scores(result.scores):
            if result.error:
                turn.say(result.error)
            return False
        merged = old.merge(result.scores) if old else result.scores
        turn.session.scores = merged.to_json()
        turn.say(*result.warnings)
        return True

    def _on_scores(self, turn: Turn) -> State:
        if not self.take_scores(turn, turn.text):
            if not turn.reply.texts:
                turn.say("ยังไม่พบคะแนนในข้อความนี้ " + say.ASK_SCORES)
            return State.SCORES
        scores = self.scores(turn.session)
        if scores is None or scores.missing_indicators(self.fw.indicator_numbers):
            if scores is not None:
                turn.say(self.missing_text(scores))
            return State.SCORES
        return self.show_confirmation(turn)

    def _on_confirm(self, turn: Turn) -> State:
        word = turn.text.strip().lower()
        if word in say.CONFIRM_WORDS:
            return self.make_draft(turn)
        if word in ("แก้ไข", "แก้", "แก้ไขคะแนน"):
            turn.say('พิมพ์คะแนนที่ถูกต้อง เช่น "แก้ตัวชี้วัด 7 เป็น 61.5" หรือ "แก้ O13 เป็น 100" หรือวางตารางคะแนนใหม่ทั้งชุด')
            return State.CONFIRM
        if self.take_scores(turn, turn.text):
            scores = self.scores(turn.session)
            if scores.missing_indicators(self.fw.indicator_numbers):
                turn.say(self.missing_text(scores))
                return State.SCORES
            return self.show_confirmation(turn)
        if not turn.reply.texts:
            turn.say(
                'กรุณาพิมพ์ "ยืนยัน" เพื่อร่างมาตรการ หรือแก้คะแนน เช่น "แก้ตัวชี้วัด 7 เป็น 61.5"',
                choices=say.confirm_choices(),
            )
        return State.CONFIRM

    # ------------------------------------------------------------ draft
    def make_draft(self, turn: Turn) -> State:
        """Draft the whole measure table and show it."""
        from bot.drafting.engine import DraftRequest

        request = DraftRequest(
            profile=self.profile(turn.session),
            scores=self.scores(turn.session),
            thresholds=self.thresholds(turn.session),
        )
        draft = self.drafter.draft(request)
        turn.session.draft = draft.model_dump(mode="json")
        self.show_draft(turn, draft)
        turn.reply.slow = True
        return State.DRAFTED

    def show_draft(self, turn: Turn, draft: Draft) -> None:
        """Put the draft's summary and row cards into the reply."""
        turn.say(say.draft_summary(draft), choices=say.export_choices())
        turn.reply.cards = say.row_cards(draft, lambda n: self.fw.indicator(n).name)

    def _try_edit(self, turn: Turn) -> bool:
        try:
            cmd = parse_edit(turn.text)
            if cmd is None:
                return False
            draft = self.draft(turn.session)
            request = None

            def redraft(d: Draft, indicator: int) -> Draft:
                from bot.drafting.engine import DraftRequest

                nonlocal request
                request = DraftRequest(
                    profile=self.profile(turn.session),
                    scores=self.scores(turn.session),
                    thresholds=self.thresholds(turn.session),
                )
                return self.drafter.redraft_indicator(d, request, indicator)

            new, what = apply_edit(draft, cmd, redraft=redraft)
        except EditError as exc:
            turn.say(str(exc))
            return True
        turn.session.draft = new.model_dump(mode="json")
        turn.say(what, say.EXPORT_HINT, choices=say.export_choices())
        if cmd.action.value != "delete":
            cards = say.row_cards(new, lambda n: self.fw.indicator(n).name)
            touched = [
                i
                for i, row in enumerate(new.rows)
                if (cmd.target == "row" and i == cmd.number - 1)
                or (cmd.target == "indicator" and row.indicator == cmd.number)
            ]
            turn.reply.cards = [cards[i] for i in touched[:3]]
        return True

    def _on_drafted(self, turn: Turn) -> State:
        if turn.text.strip().lower() in say.CONFIRM_WORDS:
            turn.say("ร่างพร้อมแล้ว " + say.EXPORT_HINT, choices=say.export_choices())
            return State.DRAFTED
        if self.take_scores(turn, turn.text):
            turn.say("คะแนนปรับแล้ว พิมพ์ /draft เพื่อร่างมาตรการใหม่ตามคะแนนนี้ (ร่างปัจจุบันยังอยู่)")
            return State.DRAFTED
        turn.reply.texts.clear()
        turn.say(
            "ขออภัย ไม่เข้าใจข้อความนี้ หากต้องการแก้ร่าง พิมพ์ตามรูปแบบ เช่น\n"
            + examples_th()
            + "\nหรือพิมพ์ /export เพื่อดาวน์โหลด /help เพื่อดูคำสั่งทั้งหมด",
            choices=say.export_choices(),
        )
        return State.DRAFTED
