"""The message in hand: the Turn being answered and the Context every handler works through.

A Context is built by Dialogue.handle for one message. It carries the turn, the
message as read once (`Parsed`), the collaborators (framework, playbook,
retriever, drafter, exporters) and the few operations that state handlers and
commands share, so neither reaches into the Dialogue itself.

It is a little over 400 lines because the Context is the one surface every state handler and command
works through (reading, saying, one open question, scores, drafting); the why-low answer and other
readers live in their own modules and are only called from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot import wording as w
from bot.dialogue import render as say
from bot.dialogue import why_low
from bot.dialogue.detours import wanted_text
from bot.dialogue.messages import Choice, Reply
from bot.dialogue.ports import Drafter, Exporters, Playbook, Retriever
from bot.dialogue.score_year import settle_year
from bot.dialogue.sessions import Session
from bot.dialogue.terms import explain, term_asked
from bot.dialogue.understand import Kind, Parsed, read_scores
from bot.drafting.edits import number_rows, row_numbers
from bot.drafting.engine import DraftRequest
from bot.ita.framework import Framework
from bot.ita.measures import AgencyProfile, Draft
from bot.ita.playbook import AgencyType
from bot.ita.playbook import Playbook as KnownPlaybook
from bot.ita.tiers import Thresholds, overall
from bot.scores import ParseResult, ScoreSet, apply_correction
from bot.search.answers import answer_question
from bot.search.llm_answer import Writer

# session.extra keys: the one question waiting for a yes/no (or one of its buttons), the
# button payloads this session was offered, the overall disagreement already asked about.
PENDING = "pending"
OFFERED = "offered"
OVERALL_ASKED = "overall_asked"
PARTIAL = "partial"
PARTIAL_OFFERED = "partial_offered"  # the two ways on were shown: "ร่างเลย" now means "from what is here"
# The parser's unsure reads (ParseResult.unsure), asked at the confirmation; last year's scores
# from a two-year message (ScoreSet JSON), passed to the drafter so analyses say the change.
SCORES_UNSURE = "scores_unsure"
PREVIOUS_SCORES = "previous_scores"
NAMED_ITEMS = "named_items"  # item codes the officer named as missing or failed, without scores
# The document layout the officer chose ("by-tool"), kept for later drafts.
LAYOUT = "layout"
# The indicators whose measures the officer asked for before sending scores ([] = all): shown first.
WANTED = "wanted_measures"
# How many offered payloads to remember (an old button may still be pressed).
MAX_OFFERED = 60
# A typed overall this far from the weighted mean of the indicators is asked about (issue 11).
OVERALL_TOLERANCE = 0.05


@dataclass
class Turn:
    """One message being handled: the session it reads and writes, and the reply being built."""

    session: Session
    text: str
    reply: Reply = field(default_factory=Reply)
    # A button press (Inbound.kind == "choice"): its payload is trusted only if this session was offered it.
    pressed: bool = False

    def say(self, *texts: str, choices: list[Choice] | None = None) -> None:
        """Append texts (and replace the buttons) in the reply."""
        self.reply.texts.extend(t for t in texts if t)
        if choices is not None:
            self.reply.choices = list(choices)


@dataclass
class Context:
    """One message with what it says, the collaborators, and the operations handlers share."""

    turn: Turn
    parsed: Parsed
    fw: Framework
    playbook: Playbook
    retriever: Retriever | None
    drafter: Drafter
    exports: Exporters
    default_thresholds: Thresholds | None = None
    writer: Writer | None = None  # an LLM that writes the short answer to a question, checked (optional)

    # ------------------------------------------------------------ reading
    @property
    def session(self) -> Session:
        """Return the session of this message."""
        return self.turn.session

    @property
    def profile(self) -> AgencyProfile:
        """Return the session's agency profile."""
        return self.turn.session.profile

    def say(self, *texts: str, choices: list[Choice] | None = None) -> None:
        """Append texts (and replace the buttons) in the reply."""
        self.turn.say(*texts, choices=choices)

    def reread(self, text: str) -> None:
        """Take `text` (the arguments of /scores) as the message's scores from now on."""
        self.turn.text = text
        self.parsed = read_scores(text, self.fw)

    def thresholds(self) -> Thresholds:
        """Return the session's Thresholds (or the default)."""
        return self.session.thresholds or self.default_thresholds or Thresholds()

    def agency_type(self, key: str) -> AgencyType | None:
        """Return the playbook's AgencyType for a key, or None."""
        return self.playbook.agency_types.get(key) if key else None

    def type_name(self, profile: AgencyProfile) -> str:
        """Return the Thai name of the profile's agency type."""
        at = self.agency_type(profile.type)
        return at.name_th if at else ""

    def units_example(self) -> str:
        """Return an example unit list for the officer's agency type (the first type's, before one is chosen)."""
        at = self.agency_type(self.profile.type) or next(iter(self.playbook.agency_types.values()), None)
        return say.units_example(at.default_units if at else [])

    def type_choices(self) -> list[Choice]:
        """Return one button per agency type, labelled in full (a channel with a label limit, such as
        LINE's 20 characters, clips it in its own renderer)."""
        return [Choice(t.name_th, t.name_th) for t in self.playbook.agency_types.values()]

    def profile_complete(self) -> bool:
        """Tell whether name, type, units and year are all known."""
        p = self.profile
        return bool(p.name and p.type and p.units and p.assessment_year)

    def missing(self, scores: ScoreSet) -> list[int]:
        """Return the framework's indicators that have no score yet."""
        return scores.missing_indicators(self.fw.indicator_numbers)

    # ------------------------------------------------------------ saying
    def prompt_hint(self) -> str:
        """Return where the conversation stands, to say after a detour (question, sticker)."""
        pending = self.pending
        if pending:
            return str(pending.get("ask", ""))
        draft = self.session.draft
        rows = row_numbers(draft) if draft is not None else []
        return w.STEP_HINTS.get(self.session.state, w.START_HINT).format(
            example=self.units_example(), row=rows[0] if rows else 1
        )

    def restate(self) -> None:
        """Say again the step (or the question) the officer left for a detour, with its buttons."""
        pending = self.pending
        if pending:
            choices = [Choice(label, payload) for label, payload in pending.get("choices", [])]
            self.say(str(pending.get("ask", "")), choices=choices)
            return
        scores, state = self.session.scores, self.session.state
        if state == "confirm":
            self.say(self.prompt_hint(), choices=say.confirm_choices())
        elif state == "scores" and scores is not None and scores.indicators and self.missing(scores):
            self.say(self.prompt_hint(), choices=say.partial_choices())
        elif state == "profile_type":
            self.say(self.prompt_hint(), choices=self.type_choices())
        elif state == "profile_units":
            self.say(self.prompt_hint(), choices=say.keep_choice())
        else:
            self.say(self.prompt_hint())

    def answer(self, question: str, *, restate: bool = True) -> None:
        """Answer a question, leaving the state (and any open question) as it is.

        A question about the bot's own words ("หน่วยงานย่อยคืออะไร") is answered from bot.wording.TERMS;
        anything else from the knowledge base. `restate`: say the step again after the answer (not
        when the step's handler speaks next).
        """
        term = term_asked(question, self.session.state)
        own = None if term else self.why_low(question)
        if term:
            self.say(explain(term, self.units_example()))
        elif own:
            self.say(own)  # "ทำไมตัวชี้วัด 9 ต่ำ": this agency's indicator, from its own scores
        elif self.retriever is None:
            self.say(w.NO_KNOWLEDGE)
        else:
            facts = self.playbook if isinstance(self.playbook, KnownPlaybook) else None  # owner units
            profile = self.session.profile
            answer = answer_question(
                question, self.retriever, self.fw, playbook=facts, profile=profile, writer=self.writer
            )
            self.say(answer.text)
        if restate:
            self.restate()

    def why_low(self, question: str) -> str | None:
        """Answer "why is indicator N low" from the scores known so far (this message's too), or None."""
        scores, sent = self.session.scores, self.parsed.scores
        if sent is not None and self.parsed.has_scores:
            scores = scores.merge(sent.scores) if scores else sent.scores
        if scores is None or not isinstance(self.playbook, KnownPlaybook):
            return None
        named = [c for c in self.session.extra.get(NAMED_ITEMS, []) if c not in scores.items]
        rows = reversed(self.session.draft.rows) if self.session.draft else ()  # the indicator's first row
        printed = {r.indicator: r.analysis for r in rows if r.score == scores.indicators.get(r.indicator)}
        facts = why_low.Facts(
            self.fw,
            self.playbook,
            self.profile,
            scores,
            self.thresholds(),
            self.previous_indicators(),
            named,
            printed,
        )
        return why_low.answer(question, facts, self.parsed.text)

    # ------------------------------------------------------------ one open question
    @property
    def pending(self) -> dict | None:
        """Return the question waiting for the officer's yes/no (kind, what it would apply, its buttons)."""
        value = self.session.extra.get(PENDING)
        return value if isinstance(value, dict) else None

    def ask(self, text: str, choices: list[Choice], kind: str, *, at: str = "", **data: object) -> None:
        """Ask one short question with its buttons, and remember what a yes would apply.

        `at`: the step (State value) the answer is expected at, when the handler is moving there.
        """
        self.session.extra[PENDING] = {
            "kind": kind,
            "state": at or self.session.state,
            "ask": text,
            "choices": [[c.label, c.payload] for c in choices],
            **data,
        }
        self.say(text, choices=choices)

    def drop_pending(self) -> dict | None:
        """Forget the open question and return it."""
        return self.session.extra.pop(PENDING, None)

    def missing_text(self, scores: ScoreSet) -> str:
        """Say which indicators are still missing, by number and name."""
        missing = self.missing(scores)
        if not missing:
            return w.ALL_SCORES_IN.format(count=len(self.fw.indicator_numbers))
        names = ", ".join(f"{n} {self.fw.indicator(n).name}" for n in missing)
        text = w.SCORES_MISSING.format(have=len(self.fw.indicator_numbers) - len(missing), names=names)
        if not scores.indicators and scores.overall is not None:
            return w.SCORES_OVERALL_KEPT.format(overall=scores.overall) + "\n" + text
        return text

    def offer_partial(self, scores: ScoreSet) -> None:
        """Say which indicators are missing, with the two ways on: wait for more, or draft from these."""
        self.session.extra[PARTIAL_OFFERED] = True
        self.say(self.missing_text(scores) + "\n" + w.PARTIAL_OFFER, choices=say.partial_choices())

    def show_confirmation(self) -> None:
        """Show the confirmation summary and ask to confirm (or, once, which overall to use)."""
        scores = self.session.scores
        if scores is None:  # every caller has just stored scores; failing loudly keeps the session unsaved
            raise ValueError("no scores to confirm")
        self.say(say.confirmation_summary(scores, self.fw, self.thresholds()), choices=say.confirm_choices())
        questions = self.session.extra.get(SCORES_UNSURE) or []
        if questions:  # what the parser read but was not sure of: the officer confirms, nothing is guessed
            self.say(w.SCORES_UNSURE_CONFIRM.format(questions="\n".join(f"• {q}" for q in questions)))
        if self.session.extra.get(PARTIAL) and self.missing(scores):
            have = sorted(scores.indicators)
            self.say(w.PARTIAL_NOTE.format(count=len(have), numbers=", ".join(map(str, have))))
        self.ask_overall_once(scores)

    def ask_overall_once(self, scores: ScoreSet) -> None:
        """If the typed overall and the weighted mean differ by more than 0.05, ask once which to use."""
        computed = overall(scores.indicators, self.fw)
        typed = scores.overall
        if typed is None or computed is None or abs(typed - computed) <= OVERALL_TOLERANCE:
            return
        if self.session.extra.get(OVERALL_ASKED) == round(typed, 2):
            return  # asked once about this typed overall; a new typed value is asked about again
        self.session.extra[OVERALL_ASKED] = round(typed, 2)
        choices = [
            Choice(w.OVERALL_TYPED_LABEL.format(score=typed), w.OVERALL_TYPED),
            Choice(w.OVERALL_COMPUTED_LABEL.format(score=computed), w.OVERALL_COMPUTED),
        ]
        self.ask(w.OVERALL_WHICH.format(typed=typed, computed=computed), choices, "overall", at="confirm")

    def show_draft(self, draft: Draft) -> None:
        """Put the draft's summary and row cards into the reply; the rows asked for early come first."""
        self.say(say.draft_summary(draft), choices=say.export_choices())
        cards = say.row_cards(draft, self.indicator_name)
        wanted = self.session.extra.pop(WANTED, None) or []
        rows = number_rows(draft).rows
        first = [i for i, row in enumerate(rows) if row.indicator in wanted]
        if first:
            names = ", ".join(w.CARD_ROW.format(row=rows[i].number) for i in first)
            self.say(w.WANTED_ROWS.format(wanted=wanted_text(wanted), rows=names))
            cards = [cards[i] for i in first] + [c for i, c in enumerate(cards) if i not in first]
        self.turn.reply.cards = cards

    def indicator_name(self, number: int) -> str:
        """Return the Thai name of an indicator."""
        return self.fw.indicator(number).name

    # ------------------------------------------------------------ changing
    def stash_scores(self) -> bool:
        """Keep scores sent before the profile is done, so nothing valid is lost."""
        result = self.parsed.scores
        found = result.scores if result is not None else None
        if (
            result is None
            or found is None
            or not (found.indicators or found.items or found.overall is not None)
        ):
            return False
        old = self.session.scores
        merged = old.merge(found) if old else found
        self.session.scores = merged
        if merged.indicators or merged.items or merged.overall is None:
            self.say(w.SCORES_STASHED.format(count=len(merged.indicators)))
        else:
            self.say(w.SCORES_OVERALL_KEPT.format(overall=merged.overall))
        self.keep_context(result)
        return True

    def keep_context(self, result: ParseResult) -> None:
        """Keep what a score message says besides this year's scores: unsure reads, last year, the plan's year."""
        extra = self.session.extra
        if result.unsure:
            extra[SCORES_UNSURE] = list(dict.fromkeys([*extra.get(SCORES_UNSURE, []), *result.unsure]))
        if result.previous is not None and not result.previous.is_empty():
            kept = extra.get(PREVIOUS_SCORES)
            old = ScoreSet.from_json(kept) if isinstance(kept, dict) else None
            extra[PREVIOUS_SCORES] = (old.merge(result.previous) if old else result.previous).to_json()
        self.keep_named_items(result.named_items)
        fiscal = result.fiscal_year
        start = self.profile.assessment_year or result.scores.year
        if fiscal is not None and (start is None or fiscal >= start) and fiscal != self.profile.fiscal_year:
            self.profile.fiscal_year = fiscal  # "ร่างมาตรการปีงบ 69": the plan's year, never the assessment's
            self.say(w.FISCAL_YEAR_FROM_SCORES.format(year=fiscal))

    def keep_named_items(self, codes: list[str]) -> None:
        """Keep the items the officer names as not passed (no score is made up for them) and say so."""
        kept = self.session.extra.get(NAMED_ITEMS, [])
        new = [c for c in codes if c not in kept]
        if new:
            self.session.extra[NAMED_ITEMS] = [*kept, *new]
            self.say(w.NAMED_ITEMS_KEPT.format(items=", ".join(new)))

    def take_scores(self) -> bool:
        """Merge the message's scores or corrections into the session; say what happened; False if none.

        Only a message read as scores or a correction changes scores: a question, an answer or an
        edit that happens to hold a number ("ร้อยละ 100") never does.
        """
        if self.parsed.kind not in (Kind.SCORES, Kind.CORRECTION):
            return False
        old = self.session.scores
        correction = self.parsed.correction
        if correction:
            if old is None:
                self.say(w.NOTHING_TO_CORRECT)
                return True
            self.session.scores = apply_correction(old, correction)
            self.say(say.correction_text(correction))
            return True
        if self.parsed.scores is None:
            return False
        result, year_note = settle_year(self.parsed.scores, self.profile, self.session.scores)
        self.say(year_note)  # the year the message names against the profile's, said if they differ
        found = result.scores
        if not (found.indicators or found.items or found.overall is not None):
            if result.named_items and self.session.scores is not None:
                self.keep_named_items(result.named_items)  # "ข้อ O13 O14 ยังไม่ได้เผยแพร่": kept, not lost
                return True
            if result.error:
                self.say(result.error)
            return False
        self.session.scores = old.merge(result.scores) if old else result.scores
        self.keep_context(result)
        if old is not None:  # a value sent again with another number: say what replaced what
            changed = say.replaced_scores(old, found)
            if changed:
                self.say(changed)
        points = [*result.warnings, *([result.error] if result.error else [])]
        if points:  # the parser's doubts, as one short question; the valid values are already kept
            self.say(w.SCORES_CHECK.format(points="\n".join(f"• {p}" for p in points)))
        return True

    def draft_request(self) -> DraftRequest:
        """Return what the drafter needs: the profile, scores and thresholds of this session."""
        scores = self.session.scores
        if scores is None:
            raise ValueError("drafting needs scores")  # every caller checked that the scores are complete
        # Copies: the draft keeps the profile and scores it was made from, whatever changes later.
        return DraftRequest(
            profile=self.profile.model_copy(deep=True),
            scores=scores.model_copy(deep=True),
            thresholds=self.thresholds(),
            previous=self.previous_indicators(),
            named_items=[c for c in self.session.extra.get(NAMED_ITEMS, []) if c not in scores.items],
        )

    def previous_indicators(self) -> dict[int, float]:
        """Return last year's indicator scores the officer gave (session.extra), for the analyses."""
        kept = self.session.extra.get(PREVIOUS_SCORES)
        return dict(ScoreSet.from_json(kept).indicators) if isinstance(kept, dict) else {}

    def use_layout(self, name: str) -> None:
        """Lay out the documents in `name` from now on: the draft's files and any later draft's."""
        self.session.extra[LAYOUT] = name
        draft = self.session.draft
        if draft is not None:
            self.session.draft = draft.model_copy(update={"layout": name})
        title = next(t for n, t, _ in self.exports.layout_options() if n == name)
        self.say(w.LAYOUT_CHOSEN.format(title=title), choices=say.export_choices() if draft else [])

    def make_draft(self) -> None:
        """Draft the whole measure table (in the layout chosen, if any) and show it."""
        draft = self.drafter.draft(self.draft_request())
        if self.session.extra.get(LAYOUT):
            draft = draft.model_copy(update={"layout": self.session.extra[LAYOUT]})
        self.session.draft = draft
        for key in (PARTIAL, SCORES_UNSURE, "recent_rows"):  # draft_edits.RECENT_ROWS: new rows, none recent
            self.session.extra.pop(key, None)
        self.drop_pending()
        self.show_draft(draft)
        self.turn.reply.slow = True
