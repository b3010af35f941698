"""The hostile tester's cases: each bad input, cut file, unsafe string or interruption ends
in one line ``careerstats: error: ...``, a non-zero exit code and no traceback, and leaves
nothing written or changed. One test per kind of case; each case asserts the exit code,
the message and the files."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from careerstats import paths
from careerstats.tables import checks
from careerstats.tables.build import STAGING_PREFIX, sweep_stale_staging
from conftest import CLI, FLAT_FIXTURE, BLSLike, assert_clean_error, run_cli, snapshot


@pytest.fixture(scope="module")
def package_before() -> dict[str, str]:
    return snapshot(paths.DATA_DIR)


# --- output paths, checked before any work ------------------------------------------------


def _file(tmp: Path) -> Path:
    f = tmp / "a-file"
    f.write_text("x")
    return f


OUTPUT_CASES = [
    # (id, argv builder, message)
    ("charts-out-is-a-file", lambda t: ["charts", "--out", str(_file(t))], "is a file"),
    (
        "charts-out-under-a-file",
        lambda t: ["charts", "--out", str(_file(t) / "sub")],
        "is a file, not a folder",
    ),
    ("charts-out-dash", lambda t: ["charts", "--out", "-"], "expected a folder"),
    ("build-out-is-a-file", lambda t: ["build-data", "--data-dir", str(_file(t))], "is a file"),
    ("build-out-dash", lambda t: ["build-data", "--data-dir", "-"], "expected a folder"),
    (
        "report-out-is-a-folder",
        lambda t: ["report", "31-9097", "29-2052", "--out", str(t)],
        "is a folder",
    ),
    (
        "report-out-under-a-file",
        lambda t: ["report", "31-9097", "29-2052", "--out", str(_file(t) / "r.html")],
        "is a file, not a folder",
    ),
    (
        "fetch-into-a-file",
        lambda t: ["fetch-oews", str(_file(t)), "--contact", "a@b.org"],
        "is a file",
    ),
]


@pytest.mark.parametrize("case", OUTPUT_CASES, ids=[c[0] for c in OUTPUT_CASES])
def test_output_paths_are_checked_before_any_work(case, tmp_path, capsys, monkeypatch):
    _, argv, match = case
    import careerstats.present.registry as registry
    import careerstats.present.report as report

    def no_work(*a, **k):
        raise AssertionError("work started before the output path was checked")

    monkeypatch.setattr(registry, "render_all", no_work)
    monkeypatch.setattr(report, "render", no_work)
    args = argv(tmp_path)
    before = snapshot(tmp_path)
    code, out, err = run_cli(capsys, *args)
    assert_clean_error(code, err, 2, match)
    assert snapshot(tmp_path) == before and out == ""


def test_an_unwritable_folder_is_refused(tmp_path, capsys, monkeypatch):
    # as root every folder is writable, so the permission is what os.access reports
    monkeypatch.setattr(os, "access", lambda p, mode: False)
    code, _, err = run_cli(capsys, "charts", "--out", str(tmp_path / "charts"))
    assert_clean_error(code, err, 2, "permission denied")
    assert list(tmp_path.iterdir()) == []


def test_report_to_standard_output(capsys, monkeypatch, tmp_path):
    import careerstats.present.report as report

    monkeypatch.setattr(
        report, "render", lambda a, b, area="US", **options: "<!DOCTYPE html><p>ok</p>"
    )
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(capsys, "report", "31-9097", "29-2052", "--out", "-")
    assert code == 0 and out == "<!DOCTYPE html><p>ok</p>" and err == ""
    assert list(tmp_path.iterdir()) == [], "no file named '-'"


# --- arguments ------------------------------------------------------------------------------

ARG_CASES = [
    ("compare-same-code", ["compare", "31-9092", "31-9092"], 2, "with itself"),
    ("compare-same-code-two-forms", ["compare", "31-9092", "319092"], 2, "with itself"),
    ("compare-unknown-code", ["compare", "31-9098", "29-2010"], 2, "unknown SOC code '31-9098'"),
    ("compare-malformed-code", ["compare", "31-90", "29-2010"], 2, "not a SOC code"),
    (
        "compare-unknown-area",
        ["compare", "31-9092", "29-2010", "--area", "Atlantis"],
        2,
        "unknown area 'Atlantis'",
    ),
    (
        "compare-unknown-year",
        ["compare", "31-9092", "29-2010", "--year", "1999"],
        2,
        "unknown year '1999'",
    ),
    (
        "compare-bad-format",
        ["compare", "31-9092", "29-2010", "--format", "xml"],
        2,
        "invalid choice",
    ),
    (
        "compare-year-not-a-number",
        ["compare", "31-9092", "29-2010", "--year", "last"],
        2,
        "invalid int value",
    ),
    ("report-same-code", ["report", "31-9092", "31-9092"], 2, "with itself"),
    (
        "report-unknown-area",
        ["report", "31-9097", "29-2052", "--area", "Texsa"],
        2,
        "unknown area 'Texsa'",
    ),
    ("charts-unknown-name", ["charts", "--only", "99-nothing"], 2, "unknown chart"),
    ("trace-scientific", ["trace", "1e9"], 2, "expected one number"),
    ("trace-embedded", ["trace", "abc38190xyz"], 2, "expected one number"),
    ("trace-range", ["trace", "12-15%"], 2, "expected one number"),
    ("trace-huge", ["trace", "1" * 10_000], 2, "10,000 digits"),
    ("trace-empty", ["trace", ""], 2, "expected one number"),
    ("trace-dollar-percent", ["trace", "$18%"], 2, "both dollars and a percent"),
    ("trace-bad-grouping", ["trace", "38,19"], 2, "expected one number"),
    ("trace-no-match", ["trace", "123456789"], 1, "no BLS figure"),
    (
        "fetch-no-contact",
        ["fetch-oews", "{tmp}/oe", "--contact", "nobody"],
        2,
        "expected an e-mail address",
    ),
    ("unknown-command", ["explode"], 2, "invalid choice"),
]


@pytest.mark.parametrize("case", ARG_CASES, ids=[c[0] for c in ARG_CASES])
def test_bad_arguments(case, tmp_path, capsys, monkeypatch):
    _, argv, expected, match = case
    monkeypatch.chdir(tmp_path)
    code, _out, err = run_cli(capsys, *[a.replace("{tmp}", str(tmp_path)) for a in argv])
    assert_clean_error(code, err, expected, match)
    assert list(tmp_path.iterdir()) == [], "nothing written"


def test_trace_keeps_exact_integers():
    from careerstats.analysis.trace import parse_quote

    assert parse_quote("123456789012345").value == 123456789012345
    assert parse_quote("$1,234,567,890,123.45").value == 1234567890123.45


# --- build-data: a build that cannot silently lose data -----------------------------------


def test_subset_into_the_package_is_refused(capsys, package_before):
    code, _, err = run_cli(capsys, "build-data", "--oews-flatfiles", str(FLAT_FIXTURE), "--subset")
    assert_clean_error(code, err, 2, "refusing to write it into")
    assert snapshot(paths.DATA_DIR) == package_before


def test_another_data_file_is_refused_before_reading(capsys, package_before):
    code, _, err = run_cli(capsys, "build-data", "--oews-flatfiles", str(FLAT_FIXTURE))
    assert_clean_error(code, err, 2, "is not the file datapackage.json records")
    assert "--accept-new-release" in err
    assert snapshot(paths.DATA_DIR) == package_before


def test_a_cut_data_file_is_refused(tmp_path, capsys, package_before):
    flat = tmp_path / "flat"
    shutil.copytree(FLAT_FIXTURE, flat)
    data = (flat / "oe.data.0.Current").read_bytes()
    (flat / "oe.data.0.Current").write_bytes(data[: data.rfind(b"\r\n", 0, len(data) // 2) + 2])
    code, _, err = run_cli(capsys, "build-data", "--oews-flatfiles", str(flat))
    assert_clean_error(code, err, 2, "SHA-256")
    assert snapshot(paths.DATA_DIR) == package_before


def _tables():
    from careerstats import load_table

    return {n: load_table(n).copy() for n in ("oews_national", "oews_state", "oews_metro")}


#: The small fixture of the value checks: the story's occupations only, as the build's
#: checks see them (row i of a table is its line i + 2).
STORY = ("00-0000", "31-9092", "29-2010")


def _small_tables():
    from careerstats import load_table

    return {
        n: load_table(n, where={"soc_code": list(STORY)}).reset_index(drop=True)
        for n in ("oews_national", "oews_state", "oews_metro")
    }


def _caps():
    from careerstats.ingest.oews_flat import read_release

    r = read_release(paths.RAW_DIR / "oews-flat")
    return {r.year: (r.hourly_cap, r.annual_cap)}


def _oe_area():
    from careerstats.ingest.oews_flat import read_areas

    return read_areas(paths.RAW_DIR / "oews-flat")


def test_the_real_tables_pass_every_check():
    assert checks.sanity_problems(_tables(), _oe_area(), _caps(), paths.DATA_DIR) == []


@pytest.mark.parametrize(
    "table, column, value, match",
    [
        ("oews_state", "annual_wage_median", 99_999_999_999, "a plausible wage"),
        ("oews_state", "annual_wage_p10", 1_000_000, "percentiles in order"),
        ("oews_national", "hourly_wage_p25", 200.0, "percentiles in order"),
        ("oews_metro", "annual_wage_mean", 5.0, "x 2,080"),
    ],
    ids=["huge-wage", "p10-above-median", "p25-above-median", "annual-not-hourly-x-2080"],
)
def test_implausible_values_are_named(table, column, value, match):
    tables = _small_tables()
    row = tables[table].index[(tables[table]["soc_code"] == "31-9092")][-1]
    tables[table].loc[row, column] = value
    no_coverage = _oe_area().iloc[:0]  # a fixture of three occupations covers no area whole
    problems = [str(p) for p in checks.sanity_problems(tables, no_coverage, _caps(), None)]
    hit = [p for p in problems if match in p and column in p]
    assert hit, problems
    assert f"{table}.csv" in hit[0] and str(row + 2) in hit[0], "file and line named"


def test_missing_areas_and_lost_rows_are_named():
    tables = _tables()
    tables["oews_metro"] = tables["oews_metro"][tables["oews_metro"]["area_code"] != "0031080"]
    tables["oews_state"] = tables["oews_state"].iloc[: len(tables["oews_state"]) // 2]
    problems = "\n".join(
        str(p) for p in checks.sanity_problems(tables, _oe_area(), _caps(), paths.DATA_DIR)
    )
    assert "'0031080'" in problems and "oews_metro.csv" in problems
    assert (
        "oews_state.csv (being built): '18,704 rows' — expected about the previous build's "
        "37,408 rows (at most 5% fewer)" in problems
    )


def test_stale_staging_folders_are_swept(tmp_path):
    dead = tmp_path / f"{STAGING_PREFIX}999999999-abc"  # no such process
    dead.mkdir()
    (dead / "oews_state.csv").write_text("partial")
    mine = tmp_path / f"{STAGING_PREFIX}{os.getpid()}-xyz"
    mine.mkdir()
    assert sweep_stale_staging(tmp_path) == [dead]
    assert not dead.exists() and mine.exists()


def test_broken_pipe_is_one_line():
    proc = subprocess.Popen(
        [*CLI, "trace", "10", "--format", "json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    proc.stdout.read(100)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait()
    assert proc.returncode == 141, err
    assert err.strip() == (
        "careerstats: error: output closed before it was all written (broken pipe)"
    )


def test_a_header_only_table_is_a_clean_error(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, data, ignore=shutil.ignore_patterns("raw"))
    header = (data / "oews_state.csv").read_text().splitlines()[0]
    (data / "oews_state.csv").write_text(header + "\n")
    run_ = subprocess.run(
        [*CLI, "compare", "31-9092", "29-2010", "--area", "CA"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "CAREERSTATS_DATA": str(data), "CAREERSTATS_ALLOW_EDITED_DATA": "1"},
    )
    assert run_.returncode == 2 and "Traceback" not in run_.stderr
    assert "oews_state.csv — expected at least one data row" in run_.stderr


# --- fetch-oews: a download that is verified -------------------------------------------------

FETCH_CASES = [
    ("cut-with-length", {"truncate": "oe.data.0.Current"}, "expected the whole file"),
    ("cut-midline-no-length", {"cut_midline": "oe.data.0.Current"}, "does not end in a line end"),
    ("cut-at-line-no-length", {"cut_at_line": "oe.data.0.Current"}, "SHA-256 differs"),
    ("small-file-cut-no-length", {"cut_midline": "oe.footnote"}, "does not end in a line end"),
    ("missing-file", {"missing": "oe.footnote"}, "HTTP 404"),
    ("new-release-not-accepted", {}, "SHA-256 differs"),
]


@pytest.mark.parametrize("case", FETCH_CASES, ids=[c[0] for c in FETCH_CASES])
def test_a_download_is_verified(case, server, tmp_path, capsys):
    """The fixture server's data file is a subset, so its digest is not the one the data
    package records: the real download of a new release looks the same."""
    _, behaviour, match = case
    BLSLike.behaviour = behaviour
    target = tmp_path / "oews-flat"
    shutil.copytree(FLAT_FIXTURE, target)
    before = snapshot(tmp_path)
    code, _out, err = run_cli(
        capsys, "fetch-oews", str(target), "--contact", "me@example.org", "--base-url", server
    )
    assert_clean_error(code, err, 2, match)
    assert "nothing was written" in err.lower()
    assert snapshot(tmp_path) == before, "target untouched, no staging folder left"


def test_a_new_release_is_taken_only_when_accepted(server, tmp_path, capsys):
    target = tmp_path / "oews-flat"
    code, _out, err = run_cli(
        capsys,
        "fetch-oews",
        str(target),
        "--contact",
        "me@example.org",
        "--base-url",
        server,
        "--accept-new-release",
    )
    assert code == 0, err
    assert snapshot(target) == snapshot(FLAT_FIXTURE)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["oews-flat"]


def test_a_folder_with_other_files_is_not_replaced(server, tmp_path, capsys):
    target = tmp_path / "mine"
    target.mkdir()
    (target / "notes.txt").write_text("keep me")
    code, _, err = run_cli(
        capsys,
        "fetch-oews",
        str(target),
        "--contact",
        "me@example.org",
        "--base-url",
        server,
        "--accept-new-release",
    )
    assert_clean_error(code, err, 2, "not one of BLS's flat files")
    assert (target / "notes.txt").read_text() == "keep me"
