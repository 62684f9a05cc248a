"""FakeBotAPI: a real HTTP Bot API server on 127.0.0.1 for driving the bot through python-telegram-bot.

Tests push updates (send_text, press, send_sticker, send_photo, send_document ...)
that the bot receives through getUpdates long polling, and read back every call
the bot made (sendMessage, sendDocument with the uploaded bytes, sendChatAction,
getFile ...). Files a test sends are served as the Bot API serves them: getFile
answers a file_path, and GET /file/bot<token>/<file_path> the bytes (`downloads`
counts them).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import random
import threading
import time
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl

TOKEN = "123456:TEST-fake-token"
BOT_ID = 123456
BOT_USERNAME = "ita_test_bot"
MAX_POLL = 0.5  # seconds a getUpdates waits at most, so stopping the bot is quick


@dataclass
class Call:
    """One Bot API request the bot made."""

    method: str
    params: dict
    files: dict = field(default_factory=dict)  # field name -> (filename, bytes)
    at: float = 0.0  # time.monotonic() when it arrived
    result: object = None  # what the fake answered (e.g. the sent Message, with its message_id)

    @property
    def chat_id(self) -> str:
        return str(self.params.get("chat_id", ""))


class FakeBotAPI:
    """A threaded HTTP server speaking enough of the Bot API for python-telegram-bot."""

    def __init__(self, token: str = TOKEN) -> None:
        self.token = token
        self.calls: list[Call] = []
        self.webhook: dict = {}
        self.fail: dict[str, list[tuple[int, dict]]] = {}  # method -> queued error answers
        self._fraction = 0.0  # fail_fraction: this share of sends fails at random
        self._random = random.Random(0)
        self._modes: tuple[str, ...] = ()
        self.injected: dict[str, int] = {}  # failure mode -> how many were injected
        self._updates: list[dict] = []
        self._lock = threading.RLock()
        self._cond = threading.Condition(self._lock)  # any recorded call
        self._pushed = threading.Condition(self._lock)  # a new update for getUpdates
        self._chat_conds: dict[
            str, threading.Condition
        ] = {}  # a reply to that chat: waiters wake only for theirs
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._by_chat: dict[str, list[Call]] = {}  # sendMessage/sendDocument per chat, for cheap waits
        self.pushed_at: dict[int, float] = {}  # update_id -> time.monotonic() when pushed
        self.files: dict[str, tuple[str, bytes]] = {}  # file_id -> (file_path, content)
        self.declared: dict[str, int] = {}  # file_id -> a file_size stated instead of the real one
        self.downloads: list[str] = []  # file paths downloaded, in order
        self._file_ids = itertools.count(1)
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------ lifecycle
    def start(self) -> FakeBotAPI:
        handler = type("Handler", (_Handler,), {"api": self})
        self._server = _Server(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def __enter__(self) -> FakeBotAPI:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        """Return the value for settings.telegram_base_url."""
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}/bot"

    # ------------------------------------------------------------ pushing updates
    def push(self, update: dict) -> int:
        """Queue a raw update for getUpdates and return its update_id."""
        with self._cond:
            update_id = next(self._update_ids)
            update = {"update_id": update_id, **update}
            self._updates.append(update)
            self.pushed_at[update_id] = time.monotonic()
            self._pushed.notify_all()
        return update_id

    def _message(self, user_id: int, chat_id: int | None, chat_type: str, **content) -> dict:
        chat_id = user_id if chat_id is None else chat_id
        chat = {"id": chat_id, "type": chat_type}
        chat.update(
            {"first_name": f"user{user_id}"} if chat_type == "private" else {"title": f"group{chat_id}"}
        )
        return {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat,
            "from": {"id": user_id, "is_bot": False, "first_name": f"user{user_id}"},
            **content,
        }

    def text_update(
        self, user_id: int, text: str, *, chat_id: int | None = None, chat_type: str = "private"
    ) -> dict:
        """Return (without queueing) the update Telegram sends for a text message; /commands get an entity."""
        content: dict = {"text": text}
        if text.startswith("/"):
            length = len(text.split(" ", 1)[0].encode("utf-16-le")) // 2
            content["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        return {"message": self._message(user_id, chat_id, chat_type, **content)}

    def send_text(
        self, user_id: int, text: str, *, chat_id: int | None = None, chat_type: str = "private"
    ) -> int:
        """Push a text message for getUpdates."""
        return self.push(self.text_update(user_id, text, chat_id=chat_id, chat_type=chat_type))

    def send_sticker(self, user_id: int, *, chat_id: int | None = None, chat_type: str = "private") -> int:
        """Push a sticker message."""
        sticker = {
            "file_id": "STICKER1",
            "file_unique_id": "S1",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "type": "regular",
        }
        return self.push({"message": self._message(user_id, chat_id, chat_type, sticker=sticker)})

    def add_file(self, content: bytes, *, folder: str = "documents", suffix: str = "bin") -> dict:
        """Store a file the bot may fetch; return its Bot API fields (file_id, file_unique_id, file_size)."""
        n = next(self._file_ids)
        file_id = f"FILE{n}"
        with self._lock:
            self.files[file_id] = (f"{folder}/file_{n}.{suffix}", content)
        return {"file_id": file_id, "file_unique_id": f"U{n}", "file_size": len(content)}

    def send_photo(
        self,
        user_id: int,
        content: bytes | None = None,
        *,
        chat_id: int | None = None,
        chat_type: str = "private",
        caption: str = "",
    ) -> int:
        """Push a photo message: a small thumbnail size and the full one (`content`), as Telegram sends."""
        if content is None:
            photo = [{"file_id": "PHOTO1", "file_unique_id": "P1", "width": 90, "height": 90}]
        else:
            thumb = self.add_file(b"\xff\xd8\xff thumbnail", folder="photos", suffix="jpg")
            full = self.add_file(content, folder="photos", suffix="jpg")
            photo = [{**thumb, "width": 90, "height": 200}, {**full, "width": 720, "height": 1600}]
        extra = {"caption": caption} if caption else {}
        return self.push({"message": self._message(user_id, chat_id, chat_type, photo=photo, **extra)})

    def send_document(
        self,
        user_id: int,
        content: bytes,
        *,
        file_name: str = "file.pdf",
        mime_type: str = "application/pdf",
        declared_size: int | None = None,
        chat_id: int | None = None,
        chat_type: str = "private",
    ) -> int:
        """Push a document message (`declared_size`: the size Telegram states, when not the real one)."""
        stored = self.add_file(content, suffix=file_name.rsplit(".", 1)[-1] or "bin")
        if declared_size is not None:  # stated in the message and by getFile, whatever is downloaded
            stored["file_size"] = self.declared[stored["file_id"]] = declared_size
        document = {**stored, "file_name": file_name, "mime_type": mime_type}
        return self.push({"message": self._message(user_id, chat_id, chat_type, document=document)})

    def press(
        self,
        user_id: int,
        callback_data: str,
        message_id: int,
        *,
        chat_id: int | None = None,
        chat_type: str = "private",
    ) -> int:
        """Push a callback query: the user pressed a button on the bot's message `message_id`."""
        chat_id = user_id if chat_id is None else chat_id
        message = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": {
                "id": chat_id,
                "type": chat_type,
                **({"first_name": "u"} if chat_type == "private" else {"title": "g"}),
            },
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "ITA"},
            "text": "…",
        }
        query = {
            "id": f"cq{next(self._update_ids)}",
            "chat_instance": f"ci{chat_id}",
            "from": {"id": user_id, "is_bot": False, "first_name": f"user{user_id}"},
            "message": message,
            "data": callback_data,
        }
        return self.push({"callback_query": query})

    def push_raw(self, update: dict) -> None:
        """Queue an update as given, update_id included (a redelivery of one already sent)."""
        with self._cond:
            self._updates.append(dict(update))
            self._pushed.notify_all()

    def service_update(
        self, kind: str, user_id: int, *, chat_id: int = -100200, chat_type: str = "supergroup"
    ) -> dict:
        """Return (without queueing) a service message of `kind` (a key of SERVICE_CONTENT) in a group."""
        return {"message": self._message(user_id, chat_id, chat_type, **SERVICE_CONTENT[kind])}

    def edited_update(self, user_id: int, text: str) -> dict:
        """Return (without queueing) the update Telegram sends when a user edits a message."""
        message = self._message(user_id, None, "private", text=text)
        message["edit_date"] = message["date"] + 5
        return {"edited_message": message}

    def fail_fraction(
        self, fraction: float, *, seed: int = 0, modes: tuple[str, ...] = ("500", "429", "drop")
    ) -> None:
        """Fail this share of sendMessage/sendDocument calls at random: "500", "502", "429" or "drop"."""
        with self._cond:
            self._fraction, self._random, self._modes = fraction, random.Random(seed), modes

    def _injected_failure(self, method: str) -> str:
        if method not in ("sendMessage", "sendDocument"):
            return ""
        with self._cond:
            if self._fraction <= 0 or self._random.random() >= self._fraction:
                return ""
            mode = self._random.choice(self._modes)
            self.injected[mode] = self.injected.get(mode, 0) + 1
            return mode

    # ------------------------------------------------------------ reading what the bot did
    def calls_of(self, method: str) -> list[Call]:
        with self._cond:
            return [c for c in self.calls if c.method == method]

    def messages_to(self, chat_id: int | str) -> list[Call]:
        """Return the sendMessage calls to a chat, in order."""
        return [c for c in self.calls_of("sendMessage") if c.chat_id == str(chat_id)]

    def texts_to(self, chat_id: int | str) -> list[str]:
        return [c.params["text"] for c in self.messages_to(chat_id)]

    def documents_to(self, chat_id: int | str) -> list[tuple[str, bytes, str]]:
        """Return (filename, bytes, caption) of every document sent to a chat."""
        out = []
        for c in self.calls_of("sendDocument"):
            if c.chat_id == str(chat_id):
                filename, content = c.files["document"]
                out.append((filename, content, c.params.get("caption", "")))
        return out

    def replies_to(self, chat_id: int | str) -> list[Call]:
        """Return every message-like call (sendMessage, sendDocument) to a chat, in order."""
        with self._cond:
            return list(self._by_chat.get(str(chat_id), ()))

    def _chat_cond(self, chat: str) -> threading.Condition:
        with self._lock:
            return self._chat_conds.setdefault(chat, threading.Condition(self._lock))

    def wait_for(self, predicate, timeout: float = 10.0, *, chat: int | str | None = None):
        """Wait until predicate() is truthy and return its value.

        It is re-checked on every call the bot makes, or only on replies to
        `chat` when given (many waiting officers then do not all wake at once).
        """
        deadline = time.monotonic() + timeout
        cond = self._cond if chat is None else self._chat_cond(str(chat))
        with cond:
            while True:
                value = predicate()
                if value:
                    return value
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"condition not met within {timeout} s")
                cond.wait(min(left, 0.2))

    def wait_replies(self, chat_id: int | str, count: int, timeout: float = 10.0) -> list[Call]:
        """Wait until a chat has received at least `count` messages/documents and return them."""
        return self.wait_for(
            lambda: (r := self.replies_to(chat_id)) and len(r) >= count and r, timeout, chat=chat_id
        )

    def wait_burst(
        self, chat_id: int | str, before: int, *, quiet: float = 0.4, timeout: float = 60.0
    ) -> list[Call]:
        """Wait for replies after the first `before` ones, until none has come for `quiet` s; return the new ones.

        One Reply becomes several messages (texts, cards, documents); this
        collects all of them without knowing in advance how many there are.
        """
        chat = str(chat_id)
        deadline = time.monotonic() + timeout
        self.wait_for(lambda: len(self._by_chat.get(chat, ())) > before, timeout, chat=chat)
        cond = self._chat_cond(chat)
        with cond:
            while True:
                calls = self._by_chat.get(chat, [])
                left = calls[-1].at + quiet - time.monotonic()
                if left <= 0:
                    return list(calls[before:])
                if time.monotonic() > deadline:
                    raise TimeoutError(f"replies to {chat} kept coming for {timeout} s")
                cond.wait(left)

    # ------------------------------------------------------------ serving
    def _record(self, call: Call) -> None:
        with self._cond:
            self.calls.append(call)
            if call.method in ("sendMessage", "sendDocument"):
                self._by_chat.setdefault(call.chat_id, []).append(call)
                if call.chat_id in self._chat_conds:
                    self._chat_conds[call.chat_id].notify_all()
            self._cond.notify_all()

    def _answer(self, method: str, params: dict) -> tuple[int, dict]:
        with self._cond:
            queued = self.fail.get(method)
            if queued:
                return queued.pop(0)
        now = int(time.time())
        bot_user = {"id": BOT_ID, "is_bot": True, "first_name": "ITA", "username": BOT_USERNAME}
        if method == "getMe":
            result: object = {
                **bot_user,
                "can_join_groups": True,
                "can_read_all_group_messages": False,
                "supports_inline_queries": False,
            }
        elif method == "getUpdates":
            result = self._get_updates(params)
        elif method in ("sendMessage", "sendDocument"):
            chat_id = int(params["chat_id"])
            result = {
                "message_id": next(self._message_ids),
                "date": now,
                "from": bot_user,
                "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group", "title": "g"},
            }
            if method == "sendMessage":
                result["text"] = params.get("text", "")
            else:
                result["document"] = {
                    "file_id": f"DOC{result['message_id']}",
                    "file_unique_id": "D",
                    "file_name": params.get("_filename", "file"),
                }
        elif method == "getFile":
            with self._lock:
                stored = self.files.get(str(params.get("file_id", "")))
            if stored is None:
                return 400, {"ok": False, "error_code": 400, "description": "Bad Request: invalid file_id"}
            if len(stored[1]) > 20 * 1024 * 1024:  # the Bot API's download limit
                return 400, {"ok": False, "error_code": 400, "description": "Bad Request: file is too big"}
            file_id = str(params["file_id"])
            result = {
                "file_id": file_id,
                "file_unique_id": f"U{file_id}",
                "file_size": self.declared.get(file_id, len(stored[1])),
                "file_path": stored[0],
            }
        elif method == "setWebhook":
            self.webhook = dict(params)
            result = True
        elif method == "deleteWebhook":
            self.webhook = {}
            result = True
        elif method == "getWebhookInfo":
            result = {
                "url": self.webhook.get("url", ""),
                "has_custom_certificate": False,
                "pending_update_count": 0,
            }
        elif method in ("sendChatAction", "answerCallbackQuery", "editMessageReplyMarkup", "close", "logOut"):
            result = True
        else:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found: method not faked"}
        return 200, {"ok": True, "result": result}

    def _get_updates(self, params: dict) -> list[dict]:
        offset = int(params.get("offset") or 0)
        wait = min(float(params.get("timeout") or 0), MAX_POLL)
        deadline = time.monotonic() + wait
        with self._cond:
            # Telegram forgets updates below the offset once the bot has confirmed them.
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
            while not self._updates and time.monotonic() < deadline:
                self._pushed.wait(deadline - time.monotonic())
            limit = int(params.get("limit") or 100)
            return list(self._updates[:limit])


