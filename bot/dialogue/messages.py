"""What flows between a channel adapter and the dialogue core.

Channels translate their platform's updates into `Inbound` and render each
`Reply` within their own limits (Telegram 4,096 chars, LINE 5 messages and
5,000 UTF-16 units, LINE has no files ...). The core never sees platform types.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Inbound:
    """One message or button press from a user."""

    channel: str  # "console" | "telegram" | "line"
    user_id: str  # platform user id, as a string
    text: str = ""  # message text ("" for stickers, images, ...)
    chat_id: str = ""  # where to answer (group/room id or the user's own chat)
    group_id: str = ""  # non-empty in a group chat: sessions are per user *within* the group
    choice: str = ""  # payload of a pressed button (callback data / postback data)
    kind: str = "text"  # "text" | "choice" | "follow" | "sticker" | "other"

    @property
    def session_key(self) -> str:
        """Return the key that isolates this user's conversation (and agency data)."""
        scope = f"{self.group_id}:" if self.group_id else ""
        return f"{self.channel}:{scope}{self.user_id}"


@dataclass(frozen=True)
class Choice:
    """A button the channel may offer (inline keyboard / quick reply)."""

    label: str  # shown to the user (Thai, short)
    payload: str  # sent back as Inbound.choice; also valid as typed text


@dataclass(frozen=True)
class Document:
    """A file for the user: the channel sends it (Telegram) or links it (LINE, console)."""

    filename: str
    content: bytes
    mime: str
    caption: str = ""


@dataclass(frozen=True)
class Card:
    """A compact preview of one draft row (Telegram card text / LINE Flex bubble)."""

    title: str  # e.g. "แถว 3 · ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล (83.50)"
    subtitle: str  # tier
    fields: tuple[tuple[str, str], ...]  # (label, value) pairs: มาตรการ, ผู้รับผิดชอบ, ระยะเวลา ...


@dataclass
class Reply:
    """Everything the bot says in answer to one Inbound."""

    texts: list[str] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    cards: list[Card] = field(default_factory=list)
    slow: bool = False  # the work behind it took long: show "typing…" / prefer push on LINE
