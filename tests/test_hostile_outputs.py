"""Issue 16's hostile cases for what careerstats writes and downloads, and for the command
line: output paths never destroy anything, standard output closed or full is an error,
downloads are bounded, and each odd argument ends in one line."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from careerstats import paths
from conftest import CLI, assert_clean_error, run_cli, snapshot

MA, LAB = "31-9092", "29-2010"


def _no_work(monkeypatch) -> None:
    import careerstats.present.registry as registry
    import careerstats.present.report as report

    def refuse(*a, **k):
        raise AssertionError("work started before the output path was checked")

    monkeypatch.setattr(registry, "render_all", refuse)
    monkeypatch.setattr(report, "render", refuse)


# --- output paths ------------------------------------------------------------------------


def _char_device(tmp: Path) -> Path:
    path = tmp / "null-copy"
    os.mknod(path, 0o666 | 0o020000, os.makedev(1, 3))  # a copy of /dev/null
    return path


def _fifo(tmp: Path) -> Path:
    path = tmp / "fifo"
    os.mkfifo(path)
    return path


def _socket(tmp: Path) -> Path:
    path = tmp / "sock"
    s = socket.socket(socket.AF_UNIX)
    s.bind(str(path))
    s.close()
    return path


def _link(target: str) -> Callable:
    def make(tmp: Path) -> Path:
        path = tmp / "link.html"
        path.symlink_to(target)
        return path

    return make


OUT_CASES = [
    ("character-device", _char_device, "is a character device"),
    ("fifo", _fifo, "is a FIFO"),
    ("socket", _socket, "is a socket"),
    ("link-to-proc-stdout", _link("/proc/self/fd/1"), "leads into /proc"),
    ("dev-null", lambda t: Path("/dev/null"), "leads into /dev"),
    ("dangling-link", _link("/nonexistent/target.html"), "whose target does not exist"),
    ("folder", lambda t: t, "is a folder"),
    ("missing-folder", lambda t: t / "no" / "such" / "r.html", "does not exist"),
]


@pytest.mark.parametrize("case", OUT_CASES, ids=[c[0] for c in OUT_CASES])
def test_report_out_never_replaces_anything_but_a_regular_file(case, tmp_path, capsys, monkeypatch):
    _, make, match = case
    _no_work(monkeypatch)
    out = make(tmp_path)
    before = {p.name: (p.is_symlink(), os.lstat(p).st_mode) for p in tmp_path.iterdir()}
    code, stdout, err = run_cli(capsys, "report", MA, LAB, "--out", str(out))
    assert_clean_error(code, err, 2, match)
    assert stdout == "" and err.count("\n") == 1
    after = {p.name: (p.is_symlink(), os.lstat(p).st_mode) for p in tmp_path.iterdir()}
    assert after == before, "nothing replaced, nothing left"
    assert Path("/dev/null").is_char_device()


def test_a_symlink_is_written_through_to_its_regular_file(tmp_path, monkeypatch):
    import careerstats.present.report as report

    monkeypatch.setattr(report, "render", lambda *a, **k: "<!DOCTYPE html><p>new</p>\n")
    target = tmp_path / "real.html"
    target.write_text("old")
    link = tmp_path / "link.html"
    link.symlink_to(target)
    info = report.write_report(MA, LAB, link)
    assert link.is_symlink() and os.readlink(link) == str(target), "the link stays a link"
    assert target.read_text() == "<!DOCTYPE html><p>new</p>\n" and info["bytes"] == 26
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.html", "real.html"]


def test_charts_refuse_a_device_where_a_chart_goes(tmp_path, capsys, monkeypatch):
    _no_work(monkeypatch)
    os.mkfifo(tmp_path / "01-article-pay.png")
    code, _, err = run_cli(capsys, "charts", "--out", str(tmp_path), "--only", "01-article-pay")
    assert_clean_error(code, err, 2, "is a FIFO")


def test_build_data_refuses_a_device_where_a_table_goes(tmp_path, capsys):
    os.mkfifo(tmp_path / "oews_state.csv")
    code, _, err = run_cli(capsys, "build-data", "--data-dir", str(tmp_path))
    assert_clean_error(code, err, 2, "oews_state.csv: is a FIFO")
    assert [p.name for p in tmp_path.iterdir()] == ["oews_state.csv"]


def test_fetch_refuses_to_replace_a_symlinked_folder(tmp_path, capsys):
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    code, _, err = run_cli(
        capsys, "fetch-oews", str(tmp_path / "link"), "--contact", "me@example.org"
    )
    assert_clean_error(code, err, 2, "is a symlink")
    assert (tmp_path / "link").is_symlink()


def test_report_to_a_new_file_in_an_existing_folder(tmp_path, monkeypatch, capsys):
    import careerstats.present.report as report

    monkeypatch.setattr(report, "render", lambda *a, **k: "<p>ok</p>")
    code, _out, err = run_cli(capsys, "report", MA, LAB, "--out", str(tmp_path / "r.html"))
    assert code == 0, err
    assert (tmp_path / "r.html").read_text() == "<p>ok</p>"
    assert oct((tmp_path / "r.html").stat().st_mode & 0o777) == oct(0o666 & ~_umask())
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"], "no temporary file left"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# --- standard output ----------------------------------------------------------------------


def test_a_closed_standard_output_is_an_error():
    proc = subprocess.run(
        [*CLI, "trace", "38190", "--soc", MA],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        close_fds=True,
        preexec_fn=lambda: os.close(1),
    )
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.strip() == (
        "careerstats: error: standard output is closed — expected a terminal, a file or a "
        "pipe to write to; nothing was done"
    )


def test_a_full_standard_output_is_an_error():
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [*CLI, "trace", "38190", "--soc", MA],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.strip() == "careerstats: error: No space left on device"


# --- fetch-oews: bounded -------------------------------------------------------------------


class Hostile(BaseHTTPRequestHandler):
    """A server that misbehaves: ``mode`` junk (endless bytes, no Content-Length), big (a
    Content-Length past any limit), trickle (a byte at a time, slowly), steady (fast
    enough, but long), missing (404)."""

    mode: ClassVar[str] = "junk"
    sent: ClassVar[list[int]] = []

    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.mode == "missing":
            self.send_error(404, "Not Found")
            return
        self.send_response(200)
        if self.mode == "big":
            self.send_header("Content-Length", str(50 * 10**9))
        self.end_headers()
        started = time.monotonic()
        total = 0
        try:
            while time.monotonic() - started < 20 and total < 200 * 10**6:
                if self.mode == "junk":
                    block = b"x" * 65536
                elif self.mode == "trickle":
                    block = b"x"
                    time.sleep(0.2)
                elif self.mode == "steady":
                    block = b"x" * 4096
                    time.sleep(0.01)
                else:
                    return
                self.wfile.write(block)
                total += len(block)
        except OSError:
            pass
        finally:
            Hostile.sent.append(total)


@pytest.fixture
def hostile():
    Hostile.sent = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/pub/time.series/oe/"
    httpd.shutdown()
    httpd.server_close()


def _fetch(capsys, target: Path, url: str, *extra: str) -> tuple[int, str, str]:
    return run_cli(
        capsys, "fetch-oews", str(target), "--contact", "me@example.org", "--base-url", url, *extra
    )


def test_junk_without_a_length_stops_at_the_size_limit(hostile, tmp_path, capsys):
    Hostile.mode = "junk"
    code, _, err = _fetch(capsys, tmp_path / "flat", hostile, "--max-size", "1")
    assert_clean_error(code, err, 2, "more than 1,000,000 bytes")
    assert "nothing was written" in err and list(tmp_path.iterdir()) == []


def test_a_length_past_the_limit_is_refused_before_reading(hostile, tmp_path, capsys):
    Hostile.mode = "big"
    code, _, err = _fetch(capsys, tmp_path / "flat", hostile)
    assert_clean_error(code, err, 2, "announces 50000000000 bytes")
    assert list(tmp_path.iterdir()) == []


def test_the_recorded_sizes_are_the_default_limit():
    from careerstats.tables.checks import recorded_flat_sizes

    sizes = recorded_flat_sizes(paths.DATA_DIR)
    assert sizes["oe.data.0.Current"] == 331_509_758  # BLS's May 2025 data file
    assert set(sizes) >= {"oe.area", "oe.occupation", "oe.footnote"}


def test_a_trickling_server_is_given_up(hostile, tmp_path, capsys, monkeypatch):
    from careerstats.ingest import fetch

    monkeypatch.setattr(fetch, "RATE_WINDOW", 1.0)
    Hostile.mode = "trickle"
    started = time.monotonic()
    code, _, err = _fetch(capsys, tmp_path / "flat", hostile, "--min-rate", "1")
    assert_clean_error(code, err, 2, "expected at least --min-rate 1 KB/s")
    assert time.monotonic() - started < 10 and list(tmp_path.iterdir()) == []


def test_the_whole_download_has_a_deadline(hostile, tmp_path, capsys):
    Hostile.mode = "steady"
    started = time.monotonic()
    code, _, err = _fetch(
        capsys, tmp_path / "flat", hostile, "--deadline", "1", "--max-size", "1000"
    )
    assert_clean_error(code, err, 2, "longer than --deadline 1 s")
    assert time.monotonic() - started < 10 and list(tmp_path.iterdir()) == []


def test_fetch_help_states_the_bounds(capsys):
    code, out, _ = run_cli(capsys, "fetch-oews", "--help")
    flat = " ".join(out.split())
    assert code == 0
    assert "--max-size MB" in flat and "4 times the size datapackage.json records" in flat
    assert "(default: 3600)" in flat and "(default: 10 KB/s)" in flat


def test_folders_made_for_a_failed_download_are_removed(hostile, tmp_path, capsys):
    Hostile.mode = "junk"
    target = tmp_path / "new" / "deeper" / "flat"
    code, _, err = _fetch(capsys, target, hostile, "--max-size", "0.1")
    assert_clean_error(code, err, 2, "--max-size")
    assert list(tmp_path.iterdir()) == []


def test_no_folder_is_made_when_nothing_arrives(hostile, tmp_path, capsys):
    Hostile.mode = "missing"
    code, _, err = _fetch(capsys, tmp_path / "new" / "flat", hostile)
    assert_clean_error(code, err, 2, "HTTP 404")
    assert list(tmp_path.iterdir()) == []


FETCH_ARG_CASES = [
    ("contact-trailing-newline", ["--contact", "me@example.org\n"], "no line breaks"),
    ("contact-not-latin-1", ["--contact", "mé@exämple.org"], "plain ASCII"),
    ("contact-header-injection", ["--contact", "a@b.org\r\nX-Evil: 1"], "no line breaks"),
    ("base-url-not-a-url", ["--base-url", "not a url"], "expected an http or https URL"),
    ("base-url-bad-ipv6", ["--base-url", "http://[::1"], "not a URL"),
    ("base-url-ftp", ["--base-url", "ftp://example.org/oe/"], "expected an http or https URL"),
    ("max-size-zero", ["--max-size", "0"], "expected a number above 0"),
    ("deadline-text", ["--deadline", "soon"], "expected a number above 0"),
]


@pytest.mark.parametrize("case", FETCH_ARG_CASES, ids=[c[0] for c in FETCH_ARG_CASES])
def test_fetch_arguments_are_checked_before_connecting(case, tmp_path, capsys):
    _, extra, match = case
    argv = ["fetch-oews", str(tmp_path / "flat"), "--contact", "me@example.org", *extra]
    code, _, err = run_cli(capsys, *argv)
    assert_clean_error(code, err, 2, match)
    assert err.count("\n") == 1 and list(tmp_path.iterdir()) == []


# --- the command line -----------------------------------------------------------------------

LONG = "9" * 100_000
CLI_CASES = [
    ("industries-one-code-twice", ["industries", MA, "319092"], 2, "given twice"),
    ("trace-limit-zero", ["trace", "38190", "--top", "0"], 2, "expected a positive whole"),
    ("trace-limit-negative", ["trace", "38190", "--top", "-1"], 2, "expected a positive whole"),
    ("trace-limit-text", ["trace", "38190", "--top", "all"], 2, "expected a positive whole"),
    ("industries-top-negative", ["industries", MA, "--top", "-2"], 2, "expected a positive"),
    (
        "area-washington-dc",
        ["compare", MA, LAB, "--area", "washington dc"],
        2,
        "names 2 areas: 1100000 District of Columbia; 0047900 Washington-Arlington",
    ),
    (
        "area-washington-d-c-punctuated",
        ["compare", MA, LAB, "--area", "Washington, D.C."],
        2,
        "1100000 District of Columbia",
    ),
    ("long-soc-code", ["compare", LONG, LAB], 2, "(100,000 characters)"),
    ("long-area", ["compare", MA, LAB, "--area", "x" * 100_000], 2, "(100,000 characters)"),
    ("long-trace-value", ["trace", "x" * 100_000], 2, "expected one number"),
    ("long-industries-code", ["industries", LONG], 2, "(100,000 characters)"),
    ("long-contact", ["fetch-oews", "{tmp}/f", "--contact", "@" * 100_000], 2, "characters)"),
]


@pytest.mark.parametrize("case", CLI_CASES, ids=[c[0] for c in CLI_CASES])
def test_odd_arguments_end_in_one_short_line(case, tmp_path, capsys, monkeypatch):
    _, argv, expected, match = case
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(capsys, *[a.replace("{tmp}", str(tmp_path)) for a in argv])
    assert_clean_error(code, err, expected, match)
    assert out == "" and err.count("\n") == 1 and len(err) < 400, err[:500]
    assert list(tmp_path.iterdir()) == []


def test_area_names_match_without_case_or_punctuation(capsys):
    for typed, title in (
        ("los angeles", "Los Angeles-Long Beach-Anaheim, CA"),
        ("LOS ANGELES-long beach", "Los Angeles-Long Beach-Anaheim, CA"),
        ("district of columbia", "District of Columbia"),
        ("Washington", "Washington"),
    ):
        code, out, err = run_cli(capsys, "compare", MA, LAB, "--area", typed)
        assert code == 0, err
        assert out.startswith(f"{title}, OEWS May 2025"), (typed, out[:80])


def test_a_pair_without_industry_rows_still_compares(capsys):
    """29-2011 was last published in May 2016: it has no industry estimates in May 2025,
    and the comparison says so instead of failing."""
    import json

    code, out, err = run_cli(capsys, "compare", "29-2011", MA, "--year", "2015", "--format", "json")
    assert code == 0, err
    block = json.loads(out)["industries"]
    assert block["unpublished"] == [
        {
            "soc_code": "29-2011",
            "note": "BLS's May 2025 industry estimates include no 29-2011: it publishes none "
            "for this occupation",
        }
    ]
    assert {r["soc_code"] for r in block["rows"]} == {MA}


def test_every_csv_is_rounded_as_shown(capsys):
    code, out, _ = run_cli(capsys, "history", MA, LAB, "--dollars", "real", "--format", "csv")
    assert code == 0
    numbers = [c for line in out.splitlines()[1:] for c in line.split(",")[1:3]]
    assert numbers and all(len(n.partition(".")[2]) <= 2 for n in numbers), numbers[:4]
    code, out, _ = run_cli(capsys, "industries", MA, "--top", "3", "--format", "csv")
    assert code == 0 and ".0," not in out and ",True," not in out and ",true," in out


@pytest.mark.slow
def test_report_renders_every_pair_compare_accepts(tmp_path, capsys):
    """00-0000 (all occupations) with a major group: the pre-check and the notebook agree."""
    code, _out, err = run_cli(
        capsys, "report", "00-0000", "29-0000", "--out", str(tmp_path / "r.html")
    )
    assert code == 0, err
    page = (tmp_path / "r.html").read_text()
    assert "All Occupations vs Healthcare Practitioners and Technical Occupations" in page
    assert snapshot(tmp_path).keys() == {"r.html"}


def test_a_sigpipe_exit_code_stays_141():
    # megabytes of output: more than a pipe holds, so the command is still writing when
    # the reader goes (a small output could be written whole before, and exit 0)
    proc = subprocess.Popen(
        [*CLI, "trace", "45000", "--top", "100000"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait()
    assert proc.returncode == 141 and "broken pipe" in err and "Traceback" not in err
    assert sys.platform.startswith("linux")
