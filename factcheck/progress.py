"""Stage timing and progress bars for a check, on stderr only.

The pipeline names its stages through one `Stages` object: the CLI shows a bar
per stage when stderr is a terminal (and not `--quiet`), the benchmark reads the
seconds each stage took, and tests pass nothing and get neither.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from time import perf_counter
from typing import TypeVar

T = TypeVar("T")

DELAY_S = 2.0
"""A bar appears only for a stage that lasts longer than this."""


class Stages:
    """Seconds spent per stage, and a progress bar per stage when `show` is set."""

    def __init__(self, show: bool = False) -> None:
        self.show = show
        self.seconds: dict[str, float] = {}

    def track(self, name: str, items: Iterable[T], total: int | None = None) -> Iterator[T]:
        """`items`, timing the loop over them (the consumer's work included) as stage `name`;
        a bar's length is `total`, or the length of `items` when they have one."""
        start = perf_counter()
        try:
            if self.show:
                from tqdm import tqdm

                items = tqdm(items, total=total, desc=name, file=sys.stderr, delay=DELAY_S, leave=False)
            yield from items
        finally:
            self.add(name, perf_counter() - start)

    def batches(self, name: str, items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
        """`items` in slices of `size`, tracked as stage `name` (a bar counts slices)."""
        starts = range(0, len(items), size)
        return (items[s : s + size] for s in self.track(name, starts, total=len(starts)))

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Time a block that has no items to count."""
        start = perf_counter()
        try:
            yield
        finally:
            self.add(name, perf_counter() - start)

    def add(self, name: str, seconds: float) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + seconds
