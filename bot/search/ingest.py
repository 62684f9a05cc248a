"""Build or refresh the index: curated knowledge plus past-analysis files."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from tqdm import tqdm

from bot import wording
from bot.ita.framework import Framework
from bot.ita.passages import framework_passages, playbook_passages
from bot.ita.playbook import Playbook
from bot.search.documents import DEFAULT_LIMITS, Limits, UnreadableDocument, find_documents
from bot.search.index import IngestResult, KnowledgeIndex


class LexicalCopy(Protocol):
    """A lexical index kept outside the process (lexical_store.PostgresLexicon), copied after an ingest."""

    def sync(self, index: KnowledgeIndex) -> int:
        """Copy the sources that changed in the index; return how many."""


@dataclass
class IngestReport:
    """Totals of one ingest run."""

    results: list[IngestResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0
    copy_seconds: float = 0.0  # of that, copying into the lexical store (LEXICAL_STORE=postgres)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def chunks(self) -> int:
        return sum(r.chunks for r in self.results)

    @property
    def chars(self) -> int:
        return sum(r.chars for r in self.results if r.status != "unchanged")

    def summary_th(self, total_chunks: int) -> str:
        """Return a one-paragraph Thai summary for the terminal."""
        lines = [
            wording.INGEST_SUMMARY.format(
                seconds=self.seconds,
                added=self.count("added"),
                replaced=self.count("replaced"),
                unchanged=self.count("unchanged"),
                chunks=self.chunks,
                total=total_chunks,
            ),
        ]
        if self.count("repaired"):
            lines.append(wording.INGEST_REPAIRED.format(count=self.count("repaired")))
        if self.problems:
            lines.append(wording.INGEST_PROBLEMS.format(count=len(self.problems)))
            lines.extend(wording.INGEST_PROBLEM_LINE.format(problem=p) for p in self.problems)
        return "\n".join(lines)


def knowledge_sources(fw: Framework, playbook: Playbook | None) -> dict[str, list[dict]]:
    """Return the curated passages to index, by source key."""
    sources = {"knowledge:framework": framework_passages(fw)}
    if playbook is not None:
        sources["knowledge:playbook"] = playbook_passages(playbook)
    return sources


def repair_files(
    index: KnowledgeIndex, fw: Framework, limits: Limits = DEFAULT_LIMITS
) -> tuple[list[IngestResult], list[str]]:
    """Ingest again the files a cut-short run left incomplete (their chunks are replaced whole)."""
    results, problems = [], []
    for path in index.incomplete_files():
        if not path.is_file():  # the file is gone: nothing to complete it from
            problems.append(wording.DOC_NOT_FOUND.format(path=path))
            continue
        try:
            results.append(index.ingest_file(path, fw, limits))
        except UnreadableDocument as exc:
            problems.append(str(exc))
        except OSError as exc:
            problems.append(wording.INGEST_OS_ERROR.format(path=path, reason=exc.strerror or exc))
    return results, problems


def ingest(
    index: KnowledgeIndex,
    fw: Framework,
    playbook: Playbook | None,
    paths: list[Path],
    *,
    progress: bool = True,
    limits: Limits = DEFAULT_LIMITS,
    lexical: LexicalCopy | None = None,
) -> IngestReport:
    """Index the built-in knowledge and the given files/folders; bad files are reported, not fatal.

    Files an earlier run left incomplete are completed first; each source is written all or nothing.
    `lexical`: the PostgreSQL lexical index, copied at the end, so every running instance ranks the
    new documents at its next question (without it, the first instance to refresh copies them).
    """
    start = time.perf_counter()
    report = IngestReport()
    mended = set(index.incomplete_files())
    report.results, report.problems = repair_files(index, fw, limits)
    files, skipped = find_documents(paths)
    report.problems.extend(skipped)
    curated = knowledge_sources(fw, playbook)
    steps = [("knowledge", key) for key in curated] + [("file", f) for f in files]
    bar = tqdm(
        steps,
        desc=wording.INGEST_PROGRESS,
        unit=wording.INGEST_PROGRESS_UNIT,
        disable=not progress,
        leave=False,
    )
    for what, item in bar:
        if what == "file" and isinstance(item, Path) and item.resolve() in mended:
            continue  # completed just above
        if what == "knowledge":
            report.results.append(index.ingest_passages(item, curated[item]))
            continue
        try:
            report.results.append(index.ingest_file(item, fw, limits))
        except UnreadableDocument as exc:
            report.problems.append(str(exc))
        except OSError as exc:
            report.problems.append(wording.INGEST_OS_ERROR.format(path=item, reason=exc.strerror or exc))
    if lexical is not None:
        copy_start = time.perf_counter()
        lexical.sync(index)
        report.copy_seconds = time.perf_counter() - copy_start
    report.seconds = time.perf_counter() - start
    return report


class PrivateLibrary:
    """An agency's own documents sent in chat, indexed in its private scope (the dialogue's Library).

    `refresh` makes this process's retriever read the new chunks at once (other processes follow the
    index's fingerprint within seconds: bot.search.following).
    """

    def __init__(self, index: KnowledgeIndex, fw: Framework, refresh: Callable[[], None]) -> None:
        self.index = index
        self.fw = fw
        self.refresh = refresh

    def keep(self, scope: str, source_key: str, name: str, text: str) -> str:
        """Index a document's text for `scope`; return added | replaced | unchanged.

        Raises documents.UnreadableDocument (its message in Thai) when it is past the limits.
        """
        if not scope:
            raise ValueError("an agency's document needs its private scope")
        result = self.index.ingest_text(text, name, f"{scope}:{source_key}", self.fw, scope=scope)
        if result.status != "unchanged":
            self.refresh()
        return result.status
