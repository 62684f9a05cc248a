"""FakeOpenAI: a scriptable OpenAI-compatible HTTP server on 127.0.0.1 for tests.

A real threaded HTTP server, so the code under test goes through its real
client (langchain-openai -> openai -> httpx -> socket). Chat replies come from
a queue the test fills (`enqueue_json`, `enqueue_text`, `enqueue_status`,
`enqueue_slow`); embeddings are deterministic vectors hashed from the input;
every request is recorded in `.requests` so tests assert on what was sent.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import struct
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class _Reply:
    status: int = 200
    content: str | None = None
    delay: float = 0.0
    error: str = ""


class FakeOpenAI:
    """Scripted OpenAI-compatible server: POST /v1/chat/completions, POST /v1/embeddings, GET /v1/models."""

    def __init__(self, *, embedding_dim: int = 16, models: tuple[str, ...] = ("fake-model",)) -> None:
        self.embedding_dim = embedding_dim
        self.models = models
        self.requests: list[dict[str, Any]] = []
        self._replies: deque[_Reply] = deque()
        self._responder: Callable[[dict[str, Any]], Any] | None = None
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._port = 0

    # -- lifecycle ---------------------------------------------------------
    def start(self) -> FakeOpenAI:
        """Bind a free loopback port and serve in a background thread."""
        self._stopping.clear()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-openai", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and free the port (slow replies still sleeping are cut short)."""
        self._stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> FakeOpenAI:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        """Return the OpenAI-style base URL, e.g. http://127.0.0.1:PORT/v1."""
        return f"http://127.0.0.1:{self._port}/v1"

    # -- scripting ---------------------------------------------------------
    def enqueue_json(self, obj: Any) -> None:
        """Answer the next chat call with a completion whose message content is `obj` as JSON."""
        self._push(_Reply(content=json.dumps(obj, ensure_ascii=False)))

    def enqueue_text(self, text: str) -> None:
        """Answer the next chat call with this raw message content (e.g. invalid JSON)."""
        self._push(_Reply(content=text))

    def enqueue_status(self, status: int, message: str = "fake server error") -> None:
        """Answer the next chat call with an HTTP error status and an OpenAI-style error body."""
        self._push(_Reply(status=status, error=message))

    def enqueue_slow(self, seconds: float, reply: Any = None) -> None:
        """Wait `seconds` before answering the next chat call with `reply` (JSON-encoded unless a str)."""
        if reply is None:
            reply = {}
        content = reply if isinstance(reply, str) else json.dumps(reply, ensure_ascii=False)
        self._push(_Reply(content=content, delay=seconds))

    def respond_with(self, responder: Callable[[dict[str, Any]], Any] | None) -> None:
        """Answer chat calls the queue does not cover with responder(request_json) (JSON-encoded unless a str).

        For concurrent clients, where the order of arrival is not the order of the rows.
        """
        self._responder = responder

    def pending(self) -> int:
        """Return how many scripted replies have not been used yet."""
        with self._lock:
            return len(self._replies)

    def chat_requests(self) -> list[dict[str, Any]]:
        """Return the recorded chat-completion requests."""
        return [r for r in self.requests if r["path"].endswith("/chat/completions")]

    def _push(self, reply: _Reply) -> None:
        with self._lock:
            self._replies.append(reply)

    def _pop(self) -> _Reply | None:
        with self._lock:
            return self._replies.popleft() if self._replies else None

    def _record(self, path: str, headers: dict[str, str], body: Any) -> None:
        with self._lock:
            self.requests.append({"path": path, "headers": headers, "json": body})

    # -- responses ---------------------------------------------------------
    def vector(self, text: str) -> list[float]:
        """Return the deterministic unit vector served for `text`."""
        values = []
        for i in range(self.embedding_dim):
            digest = hashlib.sha256(f"{i}|{text}".encode()).digest()
            values.append(int.from_bytes(digest[:4], "little") / 2**32 - 0.5)
        norm = math.sqrt(sum(v * v for v in values)) or 1.0
        return [v / norm for v in values]

    def _chat(self, body: dict[str, Any]) -> tuple[int, dict[str, Any], float]:
        reply = self._pop()
        if reply is None and self._responder is not None:
            answer = self._responder(body)
            reply = _Reply(
                content=answer if isinstance(answer, str) else json.dumps(answer, ensure_ascii=False)
            )
        if reply is None:
            # An unscripted call is a test bug; answer loudly rather than invent content.
            return 500, _error("FakeOpenAI: no reply enqueued"), 0.0
        if reply.status != 200:
            return reply.status, _error(reply.error), reply.delay
        completion = {
            "id": f"chatcmpl-fake-{len(self.requests)}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.get("model", ""),
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": reply.content},
                    "finish_reason": "stop",
                    "logprobs": None,
                }
            ],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        }
        return 200, completion, reply.delay

    def _embeddings(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        inputs = body.get("input", [])
        if isinstance(inputs, str):
            inputs = [inputs]
        if any(not isinstance(x, str) for x in inputs):
            # Token-id input means the client tokenised locally (tiktoken); we never want that.
            return 400, _error("FakeOpenAI: input must be strings, not token ids")
        data = []
        for i, text in enumerate(inputs):
            vec = self.vector(text)
            if body.get("encoding_format") == "base64":
                packed = struct.pack(f"<{len(vec)}f", *vec)
                embedding: Any = base64.b64encode(packed).decode("ascii")
            else:
                embedding = vec
            data.append({"object": "embedding", "index": i, "embedding": embedding})
        usage = {"prompt_tokens": len(inputs), "total_tokens": len(inputs)}
        return 200, {"object": "list", "data": data, "model": body.get("model", ""), "usage": usage}


def _error(message: str) -> dict[str, Any]:
    return {"error": {"message": message, "type": "fake_error", "param": None, "code": None}}


def _handler_for(fake: FakeOpenAI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass  # keep test output clean; bodies are never logged anyway

        def _send(self, status: int, payload: dict[str, Any]) -> None:
            data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout); nothing to deliver

        def do_GET(self) -> None:
            fake._record(self.path, {k.lower(): v for k, v in self.headers.items()}, None)
            if self.path.rstrip("/").endswith("/v1/models"):
                data = [{"id": m, "object": "model", "created": 0, "owned_by": "fake"} for m in fake.models]
                self._send(200, {"object": "list", "data": data})
            else:
                self._send(404, _error(f"FakeOpenAI: no route GET {self.path}"))

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            try:
                body = json.loads(raw.decode("utf-8")) if raw else {}
            except ValueError:
                body = None
            fake._record(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
            if not isinstance(body, dict):
                self._send(400, _error("FakeOpenAI: body is not a JSON object"))
            elif self.path.endswith("/v1/chat/completions"):
                status, payload, delay = fake._chat(body)
                if delay and fake._stopping.wait(delay):
                    return  # server stopping: drop the reply like a dead backend would
                self._send(status, payload)
            elif self.path.endswith("/v1/embeddings"):
                self._send(*fake._embeddings(body))
            else:
                self._send(404, _error(f"FakeOpenAI: no route POST {self.path}"))

    return Handler
