"""Load LLM prompts from prompts/<name>.th.md and fill their placeholders.

Placeholders are written {{name}}. Braces alone mean nothing, so a prompt can
show JSON examples, and filling is a single pass: text inserted for one
placeholder (e.g. a retrieved passage containing "{{x}}") is never expanded.
A prompt file may be split into chat roles with lines `<!-- role: system -->`
and `<!-- role: user -->` (HTML comments, invisible when the file is read as Markdown).
"""

from __future__ import annotations

import re
from pathlib import Path

_PLACEHOLDER = re.compile(r"\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}")
_ROLE = re.compile(r"^<!--\s*role:\s*(system|user|assistant)\s*-->\s*$", re.MULTILINE)
_NAME = re.compile(r"^[a-z0-9_]+$")


def prompt_path(name: str, prompts_dir: Path) -> Path:
    """Return the file of a named prompt."""
    if not _NAME.match(name):
        raise ValueError(f"invalid prompt name {name!r}")
    return Path(prompts_dir) / f"{name}.th.md"


def load_prompt(name: str, prompts_dir: Path) -> str:
    """Return the raw text of prompts/<name>.th.md."""
    return prompt_path(name, prompts_dir).read_text(encoding="utf-8")


def placeholders(template: str) -> set[str]:
    """Return the placeholder names a template uses."""
    return set(_PLACEHOLDER.findall(template))


def fill(template: str, **values: object) -> str:
    """Fill {{name}} placeholders in one pass; a missing value is an error, an unused one too."""
    wanted = placeholders(template)
    missing = wanted - values.keys()
    extra = values.keys() - wanted
    if missing or extra:
        raise KeyError(f"prompt placeholders missing {sorted(missing)} / unknown {sorted(extra)}")
    return _PLACEHOLDER.sub(lambda m: str(values[m.group(1)]), template)


def render_messages(name: str, prompts_dir: Path, **values: object) -> list[tuple[str, str]]:
    """Return [(role, text), ...] of a prompt file, placeholders filled; no role markers = one user message."""
    text = load_prompt(name, prompts_dir)
    # Fill each section separately so a value can never inject a role marker.
    marks = list(_ROLE.finditer(text))
    if not marks:
        sections = [("user", text)]
    else:
        sections = [
            (m.group(1), text[m.end() : marks[i + 1].start() if i + 1 < len(marks) else len(text)])
            for i, m in enumerate(marks)
        ]
    wanted = set().union(*(placeholders(body) for _, body in sections))
    missing = wanted - values.keys()
    extra = values.keys() - wanted
    if missing or extra:
        raise KeyError(f"prompt {name!r} placeholders missing {sorted(missing)} / unknown {sorted(extra)}")
    messages = []
    for role, body in sections:
        used = {k: v for k, v in values.items() if k in placeholders(body)}
        messages.append((role, fill(body, **used).strip()))
    return messages