_USER = {"id": 4242, "is_bot": False, "first_name": "new"}
_BOT = {"id": BOT_ID, "is_bot": True, "first_name": "ITA", "username": BOT_USERNAME}
_PINNED = {
    "message_id": 7,
    "date": 0,
    "chat": {"id": -100200, "type": "supergroup", "title": "g"},
    "text": "x",
}
_PHOTO = [{"file_id": "PH", "file_unique_id": "PH", "width": 90, "height": 90}]
_TOPIC = {"name": "หัวข้อ", "icon_color": 7322096}
# One of each service message (Bot API "Message" fields that announce an event, not something typed).
SERVICE_CONTENT: dict[str, dict] = {
    "new_chat_members": {"new_chat_members": [_USER]},
    "bot_added": {"new_chat_members": [_BOT]},
    "left_chat_member": {"left_chat_member": _USER},
    "new_chat_title": {"new_chat_title": "กลุ่มใหม่"},
    "new_chat_photo": {"new_chat_photo": _PHOTO},
    "delete_chat_photo": {"delete_chat_photo": True},
    "group_chat_created": {"group_chat_created": True},
    "supergroup_chat_created": {"supergroup_chat_created": True},
    "channel_chat_created": {"channel_chat_created": True},
    # (message_auto_delete_timer_changed is left out: python-telegram-bot 22 warns while parsing it,
    # and warnings are errors in the tests.)
    "migrate_to_chat_id": {"migrate_to_chat_id": -100999},
    "migrate_from_chat_id": {"migrate_from_chat_id": -999},
    "pinned_message": {"pinned_message": _PINNED},
    "users_shared": {"users_shared": {"request_id": 1, "users": [{"user_id": 5}]}},
    "chat_shared": {"chat_shared": {"request_id": 2, "chat_id": -100300}},
    "connected_website": {"connected_website": "example.go.th"},
    "write_access_allowed": {"write_access_allowed": {"from_request": True}},
    "proximity_alert_triggered": {
        "proximity_alert_triggered": {"traveler": _USER, "watcher": _USER, "distance": 5}
    },
    "boost_added": {"boost_added": {"boost_count": 1}},
    "chat_background_set": {
        "chat_background_set": {
            "type": {"type": "fill", "fill": {"type": "solid", "color": 0}, "dark_theme_dimming": 0}
        }
    },
    "forum_topic_created": {"forum_topic_created": _TOPIC},
    "forum_topic_edited": {"forum_topic_edited": {"name": "ใหม่"}},
    "forum_topic_closed": {"forum_topic_closed": {}},
    "forum_topic_reopened": {"forum_topic_reopened": {}},
    "general_forum_topic_hidden": {"general_forum_topic_hidden": {}},
    "general_forum_topic_unhidden": {"general_forum_topic_unhidden": {}},
    "giveaway_created": {"giveaway_created": {}},
    "giveaway_completed": {"giveaway_completed": {"winner_count": 1}},
    "video_chat_scheduled": {"video_chat_scheduled": {"start_date": 1_700_000_000}},
    "video_chat_started": {"video_chat_started": {}},
    "video_chat_ended": {"video_chat_ended": {"duration": 60}},
    "video_chat_participants_invited": {"video_chat_participants_invited": {"users": [_USER]}},
    "web_app_data": {"web_app_data": {"data": "x", "button_text": "b"}},
}


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # A client closing a kept-alive connection (the bot stopping) is normal, not an error.
        import sys

        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    api: FakeBotAPI
    protocol_version = "HTTP/1.1"  # keep-alive, like the real API: PTB reuses pooled connections

    def log_message(self, *args) -> None:  # quiet: the test output is for assertions
        pass

    def do_POST(self) -> None:
        self._serve()

    def do_GET(self) -> None:
        self._serve()

    def _serve(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length) if length else b""
        prefix = f"/bot{self.api.token}/"
        if self.command == "GET" and self.path.startswith(f"/file{prefix}"):
            self._serve_file(self.path[len(f"/file{prefix}") :])
            return
        if not self.path.startswith(prefix):
            self._send(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
            return
        method = self.path[len(prefix) :].split("?", 1)[0]
        injected = self.api._injected_failure(method)
        if injected == "drop":  # the connection dies before Telegram handled the request
            self.close_connection = True
            self.connection.shutdown(2)
            return
        if injected in ("500", "502"):
            self._send(
                int(injected), {"ok": False, "error_code": int(injected), "description": "Bad Gateway"}
            )
            return
        if injected == "429":
            flood = {"ok": False, "error_code": 429, "description": "Too Many Requests: retry after 1"}
            self._send(429, {**flood, "parameters": {"retry_after": 1}})
            return
        params, files = _parse_body(self.headers.get("content-type", ""), body)
        if "document" in files:
            params["_filename"] = files["document"][0]
        call = Call(method, params, files, time.monotonic())
        status, answer = self.api._answer(method, params)
        call.result = answer.get("result")
        if method != "getUpdates":
            self.api._record(call)
        self._send(status, answer)

    def _serve_file(self, path: str) -> None:
        with self.api._lock:
            content = next((c for p, c in self.api.files.values() if p == path), None)
            if content is not None:
                self.api.downloads.append(path)
        if content is None:
            self._send(404, {"ok": False, "error_code": 404, "description": "Not Found"})
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)

    def _send(self, status: int, answer: dict) -> None:
        data = json.dumps(answer).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):  # the bot gave up on a long poll while stopping
            self.close_connection = True


