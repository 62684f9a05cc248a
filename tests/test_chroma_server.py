"""The index on a real Chroma server (`chroma run`), shared by two bot instances (issue 15, part 1).

The fixture starts the `chroma` command that the chromadb package installs beside Python, on a free
port of 127.0.0.1, with its data in a temporary folder; the test is skipped (saying why) only where
that command is missing, and fails there under ITA_REQUIRE_SERVICES (CI). The auth header is checked against a small recording server, since the
local Chroma server has no token auth to test it with.
"""

from __future__ import annotations

import http.server
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import ClassVar

import pytest

import ingest as ingest_cli
from bot.app import build_knowledge
from bot.search.following import FollowingRetriever
from bot.search.index import IndexUnavailable, remote_client
from bot.search.ingest import ingest
from bot.search.lexical_store import StoredRecords
from bot.search.retrieve import Retriever
from bot.settings import Settings
from tests.pg import drop_schema, missing, pg_schema_url

CHROMA = Path(sys.executable).with_name("chroma")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory):
    """A `chroma run` server on 127.0.0.1; yields its port."""
    if not CHROMA.exists():
        missing(f"no Chroma server command at {CHROMA} (the chromadb package installs it)")
    port = _free_port()
    folder = tmp_path_factory.mktemp("chroma-server")
    proc = subprocess.Popen(
        [str(CHROMA), "run", "--path", str(folder), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("the Chroma server did not start")
                time.sleep(0.2)
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _settings(tmp_path: Path, port: int, name: str) -> Settings:
    return Settings(
        _env_file=None,
        data_dir=tmp_path / name,  # each instance its own folder: only the server is shared
        chroma_host="127.0.0.1",
        chroma_port=port,
        collection="shared_ita",
    )


def test_two_instances_share_one_index_on_the_server(tmp_path, chroma_server, seeds_dir):
    first = build_knowledge(_settings(tmp_path, chroma_server, "a"))
    report = ingest(first.index, first.framework, None, [seeds_dir], progress=False)
    assert not report.problems
    stored = first.index.count()
    assert stored > 200

    second = build_knowledge(_settings(tmp_path, chroma_server, "b"))
    assert second.index.count() == stored
    assert not (tmp_path / "a" / "chroma").exists()  # nothing written to the embedded folder
    hits = Retriever(second.index, second.framework).search("แผนปฏิบัติการป้องกันการทุจริต", k=5)
    assert hits and any("ทุจริต" in h.text for h in hits)

    # The same source ingested again from the other instance is recognised as unchanged.
    again = ingest(second.index, second.framework, None, [seeds_dir], progress=False)
    assert {r.status for r in again.results if r.source.endswith(".txt")} == {"unchanged"}
    assert first.index.count() == stored


class _Recorder(http.server.BaseHTTPRequestHandler):
    seen: ClassVar[list[dict[str, str]]] = []

    def do_GET(self) -> None:
        _Recorder.seen.append(dict(self.headers))
        self.send_response(503)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


def test_the_auth_token_is_sent_to_the_chroma_server(tmp_path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        settings = Settings(
            _env_file=None,
            data_dir=tmp_path,
            chroma_host="127.0.0.1",
            chroma_port=server.server_address[1],
            chroma_auth_token="s3cret-token",
        )
        with pytest.raises(IndexUnavailable, match=r"127\.0\.0\.1"):  # the recorder answers 503
            remote_client(
                settings.chroma_host,
                settings.chroma_port,
                headers=settings.chroma_headers(),
            )
    finally:
        server.shutdown()
        server.server_close()
    assert _Recorder.seen, "the client never reached the server"
    assert all(h.get("Authorization") == "Bearer s3cret-token" for h in _Recorder.seen)
    other = Settings(_env_file=None, chroma_auth_token="t", chroma_auth_header="X-Chroma-Token")
    assert other.chroma_headers() == {"X-Chroma-Token": "t"}


def test_the_embedded_index_stays_the_default(tmp_path):
    kb = build_knowledge(Settings(_env_file=None, data_dir=tmp_path))
    assert (tmp_path / "chroma").is_dir()
    assert kb.index.count() == 0


def test_a_document_ingested_by_one_instance_is_found_by_the_other_running_one(
    tmp_path, chroma_server, seeds_dir
):
    first = build_knowledge(_settings(tmp_path, chroma_server, "a"))
    ingest(first.index, first.framework, None, [seeds_dir], progress=False)
    second = build_knowledge(_settings(tmp_path, chroma_server, "b"))
    running = FollowingRetriever(second.index, second.framework, recheck_seconds=0.0)  # serving
    question = "มาตรการวันหยุดพักผ่อนปลอดคอร์รัปชันของหน่วยงาน"
    assert not any("พักผ่อนปลอดคอร์รัปชัน" in p.text for p in running.search(question, k=5))

    new = tmp_path / "docs"
    new.mkdir()
    (new / "new-plan.txt").write_text(
        "เทศบาลตำบลทดลองใหม่\nมาตรการวันหยุดพักผ่อนปลอดคอร์รัปชัน ให้บุคลากรงดรับของขวัญทุกกรณี",
        encoding="utf-8",
    )
    assert not ingest(first.index, first.framework, None, [new], progress=False).problems
    assert any("พักผ่อนปลอดคอร์รัปชัน" in p.text for p in running.search(question, k=5))


def test_two_instances_on_the_postgres_lexical_index_find_a_new_document_without_restart(
    tmp_path, chroma_server, seeds_dir, monkeypatch
):
    """Server mode as deployed: Chroma server plus LEXICAL_STORE=postgres, two running instances;
    the new document is added by ingest.py, which copies it into PostgreSQL itself."""
    url, schema = pg_schema_url()
    extra = {"lexical_store": "postgres", "lexical_database_url": url}
    first = build_knowledge(_settings(tmp_path, chroma_server, "a").model_copy(update=extra))
    second = build_knowledge(_settings(tmp_path, chroma_server, "b").model_copy(update=extra))
    try:
        ingest(first.index, first.framework, None, [seeds_dir], progress=False)
        serving = [
            FollowingRetriever(kb.index, kb.framework, lexical=kb.lexical, recheck_seconds=1.0)
            for kb in (first, second)
        ]
        assert all(isinstance(r.records, StoredRecords) for r in serving)  # no chunk list in either
        question = "มาตรการตู้รับฟังเสียงประชาชนสีเขียวมรกตของหน่วยงาน"
        assert not any("เขียวมรกต" in p.text for r in serving for p in r.search(question, k=5))

        new = tmp_path / "docs"
        new.mkdir()
        (new / "emerald.txt").write_text(
            "เทศบาลตำบลทดลองมรกต\nมาตรการตู้รับฟังเสียงประชาชนสีเขียวมรกต ตั้งหน้าสำนักงานทุกวันทำการ",
            encoding="utf-8",
        )
        for name, value in {
            "DATA_DIR": str(tmp_path / "cli"),
            "CHROMA_HOST": "127.0.0.1",
            "CHROMA_PORT": str(chroma_server),
            "COLLECTION": "shared_ita",
            "LEXICAL_STORE": "postgres",
            "LEXICAL_DATABASE_URL": url,
        }.items():
            monkeypatch.setenv(name, value)
        monkeypatch.chdir(tmp_path)  # no .env of the developer's
        assert ingest_cli.main([str(new), "--quiet"]) == 0
        assert first.lexical is not None
        with first.lexical.lock:
            copied = (
                first.lexical.connection()
                .execute(
                    "SELECT count(*) FROM lex_source WHERE source_key = %s",
                    (f"file:{(new / 'emerald.txt').resolve()}",),
                )
                .fetchone()
            )
        assert copied == (1,), (
            "ingest.py copied the new document into PostgreSQL before any instance refreshed"
        )
        found = {}
        deadline = time.monotonic() + 10
        while len(found) < 2 and time.monotonic() < deadline:
            for n, r in enumerate(serving):
                if n not in found and any("เขียวมรกต" in p.text for p in r.search(question, k=5)):
                    found[n] = time.monotonic()
            time.sleep(0.2)
        assert sorted(found) == [0, 1], "each running instance finds the new document within seconds"
    finally:
        for kb in (first, second):
            if kb.lexical is not None:
                kb.lexical.close()
        drop_schema(schema)


def test_the_postgres_lexical_store_needs_a_postgresql_url(tmp_path):
    with pytest.raises(ValueError, match="LEXICAL_DATABASE_URL"):
        build_knowledge(Settings(_env_file=None, data_dir=tmp_path, lexical_store="postgres"))
    assert build_knowledge(Settings(_env_file=None, data_dir=tmp_path)).lexical is None  # the default
