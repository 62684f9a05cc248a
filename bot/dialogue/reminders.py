"""Reminders before each reporting round, kept in the sessions' database so they survive a restart.

An officer opts in or out in chat (bot.dialogue.progress writes the choice into the session); after
each turn the Dialogue mirrors that choice into this table (`ReminderBook.sync`), so /new, which
clears the session, clears the reminder too. One row per session key: the plan's fiscal year, the
next round to remind of and when. The channels (bot.channels.reminders) ask for the rows that are
due and claim each one before sending, so a reminder is sent at most once even with several
instances, and one that fell due while the bot was stopped is sent at the next start.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import (
    Column,
    DateTime,
    Engine,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    delete,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from bot import wording as w
from bot.dialogue.context import Context
from bot.dialogue.progress_words import normalise
from bot.dialogue.understand import Kind
from bot.drafting.edits import draft_fiscal_year
from bot.ita.progress import ROUNDS
from bot.thai import BE_OFFSET, format_thai_date

# session.extra key: {"on": bool} — the officer's choice, written in the turn.
# "เปิดการแจ้งเตือน", "ขอให้เตือนก่อนครบกำหนดด้วยค่ะ"; "ปิดการแจ้งเตือน", "ไม่ต้องเตือนแล้วค่ะ".
_REMIND = re.compile(r"เตือน|remind", re.I)
_REMIND_OFF = re.compile(r"(?<!เ)ปิด|ไม่ต้อง|ไม่เอา|ยกเลิก|หยุด|เลิก|off|stop", re.I)
REMIND_MAX_CHARS = 60
REMIND = "reminders"
# The hour (Bangkok, UTC+7) a reminder is sent on its day: the start of a working day.
SEND_HOUR_UTC = 2
DEFAULT_LEAD_DAYS = 14.0
# How many fiscal years ahead a reminder is still scheduled for a plan (the next plan takes over).
YEARS_AHEAD = 1

_meta = MetaData()
reminders_table = Table(
    "reminders",
    _meta,
    Column("session_key", String(255), primary_key=True),
    Column("fiscal_year", Integer, nullable=False),  # B.E.
    Column("round_months", Integer, nullable=False),
    Column("due_at", DateTime(timezone=True), nullable=False),
    Column("lead_days", Float, nullable=False),
)


@dataclass(frozen=True)
class Reminder:
    """One officer's next reminder."""

    session_key: str
    fiscal_year: int
    round_months: int
    due_at: datetime
    lead_days: float


def round_deadline_at(fiscal_year_be: int, months: int) -> datetime:
    """The last day of a round (31 March or 30 September of the fiscal year), at the sending hour, UTC."""
    year = fiscal_year_be - BE_OFFSET
    day = datetime(year, 3, 31, tzinfo=UTC) if months == 6 else datetime(year, 9, 30, tzinfo=UTC)
    return day + timedelta(hours=SEND_HOUR_UTC)


def next_round(fiscal_year_be: int, now: datetime, lead_days: float) -> tuple[int, int, datetime] | None:
    """The first round of the plan's year (or the next) whose reminder time is still ahead of `now`."""
    for year in range(fiscal_year_be, fiscal_year_be + YEARS_AHEAD + 1):
        for months in ROUNDS:
            due = round_deadline_at(year, months) - timedelta(days=lead_days)
            if due > now:
                return year, months, due
    return None


