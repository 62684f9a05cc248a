"""The single composition root: build the whole bot from Settings.

Every entry point (python -m bot, ingest.py) calls boot(settings) and passes the
App down; nothing below reads settings or the environment. boot() also sets up
logging: timestamps, levels and logger names on stderr, or one JSON object per
line (LOG_JSON), at LOG_LEVEL.
"""

from __future__ import annotations

import json
import logging
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from bot.dialogue.conversation import Dialogue
from bot.dialogue.heavy import HeavyPool, PooledDrafter, PooledExporters
from bot.dialogue.llm_understand import Reader
from bot.dialogue.ports import Drafter as DrafterPort
from bot.dialogue.ports import Exporters as ExportersPort
from bot.dialogue.reminders import ReminderBook
from bot.dialogue.seen_events import SeenEvents
from bot.dialogue.sessions import SessionStore
from bot.dialogue.year_record import YearStore
from bot.drafting.engine import Drafter
from bot.export import Exporters
from bot.ita.framework import Framework, load_framework
from bot.ita.playbook import Playbook, load_playbook
from bot.ita.tiers import Thresholds
from bot.offline import configure_offline
from bot.search.embeddings import build_embeddings, embedding_id
from bot.search.following import FollowingRetriever
from bot.search.index import KnowledgeIndex, remote_client
from bot.search.ingest import PrivateLibrary, knowledge_sources, repair_files
from bot.search.lexical_store import PostgresLexicon
from bot.search.llm_answer import Writer
from bot.search.retrieve import Retriever
from bot.search.terms import Terms, load_terms
from bot.settings import Settings

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel


@dataclass
class Knowledge:
    """What the bot knows: facts, playbook and the searchable index."""

    framework: Framework
    playbook: Playbook
    index: KnowledgeIndex
    lexical: PostgresLexicon | None = None  # LEXICAL_STORE=postgres: BM25 outside the process
    terms: Terms | None = None  # knowledge/officer_terms.yaml: officers' words for the documents' words
    _retriever: Retriever | None = field(default=None, init=False, repr=False)

    @property
    def retriever(self) -> Retriever:
        """Return the hybrid retriever, built on first use (it loads every chunk)."""
        if self._retriever is None:
            self._retriever = FollowingRetriever(
                self.index, self.framework, lexical=self.lexical, terms=self.terms
            )
        return self._retriever

    def refresh(self) -> None:
        """Make a retriever built earlier re-read the changed index (nothing to do before one is built)."""
        if self._retriever is not None:
            self._retriever.refresh()  # it still holds the old chunks


@dataclass
class App:
    """Everything a command or a channel needs, built once by build()."""

    settings: Settings
    knowledge: Knowledge  # the facts, the playbook and the index (ingest.py writes into it)
    drafter: DrafterPort
    sessions: SessionStore  # the store the dialogue saves into, for channels that inspect or close it
    dialogue: Dialogue
    exporters: ExportersPort
    thresholds: Thresholds  # the default tiers from settings, before an agency sets its own
    indexed: bool  # whether this start (re)indexed the built-in knowledge
    writer: Writer | None = None  # the LLM that writes short answers to questions, when one is configured
    # webhook events already answered, in the sessions' database (channels de-duplicate with it)
    seen_events: SeenEvents | None = None
    pool: HeavyPool | None = None  # the processes that draft and render, when heavy_workers > 0
    reminders: ReminderBook | None = None  # reminders before each reporting round, in the sessions' database

    def close(self) -> None:
        """Stop the heavy-work processes, if any (the channels call this on shutdown)."""
        if self.pool is not None:
            self.pool.close()

    @property
    def framework(self) -> Framework:
        """Return the ITA facts."""
        return self.knowledge.framework

    @property
    def playbook(self) -> Playbook:
        """Return the measures playbook and agency types."""
        return self.knowledge.playbook

    @property
    def retriever(self) -> Retriever:
        """Return the hybrid retriever over the index."""
        return self.knowledge.retriever


