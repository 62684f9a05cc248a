"""End to end over LINE: the real services behind create_app, a whole conversation, a real .docx by link."""

from __future__ import annotations

import io

import httpx
import pytest

from bot.channels.server import create_app
from bot.settings import Settings
from tests.fakes.line_api import FakeLineAPI, follow_event, postback_event, sign, text_event, webhook_body

SECRET = "e2e-channel-secret"
SCORES = "\n".join(
    [
        "ตัวชี้วัดที่\tรายละเอียดตัวชี้วัด\tคะแนน",
        "1\tการปฏิบัติหน้าที่\t98.89",
        "2\tการใช้งบประมาณ\t99.38",
        "3\tการใช้อำนาจ\t99.75",
        "4\tการใช้ทรัพย์สินของราชการ\t98.77",
        "5\tการแก้ไขปัญหาการทุจริต\t95.56",
        "6\tคุณภาพการดำเนินงาน\t95.26",
        "7\tประสิทธิภาพการสื่อสาร\t91.50",
        "8\tการปรับปรุงการทำงาน\t92.01",
        "9\tการเปิดเผยข้อมูล\t83.50",
        "10\tการป้องกันการทุจริต\t100.00",
    ]
)


@pytest.fixture(scope="module")
def services_and_settings(tmp_path_factory):
    from bot.app import build

    fake = FakeLineAPI().start()
    settings = Settings(
        _env_file=None,
        data_dir=tmp_path_factory.mktemp("line-e2e"),
        line_channel_secret=SECRET,
        line_channel_access_token="e2e-token",
        line_api_host=fake.host,
        public_base_url="https://ita-bot.example.go.th",
        link_secret="e2e-link-secret-0123456789",
    )
    yield build(settings), settings, fake
    fake.stop()


async def test_conversation_over_line_ends_in_a_real_docx(services_and_settings):
    import docx

    services, settings, fake = services_and_settings
    app = create_app(settings, services)
    user = "U4af4980629e2e0000000000000000001"

    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url=settings.public_base_url
    ) as client:

        async def say(event) -> list[dict]:
            before = len(fake.messages())
            body = webhook_body(event)
            response = await client.post(
                "/line/webhook", content=body, headers={"X-Line-Signature": sign(SECRET, body)}
            )
            assert response.status_code == 200
            await app.state.line.drain(timeout=120)
            return fake.messages()[before:]

        welcome = await say(follow_event(user=user))
        assert welcome and welcome[0]["type"] == "text"
        for text in ("เทศบาลตำบลนามะเขือ", "1", "ใช้ตามนี้", "2568", SCORES):
            answer = await say(text_event(text, user=user))
            assert answer, f"no answer to {text[:20]!r}"
        confirmed = await say(text_event("ยืนยัน", user=user))
        assert any(m["type"] == "flex" for m in confirmed), "the draft preview arrives as a Flex carousel"
        for message in confirmed:
            assert len(message.get("text", "").encode("utf-16-le")) // 2 <= 5000
        exported = await say(postback_event("/export", user=user))
        app.state.line.close()

        links = [
            line
            for m in exported
            if m["type"] == "text"
            for line in m["text"].splitlines()
            if line.startswith("ดาวน์โหลด ")
        ]
        docx_url = next(line.split(": ", 1)[1] for line in links if ".docx:" in line)
        assert docx_url.startswith("https://ita-bot.example.go.th/files/")
        response = await client.get(docx_url)
        assert response.status_code == 200
        document = docx.Document(io.BytesIO(response.content))
        assert "เทศบาลตำบลนามะเขือ" in "\n".join(p.text for p in document.paragraphs) + "".join(
            c.text for t in document.tables for r in t.rows for c in r.cells
        )
        # The same link for another officer's binding is refused.
        other = docx_url.split("?u=")[0] + "?u=AAAAAAAAAAAAAAAA"
        assert (await client.get(other)).status_code == 403
    assert all(c.authorization == "Bearer e2e-token" for c in fake.calls)
