"""Progress on a terminal: the stage under way, on one line rewritten in place, after the
time since the build began; silence elsewhere (CI logs, pipes, tests)."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from typing import TextIO

from ..content.load import Progress


class Reporter:
    """Used as a context manager, done when the build ends, whether it failed or not."""

    def __init__(self, stream: TextIO | None = None, tick: float = 0.5) -> None:
        """`tick`: how often the line is drawn again, its time counting on, so that a long
        stage (Pagefind's part of the search stage takes a minute at 5,000 practices) is
        not taken for a build that is stuck."""
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty()
        self.started = time.perf_counter()
        self.message = ""
        self.drawing = threading.Lock()
        self.ended = threading.Event()
        if self.live:
            threading.Thread(target=self._keep_time, args=(tick,), daemon=True).start()

    def __enter__(self) -> Reporter:
        return self

    def __exit__(self, *exception: object) -> None:
        self.done()

    def stage(self, message: str) -> None:
        with self.drawing:
            self.message = message
            self._draw()

    def note(self, message: str) -> None:
        """A line that stays, on a terminal or not: what the person who waits must know."""
        with self.drawing:
            self.stream.write(f"\r\x1b[2K{message}\n" if self.live else f"{message}\n")
            self.stream.flush()
            self._draw()

    def counting(self, stage: str, unit: str) -> Progress:
        """What tells this stage's progress: '{stage} {done} of {total} {unit}'."""
        return lambda done, total: self.stage(f"{stage} {done:,} of {total:,} {unit}")

    def within(self, stage: str) -> Callable[[str], None]:
        """What tells each step of this stage: '{stage} {step}'."""
        return lambda step: self.stage(f"{stage} {step}")

    def done(self) -> None:
        """Clear the line, for the summary or the problems to take its place; nothing is
        written after this."""
        with self.drawing:
            self.ended.set()
            if self.live:
                self.stream.write("\r\x1b[2K")
                self.stream.flush()

    def _keep_time(self, tick: float) -> None:
        while not self.ended.wait(tick):
            with self.drawing:
                if self.message:
                    self._draw()

    def _draw(self) -> None:
        if self.live and not self.ended.is_set():
            elapsed = time.perf_counter() - self.started
            self.stream.write(f"\r\x1b[2K[{elapsed:5.1f} s] {self.message}")
            self.stream.flush()
