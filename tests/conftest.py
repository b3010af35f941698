from __future__ import annotations

import hashlib
import os
import shutil
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from hypothesis import HealthCheck, settings

from careerstats import cli, paths

#: Property tests never depend on the clock: no per-example deadline (a cold cache or a
#: busy machine must not fail a test), and in CI the same examples every run.
settings.register_profile(
    "ci", deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "dev"))

#: A real subset of BLS's May 2025 flat files (eight occupations, every area), in BLS's
#: layout: the one fixture path every test uses.
FLAT_FIXTURE = Path(__file__).parent / "fixtures" / "oews-flat"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every nbval item (a notebook cell) carries the ``notebooks`` marker."""
    for item in items:
        if item.path.suffix == ".ipynb":
            item.add_marker(pytest.mark.notebooks)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of data/ (tables, descriptor and raw files) to break on purpose."""
    dst = tmp_path / "data"
    shutil.copytree(
        paths.DATA_DIR, dst, ignore=shutil.ignore_patterns(".build-*", "oe.data.0.Current")
    )
    return dst


class BLSLike(SimpleHTTPRequestHandler):
    """Serves the fixture folder; like BLS, answers 403 when the User-Agent names no
    contact. ``behaviour`` can cut a file short or drop one."""

    behaviour: ClassVar[dict] = {}

    def log_message(self, *args):  # keep test output clean
        pass

    def do_GET(self):
        agent = self.headers.get("User-Agent", "")
        if "@" not in agent:
            self.send_error(403, "Forbidden")
            return
        name = self.path.rsplit("/", 1)[-1]
        if self.behaviour.get("missing") == name:
            self.send_error(404, "Not Found")
            return
        body = (FLAT_FIXTURE / name).read_bytes()
        if self.behaviour.get("truncate") == name:  # cut short, Content-Length says so
            self._send(body[: len(body) // 2], length=len(body))
            return
        if self.behaviour.get("cut_at_line") == name:  # no Content-Length, whole lines
            self._send(body[: body.rfind(b"\r\n", 0, len(body) // 2) + 2], length=None)
            return
        if self.behaviour.get("cut_midline") == name:  # no Content-Length, mid-line
            self._send(body[: len(body) // 2 + 7], length=None)
            return
        self.path = "/" + name  # BLS's path /pub/time.series/oe/NAME -> fixture/NAME
        super().do_GET()

    def _send(self, body: bytes, length: int | None) -> None:
        self.send_response(200)
        if length is not None:
            self.send_header("Content-Length", str(length))
        self.end_headers()
        self.wfile.write(body)
        self.close_connection = True


@pytest.fixture
def server():
    BLSLike.behaviour = {}
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(BLSLike, directory=str(FLAT_FIXTURE)))
    thread = threading.Thread(target=httpd.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/pub/time.series/oe/"
    httpd.shutdown()
    httpd.server_close()


# --- helpers of the hostile-input tests ---------------------------------------------------

CLI = [sys.executable, "-m", "careerstats.cli"]


def snapshot(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` (hidden ones too) with its SHA-256."""
    if not folder.exists():
        return {}
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = cli.main(list(argv))
    except SystemExit as e:  # argparse's own usage errors
        code = int(e.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def assert_clean_error(code: int, err: str, expected: int, match: str) -> None:
    assert code == expected, err
    assert "Traceback" not in err
    assert match.lower() in err.lower(), err


#: Debian's Chromium, which `.ci/run` installs; the browser tests use it headless.
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
SHOTS = paths.ROOT / "screenshots"


def require_chromium() -> None:
    """Skip the module without Chromium, except under CI=true, where that is a failure."""
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("CI") == "true":
        pytest.fail(
            "CI=true but Chromium is missing: .ci/run installs Debian's chromium", pytrace=False
        )
    pytest.skip(
        "Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True
    )


def launch_chromium(playwright):
    """Headless Chromium with nothing running in the background."""
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
