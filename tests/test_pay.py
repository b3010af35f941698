import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerstats import CareerStatsError, load_table
from careerstats.analysis import claims, pay
from careerstats.occupations import CLINICAL_LAB_TECHNOLOGISTS_AND_TECHNICIANS as LAB
from careerstats.occupations import MEDICAL_ASSISTANTS as MA

wages = st.floats(min_value=1, max_value=1_000_000, allow_nan=False)
cents = st.integers(min_value=1, max_value=50_000).map(lambda c: c / 100)


def test_hourly_to_annual_uses_2080_hours():
    assert pay.hourly_to_annual(18.36) == pytest.approx(38_188.8)
    assert pay.annual_to_hourly(56_910) == pytest.approx(27.36, abs=0.005)
    assert type(pay.hourly_to_annual(20)) is float


def test_gap_values():
    g = pay.gap(38_190, 56_910)
    assert g.absolute == 18_720
    assert g.percent == pytest.approx(49.018, abs=1e-3)
    assert g.ratio == pytest.approx(1.4902, abs=1e-4)
    assert all(type(v) is float for v in g.as_dict().values())


def test_article_pay_gap():
    wide = claims.claims_wide(load_table("article_claims"))
    g = pay.pay_gap(wide, MA, LAB)
    assert (g.annual.absolute, g.hourly.absolute) == (18_720.0, 9.0)
    assert round(g.annual.percent, 1) == 49.0


@given(a=wages, b=wages)
def test_swapping_flips_the_sign(a, b):
    assert pay.gap(a, b).absolute == -pay.gap(b, a).absolute
    assert pay.gap(a, b).ratio * pay.gap(b, a).ratio == pytest.approx(1)


@given(hourly=cents)
def test_hourly_annual_round_trip_to_the_cent(hourly):
    assert round(pay.annual_to_hourly(pay.hourly_to_annual(hourly)), 2) == hourly


@given(hourly=cents)
def test_bls_rounding_is_always_consistent(hourly):
    annual = round(hourly * 2080, -1)  # BLS rounds annual wages to $10
    assert pay.check_annual_hourly(annual, hourly).is_consistent


def test_check_annual_hourly_catches_a_wrong_pair():
    assert pay.check_annual_hourly(38_190, 18.36).is_consistent
    c = pay.check_annual_hourly(38_190, 17.23)
    assert not c.is_consistent and c.difference == pytest.approx(38_190 - 17.23 * 2080)


@pytest.mark.parametrize("a, b", [(0, 10), (-5, 10), ("x", 10), (math.nan, 10)])
def test_bad_gap_input(a, b):
    with pytest.raises(CareerStatsError):
        pay.gap(a, b)


def test_pay_gap_unknown_code_lists_close_matches():
    wide = claims.claims_wide(load_table("article_claims"))
    with pytest.raises(CareerStatsError, match="close matches: 31-9092"):
        pay.pay_gap(wide, "31-9093", LAB)
