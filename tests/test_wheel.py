"""The library installs anywhere: a wheel built from the repository, installed in a fresh
virtual environment outside it, answers from the data package it carries."""

import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from careerstats import paths
from careerstats.tables.resources import RESOURCES, table_file

pytestmark = pytest.mark.slow

UV = paths.ROOT / ".tools" / "bin" / "uv"
#: The locked runtime dependencies, without the project (the wheel is installed instead).
EXPORT_FLAGS = ("--no-dev", "--no-hashes", "--no-emit-project", "--frozen", "-q")


def _uv() -> str:
    found = str(UV) if UV.exists() else shutil.which("uv")
    if not found:
        pytest.skip("uv is not installed: run make setup")
    return found


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [_uv(), "build", "--wheel", "-o", str(out), "-q", str(paths.ROOT)],
        check=True,
        cwd=paths.ROOT,
    )
    (found,) = out.glob("careerstats-*.whl")
    return found


def test_wheel_carries_the_data_package_and_the_report_notebook(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in RESOURCES:
        assert f"careerstats/_data/{table_file(name)}" in names
    assert "careerstats/_data/datapackage.json" in names
    assert "careerstats/_notebooks/05-compare-any-pair.ipynb" in names
    assert not any("/raw/" in n for n in names), "raw BLS files stay in the repository"
    # every occupation in every metro area, and BLS's two ORS workbooks (1.2 MB
    # compressed), and still a wheel people can download
    assert wheel.stat().st_size <= 26_000_000


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> tuple[Path, Path]:
    """A virtual environment outside the repository with the wheel and the locked
    dependencies; and an empty working folder outside the repository."""
    base = tmp_path_factory.mktemp("outside")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("UV_", "VIRTUAL_ENV"))}
    requirements = base / "requirements.txt"
    requirements.write_text(
        subprocess.run(
            [
                _uv(),
                "export",
                "--format",
                "requirements.txt",
                "--no-dev",
                "--no-hashes",
                "--no-emit-project",
                "--frozen",
                "-q",
            ],
            check=True,
            cwd=paths.ROOT,
            capture_output=True,
            text=True,
        ).stdout
    )
    venv = base / "venv"
    subprocess.run([_uv(), "venv", "-q", "--python", "python3", str(venv)], check=True, env=env)
    subprocess.run(
        [
            _uv(),
            "pip",
            "install",
            "-q",
            "--python",
            str(venv / "bin" / "python"),
            "-r",
            str(requirements),
            str(wheel),
        ],
        check=True,
        env=env,
    )
    work = base / "work"
    work.mkdir()
    return venv, work


def _run(installed, *argv, **env):
    venv, work = installed
    clean = {k: v for k, v in os.environ.items() if not k.startswith("CAREERSTATS_")}
    return subprocess.run(
        [str(venv / "bin" / argv[0]), *argv[1:]],
        cwd=work,
        capture_output=True,
        text=True,
        env={**clean, "CAREERSTATS_CACHE": str(work / "cache"), **env},
    )


def test_installed_wheel_compares_from_its_own_data(installed):
    done = _run(installed, "careerstats", "compare", "31-9092", "29-2010", "--area", "CA")
    assert done.returncode == 0, done.stderr
    assert "California, OEWS May 2025" in done.stdout
    assert "117,060" in done.stdout  # BLS: California medical assistants, May 2025
    code = (
        "import careerstats as cs; from careerstats import paths; "
        "print(paths.DATA_DIR); print(len(cs.load_table('occupations'))); "
        "print(cs.compare('31-9092', '29-2010')['gap']['annual_wage_median'])"
    )
    done = _run(installed, "python", "-c", code)
    assert done.returncode == 0, done.stderr
    where, rows, gap = done.stdout.split()
    assert where.endswith("site-packages/careerstats/_data") and not where.startswith(
        str(paths.ROOT)
    )
    assert int(rows) > 1000 and float(gap) == 62_930 - 45_690


