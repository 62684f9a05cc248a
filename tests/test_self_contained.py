"""A clone tests everything on its own: the data the tests need lives in tests/data, never in ../shared."""

import re

from tests.conftest import REPO_DIR, SEEDS_DIR


def test_the_seed_documents_are_inside_the_repository():
    assert SEEDS_DIR.resolve().is_relative_to(REPO_DIR.resolve())
    assert len(sorted(SEEDS_DIR.glob("00*.txt"))) == 5
    assert (SEEDS_DIR.parent / "domain" / "ita-framework.md").is_file()


def test_no_test_or_benchmark_reaches_outside_the_repository():
    outside = re.compile(r"parents\[2\]|\.\./shared|[\"']shared[\"']")
    offenders = [
        str(path.relative_to(REPO_DIR))
        for folder in ("tests", "benchmarks", "bot")
        for path in sorted((REPO_DIR / folder).rglob("*.py"))
        if path.name != "test_self_contained.py" and outside.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
