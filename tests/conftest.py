"""Shared test harness.

* Puts pythainlp/Chroma in offline mode before anything imports them.
* Fails any test that opens a network connection to anything but loopback:
  every external service in these tests is a fake HTTP server on 127.0.0.1.
"""

from __future__ import annotations

import ipaddress
import socket
import tempfile
from pathlib import Path

import pytest

from bot.offline import configure_offline

configure_offline(Path(tempfile.gettempdir()) / "ita-bot-test-data")

REPO_DIR = Path(__file__).resolve().parents[1]
# The agency documents the tests ingest and quote, copied into the repository (tests/data/README.md).
SEEDS_DIR = REPO_DIR / "tests" / "data" / "seeds"
KNOWLEDGE_DIR = REPO_DIR / "knowledge"
PROMPTS_DIR = REPO_DIR / "prompts"

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_getaddrinfo = socket.getaddrinfo
_violations: list[str] = []


def _is_local(host: object) -> bool:
    if not isinstance(host, str):
        return True
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def _check(sock: socket.socket, address: object) -> None:
    if sock.family == socket.AF_UNIX:
        return
    host = address[0] if isinstance(address, tuple) else address
    if not _is_local(host):
        _violations.append(repr(address))
        raise ConnectionRefusedError(f"unplanned outbound connection to {address!r} blocked by tests")


def _guarded_connect(self: socket.socket, address: object) -> None:
    _check(self, address)
    return _real_connect(self, address)


def _guarded_connect_ex(self: socket.socket, address: object) -> int:
    _check(self, address)
    return _real_connect_ex(self, address)


def _guarded_getaddrinfo(host, *args, **kwargs):
    if isinstance(host, bytes):
        host = host.decode()
    if host is not None and not _is_local(host):
        _violations.append(f"DNS {host}")
        raise socket.gaierror(f"unplanned DNS lookup of {host!r} blocked by tests")
    return _real_getaddrinfo(host, *args, **kwargs)


socket.socket.connect = _guarded_connect  # type: ignore[method-assign]
socket.socket.connect_ex = _guarded_connect_ex  # type: ignore[method-assign]
socket.getaddrinfo = _guarded_getaddrinfo  # type: ignore[assignment]


@pytest.fixture(autouse=True)
def no_outbound_network():
    """Fail the test if it tried to reach anything but loopback, even if the error was swallowed."""
    start = len(_violations)
    yield
    attempted = _violations[start:]
    if attempted:
        pytest.fail(f"unplanned outbound network access: {attempted}")


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """Return the folder of the five agency documents (tests/data/seeds)."""
    return SEEDS_DIR


@pytest.fixture(scope="session")
def built(tmp_path_factory, seeds_dir):
    """The shipped knowledge and the seeds in one real Chroma index (hashing vectors): (index, framework).

    Read-only: the retrieval tests rank over it; built once per test process.
    """
    from bot.ita.framework import load_framework
    from bot.ita.playbook import load_playbook
    from bot.search.embeddings import HashingEmbeddings
    from bot.search.index import KnowledgeIndex
    from bot.search.ingest import ingest

    fw = load_framework(KNOWLEDGE_DIR)
    index = KnowledgeIndex(
        tmp_path_factory.mktemp("chroma"), "ita_seeded", HashingEmbeddings(), "hashing-1024-v1"
    )
    ingest(index, fw, load_playbook(KNOWLEDGE_DIR), [seeds_dir], progress=False)
    return index, fw