def test_installed_wheel_honours_careerstats_data(installed, tmp_path):
    copy = tmp_path / "data"
    copy.mkdir()
    for name in RESOURCES:
        shutil.copy(paths.DATA_DIR / table_file(name), copy)
    shutil.copy(paths.DATA_DIR / "datapackage.json", copy)
    national = copy / "oews_national.csv"
    national.write_text(
        national.read_text().replace("31-9092,Medical Assistants,", "31-9092,Copied Assistants,")
    )
    code = (
        "import careerstats as cs; "
        "print(cs.compare('31-9092', '29-2010')['occupations'][0]['occupation_title'])"
    )
    refused = _run(installed, "python", "-c", code, CAREERSTATS_DATA=str(copy))
    assert refused.returncode != 0 and "CAREERSTATS_ALLOW_EDITED_DATA" in refused.stderr
    done = _run(
        installed,
        "python",
        "-c",
        code,
        CAREERSTATS_DATA=str(copy),
        CAREERSTATS_ALLOW_EDITED_DATA="1",
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Copied Assistants"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--help"], "Reproducible comparisons"),
        (["industries", "31-9092", "--top", "2"], "Offices of Physicians"),
        (["history", "31-9092", "29-2010"], "45,690"),
        (["trace", "38190", "--soc", "31-9092"], "oews_national"),
        (["charts", "--out", "charts", "--only", "01-article-pay"], "wrote 2 files"),
    ],
)
def test_installed_wheel_runs_every_command(installed, argv, expected):
    done = _run(installed, "careerstats", *argv)
    assert done.returncode == 0, done.stderr
    assert expected in done.stdout


def test_installed_wheel_says_build_data_needs_a_checkout(installed):
    done = _run(installed, "careerstats", "build-data", "--data-dir", "rebuilt")
    assert done.returncode == 2
    assert "clone of the careerstats repository" in done.stderr
    assert "Traceback" not in done.stderr


#: Runs, in the installed environment, every docstring example of every careerstats module
#: (all of which must import without the extras), with the network refused; prints JSON.
DOCTEST_RUNNER = """
import doctest, importlib, json, pkgutil, socket, sys

def offline(*args, **kwargs):
    raise OSError("the examples run offline")

socket.socket.connect = offline
socket.create_connection = offline
import careerstats

names = ["careerstats"] + sorted(
    m.name for m in pkgutil.walk_packages(careerstats.__path__, "careerstats.")
    if not m.name.endswith("__main__")
)
found = {"modules": len(names), "tests": 0, "examples": 0, "failed": []}
for name in names:
    for test in doctest.DocTestFinder().find(importlib.import_module(name)):
        if not test.examples:
            continue
        out = []
        result = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS).run(test, out=out.append)
        found["tests"] += 1
        found["examples"] += result.attempted
        if result.failed:
            found["failed"].append(test.name + ":\\n" + "".join(out))
from careerstats.extras import EXTRAS, installed
found["extras_here"] = sorted(
    m for modules in EXTRAS.values() for m in modules.values() if installed(m)
)
print(json.dumps(found))
"""


def test_every_example_runs_in_the_core_install_offline_from_an_empty_folder(installed):
    """The core wheel, without extras: every module imports, and every docstring example
    (the API reference's) gives what it shows, with no network, in an empty folder."""
    import json

    _venv, work = installed
    before = sorted(p.name for p in work.iterdir() if p.name != "cache")
    done = _run(installed, "python", "-c", DOCTEST_RUNNER)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["extras_here"] == [], "the core install carries no extra"
    assert not found["failed"], "\n".join(found["failed"])
    # the same examples as the repository's (tests/test_docs.py runs them there)
    from test_docs import DOCTESTS

    assert found["tests"] == len(DOCTESTS) > 20
    assert found["examples"] == sum(len(t.examples) for t in DOCTESTS)
    assert sorted(p.name for p in work.iterdir() if p.name != "cache") == before


def test_a_missing_extra_is_one_line_in_the_core_install(installed, tmp_path):
    _venv, work = installed
    out = work / "report.html"
    done = _run(installed, "careerstats", "report", "31-9092", "29-2010", "--out", str(out))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.strip() == (
        "careerstats: error: careerstats report needs careerstats' 'report' extra (no "
        "module 'nbformat' here); install it with: pip install 'careerstats[report]'"
    )
    assert not out.exists()
    done = _run(
        installed,
        "careerstats",
        "build-data",
        "--raw",
        str(paths.RAW_DIR),
        "--data-dir",
        str(tmp_path / "rebuilt"),
    )
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1
    assert "pip install 'careerstats[build]'" in done.stderr
    assert not (tmp_path / "rebuilt").exists()
    from test_extras import PICKER

    done = _run(installed, "python", "-c", PICKER)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("install it with: pip install 'careerstats[lab]'")
