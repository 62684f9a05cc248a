"""Render a core Reply within Telegram's limits: 4,096-char messages, text cards, 64-byte buttons."""

from __future__ import annotations

import html
import unicodedata
from dataclasses import dataclass

from bot.channels.telegram_tokens import ChoiceTokens
from bot.dialogue.messages import Card, Choice
from bot.wording import EDITOR_BUTTON_LABEL

MAX_MESSAGE = 4096  # Telegram counts UTF-16 code units after entity parsing
MAX_CAPTION = 1024
_WIDE_BUTTONS = 18  # labels longer than this get a row of their own


def units(text: str) -> int:
    """Return the length of text as Telegram counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def _hard_cut(text: str, limit: int) -> list[str]:
    """Cut text that has no newline or space, never before a combining mark (Thai vowels, tones)."""
    parts: list[str] = []
    while units(text) > limit:
        cut = limit
        while units(text[:cut]) > limit:
            cut -= 1
        # A Thai upper/lower vowel or tone mark belongs to the consonant before it.
        while cut > 1 and unicodedata.category(text[cut]) in ("Mn", "Mc"):
            cut -= 1
        parts.append(text[:cut])
        text = text[cut:]
    if text:
        parts.append(text)
    return parts


def split_text(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Split text into messages of at most `limit` units at paragraph, line, then space boundaries.

    Thai writes words without spaces, so a space or newline is the only safe
    place to cut; a space-free run longer than a whole message is cut as a last resort.
    """
    text = text.strip()
    if not text:
        return []
    if units(text) <= limit:
        return [text]
    return [chunk for chunk in _pack(text, limit, ("\n\n", "\n", " ")) if chunk.strip()]


def _pack(text: str, limit: int, seps: tuple[str, ...]) -> list[str]:
    if units(text) <= limit:
        return [text]
    if not seps:
        return _hard_cut(text, limit)
    sep, rest = seps[0], seps[1:]
    chunks: list[str] = []
    current = ""
    for piece in text.split(sep):
        pieces = _pack(piece, limit, rest) if units(piece) > limit else [piece]
        for part in pieces:
            candidate = f"{current}{sep}{part}" if current else part
            if units(candidate) <= limit:
                current = candidate
            else:
                if current.strip():
                    chunks.append(current.strip())
                current = part
    if current.strip():
        chunks.append(current.strip())
    return chunks


def card_plain(card: Card) -> str:
    """Return a card as plain text (used to measure it and when it is too long for one message)."""
    lines = [card.title]
    if card.subtitle:
        lines.append(card.subtitle)
    lines.append("")
    lines += [f"• {label}: {value}" for label, value in card.fields]
    return "\n".join(lines).strip()


def card_html(card: Card) -> str:
    """Return a card as Telegram HTML: a bold title, the tier in italics, one line per field.

    Telegram has no tables, so each draft row becomes one readable block (several share a message).
    Everything from the core is escaped: officers' text may contain < and &.
    """
    esc = html.escape
    lines = [f"<b>{esc(card.title)}</b>"]
    if card.subtitle:
        lines.append(f"<i>{esc(card.subtitle)}</i>")
    lines.append("")
    lines += [f"• <b>{esc(label)}:</b> {esc(value)}" for label, value in card.fields]
    return "\n".join(lines).strip()


def caption_for(text: str) -> str:
    """Return a document caption within Telegram's 1,024-unit limit."""
    text = text.strip()
    if units(text) <= MAX_CAPTION:
        return text
    return _hard_cut(split_text(text, MAX_CAPTION - 1)[0], MAX_CAPTION - 1)[0] + "…"


@dataclass(frozen=True)
class Button:
    """One inline button, ready for InlineKeyboardButton(text, callback_data=data).

    With `url` it opens a page instead (the web table editor): as a Mini App when `web_app`
    (Telegram then hands the page signed initData), else as a plain link.
    """

    text: str
    data: str
    url: str = ""
    web_app: bool = False


def editor_row(url: str, *, private_chat: bool) -> list[Button]:
    """Return the web table editor's button row (issue 17): a Mini App in a private chat over https.

    Telegram opens Mini App buttons of inline keyboards only in private chats, and only over https.
    """
    web_app = private_chat and url.startswith("https://")
    return [Button(EDITOR_BUTTON_LABEL, "", url=url, web_app=web_app)]


def keyboard_rows(choices: list[Choice], chat_id: str, tokens: ChoiceTokens) -> list[list[Button]]:
    """Lay out choices two to a row (long labels alone) with callback data that fits 64 bytes."""
    rows: list[list[Button]] = []
    row: list[Button] = []
    datas = tokens.encode_all(chat_id, [choice.payload for choice in choices])  # one write per keyboard
    for choice, data in zip(choices, datas, strict=True):
        button = Button(choice.label[:64], data)
        if len(choice.label) > _WIDE_BUTTONS:
            if row:
                rows.append(row)
                row = []
            rows.append([button])
            continue
        row.append(button)
        if len(row) == 2:
            rows.append(row)
            row = []
    if row:
        rows.append(row)
    return rows