def build_knowledge(settings: Settings, *, in_memory: bool = False) -> Knowledge:
    """Load the framework and playbook and open the index with the configured embedding."""
    framework = load_framework(settings.knowledge_dir)
    playbook = load_playbook(settings.knowledge_dir)
    embeddings = build_embeddings(
        settings.embedding,
        base_url=settings.embedding_base_url,
        model=settings.embedding_model,
        api_key=settings.embedding_api_key.get_secret_value(),
    )
    remote = None
    if settings.chroma_host and not in_memory:
        remote = remote_client(
            settings.chroma_host,
            settings.chroma_port,
            ssl=settings.chroma_ssl,
            headers=settings.chroma_headers(),
        )
    index = KnowledgeIndex(
        None if in_memory else settings.chroma_dir(),
        settings.collection,
        embeddings,
        embedding_id(settings.embedding, settings.embedding_model),
        client=remote,
    )
    lexical = None
    if settings.lexical_store == "postgres" and not in_memory:
        lexical = PostgresLexicon(settings.lexical_url(), settings.collection)
    return Knowledge(framework, playbook, index, lexical, load_terms(settings.knowledge_dir))


def ensure_index(kb: Knowledge) -> bool:
    """Index the built-in knowledge if it is missing or changed; return True if it did.

    The curated knowledge is re-read on every start and compared by content hash, so an
    updated checkout (new playbook wording, corrected facts) reaches the index without a
    manual `ingest.py`; unchanged sources cost one hash each. Files the user ingested stay.
    """
    changed = False
    for key, passages in knowledge_sources(kb.framework, kb.playbook).items():
        changed |= kb.index.ingest_passages(key, passages).status != "unchanged"
    changed |= bool(repair_files(kb.index, kb.framework)[0])  # files a killed ingest left incomplete
    if changed:
        kb.refresh()
    return changed


def _chat_model(settings: Settings) -> BaseChatModel | None:
    """Return the configured OpenAI-compatible chat model, or None when no LLM is configured."""
    if not (settings.llm_model and settings.llm_base_url):
        return None
    # Optional and heavy (openai, langchain_openai): imported only when an LLM is configured.
    from bot.llm import build_chat_model  # noqa: PLC0415

    return build_chat_model(
        settings.llm_base_url,
        settings.llm_model,
        settings.llm_api_key.get_secret_value(),
        settings.llm_timeout,
    )


def build_drafter(settings: Settings, kb: Knowledge) -> Drafter:
    """Return the drafting engine: the offline default, refined by an LLM when one is configured."""
    refiner = None
    chat = _chat_model(settings)
    if chat is not None:
        from bot.drafting.llm import LLMRefiner  # noqa: PLC0415

        refiner = LLMRefiner(
            chat,
            prompts_dir=settings.prompts_dir,
            timeout=settings.llm_timeout,
            budget=settings.llm_total_budget(),  # a slow endpoint delays a draft by this much at most
        )
    return Drafter(kb.framework, kb.playbook, kb.retriever, refiner=refiner)


def heavy_engine(settings: Settings) -> dict[str, Any]:
    """Build what a heavy-work process runs (bot.workers): its own drafter and exporters."""
    configure_offline(settings.data_dir)
    kb = build_knowledge(settings)
    return {
        "drafter": build_drafter(settings, kb),
        "exporters": Exporters(kb.framework, kb.playbook.agency_types),
    }


def build_reader(settings: Settings, framework: Framework) -> Reader | None:
    """Return the LLM reader of messages the rules could not read, when an LLM is configured."""
    chat = _chat_model(settings)
    if chat is None:
        return None
    from bot.dialogue.llm_understand import LLMReader  # noqa: PLC0415

    return LLMReader(chat, framework, prompts_dir=settings.prompts_dir)


def build_writer(settings: Settings) -> Writer | None:
    """Return the LLM writer of short answers (checked against their passages), when an LLM is configured."""
    chat = _chat_model(settings)
    if chat is None:
        return None
    from bot.search.llm_answer import GroundedWriter  # noqa: PLC0415

    return GroundedWriter(chat, settings.prompts_dir)


