"""Ingest and retrieval against real Chroma (temp dir) and real pythainlp."""

import shutil

import docx
import pytest

from bot.ita.framework import load_framework
from bot.search.embeddings import HashingEmbeddings
from bot.search.index import IndexMismatch, KnowledgeIndex
from bot.search.ingest import ingest
from bot.search.lexical_store import PostgresLexicon, StoredRecords
from bot.search.retrieve import Retriever
from tests.conftest import KNOWLEDGE_DIR
from tests.pg import drop_schema, pg_schema_url


@pytest.fixture(scope="module")
def fw():
    return load_framework(KNOWLEDGE_DIR)


def _index(path, name="ita_test"):
    return KnowledgeIndex(path, name, HashingEmbeddings(), "hashing-1024-v1")


@pytest.fixture(scope="module")
def seeded(tmp_path_factory, seeds_dir, fw):
    path = tmp_path_factory.mktemp("chroma")
    index = _index(path)
    report = ingest(index, fw, None, [seeds_dir], progress=False)
    assert not report.problems
    return index, Retriever(index, fw)


def test_reingest_adds_no_duplicates(tmp_path, seeds_dir, fw):
    index = _index(tmp_path / "c")
    first = ingest(index, fw, None, [seeds_dir], progress=False)
    count = index.count()
    second = ingest(index, fw, None, [seeds_dir], progress=False)
    files = [r for r in first.results if r.source.endswith(".txt")]
    assert len(files) == 5 and all(r.status == "added" for r in files) and count > 200
    assert all(r.status == "unchanged" for r in second.results) and second.chunks == 0
    assert index.count() == count


def test_changed_file_replaces_its_old_chunks(tmp_path, seeds_dir, fw):
    folder = tmp_path / "docs"
    folder.mkdir()
    target = folder / "a.txt"
    shutil.copy(next(seeds_dir.glob("001_*.txt")), target)
    index = _index(tmp_path / "c")
    ingest(index, fw, None, [folder], progress=False)
    mine = lambda: [r for r in index.records() if r.meta["source"] == "a.txt"]  # noqa: E731
    before = len(mine())
    target.write_text(
        "ผลการประเมินตัวชี้วัดที่ 9 การเปิดเผยข้อมูล ได้คะแนน 70.00 คะแนน ต้องเร่งแก้ไขข้อ O13 โดยด่วน", encoding="utf-8"
    )
    report = ingest(index, fw, None, [folder], progress=False)
    assert report.count("replaced") == 1
    assert len(mine()) == 1 < before
    texts = [r.text for r in mine()]
    assert not any("นามะเขือ" in t for t in texts)


def test_bad_files_are_named_and_the_rest_still_ingests(tmp_path, seeds_dir, fw):
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(next(seeds_dir.glob("002_*.txt")), folder / "good.txt")
    (folder / "broken.docx").write_bytes(b"this is not a zip file")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 garbage")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    index = _index(tmp_path / "c")
    report = ingest(index, fw, None, [folder, tmp_path / "missing-folder"], progress=False)
    assert [r.source for r in report.results if r.status == "added" and r.source.endswith(".txt")] == [
        "good.txt"
    ]
    joined = "\n".join(report.problems)
    for name in ("broken.docx", "broken.pdf", "binary.txt", "missing-folder"):
        assert name in joined
    assert index.count() > 10


def test_docx_tables_are_ingested_with_headers(tmp_path, fw):
    document = docx.Document()
    document.add_paragraph("มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2569 เทศบาลตำบลทดสอบ")
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["ตัวชี้วัด", "มาตรการ", "ผู้รับผิดชอบ"], strict=False):
        cell.text = text
    for cell, text in zip(
        table.rows[1].cells, ["9. การเปิดเผยข้อมูล", "ปรับปรุงข้อมูล O13 บนเว็บไซต์", "กองคลัง"], strict=False
    ):
        cell.text = text
    path = tmp_path / "plan.docx"
    document.save(path)
    index = _index(tmp_path / "c")
    ingest(index, fw, None, [path], progress=False)
    rows = [
        r for r in index.records() if r.meta["kind"] == "measure_table" and r.meta["source"] == "plan.docx"
    ]
    assert len(rows) == 1
    assert "หัวตาราง: ตัวชี้วัด | มาตรการ | ผู้รับผิดชอบ" in rows[0].text
    assert rows[0].meta["item_O13"] is True and rows[0].meta["ind_9"] is True
    assert rows[0].meta["year"] == 2569 and rows[0].meta["agency"].startswith("เทศบาลตำบลทดสอบ")


def test_metadata_on_seed_chunks(seeded):
    index, _ = seeded
    o13 = [r for r in index.records() if r.meta.get("item_O13") and r.meta["source"].endswith(".txt")]
    assert o13 and all("001_" in r.meta["source"] for r in o13)
    assert all(r.meta["ind_9"] is True for r in o13)
    assert all(r.meta["agency"] == "เทศบาลตำบลนามะเขือ" and r.meta["year"] == 2568 for r in o13)
    kinds = {r.meta["kind"] for r in index.records()}
    assert {"score_table", "measure_table", "analysis", "recommendation"} <= kinds


