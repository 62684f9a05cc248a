"""Drafting and rendering in worker processes (bot/workers.py, issue 15 part 3), for real.

The app is built with heavy_workers=1 over a persistent index; the worker process builds its own
engine from the same settings. The draft made in the worker must equal the one made in-process, the
documents must be real files, and a worker killed with SIGKILL must cost the officer nothing.
"""

from __future__ import annotations

import io
import os
import signal

import docx
import pytest

from bot.app import build
from bot.dialogue.heavy import PooledDrafter, worker_count
from bot.drafting.engine import DraftRequest
from bot.ita.measures import AgencyProfile
from bot.ita.tiers import Thresholds
from bot.scores import ScoreSet
from bot.settings import Settings

SCORES = {1: 96.0, 2: 90.5, 3: 94.0, 4: 88.0, 5: 92.0, 6: 97.0, 7: 80.25, 8: 91.0, 9: 62.5, 10: 70.0}


def _request() -> DraftRequest:
    profile = AgencyProfile(name="เทศบาลตำบลทดสอบ", type="municipality_subdistrict", assessment_year=2568)
    return DraftRequest(profile, ScoreSet(year=2568, indicators=dict(SCORES)), Thresholds(), True)


@pytest.fixture(scope="module")
def pooled(tmp_path_factory):
    app = build(Settings(_env_file=None, data_dir=tmp_path_factory.mktemp("pool"), heavy_workers=1))
    yield app
    app.close()


def test_the_worker_drafts_what_the_bot_itself_would(pooled):
    assert isinstance(pooled.drafter, PooledDrafter)
    workers = pooled.pool.warm()
    assert workers and os.getpid() not in workers  # the work happens in another process
    request = _request()
    remote = pooled.drafter.draft(request)
    local = pooled.drafter.local.draft(request)
    assert [r.model_dump() for r in remote.rows] == [r.model_dump() for r in local.rows]
    assert {r.indicator for r in remote.rows} >= {9, 10}

    word = docx.Document(io.BytesIO(pooled.exporters.render_docx(remote)))
    assert "เทศบาลตำบลทดสอบ" in "\n".join(p.text for p in word.paragraphs)
    assert pooled.exporters.render_xlsx(remote)[:2] == b"PK"
    assert pooled.exporters.render_chart(remote)[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_killed_worker_costs_the_officer_nothing(pooled):
    request = _request()
    for pid in pooled.pool.warm():
        os.kill(pid, signal.SIGKILL)
    draft = pooled.drafter.draft(request)  # the broken pool: made in this process instead
    assert {r.indicator for r in draft.rows} >= {9, 10}
    fresh = pooled.pool.warm()  # and the next call starts the pool again
    assert fresh and os.getpid() not in fresh
    assert pooled.drafter.draft(request).rows == draft.rows


def test_no_pool_unless_asked_and_auto_means_one_per_cpu(tmp_path):
    app = build(Settings(_env_file=None, data_dir=tmp_path), ensure=False)
    assert app.pool is None and not isinstance(app.drafter, PooledDrafter)
    assert worker_count(-1) == (os.cpu_count() or 1) and worker_count(0) == 0 and worker_count(3) == 3


_BOT = """
import sys, time
from pathlib import Path
from bot.app import build
from bot.settings import Settings
app = build(Settings(_env_file=None, data_dir=Path(sys.argv[1]), heavy_workers=2), ensure=False)
print(" ".join(map(str, app.pool.warm())), flush=True)
time.sleep(600)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:  # a zombie left for init to reap is gone too
        return stat.read().split(") ")[-1][0] != "Z"


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads /proc to tell a process is gone")
def test_workers_leave_when_the_bot_is_killed(tmp_path):
    # A bot killed with SIGKILL (or by the OOM killer) cannot stop its pool: its workers, ~0.5 GB
    # each, must not stay behind.
    import subprocess
    import sys
    import time

    bot = subprocess.Popen([sys.executable, "-c", _BOT, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    try:
        workers = [int(p) for p in bot.stdout.readline().split()]
        assert len(workers) == 2 and all(_alive(p) for p in workers)
    finally:
        bot.kill()
        bot.wait(30)
        bot.stdout.close()
    deadline = time.monotonic() + 30
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(p) for p in workers)
