"""Signed, expiring, user-bound download links: tokens and the /files route over real HTTP semantics."""

from __future__ import annotations

import base64
import json
import logging

import httpx
import pytest
from starlette.applications import Starlette

from bot.channels.links import LinkError, LinkSigner, LinkStore, signer_from_settings
from bot.dialogue.messages import Document
from bot.settings import Settings

SECRET = b"0123456789abcdef-link-secret"
DOCX = Document(
    "แผนมาตรการ.docx",
    b"PK\x03\x04 docx bytes",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)


class Clock:
    """A settable clock, passed in rather than patched."""

    def __init__(self, now: float = 1_700_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def store(tmp_path, clock):
    return LinkStore(
        tmp_path / "exports", LinkSigner(SECRET, 3600, clock=clock), "https://bot.example.go.th/"
    )


async def fetch(store: LinkStore, url: str) -> httpx.Response:
    app = Starlette(routes=store.routes())
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="https://bot.example.go.th"
    ) as c:
        return await c.get(url)


def parts(url: str) -> tuple[str, str]:
    path, _, tag = url.partition("?u=")
    return path.rsplit("/", 1)[-1], tag


def file_id(url: str) -> str:
    return json.loads(base64.urlsafe_b64decode(parts(url)[0].split(".")[0] + "=="))["f"]


async def test_right_user_downloads_the_file(store):
    url = store.publish(DOCX, "line:Uowner")
    assert url.startswith("https://bot.example.go.th/files/")
    response = await fetch(store, url)
    assert response.status_code == 200 and response.content == DOCX.content
    assert "filename*=UTF-8''" in response.headers["content-disposition"]
    assert response.headers["cache-control"] == "no-store"


async def test_expired_link_is_410_with_thai_message(store, clock):
    url = store.publish(DOCX, "line:Uowner")
    clock.now += 3601
    response = await fetch(store, url)
    assert response.status_code == 410 and "หมดอายุ" in response.text


async def test_other_users_binding_is_403(store):
    mine = store.publish(DOCX, "line:Uowner")
    theirs = store.publish(DOCX, "line:Uother")
    token, _ = parts(mine)
    _, their_tag = parts(theirs)
    response = await fetch(store, f"/files/{token}?u={their_tag}")
    assert response.status_code == 403 and "ไม่ถูกต้อง" in response.text
    assert (await fetch(store, f"/files/{token}")).status_code == 403  # binding is required


async def test_tampered_tokens_are_403(store, clock):
    url = store.publish(DOCX, "line:Uowner")
    token, tag = parts(url)
    body, sig = token.split(".")
    payload = json.loads(base64.urlsafe_b64decode(body + "=="))
    for field, value in (("e", payload["e"] + 86400), ("u", parts(store.publish(DOCX, "line:Ux"))[1])):
        forged = dict(payload, **{field: value})
        forged_body = base64.urlsafe_b64encode(json.dumps(forged, separators=(",", ":")).encode()).rstrip(
            b"="
        )
        assert (await fetch(store, f"/files/{forged_body.decode()}.{sig}?u={tag}")).status_code == 403
    flipped = sig[:-2] + ("A" if sig[-2] != "A" else "B") + sig[-1]
    assert (await fetch(store, f"/files/{body}.{flipped}?u={tag}")).status_code == 403
    assert (await fetch(store, f"/files/garbage?u={tag}")).status_code == 403
    clock.now += 10**6  # an expired forgery still reads as forged, not as merely expired
    assert (await fetch(store, f"/files/{body}.{flipped}?u={tag}")).status_code == 403


def test_token_for_one_file_cannot_reach_another_users_file(store):
    # Even with a valid signature, the file's recorded owner must match the token's user.
    theirs = store.publish(DOCX, "line:Uother")
    token = store.signer.issue(file_id(theirs), "line:Uowner")
    with pytest.raises(LinkError) as err:
        store.open(token, store.signer.user_tag("line:Uowner"))
    assert err.value.status == 403


def test_file_ids_are_unguessable_and_paths_safe(store, tmp_path):
    urls = [store.publish(Document("../../etc/passwd", b"x", "text/plain"), "line:U1") for _ in range(3)]
    ids = {file_id(u) for u in urls}
    assert len(ids) == 3 and all(len(i) == 32 for i in ids)  # 128 random bits each
    stored = [p for p in (tmp_path / "exports").rglob("*") if p.is_file() and p.name != ".meta.json"]
    assert all(p.parent.parent == tmp_path / "exports" for p in stored)
    assert "etc" not in {p.parent.name for p in stored}


def test_user_tag_hides_the_session_key(store):
    url = store.publish(DOCX, "line:Csecretgroup:Usecretuser")
    assert "secret" not in url
    assert store.signer.user_tag("line:U1") != store.signer.user_tag("line:U2")


def test_sweep_removes_expired_exports(store, clock, tmp_path):
    store.publish(DOCX, "line:U1")
    clock.now += 3601
    fresh = store.publish(DOCX, "line:U1")  # publishing sweeps first
    folders = list((tmp_path / "exports").iterdir())
    assert len(folders) == 1 and folders[0].name == file_id(fresh)


def test_missing_secret_uses_a_random_key_and_warns(tmp_path, caplog):
    settings = Settings(_env_file=None, data_dir=tmp_path, link_secret="")
    with caplog.at_level(logging.WARNING):
        a, b = signer_from_settings(settings), signer_from_settings(settings)
    assert "LINK_SECRET" in caplog.text
    token = a.issue("0" * 32, "line:U1")
    assert a.verify(token, a.user_tag("line:U1")).file_id == "0" * 32
    with pytest.raises(LinkError):  # another process (a restart) cannot honour it
        b.verify(token, b.user_tag("line:U1"))


def test_short_secret_is_refused():
    with pytest.raises(ValueError):
        LinkSigner("short", 60)


async def test_a_link_made_by_one_instance_is_served_by_another(tmp_path):
    from bot.channels.server import build_links

    shared = tmp_path / "shared-exports"

    def instance(name: str, exports: object) -> LinkStore:
        return build_links(
            Settings(
                _env_file=None,
                data_dir=tmp_path / name,
                link_secret="one-secret-for-every-instance-32b",
                exports_folder=exports,
                public_base_url="https://bot.example.go.th",
            )
        )

    url = instance("a", shared).publish(DOCX, "line:Uowner")
    served = await fetch(instance("b", shared), url)
    assert served.status_code == 200 and served.content == DOCX.content
    # Without the shared folder the other instance has no such file: the setting is what makes it work.
    assert (await fetch(instance("c", None), url)).status_code == 410
