"""The core is channel-agnostic: no module outside bot/channels may import telegram or linebot."""

import ast
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO_DIR

FORBIDDEN = ("telegram", "linebot")
CORE_ROOMS = ("ita", "scores", "drafting", "search", "dialogue", "export")


def _core_modules() -> list[Path]:
    """Every module of the channel-agnostic core: the rooms above and bot's own top-level modules."""
    bot = REPO_DIR / "bot"
    rooms = [p for room in CORE_ROOMS for p in sorted((bot / room).glob("*.py"))]
    return rooms + [p for p in sorted(bot.glob("*.py")) if p.stem not in ("__init__", "__main__", "app")]


def _module_name(path: Path) -> str:
    parts = path.relative_to(REPO_DIR).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


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
    core = _core_modules()
    assert len(core) > 10
    offenders = {str(p): sorted(_imports(p) & set(FORBIDDEN)) for p in core if _imports(p) & set(FORBIDDEN)}
    assert offenders == {}


def test_importing_every_core_module_loads_no_channel_sdk():
    modules = [_module_name(p) for p in _core_modules()]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "print(sorted(k for k in sys.modules if k.split('.')[0] in ('telegram', 'linebot')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_DIR, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
