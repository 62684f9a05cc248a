"""`python -m bot run` with LINE credentials serves the signed webhook on a port (real subprocess)."""

import base64
import hashlib
import hmac
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time

import httpx

from tests.conftest import REPO_DIR

SECRET = "test-channel-secret"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_run_serves_the_line_webhook(tmp_path):
    port = _free_port()
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO_DIR),
        "DATA_DIR": str(tmp_path / "data"),
        "LINE_CHANNEL_SECRET": SECRET,
        "LINE_CHANNEL_ACCESS_TOKEN": "test-token",
        "LINE_API_HOST": "http://127.0.0.1:9",  # never reached: no valid event is sent
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "TELEGRAM_BOT_TOKEN": "",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        cwd=REPO_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 300  # a first start indexes the knowledge; CI runs tests in parallel
        while True:
            assert proc.poll() is None, proc.stdout.read()
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "server did not come up"
            time.sleep(0.5)
        body = json.dumps({"destination": "U0", "events": []}, ensure_ascii=False).encode()
        good = base64.b64encode(hmac.new(SECRET.encode(), body, hashlib.sha256).digest()).decode()
        assert (
            httpx.post(f"{base}/line/webhook", content=body, headers={"X-Line-Signature": good}).status_code
            == 200
        )
        forged = httpx.post(f"{base}/line/webhook", content=body, headers={"X-Line-Signature": "Zm9yZ2Vk"})
        assert forged.status_code == 400
        assert httpx.post(f"{base}/line/webhook", content=body).status_code == 400
        ready = httpx.get(f"{base}/readyz", timeout=15)
        assert (
            ready.status_code == 503 and ready.json()["checks"]["line_api"] is False
        )  # port 9: nothing there
        assert ready.json()["checks"]["index"] is True and ready.json()["checks"]["database"] is True
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            out, _ = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, _ = proc.communicate()
    assert "test-token" not in out and SECRET not in out
    # logging is set up at start: time, level and logger name on every line of ours
    assert re.search(
        r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} INFO bot\.channels\.server: server started", out, re.M
    )
