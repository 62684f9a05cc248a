"""Signed, expiring, user-bound download links for channels that cannot send files (LINE).

A link is ``<public base>/files/<token>?u=<user tag>``. The token is
``base64url(payload) "." base64url(HMAC-SHA256(secret, payload))`` with payload
``{"f": file id, "u": user tag, "e": expiry}``. The file id is 128 random bits
(the file sits in ``exports/<file id>/<filename>``) and the user tag is an HMAC
of the session key, so the token names one file for one user and cannot be
forged, widened to another user or extended. A browser cannot prove who holds
it, though: anyone the URL reaches can download until it expires.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import re
import secrets
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from bot.dialogue.messages import Document
from bot.wording import LINK_EXPIRED, LINK_FORBIDDEN, LINK_GONE

log = logging.getLogger(__name__)

_META = ".meta.json"
_ID = re.compile(r"^[0-9a-f]{32}$")
_UNSAFE = re.compile(r"[\\/\x00-\x1f\x7f]|^\.+$")

MIN_SECRET_BYTES = 16  # an HMAC key shorter than this could be guessed; refuse it at start-up
# Seconds between two sweeps made on the way (publish): a sweep reads every stored record, so one per
# export made each export cost more the more officers had exported that day.
SWEEP_EVERY = 300.0
MAX_FILENAME = 150  # characters: well under every file system's 255-byte name limit, even in Thai UTF-8


class LinkError(Exception):
    """A token that must not be honoured; .status is the HTTP status to answer."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(frozen=True)
class Grant:
    """What a verified token allows: one file, for one user tag, until expiry."""

    file_id: str
    user_tag: str
    expires: int


class LinkSigner:
    """Issue and verify download tokens (HMAC-SHA256 over a small JSON payload)."""

    def __init__(
        self, secret: bytes | str, ttl_seconds: float, *, clock: Callable[[], float] = time.time
    ) -> None:
        self._key = secret.encode() if isinstance(secret, str) else bytes(secret)
        if len(self._key) < MIN_SECRET_BYTES:
            raise ValueError(f"link secret must be at least {MIN_SECRET_BYTES} bytes")
        self.ttl = float(ttl_seconds)
        self.clock = clock

    def user_tag(self, session_key: str) -> str:
        """Return the keyed hash naming a user in links (the session key itself never leaves the server)."""
        return _b64(hmac.new(self._key, b"user\x00" + session_key.encode(), hashlib.sha256).digest()[:12])

    def issue(self, file_id: str, session_key: str) -> str:
        """Return a token granting `session_key`'s user the file `file_id` for ttl seconds."""
        payload = {"f": file_id, "u": self.user_tag(session_key), "e": int(self.clock() + self.ttl)}
        body = _b64(json.dumps(payload, separators=(",", ":")).encode())
        return f"{body}.{self._sign(body)}"

    def verify(self, token: str, user_tag: str) -> Grant:
        """Return the token's Grant, or raise LinkError(403 tampered/other user, 410 expired)."""
        body, _, sig = token.partition(".")
        if not body or not sig or not hmac.compare_digest(sig, self._sign(body)):
            raise LinkError(403, LINK_FORBIDDEN)
        try:
            data = json.loads(_unb64(body))
            grant = Grant(str(data["f"]), str(data["u"]), int(data["e"]))
        except (ValueError, KeyError, TypeError):
            raise LinkError(403, LINK_FORBIDDEN) from None
        if not _ID.match(grant.file_id) or not hmac.compare_digest(grant.user_tag, user_tag or ""):
            raise LinkError(403, LINK_FORBIDDEN)
        # Checked after the signature, so an expired-but-forged token still reads as forged.
        if self.clock() >= grant.expires:
            raise LinkError(410, LINK_EXPIRED)
        return grant

    def _sign(self, body: str) -> str:
        message = b"link\x00" + body.encode("ascii", "replace")
        return _b64(hmac.new(self._key, message, hashlib.sha256).digest())


