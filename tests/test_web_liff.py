"""The editor's LIFF entry: opened in LINE, the page gets the officer's LINE ID token and the server
has it verified by the LINE API (tests/fakes/line_api.py on 127.0.0.1) before the editor opens.

Over HTTP with the real server app, and in Debian's Chromium, where a stand-in for the LIFF SDK is
served in place of the vendored one (the real SDK would talk to LINE's servers): it hands the page
an ID token the fake LINE API issued, exactly as liff.getIDToken() would.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
import uvicorn
from starlette.testclient import TestClient

from bot import wording as w
from bot.settings import Settings
from bot.web import link_issuer
from bot.web.liff import LIFF_CSP, LIFF_SDK, liff_url
from tests.draft_samples import tambon_municipality
from tests.fakes.line_api import FakeLineAPI
from tests.web_helpers import LIFF_CHANNEL, SECRET, Bench, bench, hidden

LIFF_ID = f"{LIFF_CHANNEL}-EdItOr01"
CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture
def line() -> Iterator[FakeLineAPI]:
    with FakeLineAPI() as fake:
        yield fake


def line_bench(tmp_path: Path, line: FakeLineAPI, base_url: str = "") -> Bench:
    return bench(tmp_path, base_url=base_url, line_host=line.host, line_liff_id=LIFF_ID)


def test_the_line_channel_links_to_the_liff_app_and_the_link_opens_the_officers_entry(tmp_path, line):
    settings = Settings(
        _env_file=None,
        data_dir=tmp_path,
        link_secret=SECRET,
        public_base_url="https://bot.example.go.th",
        line_liff_id=LIFF_ID,
    )
    from bot.channels.line import LineChannel
    from bot.channels.server import build_links

    b = line_bench(tmp_path, line)
    channel = LineChannel.from_settings(settings, b.app.dialogue, build_links(settings))
    assert channel.editor_link is not None  # what the LINE channel sends with a draft reply
    url = channel.editor_link("line:Uofficer1")
    assert url.startswith(f"https://liff.line.me/{LIFF_ID}/")
    # Telegram and the console keep the plain link; without a LIFF ID, LINE does too.
    plain = link_issuer(settings)
    assert plain is not None and plain("telegram:1").startswith("https://bot.example.go.th/editor/")
    no_liff = link_issuer(settings.model_copy(update={"line_liff_id": ""}), liff=True)
    assert no_liff is not None and no_liff("line:U1").startswith("https://bot.example.go.th/editor/")
    # LINE opens the endpoint (PUBLIC_BASE_URL/editor/liff) with the rest in liff.state; the SDK then
    # goes on to the endpoint plus that path: the entry page of this officer's link.
    b.store("line:Uofficer1", tambon_municipality())
    url = liff_url(LIFF_ID, b.editor.links.issue("line:Uofficer1"))  # the same, on the bench's clock
    rest = url.removeprefix(f"https://liff.line.me/{LIFF_ID}")
    client = TestClient(b.asgi)
    start = client.get(f"/editor/liff?liff.state={quote(rest)}")
    assert start.status_code == 200 and LIFF_SDK in start.text
    entry = client.get(f"/editor/liff{rest}")
    assert entry.status_code == 200 and f'data-liff-id="{LIFF_ID}"' in entry.text
    assert 'id="liff-form"' in entry.text


def test_the_sdk_is_served_by_the_bot_with_its_licence_and_only_on_the_liff_entry(tmp_path, line):
    b = line_bench(tmp_path, line)
    key = "line:Uofficer1"
    b.store(key, tambon_municipality())
    client = TestClient(b.asgi)
    sdk = client.get(LIFF_SDK)
    assert sdk.status_code == 200 and "javascript" in sdk.headers["content-type"]
    assert "getIDToken" in sdk.text and "window.liff" in sdk.text.replace(" ", "")
    assert "LINE Developers Agreement" in client.get(LIFF_SDK.replace(".js", ".LICENSE.txt")).text
    entry = client.get(f"/editor/liff{b.link(key).removeprefix('/editor')}")
    assert entry.headers["content-security-policy"] == LIFF_CSP and "unsafe" not in LIFF_CSP
    editor = client.get(b.link(key))
    assert LIFF_SDK not in editor.text and "line" not in editor.headers["content-security-policy"]
    # The endpoint without a link says where to get one, and loads nothing.
    bare = client.get("/editor/liff")
    assert bare.status_code == 404 and w.EDITOR_LIFF_NO_LINK in bare.text and LIFF_SDK not in bare.text


def test_the_id_token_is_verified_by_line_and_must_be_the_links_own_user(tmp_path, line):
    b = line_bench(tmp_path, line)
    key = "line:Uofficer1"
    b.store(key, tambon_municipality())
    client = TestClient(b.asgi)
    link = b.link(key)
    path, _, query = link.partition("?")
    entry = client.get(f"/editor/liff{link.removeprefix('/editor')}")
    csrf = hidden(entry.text)["csrf"]
    own = line.issue_id_token("Uofficer1", LIFF_CHANNEL)
    stranger = line.issue_id_token("Ustranger", LIFF_CHANNEL)
    other_app = line.issue_id_token("Uofficer1", "1650009999")
    for token in (stranger, other_app, "not-a-token"):
        refused = client.post(f"{path}/liff?{query}", data={"csrf": csrf, "liff": token})
        assert refused.status_code == 403 and w.EDITOR_FORBIDDEN in refused.text
    assert client.post(f"{path}/liff?{query}", data={"csrf": csrf, "liff": ""}).status_code == 403
    assert client.post(f"{path}/liff?{query}", data={"csrf": "forged", "liff": own}).status_code == 403
    ok = client.post(f"{path}/liff?{query}", data={"csrf": csrf, "liff": own}, follow_redirects=False)
    assert ok.status_code == 303 and ok.headers["location"] == link
    assert line.verified == [stranger, other_app, "not-a-token", own]  # every token asked of LINE
    # A Telegram officer's link is never opened with a LINE identity.
    b.store("telegram:42", tambon_municipality())
    tg_link = b.link("telegram:42")
    tg_entry = client.get(f"/editor/liff{tg_link.removeprefix('/editor')}")
    tg_path, _, tg_query = tg_link.partition("?")
    data = {"csrf": hidden(tg_entry.text)["csrf"], "liff": own}
    assert client.post(f"{tg_path}/liff?{tg_query}", data=data).status_code == 403


# ---------------------------------------------------------------- in the browser
def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# Stands in for the LIFF SDK (served in its place by the test): init() goes on to the path in
# liff.state as the SDK does, and getIDToken() returns the token the fake LINE API issued.
SDK_STAND_IN = """
window.liff = {
  init: function (config) {
    window.liffInitId = config.liffId;
    var state = new URLSearchParams(location.search).get("liff.state");
    if (state) { location.replace(location.pathname + state); return new Promise(function () {}); }
    return Promise.resolve();
  },
  isLoggedIn: function () { return true; },
  getIDToken: function () { return %s; }
};
"""


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")
@pytest.mark.parametrize("who", ["officer", "stranger"])
def test_opened_in_line_the_page_sends_its_id_token_and_then_edits(tmp_path, line, who):
    from playwright.sync_api import sync_playwright

    port = _free_port()
    b = line_bench(tmp_path, line, base_url=f"http://127.0.0.1:{port}")
    key = "line:Uofficer1"
    b.store(key, tambon_municipality())
    server = uvicorn.Server(uvicorn.Config(b.asgi, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    token = line.issue_id_token("Uofficer1" if who == "officer" else "Ustranger", LIFF_CHANNEL)
    link = b.link(key)
    rest = link.removeprefix("/editor")
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM))
            page = browser.new_context(viewport={"width": 360, "height": 740}).new_page()
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            body = SDK_STAND_IN % json.dumps(token)
            page.route(
                f"**{LIFF_SDK}", lambda route: route.fulfill(body=body, content_type="text/javascript")
            )
            # What LINE opens: the endpoint, with the link's path in liff.state.
            page.goto(f"http://127.0.0.1:{port}/editor/liff?liff.state={quote(rest)}")
            if who == "stranger":
                page.wait_for_selector(".notice.error")
                assert w.EDITOR_FORBIDDEN in page.locator(".notice.error").inner_text()
                assert page.locator("form").count() == 0 and line.verified == [token]
                return
            page.wait_for_selector("#row-1")  # the editor itself, after LINE said who this is
            assert page.evaluate("typeof window.liff") == "undefined"  # the editor page loads no SDK
            assert page.url == f"http://127.0.0.1:{port}{link}"
            assert line.verified == [token]
            page.locator("#row-1 textarea[name=kpi]").fill("ร้อยละ 100 ของข้อมูล OIT เผยแพร่ทันเวลา")
            page.get_by_role("button", name="บันทึกแถว 1").click()
            page.wait_for_selector("#notice:not(.error)")
            saved = next(r for r in b.draft(key).rows if r.number == 1)
            assert saved.kpi == "ร้อยละ 100 ของข้อมูล OIT เผยแพร่ทันเวลา"
            assert errors == []
            browser.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
