"""Build real indexes for tests: real Chroma in a temp dir, real pythainlp."""

from __future__ import annotations

from pathlib import Path

from bot.app import Knowledge, build_knowledge
from bot.settings import Settings


def make_settings(tmp_path: Path, **overrides) -> Settings:
    """Return Settings isolated in tmp_path and ignoring any .env file."""
    return Settings(_env_file=None, data_dir=tmp_path / "data", **overrides)


def make_kb(tmp_path: Path, **overrides) -> Knowledge:
    """Return a knowledge base with a persistent Chroma index under tmp_path."""
    return build_knowledge(make_settings(tmp_path, **overrides))
