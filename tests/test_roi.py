"""Return on training: arithmetic, property tests, and the BLS wages it starts from."""

import math
import re

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import careerstats as cs
from careerstats import CareerStatsError
from careerstats.analysis import roi
from careerstats.tables.store import Tables

DATA = Tables()

MA, LAB = cs.ARTICLE_PAIR
wages = st.floats(min_value=10_000, max_value=200_000, allow_nan=False)
years = st.floats(min_value=0, max_value=5, allow_nan=False)
costs = st.floats(min_value=0, max_value=100_000, allow_nan=False)


@pytest.fixture(scope="module")
def national():
    return cs.load_oews("national")


def test_starting_wages_are_blss(national):
    assert roi.starting_wage(national, MA, "median") == 45_690
    assert roi.starting_wage(national, LAB, "p25") == 47_650


def test_topcoded_start_is_refused():
    fake = pd.DataFrame(
        {
            "year": [2025],
            "release": ["May 2025"],
            "soc_code": ["29-1211"],
            "annual_wage_p90": [239_200.0],
            "topcoded_fields": ["annual_wage_p90"],
        }
    )
    with pytest.raises(CareerStatsError, match="top-coded"):
        roi.starting_wage(fake, "29-1211", "p90")


def test_one_year_of_training_then_full_pay():
    t = roi.cumulative_earnings(roi.CareerPath(MA, 1.0, training_cost=5_000), 40_000, 3)
    assert t["earnings"].tolist() == [0, 0, 40_000, 40_000]
    assert t["training_cost"].tolist() == [0, 5_000, 0, 0]
    assert t["cumulative"].tolist() == [0, -5_000, 35_000, 75_000]


def test_partial_years_partial_earnings_and_growth():
    p = roi.CareerPath(
        MA, 1.5, training_cost=3_000, earnings_during_training=0.5, wage_growth_pct=10
    )
    t = roi.cumulative_earnings(p, 40_000, 3).set_index("year")
    assert t.at[1, "earnings"] == pytest.approx(20_000)  # all training, half pay
    assert t.at[2, "earnings"] == pytest.approx(40_000 * (0.5 + 0.5 * 0.5))
    assert t.at[3, "earnings"] == pytest.approx(40_000 * 1.1**0.5)
    assert t["training_cost"].sum() == pytest.approx(3_000)


def test_break_even_is_interpolated(national):
    a = roi.CareerPath(MA, 1.0, start_percentile="p25")
    b = roi.CareerPath(LAB, 2.0, start_percentile="p25")
    table, year = roi.compare_paths(national, a, b, 15)
    # behind by 1,750 after year 6, ahead by 7,430 after year 7 (BLS p25 wages)
    assert table.loc[6, "difference"] == -1_750 and table.loc[7, "difference"] == 7_430
    assert year == pytest.approx(6 + 1_750 / 9_180)


@pytest.mark.parametrize(
    "bad",
    [
        dict(training_years=-1),
        dict(training_cost=-5),
        dict(earnings_during_training=1.5),
        dict(start_percentile="p50"),
    ],
)
def test_bad_paths(bad):
    with pytest.raises(CareerStatsError, match="career path"):
        roi.CareerPath(MA, **{"training_years": 1.0, **bad})


@given(wage=wages, train=years, cost=costs)
def test_identical_paths_break_even_at_once(wage, train, cost):
    p = roi.CareerPath(MA, train, training_cost=cost)
    t = roi.cumulative_earnings(p, wage, 10)
    assert roi.break_even(t, t) == 0.0


@given(wage=wages, train=years, cost=costs)
def test_cumulative_rises_once_training_is_over(wage, train, cost):
    t = roi.cumulative_earnings(roi.CareerPath(MA, train, training_cost=cost), wage, 12)
    after = t[t["year"] >= math.ceil(train) + 1]["cumulative"]
    assert after.is_monotonic_increasing


