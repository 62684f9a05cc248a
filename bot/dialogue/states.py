"""Conversation states and the per-message Turn shared by the dialogue modules."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from bot.dialogue.messages import Choice, Reply
from bot.dialogue.sessions import Session


class State(enum.Enum):
    PROFILE_NAME = "profile_name"
    PROFILE_TYPE = "profile_type"
    PROFILE_UNITS = "profile_units"
    PROFILE_YEAR = "profile_year"
    SCORES = "scores"
    CONFIRM = "confirm"
    DRAFTED = "drafted"


PROFILE_STATES = (State.PROFILE_NAME, State.PROFILE_TYPE, State.PROFILE_UNITS, State.PROFILE_YEAR)


@dataclass
class Turn:
    """One message being handled: the session it reads and writes, and the reply being built."""

    session: Session
    text: str
    reply: Reply = field(default_factory=Reply)

    def say(self, *texts: str, choices: list[Choice] | None = None) -> None:
        """Append texts (and replace the buttons) in the reply."""
        self.reply.texts.extend(t for t in texts if t)
        if choices is not None:
            self.reply.choices = list(choices)
