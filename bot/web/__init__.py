"""The web table editor (issue 17): the session draft edited on a phone or a PC, opened from the chat.

access.py  signed editor links, Telegram initData, LIFF ID tokens, CSRF
editing.py page edits applied through bot.drafting.edits, with a version check
view.py    the draft as the template shows it
pages.py   the Starlette routes, templates/ and static/
liff.py    the LIFF entry: LINE's ID token got by the vendored SDK, verified, then the editor
"""

from __future__ import annotations

from collections.abc import Callable

from bot.channels.links import LinkStore, signer_from_settings
from bot.dialogue.context import Context, Turn
from bot.dialogue.messages import Reply
from bot.dialogue.sessions import Session, SessionStore
from bot.dialogue.understand import understand
from bot.drafting.edits import EditError, Redraft
from bot.settings import Settings
from bot.web.access import EditorLinks
from bot.web.liff import LiffEntry, liff_url
from bot.web.pages import Editor, Identity, Notify, Redrafter
from bot.wording import EDIT_NO_REDRAFT

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
        # A LIFF ID is "<channel ID>-<suffix>": the channel is known from it when not set apart.
        liff_channel_id=settings.line_liff_channel_id or settings.line_liff_id.partition("-")[0],
        line_api_host=settings.line_api_host,
    )
    sessions = getattr(dialogue, "sessions", None)
    if not isinstance(sessions, SessionStore):  # the editor reads without writing: it needs load()
        return None
    editor = Editor(
        sessions,
        dialogue.exports,  # type: ignore[attr-defined]  # a Dialogue with a SessionStore has exports
        editor_links(settings, links),
        identity=identity,
        notify=notify,
        secure_cookie=links.base_url.startswith("https://"),
        redrafter=engine_redraft(dialogue),
    )
    if settings.line_liff_id:
        editor.entries = LiffEntry(editor, settings.line_liff_id).routes()
    return editor


def engine_redraft(dialogue: object) -> Redrafter | None:
    """Return session -> the engine's redraft of one indicator, as chat's "ร่างแถว 3 ใหม่" calls it.

    The request is the chat's own (bot.dialogue.context.Context.draft_request: the session's
    profile, scores, thresholds and last year's scores), so a row redrafted on the page is the
    row chat would have drafted. None when the dialogue has no drafter.
    """
    drafter = getattr(dialogue, "drafter", None)
    if drafter is None:
        return None
    fw = dialogue.fw  # type: ignore[attr-defined]  # a Dialogue with a drafter has its framework

    def for_session(session: Session) -> Redraft:
        if session.scores is None:  # a draft without scores (an imported one) cannot be redrafted
            raise EditError(EDIT_NO_REDRAFT)
        ctx = Context(
            Turn(session, ""),
            understand("", fw, drafted=True),
            fw,
            dialogue.playbook,  # type: ignore[attr-defined]
            None,
            drafter,
            dialogue.exports,  # type: ignore[attr-defined]
            dialogue.default_thresholds,  # type: ignore[attr-defined]
        )
        request = ctx.draft_request()
        return lambda draft, indicator: drafter.redraft_indicator(draft, request, indicator)

    return for_session


def is_draft_reply(reply: Reply) -> bool:
    """Tell whether a reply shows the draft (it offers the file buttons): the editor link goes with it."""
    return any(choice.payload.startswith("/export") for choice in reply.choices)


def link_issuer(settings: Settings, *, liff: bool = False) -> Callable[[str], str] | None:
    """Return session key -> editor URL for the chat channels, or None when a link could not work.

    Links need a LINK_SECRET (a per-process key would not verify in the server process) and a
    public https base (Telegram and LINE open only those); the console prints local ones too.
    `liff` (the LINE channel): with a LINE_LIFF_ID the link opens the editor in LINE's LIFF app.
    """
    if not settings.link_secret.get_secret_value() or not settings.public_base_url:
        return None
    base = settings.public_base_url.rstrip("/")
    links = EditorLinks(settings.data_dir / "editor", signer_from_settings(settings), base)
    if liff and settings.line_liff_id:
        liff_id = settings.line_liff_id
        return lambda key: liff_url(liff_id, links.issue(key))
    return links.issue
