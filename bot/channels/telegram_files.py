"""Telegram documents and photos: getFile and the download, through the configured Bot API base URL.

Only references travel in an update (a file_id and the size Telegram declares);
the bytes are fetched in the officer's turn by bot.channels.chat_files.FileReader.
The Bot API URL holds the bot token, so no URL is ever logged.
"""

from __future__ import annotations

import dataclasses
import time
from functools import partial
from typing import Any
from urllib.parse import quote

import httpx

from bot.channels.chat_files import FILE_KIND, FetchFailed, FileInbound, TooLarge, download
from bot.dialogue.messages import Inbound

CONNECT_SECONDS = 10.0
READ_SECONDS = 30.0


class TelegramFiles:
    """Fetch files sent to one bot: POST getFile, then GET the file from the file base URL."""

    def __init__(self, token: str, base_url: str, file_base_url: str) -> None:
        self._api = f"{base_url.rstrip('/')}{token}"
        self._files = f"{file_base_url.rstrip('/')}{token}"

    @staticmethod
    def has_file(message: Any) -> bool:
        """Tell whether a message carries a document or a photo we may read."""
        return bool(getattr(message, "photo", None) or getattr(message, "document", None))

    def inbound(self, base: Inbound, message: Any) -> FileInbound:
        """The FileInbound for a photo (its largest size) or a document."""
        item = message.photo[-1] if message.photo else message.document
        fields = {f.name: getattr(base, f.name) for f in dataclasses.fields(Inbound)} | {"kind": FILE_KIND}
        return FileInbound(**fields, fetch=partial(self.fetch, item.file_id), size=item.file_size)

    def fetch(self, file_id: str, max_bytes: int, deadline: float) -> bytes:
        """Download one file by its file_id within `max_bytes` and `deadline` (time.monotonic())."""
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("no time left to download")
        timeout = httpx.Timeout(min(READ_SECONDS, left), connect=min(CONNECT_SECONDS, left))
        with httpx.Client(timeout=timeout, follow_redirects=False) as client:
            try:
                answer = client.post(f"{self._api}/getFile", data={"file_id": file_id})
                body = answer.json()
            except (httpx.HTTPError, ValueError) as err:
                raise FetchFailed(type(err).__name__) from err
            if not body.get("ok"):
                if "too big" in str(body.get("description", "")).lower():
                    raise TooLarge("Bot API: file is too big")  # over the Bot API's 20 MB download limit
                raise FetchFailed(f"getFile {answer.status_code}")
            result = body.get("result") or {}
            path = result.get("file_path")
            if not isinstance(path, str) or not path or ".." in path:
                raise FetchFailed("getFile without a file_path")
            if int(result.get("file_size") or 0) > max_bytes:
                raise TooLarge("declared by getFile")
            url = f"{self._files}/{quote(path, safe='/')}"
            return download(lambda: client.stream("GET", url), max_bytes, deadline)