def signer_from_settings(settings, *, clock: Callable[[], float] = time.time) -> LinkSigner:
    """Build the LinkSigner from settings; without link_secret a per-process key (links die on restart)."""
    secret = settings.link_secret.get_secret_value()
    if not secret:
        log.warning("LINK_SECRET is not set: using a random per-process key, download links die on restart")
        secret = secrets.token_bytes(32)
    return LinkSigner(secret, settings.link_ttl_hours * 3600, clock=clock)


def safe_filename(name: str) -> str:
    """Return `name` with path separators and control characters removed (Thai kept)."""
    cleaned = _UNSAFE.sub("_", name.strip()) or "file"
    return cleaned[:MAX_FILENAME]


class LinkStore:
    """Keep exported Documents under exports/<random id>/ and hand out signed links to them."""

    def __init__(self, root: Path, signer: LinkSigner, base_url: str) -> None:
        self.root = Path(root)
        self.signer = signer
        self.base_url = base_url.rstrip("/")
        self._next_sweep = float("-inf")

    def publish(self, document: Document, session_key: str) -> str:
        """Store `document` for the user of `session_key` and return its download URL."""
        if self.signer.clock() >= self._next_sweep:  # expired exports go, at most every SWEEP_EVERY
            self._next_sweep = self.signer.clock() + SWEEP_EVERY
            self.sweep()
        file_id = secrets.token_hex(16)  # 128 random bits: the link cannot be guessed
        folder = self.root / file_id
        folder.mkdir(parents=True, exist_ok=False)
        name = safe_filename(document.filename)
        (folder / name).write_bytes(document.content)
        meta = {
            "name": name,
            "mime": document.mime,
            "user": self.signer.user_tag(session_key),
            "expires": int(self.signer.clock() + self.signer.ttl),
        }
        (folder / _META).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        token = self.signer.issue(file_id, session_key)
        return f"{self.base_url}/files/{token}?u={meta['user']}"

    def open(self, token: str, user_tag: str) -> tuple[Path, str, str]:
        """Return (path, filename, mime) for a valid token, or raise LinkError."""
        grant = self.signer.verify(token, user_tag)
        folder = self.root / grant.file_id
        try:
            meta = json.loads((folder / _META).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise LinkError(410, LINK_GONE) from None
        # The file's recorded owner must match too: a valid token never reaches another user's file.
        if not hmac.compare_digest(str(meta.get("user", "")), grant.user_tag):
            raise LinkError(403, LINK_FORBIDDEN)
        path = folder / safe_filename(str(meta.get("name", "")))
        if not path.is_file():
            raise LinkError(410, LINK_GONE)
        return path, path.name, str(meta.get("mime") or "application/octet-stream")

    def sweep(self) -> int:
        """Delete exports whose links have all expired; return how many folders went."""
        if not self.root.is_dir():
            return 0
        now, gone = self.signer.clock(), 0
        for folder in self.root.iterdir():
            if not (folder.is_dir() and _ID.match(folder.name)):
                continue  # not ours (other exporters may share data_dir/exports)
            try:
                expires = json.loads((folder / _META).read_text(encoding="utf-8"))["expires"]
            except (OSError, ValueError, KeyError):
                continue
            if now >= float(expires):
                shutil.rmtree(folder, ignore_errors=True)
                gone += 1
        return gone

    async def download(self, request: Request) -> Response:
        """Serve GET /files/{token}?u=... (410 expired, 403 forged or another user's)."""
        try:
            path, name, mime = self.open(request.path_params["token"], request.query_params.get("u", ""))
        except LinkError as err:
            log.info("download refused (%d)", err.status)
            return PlainTextResponse(str(err), status_code=err.status, headers=_NO_STORE)
        disposition = "inline" if mime.startswith("image/") else "attachment"
        ascii_name = re.sub(r'["\\;]', "_", name.encode("ascii", "ignore").decode()) or "download"
        headers = dict(_NO_STORE)
        headers["Content-Disposition"] = (
            f"{disposition}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"
        )
        return Response(path.read_bytes(), media_type=mime, headers=headers)

    def routes(self) -> list[Route]:
        """Return the download route."""
        return [Route("/files/{token}", self.download, methods=["GET"])]


_NO_STORE = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
