"""Optional: an LLM reads a message the rules could not read, into the same typed result.

Only used when an LLM is configured (bot.app builds the Reader); the offline
rules stay the default and decide alone without one. The model's answer is
JSON, validated here before anything else sees it: indicator numbers must be
the framework's, scores 0-100, an edit must be one the edit grammar itself
accepts once written out ("แก้ผู้รับผิดชอบ แถว 2 เป็น กองคลัง"). The dialogue then
shows the reading and applies it only on the officer's yes.

The officer's text is data: it is placed between <message> tags in the user
turn (the tags themselves are removed from it first), the system prompt says
never to follow it, and whatever the model answers can only ever become a
validated reading that the officer confirms.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from bot import wording as w
from bot.drafting.edits import EditError, parse_edit
from bot.drafting.prompts import render_messages
from bot.ita.framework import Framework
from bot.scores import ScoreSet

PROMPT = "understand_message"
# The longest message sent to the model; a score table is far shorter.
MAX_MESSAGE_CHARS = 4000
# The longest value an edit may carry (one cell of the plan).
MAX_VALUE_CHARS = 300
_TAGS = re.compile(r"</?\s*message\s*>", re.IGNORECASE)
_FENCE = re.compile(r"^```(?:json)?\s*|\s*```$", re.IGNORECASE)
_THINK = re.compile(r"<think>.*?</think>", re.DOTALL | re.IGNORECASE)
# How each edit action is written in the edit grammar (bot.drafting.edits).
_EDIT_FORMS = {
    "owners": "แก้ผู้รับผิดชอบ แถว {row} เป็น {value}",
    "timeline": "ระยะเวลา แถว {row} เป็น {value}",
    "kpi": "แก้ KPI แถว {row} เป็น {value}",
    "measure": "แก้มาตรการ แถว {row} เป็น {value}",
    "delete": "ลบแถว {row}",
    "redraft": "ร่างใหม่ตัวชี้วัด {indicator}",
}
log = logging.getLogger(__name__)


class ChatModel(Protocol):
    """What the reader needs of a chat model (langchain's BaseChatModel.invoke)."""

    def invoke(self, input: Any) -> Any: ...


@dataclass(frozen=True)
class Reading:
    """What the LLM read, validated: scores, or one edit written in the edit grammar."""

    scores: ScoreSet | None = None
    edit: str = ""

    def summary(self) -> str:
        """Say the scores read, for the officer to confirm ("ตัวชี้วัดที่ 1 90.00, คะแนนรวม 88.00")."""
        if self.scores is None:
            return ""
        parts = [f"{w.INDICATOR.format(number=n)} {v:.2f}" for n, v in sorted(self.scores.indicators.items())]
        if self.scores.overall is not None:
            parts.append(f"{w.OVERALL} {self.scores.overall:.2f}")
        return ", ".join(parts)


class Reader(Protocol):
    """Reads a message into a Reading, or None when it cannot (the dialogue then goes on without it)."""

    def read(self, text: str, state: str, *, rows: int) -> Reading | None: ...


class LLMReader:
    """Ask an OpenAI-compatible chat model to read a message; validate its JSON; None on any failure."""

    def __init__(self, chat: ChatModel, fw: Framework, *, prompts_dir: Path) -> None:
        self.chat = chat
        self.fw = fw
        self.prompts_dir = Path(prompts_dir)

    def read(self, text: str, state: str, *, rows: int) -> Reading | None:
        """Return the validated reading of `text` at `state` with a draft of `rows` rows, or None."""
        message = _TAGS.sub(" ", text)[:MAX_MESSAGE_CHARS]
        messages = render_messages(
            PROMPT,
            self.prompts_dir,
            state=state,
            indicators=", ".join(map(str, self.fw.indicator_numbers)),
            rows=rows,
            message=message,
        )
        try:
            answer = self.chat.invoke(messages)
        except Exception as exc:  # the endpoint is optional: any failure means "not read"
            log.warning("LLM reading failed (%s)", type(exc).__name__)
            return None
        return validate(getattr(answer, "content", answer), self.fw, rows=rows)


def validate(content: object, fw: Framework, *, rows: int) -> Reading | None:
    """Return the Reading an answer holds if every part of it is valid; None for anything else."""
    if not isinstance(content, str):
        return None
    raw = _FENCE.sub("", _THINK.sub("", content).strip())
    try:
        data = json.loads(raw)
    except json.JSONDecodeError:
        return None
    if not isinstance(data, dict):
        return None
    kind = data.get("kind")
    if kind == "scores":
        return _scores(data, fw)
    if kind == "edit":
        return _edit(data.get("edit"), fw, rows)
    return None


def _score(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if 0 <= value <= 100 else None


def _scores(data: dict, fw: Framework) -> Reading | None:
    raw = data.get("indicators") or {}
    if not isinstance(raw, dict):
        return None
    indicators: dict[int, float] = {}
    for key, value in raw.items():
        number = int(key) if isinstance(key, str) and key.strip().isdigit() else None
        score = _score(value)
        if number not in fw.indicator_numbers or score is None:
            return None  # one invalid value makes the whole reading suspect
        indicators[number] = score
    overall = data.get("overall")
    total = None if overall is None else _score(overall)
    if overall is not None and total is None:
        return None
    if not indicators and total is None:
        return None
    return Reading(scores=ScoreSet(indicators=indicators, overall=total))


def _edit(edit: object, fw: Framework, rows: int) -> Reading | None:
    if not isinstance(edit, dict):
        return None
    form = _EDIT_FORMS.get(str(edit.get("action")))
    row, indicator, value = edit.get("row"), edit.get("indicator"), edit.get("value") or ""
    if form is None or not isinstance(value, str) or len(value) > MAX_VALUE_CHARS:
        return None
    value = " ".join(value.split())
    if "{row}" in form and not (isinstance(row, int) and not isinstance(row, bool) and 1 <= row <= rows):
        return None
    if "{indicator}" in form and indicator not in fw.indicator_numbers:
        return None
    if "{value}" in form and not value:
        return None
    text = form.format(row=row, indicator=indicator, value=value)
    try:
        if parse_edit(text) is None:
            return None
    except EditError:
        return None
    return Reading(edit=text)