@given(
    wage=wages,
    premium=st.floats(min_value=1.05, max_value=3),
    cost=costs,
    extra=st.floats(min_value=1_000, max_value=50_000),
)
def test_more_cost_never_brings_break_even_earlier(wage, premium, cost, extra):
    a = roi.cumulative_earnings(roi.CareerPath(MA, 1.0), wage, 40)
    cheap = roi.cumulative_earnings(
        roi.CareerPath(LAB, 2.0, training_cost=cost), wage * premium, 40
    )
    dear = roi.cumulative_earnings(
        roi.CareerPath(LAB, 2.0, training_cost=cost + extra), wage * premium, 40
    )
    y1, y2 = roi.break_even(a, cheap), roi.break_even(a, dear)
    if y1 is None:  # the cheaper training never pays off within 40 years: nor the dearer
        assert y2 is None
    else:
        assert y2 is None or y2 >= y1 - 1e-9


def test_sensitivity_shape_and_monotone(national):
    first, second = roi.default_paths(data=DATA)
    sens = roi.sensitivity(national, first, second, [0, 10_000, 40_000])
    assert list(sens.columns) == list(roi.PERCENTILES)
    p25 = sens["p25"]
    assert p25.dropna().is_monotonic_increasing  # dearer training, later break-even ...
    assert not p25.isna().diff().eq(-1).any()  # ... and once "never", never again


def test_every_default_is_sourced_or_the_users():
    table = roi.default_assumptions(DATA)
    assert (table["source"].str.len() > 0).all()
    assert set(table["source"]) <= {
        "the article (data/article_table.csv)",
        "user's to set",
        "NCES IPEDS IC2023_PY (data/program_charges.csv)",
        "data/oews_national.csv and data/cpi.csv",
    }
    assert table.at["second_training_cost", "source"] == "user's to set"
    assert "4 lab technician programs" in table.at["second_training_cost", "note"]


def _raw_ipeds_fees(cip: str) -> list[float]:
    """Tuition and fees of ``cip``'s programs, read here from the raw IPEDS file directly
    (the copy stores CIP codes as numbers: 51.0801 stays 51.0801); an institution's
    largest program is priced in CHG1PY3 where CIPTUIT1 is '.'."""
    import csv

    from careerstats import paths

    fees = []
    with (paths.RAW_DIR / "ipeds" / "ic2023_py.csv").open() as f:
        for row in csv.DictReader(f):
            for n in range(1, 7):
                code = row[f"CIPCODE{n}"]
                if code == "-2" or float(code) != float(cip):
                    continue
                fee = row[f"CIPTUIT{n}"]
                if fee == "." and n == 1:
                    fee = row["CHG1PY3"]
                if fee != ".":
                    fees.append(float(fee))
    return fees


def test_no_listed_program_is_left_unpriced_where_ipeds_prices_it():
    """Every program IPEDS prices (in CIPTUITn, or in CHG1PY3 for the largest) has its
    tuition and fees in program_charges; the 230 institutions whose largest program is
    medical assisting (IPEDS README) are all priced."""
    import csv

    from careerstats import paths

    charges = cs.load_table("program_charges").set_index(["unitid", "program_number"])
    priced = 0
    with (paths.RAW_DIR / "ipeds" / "ic2023_py.csv").open() as f:
        for row in csv.DictReader(f):
            for n in range(1, 7):
                if row[f"CIPCODE{n}"] == "-2":
                    continue
                given = row[f"CIPTUIT{n}"] if row[f"CIPTUIT{n}"] != "." or n > 1 else row["CHG1PY3"]
                held = charges.loc[(row["UNITID"], n), "tuition_fees_usd"]
                if given == ".":
                    assert pd.isna(held), (row["UNITID"], n)
                else:
                    assert held == float(given), (row["UNITID"], n)
                    priced += 1
    assert priced == charges["tuition_fees_usd"].notna().sum() == 7940
    largest = charges.xs(1, level="program_number")
    ma = largest[largest["cip_code"] == roi.MEDICAL_ASSISTING_CIP]
    assert len(ma) == 230 and ma["tuition_fees_usd"].notna().all()
    assert (ma["charges_reported_in"] == "CHG1PY3, CHG4PY3").all()


