"""careerstats history: both occupations, every release, nominal and real dollars."""

from __future__ import annotations

import json

import pytest

from careerstats import cli, load_oews, load_table
from careerstats.analysis import real
from careerstats.analysis.wages import wage_history
from conftest import assert_clean_error, run_cli


def test_real_history_of_the_article_pair_is_nominal_times_the_cpi_ratio(capsys):
    code = cli.main(["history", "31-9092", "29-2010", "--dollars", "real", "--format", "json"])
    assert code == 0
    rows = json.loads(capsys.readouterr().out)
    cpi = load_table("cpi").query("period == 'M05'").set_index("year")["index_value"]
    national = load_oews("national").set_index(["year", "soc_code"])
    assert len(rows) == 2 * 11  # May 2015 to May 2025
    for r in rows:
        nominal = national.at[(r["year"], r["soc_code"]), "annual_wage_median"]
        assert r["value_nominal"] == nominal  # BLS's published median
        assert r["value_real"] == pytest.approx(nominal * cpi[2025] / cpi[r["year"]], abs=0.006)
        assert r["dollars_of"] == "May 2025"
        assert set(r) == {
            "year",
            "release",
            "soc_code",
            "measure",
            "value_nominal",
            "value_real",
            "dollars_of",
        }
    may2015 = {r["soc_code"]: r for r in rows if r["year"] == 2015}
    assert may2015["31-9092"]["value_nominal"] == 30_590  # BLS, May 2015 national medians
    assert may2015["29-2010"]["value_nominal"] == 50_550


def test_the_real_change_since_2015():
    """Medical assistants' median rose in real terms; lab staff's fell."""
    h = wage_history(
        load_oews("national"), ["31-9092", "29-2010"], cpi=load_table("cpi")
    ).set_index(["year", "soc_code"])
    ma = h.at[(2025, "31-9092"), "value_real"] / h.at[(2015, "31-9092"), "value_real"] - 1
    lab = h.at[(2025, "29-2010"), "value_real"] / h.at[(2015, "29-2010"), "value_real"] - 1
    assert ma == pytest.approx(
        45_690 / (30_590 * real.cpi_ratio(2015, 2025, cpi=load_table("cpi"))) - 1
    )
    assert ma > 0 > lab


def test_table_marks_the_method_break(capsys):
    assert cli.main(["history", "31-9092", "29-2010"]) == 0
    out = capsys.readouterr().out
    assert "2021" in out and "BLS's new method (MB3) starts" in out
    assert "30,590" in out and "45,690" in out


@pytest.mark.parametrize(
    "argv, match",
    [
        (["history", "31-9098", "29-2010"], "unknown SOC code '31-9098'"),
        (["history", "31-9092", "29-2010", "--area", "Atlantis"], "unknown area 'Atlantis'"),
        (
            ["history", "31-9092", "29-2010", "--measure", "annual_wage_mediam"],
            "close matches: annual_wage_median",
        ),
        (["history", "31-9092", "29-2010", "--dollars", "reall"], "invalid choice"),
        (
            ["history", "31-9092", "29-2010", "--measure", "employment", "--dollars", "real"],
            "employment is not in dollars",
        ),
        (["history", "31-9092", "31-9092"], "with itself"),
    ],
)
def test_bad_input(argv, match, capsys):
    code, out, err = run_cli(capsys, *argv)
    assert_clean_error(code, err, 2, match)
    assert out == ""
