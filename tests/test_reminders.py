"""Reminders before each reporting round: opted into in chat, kept in the database, sent after a restart.

Telegram through the real python-telegram-bot Application (its JobQueue) against the fake Bot API.
The reminder's lead time is a setting; the test sets it so that the next round's reminder falls due
a few seconds after the officer opts in.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from bot.dialogue.reminders import ReminderBook, next_round
from bot.dialogue.sessions import SessionStore
from bot.settings import Settings
from tests.fakes.telegram_api import BotThread, FakeBotAPI
from tests.test_telegram_e2e import TelegramOfficer, officer_settings, seed_score_table

OFFICER = 5550077
PLAN_YEAR = 2569
# Seconds from setting the lead time to the reminder's time: enough to build the app and opt in
# (it passed at a load average of 11 on two cores). Seed 001 is scored in 2568: its plan is for 2569.
DUE_IN = 20.0


def settings_for(tmp_path, api: FakeBotAPI, lead_days: float = 14.0) -> Settings:
    return officer_settings(tmp_path, api, OFFICER, reminder_lead_days=lead_days, reminder_check_seconds=1.0)


def lead_days_due_in(seconds: float) -> float:
    """The lead time that makes the plan's next reminder fall due `seconds` from now."""
    now = datetime.now(UTC)
    found = next_round(PLAN_YEAR, now + timedelta(seconds=seconds), 0.0)
    assert found is not None
    return (found[2] - now - timedelta(seconds=seconds)).total_seconds() / 86400


def reminders_to(api: FakeBotAPI) -> list[str]:
    return [t for t in api.texts_to(OFFICER) if t.startswith("แจ้งเตือน:")]


def test_a_reminder_opted_into_before_a_restart_is_sent_after_it(tmp_path, seeds_dir):
    from bot.app import build
    from bot.channels.telegram import build_application

    table = seed_score_table(seeds_dir)
    with FakeBotAPI() as api:
        officer = TelegramOfficer(api, OFFICER)
        settings = settings_for(tmp_path, api)
        with BotThread(build_application(settings, build(settings).dialogue)):
            officer.confirms_scores("2568", table)
            assert "ตัวชี้วัดที่" in officer.text()

        # the lead time now makes the next round's reminder due soon after the opt-in (the margin
        # covers building the app on a loaded machine)
        settings = settings_for(tmp_path, api, lead_days_due_in(DUE_IN))
        with BotThread(build_application(settings, build(settings).dialogue)):
            officer.says("ขอเปิดการแจ้งเตือนรายงานผลด้วยค่ะ")
            assert "เปิดการแจ้งเตือนแล้ว" in officer.text()
        opted = datetime.now(UTC)
        assert reminders_to(api) == []  # stopped before it was due

        store = SessionStore(settings.sessions_url())
        book = ReminderBook(store.engine)
        (key,) = book.keys()
        reminder = book.get(key)
        assert reminder is not None and key == f"telegram:{OFFICER}"
        assert 0 < (reminder.due_at - opted).total_seconds() < DUE_IN
        time.sleep(max(0.0, (reminder.due_at - datetime.now(UTC)).total_seconds()) + 0.5)

        # restart on the same data folder: the reminder missed while stopped goes out at once, once
        with BotThread(build_application(settings, build(settings).dialogue)):
            api.wait_for(lambda: reminders_to(api), timeout=30, chat=OFFICER)
            time.sleep(2.5)  # two more checks of the JobQueue
        sent = reminders_to(api)
        assert len(sent) == 1
        assert f"รอบ {reminder.round_months} เดือน" in sent[0] and str(reminder.fiscal_year) in sent[0]
        after = book.get(key)
        assert after is not None and after.due_at > reminder.due_at  # moved on to the next round
        store.close()


def test_opting_out_and_new_forget_the_reminder(tmp_path):
    from bot.app import build
    from tests.test_dialogue import FIRST_HALF, SECOND_HALF, Officer

    settings = Settings(data_dir=tmp_path / "data", llm_model="", embedding="hashing")
    app = build(settings, in_memory_index=True)
    assert app.reminders is not None
    officer = Officer(app.dialogue)
    officer.fill_profile()
    officer.says("เปิดการแจ้งเตือน")
    assert "ร่างมาตรการก่อน" in officer.text() and app.reminders.keys() == []
    officer.says(FIRST_HALF)
    officer.says(SECOND_HALF)
    officer.presses("ยืนยัน")
    officer.says("เปิดการแจ้งเตือนค่ะ")
    assert app.reminders.keys() == ["telegram:u1"]
    officer.says("ไม่ต้องเตือนแล้วค่ะ")
    assert "ปิดการแจ้งเตือน" in officer.text() and app.reminders.keys() == []
    officer.says("เปิดการแจ้งเตือน")
    assert app.reminders.keys() == ["telegram:u1"]
    officer.says("/new")
    officer.presses("ยืนยันล้างข้อมูล")
    assert app.reminders.keys() == []


def test_the_next_round_is_the_first_whose_reminder_is_still_ahead():
    lead = 14.0
    before_march = datetime(2026, 3, 1, tzinfo=UTC)
    assert next_round(2569, before_march, lead)[:2] == (2569, 6)
    after_march = datetime(2026, 3, 20, tzinfo=UTC)  # inside the 14 days before 31 March
    assert next_round(2569, after_march, lead)[:2] == (2569, 12)
    assert next_round(2569, datetime(2026, 12, 3, tzinfo=UTC), lead)[:2] == (2570, 6)
    assert next_round(2569, datetime(2030, 1, 1, tzinfo=UTC), lead) is None


async def test_a_due_reminder_is_pushed_on_line_once_by_the_server(tmp_path):
    import asyncio

    from bot.app import build
    from bot.channels.server import create_app
    from tests.fakes.line_api import FakeLineAPI

    user = "U4af4980629e2e0000000000000000077"
    with FakeLineAPI() as fake:
        settings = Settings(
            _env_file=None,
            data_dir=tmp_path / "data",
            line_channel_secret="reminder-secret",
            line_channel_access_token="reminder-token",
            line_api_host=fake.host,
            public_base_url="https://ita-bot.example.go.th",
            link_secret="reminder-link-secret-0123456789",
            embedding="hashing",
            reminder_check_seconds=0.3,
        )
        services = build(settings, in_memory_index=True)
        # an officer who opted in earlier (the table the dialogue keeps), due in a second
        book = ReminderBook(services.sessions.engine, lead_days=lead_days_due_in(1.0))
        book.schedule(f"line:{user}", PLAN_YEAR)
        app = create_app(settings, services)
        async with app.router.lifespan_context(app):
            for _ in range(100):
                if fake.of("push"):
                    break
                await asyncio.sleep(0.1)
            await asyncio.sleep(1.0)  # more checks: still one
        pushes = [c for c in fake.of("push") if c.body["to"] == user]
        assert len(pushes) == 1
        assert pushes[0].body["messages"][0]["text"].startswith("แจ้งเตือน:")
