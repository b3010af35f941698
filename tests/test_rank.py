"""Ranking areas: BLS's values, joint rank intervals (coverage by simulation), the calls
against the nation with and without a family-wise correction, and truthful absence."""

import json
import math
from statistics import NormalDist

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerstats import CareerStatsError, UnknownCodeError, cli
from careerstats.analysis.rank import rank, rank_intervals, significant, two_sided_p
from careerstats.errors import NotPublishedError, RetiredCodeError
from careerstats.tables.store import Tables

MA, LAB = "31-9092", "29-2010"


@pytest.fixture(scope="module")
def data():
    return Tables()


@pytest.fixture(scope="module")
def states(data):
    return rank(MA, LAB, by="state", data=data)


def _row(result, title):
    return next(r for r in result["rows"] if r["area_title"] == title)


# --- BLS's values ------------------------------------------------------------------------------


def test_state_gap_is_bls_means(states):
    """New York: BLS publishes a mean of $93,610 for 29-2010 and $48,750 for 31-9092."""
    ny = _row(states, "New York")
    assert ny["value"] == 93610 - 48750
    assert ny["rank"] == 1 and ny["rank_ci90"] == [1, 1]
    assert states["national_value"] == 67350 - 46120 == 21230


def test_one_occupation_by_metro_is_bls_values(data):
    found = rank(LAB, by="metro", data=data)
    top = found["rows"][0]
    # BLS: San Jose-Sunnyvale-Santa Clara, CA, 29-2010, annual mean wage $97,190
    assert (top["area_code"], top["value"]) == ("0041940", 97190)
    assert found["areas"]["published"] == 500 and found["by"] == "metro"


def test_counts_against_the_nation_before_and_after_correction(states):
    """54 tests at 10% each: 16 above, 23 below, 15 cannot tell; Bonferroni at 10%
    family-wise: 9, 21, 24 (the issue's independent recomputation); Holm in between."""
    vs = states["vs_national"]
    assert vs["tests"] == 54
    assert vs["uncorrected_counts"] == {"above": 16, "below": 23, "cannot tell": 15}
    assert vs["bonferroni_counts"] == {"above": 9, "below": 21, "cannot tell": 24}
    assert vs["correction"] == "holm"
    assert vs["counts"] == _holm_by_hand(states)


def _holm_by_hand(result):
    """Holm's step-down, recomputed from each row's value and interval alone."""
    z90 = NormalDist().inv_cdf(0.95)
    nat = result["national_value"]
    national = Tables().oews("national", "latest", where={"soc_code": [MA, LAB]})
    se = {
        r["soc_code"]: r["annual_wage_mean"] * r["wage_rse_pct"] / 100
        for _, r in national.iterrows()
    }
    nat_se = math.hypot(se[MA], se[LAB])
    tests = []
    for r in result["rows"]:
        low, high = r["value_ci90"]
        area_se = (high - low) / (2 * z90)
        z = (r["value"] - nat) / math.hypot(area_se, nat_se)
        tests.append((2 * (1 - NormalDist().cdf(abs(z))), z))
    order = sorted(range(len(tests)), key=lambda i: tests[i][0])
    m, calls = len(tests), ["cannot tell"] * len(tests)
    for step, i in enumerate(order):
        if tests[i][0] >= 0.10 / (m - step):
            break
        calls[i] = "above" if tests[i][1] > 0 else "below"
    return {k: calls.count(k) for k in ("above", "below", "cannot tell")}


def test_cost_adjusted_names_its_parities(data, states):
    adjusted = rank(MA, LAB, by="state", cost_adjusted=True, data=data)
    assert adjusted["price_parities"] == "2023 state price parities"
    assert adjusted["areas"] == {"ranked": 51, "unranked": 3, "published": 54}
    guam = _row(adjusted, "Guam")
    assert guam["rank"] is None and "no price parity" in guam["note"]
    ca, ca_before = _row(adjusted, "California"), _row(states, "California")
    assert ca["rank"] > ca_before["rank"]  # a parity of 112.6 lowers California's gap
    metro = rank(MA, LAB, by="metro", cost_adjusted=True, data=data)
    assert metro["price_parities"] == "2024 metro price parities; 2024 state-portion price parities"