@pytest.mark.parametrize(
    "query, expect_source, expect_text",
    [
        ("ขอตัวอย่างมาตรการเรื่องการเปิดเผยข้อมูล O13", "001_", "O13"),
        ("มาตรการแก้ไขข้อ I14 การประเมินผลการปฏิบัติงาน", "003_", "I14"),
        ("ระดับผลการประเมิน AA คะแนน 95.00 – 100", "004_", "AA"),
        ("ประเด็นที่ต้องแก้ไขเร่งด่วน E6 การเผยแพร่ข้อมูลของหน่วยงาน", "003_", "E6"),
        ("ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต ได้คะแนนเต็ม", "001_", "ตัวชี้วัดที่ 10"),
        ("ผลการประเมิน ITA โรงเรียน ระดับ A", "000_", "ระดับ A"),
    ],
)
def test_right_passage_is_found(seeded, query, expect_source, expect_text):
    _, retriever = seeded
    passages = retriever.search(query, k=5)
    assert passages, "no passages"
    assert all(p.source and p.text and 0 <= p.score <= 1 for p in passages)
    # In the top 5 (recall@5, as the benchmarks count): with no agency named, the curated
    # OIT items of the same indicator may rank above another agency's own score line.
    assert any(expect_source in p.source and expect_text in p.text for p in passages[:5]), [
        (p.source, p.text[:80]) for p in passages
    ]


def test_thai_and_arabic_digits_find_the_same_passages(seeded):
    _, retriever = seeded
    thai = [p.chunk_id for p in retriever.search("ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล ๘๓.๕๐ คะแนน", k=5)]
    arabic = [p.chunk_id for p in retriever.search("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล 83.50 คะแนน", k=5)]
    assert thai == arabic


def test_metadata_filters(seeded):
    _, retriever = seeded
    for p in retriever.search("มาตรการ", k=8, indicator=9):
        assert 9 in p.indicators
    for p in retriever.search("การใช้งบประมาณ", k=8, kind="measure_table"):
        assert p.kind == "measure_table"
    for p in retriever.search("คะแนน", k=8, year=2564):
        assert p.year == 2564
    hits = retriever.search("ข้อมูล", k=8, item="O13")
    assert hits and all("O13" in p.items for p in hits)


def test_index_built_with_another_embedding_is_refused(tmp_path):
    _index(tmp_path / "c")
    with pytest.raises(IndexMismatch, match="--rebuild"):
        KnowledgeIndex(tmp_path / "c", "ita_test", HashingEmbeddings(), "openai|some-model")


# ------------------------------------------------------------------ the lexical index in PostgreSQL
@pytest.fixture
def pg_url():
    url, schema = pg_schema_url()
    yield url
    drop_schema(schema)


def test_postgres_lexical_index_ranks_as_the_in_memory_one(seeded, fw, pg_url):
    index, memory = seeded
    store = PostgresLexicon(pg_url, "seeded")
    stored = Retriever(index, fw, lexical=store)
    try:
        assert isinstance(stored.records, StoredRecords)  # no chunk list in this process
        assert len(stored.records) == len(memory.records)
        questions = [
            "แผนปฏิบัติการป้องกันการทุจริต",
            "ข้อ o12 ของปี 2564 คือหัวข้ออะไรครับ",
            "ทำยังไงให้คะแนน OIT ดีขึ้น",
            "มาตราการเปิดเผยข้อมุลต้องทำอะไรบ้าง",  # typing slips: the lexicon is built from the store
            "ตัวชี้วัดที่ 9 ควรทำมาตรการอะไร",
        ]
        for q in questions:
            assert [(p.pid, p.score) for p in stored.search(q, k=8)] == [
                (p.pid, p.score) for p in memory.search(q, k=8)
            ], q
        assert stored.search("ตัวชี้วัดที่ 9", k=3, indicator=9)
        assert all(9 in p.indicators for p in stored.search("มาตรการ", k=5, indicator=9))
    finally:
        store.close()


def test_postgres_lexical_index_follows_a_changed_source(tmp_path, seeds_dir, fw, pg_url):
    folder = tmp_path / "docs"
    shutil.copytree(seeds_dir, folder)
    index = _index(tmp_path / "idx", "followed")
    ingest(index, fw, None, [folder], progress=False)
    store = PostgresLexicon(pg_url, "followed")
    retriever = Retriever(index, fw, lexical=store)
    try:
        assert store.sync(index, retriever.tuning) == 0  # already copied by the retriever
        target = sorted(folder.glob("*.txt"))[0]
        target.write_text("เทศบาลตำบลทดลอง\nมาตรการกล่องรับเรื่องร้องเรียนสีม่วงหน้าสำนักงาน", encoding="utf-8")
        ingest(index, fw, None, [folder], progress=False)
        assert store.sync(index, retriever.tuning) == 1  # only the changed source is copied again
        retriever.refresh()
        hits = retriever.search("กล่องรับเรื่องร้องเรียนสีม่วง", k=3)
        assert hits and "สีม่วง" in hits[0].text
        assert len(retriever.records) == index.count()  # the old chunks of that file are gone
    finally:
        store.close()
