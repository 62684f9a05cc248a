"""Ingest is all or nothing per source, bounded, and says clearly why a file was refused.

Real Chroma in tmp_path, real pythainlp, real files written here (a zip-bomb .docx, an
encrypted PDF, UTF-16 and mixed-encoding text); the kill is a real SIGKILL of a subprocess.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
import zipfile

import docx
import pytest
from pypdf import PdfWriter

from bot.app import ensure_index
from bot.ita.framework import load_framework
from bot.ita.passages import framework_passages
from bot.search.documents import Limits, UnreadableDocument, read_document
from bot.search.embeddings import HashingEmbeddings
from bot.search.index import KnowledgeIndex
from bot.search.ingest import ingest, knowledge_sources
from tests.conftest import KNOWLEDGE_DIR, REPO_DIR
from tests.kb_helpers import make_kb

THAI = "ผลการประเมินตัวชี้วัดที่ 9 การเปิดเผยข้อมูล ได้คะแนน 85.50 คะแนน ต้องเผยแพร่ข้อมูล O13 ให้ครบถ้วน"


@pytest.fixture(scope="module")
def fw():
    return load_framework(KNOWLEDGE_DIR)


def _index(path):
    return KnowledgeIndex(path, "ita_test", HashingEmbeddings(), "hashing-1024-v1")


class Interrupted(Exception):
    """Stands for Ctrl-C between two batches of one source."""


def _stop_after_first_batch(written: int) -> None:
    raise Interrupted(written)


def test_a_source_cut_short_is_completed_by_the_next_run(tmp_path, fw):
    passages = framework_passages(fw)
    assert len(passages) > 256  # more than one batch
    index = _index(tmp_path / "c")
    with pytest.raises(Interrupted):
        index.ingest_passages("knowledge:framework", passages, on_batch=_stop_after_first_batch)
    assert index.count() == 256  # partial on disk, and not recorded as complete
    again = _index(tmp_path / "c")  # a new process opening the same folder
    result = again.ingest_passages("knowledge:framework", passages)
    assert result.status == "repaired" and again.count() == len(passages)
    assert again.ingest_passages("knowledge:framework", passages).status == "unchanged"


KILLER = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from bot.ita.framework import load_framework
    from bot.search.embeddings import HashingEmbeddings
    from bot.search.index import KnowledgeIndex
    index = KnowledgeIndex(Path(sys.argv[1]), "ita_test", HashingEmbeddings(), "hashing-1024-v1")
    fw = load_framework(Path(sys.argv[3]))
    index.ingest_file(Path(sys.argv[2]), fw, on_batch=lambda n: os.kill(os.getpid(), signal.SIGKILL))
    """
)


def test_a_file_whose_ingest_was_killed_is_repaired_on_the_next_run(tmp_path, fw):
    big = tmp_path / "big.txt"
    big.write_text("\n\n".join(f"ย่อหน้าที่ {n}: {THAI} รอบที่ {n}" for n in range(600)), encoding="utf-8")
    chroma = tmp_path / "c"
    killed = subprocess.run(
        [sys.executable, "-c", KILLER, str(chroma), str(big), str(KNOWLEDGE_DIR)],
        cwd=REPO_DIR,
        env={**os.environ, "PYTHONPATH": str(REPO_DIR)},
        capture_output=True,
        timeout=300,
    )
    assert killed.returncode == -9
    index = _index(chroma)
    partial = index.count()
    assert partial > 0 and index.incomplete_files() == [big.resolve()]
    report = ingest(index, fw, None, [big], progress=False)  # the file named again: done once, not twice
    statuses = [(r.source, r.status) for r in report.results if r.source == "big.txt"]
    assert statuses == [("big.txt", "repaired")] and index.incomplete_files() == []
    assert index.count() > partial
    fresh = _index(tmp_path / "fresh")
    fresh.ingest_file(big, fw)

    def stored(ix):
        return sorted(ix.collection.get(where={"source": "big.txt"}, include=["documents"])["documents"])

    assert stored(index) == stored(fresh)  # exactly what a run never killed stores


def test_identical_rows_are_stored_once(tmp_path, fw):
    rows = tmp_path / "rows.txt"
    rows.write_text("\n".join(["O13\tรายงานผลการจัดซื้อจัดจ้าง\t85.50"] * 2_000), encoding="utf-8")
    index = _index(tmp_path / "c")
    result = index.ingest_file(rows, fw)
    assert result.status == "added" and index.count() == result.chunks < 5


def _bomb(path, seed_docx, unpacked_mb: int) -> None:
    shutil.copy(seed_docx, path)
    with (
        zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("word/media/padding.bin", "w") as part,
    ):
        for _ in range(unpacked_mb):
            part.write(b"\0" * (1024 * 1024))


def _docx(path, text: str) -> None:
    document = docx.Document()
    document.add_paragraph(text)
    document.save(str(path))


