"""What the dialogue needs from the rest of the bot, as Protocols (built and injected by bot.app).

Each protocol names only what the conversation calls, so a test can hand in a
small stand-in and bot.app can hand in the real engine; neither side imports
the other's concrete classes.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Protocol

# Passages for a question: the search room states it, since answering (search.answers) needs it too.
from bot.search.retrieve import Searcher as Retriever

__all__ = ["Drafter", "Exporters", "Library", "Playbook", "Retriever", "Sessions"]

if TYPE_CHECKING:
    from bot.dialogue.sessions import Session
    from bot.drafting.engine import DraftRequest
    from bot.ita.measures import Draft
    from bot.ita.playbook import AgencyType
    from bot.ita.progress import RowProgress


class Playbook(Protocol):
    """The agency types the profile steps offer and recognise."""

    @property
    def agency_types(self) -> Mapping[str, AgencyType]: ...

    def match_agency_type(self, text: str) -> AgencyType | None: ...


class Drafter(Protocol):
    """The drafting engine: a whole draft, or one indicator's rows again."""

    def draft(self, request: DraftRequest) -> Draft: ...

    def redraft_indicator(self, draft: Draft, request: DraftRequest, indicator: int) -> Draft: ...


class Exporters(Protocol):
    """Draft -> document bytes (bot.export.Exporters is the real one)."""

    def render_docx(
        self, draft: Draft, chart_png: bytes | None = None, layout: str | None = None, *, review: bool = False
    ) -> bytes: ...

    def review_notes(self, draft: Draft) -> list[str]: ...

    def render_xlsx(self, draft: Draft) -> bytes: ...

    def render_chart(self, draft: Draft) -> bytes: ...

    def render_report_docx(
        self, draft: Draft, round_months: int, progress: Mapping[int, RowProgress] | None = None
    ) -> bytes: ...

    def render_report_xlsx(
        self, draft: Draft, round_months: int, progress: Mapping[int, RowProgress] | None = None
    ) -> bytes: ...

    def layout_for(self, text: str) -> str | None: ...

    def layout_options(self) -> list[tuple[str, str, str]]: ...


class Sessions(Protocol):
    """Per-user conversation storage: load, yield, save on success."""

    def open(self, key: str) -> AbstractContextManager[Session]: ...


class Library(Protocol):
    """An agency's own documents sent in chat (bot.search.ingest.PrivateLibrary is the real one)."""

    def keep(self, scope: str, source_key: str, name: str, text: str) -> str: ...