def _utc(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


class ReminderBook:
    """The reminders table, in the sessions' database (`engine` shared with SessionStore)."""

    def __init__(self, engine: Engine, *, lead_days: float = DEFAULT_LEAD_DAYS) -> None:
        self.engine = engine
        self.lead_days = lead_days
        with contextlib.suppress(IntegrityError):  # another process created it first
            _meta.create_all(engine)

    def get(self, key: str) -> Reminder | None:
        """The officer's next reminder, or None when not opted in."""
        with self.engine.begin() as conn:
            row = conn.execute(select(reminders_table).where(reminders_table.c.session_key == key)).first()
        return _reminder(row) if row is not None else None

    def schedule(self, key: str, fiscal_year_be: int, now: datetime | None = None) -> Reminder | None:
        """Opt the officer in for the plan's fiscal year: the next round ahead; None if none is left."""
        found = next_round(fiscal_year_be, now or datetime.now(UTC), self.lead_days)
        if found is None:
            self.drop(key)
            return None
        year, months, due = found
        values = {"fiscal_year": year, "round_months": months, "due_at": due, "lead_days": self.lead_days}
        with self.engine.begin() as conn:
            done = conn.execute(
                update(reminders_table).where(reminders_table.c.session_key == key).values(**values)
            ).rowcount
            if not done:
                conn.execute(reminders_table.insert().values(session_key=key, **values))
        return Reminder(key, year, months, due, self.lead_days)

    def drop(self, key: str) -> None:
        """Opt the officer out (or forget them after /new)."""
        with self.engine.begin() as conn:
            conn.execute(delete(reminders_table).where(reminders_table.c.session_key == key))

    def sync(self, key: str, before: object, after: object, fiscal_year_be: int | None) -> None:
        """Mirror a turn's change of the session's opt-in (session.extra[REMIND]) into the table."""
        on_before, on_after = _on(before), _on(after)
        if on_after and (not on_before or self.get(key) is None) and fiscal_year_be:
            self.schedule(key, fiscal_year_be)
        elif on_before and not on_after:
            self.drop(key)

    def due(self, now: datetime | None = None) -> list[Reminder]:
        """Every reminder whose time has come (those missed while stopped included)."""
        moment = now or datetime.now(UTC)
        with self.engine.begin() as conn:
            rows = conn.execute(select(reminders_table).where(reminders_table.c.due_at <= moment)).all()
        return [_reminder(row) for row in rows]

    def claim(self, reminder: Reminder, now: datetime | None = None) -> bool:
        """Move the reminder on to its next round; True only for the one caller that moved it."""
        moment = now or datetime.now(UTC)
        after = next_round(reminder.fiscal_year, max(moment, reminder.due_at), reminder.lead_days)
        where = (reminders_table.c.session_key == reminder.session_key) & (
            reminders_table.c.due_at == reminder.due_at
        )
        with self.engine.begin() as conn:
            if after is None:
                return bool(conn.execute(delete(reminders_table).where(where)).rowcount)
            year, months, due = after
            changed = conn.execute(
                update(reminders_table).where(where).values(fiscal_year=year, round_months=months, due_at=due)
            ).rowcount
        return bool(changed)

    def keys(self) -> list[str]:
        """Every opted-in session key (operators and tests)."""
        with self.engine.begin() as conn:
            return [r[0] for r in conn.execute(select(reminders_table.c.session_key))]


def _on(value: object) -> bool:
    return isinstance(value, dict) and bool(value.get("on"))


def _reminder(row: Any) -> Reminder:
    return Reminder(
        row.session_key, row.fiscal_year, row.round_months, _utc(row.due_at), float(row.lead_days)
    )


def reminder_request(ctx: Context, lead_days: float) -> bool:
    """Opt in or out of reminders ("เปิดการแจ้งเตือน", "ไม่ต้องเตือนแล้วค่ะ"); False for any other message."""
    text = normalise(ctx.turn.text)
    if len(text) > REMIND_MAX_CHARS or not _REMIND.search(text) or ctx.parsed.kind is Kind.QUESTION:
        return False
    extra = ctx.session.extra
    if _REMIND_OFF.search(text):
        if (extra.get(REMIND) or {}).get("on"):
            extra[REMIND] = {"on": False}
            ctx.say(w.REMIND_OFF)
        else:
            ctx.say(w.REMIND_ALREADY_OFF)
        return True
    draft = ctx.session.draft
    year = draft_fiscal_year(draft) if draft is not None else None
    found = next_round(year, datetime.now(UTC), lead_days) if year else None
    if found is None:
        ctx.say(w.REMIND_NO_DRAFT)
        return True
    extra[REMIND] = {"on": True}
    round_year, months, due = found
    ctx.say(
        w.REMIND_ON.format(
            days=f"{lead_days:g}", months=months, year=round_year, date=format_thai_date(due.date())
        )
    )
    return True
