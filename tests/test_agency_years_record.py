"""The year record's leftovers of issue 16: an operator's delete erases the years too, /new's export
offers every year on record, and a turn reads only the plans it needs."""

from __future__ import annotations

from bot.agency.years import PLAN, PROGRESS, SCORES, YearStore, empty
from bot.dialogue.sessions import Session
from tests.test_agency_years import sessions  # noqa: F401 - SQLite and PostgreSQL, the module's fixture


def test_an_operators_delete_erases_the_agencys_years_and_only_its_own(sessions):  # noqa: F811
    years = YearStore(sessions.engine)
    record = {SCORES: {2567: {"9": 88.0}}, PLAN: {2568: {"rows": []}}, PROGRESS: {2568: {"6": {}}}}
    for key in ("line:A", "line:B"):
        sessions.save(Session(key, state="drafted"))
        years.write(key, empty(), record)
    sessions.delete("line:A")
    assert sessions.keys() == ["line:B"]
    assert years.load("line:A") == empty() and years.keys() == ["line:B"]
    assert years.load("line:B") == record


def test_delete_works_before_any_year_was_recorded(sessions):  # noqa: F811
    sessions.save(Session("line:A", state="drafted"))
    sessions.delete("line:A")  # no agency_years table yet: nothing to erase there, no error
    assert sessions.keys() == []
