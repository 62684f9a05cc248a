"""One bot per data folder: a second `python -m bot run` on the same folder refuses, in Thai and English."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from bot.dialogue.data_lock import LOCK_NAME, DataFolderBusy, DataFolderLock
from tests.conftest import REPO_DIR


def _bot(data_dir, stdin):
    env = {**os.environ, "DATA_DIR": str(data_dir), "PYTHONPATH": str(REPO_DIR)}
    for name in ("TELEGRAM_BOT_TOKEN", "LINE_CHANNEL_SECRET"):
        env.pop(name, None)
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "run", "--console"],
        cwd=REPO_DIR,
        env=env,
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for_lock(path, pid: int) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if path.exists() and path.read_text().strip() == str(pid):
            return
        time.sleep(0.1)
    pytest.fail("the first bot never took the data folder")


def test_a_second_bot_on_the_same_data_folder_refuses_and_a_killed_ones_lock_is_taken_over(tmp_path):
    data = tmp_path / "data"
    first = _bot(data, subprocess.PIPE)  # stdin kept open: the console waits for a message
    try:
        _wait_for_lock(data / LOCK_NAME, first.pid)
        second = _bot(data, subprocess.DEVNULL)
        _out, err = second.communicate(timeout=120)
        assert second.returncode == 3
        assert f"pid {first.pid}" in err and "Another bot" in err and "มีบอตอีกตัว" in err
        assert first.poll() is None  # the first one still runs
    finally:
        first.send_signal(signal.SIGKILL)
        first.communicate(timeout=30)
    third = _bot(data, subprocess.DEVNULL)  # the killed bot's lock is gone with its process
    _out, err = third.communicate(timeout=180)
    assert third.returncode == 0, err
    assert "Another bot" not in err


def test_the_lock_is_held_until_released_and_names_its_holder(tmp_path):
    held = DataFolderLock(tmp_path)
    held.acquire()
    held.acquire()  # holding it already is fine
    with pytest.raises(DataFolderBusy) as refused:
        DataFolderLock(tmp_path).acquire()
    assert f"pid {os.getpid()}" in str(refused.value) and str(tmp_path) in str(refused.value)
    held.release()
    with DataFolderLock(tmp_path):
        assert (tmp_path / LOCK_NAME).read_text().strip() == str(os.getpid())
