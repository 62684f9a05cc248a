"""FakeLineAPI: a scriptable LINE Messaging API server on 127.0.0.1 for tests and benchmarks.

A real threaded HTTP server, so the adapter goes through the real line-bot-sdk
client (MessagingApi -> urllib3 -> socket). It records every call (path, JSON
body, Authorization header, retry key, arrival time) and can be told to fail
replies (`fail_replies(400, "Invalid reply token")`) or pushes, or a random
fraction of both (`fail_fraction(0.05)`: a 500, a 429 with Retry-After, or a
connection dropped before the request is handled). A push retried with a
retry key LINE already accepted gets 409, as the real API answers.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import random
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl


@dataclass
class Call:
    """One request the fake received."""

    path: str
    body: dict[str, Any]
    authorization: str
    retry_key: str
    at: float = field(default_factory=time.monotonic)


def sign(secret: str, body: bytes) -> str:
    """Return the X-Line-Signature LINE would send for exactly these bytes."""
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


class FakeLineAPI:
    """POST /v2/bot/message/reply|push, POST /v2/bot/chat/loading/start, GET /v2/bot/profile/{id},
    GET /v2/bot/message/{id}/content (what `image_event` / `file_event` stored; `downloads` counts),
    and POST /oauth2/v2.1/verify (LIFF ID tokens issued with `issue_id_token`)."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.id_tokens: dict[str, tuple[str, str]] = {}  # ID token -> (user id, channel id it was issued to)
        self.verified: list[str] = []  # ID tokens posted to /oauth2/v2.1/verify, in order
        self.contents: dict[str, bytes] = {}  # message id -> the content of an image or file message
        self.downloads: list[tuple[str, str]] = []  # (message id, Authorization) of each content GET
        self._failures: dict[str, tuple[int, str]] = {}
        self.listener = None  # optional callable(Call), run on each recorded call (benchmarks)
        self._used_tokens: set[str] = set()
        self._accepted_keys: set[str] = set()
        self._fraction = 0.0
        self._random = random.Random(0)
        self._modes: tuple[str, ...] = ("500", "429", "drop")
        self.injected: dict[str, int] = {}  # failure mode -> how many were injected
        self.down = False  # when set, every request's connection is dropped unanswered (an outage)
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.port = 0

    def start(self) -> FakeLineAPI:
        """Bind a free loopback port and serve in a background thread."""
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._server.request_queue_size = 256
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="fake-line-api",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and free the port."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeLineAPI:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def host(self) -> str:
        """Return the base URL for Configuration(host=...)."""
        return f"http://127.0.0.1:{self.port}"

    # -- scripting ----------------------------------------------------------
    def fail_replies(self, status: int = 400, message: str = "Invalid reply token") -> None:
        """Make every reply call fail like an expired reply token."""
        self._failures["reply"] = (status, message)

    def fail_pushes(self, status: int = 429, message: str = "You have reached your monthly limit.") -> None:
        """Make every push call fail."""
        self._failures["push"] = (status, message)

    def fail_fraction(
        self, fraction: float, *, seed: int = 0, modes: tuple[str, ...] = ("500", "429", "drop")
    ) -> None:
        """Fail this fraction of reply and push calls at random: "500", "429" (Retry-After: 1) or "drop"."""
        with self._lock:
            self._fraction, self._random, self._modes = fraction, random.Random(seed), modes

    def _injected_failure(self, path: str) -> str:
        if not path.endswith(("/reply", "/push")):
            return ""
        with self._lock:
            if self._fraction <= 0 or self._random.random() >= self._fraction:
                return ""
            mode = self._random.choice(self._modes)
            self.injected[mode] = self.injected.get(mode, 0) + 1
            return mode

    def issue_id_token(self, user_id: str, channel_id: str) -> str:
        """Return a new LIFF ID token for `user_id`, issued to the LINE Login channel `channel_id`."""
        token = f"idt-{len(self.id_tokens) + 1}-{user_id}"
        self.id_tokens[token] = (user_id, channel_id)
        return token

    # -- assertions ---------------------------------------------------------
    def image_event(self, content: bytes, **src: str) -> dict:
        """Return an image message event whose content this fake serves."""
        n = next(_counter)
        self.contents[str(n)] = content
        message = {"id": str(n), "type": "image", "contentProvider": {"type": "line"}, "quoteToken": "q"}
        return event("message", source(**src), message=message)

    def file_event(
        self, content: bytes, name: str = "result.pdf", *, declared: int | None = None, **src: str
    ) -> dict:
        """Return a file message event (`declared`: the fileSize LINE states, when not the real one)."""
        n = next(_counter)
        self.contents[str(n)] = content
        size = len(content) if declared is None else declared
        message = {"id": str(n), "type": "file", "fileName": name, "fileSize": size, "quoteToken": "q"}
        return event("message", source(**src), message=message)

    def of(self, kind: str) -> list[Call]:
        """Return the recorded calls of a kind: "reply", "push", "loading"."""
        with self._lock:
            return [c for c in self.calls if c.path.rsplit("/", 1)[-1] == kind]

    def messages(self) -> list[dict]:
        """Return every message delivered by reply or push, in order."""
        with self._lock:
            return [m for c in self.calls if c.path.endswith(("/reply", "/push")) for m in c.body["messages"]]

    def wait_for(
        self, count: int, kinds: tuple[str, ...] = ("reply", "push"), timeout: float = 10.0
    ) -> list[Call]:
        """Block until `count` delivery calls were recorded (or fail); return them."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                got = [c for c in self.calls if c.path.rsplit("/", 1)[-1] in kinds]
                if len(got) >= count:
                    return got
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"expected {count} LINE calls, got {len(got)}")
                self._changed.wait(left)

    def _record(self, call: Call) -> tuple[int, dict]:
        kind = call.path.rsplit("/", 1)[-1]
        with self._changed:
            failure = self._failures.get(kind)
            token = call.body.get("replyToken", "")
            if kind == "reply" and failure is None:
                if token in self._used_tokens:  # a reply token works once
                    failure = (400, "Invalid reply token")
                self._used_tokens.add(token)
            if kind == "push" and failure is None and call.retry_key:
                if call.retry_key in self._accepted_keys:  # LINE: "already accepted", nothing sent again
                    failure = (409, "The retry key is already accepted")
                self._accepted_keys.add(call.retry_key)
            if failure is None:
                self.calls.append(call)
                self._changed.notify_all()
        if failure is None and self.listener is not None:
            self.listener(call)
        if failure is not None:
            return failure[0], {"message": failure[1]}
        if kind in ("reply", "push"):
            return 200, {
                "sentMessages": [{"id": str(i)} for i, _ in enumerate(call.body.get("messages", []))]
            }
        return 202, {}


def limit_violation(body: dict) -> str:
    """Return why LINE would reject these messages (its documented limits), or ""."""
    messages = body.get("messages", [])
    for i, message in enumerate(messages):
        if message.get("type") == "text":
            units = len(message.get("text", "").encode("utf-16-le")) // 2
            if not 1 <= units <= 5000:
                return f"messages[{i}].text: length must be 1..5000, was {units}"
        if message.get("type") == "flex":
            if not 1 <= len(message.get("altText", "")) <= 400:
                return f"messages[{i}].altText: length must be 1..400"
            contents = message.get("contents", {})
            if contents.get("type") == "carousel" and not 1 <= len(contents.get("contents", [])) <= 12:
                return f"messages[{i}].contents: carousel must hold 1..12 bubbles"
        if message.get("type") == "image":
            for key in ("originalContentUrl", "previewImageUrl"):
                if not str(message.get(key, "")).startswith("https://"):
                    return f"messages[{i}].{key}: must be https"
        items = (message.get("quickReply") or {}).get("items", [])
        if len(items) > 13:
            return f"messages[{i}].quickReply.items: at most 13"
        for item in items:
            if len(item["action"].get("label", "")) > 20:
                return f"messages[{i}].quickReply: label longer than 20"
    return ""


def _handler_for(fake: FakeLineAPI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out as two writes; without this, Nagle + delayed ACK add 40 ms a call.
        disable_nagle_algorithm = True

        def log_message(self, *args: object) -> None:  # keep test output clean
            return

        def _send(self, status: int, payload: dict, headers: dict[str, str] | None = None) -> None:
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if self.path == "/oauth2/v2.1/verify":  # LINE Login: form id_token + client_id, no bearer
                self._verify(raw)
                return
            injected = "drop" if fake.down else fake._injected_failure(self.path)
            if injected == "drop":  # the connection dies before LINE handled the request
                self.close_connection = True
                self.connection.shutdown(2)
                return
            if injected == "500":
                self._send(500, {"message": "Internal server error"})
                return
            if injected == "429":
                self._send(429, {"message": "Too many requests"}, {"Retry-After": "1"})
                return
            auth = self.headers.get("Authorization", "")
            if not auth.startswith("Bearer "):
                self._send(401, {"message": "Authentication failed"})
                return
            known = ("/v2/bot/message/reply", "/v2/bot/message/push", "/v2/bot/chat/loading/start")
            if self.path not in known:
                self._send(404, {"message": "Not found"})
                return
            try:
                body = json.loads(raw or b"{}")
            except ValueError:
                self._send(400, {"message": "The request body has 1 error(s)"})
                return
            if self.path != known[2] and not 1 <= len(body.get("messages", [])) <= 5:
                self._send(400, {"message": "Size must be between 1 and 5"})
                return
            problem = limit_violation(body) if self.path != known[2] else ""
            if problem:
                self._send(400, {"message": problem})
                return
            status, payload = fake._record(
                Call(self.path, body, auth, self.headers.get("X-Line-Retry-Key", ""))
            )
            self._send(status, payload)

        def _verify(self, raw: bytes) -> None:
            form = dict(parse_qsl(raw.decode("utf-8")))
            token, client = form.get("id_token", ""), form.get("client_id", "")
            fake.verified.append(token)
            issued = fake.id_tokens.get(token)
            if not client:
                self._send(400, {"error": "invalid_request", "error_description": "client_id is required"})
            elif issued is None:
                self._send(400, {"error": "invalid_request", "error_description": "Invalid IdToken."})
            elif issued[1] != client:
                self._send(
                    400, {"error": "invalid_request", "error_description": "Invalid IdToken Audience."}
                )
            else:
                now = int(time.time())
                self._send(
                    200,
                    {
                        "iss": "https://access.line.me",
                        "sub": issued[0],
                        "aud": client,
                        "exp": now + 3600,
                        "iat": now,
                        "name": "เจ้าหน้าที่ทดสอบ",
                    },
                )

        def do_GET(self) -> None:
            if fake.down:
                self.close_connection = True
                self.connection.shutdown(2)
                return
            if self.path == "/v2/bot/info":
                info = {"userId": "Ubot", "basicId": "@ita", "displayName": "ITA", "chatMode": "bot"}
                self._send(200, {**info, "markAsReadMode": "auto"})
            elif self.path.startswith("/v2/bot/message/") and self.path.endswith("/content"):
                message_id = self.path.split("/")[4]
                content = fake.contents.get(message_id)
                with fake._lock:
                    fake.downloads.append((message_id, self.headers.get("Authorization", "")))
                if content is None:
                    self._send(404, {"message": "Not found"})
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/octet-stream")
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)
            elif self.path.startswith("/v2/bot/profile/"):
                user_id = self.path.rsplit("/", 1)[-1]
                self._send(200, {"userId": user_id, "displayName": "เจ้าหน้าที่ทดสอบ"})
            else:
                self._send(404, {"message": "Not found"})

    return Handler


# -- webhook payloads, as LINE sends them -------------------------------------
_counter = iter(range(1, 10**9))


def source(user: str = "U1", group: str = "", room: str = "") -> dict:
    """Return a webhook event source: a user, a group member or a room member."""
    if group:
        return {"type": "group", "groupId": group, "userId": user}
    if room:
        return {"type": "room", "roomId": room, "userId": user}
    return {"type": "user", "userId": user}


def event(kind: str, src: dict, **extra: Any) -> dict:
    """Return one webhook event with a fresh webhookEventId and reply token."""
    n = next(_counter)
    base = {
        "type": kind,
        "mode": "active",
        "timestamp": 1_700_000_000_000 + n,
        "source": src,
        "webhookEventId": f"01HEVENT{n:018d}",
        "deliveryContext": {"isRedelivery": False},
        "replyToken": f"reply-token-{n}",
    }
    base.update(extra)
    return base


def text_event(text: str, **src: str) -> dict:
    """Return a text message event."""
    n = next(_counter)
    return event(
        "message", source(**src), message={"id": str(n), "type": "text", "text": text, "quoteToken": "q"}
    )


def postback_event(data: str, **src: str) -> dict:
    """Return a postback (button press) event."""
    return event("postback", source(**src), postback={"data": data})


def follow_event(*, unblocked: bool = False, **src: str) -> dict:
    """Return a follow event: friend added, or unblocked again (`unblocked`: a re-follow)."""
    return event("follow", source(**src), follow={"isUnblocked": unblocked})


def service_events(**src: str) -> list[dict]:
    """Return one of each event no officer typed: unfollow, join, leave, members, unsend, video, beacon ..."""
    s = source(**src)
    group = source(user=src.get("user", "U1"), group=src.get("group") or "Cgroup")
    members = {"members": [{"type": "user", "userId": "Unew"}]}
    events = [
        event("unfollow", s),
        event("join", group),
        event("leave", group),
        event("memberJoined", group, joined=members),
        event("memberLeft", group, left=members),
        event("unsend", s, unsend={"messageId": "325708"}),
        event("videoPlayComplete", s, videoPlayComplete={"trackingId": "track-1"}),
        event("beacon", s, beacon={"hwid": "d41d8cd98f", "type": "enter"}),
        event("accountLink", s, link={"result": "ok", "nonce": "xxxxxxxx"}),
        event("things", s, things={"deviceId": "t2907", "type": "link"}),
    ]
    for e in events:
        if e["type"] in ("unfollow", "leave", "memberLeft", "unsend", "videoPlayComplete"):
            e.pop("replyToken", None)  # LINE gives no reply token for these
    return events


def sticker_event(**src: str) -> dict:
    """Return a sticker message event."""
    n = next(_counter)
    return event(
        "message",
        source(**src),
        message={
            "id": str(n),
            "type": "sticker",
            "packageId": "446",
            "stickerId": "1988",
            "stickerResourceType": "STATIC",
            "quoteToken": "q",
        },
    )


def webhook_body(*events: dict) -> bytes:
    """Return the exact bytes LINE would POST (Thai kept as UTF-8, so sign these bytes, never re-dump)."""
    return json.dumps({"destination": "Ubot", "events": list(events)}, ensure_ascii=False).encode()
