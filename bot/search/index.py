"""The persistent Chroma index of everything the bot can cite.

One collection holds the curated knowledge (framework facts, NACC
recommendations, playbook) and the past analyses an agency adds. Every chunk
carries its source, agency, year, kind, the indicators and item codes it
mentions, and its pythainlp tokens, so lexical search needs no re-segmenting.
Ingest is idempotent per source: unchanged content is skipped, changed
content replaces that source's old chunks. It is also all-or-nothing per
source: a second collection (`<name>-sources`) records a source as complete
only after its last chunk is written, so a source cut short (Ctrl-C, kill -9)
is found incomplete and written again by the next ingest or start-up.
Identical chunks of one source are stored once.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import chromadb
from chromadb.api import ClientAPI
from chromadb.config import Settings as ChromaSettings
from langchain_chroma import Chroma
from langchain_core.embeddings import Embeddings

from bot import wording
from bot.ita.framework import Framework
from bot.search.chunking import Chunk, chunk_document, describe_document
from bot.search.documents import DEFAULT_LIMITS, Limits, UnreadableDocument, read_document
from bot.thai import clean_display, tokenize

# Bump when tokenisation or the stored metadata change: every source's hash changes with it,
# so the next ingest re-indexes what an older version stored (its tokens would be stale).
INDEX_FORMAT = "tokens-3"
SOURCES_SUFFIX = "-sources"  # the collection of completed sources: id = source key
BATCH = 256  # chunks written per call to Chroma


def _hash(content: str) -> str:
    return hashlib.sha256(f"{INDEX_FORMAT}\n{content}".encode()).hexdigest()


class IndexMismatch(Exception):
    """The index on disk was built with another embedding."""


class IndexUnavailable(Exception):
    """The configured Chroma server does not answer."""


@dataclass
class IngestResult:
    """What ingesting one source did."""

    source: str
    status: str  # added | replaced | repaired (was left incomplete) | unchanged
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
    scope: str = "",
) -> dict:
    """Return the Chroma metadata of one chunk (pid: a stable passage id, e.g. "rec-03", "x.txt#4").

    scope: "" for what every officer may read; an agency's private scope (bot.agency.scope) for a
    document that agency sent in chat, retrieved only for a search given that same scope.
    """
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
        "scope": scope,
        **_flags(chunk.indicators, chunk.items, (*years, *((year,) if year else ()))),
    }


def _distinct(chunks: list[Chunk]) -> list[Chunk]:
    """Keep the first of chunks whose text is the same once spaces are evened out."""
    seen: set[str] = set()
    kept = []
    for chunk in chunks:
        key = " ".join(chunk.text.split())
        if key not in seen:
            seen.add(key)
            kept.append(chunk)
    return kept


def remote_client(
    host: str, port: int, *, ssl: bool = False, headers: dict[str, str] | None = None
) -> ClientAPI:
    """Return a client of a Chroma server (`chroma run`), for several bot instances on one index.

    Raises IndexUnavailable, naming the address, when the server does not answer at start.
    """
    try:
        return chromadb.HttpClient(
            host=host,
            port=port,
            ssl=ssl,
            headers=headers or {},
            settings=ChromaSettings(anonymized_telemetry=False, allow_reset=False),
        )
    except ValueError as exc:  # chromadb's "Could not connect to a Chroma server"
        scheme = "https" if ssl else "http"
        raise IndexUnavailable(wording.CHROMA_UNREACHABLE.format(url=f"{scheme}://{host}:{port}")) from exc


class KnowledgeIndex:
    """A persistent (or, with path=None, in-memory) Chroma collection of cited passages."""

    def __init__(
        self,
        path: Path | None,
        collection: str,
        embeddings: Embeddings,
        embedding_key: str,
        *,
        client: ClientAPI | None = None,
    ) -> None:
        settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
        if client is not None:  # a Chroma server (remote_client), shared by every bot instance
            self.client = client
        elif path is None:
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
        # One record per completed source (no document, a placeholder vector): written last.
        self.sources = self.client.get_or_create_collection(
            f"{collection}{SOURCES_SUFFIX}", embedding_function=None, metadata={"role": "completed sources"}
        )

    def count(self) -> int:
        """Return the number of stored chunks."""
        return self.collection.count()

    def _completed(self, source_key: str) -> tuple[str, int] | None:
        """Return (content hash, chunk count) of the source's last complete ingest, if any."""
        metas = self.sources.get(ids=[source_key], include=["metadatas"]).get("metadatas") or []
        if not metas:
            return None
        chunks = metas[0].get("chunks")
        return str(metas[0].get("content_hash", "")), chunks if isinstance(chunks, int) else -1

    def _present(self, source_key: str) -> int:
        return len(self.collection.get(where={"source_key": source_key}, include=[])["ids"])

    def _is_current(self, source_key: str, content_hash: str) -> bool:
        done = self._completed(source_key)
        return done is not None and done[0] == content_hash and done[1] == self._present(source_key)

    def _replace(
        self,
        source_key: str,
        content_hash: str,
        texts: list[str],
        metas: list[dict],
        on_batch: Callable[[int], None] | None = None,
    ) -> str:
        """Write a source's chunks all or nothing; on_batch(written) is called after each batch."""
        done = self._completed(source_key)
        present = self._present(source_key)
        if done is not None and done == (content_hash, present):
            return "unchanged"
        status = "replaced" if done is not None else ("repaired" if present else "added")
        self.sources.delete(ids=[source_key])  # incomplete from here until the last chunk is written
        if present:
            self.collection.delete(where={"source_key": source_key})
        prefix = hashlib.sha1(source_key.encode()).hexdigest()[:16]
        ids = [f"{prefix}-{i:05d}" for i in range(len(texts))]
        for start in range(0, len(texts), BATCH):
            self.store.add_texts(
                texts[start : start + BATCH],
                metadatas=metas[start : start + BATCH],
                ids=ids[start : start + BATCH],
            )
            if on_batch is not None:
                on_batch(min(start + BATCH, len(texts)))
        self.sources.upsert(
            ids=[source_key],
            embeddings=[[0.0]],  # type: ignore[arg-type]  # a plain list is accepted at run time
            metadatas=[{"content_hash": content_hash, "chunks": len(texts)}],
        )
        return status

    def incomplete_files(self) -> list[Path]:
        """Return the files whose last ingest stopped before its end (for the next run to repeat)."""
        keys = {
            str(m.get("source_key", ""))
            for m in self.collection.get(include=["metadatas"])["metadatas"] or []
        }
        completed = set(self.sources.get(ids=sorted(keys), include=[])["ids"]) if keys else set()
        return [Path(k.removeprefix("file:")) for k in sorted(keys - completed) if k.startswith("file:")]

    def ingest_file(
        self,
        path: Path,
        fw: Framework,
        limits: Limits = DEFAULT_LIMITS,
        on_batch: Callable[[int], None] | None = None,
    ) -> IngestResult:
        """Index one past analysis file; raise documents.UnreadableDocument if it cannot be read."""
        raw = read_document(path, limits)
        return self.ingest_text(raw, path.name, f"file:{path.resolve()}", fw, limits, on_batch)

    def ingest_text(
        self,
        raw: str,
        name: str,
        source_key: str,
        fw: Framework,
        limits: Limits = DEFAULT_LIMITS,
        on_batch: Callable[[int], None] | None = None,
        *,
        scope: str = "",
    ) -> IngestResult:
        """Index a document's text as source `source_key` (shown as `name`), in `scope` ("" = everyone's)."""
        text = clean_display(raw)
        content_hash = _hash(f"{scope}\n{text}" if scope else text)
        info = describe_document(text)
        if self._is_current(source_key, content_hash):
            return IngestResult(name, "unchanged", 0, len(text))
        chunks = _distinct(chunk_document(text, fw))
        if len(chunks) > limits.chunks:
            raise UnreadableDocument(
                wording.DOC_TOO_MANY_CHUNKS.format(name=name, chunks=len(chunks), limit=limits.chunks)
            )
        metas = [
            chunk_metadata(
                c,
                source=name,
                source_key=source_key,
                content_hash=content_hash,
                agency=info.agency,
                year=info.year,
                number=i,
                scope=scope,
            )
            for i, c in enumerate(chunks)
        ]
        status = self._replace(source_key, content_hash, [c.text for c in chunks], metas, on_batch)
        return IngestResult(name, status, len(chunks), len(text))

    def ingest_passages(
        self, source_key: str, passages: list[dict], on_batch: Callable[[int], None] | None = None
    ) -> IngestResult:
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
        status = self._replace(source_key, content_hash, texts, metas, on_batch)
        added = 0 if status == "unchanged" else len(texts)
        return IngestResult(source_key, status, added, sum(len(t) for t in texts))

    def fingerprint(self) -> str:
        """Return a digest of what is indexed: it changes whenever any process completes an ingest.

        One record per completed source (its content hash and chunk count) plus the chunk count, so
        a Retriever in another process or instance can tell cheaply that it must reload.
        """
        got = self.sources.get(include=["metadatas"])
        marks = sorted(
            f"{i}:{(m or {}).get('content_hash', '')}:{(m or {}).get('chunks', '')}"
            for i, m in zip(got["ids"], got["metadatas"] or [], strict=True)
        )
        digest = hashlib.sha256("\n".join(marks).encode("utf-8"))
        digest.update(str(self.collection.count()).encode())
        return digest.hexdigest()

    def records(self) -> list[Record]:
        """Return every stored chunk with its metadata (for the lexical index)."""
        got = self.collection.get(include=["documents", "metadatas"])
        documents, metadatas = got["documents"] or [], got["metadatas"] or []
        return [Record(i, d, dict(m)) for i, d, m in zip(got["ids"], documents, metadatas, strict=True)]
