"""trace: rounding rules, real BLS values, the CLI contract."""

import json

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerstats import CareerStatsError, cli, load_table
from careerstats.analysis.trace import _candidates, check_claims, parse_quote
from careerstats.api import trace
from careerstats.tables.store import Tables


@pytest.mark.parametrize(
    "text, value, decimals, kind, scale",
    [
        ("38190", 38190, 0, "any", 1),
        ("$38,190", 38190, 0, "money", 1),
        ("18%", 18, 0, "percent", 1),
        ("18 percent", 18, 0, "percent", 1),
        ("27.36", 27.36, 2, "any", 1),
        ("335.5 thousand", 335.5, 1, "any", 1000),
        ("720.9k", 720.9, 1, "any", 1000),
    ],
)
def test_parse_quote(text, value, decimals, kind, scale):
    q = parse_quote(text)
    assert (q.value, q.decimals, q.kind, q.scale) == (value, decimals, kind, scale)


def test_parse_quote_rejects_text():
    with pytest.raises(CareerStatsError, match="expected one number"):
        parse_quote("lots")


def _rules(text, values):
    q = parse_quote(text)
    arr = np.array(values, dtype=float)
    return {rule: arr[mask].tolist() for mask, rule in _candidates(q, arr) if mask.any()}


def test_rounding_rules():
    assert _rules("18", [18.0, 18.4, 18.5, 17.5, 17.4, 19.0]) == {
        "exact": [18.0],
        "rounded to a whole number": [18.0, 18.4, 18.5, 17.5],
    }
    assert _rules("27.36", [27.36, 27.355, 27.364, 27.37]) == {
        "exact": [27.36],
        "rounded to 2 decimals": [27.36, 27.355, 27.364],
    }
    assert _rules("335.5 thousand", [335_500, 335_460, 335_549, 335_551]) == {
        "in thousands": [335_500],
        "in thousands, rounded to 1 decimal": [335_500, 335_460, 335_549],
    }
    rules = _rules("132,600", [132_600, 132_640, 132_560, 132_651])
    assert rules["exact"] == [132_600]
    assert rules["rounded to the nearest 100"] == [132_600, 132_640, 132_560]


@given(st.floats(min_value=0, max_value=1e6, allow_nan=False))
def test_a_value_always_matches_its_own_rounding(x):
    q = f"{round(x, 1):.1f}"
    rules = _rules(q, [x])
    assert rules, (q, x)


def test_trace_finds_blss_values():
    found = trace("18%", soc="31-9092")
    assert found.to_dict("records") == [
        {
            "dataset": "projections",
            "release": "Employment Projections 2020-30",
            "area_code": None,
            "soc_code": "31-9092",
            "measure": "employment_change_pct",
            "value": 18.4,
            "match": "rounded to a whole number",
        }
    ]
    found = trace("38190", soc="31-9092", datasets=["oews_national"])
    assert found[["release", "measure", "match"]].values.tolist() == [
        ["May 2021", "annual_wage_mean", "exact"]
    ]
    assert len(trace("335.5 thousand", soc="29-2010")) >= 1


def test_exact_matches_come_first():
    found = trace("720,900")
    assert found["match"].iloc[0] == "exact"
    order = found["match"].map({"exact": 0, "rounded to a whole number": 1}).fillna(2)
    assert order.is_monotonic_increasing


def test_the_articles_pay_row_is_the_mean():
    check = check_claims(load_table("article_claims"), data=Tables())
    pay = check.loc[["ma_annual_wage_median", "lab_annual_wage_median"]]
    assert pay["found_in"].tolist() == ["May 2021: mean annual wage"] * 2
    assert not pay["label_is_right"].any()
    assert check.loc["ma_employment_change", "found_in"].startswith(
        "Employment Projections 2020-30"
    )
    assert check.loc["lab_annual_wage_median", "newest_value"] == 62_930


def test_cli_json_and_exit_codes(capsys):
    assert cli.main(["trace", "132,600", "--soc", "31-9092", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"dataset", "release", "soc_code", "measure", "value", "match"} <= set(rows[0])
    assert rows[0]["value"] == 132_600 and rows[0]["match"] == "exact"
    assert cli.main(["trace", "0.123456", "--soc", "31-9092", "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out) == []


def test_a_claim_is_traced_to_the_cycle_its_period_names():
    """'11 percent (2020-2030)' also rounds 2018-28's 10.6% for lab staff: the claim's own
    period picks 2020-30 among equally good matches."""
    found = trace("11%", soc="29-2010", datasets=["projections"])
    assert {"Employment Projections 2018-28", "Employment Projections 2020-30"} <= set(
        found["release"]
    )
    check = check_claims(load_table("article_claims"), data=Tables())
    assert check.at["lab_employment_change_pct", "found_in"].startswith(
        "Employment Projections 2020-30"
    )
