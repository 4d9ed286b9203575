"""How far a long step has gone, told every few seconds: a large build is never silent.

A build of 10,000 entries takes a minute or more; whoever runs it (a hub lead
under `make serve`, a workflow's log) should see it moving. A step that ends
within the first few seconds says nothing, so small builds stay quiet.
"""

from __future__ import annotations

import time
from collections.abc import Callable

EVERY_SECONDS = 5.0


class Progress:
    """Counts what a step has done and, at most every `every` seconds, says so."""

    def __init__(
        self,
        what: str,
        total: int,
        told: Callable[[str], None] | None,
        *,
        every: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.what = what
        self.total = total
        self.told = told
        self.every = EVERY_SECONDS if every is None else every
        self.clock = clock
        self.done = 0
        self.last = clock()

    def advance(self, by: int = 1) -> None:
        """`by` more done; told if `every` seconds have passed since it was last told."""
        self.done += by
        if self.told is None:
            return
        now = self.clock()
        if now - self.last >= self.every:
            self.last = now
            self.told(f"{self.what}: {min(self.done, self.total):,} of {self.total:,}")
