"""Optional LLM engine: rewrite the default engine's rows, keep them on any failure.

One call per row (per indicator), not one call for the whole table, because
  * a bad answer costs one row, not the whole plan;
  * small local models (the usual deployment) write one Thai row far more
    reliably than a long multi-row JSON, and each prompt stays short;
  * each row's prompt carries only that indicator's passages, so a citation
    can be checked against exactly what that row was shown.
If the endpoint itself is unusable (timeout, refused connection, HTTP error),
the remaining rows are not attempted: one timeout, not one per row.

The answer is validated with the MeasureRow schema plus our rules (owners
from the agency's units, months inside the fiscal year, >= 3 steps, citations
copied from the passages given). The facts of a row - indicator, items, score,
tier - always come from the default row: the model rewrites wording only, so
text inside a passage cannot change a score or a tier.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from langchain_core.language_models import BaseChatModel
from pydantic import ValidationError

from bot import wording
from bot.drafting.prompts import render_messages
from bot.ita.measures import Draft, MeasureRow, Source
from bot.llm import classify_failure, model_name

PROMPT = "draft_rows"
FALLBACK_ENGINE = "default (LLM fallback)"
MIN_STEPS = 3
# A quote shorter than this proves nothing about where it came from.
_MIN_QUOTE = 12
_FACTS = ("indicator", "items", "score", "tier")
_FENCE = re.compile(r"^```(?:json)?\s*|\s*```$", re.IGNORECASE)
# Reasoning models (Qwen3, DeepSeek-R1 and their Thai fine-tunes) think aloud before answering.
_THINK = re.compile(r"<think>.*?</think>", re.DOTALL | re.IGNORECASE)
log = logging.getLogger(__name__)


class RowRejected(Exception):
    """The model answered, but the row cannot be used; the message is a plain Thai reason."""

    def __init__(self, kind: str, reason: str) -> None:
        super().__init__(reason)
        self.kind = kind
        self.reason = reason


@dataclass(frozen=True)
class RowOutcome:
    """What happened to one row: refined by the LLM or kept from the default engine, and why."""

    indicator: int
    used_llm: bool
    kind: str  # ok | timeout | connection | status | invalid_json | schema | rule | other | skipped
    reason: str = ""
    seconds: float = 0.0


def fiscal_months(fiscal_year_be: int) -> tuple[str, str]:
    """Return the first and last month (ISO, Gregorian) of Thai fiscal year B.E. N: Oct N-544 .. Sep N-543."""
    return f"{fiscal_year_be - 544:04d}-10", f"{fiscal_year_be - 543:04d}-09"


def _squash(text: str) -> str:
    return " ".join(text.split())


def _passages(row: MeasureRow, context: dict[int, list[Source]] | None) -> list[Source]:
    seen: set[tuple[str, str]] = set()
    out: list[Source] = []
    for src in [*row.sources, *((context or {}).get(row.indicator, []))]:
        key = (src.source, _squash(src.text))
        if key not in seen:
            seen.add(key)
            out.append(src)
    return out


def parse_json_object(content: str) -> dict:
    """Return the JSON object in a model answer, tolerating code fences and a wrapping {"row": ...}."""
    text = _FENCE.sub("", _THINK.sub("", content).strip())
    try:
        data = json.loads(text)
    except ValueError:
        start, end = text.find("{"), text.rfind("}")
        if start < 0 or end <= start:
            raise RowRejected("invalid_json", wording.LLM_NOT_JSON) from None
        try:
            data = json.loads(text[start : end + 1])
        except ValueError:
            raise RowRejected("invalid_json", wording.LLM_NOT_JSON) from None
    if isinstance(data, dict) and isinstance(data.get("row"), dict):
        data = data["row"]
    if isinstance(data, dict) and isinstance(data.get("rows"), list) and len(data["rows"]) == 1:
        data = data["rows"][0]
    if not isinstance(data, dict):
        raise RowRejected("invalid_json", wording.LLM_NOT_A_ROW)
    return data


def _owner_allowed(owner: str, allowed: set[str]) -> bool:
    owner = owner.strip()
    # "กองคลัง (งานพัสดุ)" names a section inside a listed unit.
    return owner in allowed or owner.split("(", 1)[0].strip() in allowed


def check_row(
    row: MeasureRow, draft: Draft, passages: list[Source], original: MeasureRow | None = None
) -> MeasureRow:
    """Apply our rules to a schema-valid row; raise RowRejected with a Thai reason if one is broken."""
    if len(row.steps) < MIN_STEPS or any(not s.strip() for s in row.steps):
        raise RowRejected("rule", wording.LLM_TOO_FEW_STEPS.format(count=MIN_STEPS))
    units = {u.strip() for u in draft.agency.units if u.strip()}
    if units:
        # Owners the default engine chose (e.g. "ทุกกอง") may be kept as they are.
        allowed = units | {o.strip() for o in (original.owners if original else [])}
        strangers = [o for o in row.owners if not _owner_allowed(o, allowed)]
        if strangers:
            raise RowRejected("rule", wording.LLM_UNKNOWN_OWNERS.format(owners=", ".join(strangers)))
    if row.start_month > row.end_month:
        raise RowRejected("rule", wording.LLM_MONTHS_BACKWARDS)
    fiscal_year = draft.fiscal_year or draft.agency.measures_year()
    if fiscal_year:
        first, last = fiscal_months(fiscal_year)
        if row.start_month < first or row.end_month > last:
            raise RowRejected("rule", wording.LLM_OUTSIDE_FISCAL_YEAR.format(fiscal_year=fiscal_year))
    cited: list[Source] = []
    for src in row.sources:
        quote = _squash(src.text)
        given = [_squash(p.text) for p in passages if p.source.strip() == src.source.strip()]
        if not any(quote and quote in g and len(quote) >= min(_MIN_QUOTE, len(g)) for g in given):
            raise RowRejected("rule", wording.LLM_UNSOURCED_QUOTE)
        if all((c.source, _squash(c.text)) != (src.source, quote) for c in cited):
            cited.append(src)
    return row.model_copy(update={"sources": cited})


def _schema_reason(err: ValidationError) -> str:
    fields = sorted({str(e["loc"][0]) for e in err.errors() if e.get("loc")})
    return wording.LLM_BAD_SCHEMA + (
        wording.LLM_BAD_FIELDS.format(fields=", ".join(fields)) if fields else ""
    )


def _transport_reason(kind: str, status: int | None, timeout: float) -> str:
    if kind == "timeout":
        return wording.LLM_TIMEOUT.format(timeout=timeout)
    if kind == "connection":
        return wording.LLM_NO_CONNECTION
    if kind == "status":
        return wording.LLM_HTTP_ERROR.format(status=status)
    return wording.LLM_OTHER_ERROR


class LLMRefiner:
    """Refine a Draft's rows with a chat model; fall back to the original row on any failure."""

    def __init__(
        self,
        chat_model: BaseChatModel,
        *,
        prompts_dir: Path,
        timeout: float = 60.0,
        model: str | None = None,
        concurrency: int = 1,
        budget: float | None = None,
    ) -> None:
        self.chat_model = chat_model
        self.prompts_dir = prompts_dir
        self.timeout = timeout  # per call
        self.model = model or model_name(chat_model)
        # Parallel calls help vLLM or a hosted API; Ollama serves one at a time, hence 1 by default.
        self.concurrency = max(1, concurrency)
        # Total seconds for a whole draft: no new call starts after it, and a call still waiting
        # then is cut, so a slow endpoint delays a draft by the budget at most (a table has 10-25 rows).
        self.budget = budget

    def refine(self, draft: Draft, context: dict[int, list[Source]] | None = None) -> Draft:
        """Return a copy of the draft with LLM-refined rows (or the originals, with a Thai note on why)."""
        return self.refine_with_report(draft, context)[0]

    def refine_with_report(
        self, draft: Draft, context: dict[int, list[Source]] | None = None
    ) -> tuple[Draft, list[RowOutcome]]:
        """Refine the draft and also return what happened to each row (for benchmarks and logs)."""
        if not draft.rows:
            return draft.model_copy(deep=True), []
        down: list[str] = []  # set once the endpoint proved unusable; later rows skip the call
        lock = threading.Lock()
        deadline = time.monotonic() + self.budget if self.budget else None

        def work(row: MeasureRow) -> tuple[MeasureRow, RowOutcome]:
            with lock:
                if down:
                    return row, RowOutcome(row.indicator, False, "skipped", down[0])
            if deadline is not None and time.monotonic() >= deadline:
                reason = wording.LLM_BUDGET_SPENT.format(budget=self.budget)
                return row, RowOutcome(row.indicator, False, "budget", reason)
            started = time.monotonic()
            try:
                refined = self._refine_row(draft, row, context, deadline)
                return refined, RowOutcome(row.indicator, True, "ok", seconds=time.monotonic() - started)
            except RowRejected as rejected:
                outcome = RowOutcome(
                    row.indicator, False, rejected.kind, rejected.reason, time.monotonic() - started
                )
                return row, outcome
            except Exception as exc:
                if deadline is not None and time.monotonic() >= deadline:  # cut at the draft's budget
                    reason = wording.LLM_BUDGET_SPENT.format(budget=self.budget)
                    return row, RowOutcome(row.indicator, False, "budget", reason, time.monotonic() - started)
                kind, status = classify_failure(exc)
                reason = _transport_reason(kind, status, self.timeout)
                if kind in ("timeout", "connection", "status"):
                    with lock:
                        down.append(reason)
                return row, RowOutcome(row.indicator, False, kind, reason, time.monotonic() - started)

        with ThreadPoolExecutor(max_workers=self.concurrency, thread_name_prefix="llm-row") as pool:
            results = list(pool.map(work, draft.rows))
        rows = [r for r, _ in results]
        outcomes = [o for _, o in results]
        for o in outcomes:
            # Kinds and timings only: prompts and answers carry officers' data and stay out of logs.
            log.info("llm row indicator=%s outcome=%s seconds=%.1f", o.indicator, o.kind, o.seconds)
        return self._assemble(draft, rows, outcomes), outcomes

    def _refine_row(
        self,
        draft: Draft,
        row: MeasureRow,
        context: dict[int, list[Source]] | None,
        deadline: float | None = None,
    ) -> MeasureRow:
        passages = _passages(row, context)
        messages = self._messages(draft, row, passages)
        content = self._invoke(messages, deadline)
        data = parse_json_object(content)
        # The facts are not the model's to change: take them from the default row.
        data.update({k: getattr(row, k) for k in _FACTS})
        try:
            candidate = MeasureRow.model_validate(data)
        except ValidationError as err:
            raise RowRejected("schema", _schema_reason(err)) from None
        return check_row(candidate, draft, passages, row)

    def _messages(self, draft: Draft, row: MeasureRow, passages: list[Source]) -> list[tuple[str, str]]:
        agency = draft.agency
        fiscal_year = draft.fiscal_year or agency.measures_year()
        first, last = fiscal_months(fiscal_year) if fiscal_year else ("-", "-")
        # One JSON object per line: a passage cannot close the CONTEXT block or fake a new section.
        lines = [
            json.dumps({"id": i, "source": p.source, "text": p.text}, ensure_ascii=False)
            for i, p in enumerate(passages, 1)
        ]
        return render_messages(
            PROMPT,
            self.prompts_dir,
            agency_name=agency.name or "(ไม่ได้ระบุ)",
            agency_type=agency.type or "(ไม่ได้ระบุ)",
            units=", ".join(agency.units) if agency.units else "(ไม่ได้ระบุ ให้คงตามร่างเดิม)",
            fiscal_year=fiscal_year or "(ไม่ได้ระบุ)",
            fy_start=first,
            fy_end=last,
            indicator=row.indicator,
            topic=row.topic,
            items=", ".join(row.items) or "-",
            score="-" if row.score is None else f"{row.score:.2f}",
            tier=row.tier,
            default_row=row.model_dump_json(indent=1),
            passages="\n".join(lines) or "(ไม่มี)",
        )

    def _invoke(self, messages: list[tuple[str, str]], deadline: float | None = None) -> str:
        # The HTTP client has its own timeout; this wall-clock guard also bounds
        # a server that trickles bytes, or a chat model without a timeout at all,
        # and a call started near the draft's budget ends with it (a TimeoutError).
        wait = self.timeout + max(1.0, 0.25 * self.timeout)
        if deadline is not None:
            wait = max(0.0, min(wait, deadline - time.monotonic()))
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="llm-call")
        try:
            future = pool.submit(self.chat_model.invoke, messages)
            answer = future.result(timeout=wait)
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
        content = answer.content
        if isinstance(content, list):  # some providers return content blocks
            content = "".join(b.get("text", "") if isinstance(b, dict) else str(b) for b in content)
        return str(content)

    def _assemble(self, draft: Draft, rows: list[MeasureRow], outcomes: list[RowOutcome]) -> Draft:
        used = sum(o.used_llm for o in outcomes)
        failed = [o for o in outcomes if not o.used_llm]
        if not failed:
            engine = f"llm:{self.model}"
        elif used:
            engine = f"llm:{self.model} (partial fallback)"
        else:
            engine = FALLBACK_ENGINE
        notes = list(draft.notes)
        # One note per reason, naming each indicator once (an indicator may have several rows).
        by_reason: dict[str, dict[int, None]] = {}
        for o in failed:
            by_reason.setdefault(o.reason, {})[o.indicator] = None
        for reason, indicators in by_reason.items():
            which = ", ".join(str(i) for i in indicators)
            notes.append(wording.LLM_FELL_BACK.format(reason=reason, indicators=which))
        return draft.model_copy(update={"rows": rows, "engine": engine, "notes": notes}, deep=True)
