"""Session store: real SQLite, persistence across store instances, isolation per key."""

from __future__ import annotations

import threading

import pytest

from bot.dialogue.messages import Inbound
from bot.dialogue.sessions import SessionStore, sessions_table
from bot.ita.measures import AgencyProfile
from bot.ita.tiers import Thresholds
from bot.scores import ScoreSet
from tests.draft_samples import tambon_municipality


@pytest.fixture
def url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'nested' / 'sessions.sqlite3'}"


def test_new_key_gives_a_fresh_session(url):
    store = SessionStore(url)
    s = store.load("console:somchai")
    assert s.is_new and s.state == "" and s.profile == AgencyProfile() and s.draft is None


def test_saved_session_survives_a_new_store(url):
    store = SessionStore(url)
    with store.open("telegram:1") as s:
        s.state = "scores"
        s.profile = AgencyProfile(name="เทศบาลตำบลนามะเขือ", units=["สำนักปลัด"])
        s.scores = ScoreSet.from_json({"year": 2568, "indicators": {"1": 98.5}})
        s.thresholds = Thresholds(80.0, 92.0)
        draft = tambon_municipality()
        draft.rows[0].owners = ["กองคลัง"]
        s.draft = draft
    store.close()
    again = SessionStore(url).load("telegram:1")
    assert again.state == "scores"
    assert again.profile.name == "เทศบาลตำบลนามะเขือ"
    assert again.scores == ScoreSet.from_json({"year": 2568, "indicators": {"1": 98.5}})
    assert again.thresholds == Thresholds(80.0, 92.0)
    assert again.draft.rows[0].owners == ["กองคลัง"]
    assert again.updated_at is not None


def test_failed_block_saves_nothing(url):
    store = SessionStore(url)
    with store.open("line:u1") as s:
        s.state = "confirm"
    with pytest.raises(RuntimeError), store.open("line:u1") as s:
        s.state = "drafted"
        raise RuntimeError("crash mid-message")
    assert store.load("line:u1").state == "confirm"


def test_group_members_and_private_chats_are_separate_keys(url):
    store = SessionStore(url)
    keys = [
        Inbound("line", "alice", group_id="G1").session_key,
        Inbound("line", "bob", group_id="G1").session_key,
        Inbound("line", "alice").session_key,
    ]
    assert len(set(keys)) == 3
    for n, key in enumerate(keys):
        with store.open(key) as s:
            s.profile = AgencyProfile(name=f"หน่วยงาน {n}")
    assert [store.load(k).profile.name for k in keys] == ["หน่วยงาน 0", "หน่วยงาน 1", "หน่วยงาน 2"]
    store.delete(keys[0])
    assert store.load(keys[0]).is_new and store.load(keys[1]).profile.name == "หน่วยงาน 1"


def test_concurrent_messages_of_one_user_do_not_lose_updates(url):
    store = SessionStore(url)
    key = "telegram:42"

    def bump() -> None:
        for _ in range(10):
            with store.open(key) as s:
                s.extra["n"] = s.extra.get("n", 0) + 1

    threads = [threading.Thread(target=bump) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert store.load(key).extra["n"] == 40


def test_rows_keep_their_json_shapes_and_old_rows_load(url):
    store = SessionStore(url)
    with store.open("console:old") as s:
        s.profile = AgencyProfile(name="เทศบาลตำบลนามะเขือ")
        s.scores = ScoreSet.from_json({"year": 2568, "indicators": {"1": 98.5}})
        s.thresholds = Thresholds(80.0, 92.0)
    with store.engine.begin() as conn:
        row = conn.execute(sessions_table.select()).mappings().one()
    assert row["profile"] == {"name": "เทศบาลตำบลนามะเขือ"}
    assert row["scores"] == {
        "year": 2568,
        "overall": None,
        "indicators": {"1": 98.5},
        "items": {},
        "tools": {},
    }
    assert row["thresholds"] == [80.0, 92.0] and row["draft"] is None
    draft = tambon_municipality()
    with store.engine.begin() as conn:  # a row as the dialogue wrote it before sessions were typed
        conn.execute(
            sessions_table.update().values(
                draft=draft.model_dump(mode="json"), scores={"indicators": {"9": 83.5}}
            )
        )
    again = store.load("console:old")
    assert (
        again.draft == draft
        and again.scores.indicators == {9: 83.5}
        and again.thresholds.urgent_below == 80.0
    )
