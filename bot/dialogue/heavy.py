"""The dialogue's heavy steps on every core: drafting and rendering in worker processes (issue 15).

A dialogue turn runs in a thread; drafting a plan or rendering a Word file is pure Python and holds
the interpreter lock for a second or more, so in one process every other officer's light reply (help,
a profile answer, a score confirmation) waits behind it. `HeavyPool` runs those calls in worker
processes instead: each worker builds its own drafter and exporters from the same Settings when it
starts (bot.app.heavy_engine; the index is read from the same folder or Chroma server), and the dialogue thread only waits
for the result. `PooledDrafter` and `PooledExporters` keep the dialogue's ports (bot.dialogue.ports),
so the dialogue does not know whether the pool is there.

Workers are started with "spawn", so no lock or connection of the parent is inherited. A worker that
dies (a crash, the OOM killer) breaks the pool; the call is then made once more in the calling
thread, so the officer still gets the draft, and the pool is started again for the next call.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from bot.dialogue.ports import Drafter, Exporters
    from bot.drafting.engine import DraftRequest
    from bot.ita.measures import Draft
    from bot.ita.progress import RowProgress
    from bot.settings import Settings

log = logging.getLogger(__name__)
T = TypeVar("T")
READY_PAUSE = 0.05  # seconds a warm-up call holds its worker
PARENT_CHECK_S = 1.0  # how often a worker checks that the bot's process is still there

# ------------------------------------------------------------------ inside a worker process
_engine: dict[str, Any] = {}


def _start_worker(engine: Callable[[Settings], dict[str, Any]], settings: Settings) -> None:
    """Build this worker's drafter and exporters once (the pool's initializer; bot.app.heavy_engine).

    The worker runs at a lower priority (settings.heavy_nice, 10 unless set): when a core is
    contended, the dialogue process's light replies get it first, and the drafts take every cycle
    left over.
    """
    if hasattr(os, "nice") and settings.heavy_nice:
        os.nice(settings.heavy_nice)
    _leave_with(os.getppid())
    _engine.update(engine(settings))


def _leave_with(parent: int) -> None:
    """Exit this worker once the bot's process is gone.

    A pool's workers learn of a normal stop from the pool, but not of a bot killed (SIGKILL, an
    out-of-memory kill, a crash): they were left behind holding their engine (~0.5 GB each, found
    after load runs). Orphaned, a worker is given another parent, so a watcher thread checks.
    """

    def watch() -> None:
        while True:
            time.sleep(PARENT_CHECK_S)
            if os.getppid() != parent:
                os._exit(0)  # nothing of the bot's is left to answer; no cleanup owed to anyone

    threading.Thread(target=watch, name="heavy-parent-watch", daemon=True).start()


def _call(role: str, method: str, args: tuple, kwargs: dict) -> Any:
    """Run one method of this worker's drafter or exporters."""
    return getattr(_engine[role], method)(*args, **kwargs)


def _ready() -> int:
    time.sleep(READY_PAUSE)  # held a moment, so the next calls go to workers still starting
    return os.getpid()


# ------------------------------------------------------------------ in the bot's process
class HeavyPool:
    """A process pool for drafting and rendering, started on first use, restarted if it breaks."""

    def __init__(
        self, settings: Settings, workers: int, engine: Callable[[Settings], dict[str, Any]]
    ) -> None:
        self.settings = settings
        self.engine = engine  # a module-level function: the workers import it by name
        self.workers = max(1, workers)
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(
                    max_workers=self.workers,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_start_worker,
                    initargs=(self.engine, self.settings),
                )
            return self._pool

    def warm(self, timeout: float = 600.0) -> list[int]:
        """Start every worker now (each builds its engine) and return their process ids.

        A call answered proves its worker finished building; calls are sent until every worker
        has answered one, so no engine is still being built when the officers arrive.
        """
        pool = self._executor()
        seen: set[int] = set()
        deadline = time.monotonic() + timeout
        while len(seen) < self.workers and time.monotonic() < deadline:
            seen |= {f.result() for f in [pool.submit(_ready) for _ in range(self.workers)]}
        return sorted(seen)

    def run(self, role: str, method: str, local: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run `role.method(*args, **kwargs)` in a worker; in this thread (`local`) if the pool broke."""
        try:
            return self._executor().submit(_call, role, method, args, kwargs).result()
        except BrokenProcessPool:
            log.error("heavy-work pool broke (a worker died); running %s.%s in-process", role, method)
            with self._lock:
                broken, self._pool = self._pool, None
            if broken is not None:
                broken.shutdown(wait=False, cancel_futures=True)
            return local(*args, **kwargs)

    def close(self) -> None:
        """Stop the workers (waits for calls in progress)."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


class PooledDrafter:
    """The Drafter port, with every draft made in the pool (the local drafter is the fallback)."""

    def __init__(self, pool: HeavyPool, local: Drafter) -> None:
        self.pool = pool
        self.local = local

    def draft(self, request: DraftRequest) -> Draft:
        return self.pool.run("drafter", "draft", self.local.draft, request)

    def redraft_indicator(self, draft: Draft, request: DraftRequest, indicator: int) -> Draft:
        return self.pool.run(
            "drafter", "redraft_indicator", self.local.redraft_indicator, draft, request, indicator
        )


class PooledExporters:
    """The Exporters port: documents rendered in the pool, quick lookups in this process."""

    def __init__(self, pool: HeavyPool, local: Exporters) -> None:
        self.pool = pool
        self.local = local

    def render_docx(
        self, draft: Draft, chart_png: bytes | None = None, layout: str | None = None, *, review: bool = False
    ) -> bytes:
        return self.pool.run(
            "exporters", "render_docx", self.local.render_docx, draft, chart_png, layout, review=review
        )

    def render_xlsx(self, draft: Draft) -> bytes:
        return self.pool.run("exporters", "render_xlsx", self.local.render_xlsx, draft)

    def render_chart(self, draft: Draft) -> bytes:
        return self.pool.run("exporters", "render_chart", self.local.render_chart, draft)

    def render_report_docx(
        self, draft: Draft, round_months: int, progress: Mapping[int, RowProgress] | None = None
    ) -> bytes:
        return self.pool.run(
            "exporters", "render_report_docx", self.local.render_report_docx, draft, round_months, progress
        )

    def render_report_xlsx(
        self, draft: Draft, round_months: int, progress: Mapping[int, RowProgress] | None = None
    ) -> bytes:
        return self.pool.run(
            "exporters", "render_report_xlsx", self.local.render_report_xlsx, draft, round_months, progress
        )

    def review_notes(self, draft: Draft) -> list[str]:
        return self.local.review_notes(draft)

    def layout_for(self, text: str) -> str | None:
        return self.local.layout_for(text)

    def layout_options(self) -> list[tuple[str, str, str]]:
        return self.local.layout_options()


def worker_count(setting: int) -> int:
    """Return the pool size a `heavy_workers` setting means: -1 = one per CPU, 0 = no pool."""
    return (os.cpu_count() or 1) if setting < 0 else setting
