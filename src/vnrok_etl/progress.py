"""A progress bar on stderr for long loads: documents done, rate, time left.

Shown only when stderr is a terminal, and never in CI (`CI` set), with `TERM=dumb`, or with
`VNROK_PROGRESS=0`: pipes, log files and served runs stay as quiet as before. Drawn by rich
(already installed with Prefect), which redraws in place at most ten times a second and erases
the bar when it ends, so the summary printed after it is the last thing on screen.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO


class Bar:
    """What callers advance; does nothing when the bar is not shown."""

    def __init__(self, progress: object | None = None, task: object | None = None) -> None:
        self._progress, self._task = progress, task

    def advance(self, amount: int = 1) -> None:
        if self._progress is not None and amount:
            self._progress.advance(self._task, amount)  # type: ignore[attr-defined]

    def update(self, completed: int, total: int | None = None) -> None:
        if self._progress is not None:
            self._progress.update(self._task, completed=completed, total=total)  # type: ignore[attr-defined]


def wanted(stream: TextIO | None = None) -> bool:
    """Whether to draw: a terminal, not CI, not a dumb terminal, not turned off."""
    stream = stream or sys.stderr
    if os.environ.get("VNROK_PROGRESS", "").strip() == "0" or os.environ.get("CI"):
        return False
    if os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


@contextmanager
def progress_bar(description: str, total: int | None, unit: str = "docs", stream: TextIO | None = None) -> Iterator[Bar]:
    """A bar for `total` items (None: unknown yet), or a silent Bar where none is wanted."""
    stream = stream or sys.stderr
    if not wanted(stream):
        yield Bar()
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn,
    )
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task: object) -> Text:
            speed = task.finished_speed or task.speed  # type: ignore[attr-defined]
            return Text(f"{speed:,.0f} {unit}/s" if speed else f"- {unit}/s", style="progress.data.speed")

    progress = Progress(
        TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(), RateColumn(),
        TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn(),
        console=Console(file=stream), transient=True, refresh_per_second=10,
    )
    with progress:
        yield Bar(progress, progress.add_task(description, total=total))
