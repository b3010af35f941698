"""Ctrl-C during the long commands: one line, exit 130, nothing half-written."""

from __future__ import annotations

import os
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from conftest import CLI, FLAT_FIXTURE


def _wait_until_working(pid: int, timeout: float = 60) -> None:
    """Until the command reads the raw files or runs its kernel: past start-up, so the
    interruption lands in the work itself."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            opened = [os.readlink(f"/proc/{pid}/fd/{fd}") for fd in os.listdir(f"/proc/{pid}/fd")]
        except OSError:
            opened = []
        kernel = list(Path(tempfile.gettempdir()).glob(f"careerstats-report-{pid}-*/kernel.json"))
        if kernel or any("/data/raw/" in p or "/fixtures/" in p for p in opened):
            time.sleep(0.3)
            return
        time.sleep(0.05)
    raise AssertionError("the command did not start working")


def _ctrl_c_reaches_it() -> None:
    """In the child: Ctrl-C as a terminal delivers it, even when the tests were started in
    the background (`cmd &` in a script), which makes every child ignore SIGINT and
    Python then installs no KeyboardInterrupt handler."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.slow
@pytest.mark.parametrize("command", ["build-data", "report"])
def test_ctrl_c_is_one_line_and_leaves_nothing(tmp_path, command):
    out = tmp_path / ("out" if command == "build-data" else "r.html")
    args = (
        [
            *CLI,
            "build-data",
            "--subset",
            "--oews-flatfiles",
            str(FLAT_FIXTURE),
            "--data-dir",
            str(out),
        ]
        if command == "build-data"
        else [*CLI, "report", "31-9097", "29-2052", "--out", str(out)]
    )
    proc = subprocess.Popen(
        args,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
        preexec_fn=_ctrl_c_reaches_it,
    )
    _wait_until_working(proc.pid)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert err.strip() == "careerstats: error: interrupted; nothing half-written was left"
    assert not list(out.parent.glob("*.csv")) and not list(out.parent.glob(".build-*"))
    assert not out.is_file() and not list(tmp_path.glob(".r.html*"))
