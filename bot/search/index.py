"""The persistent Chroma index of everything the bot can cite.

One collection holds the curated knowledge (framework facts, NACC
recommendations, playbook) and the past analyses an agency adds. Every chunk
carries its source, agency, year, kind, the indicators and item codes it
mentions, and its pythainlp tokens, so lexical search needs no re-segmenting.
Ingest is idempotent per source: unchanged content is skipped, changed
content replaces that source's old chunks.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import chromadb
from chromadb.config import Settings as ChromaSettings
from langchain_chroma import Chroma
from langchain_core.embeddings import Embeddings

from bot import wording
from bot.ita.framework import Framework
from bot.search.chunking import Chunk, chunk_document, describe_document
from bot.search.documents import read_document
from bot.thai import clean_display, tokenize

# Bump when tokenisation or the stored metadata change: every source's hash changes with it,
# so the next ingest re-indexes what an older version stored (its tokens would be stale).
INDEX_FORMAT = "tokens-2"


def _hash(content: str) -> str:
    return hashlib.sha256(f"{INDEX_FORMAT}\n{content}".encode()).hexdigest()


class IndexMismatch(Exception):
    """The index on disk was built with another embedding."""


@dataclass
class IngestResult:
    """What ingesting one source did."""

    source: str
    status: str  # added | replaced | unchanged
    chunks: int
    chars: int


@dataclass
class Record:
    """A stored chunk as the lexical retriever sees it."""

    id: str
    text: str
    meta: dict = field(default_factory=dict)


def _flags(indicators: list[int], items: list[str], years: tuple[int, ...] = ()) -> dict[str, bool]:
    # Chroma filters on scalar metadata only, so list membership becomes boolean keys.
    flags = {f"ind_{n}": True for n in indicators}
    flags.update({f"item_{code}": True for code in items})
    flags.update({f"y_{y}": True for y in years})
    return flags


def chunk_metadata(
    chunk: Chunk,
    *,
    source: str,
    source_key: str,
    content_hash: str,
    agency: str,
    year: int | None,
    number: int,
    confidence: str = "",
    pid: str = "",
    years: tuple[int, ...] = (),
) -> dict:
    """Return the Chroma metadata of one chunk (pid: a stable passage id, e.g. "rec-03", "x.txt#4")."""
    return {
        "source": source,
        "pid": pid or f"{source}#{number}",
        "source_key": source_key,
        "content_hash": content_hash,
        "agency": agency,
        "year": year or 0,
        "kind": chunk.kind,
        "indicators": "|" + "|".join(map(str, chunk.indicators)) + "|" if chunk.indicators else "",
        "items": "|" + "|".join(chunk.items) + "|" if chunk.items else "",
        "confidence": confidence,
        "chunk_no": number,
        "tokens": " ".join(tokenize(chunk.text)),
        **_flags(chunk.indicators, chunk.items, (*years, *((year,) if year else ()))),
    }


class KnowledgeIndex:
    """A persistent (or, with path=None, in-memory) Chroma collection of cited passages."""

    def __init__(
        self, path: Path | None, collection: str, embeddings: Embeddings, embedding_key: str
    ) -> None:
        settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
        if path is None:
            self.client = chromadb.EphemeralClient(settings=settings)
        else:
            path.mkdir(parents=True, exist_ok=True)
            self.client = chromadb.PersistentClient(path=str(path), settings=settings)
        self.embedding_key = embedding_key
        existing = {c.name for c in self.client.list_collections()}
        if collection in existing:
            stored = (self.client.get_collection(collection).metadata or {}).get("embedding")
            if stored and stored != embedding_key:
                raise IndexMismatch(wording.INDEX_MISMATCH.format(stored=stored, configured=embedding_key))
        # An explicit embedding function always: Chroma's default would try to download a model.
        self.store = Chroma(
            client=self.client,
            collection_name=collection,
            embedding_function=embeddings,
            collection_metadata={"hnsw:space": "cosine", "embedding": embedding_key},
        )
        self.collection = self.store._collection  # same collection; used for get/delete by metadata

    def count(self) -> int:
        """Return the number of stored chunks."""
        return self.collection.count()

    def _stored_hash(self, source_key: str) -> str | None:
        got = self.collection.get(where={"source_key": source_key}, include=["metadatas"], limit=1)
        metas = got.get("metadatas") or []
        stored = metas[0].get("content_hash") if metas else None
        return stored if isinstance(stored, str) else None

    def _replace(self, source_key: str, stored: str | None, texts: list[str], metas: list[dict]) -> str:
        if stored is not None and metas and stored == metas[0]["content_hash"]:
            return "unchanged"
        if stored is not None:
            self.collection.delete(where={"source_key": source_key})
        if texts:
            ids = [f"{hashlib.sha1(source_key.encode()).hexdigest()[:16]}-{i:05d}" for i in range(len(texts))]
            for start in range(0, len(texts), 256):
                self.store.add_texts(
                    texts[start : start + 256],
                    metadatas=metas[start : start + 256],
                    ids=ids[start : start + 256],
                )
        return "replaced" if stored is not None else "added"

    def ingest_file(self, path: Path, fw: Framework) -> IngestResult:
        """Index one past analysis file; raise documents.UnreadableDocument if it cannot be read."""
        raw = read_document(path)
        text = clean_display(raw)
        content_hash = _hash(text)
        source_key = f"file:{path.resolve()}"
        info = describe_document(text)
        stored = self._stored_hash(source_key)
        if stored == content_hash:
            return IngestResult(path.name, "unchanged", 0, len(text))
        chunks = chunk_document(text, fw)
        metas = [
            chunk_metadata(
                c,
                source=path.name,
                source_key=source_key,
                content_hash=content_hash,
                agency=info.agency,
                year=info.year,
                number=i,
            )
            for i, c in enumerate(chunks)
        ]
        status = self._replace(source_key, stored, [c.text for c in chunks], metas)
        return IngestResult(path.name, status, len(chunks), len(text))

    def ingest_passages(self, source_key: str, passages: list[dict]) -> IngestResult:
        """Index curated knowledge passages ({id, text, source, kind, indicator(s), items, year, confidence})."""
        content_hash = _hash(json.dumps(passages, ensure_ascii=False, sort_keys=True))
        texts, metas = [], []
        for i, p in enumerate(passages):
            indicators = p.get("indicators") or ([p["indicator"]] if p.get("indicator") else [])
            chunk = Chunk(
                text=p["text"],
                kind=p.get("kind", "framework"),
                indicators=sorted(set(indicators)),
                items=list(p.get("items") or []),
            )
            texts.append(p["text"])
            metas.append(
                chunk_metadata(
                    chunk,
                    source=p.get("source", source_key),
                    source_key=source_key,
                    content_hash=content_hash,
                    agency="",
                    year=p.get("year"),
                    number=i,
                    confidence=p.get("confidence") or "",
                    pid=p.get("id") or "",
                    years=tuple(p.get("years") or ()),
                )
            )
        status = self._replace(source_key, self._stored_hash(source_key), texts, metas)
        added = 0 if status == "unchanged" else len(texts)
        return IngestResult(source_key, status, added, sum(len(t) for t in texts))

    def records(self) -> list[Record]:
        """Return every stored chunk with its metadata (for the lexical index)."""
        got = self.collection.get(include=["documents", "metadatas"])
        documents, metadatas = got["documents"] or [], got["metadatas"] or []
        return [Record(i, d, dict(m)) for i, d, m in zip(got["ids"], documents, metadatas, strict=True)]