def _parse_body(content_type: str, body: bytes) -> tuple[dict, dict]:
    """Parse a form-encoded, JSON or multipart Bot API request into (params, files)."""
    if content_type.startswith("multipart/form-data"):
        message = BytesParser(policy=HTTP).parsebytes(f"Content-Type: {content_type}\r\n\r\n".encode() + body)
        params, files = {}, {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            filename = part.get_filename()
            payload = part.get_payload(decode=True) or b""
            if filename is not None:
                files[name] = (filename, payload)
            else:
                params[name] = payload.decode("utf-8")
        return params, files
    if content_type.startswith("application/json"):
        return (json.loads(body) if body else {}), {}
    return dict(parse_qsl(body.decode("utf-8"), keep_blank_values=True)), {}


class BotThread:
    """Run a python-telegram-bot Application (long polling) on its own event loop in a thread.

    Tests and the load benchmark stay synchronous and wait on the fake
    server, while the bot runs exactly as in production.
    """

    def __init__(self, application) -> None:
        self.application = application
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    def start(self) -> BotThread:
        self._thread.start()
        self._run(self._start())
        return self

    async def _start(self) -> None:
        app = self.application
        await app.initialize()
        await app.updater.start_polling(
            poll_interval=0.0, timeout=1, allowed_updates=["message", "callback_query"]
        )
        await app.start()

    async def _stop(self) -> None:
        from bot.channels.telegram import stop_application

        await stop_application(self.application)

    def _run(self, coro, timeout: float = 30.0):
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def stop(self) -> None:
        try:
            self._run(self._stop())
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self._thread.join(10)
            self.loop.close()

    def __enter__(self) -> BotThread:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
