"""LINE image and file messages: downloaded from the Messaging API content endpoint.

GET {data host}/v2/bot/message/{messageId}/content with the channel token. LINE
serves content from api-data.line.me, not api.line.me; an agency's proxy or a
test's fake serves both from LINE_API_HOST, so the data host follows it unless
LINE_DATA_HOST says otherwise. The bytes are fetched in the officer's turn by
bot.channels.chat_files.FileReader, within its size and time limits.
"""

from __future__ import annotations

import dataclasses
import time
from functools import partial
from typing import Any
from urllib.parse import quote

import httpx
from linebot.v3.webhooks import FileMessageContent, ImageMessageContent

from bot.channels.chat_files import FILE_KIND, FileInbound, download
from bot.dialogue.messages import Inbound
from bot.settings import Settings

OFFICIAL_API_HOST = "https://api.line.me"
OFFICIAL_DATA_HOST = "https://api-data.line.me"
CONNECT_SECONDS = 10.0
READ_SECONDS = 30.0


def data_host(settings: Settings) -> str:
    """Where message content is downloaded from."""
    if settings.line_data_host:
        return settings.line_data_host.rstrip("/")
    api = settings.line_api_host.rstrip("/")
    return OFFICIAL_DATA_HOST if api == OFFICIAL_API_HOST else api


class LineFiles:
    """Fetch the content of image and file messages sent to one LINE channel."""

    def __init__(self, access_token: str, host: str) -> None:
        self._token = access_token
        self._host = host.rstrip("/")

    @staticmethod
    def has_file(message: Any) -> bool:
        """Tell whether a message event carries an image or a file we may read."""
        return isinstance(message, (ImageMessageContent, FileMessageContent))

    def inbound(self, base: Inbound, message: Any) -> FileInbound:
        """The FileInbound for an image or file message (a file declares its size; an image does not)."""
        fields = {f.name: getattr(base, f.name) for f in dataclasses.fields(Inbound)} | {"kind": FILE_KIND}
        size = getattr(message, "file_size", None) if isinstance(message, FileMessageContent) else None
        return FileInbound(**fields, fetch=partial(self.fetch, message.id), size=size)

    def fetch(self, message_id: str, max_bytes: int, deadline: float) -> bytes:
        """Download one message's content within `max_bytes` and `deadline` (time.monotonic())."""
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("no time left to download")
        timeout = httpx.Timeout(min(READ_SECONDS, left), connect=min(CONNECT_SECONDS, left))
        url = f"{self._host}/v2/bot/message/{quote(message_id, safe='')}/content"
        headers = {"Authorization": f"Bearer {self._token}"}
        with httpx.Client(timeout=timeout, follow_redirects=False) as client:
            return download(lambda: client.stream("GET", url, headers=headers), max_bytes, deadline)
