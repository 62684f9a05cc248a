"""Many threads' small writes as one transaction: flat combining (issue 15).

Every turn writes the same small rows (a webhook event claimed, then marked answered). One
transaction each made them queue behind one another, each paying a commit. Here a thread that
asks for a write joins the batch that is waiting to be written; the first thread of a batch waits
for the previous batch to finish, then writes every request that joined meanwhile in one
transaction and hands each its own result. Under no load a batch is one request and nothing
waits; under load a batch holds whatever arrived while the last one was written, so the commits
per second stay few while every caller still returns only after its row is committed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


class _Batch(Generic[Item, Result]):
    def __init__(self) -> None:
        self.items: list[Item] = []
        self.results: Sequence[Result] = ()
        self.error: BaseException | None = None
        self.done = threading.Event()


class WriteBatches(Generic[Item, Result]):
    """Write requests in batches through `write(items) -> one result per item, in order`.

    `writing` is held while a batch is written: share one lock between batchers of one connection
    (an in-memory SQLite database has a single connection) so they never write at once.
    """

    def __init__(self, write: Callable[[list[Item]], Sequence[Result]], writing: threading.Lock) -> None:
        self.write = write
        self.writing = writing
        self._guard = threading.Lock()
        self._open: _Batch[Item, Result] | None = None

    def submit(self, item: Item) -> Result:
        """Write `item` (with whatever else is waiting) and return its result once committed."""
        with self._guard:
            batch, lead = self._open, self._open is None
            if batch is None:
                batch = self._open = _Batch()
            index = len(batch.items)
            batch.items.append(item)
        if lead:
            with self.writing:  # the last batch is written; requests arriving meanwhile join this one
                with self._guard:
                    self._open = None  # from here on a request starts the next batch
                try:
                    batch.results = self.write(batch.items)
                except BaseException as exc:  # every caller of the batch gets the failure
                    batch.error = exc
                finally:
                    batch.done.set()
        else:
            batch.done.wait()
        if batch.error is not None:
            raise batch.error
        return batch.results[index]
