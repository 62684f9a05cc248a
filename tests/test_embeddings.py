"""The embedding adapters: offline default, and an OpenAI-compatible endpoint at its HTTP boundary."""

import math

import pytest

from bot.ita.framework import load_framework
from bot.search.embeddings import HashingEmbeddings, build_embeddings, embedding_id
from bot.search.index import KnowledgeIndex
from bot.search.retrieve import Retriever
from tests.conftest import KNOWLEDGE_DIR
from tests.fakes.openai_server import FakeOpenAI


def _cos(a, b):
    return sum(x * y for x, y in zip(a, b, strict=False))


def test_hashing_embedding_is_deterministic_unit_length_and_lexical():
    emb = HashingEmbeddings()
    a = emb.embed_query("มาตรการเปิดเผยข้อมูลบนเว็บไซต์")
    assert a == emb.embed_query("มาตรการเปิดเผยข้อมูลบนเว็บไซต์")
    assert math.isclose(sum(x * x for x in a), 1.0, rel_tol=1e-9)
    near = emb.embed_query("การเปิดเผยข้อมูลสาธารณะบนเว็บไซต์หน่วยงาน")
    far = emb.embed_query("การใช้ทรัพย์สินของราชการโดยขออนุญาต")
    assert _cos(a, near) > _cos(a, far)


def test_thai_digit_variants_embed_identically():
    emb = HashingEmbeddings()
    assert emb.embed_query("ตัวชี้วัดที่ ๙ ได้ ๘๓.๕๐") == emb.embed_query("ตัวชี้วัดที่ 9 ได้ 83.50")


def test_unknown_embedding_setting_is_explained():
    with pytest.raises(ValueError, match="hashing"):
        build_embeddings("magic")
    with pytest.raises(ValueError, match="EMBEDDING_BASE_URL"):
        build_embeddings("openai")


def test_openai_compatible_embeddings_drive_the_vector_side(tmp_path):
    fw = load_framework(KNOWLEDGE_DIR)
    with FakeOpenAI(embedding_dim=32) as fake:
        emb = build_embeddings("openai", base_url=fake.base_url, model="bge-m3-fake", api_key="k")
        index = KnowledgeIndex(tmp_path / "c", "ita_openai", emb, embedding_id("openai", "bge-m3-fake"))
        index.ingest_passages(
            "knowledge:test",
            [
                {
                    "text": "มาตรการเปิดเผยข้อมูล O13 รายงานผลการจัดซื้อจัดจ้าง",
                    "kind": "playbook",
                    "indicator": 9,
                    "items": ["O13"],
                },
                {"text": "มาตรการการใช้ทรัพย์สินของราชการ", "kind": "playbook", "indicator": 4},
            ],
        )
        hits = Retriever(index, fw).search("O13 การจัดซื้อจัดจ้าง", k=2)
        embed_calls = [r for r in fake.requests if r["path"].endswith("/embeddings")]
    assert hits[0].items == ("O13",)
    assert embed_calls, "the embeddings endpoint was never called"
    assert embed_calls[0]["json"]["model"] == "bge-m3-fake"
    assert any("O13" in str(r["json"]["input"]) for r in embed_calls)
