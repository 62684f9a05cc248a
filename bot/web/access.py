"""Who may open the table editor: signed links, Telegram Mini App initData, LINE ID tokens, CSRF.

An editor link is a download link (bot.channels.links.LinkSigner) whose "file" is a
grant record ``editor/<grant id>.json`` naming the session key it opens. The token is
signed, expires, and is bound to the user tag of that session, so it cannot be widened
to another officer or agency; the session key itself never leaves the server.

Inside the chat apps the page can prove more: a Telegram Mini App hands the page
``initData`` signed with the bot token (verified here as Telegram documents it), and
a LIFF page holds a LINE ID token (verified by POST /oauth2/v2.1/verify at the
configured LINE API host). When one is sent, its user must be the link's user.

CSRF: every write carries a form token equal to HMAC(link key, "csrf" | grant id |
cookie nonce); the nonce lives in a SameSite cookie set with the page, so a page on
another site can neither read the form token nor send the cookie.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl

import httpx

from bot.channels.links import SWEEP_EVERY, LinkError, LinkSigner
from bot.wording import EDITOR_GONE, LINK_FORBIDDEN

_ID = re.compile(r"^[0-9a-f]{32}$")
# Telegram: initData older than this is refused (a day: a Mini App stays open while an officer works).
INIT_DATA_MAX_AGE = 24 * 3600
LIFF_TIMEOUT = 10.0


@dataclass(frozen=True)
class EditorGrant:
    """A verified editor link: the grant id (CSRF and logs use it) and the session it opens."""

    grant_id: str
    session_key: str
    expires: int


class EditorLinks:
    """Issue and open signed, expiring, user-bound links to one session's table editor."""

    def __init__(self, root: Path, signer: LinkSigner, base_url: str) -> None:
        self.root = Path(root)
        self.signer = signer
        self.base_url = base_url.rstrip("/")
        self._next_sweep = float("-inf")

    def issue(self, session_key: str) -> str:
        """Return the editor URL for the session of `session_key`, valid for the signer's ttl."""
        # A sweep reads every record: once per SWEEP_EVERY, not once per draft message (issue 15).
        if self.signer.clock() >= self._next_sweep:
            self._next_sweep = self.signer.clock() + SWEEP_EVERY
            self.sweep()
        grant_id = secrets.token_hex(16)
        self.root.mkdir(parents=True, exist_ok=True)
        tag = self.signer.user_tag(session_key)
        record = {"session": session_key, "user": tag, "expires": int(self.signer.clock() + self.signer.ttl)}
        (self.root / f"{grant_id}.json").write_text(json.dumps(record), encoding="utf-8")
        token = self.signer.issue(grant_id, session_key)
        return f"{self.base_url}/editor/{token}?u={tag}"

    def open(self, token: str, user_tag: str) -> EditorGrant:
        """Return the grant of a valid token, or raise LinkError (403 forged/other user, 410 expired)."""
        grant = self.signer.verify(token, user_tag)
        try:
            record = json.loads((self.root / f"{grant.file_id}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise LinkError(410, EDITOR_GONE) from None
        session_key = str(record.get("session", ""))
        # The record's session must hash to the token's user: a valid token never opens another session.
        if not session_key or not hmac.compare_digest(self.signer.user_tag(session_key), grant.user_tag):
            raise LinkError(403, LINK_FORBIDDEN)
        return EditorGrant(grant.file_id, session_key, grant.expires)

    def sweep(self) -> int:
        """Delete grant records whose links have expired; return how many went."""
        if not self.root.is_dir():
            return 0
        now, gone = self.signer.clock(), 0
        for path in self.root.glob("*.json"):
            if not _ID.match(path.stem):
                continue
            try:
                expires = float(json.loads(path.read_text(encoding="utf-8"))["expires"])
            except (OSError, ValueError, KeyError, TypeError):
                continue
            if now >= expires:
                path.unlink(missing_ok=True)
                gone += 1
        return gone

    # ------------------------------------------------------------ CSRF
    def csrf_token(self, grant: EditorGrant, nonce: str) -> str:
        """Return the form token for this grant and cookie nonce."""
        # The signer's keyed hash (HMAC-SHA256 with the link key, 96 bits); session keys never start "csrf".
        return self.signer.user_tag(f"csrf\x00{grant.grant_id}\x00{nonce}")

    def csrf_ok(self, grant: EditorGrant, nonce: str, token: str) -> bool:
        """Tell whether a write's form token matches its cookie nonce and grant."""
        if not nonce or not token:
            return False
        return hmac.compare_digest(self.csrf_token(grant, nonce), token)


# ---------------------------------------------------------------- chat-app identities
def session_user(session_key: str) -> tuple[str, str]:
    """Return (channel, platform user id) of a session key "channel:[group:]user"."""
    channel, _, rest = session_key.partition(":")
    return channel, rest.rpartition(":")[2]


def telegram_user(init_data: str, bot_token: str, *, now: float | None = None) -> str:
    """Return the Telegram user id in Mini App `init_data`, or raise LinkError(403).

    As Telegram documents it: the data-check string is every field but ``hash``, sorted,
    as ``key=value`` lines; secret = HMAC-SHA256(key="WebAppData", bot token); the hash is
    HMAC-SHA256(secret, data-check string) in hex. ``auth_date`` must be recent.
    """
    if not init_data or not bot_token:
        raise LinkError(403, LINK_FORBIDDEN)
    fields = dict(parse_qsl(init_data, keep_blank_values=True, strict_parsing=False))
    received = fields.pop("hash", "")
    check = "\n".join(f"{k}={v}" for k, v in sorted(fields.items()))
    secret = hmac.new(b"WebAppData", bot_token.encode(), hashlib.sha256).digest()
    expected = hmac.new(secret, check.encode(), hashlib.sha256).hexdigest()
    if not received or not hmac.compare_digest(expected, received):
        raise LinkError(403, LINK_FORBIDDEN)
    try:
        auth_date = int(fields.get("auth_date", "0"))
        user = json.loads(fields.get("user", "{}"))
        user_id = str(int(user["id"]))
    except (ValueError, KeyError, TypeError):
        raise LinkError(403, LINK_FORBIDDEN) from None
    if (now if now is not None else time.time()) - auth_date > INIT_DATA_MAX_AGE:
        raise LinkError(403, LINK_FORBIDDEN)
    return user_id


def sign_init_data(fields: dict[str, str], bot_token: str) -> str:
    """Return `fields` as initData signed with `bot_token` (what Telegram does; tests and demos use it)."""
    from urllib.parse import urlencode  # noqa: PLC0415 - only tests and demos sign

    check = "\n".join(f"{k}={v}" for k, v in sorted(fields.items()))
    secret = hmac.new(b"WebAppData", bot_token.encode(), hashlib.sha256).digest()
    digest = hmac.new(secret, check.encode(), hashlib.sha256).hexdigest()
    return urlencode({**fields, "hash": digest})


async def line_user(id_token: str, channel_id: str, api_host: str) -> str:
    """Return the LINE user id (``sub``) of a LIFF ID token, verified by the LINE API, or raise LinkError(403)."""
    if not id_token or not channel_id:
        raise LinkError(403, LINK_FORBIDDEN)
    url = f"{api_host.rstrip('/')}/oauth2/v2.1/verify"
    try:
        async with httpx.AsyncClient(timeout=LIFF_TIMEOUT) as client:
            response = await client.post(url, data={"id_token": id_token, "client_id": channel_id})
    except httpx.HTTPError:
        raise LinkError(403, LINK_FORBIDDEN) from None
    if response.status_code != 200:
        raise LinkError(403, LINK_FORBIDDEN)
    try:
        body = response.json()
        sub, aud = str(body["sub"]), str(body.get("aud", ""))
    except (ValueError, KeyError, TypeError):
        raise LinkError(403, LINK_FORBIDDEN) from None
    if aud != channel_id:  # a token issued to another channel is not ours to honour
        raise LinkError(403, LINK_FORBIDDEN)
    return sub
