"""Progress messages for long commands: shown on a terminal, silent in pipes and logs."""

from __future__ import annotations

import sys
from collections.abc import Callable

Progress = Callable[[str], None]


def quiet(_: str) -> None:
    """Progress that shows nothing (the library's default)."""


def on_terminal(command: str, same_line: bool = False) -> Progress:
    """Progress lines ``command: message`` on standard error when it is a terminal;
    ``same_line`` rewrites one line (a download's byte count) instead of adding lines."""

    def show(message: str) -> None:
        if sys.stderr.isatty():
            end = "" if same_line and not message.endswith("\n") else "\n"
            start = "\r" if same_line else ""
            print(f"{start}{command}: {message.rstrip()}", end=end, file=sys.stderr, flush=True)

    return show
