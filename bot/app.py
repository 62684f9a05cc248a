"""The single composition root: build every adapter and service from Settings.

Entry points (python -m bot, ingest.py, the webhook server) call these and
pass the results down; nothing below reads settings or the environment.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.export import Exporters
from bot.ita.framework import Framework, load_framework
from bot.search.index import KnowledgeIndex
from bot.settings import Settings


@dataclass
class Knowledge:
    """What the bot knows: facts, playbook and the searchable index."""

    framework: Framework
    playbook: object
    index: KnowledgeIndex
    _retriever: object = None

    @property
    def retriever(self):
        """Return the hybrid retriever, built on first use (it loads every chunk)."""
        if self._retriever is None:
            from bot.search.retrieve import Retriever

            self._retriever = Retriever(self.index, self.framework)
        return self._retriever


@dataclass
class Services:
    """Everything a channel needs, built once."""

    settings: Settings
    framework: Framework
    playbook: object
    retriever: object
    drafter: object
    sessions: object
    dialogue: object


def build_knowledge(settings: Settings, *, in_memory: bool = False) -> Knowledge:
    """Load the framework and playbook and open the index with the configured embedding."""
    from bot.ita.playbook import load_playbook
    from bot.search.embeddings import build_embeddings, embedding_id

    framework = load_framework(settings.knowledge_dir)
    playbook = load_playbook(settings.knowledge_dir)
    embeddings = build_embeddings(
        settings.embedding,
        base_url=settings.embedding_base_url,
        model=settings.embedding_model,
        api_key=settings.embedding_api_key.get_secret_value(),
    )
    index = KnowledgeIndex(
        None if in_memory else settings.chroma_dir(),
        settings.collection,
        embeddings,
        embedding_id(settings.embedding, settings.embedding_model),
    )
    return Knowledge(framework, playbook, index)


def ensure_index(kb: Knowledge, *, progress: bool = False) -> bool:
    """Index the built-in knowledge if it is missing or changed; return True if it did.

    The curated knowledge is re-read on every start and compared by content hash, so an
    updated checkout (new playbook wording, corrected facts) reaches the index without a
    manual `ingest.py`; unchanged sources cost one hash each. Files the user ingested stay.
    """
    from bot.search.ingest import knowledge_sources

    changed = False
    for key, passages in knowledge_sources(kb.framework, kb.playbook).items():
        changed |= kb.index.ingest_passages(key, passages).status != "unchanged"
    if changed and kb._retriever is not None:
        kb.retriever.refresh()  # a retriever built earlier still holds the old chunks
    return changed


def build_drafter(settings: Settings, kb: Knowledge):
    """Return the drafting engine: the offline default, refined by an LLM when one is configured."""
    from bot.drafting.engine import Drafter

    refiner = None
    if settings.llm_model and settings.llm_base_url:
        from bot.drafting.llm import LLMRefiner
        from bot.llm import build_chat_model

        chat = build_chat_model(
            settings.llm_base_url,
            settings.llm_model,
            settings.llm_api_key.get_secret_value(),
            settings.llm_timeout,
        )
        refiner = LLMRefiner(chat, prompts_dir=settings.prompts_dir, timeout=settings.llm_timeout)
    return Drafter(kb.framework, kb.playbook, kb.retriever, refiner=refiner)


def build_services(settings: Settings, *, ensure: bool = True, in_memory_index: bool = False) -> Services:
    """Build the whole application from settings."""
    from bot.dialogue.conversation import Dialogue
    from bot.dialogue.sessions import SessionStore
    from bot.ita.tiers import Thresholds

    settings.data_dir.mkdir(parents=True, exist_ok=True)
    kb = build_knowledge(settings, in_memory=in_memory_index)
    if ensure:
        ensure_index(kb)
    drafter = build_drafter(settings, kb)
    sessions = SessionStore(settings.sessions_url())
    dialogue = Dialogue(
        framework=kb.framework,
        playbook=kb.playbook,
        retriever=kb.retriever,
        drafter=drafter,
        sessions=sessions,
        exports=Exporters(kb.framework),
        thresholds=Thresholds(settings.tier_urgent_below, settings.tier_maintain_from),
    )
    return Services(settings, kb.framework, kb.playbook, kb.retriever, drafter, sessions, dialogue)


def exports_dir(settings: Settings) -> Path:
    """Return the folder where exported documents are written."""
    path = settings.data_dir / "exports"
    path.mkdir(parents=True, exist_ok=True)
    return path
