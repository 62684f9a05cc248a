"""Reading a webhook's body safely: a size cap enforced while streaming, and JSON that cannot crash a handler.

A platform's webhook is a few kilobytes, but anyone can POST to the URL. The
body is read chunk by chunk and refused (413) as soon as it passes the cap,
whether or not it declared a Content-Length, so a forged 40 MB body costs at
most the cap in memory and is never read whole before the signature check.
JSON that is malformed, not an object, or nested deeper than any real update
is a ValueError (400), never an unhandled RecursionError (500).
"""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request

MAX_DEPTH = 64  # real LINE and Telegram payloads nest fewer than 15 levels


class BodyTooLarge(Exception):
    """The body passed the cap (or declared that it would)."""


async def read_capped(request: Request, limit: int) -> bytes:
    """Return the request body, or raise BodyTooLarge as soon as it passes `limit` bytes.

    A declared Content-Length over the cap is refused before reading anything;
    a body without one (chunked) is counted as it arrives. A Content-Length that
    is not a number is a ValueError.
    """
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.strip().isdigit():
            raise ValueError("Content-Length is not a number")
        if int(declared) > limit:
            raise BodyTooLarge
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge
        chunks.append(chunk)
    return b"".join(chunks)


def parse_object(raw: bytes, *, max_depth: int = MAX_DEPTH) -> dict[str, Any]:
    """Parse a JSON object, raising ValueError if it is malformed, not an object or nested too deep."""
    try:
        value = json.loads(raw)
    except RecursionError:
        raise ValueError("JSON nested too deep") from None
    if not isinstance(value, dict):
        raise ValueError("JSON is not an object")
    check_depth(value, max_depth)
    return value


def check_depth(value: Any, max_depth: int = MAX_DEPTH) -> None:
    """Raise ValueError if lists and objects nest deeper than `max_depth` (iterative: no recursion)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > max_depth:
            raise ValueError("JSON nested too deep")
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values() if isinstance(v, (dict, list)))
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item if isinstance(v, (dict, list)))
