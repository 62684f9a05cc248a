"""The conversation: profile -> scores -> confirm -> drafted, with commands, questions and edits.

`Dialogue.handle` loads the officer's session, reads the message once
(bot.dialogue.understand), and routes it: a command (bot.dialogue.commands), a
draft edit, a question, a thank-you, or else the handler of the current step
(bot.dialogue.states). Commands and questions work in every state; questions
never move the state. Each message is one load/save of the session, so a crash
or restart loses nothing the officer already sent. Text the officer sends is
only ever data: it is parsed, stored or quoted, never followed as instructions.
"""

from __future__ import annotations

import logging

from bot import wording as w
from bot.dialogue.commands import COMMANDS
from bot.dialogue.context import Context, Turn
from bot.dialogue.messages import Inbound, Reply
from bot.dialogue.ports import Drafter, Exporters, Playbook, Retriever, Sessions
from bot.dialogue.states import PROFILE_STATES, STATES, State, edit_draft, on_name
from bot.dialogue.understand import GREETING, Command, Kind, Parsed, looks_like_question, understand
from bot.ita.framework import Framework
from bot.ita.tiers import Thresholds
from bot.thai import clean_display

__all__ = ["PROFILE_STATES", "Dialogue", "State", "Turn", "looks_like_question"]

log = logging.getLogger(__name__)
# Longer messages are cut: no score table or question is this long, and parsing stays fast.
MAX_TEXT = 20000
# A first message naming an agency is one short line (a unit's name can be as long).
AGENCY_LINE_CHARS = range(3, 121)


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
    ) -> None:
        self.fw = framework
        self.playbook = playbook
        self.retriever = retriever
        self.drafter = drafter
        self.sessions = sessions
        self.exports = exports
        self.default_thresholds = thresholds

    # ------------------------------------------------------------ entry
    def handle(self, inbound: Inbound) -> Reply:
        """Read one message or button press and return what to say back."""
        text = clean_display(inbound.choice or inbound.text or "").strip()[:MAX_TEXT]
        try:
            with self.sessions.open(inbound.session_key) as session:
                turn = Turn(session, text)
                parsed = understand(text, self.fw, drafted=session.state == State.DRAFTED.value)
                ctx = Context(
                    turn,
                    parsed,
                    self.fw,
                    self.playbook,
                    self.retriever,
                    self.drafter,
                    self.exports,
                    self.default_thresholds,
                )
                if not text and inbound.kind != "follow":
                    turn.say(w.NOTHING_TO_READ, ctx.prompt_hint())
                else:
                    self._dispatch(ctx, inbound.kind == "follow")
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
                if parsed.command is None and not follow and not GREETING.match(parsed.text):
                    if self._names_an_agency(parsed):
                        # "เทศบาลตำบลนามะเขือ" as the very first message is the agency's name: keep it.
                        session.state = on_name(ctx).value
                        return
                    self._first_message(ctx)
                ctx.say(w.ASK_NAME)
                return
        if parsed.kind is Kind.COMMAND and parsed.command is not None:
            cmd, args = parsed.command
            COMMANDS[cmd](ctx, args)
            return
        state = State(session.state)
        if parsed.kind is Kind.EDIT and state is State.DRAFTED:
            edit_draft(ctx)
        elif parsed.kind is Kind.QUESTION:
            ctx.answer(parsed.text)
        elif parsed.kind is Kind.THANKS:
            ctx.say(w.YOU_ARE_WELCOME, ctx.prompt_hint())
        else:
            session.state = STATES[state](ctx).value

    def _names_an_agency(self, parsed: Parsed) -> bool:
        """Tell whether a message is an agency's name: one short line naming a known agency type."""
        line = " ".join(parsed.text.split())
        return (
            "\n" not in parsed.text.strip()
            and len(line) in AGENCY_LINE_CHARS
            and not parsed.question
            and not parsed.has_scores
            and self.playbook.match_agency_type(line) is not None
        )

    def _first_message(self, ctx: Context) -> None:
        # A first message is not taken as the agency's name; but its scores or question are not dropped.
        if ctx.parsed.kind is Kind.QUESTION:
            ctx.answer(ctx.parsed.text)
        elif ctx.parsed.has_scores:
            ctx.stash_scores()
