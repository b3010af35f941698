"""The lean install: the core needs pandas, pyarrow, matplotlib and us; each extra
(report, lab, build) is named in pyproject.toml and in careerstats.extras alike, and a
command whose extra is missing stops with one line naming the install command, having
written nothing. A missing extra is simulated by an import hook that hides its modules;
``test_wheel.py`` checks the same in a real environment without the extras."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from careerstats import extras, paths
from careerstats.errors import CareerStatsError, MissingExtraError

PYPROJECT = tomllib.loads((paths.ROOT / "pyproject.toml").read_text())
CORE = {"pandas", "pyarrow", "matplotlib", "us"}

#: Runs careerstats with the modules in argv[1] (comma-separated) hidden from imports.
HIDDEN = """
import importlib.abc, sys
hidden = set(sys.argv[1].split(","))
class Hide(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in hidden:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None
sys.meta_path.insert(0, Hide())
exec(sys.argv[2])
"""


def _name(requirement: str) -> str:
    return re.split(r"[<>=\[; ]", requirement, maxsplit=1)[0].lower()


def test_the_core_is_what_loading_comparing_ranking_and_charting_need():
    assert {_name(r) for r in PYPROJECT["project"]["dependencies"]} == CORE


def test_pyproject_and_careerstats_name_the_same_extras():
    optional = PYPROJECT["project"]["optional-dependencies"]
    for extra, distributions in extras.EXTRAS.items():
        assert {_name(r) for r in optional[extra]} == set(distributions), extra
    # make setup installs everything: the dev extra takes every extra
    assert f"careerstats[{','.join(extras.EXTRAS)}]" in optional["dev"]


def _hidden(modules: list[str], code: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", HIDDEN, ",".join(modules), code],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _cli(*argv: str) -> str:
    return f"from careerstats.cli import main; sys.exit(main({list(argv)!r}))"


def _assert_one_line(done: subprocess.CompletedProcess, extra: str) -> None:
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert f"pip install 'careerstats[{extra}]'" in lines[0]
    assert lines[0].startswith("careerstats: error: ")


@pytest.mark.parametrize("module", list(extras.EXTRAS["report"].values()))
def test_report_without_the_report_extra_is_one_line_and_writes_nothing(module, tmp_path):
    out = tmp_path / "report.html"
    done = _hidden([module], _cli("report", "31-9092", "29-2010", "--out", str(out)), tmp_path)
    _assert_one_line(done, "report")
    assert "careerstats report needs careerstats' 'report' extra" in done.stderr
    assert f"no module {module!r}" in done.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("module", list(extras.EXTRAS["build"].values()))
def test_build_data_without_the_build_extra_is_one_line_and_writes_nothing(module, tmp_path):
    out = tmp_path / "rebuilt"
    done = _hidden([module], _cli("build-data", "--data-dir", str(out)), tmp_path)
    _assert_one_line(done, "build")
    assert "careerstats build-data needs careerstats' 'build' extra" in done.stderr
    assert list(tmp_path.iterdir()) == []


#: Opens notebook 05's picker; prints the MissingExtraError's message if there is one.
PICKER = (
    "import careerstats as cs\n"
    "from careerstats.present.picker import comparison_picker\n"
    "try:\n"
    "    comparison_picker('31-9092', '29-2010', 'US', data=cs.Tables())\n"
    "except cs.MissingExtraError as e:\n"
    "    print(e)\n"
)


def test_the_picker_without_the_lab_extra_names_the_extra(tmp_path):
    done = _hidden(["ipywidgets"], PICKER, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == (
        "the live picker (comparison_picker) needs careerstats' 'lab' extra (no module "
        "'ipywidgets' here); install it with: pip install 'careerstats[lab]'"
    )


def test_the_commands_of_the_core_need_no_extra(tmp_path):
    """compare, history, rank, industries, requirements, trace and charts run with every
    extra hidden."""
    hidden = sorted({m for mods in extras.EXTRAS.values() for m in mods.values()})
    code = "\n".join(
        _cli(*argv).replace("sys.exit(", "assert 0 == (") + "\n"
        for argv in (
            ["compare", "31-9092", "29-2010", "--area", "CA"],
            ["history", "31-9092", "29-2010", "--dollars", "real"],
            ["rank", "31-9092", "--top", "3"],
            ["industries", "31-9092", "--top", "2"],
            ["requirements", "31-9092", "--category", "education"],
            ["trace", "45,690"],
            ["charts", "--out", str(tmp_path / "charts"), "--only", "01-article-pay"],
        )
    )
    code += "\nprint(sorted(m for m in sys.modules if m.split('.')[0] in hidden))"
    done = _hidden(hidden, code, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"
    assert "117,060" in done.stdout  # BLS: California medical assistants, May 2025


def test_a_missing_extra_is_a_careerstats_error(monkeypatch):
    monkeypatch.setattr(extras, "installed", lambda module: module != "openpyxl")
    with pytest.raises(MissingExtraError) as raised:
        extras.require("build")
    assert isinstance(raised.value, CareerStatsError)
    assert str(raised.value) == (
        "careerstats build-data needs careerstats' 'build' extra (no module 'openpyxl' "
        "here); install it with: pip install 'careerstats[build]'"
    )
    extras.require("report")  # installed here
