"""The core is channel-agnostic: nothing under bot/core may import telegram or linebot."""
import ast
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO_DIR

FORBIDDEN = ("telegram", "linebot")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_no_core_module_imports_a_channel_sdk():
    core = sorted((REPO_DIR / "bot" / "core").glob("*.py"))
    assert len(core) > 10
    offenders = {p.name: sorted(_imports(p) & set(FORBIDDEN)) for p in core if _imports(p) & set(FORBIDDEN)}
    assert offenders == {}


def test_importing_every_core_module_loads_no_channel_sdk():
    modules = [f"bot.core.{p.stem}" for p in sorted((REPO_DIR / "bot" / "core").glob("*.py")) if p.stem != "__init__"]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "print(sorted(k for k in sys.modules if k.split('.')[0] in ('telegram', 'linebot')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO_DIR, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