def test_medians_are_ranked_without_intervals(data):
    found = rank(LAB, by="state", measure="annual_wage_median", data=data)
    assert all(r["rank_ci90"] is None and r["value_ci90"] is None for r in found["rows"])
    assert all(r["vs_national"] is None for r in found["rows"])
    assert "no standard error" in found["notes"][0]
    assert found["rows"][0]["value"] == 97280  # BLS: New York, 29-2010 median $97,280
    with pytest.raises(CareerStatsError, match="measures with rank intervals: employment"):
        rank(LAB, by="state", measure="annual_wage_median", method="product", data=data)


def test_unreliable_rows_are_shown_not_dropped(data):
    found = rank("29-1214", by="metro", data=data)  # emergency physicians: top-coded means
    bounded = [r for r in found["rows"] if r["lower_bound"]]
    assert bounded and all(not r["reliable"] for r in bounded)
    assert all(r["rank_ci90"] is None and r["vs_national"] is None for r in bounded)
    assert all("top-coded" in " ".join(r["unreliable_because"]) for r in bounded)
    employment = rank("11-9039", by="metro", measure="employment", data=data)
    abilene = _row(employment, "Abilene, TX")  # BLS: employment RSE 39.9%
    assert abilene["reliable"] is False and abilene["rank"] is not None


# --- the statistics ----------------------------------------------------------------------------


def _coverage(method, k=54, runs=400, seed=7):
    """The share of simulated surveys in which every area's true rank lies in its
    interval at once."""
    rng = np.random.default_rng(seed)
    truth = np.sort(rng.normal(60000, 8000, k))[::-1]
    se = rng.uniform(300, 3000, k)
    true_rank = np.arange(1, k + 1)
    hits = 0
    for _ in range(runs):
        estimate = truth + rng.normal(0, se)
        best, worst = rank_intervals(estimate, se, 0.90, method)
        hits += bool(np.all((best <= true_rank) & (true_rank <= worst)))
    return hits / runs


@pytest.mark.parametrize("method", ["product", "pairwise"])
def test_joint_coverage_by_simulation(method):
    """At least the nominal 90%, within simulation error (400 runs: SE about 1.5 points)."""
    assert _coverage(method) >= 0.86


def test_intervals_collapse_without_error_and_open_without_se():
    values = np.array([5.0, 4.0, 3.0, 2.0])
    best, worst = rank_intervals(values, np.full(4, 1e-9))
    assert best.tolist() == worst.tolist() == [1, 2, 3, 4]
    best, worst = rank_intervals(values, np.array([1e-9, np.nan, 1e-9, 1e-9]))
    assert best.tolist() == [1, 1, 2, 3] and worst.tolist() == [2, 4, 3, 4]


@given(
    st.lists(st.floats(0, 1, allow_nan=False), min_size=1, max_size=30),
    st.sampled_from([0.05, 0.10]),
)
def test_holm_between_bonferroni_and_uncorrected(p, alpha):
    p = np.array(p)
    none, holm, bonf = (significant(p, alpha, c) for c in ("none", "holm", "bonferroni"))
    assert np.all(bonf <= holm) and np.all(holm <= none)
    if len(p) == 1:
        assert holm.tolist() == none.tolist()


@given(
    st.lists(st.tuples(st.floats(-1e5, 1e5), st.floats(1, 5e3)), min_size=2, max_size=25),
    st.sampled_from(["product", "pairwise"]),
)
def test_rank_interval_holds_the_point_rank(rows, method):
    values = np.array([v for v, _ in rows])
    se = np.array([s for _, s in rows])
    best, worst = rank_intervals(values, se, 0.9, method)
    point = 1 + (values[None, :] > values[:, None]).sum(axis=1)
    assert np.all(best <= point) and np.all(point <= worst)
    assert np.all((best >= 1) & (best <= worst) & (worst <= len(values)))


