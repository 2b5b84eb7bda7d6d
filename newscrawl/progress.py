"""Progress of the offline commands: a bar with rate and ETA on stderr (tqdm, only when
stderr is a terminal), and one closing line that says what happened to every input."""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TypeVar

from tqdm import tqdm

T = TypeVar("T")


class Progress:
    """`for x in progress.track(items): ...; progress.count("articles")`; `close()` prints
    `<command>: N <unit> in S s (R <unit>/s): a articles, b not articles...` on stderr."""

    def __init__(self, command: str, unit: str = "pages", total: int | None = None):
        self.command, self.unit, self.total = command, unit, total
        self.counts: Counter[str] = Counter()
        self.seen = 0
        self.started = time.monotonic()
        self._bar: tqdm | None = None

    def track(self, items: Iterable[T]) -> Iterator[T]:
        # disable=None: a bar only on a terminal, never in a log file or a pipe.
        self._bar = tqdm(items, total=self.total, unit=self.unit[:-1] if self.unit.endswith(
            "s") else self.unit, file=sys.stderr, disable=None, dynamic_ncols=True, leave=False)
        for item in self._bar:
            self.seen += 1
            yield item

    def count(self, outcome: str, n: int = 1) -> None:
        self.counts[outcome] += n

    def summary(self) -> str:
        elapsed = time.monotonic() - self.started
        rate = self.seen / elapsed if elapsed > 0 else 0.0
        outcomes = ", ".join(f"{n} {name}" for name, n in self.counts.items())
        return (f"{self.command}: {self.seen} {self.unit} in {elapsed:.1f} s "
                f"({rate:.1f} {self.unit}/s)" + (f": {outcomes}" if outcomes else ""))

    def close(self) -> str:
        if self._bar is not None:
            self._bar.close()
        line = self.summary()
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
        return line
