"""Render a core Reply as LINE messages within the Messaging API's limits.

Limits (developers.line.biz/en/reference/messaging-api): 5 messages per reply or
push call, text 5,000 UTF-16 code units, quick reply 13 items with labels of 20
characters, carousel 12 bubbles, bubble 10 KB and carousel 50 KB of JSON, altText
400 characters. No file messages: documents become links.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass

from linebot.v3.messaging import (
    FlexContainer,
    FlexMessage,
    ImageMessage,
    Message,
    PostbackAction,
    QuickReply,
    QuickReplyItem,
    TextMessage,
)

from bot.dialogue.messages import Card, Choice, Document, Reply
from bot.wording import EDITOR_LINK, LINE_CAROUSEL_ALT, LINE_CHOOSE, LINE_DOWNLOAD, LINE_LINK_NOTE

MAX_MESSAGES = 5
MAX_TEXT_UNITS = 5000
MAX_QUICK_ITEMS = 13
MAX_LABEL = 20
MAX_POSTBACK_DATA = 300
MAX_BUBBLES = 12
MAX_BUBBLE_BYTES = 10_000
MAX_CAROUSEL_BYTES = 50_000
MAX_ALT_TEXT = 400
MAX_PREVIEW_BYTES = 1_000_000  # LINE fetches image previews only up to 1 MB
MAX_DISPLAY_TEXT = 300  # a postback's displayText, in characters
CARD_FIELDS = 10  # fields shown in one bubble: a draft row has fewer, and more would not fit 10 KB anyway
# Field values are clipped to the first of these lengths whose bubble fits MAX_BUBBLE_BYTES.
VALUE_CLIPS = (300, 200, 120, 60, 30)


@dataclass(frozen=True)
class Link:
    """A stored Document and the URL the user downloads it from."""

    document: Document
    url: str


def utf16_units(text: str) -> int:
    """Return the length of `text` in UTF-16 code units, as LINE counts it (emoji count 2)."""
    return len(text.encode("utf-16-le")) // 2


def _cut(text: str, limit: int) -> int:
    """Return the largest i with text[:i] within `limit` units, never parting a Thai mark from its base."""
    units, i = 0, 0
    while i < len(text):
        step = 2 if ord(text[i]) > 0xFFFF else 1
        if units + step > limit:
            break
        units += step
        i += 1
    # A Thai vowel or tone mark (category Mn) belongs to the consonant before it.
    while 0 < i < len(text) and unicodedata.category(text[i]) in ("Mn", "Mc") and i > 1:
        i -= 1
    return max(i, 1)


def split_text(text: str, limit: int = MAX_TEXT_UNITS) -> list[str]:
    """Split `text` into pieces of at most `limit` UTF-16 units, at line boundaries where possible."""
    if utf16_units(text) <= limit:
        return [text] if text.strip() else []
    pieces: list[str] = []
    current = ""
    for line in text.splitlines(keepends=True):
        if utf16_units(current + line) <= limit:
            current += line
            continue
        if current.strip():
            pieces.append(current.rstrip("\n"))
        current = ""
        while utf16_units(line) > limit:  # one line longer than a message: cut it, prefer a space
            i = _cut(line, limit)
            space = line.rfind(" ", 0, i)
            i = space + 1 if space > i // 2 else i
            pieces.append(line[:i].rstrip())
            line = line[i:]
        current = line
    if current.strip():
        pieces.append(current.rstrip("\n"))
    return pieces


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def quick_reply(choices: list[Choice]) -> QuickReply | None:
    """Return Quick Reply postback buttons for the choices (first 13), or None."""
    items = []
    for choice in choices[:MAX_QUICK_ITEMS]:
        data = choice.payload[:MAX_POSTBACK_DATA]
        label = _clip(choice.label, MAX_LABEL) or _clip(data, MAX_LABEL)
        # displayText shows the full label in the chat, as if the officer had typed it.
        action = PostbackAction(
            label=label, data=data, display_text=_clip(choice.label or data, MAX_DISPLAY_TEXT)
        )
        items.append(QuickReplyItem(action=action))
    return QuickReply(items=items) if items else None


def _bubble(card: Card, value_limit: int) -> dict:
    header = [
        {
            "type": "text",
            "text": _clip(card.title, 160) or "-",
            "weight": "bold",
            "wrap": True,
            "size": "md",
            "color": "#1f3864",
        }
    ]
    if card.subtitle.strip():
        header.append(
            {"type": "text", "text": _clip(card.subtitle, 80), "size": "sm", "color": "#8c8c8c", "wrap": True}
        )
    body = []
    for label, value in card.fields[:CARD_FIELDS]:
        body.append(
            {
                "type": "box",
                "layout": "vertical",
                "spacing": "xs",
                "contents": [
                    {
                        "type": "text",
                        "text": _clip(label, 40) or "-",
                        "size": "xs",
                        "color": "#8c8c8c",
                        "wrap": True,
                    },
                    {"type": "text", "text": _clip(value, value_limit) or "-", "size": "sm", "wrap": True},
                ],
            }
        )
    bubble = {
        "type": "bubble",
        "size": "mega",
        "header": {"type": "box", "layout": "vertical", "spacing": "xs", "contents": header},
    }
    if body:
        bubble["body"] = {"type": "box", "layout": "vertical", "spacing": "md", "contents": body}
    return bubble


def _size(obj: dict) -> int:
    # Measured as the SDK sends it (ASCII-escaped: a Thai character costs 6 bytes), the worst case.
    return len(json.dumps(obj, ensure_ascii=True, separators=(",", ":")))


def card_bubble(card: Card) -> dict:
    """Return the Flex bubble (as a dict) previewing one draft row, shrunk to fit 10 KB."""
    for limit in VALUE_CLIPS:
        bubble = _bubble(card, limit)
        if _size(bubble) <= MAX_BUBBLE_BYTES:
            return bubble
    return bubble


def card_carousels(cards: list[Card]) -> list[FlexMessage]:
    """Return Flex carousel messages for the cards: 12 bubbles and 50 KB each at most."""
    groups: list[list[dict]] = []
    for card in cards:
        bubble = card_bubble(card)
        fits = groups and len(groups[-1]) < MAX_BUBBLES
        if fits and _size({"c": groups[-1] + [bubble]}) <= MAX_CAROUSEL_BYTES:
            groups[-1].append(bubble)
        else:
            groups.append([bubble])
    messages, start = [], 0
    for group in groups:
        titles = "; ".join(_clip(c.title, 60) for c in cards[start : start + len(group)])
        start += len(group)
        alt = _clip(LINE_CAROUSEL_ALT.format(count=len(group), titles=titles), MAX_ALT_TEXT)
        contents = FlexContainer.from_dict({"type": "carousel", "contents": group})
        messages.append(FlexMessage(alt_text=alt, contents=contents))
    return messages


def link_messages(links: list[Link], ttl_hours: float, *, images: bool) -> list[Message]:
    """Return one text listing the download links (+ PNG previews as images when `images`)."""
    if not links:
        return []
    lines = [LINE_DOWNLOAD.format(filename=link.document.filename, url=link.url) for link in links]
    lines.append(LINE_LINK_NOTE.format(hours=f"{ttl_hours:g}"))
    messages: list[Message] = [TextMessage(text=piece) for piece in split_text("\n".join(lines))]
    if images:  # LINE fetches images itself, over https only
        for link in links:
            doc = link.document
            if doc.mime == "image/png" and len(doc.content) <= MAX_PREVIEW_BYTES:
                messages.append(ImageMessage(original_content_url=link.url, preview_image_url=link.url))
    return messages


def _text_messages(texts: list[str], merge: bool) -> list[Message]:
    pieces = [piece for text in texts for piece in split_text(text)]
    if merge:  # too many bubbles for one call: join neighbours so fewer pushes are spent
        merged: list[str] = []
        for piece in pieces:
            if merged and utf16_units(merged[-1] + "\n\n" + piece) <= MAX_TEXT_UNITS:
                merged[-1] += "\n\n" + piece
            else:
                merged.append(piece)
        pieces = merged
    return [TextMessage(text=piece) for piece in pieces]


def render_reply(
    reply: Reply,
    links: list[Link],
    *,
    ttl_hours: float = 24.0,
    images: bool = False,
    editor_url: str = "",
) -> list[Message]:
    """Return every LINE message for `reply`, quick reply buttons on the last one.

    `editor_url`: the web table editor's link, sent as one text after the files (issue 17).
    """
    tail = card_carousels(reply.cards) + link_messages(links, ttl_hours, images=images)
    if editor_url:
        tail.append(TextMessage(text=EDITOR_LINK.format(hours=ttl_hours, url=editor_url)))
    messages = _text_messages(reply.texts, merge=False) + tail
    if len(messages) > MAX_MESSAGES:
        messages = _text_messages(reply.texts, merge=True) + tail
    buttons = quick_reply(reply.choices)
    if buttons is not None:
        if not messages:
            messages = [TextMessage(text=LINE_CHOOSE)]
        # Quick reply buttons show only when attached to the last message received.
        messages[-1].quick_reply = buttons
    return messages


def batches(messages: list[Message], size: int = MAX_MESSAGES) -> list[list[Message]]:
    """Split messages into API calls of at most `size` (5) messages each."""
    return [messages[i : i + size] for i in range(0, len(messages), size)]
