"""Start-up indexing: built-in knowledge is indexed when missing and refreshed when it changed."""

from __future__ import annotations

from bot.app import ensure_index
from bot.search.ingest import knowledge_sources
from tests.kb_helpers import make_kb


def test_first_start_indexes_then_later_starts_do_nothing(tmp_path):
    kb = make_kb(tmp_path)
    assert ensure_index(kb) is True
    count = kb.index.count()
    assert count > 0
    assert ensure_index(make_kb(tmp_path)) is False  # a restart over the same data dir
    assert make_kb(tmp_path).index.count() == count


def test_changed_built_in_knowledge_replaces_the_stale_passages(tmp_path):
    kb = make_kb(tmp_path)
    ensure_index(kb)
    current = knowledge_sources(kb.framework, kb.playbook)["knowledge:playbook"]
    # An index built by an older checkout: the same source with older wording.
    stale = [dict(p, text=p["text"] + " ถ้อยคำฉบับเก่าที่เลิกใช้แล้ว") for p in current]
    kb.index.ingest_passages("knowledge:playbook", stale)
    before = kb.retriever.search("ถ้อยคำฉบับเก่าที่เลิกใช้แล้ว", k=3)
    assert any("ถ้อยคำฉบับเก่า" in p.text for p in before)

    assert ensure_index(kb) is True
    texts = [r.text for r in kb.index.records()]
    assert not any("ถ้อยคำฉบับเก่า" in t for t in texts)
    assert sum(t in texts for t in (p["text"] for p in current)) == len(current)
    after = kb.retriever.search("ถ้อยคำฉบับเก่าที่เลิกใช้แล้ว", k=3)  # the same retriever, refreshed
    assert not any("ถ้อยคำฉบับเก่า" in p.text for p in after)
