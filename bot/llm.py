"""Adapters for an OpenAI-compatible endpoint: chat model and embeddings.

Both point at any /v1 server (vLLM, Ollama, llama.cpp, a hosted API). Nothing
here retries: the caller falls back to the offline engine instead, so a dead
endpoint costs one timeout, not several. Failures are classified here because
only this module knows the openai client's exception types.
"""

from __future__ import annotations

import openai
from langchain_core.embeddings import Embeddings
from langchain_core.language_models import BaseChatModel
from langchain_openai import ChatOpenAI, OpenAIEmbeddings
from pydantic import SecretStr

# Local servers ignore the key, but the openai client refuses an empty one.
_PLACEHOLDER_KEY = "not-needed"


def build_chat_model(
    base_url: str, model: str, api_key: str = "", timeout: float = 60.0, *, json_mode: bool = True
) -> BaseChatModel:
    """Return a deterministic chat model on an OpenAI-compatible endpoint, with no retries."""
    extra = {"response_format": {"type": "json_object"}} if json_mode else {}
    return ChatOpenAI(
        base_url=base_url,
        model=model,
        api_key=api_key or _PLACEHOLDER_KEY,
        timeout=timeout,
        max_retries=0,
        temperature=0,
        model_kwargs=extra,
    )


def build_embeddings(base_url: str, model: str, api_key: str = "", *, timeout: float = 60.0) -> Embeddings:
    """Return embeddings from an OpenAI-compatible /v1/embeddings endpoint (strings sent, no tiktoken)."""
    # check_embedding_ctx_length=False sends raw strings: tiktoken would otherwise
    # download an encoding, and non-OpenAI models do not use it anyway.
    # Field names, not their aliases (base_url, api_key, timeout): the model accepts both,
    # and only the names are in its typed signature.
    return OpenAIEmbeddings(
        openai_api_base=base_url,
        model=model,
        openai_api_key=SecretStr(api_key or _PLACEHOLDER_KEY),
        request_timeout=timeout,
        max_retries=0,
        check_embedding_ctx_length=False,
        tiktoken_enabled=False,
    )


def model_name(chat_model: BaseChatModel) -> str:
    """Return the model name a chat model talks to, for labels like llm:<model>."""
    for attr in ("model_name", "model"):
        value = getattr(chat_model, attr, None)
        if isinstance(value, str) and value:
            return value
    return type(chat_model).__name__


def classify_failure(exc: BaseException) -> tuple[str, int | None]:
    """Return (kind, http status) for an error raised while calling the endpoint.

    kind is one of: timeout, connection, status, other. timeout, connection and
    status mean the endpoint itself is unusable, so callers should stop calling it.
    """
    if isinstance(exc, (openai.APITimeoutError, TimeoutError)):
        return "timeout", None
    if isinstance(exc, openai.APIConnectionError):
        return "connection", None
    if isinstance(exc, openai.APIStatusError):
        return "status", exc.status_code
    return "other", None