def test_p_values():
    p = two_sided_p(np.array([1.6448536269514722, np.nan]), np.array([1.0, 1.0]))
    assert p[0] == pytest.approx(0.10) and np.isnan(p[1])


# --- absence -----------------------------------------------------------------------------------


def test_known_code_in_an_area_without_it(data):
    from careerstats.analysis.compare import compare

    with pytest.raises(NotPublishedError) as e:
        compare("15-1252", MA, area="Ponce", data=data)
    text = str(e.value)
    assert "Software Developers" in text and "Ponce, PR" in text
    assert "Puerto Rico as a whole" in text and "San Juan-Bayamon-Caguas, PR" in text
    assert "unknown" not in text


def test_unknown_and_retired_codes(data):
    from careerstats.analysis.compare import compare

    with pytest.raises(UnknownCodeError, match=r"^unknown SOC code '15-9999'; close matches: 15-"):
        compare("15-9999", MA, data=data)
    with pytest.raises(RetiredCodeError, match="last published it in May 2024"):
        compare("11-1010", MA, data=data)
    with pytest.raises(NotPublishedError, match="Employment Projections only"):
        compare("45-3031", MA, data=data)


def test_every_occupation_in_a_metro(data):
    """BLS: 69,030 software developers in San Francisco-Oakland-Fremont, May 2025."""
    from careerstats.analysis.compare import compare

    found = compare("15-1252", "13-2011", area="San Francisco", data=data)
    assert found["occupations"][0]["employment"] == 69030
    assert found["area"]["area_type"] == "metro"


def test_rank_a_code_no_area_publishes(data):
    with pytest.raises(CareerStatsError, match=r"in only 1 state"):
        rank("51-7032", by="state", data=data)


# --- the command -------------------------------------------------------------------------------


def test_rank_json(capsys):
    assert cli.main(["rank", MA, LAB, "--format", "json", "--top", "3"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert len(out["rows"]) == 3
    assert set(out["rows"][0]) >= {
        "area_code", "area_title", "value", "value_ci90", "rank", "rank_ci90",
        "vs_national", "reliable",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--by", "county"], "--by 'county': expected one of state, metro"),
        (["--measure", "x"], "measure 'x': expected one of employment"),
        (["--measure", "employment", "--cost-adjusted"], "cannot be cost-adjusted"),
    ],
)
def test_rank_bad_input_is_one_line(capsys, args, says):
    assert cli.main(["rank", LAB, *args]) == 2
    err = capsys.readouterr().err
    assert says in err and err.count("\n") == 1


def test_simulation_catches_intervals_without_a_joint_correction():
    """Near-ties (true values 0.1 SE apart): intervals each at 90% alone (the product
    construction at level 0.9^54) cover every rank at once in under 90% of surveys; the
    joint intervals in all of them. So the coverage test above can fail."""
    rng = np.random.default_rng(3)
    values, se, true_rank = np.arange(54)[::-1] * 0.1, np.ones(54), np.arange(1, 55)

    def cover(level):
        hits = 0
        for _ in range(600):
            best, worst = rank_intervals(values + rng.normal(0, se), se, level, "product")
            hits += bool(np.all((best <= true_rank) & (true_rank <= worst)))
        return hits / 600

    assert cover(0.9**54) < 0.88
    assert cover(0.90) >= 0.90


def test_latest_is_the_table_newest_release_even_for_a_filtered_load():
    """A code BLS last published in May 2024 has no rows in the newest release: "latest"
    is the table's newest release, not the newest year of the rows asked for."""
    from careerstats.tables.load import load_oews

    assert load_oews("national", "latest", where={"soc_code": ["11-1010"]}).empty
    rows = load_oews("national", None, where={"soc_code": ["11-1010"]})
    assert int(rows["year"].max()) == 2024
    metro = load_oews("metro", "latest", where={"area_code": ["0041860"]})
    assert set(metro["year"]) == {2025} and len(metro) > 700
