"""The FakeOpenAI server itself, and the embeddings/chat adapters against it."""

from __future__ import annotations

import json

import httpx
import pytest

from bot.llm import build_chat_model, build_embeddings, classify_failure, model_name
from bot.search.embeddings import build_embeddings as build_configured_embeddings
from tests.fakes.openai_server import FakeOpenAI


@pytest.fixture
def fake():
    with FakeOpenAI(embedding_dim=8, models=("emb-th", "chat-th")) as server:
        yield server


def test_base_url_is_loopback_and_models_are_listed(fake):
    assert fake.base_url.startswith("http://127.0.0.1:") and fake.base_url.endswith("/v1")
    reply = httpx.get(f"{fake.base_url}/models")
    assert reply.status_code == 200
    assert [m["id"] for m in reply.json()["data"]] == ["emb-th", "chat-th"]
    assert fake.requests[-1]["path"] == "/v1/models"


def test_scripted_replies_come_out_in_order_and_requests_are_recorded(fake):
    fake.enqueue_json({"ตอบ": "หนึ่ง"})
    fake.enqueue_text("not json")
    fake.enqueue_status(503)
    url = f"{fake.base_url}/chat/completions"
    body = {"model": "chat-th", "messages": [{"role": "user", "content": "สวัสดี"}]}

    first = httpx.post(url, json=body)
    second = httpx.post(url, json=body)
    third = httpx.post(url, json=body)
    unscripted = httpx.post(url, json=body)

    assert json.loads(first.json()["choices"][0]["message"]["content"]) == {"ตอบ": "หนึ่ง"}
    assert first.json()["model"] == "chat-th"
    assert second.json()["choices"][0]["message"]["content"] == "not json"
    assert third.status_code == 503 and "error" in third.json()
    assert unscripted.status_code == 500 and "no reply enqueued" in unscripted.json()["error"]["message"]
    assert len(fake.chat_requests()) == 4
    assert fake.requests[0]["json"]["messages"][0]["content"] == "สวัสดี"
    assert fake.pending() == 0


def test_chat_model_reads_the_scripted_answer(fake):
    fake.enqueue_text("คำตอบ")
    chat = build_chat_model(fake.base_url, "chat-th", "", 5)
    assert chat.invoke([("user", "ถาม")]).content == "คำตอบ"
    sent = fake.chat_requests()[0]
    assert sent["json"]["model"] == "chat-th" and sent["json"]["temperature"] == 0
    assert sent["headers"]["authorization"] == "Bearer not-needed"  # placeholder key for local servers
    assert model_name(chat) == "chat-th"


def test_chat_model_does_not_retry_an_http_error(fake):
    fake.enqueue_status(500)
    fake.enqueue_text("would succeed on a retry")
    chat = build_chat_model(fake.base_url, "chat-th", "k", 5)
    with pytest.raises(Exception) as caught:
        chat.invoke([("user", "ถาม")])
    assert classify_failure(caught.value) == ("status", 500)
    assert len(fake.chat_requests()) == 1


def test_json_mode_can_be_turned_off_for_servers_without_it(fake):
    fake.enqueue_text("ok")
    build_chat_model(fake.base_url, "chat-th", "", 5, json_mode=False).invoke([("user", "ถาม")])
    assert "response_format" not in fake.chat_requests()[0]["json"]


def test_embeddings_send_strings_and_return_the_served_vectors(fake):
    texts = ["การเปิดเผยข้อมูลสาธารณะ", "คู่มือการปฏิบัติงาน O13"]
    emb = build_embeddings(fake.base_url, "emb-th", "emb-key")

    docs = emb.embed_documents(texts)
    query = emb.embed_query("ถามเรื่อง ITA")

    assert [len(v) for v in docs] == [8, 8] and len(query) == 8
    for got, text in zip(docs, texts, strict=False):
        assert got == pytest.approx(fake.vector(text), abs=1e-6)
    assert query == pytest.approx(fake.vector("ถามเรื่อง ITA"), abs=1e-6)
    sent = [r for r in fake.requests if r["path"] == "/v1/embeddings"]
    # strings, not token ids: no tiktoken encoding was needed (or downloaded)
    assert sent[0]["json"]["input"] == texts and sent[0]["json"]["model"] == "emb-th"
    assert sent[0]["headers"]["authorization"] == "Bearer emb-key"


def test_float_encoding_is_served_too(fake):
    reply = httpx.post(
        f"{fake.base_url}/embeddings", json={"model": "e", "input": "ก", "encoding_format": "float"}
    )
    assert reply.json()["data"][0]["embedding"] == pytest.approx(fake.vector("ก"))


def test_embedding_setting_openai_uses_the_endpoint(fake):
    emb = build_configured_embeddings("openai", base_url=fake.base_url, model="emb-th", api_key="")
    assert emb.embed_query("ตัวชี้วัด") == pytest.approx(fake.vector("ตัวชี้วัด"), abs=1e-6)
