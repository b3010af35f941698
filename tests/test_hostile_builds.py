"""Hostile cases that run whole builds: a cut file taken as a new release, and a build
killed with SIGKILL (see test_hostile_input.py)."""

from __future__ import annotations

import shutil
import subprocess
import time

import pytest

from careerstats.tables.build import STAGING_PREFIX
from conftest import CLI, FLAT_FIXTURE, assert_clean_error, run_cli, snapshot


def _build_new_release(capsys, data_copy, flat):
    """build-data of ``data_copy`` (its raw files) from the flat files in ``flat``, taken as
    a new release: (exit code, stdout, stderr)."""
    return run_cli(
        capsys,
        "build-data",
        "--raw",
        str(data_copy / "raw"),
        "--data-dir",
        str(data_copy),
        "--oews-flatfiles",
        str(flat),
        "--accept-new-release",
    )


@pytest.mark.slow
def test_a_cut_file_accepted_as_a_new_release_still_fails_the_checks(tmp_path, capsys, data_copy):
    """Even with --accept-new-release, a file cut at a line end (half the states gone)
    fails coverage and row counts, and the package is left as it was."""
    flat = tmp_path / "flat"
    shutil.copytree(FLAT_FIXTURE, flat)
    data = (flat / "oe.data.0.Current").read_bytes()
    cut = data.rfind(b"\r\n", 0, len(data) * 955 // 1000) + 2  # about half the states go
    (flat / "oe.data.0.Current").write_bytes(data[:cut])
    before = snapshot(data_copy)
    code, _, err = _build_new_release(capsys, data_copy, flat)
    assert_clean_error(code, err, 2, "areas oe.area lists")
    assert "at most 5% fewer" in err
    assert snapshot(data_copy) == before


@pytest.mark.slow
def test_sigkill_leaves_staging_that_the_next_build_sweeps(tmp_path):
    out = tmp_path / "out"
    args = [
        *CLI,
        "build-data",
        "--subset",
        "--oews-flatfiles",
        str(FLAT_FIXTURE),
        "--data-dir",
        str(out),
    ]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # wait until the build stages its first table
        if list(out.glob(f"{STAGING_PREFIX}*/*.csv")):
            break
        time.sleep(0.02)
    proc.kill()
    proc.wait()
    assert list(out.glob(f"{STAGING_PREFIX}*")), "the killed build had a staging folder"
    assert not list(out.glob("*.csv")), "nothing was moved into place"
    # the next build sweeps it at its start, even one that then fails at once
    again = [
        *CLI,
        "build-data",
        "--subset",
        "--oews-flatfiles",
        str(tmp_path / "none"),
        "--data-dir",
        str(out),
    ]
    done = subprocess.run(again, capture_output=True, text=True, check=False)
    assert done.returncode == 2 and "missing" in done.stderr, done.stderr
    assert not list(out.glob(f"{STAGING_PREFIX}*")), "the next build swept it"


@pytest.mark.slow
def test_a_corrupt_ors_workbook_fails_the_build_and_writes_nothing(tmp_path, capsys, data_copy):
    """A changed header in BLS's ORS 2018 workbook fails build-data with the file, sheet,
    row and column, and the package is left as it was."""
    import openpyxl

    from careerstats.ingest.ors import LAYOUTS

    book = openpyxl.Workbook()
    book.active.title = "File Information"
    book.active.append(["Footnote", "Footnote Description"])
    book.active.append(["7", "This estimate is the mode for the category group."])
    sheet = book.create_sheet("ORS_2018")
    header = list(LAYOUTS["2018"].header)
    header[7] = "VALUE"  # was ESTIMATE
    sheet.append(header)
    book.save(data_copy / "raw" / "ors" / "ors_2018.xlsx")
    before = snapshot(data_copy)
    code, _, err = _build_new_release(capsys, data_copy, FLAT_FIXTURE)
    assert_clean_error(code, err, 2, "ors_2018.xlsx, sheet 'ORS_2018': column H: row 1: 'VALUE'")
    assert "expected the header 'ESTIMATE'" in err
    assert snapshot(data_copy) == before
