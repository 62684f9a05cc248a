"""The web table editor (issue 17): the session draft edited on a phone or a PC, opened from the chat.

access.py  signed editor links, Telegram initData, LIFF ID tokens, CSRF
editing.py page edits applied through bot.drafting.edits, with a version check
view.py    the draft as the template shows it
pages.py   the Starlette routes, templates/ and static/
"""

from __future__ import annotations

from collections.abc import Callable

from bot.channels.links import LinkStore, signer_from_settings
from bot.dialogue.messages import Reply
from bot.dialogue.sessions import SessionStore
from bot.settings import Settings
from bot.web.access import EditorLinks
from bot.web.pages import Editor, Identity, Notify

__all__ = [
    "Editor",
    "EditorLinks",
    "Identity",
    "Notify",
    "build_editor",
    "editor_links",
    "is_draft_reply",
    "link_issuer",
]


def editor_links(settings: Settings, links: LinkStore) -> EditorLinks:
    """Return the editor's link issuer: the download links' signer and base, grants in data_dir/editor."""
    return EditorLinks(settings.data_dir / "editor", links.signer, links.base_url)


def build_editor(
    settings: Settings, dialogue: object, links: LinkStore, *, notify: Notify | None = None
) -> Editor | None:
    """Return the editor over the dialogue's own session store and exporters (the drafts chat edits).

    None when the dialogue has no SQL session store to read (a stand-in dialogue in a test).
    """
    identity = Identity(
        telegram_bot_token=settings.telegram_bot_token.get_secret_value(),
        liff_channel_id=settings.line_liff_channel_id,
        line_api_host=settings.line_api_host,
    )
    sessions = getattr(dialogue, "sessions", None)
    if not isinstance(sessions, SessionStore):  # the editor reads without writing: it needs load()
        return None
    return Editor(
        sessions,
        dialogue.exports,  # type: ignore[attr-defined]  # a Dialogue with a SessionStore has exports
        editor_links(settings, links),
        identity=identity,
        notify=notify,
        secure_cookie=links.base_url.startswith("https://"),
    )


def is_draft_reply(reply: Reply) -> bool:
    """Tell whether a reply shows the draft (it offers the file buttons): the editor link goes with it."""
    return any(choice.payload.startswith("/export") for choice in reply.choices)


def link_issuer(settings: Settings) -> Callable[[str], str] | None:
    """Return session key -> editor URL for the chat channels, or None when a link could not work.

    Links need a LINK_SECRET (a per-process key would not verify in the server process) and a
    public https base (Telegram and LINE open only those); the console prints local ones too.
    """
    if not settings.link_secret.get_secret_value() or not settings.public_base_url:
        return None
    base = settings.public_base_url.rstrip("/")
    links = EditorLinks(settings.data_dir / "editor", signer_from_settings(settings), base)
    return links.issue
