"""The ``careerstats`` command line.

One error style everywhere: every expected failure (bad input, an output path that cannot
be written, a closed pipe, Ctrl-C) ends as one line ``careerstats: error: ...`` on standard
error and a non-zero exit code, never a traceback. Output paths are checked before any
work starts.
"""

from __future__ import annotations

import os
import signal
import sys

from ..errors import CareerStatsError
from .commands import EXIT_BROKEN_PIPE, EXIT_ERROR, EXIT_INTERRUPTED, EXIT_TERMINATED
from .grammar import _Deprecated, parser

__all__ = ["_Deprecated", "main", "parser"]


class Terminated(BaseException):
    """SIGTERM, raised so that cleanup (``finally``) runs as it does for Ctrl-C."""


def _error(message: str, code: int) -> int:
    """One line on standard error: a message of several lines (every problem of a file)
    is joined with "; "."""
    first, *rest = message.splitlines() or [""]
    parts = [line.strip() for line in rest if line.strip()]
    one_line = f"{first} {'; '.join(parts)}" if parts else first
    print(f"careerstats: error: {one_line}", file=sys.stderr)
    return code


def _terminate(signum: int, frame: object) -> None:
    raise Terminated()


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if sys.stdout is None:  # started with standard output closed (`>&-`)
        return _error(
            "standard output is closed — expected a terminal, a file or a pipe to write to; "
            "nothing was done",
            EXIT_ERROR,
        )
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        code = args.func(args)
        sys.stdout.flush()  # a full disk or a closed pipe is reported here, not at exit
        return code
    except CareerStatsError as e:
        return _error(str(e), EXIT_ERROR)
    except BrokenPipeError:
        # whoever read the output stopped early (e.g. `| head`): say so once, on stderr
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return _error("output closed before it was all written (broken pipe)", EXIT_BROKEN_PIPE)
    except OSError as e:
        where = f"{e.filename}: " if e.filename else ""
        return _error(f"{where}{e.strerror or e}", EXIT_ERROR)
    except KeyboardInterrupt:
        return _error("interrupted; nothing half-written was left", EXIT_INTERRUPTED)
    except Terminated:
        return _error("terminated; nothing half-written was left", EXIT_TERMINATED)
    finally:
        signal.signal(signal.SIGTERM, previous)