def test_a_zip_bomb_docx_is_refused_by_name_and_the_next_file_is_ingested(tmp_path, fw):
    folder = tmp_path / "in"
    folder.mkdir()
    _docx(tmp_path / "plain.docx", THAI)
    _bomb(folder / "a_bomb.docx", tmp_path / "plain.docx", 100)
    (folder / "b_next.txt").write_text(THAI, encoding="utf-8")
    index = _index(tmp_path / "c")
    report = ingest(index, fw, None, [folder], progress=False)
    assert [r.source for r in report.results if r.status == "added"][-1] == "b_next.txt"
    [problem] = report.problems
    assert "a_bomb.docx" in problem and "50 MB" in problem and re.search(r"\b10[01](\.\d)? MB", problem)


@pytest.mark.parametrize(
    ("limits", "words"),
    [
        (Limits(file_bytes=100), ["big.txt", "100 bytes", "MB"]),
        (Limits(file_bytes=1024 * 1024), ["big.txt", "1 MB"]),
        (Limits(chars=50), ["big.txt", "50"]),
    ],
)
def test_files_over_a_limit_are_refused_naming_the_file_and_the_limit(tmp_path, limits, words):
    big = tmp_path / "big.txt"
    big.write_text(THAI * 8_000, encoding="utf-8")
    with pytest.raises(UnreadableDocument) as refused:
        read_document(big, limits)
    assert all(w in str(refused.value) for w in words)


def test_a_file_making_too_many_passages_is_refused(tmp_path, fw):
    many = tmp_path / "many.txt"
    many.write_text("\n\n".join(f"ย่อหน้าที่ {n}: {THAI} รอบที่ {n}" for n in range(600)), encoding="utf-8")
    index = _index(tmp_path / "c")
    with pytest.raises(UnreadableDocument) as refused:
        index.ingest_file(many, fw, Limits(chunks=3))
    assert "many.txt" in str(refused.value) and " 3 " in str(refused.value)
    assert index.count() == 0


def test_old_word_files_empty_files_and_locked_pdfs_say_what_to_send(tmp_path, fw):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 600)
    (folder / "empty.txt").write_bytes(b"")
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt("secret", algorithm="RC4-128")
    with open(folder / "locked.pdf", "wb") as fh:
        writer.write(fh)
    index = _index(tmp_path / "c")
    report = ingest(index, fw, None, [folder], progress=False)
    assert not [r for r in report.results if r.source.startswith(("old", "empty", "locked"))]
    said = "\n".join(report.problems)
    old = next(p for p in report.problems if "old.doc" in p)
    assert ".docx" in old and "PDF" in old
    empty = next(p for p in report.problems if "empty.txt" in p)
    assert "ว่างเปล่า" in empty
    locked = next(p for p in report.problems if "locked.pdf" in p)
    assert "รหัสผ่าน" in locked and "เสียหาย" not in locked
    assert len(report.problems) == 3, said


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-16"),  # with a byte-order mark (Notepad's "Unicode")
        lambda t: t.encode("utf-16-le"),  # without one
        lambda t: t.encode("utf-16-be"),
        lambda t: t.encode("cp874"),  # Thai Windows / TIS-620
        lambda t: (
            "\n".join(  # UTF-8 and TIS-620 lines pasted into one file
                line for line in t.split("\n")
            )
            .split("\n")[0]
            .encode("utf-8")
            + b"\n"
            + t.split("\n")[1].encode("cp874")
        ),
    ],
)
def test_utf16_thai_windows_and_mixed_text_are_decoded(tmp_path, encode):
    text = f"{THAI}\nตัวชี้วัดที่ 10 การป้องกันการทุจริต 92.75"
    path = tmp_path / "scores.txt"
    path.write_bytes(encode(text))
    assert read_document(path) == text


def test_undecodable_text_names_the_line(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes("บรรทัดแรก\n".encode() + b"\xdb\xfc\xff broken\n")
    with pytest.raises(UnreadableDocument) as refused:
        read_document(path)
    assert "bad.txt" in str(refused.value) and "บรรทัดที่ 2" in str(refused.value)


def test_start_up_completes_knowledge_a_killed_first_run_left_partial(tmp_path):
    kb = make_kb(tmp_path)
    passages = knowledge_sources(kb.framework, kb.playbook)["knowledge:framework"]
    with pytest.raises(Interrupted):  # Ctrl-C during the first `make run`
        kb.index.ingest_passages("knowledge:framework", passages, on_batch=_stop_after_first_batch)
    restarted = make_kb(tmp_path)
    assert ensure_index(restarted) is True
    stored = restarted.index.collection.get(where={"source_key": "knowledge:framework"}, include=[])["ids"]
    assert len(stored) == len(passages)
    assert ensure_index(make_kb(tmp_path)) is False  # complete now: nothing to do
