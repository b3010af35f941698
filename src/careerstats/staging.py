"""Staging folders: where a command builds its output before it replaces anything.

A staging folder is named ``PREFIX + PID + '-' + random``. It is removed on any normal or
interrupted exit by its owner; one left by a process that was killed (SIGKILL, a crash)
is swept by the next command that uses the same prefix, once its process is gone.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def alive(pid: int) -> bool:
    """Whether process ``pid`` exists."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def new(parent: Path, prefix: str) -> Path:
    """A fresh staging folder ``parent/PREFIX<pid>-<random>``."""
    return Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-", dir=parent))


def sweep(parent: Path, prefix: str) -> list[Path]:
    """Remove the ``PREFIX*`` folders in ``parent`` whose process is gone; a running
    process's folder (this one's too) is left alone. Returns what was removed."""
    removed = []
    for folder in sorted(Path(parent).glob(prefix + "*")):
        pid = folder.name[len(prefix) :].split("-")[0]
        if pid.isdigit() and (int(pid) == os.getpid() or alive(int(pid))):
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed
