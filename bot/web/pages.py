"""The table editor's routes: the page, row saves and actions, undo, downloads, static files.

Server-rendered (Jinja2, autoescaped) and usable without script; bot/web/static/editor.js
only adds list buttons (steps and owners: add, remove, reorder), the month-range limits
and the chat app's identity. Every response carries a strict Content-Security-Policy
(no inline script, everything from this origin), no-store and no-referrer (the URL holds
the link token). A request reaches exactly one session: the one its signed link names.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.datastructures import FormData, UploadFile
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute, Mount, Route, Router
from starlette.staticfiles import StaticFiles

from bot import wording as w
from bot.channels.links import LinkError
from bot.dialogue.draft_edits import HISTORY
from bot.dialogue.ports import Exporters
from bot.dialogue.progress_reports import progress_of
from bot.dialogue.sessions import Session, SessionStore
from bot.drafting.edits import EditError, Redraft, draft_fiscal_year, number_rows
from bot.ita.measures import Draft
from bot.web import editing
from bot.web.access import EditorGrant, EditorLinks, line_user, session_user, telegram_user
from bot.web.view import page_rows, tier_class

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
FONTS = HERE.parent / "export" / "fonts"
CSRF_COOKIE = "editor_csrf"
MAX_FORM_BYTES = 256 * 1024  # a row's cells are a few KB; refuse absurd bodies before parsing
MAX_FIELDS = 200
GZIP_FROM = 1024  # bytes: smaller responses (redirects, short errors) go as they are

# Sends one short Thai message to the chat of a session key (Telegram, LINE) or records it (console).
Notify = Callable[[str, str], Awaitable[None]]
# The engine's redraft of one indicator for a session (the chat's own, bot/web/__init__.engine_redraft).
Redrafter = Callable[[Session], Redraft]

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'self' https://web.telegram.org"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass
class Identity:
    """What proves the chat-app user besides the link: the bot token and the LIFF channel."""

    telegram_bot_token: str = ""
    liff_channel_id: str = ""
    line_api_host: str = "https://api.line.me"


class Editor:
    """The table editor over the session store: pages in, the same session draft out."""

    def __init__(
        self,
        sessions: SessionStore,
        exporters: Exporters,
        links: EditorLinks,
        *,
        identity: Identity | None = None,
        notify: Notify | None = None,
        secure_cookie: bool = False,
        redrafter: Redrafter | None = None,
    ) -> None:
        self.sessions = sessions
        self.exporters = exporters
        self.links = links
        self.identity = identity or Identity()
        self.notify = notify
        self.secure_cookie = secure_cookie
        self.redrafter = redrafter
        self.entries: list[BaseRoute] = []  # routes of other ways in (bot/web/liff.py), before the token's
        self.sent: list[
            tuple[str, str]
        ] = []  # (session key, summary) of every save, for the console and tests
        self.env = Environment(
            loader=FileSystemLoader(HERE / "templates"),
            autoescape=select_autoescape(default=True, default_for_string=True),
            trim_blocks=True,
            lstrip_blocks=True,
        )

    def routes(self) -> list[BaseRoute]:
        """Return the editor's routes: one mount at /editor, its responses gzipped.

        Compressed, a 40-row plan's page is a seventh of its size (benchmarks/editor_page.py);
        the CSRF token it carries is bound to a cookie nonce and no request can put chosen text
        beside it without that token, so compression leaks nothing an attacker could guess at.
        """
        inner = [
            Mount("/static", app=StaticFiles(directory=HERE / "static"), name="editor-static"),
            Mount("/font", app=StaticFiles(directory=FONTS), name="editor-font"),
            *self.entries,
            Route("/{token}", self.page, methods=["GET"]),
            Route("/{token}/row/{number:int}", self.save, methods=["POST"]),
            Route("/{token}/act/{number:int}", self.act, methods=["POST"]),
            Route("/{token}/undo", self.undo, methods=["POST"]),
            Route("/{token}/file/{kind}", self.download, methods=["GET"]),
        ]
        return [Mount("/editor", app=GZipMiddleware(Router(routes=inner), minimum_size=GZIP_FROM))]

    # ------------------------------------------------------------ access
    def grant(self, request: Request) -> EditorGrant:
        return self.links.open(request.path_params["token"], request.query_params.get("u", ""))

    async def _same_user(self, grant: EditorGrant, form: FormData) -> None:
        """When the page sent a chat app's proof of identity, it must be the link's own user."""
        channel, user_id = session_user(grant.session_key)
        init_data, id_token = str(form.get("tg", "")), str(form.get("liff", ""))
        token = self.identity.telegram_bot_token
        if init_data and (channel != "telegram" or telegram_user(init_data, token) != user_id):
            raise LinkError(403, w.EDITOR_FORBIDDEN)
        if id_token:
            sub = await line_user(id_token, self.identity.liff_channel_id, self.identity.line_api_host)
            if channel != "line" or sub != user_id:
                raise LinkError(403, w.EDITOR_FORBIDDEN)

    async def write(self, request: Request) -> tuple[EditorGrant, FormData]:
        """Check a write: the link, the body size, the CSRF token and cookie, the chat-app identity."""
        grant = self.grant(request)
        form = await _form(request)
        nonce = request.cookies.get(CSRF_COOKIE, "")
        if not self.links.csrf_ok(grant, nonce, str(form.get("csrf", ""))):
            raise LinkError(403, w.EDITOR_CSRF)
        await self._same_user(grant, form)
        return grant, form

    # ------------------------------------------------------------ pages
    async def page(self, request: Request) -> Response:
        """GET: the editor for the link's session."""
        try:
            grant = self.grant(request)
        except LinkError as err:
            return self.error(err)
        draft = self.sessions.load(grant.session_key).draft
        return self._render(request, grant, draft)

    async def save(self, request: Request) -> Response:
        """POST a row's cells: applied together if the draft is still the version the page saw."""
        try:
            grant, form = await self.write(request)
        except LinkError as err:
            return self.error(err)
        number = request.path_params["number"]
        row = _row_form(number, form)
        notice, status, keep = "", 200, None
        with self.sessions.open(grant.session_key) as session:
            try:
                before = editing.check_version(session.draft, str(form.get("version", "")))
                done = editing.save_row(before, row)
            except editing.Conflict:
                notice, status = w.EDITOR_CONFLICT, 409
                keep = editing.touched(row, str(form.get("base", "")))
            except EditError as exc:  # shown again as typed, over the same version
                notice, status, keep = str(exc), 422, editing.touched(row, str(form.get("base", "")))
            else:
                if done.changed:
                    editing.record(session.extra, number_rows(before), done.draft, HISTORY)
                    session.draft = done.draft
                    notice = done.summary
                else:
                    notice = w.EDITOR_NOTHING_CHANGED.format(number=number)
            draft = session.draft
        if status == 200 and notice != w.EDITOR_NOTHING_CHANGED.format(number=number):
            await self._tell(grant, notice)
        return self._render(
            request, grant, draft, notice=notice, status=status, keep=keep, error=status != 200, at=number
        )

    async def act(self, request: Request) -> Response:
        """POST a row action: delete, up, down, add (a copy below), redraft (from the engine)."""
        try:
            grant, form = await self.write(request)
        except LinkError as err:
            return self.error(err)
        number, action = request.path_params["number"], str(form.get("action", ""))
        if action == "redraft":
            force = form.get("force") == "1"

            def redraft(d: Draft, session: Session) -> editing.Outcome:
                engine = self.redrafter(session) if self.redrafter is not None else None
                return editing.redraft_row(d, number, engine, force=force)

            return await self._change(request, grant, form, redraft, action)
        return await self._change(
            request, grant, form, lambda d, _s: editing.row_action(d, number, action), action
        )

    async def undo(self, request: Request) -> Response:
        """POST: undo the last change to the draft, made on this page or in chat."""
        try:
            grant, form = await self.write(request)
        except LinkError as err:
            return self.error(err)
        return await self._change(
            request, grant, form, lambda d, s: editing.undo_last(d, s.extra, HISTORY), "undo"
        )

    async def _change(
        self,
        request: Request,
        grant: EditorGrant,
        form: FormData,
        change: Callable[[Draft, Session], editing.Outcome],
        kind: str,
    ) -> Response:
        notice, status, confirm = "", 200, 0
        with self.sessions.open(grant.session_key) as session:
            try:
                before = editing.check_version(session.draft, str(form.get("version", "")))
                done = change(number_rows(before), session)
            except editing.Conflict:
                notice, status = w.EDITOR_CONFLICT_ACTION, 409
            except editing.NeedsConfirm as ask:  # nothing written: the page asks, as chat does
                rows = ", ".join(str(n) for n in ask.numbers)
                notice = w.EDITOR_REDRAFT_CONFIRM.format(indicator=ask.indicator, rows=rows)
                confirm = request.path_params["number"]
            except EditError as exc:
                notice, status = str(exc), 422
            else:
                if kind != "undo":
                    editing.record(session.extra, number_rows(before), done.draft, HISTORY)
                session.draft, notice = done.draft, done.summary
            draft = session.draft
        if status == 200 and not confirm:
            await self._tell(grant, notice)
        at = request.path_params.get("number", 0)  # the notice goes by the row acted on (undo: at the top)
        return self._render(
            request, grant, draft, notice=notice, status=status, error=status != 200, confirm=confirm, at=at
        )

    async def download(self, request: Request) -> Response:
        """GET a file of the current draft: docx, xlsx, report6, report12."""
        try:
            grant = self.grant(request)
        except LinkError as err:
            return self.error(err)
        session = self.sessions.load(grant.session_key)
        draft = session.draft
        kind = request.path_params["kind"]
        if draft is None or kind not in ("docx", "xlsx", "report6", "report12"):
            return self.error(LinkError(404, w.EDITOR_NO_DRAFT if draft is None else w.EDITOR_INVALID))
        fy = draft_fiscal_year(draft) or "draft"
        if kind == "docx":
            content, name, mime = self.exporters.render_docx(draft, None), f"ita-measures-{fy}.docx", DOCX
        elif kind == "xlsx":
            content, name, mime = self.exporters.render_xlsx(draft), f"ita-measures-{fy}.xlsx", XLSX
        else:
            months = int(kind.removeprefix("report"))
            draft = number_rows(draft)  # the officer's progress is by the rows' chat numbers
            records = progress_of(session.extra).round(draft_fiscal_year(draft), months)
            content = self.exporters.render_report_docx(draft, months, records)
            name, mime = f"ita-report-{months}m-{fy}.docx", DOCX
        headers = dict(SECURITY_HEADERS)
        headers["Content-Disposition"] = f"attachment; filename=\"{name}\"; filename*=UTF-8''{quote(name)}"
        return Response(content, media_type=mime, headers=headers)

    # ------------------------------------------------------------ helpers
    async def _tell(self, grant: EditorGrant, summary: str) -> None:
        """One short message to the chat after a change; recorded for the console (and tests)."""
        text = w.EDITOR_CHAT_SUMMARY.format(summary=summary)
        self.sent.append((grant.session_key, text))
        if self.notify is None:
            return
        try:
            await self.notify(grant.session_key, text)
        except Exception as exc:  # the edit is saved; a lost summary message must not undo that
            log.warning("editor chat summary not sent (%s)", type(exc).__name__)

    def _render(
        self,
        request: Request,
        grant: EditorGrant,
        draft: Draft | None,
        *,
        notice: str = "",
        status: int = 200,
        keep: editing.RowForm | None = None,
        error: bool = False,
        confirm: int = 0,
        at: int = 0,
    ) -> Response:
        nonce = request.cookies.get(CSRF_COOKIE) or self.new_nonce()
        if draft is None:
            return self.error(LinkError(404, w.EDITOR_NO_DRAFT))
        draft = number_rows(draft)
        base = f"/editor/{request.path_params['token']}"
        query = f"?u={quote(request.query_params.get('u', ''))}"
        profile = self.sessions.load(grant.session_key).profile
        units = list(dict.fromkeys([*profile.units, *(o for r in draft.rows for o in r.owners)]))
        context: dict[str, Any] = {
            "title": w.EDITOR_TITLE,
            "agency": draft.agency.name or profile.name,
            "fiscal_year": draft_fiscal_year(draft),
            "rows": page_rows(draft, keep),
            "months": editing.fiscal_months(draft),
            "units": units,
            "version": editing.version(draft),
            "csrf": self.links.csrf_token(grant, nonce),
            "base": base,
            "query": query,
            "notice": notice,
            "error": error,
            "confirm": confirm,
            # The page reopens at that row (#row-n): its notice is shown there, or at the top if it is gone.
            "at": at if any(r.number == at for r in draft.rows) else 0,
            "unsaved": w.EDITOR_UNSAVED,
            "can_redraft": self.redrafter is not None,
            "tier_class": tier_class,
        }
        html = self.env.get_template("editor.html").render(context)
        response = HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)
        self.set_csrf_cookie(response, nonce)
        return response

    @staticmethod
    def new_nonce() -> str:
        """Return a fresh CSRF cookie nonce."""
        return secrets.token_urlsafe(24)

    def set_csrf_cookie(self, response: Response, nonce: str) -> None:
        """Send the CSRF nonce with a page (SameSite, HttpOnly, the editor's paths only)."""
        response.set_cookie(
            CSRF_COOKIE, nonce, httponly=True, samesite="lax", secure=self.secure_cookie, path="/editor"
        )

    def error(self, err: LinkError) -> Response:
        message = str(err)
        if err.status == 410 and message != w.EDITOR_GONE:
            message = w.EDITOR_EXPIRED  # the signer's own sentence speaks of downloads
        elif err.status == 403 and message == w.LINK_FORBIDDEN:
            message = w.EDITOR_FORBIDDEN
        html = self.env.get_template("error.html").render(title=w.EDITOR_TITLE, message=message)
        log.info("editor refused (%d)", err.status)
        return HTMLResponse(html, status_code=err.status, headers=SECURITY_HEADERS)


async def _form(request: Request) -> FormData:
    """Read an urlencoded form (the only kind the page posts), refusing bodies over MAX_FORM_BYTES."""
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/x-www-form-urlencoded":
        raise LinkError(415, w.EDITOR_INVALID)
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            raise LinkError(413, w.EDITOR_INVALID)
    try:
        pairs: list[tuple[str, str | UploadFile]] = []
        pairs += parse_qsl(body.decode("utf-8"), keep_blank_values=True, max_num_fields=MAX_FIELDS)
    except (UnicodeDecodeError, ValueError):
        raise LinkError(400, w.EDITOR_INVALID) from None
    return FormData(pairs)


def _row_form(number: int, form: FormData) -> editing.RowForm:
    def text(name: str) -> str:
        return str(form.get(name, ""))

    return editing.RowForm(
        number=number,
        measure=text("measure"),
        kpi=text("kpi"),
        topic=text("topic"),
        analysis=text("analysis"),
        monitoring=text("monitoring"),
        reporting=text("reporting"),
        steps=[str(v) for v in form.getlist("step")],
        owners=[str(v) for v in form.getlist("owner")],
        start_month=text("start_month"),
        end_month=text("end_month"),
    )
