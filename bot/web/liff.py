"""The table editor's LIFF entry (LINE): the page asks LINE who the officer is, then opens the editor.

LINE opens ``https://liff.line.me/<LIFF ID>/<token>?u=<tag>`` (bot.web.liff_url) in its
in-app browser at the LIFF app's endpoint, ``PUBLIC_BASE_URL/editor/liff``, with the rest in
``liff.state``; the LIFF SDK's ``liff.init`` then goes on to ``/editor/liff/<token>?u=<tag>``.
That page gets the officer's LINE ID token (``liff.getIDToken``) and posts it, with the CSRF
token, to ``/editor/<token>/liff``: the server has it verified by the configured LINE API host
(bot.web.access.line_user) and, when its user is the link's own, sends the officer on to the
editor. A token of another LINE user is refused; outside LINE (no login) the signed link alone
opens the editor, as it does in any browser.

The SDK is @line/liff, vendored in static/vendor (one file, its licences beside it; rebuilt by
bot/web/vendor_liff.sh) and served by the bot. Only this entry loads it, under its own
Content-Security-Policy that lets the SDK reach LINE; the editor page keeps the strict one.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from bot import wording as w
from bot.channels.links import LinkError
from bot.web.pages import CSRF_COOKIE, SECURITY_HEADERS, Editor

LIFF_VERSION = "2.31.0"
LIFF_SDK = f"/editor/static/vendor/liff-{LIFF_VERSION}.js"
# The SDK talks to LINE (and, in older LINE apps, loads its extensions from LINE's CDN).
LIFF_CSP = (
    "default-src 'none'; script-src 'self' https://static.line-scdn.net; style-src 'self'; "
    "img-src 'self' data:; font-src 'self'; "
    "connect-src 'self' https://api.line.me https://access.line.me https://liffsdk.line-scdn.net; "
    "frame-src https://liff-subwindow.line.me; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
LIFF_HEADERS = {**SECURITY_HEADERS, "Content-Security-Policy": LIFF_CSP}


def liff_url(liff_id: str, editor_url: str) -> str:
    """Return the LIFF URL that opens the editor link `editor_url` (…/editor/<token>?u=<tag>) in LINE."""
    rest = editor_url[editor_url.index("/editor/") + len("/editor/") :]
    return f"https://liff.line.me/{liff_id}/{rest}"


class LiffEntry:
    """The LIFF entry pages and the ID-token check, over the editor's links and CSRF."""

    def __init__(self, editor: Editor, liff_id: str) -> None:
        self.editor = editor
        self.liff_id = liff_id

    def routes(self) -> list[BaseRoute]:
        """Return the entry's routes under the editor's /editor mount, before its own ("liff" is no token)."""
        return [
            Route("/liff", self.start, methods=["GET"]),
            Route("/liff/{token}", self.page, methods=["GET"]),
            Route("/{token}/liff", self.verify, methods=["POST"]),
        ]

    async def start(self, request: Request) -> Response:
        """GET the LIFF endpoint: liff.init() reads liff.state and goes on to /editor/liff/<token>."""
        if not request.query_params.get("liff.state", "").strip("/"):
            return self.editor.error(LinkError(404, w.EDITOR_LIFF_NO_LINK))
        return self._render({"action": "", "plain": ""})

    async def page(self, request: Request) -> Response:
        """GET /editor/liff/<token>: the page that gets the ID token and posts it."""
        try:
            grant = self.editor.grant(request)
        except LinkError as err:
            return self.editor.error(err)
        token, query = request.path_params["token"], f"?u={quote(request.query_params.get('u', ''))}"
        nonce = request.cookies.get(CSRF_COOKIE) or self.editor.new_nonce()
        context = {
            "action": f"/editor/{token}/liff{query}",
            "plain": f"/editor/{token}{query}",
            "csrf": self.editor.links.csrf_token(grant, nonce),
        }
        response = self._render(context)
        self.editor.set_csrf_cookie(response, nonce)
        return response

    async def verify(self, request: Request) -> Response:
        """POST the ID token: verified by LINE and the link's own user, then on to the editor."""
        try:
            _grant, form = await self.editor.write(request)  # CSRF, and the token checked by LINE
            if not form.get("liff"):
                raise LinkError(403, w.EDITOR_FORBIDDEN)
        except LinkError as err:
            return self.editor.error(err)
        query = f"?u={quote(request.query_params.get('u', ''))}"
        return RedirectResponse(f"/editor/{request.path_params['token']}{query}", status_code=303)

    def _render(self, context: dict[str, Any]) -> Response:
        html = self.editor.env.get_template("liff.html").render(
            title=w.EDITOR_TITLE,
            liff_id=self.liff_id,
            sdk=LIFF_SDK,
            wait=w.EDITOR_LIFF_WAIT,
            failed=w.EDITOR_LIFF_FAILED,
            open_label=w.EDITOR_LIFF_OPEN,
            **context,
        )
        return HTMLResponse(html, headers=LIFF_HEADERS)
