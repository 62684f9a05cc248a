"""An agency's year record in the sessions' database (issue 16 part 6): next year starts from this one.

One row per agency (session key), kind and year:
* "scores":   assessment year -> the confirmed indicator scores ({"1": 98.89, ...});
* "plan":     fiscal year -> the plan as published (the Draft's JSON when its Word or Excel was sent);
* "progress": fiscal year -> what was reported per round and row (bot.ita.progress.Progress's JSON).

The table lives beside `sessions` (the engine is SessionStore's: SQLite by default, PostgreSQL when
DATABASE_URL says so). A turn reads the scores and progress once, under its session's lock, and of
the plans (tens of KB each) only which years are on record, a plan's data when the turn needs it
(`years`, `read`); it writes back only the years it changed (`write`, a diff). /new, which empties
the session, empties the record in the same turn. Rows are only ever selected by their session
key, so one agency's record never reaches another's conversation. The one module of bot.agency
with I/O: the engine is given, never built.
"""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    bindparam,
    delete,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

SCORES = "scores"
PLAN = "plan"
PROGRESS = "progress"
KINDS = (SCORES, PLAN, PROGRESS)

Record = dict[str, dict[int, Any]]  # kind -> year -> stored JSON

_meta = MetaData()
years_table = Table(
    "agency_years",
    _meta,
    Column("session_key", String(255), primary_key=True),
    Column("kind", String(16), primary_key=True),
    Column("year", Integer, primary_key=True),  # B.E.: the assessment year (scores), else the fiscal year
    Column("data", JSON, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)


# The reads every turn makes, built once (SQLAlchemy spends ~0.2 ms building a select each call).
_T = years_table
_LOAD = select(_T.c.kind, _T.c.year, _T.c.data).where(
    (_T.c.session_key == bindparam("key")) & _T.c.kind.in_(bindparam("kinds", expanding=True))
)
_YEARS = select(_T.c.year).where((_T.c.session_key == bindparam("key")) & (_T.c.kind == bindparam("kind")))
_READ = select(_T.c.year, _T.c.data).where(
    (_T.c.session_key == bindparam("key"))
    & (_T.c.kind == bindparam("kind"))
    & _T.c.year.in_(bindparam("years", expanding=True))
)


def empty() -> Record:
    """Return a record with nothing in it."""
    return {kind: {} for kind in KINDS}


def by_year(stored: Any) -> dict[int, Any]:
    """Read {"2568": data} (JSON keys are strings) as {2568: data}; other keys are skipped."""
    if not isinstance(stored, dict):
        return {}
    return {int(k): v for k, v in stored.items() if str(k).isdigit() and v not in (None, {}, [])}


def as_json(years: dict[int, Any]) -> dict[str, Any]:
    """Return {2568: data} as {"2568": data}, in year order."""
    return {str(y): years[y] for y in sorted(years)}


class YearStore:
    """The agency_years table, in the sessions' database (`engine` shared with SessionStore)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        with contextlib.suppress(IntegrityError):  # another process created it first
            _meta.create_all(engine)

    def load(self, key: str, kinds: tuple[str, ...] = KINDS) -> Record:
        """Return the agency's record of these kinds (the others empty)."""
        record = empty()
        with self.engine.begin() as conn:
            rows = conn.execute(_LOAD, {"key": key, "kinds": list(kinds)}).all()
        for kind, year, data in rows:
            record.setdefault(kind, {})[int(year)] = data
        return record

    def years(self, key: str, kind: str) -> list[int]:
        """Return the years of one kind on the agency's record (their data is not read)."""
        with self.engine.begin() as conn:
            rows = conn.execute(_YEARS, {"key": key, "kind": kind}).all()
        return sorted(int(r[0]) for r in rows)

    def read(self, key: str, kind: str, years: list[int]) -> dict[int, Any]:
        """Return the data of these years of one kind (a year not on record is left out)."""
        if not years:
            return {}
        with self.engine.begin() as conn:
            rows = conn.execute(_READ, {"key": key, "kind": kind, "years": list(years)}).all()
        return {int(year): data for year, data in rows}

    def write(self, key: str, before: Record, after: Record) -> int:
        """Store what changed from `before` to `after` (a year gone is deleted); return the rows touched."""
        table, now, touched = years_table, datetime.now(UTC), 0
        with self.engine.begin() as conn:
            for kind in KINDS:
                old, new = before.get(kind, {}), after.get(kind, {})
                gone = [y for y in old if y not in new]
                if gone:
                    touched += conn.execute(
                        delete(table).where(
                            (table.c.session_key == key) & (table.c.kind == kind) & table.c.year.in_(gone)
                        )
                    ).rowcount
                for year, data in new.items():
                    if year in old and old[year] == data:
                        continue
                    where = (table.c.session_key == key) & (table.c.kind == kind) & (table.c.year == year)
                    if not conn.execute(
                        update(table).where(where).values(data=data, updated_at=now)
                    ).rowcount:
                        conn.execute(
                            table.insert().values(
                                session_key=key, kind=kind, year=year, data=data, updated_at=now
                            )
                        )
                    touched += 1
        return touched

    def erase(self, key: str) -> None:
        """Forget every year of the agency (operators; /new goes through `write`)."""
        with self.engine.begin() as conn:
            conn.execute(delete(years_table).where(years_table.c.session_key == key))

    def keys(self) -> list[str]:
        """Return every session key with a year on record (operators and tests)."""
        with self.engine.begin() as conn:
            return sorted({r[0] for r in conn.execute(select(years_table.c.session_key))})