def default_thresholds(settings: Settings) -> Thresholds:
    """Return the tier thresholds an agency starts with."""
    return Thresholds(settings.tier_urgent_below, settings.tier_maintain_from)


def build(settings: Settings, *, ensure: bool = True, in_memory_index: bool = False) -> App:
    """Build the whole application from settings; `ensure` first (re)indexes the built-in knowledge."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    kb = build_knowledge(settings, in_memory=in_memory_index)
    indexed = ensure_index(kb) if ensure else False
    engine = build_drafter(settings, kb)
    sessions = SessionStore(settings.sessions_url())
    seen_events = SeenEvents(sessions.engine)  # same database: redeliveries are known after a restart
    reminders = ReminderBook(sessions.engine, lead_days=settings.reminder_lead_days)
    renderers = Exporters(kb.framework, kb.playbook.agency_types)
    drafter: DrafterPort = engine
    exporters: ExportersPort = renderers
    pool = None
    if settings.heavy_workers > 0 and not in_memory_index:  # workers read the same index
        pool = HeavyPool(settings, settings.heavy_workers, heavy_engine)
        drafter, exporters = PooledDrafter(pool, engine), PooledExporters(pool, renderers)
    thresholds = default_thresholds(settings)
    writer = build_writer(settings)
    dialogue = Dialogue(
        framework=kb.framework,
        playbook=kb.playbook,
        retriever=kb.retriever,
        drafter=drafter,
        sessions=sessions,
        exports=exporters,
        thresholds=thresholds,
        reader=build_reader(settings, kb.framework),
        writer=writer,
        library=PrivateLibrary(kb.index, kb.framework, kb.refresh),  # documents sent in chat, per agency
        reminders=reminders,
        years=YearStore(sessions.engine),  # each agency's scores, plans and progress by year, same database
    )
    return App(
        settings=settings,
        knowledge=kb,
        drafter=drafter,
        sessions=sessions,
        dialogue=dialogue,
        exporters=exporters,
        thresholds=thresholds,
        indexed=indexed,
        writer=writer,
        seen_events=seen_events,
        pool=pool,
        reminders=reminders,
    )


def boot(settings: Settings, *, ensure: bool = True, in_memory_index: bool = False) -> App:
    """Start the bot as every entry point does: offline mode for the libraries, then build().

    The libraries read their offline settings when first used (matplotlib, which reads
    its own when imported, is imported on the first chart), so setting them here, after
    this module's imports, still comes first.
    """
    configure_logging(settings)
    configure_offline(settings.data_dir)
    return build(settings, ensure=ensure, in_memory_index=in_memory_index)


# ---------------------------------------------------------------------- logging
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# Loggers that would write secrets or bodies at INFO: httpx logs request URLs (the Bot API URL holds
# the token), uvicorn's access log holds download tokens.
QUIET = ("httpx", "httpcore", "uvicorn.access", "urllib3")


class _Stderr(logging.StreamHandler):
    """A stream handler that writes to whatever sys.stderr is now (test runners swap it)."""

    @property
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, _value: Any) -> None:
        return


class JsonLines(logging.Formatter):
    """One JSON object per record: time (UTC, ISO 8601), level, logger, message, exception type."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info and record.exc_info[0] is not None:
            entry["exception"] = record.exc_info[0].__name__
            entry["traceback"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def configure_logging(settings: Settings) -> logging.Handler:
    """Send every logger's records to stderr with time, level and name (or as JSON lines); idempotent.

    Our code logs kinds, counts and exception types, never message bodies or
    tokens; the libraries that would (QUIET) are held at WARNING.
    """
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, _Stderr)]:
        root.removeHandler(old)
    handler = _Stderr()
    handler.setFormatter(JsonLines() if settings.log_json else logging.Formatter(LOG_FORMAT))
    root.addHandler(handler)
    root.setLevel(settings.log_level.upper())
    for name in QUIET:
        logging.getLogger(name).setLevel(logging.WARNING)
    return handler
