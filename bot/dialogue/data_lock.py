"""One running bot per data folder: a lock file holding the pid, released when the process ends.

Two bots on one folder would both answer from one index and both poll one Telegram token. The
session store is safe between processes, but the Chroma index and the channels are not, so a
second `python -m bot run` on the same folder refuses to start with a message naming the pid
that holds it. The lock is an `fcntl.flock` on `<data>/bot.lock`, so a bot killed with kill -9
leaves a file whose lock the kernel has already released: the next start takes it over.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType

from bot import wording

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no lock (the session store stays safe on its own)
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = "bot.lock"


class DataFolderBusy(Exception):
    """Another running process holds the data folder; the message (Thai and English) names its pid."""


class DataFolderLock:
    """Hold `<data_dir>/bot.lock` for as long as the bot runs (a context manager)."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / LOCK_NAME
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock (once; holding it already is fine) or raise DataFolderBusy."""
        if fcntl is None or self._fd is not None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 32).decode(errors="replace").strip() or "?"
            os.close(fd)
            raise DataFolderBusy(
                wording.DATA_FOLDER_BUSY.format(folder=self.path.parent, pid=holder)
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd

    def release(self) -> None:
        """Let the next bot start (the file stays; its lock is what counts)."""
        if self._fd is not None and fcntl is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> DataFolderLock:
        self.acquire()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()