def test_training_cost_defaults_come_from_ipeds():
    import statistics

    fees = _raw_ipeds_fees(roi.MEDICAL_ASSISTING_CIP)
    costs = roi.training_costs(cs.load_table("program_charges"), roi.MEDICAL_ASSISTING_CIP)
    assert costs["programs"] == len(fees) == 447  # 230 largest programs (CHG1PY3), 217 others
    assert costs["median"] == statistics.median(fees) == roi.default("first_training_cost", DATA)
    lab = roi.training_costs(cs.load_table("program_charges"), roi.LAB_TECHNICIAN_CIP)
    assert lab["programs"] == len(_raw_ipeds_fees(roi.LAB_TECHNICIAN_CIP)) == 4


def test_wage_growth_defaults_are_the_measured_real_change():
    from careerstats.analysis import real

    for soc, key in zip(
        cs.ARTICLE_PAIR, ("first_wage_growth_pct", "second_wage_growth_pct"), strict=True
    ):
        nat = cs.load_oews("national").set_index(["year", "soc_code"])["annual_wage_median"]
        ratio = nat[(2025, soc)] / (
            nat[(2015, soc)] * real.cpi_ratio(2015, 2025, cpi=cs.load_table("cpi"))
        )
        assert roi.default(key, DATA) == pytest.approx((ratio ** (1 / 10) - 1) * 100)
    assert (
        roi.default("first_wage_growth_pct", DATA) > 0 > roi.default("second_wage_growth_pct", DATA)
    )


def test_one_set_of_defaults():
    """roi.defaults(DATA) is the one home of the assumptions: default_paths, the table and
    notebook 06's parameters all read it, and the notebook types none of the values."""
    first, second = roi.default_paths(data=DATA)
    assert (first.training_years, second.training_years) == (
        roi.default("first_training_years", DATA),
        roi.default("second_training_years", DATA),
    )
    assert (
        first.start_percentile == second.start_percentile == roi.default("start_percentile", DATA)
    )
    assert (first.training_cost, second.training_cost) == (
        roi.default("first_training_cost", DATA),
        roi.default("second_training_cost", DATA),
    )
    assert first.wage_growth_pct == roi.default("first_wage_growth_pct", DATA)
    table = roi.default_assumptions(DATA)
    assert list(table.index) == list(roi.defaults(DATA))
    import nbformat

    from careerstats import paths

    nb = nbformat.read(paths.ROOT / "notebooks" / "06-return-on-training.ipynb", 4)
    params = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    assignments = dict(re.findall(r"^(\w+) = ([^#\n]+?)\s*(?:#.*)?$", params.source, re.M))
    assert set(assignments) == {"soc_a", "soc_b", "cost_a", "cost_b", "years_a", "years_b"}
    for name in ("cost_a", "cost_b", "years_a", "years_b"):
        assert assignments[name] == "None", f"{name} types a value: {assignments[name]}"


def test_another_pair_takes_its_training_from_bls_and_says_its_costs_are_missing():
    """Electricians (apprenticeship after high school) against HVAC mechanics
    (postsecondary nondegree award): years from EP's typical entry education, costs USD 0
    and said to be missing, the user's values kept with the source "you"."""
    found = roi.assumptions(DATA, "47-2111", "49-9021")
    assert (
        found["first_training_years"].value
        == roi.TRAINING_YEARS["High school diploma or equivalent"]
        == 0
    )
    assert found["second_training_years"].value == 1.0
    assert "Postsecondary nondegree award" in found["second_training_years"].note
    assert not roi.costs_given(found)
    assert found["first_training_cost"].value == 0 and found["first_training_cost"].is_users_to_set
    mine = roi.assumptions(DATA, "47-2111", "49-9021", cost_b=9000, years_a=4)
    assert roi.costs_given(mine)
    assert (mine["second_training_cost"].value, mine["second_training_cost"].source) == (
        9000.0,
        "you",
    )
    first, second = roi.paths_from(mine, "47-2111", "49-9021")
    assert (first.training_years, second.training_cost) == (4.0, 9000.0)

    from careerstats.present import narrative

    titles = {"47-2111": "Electricians", "49-9021": "HVAC mechanics"}
    assert narrative.assumptions_sentence(found, titles).startswith(
        "**No training costs were given, so both paths are priced at USD 0:**"
    )
    assert "USD 9,000 (you)" in narrative.assumptions_sentence(mine, titles)
