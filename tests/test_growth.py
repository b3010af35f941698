import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerstats import CareerStatsError
from careerstats.analysis import growth

bases = st.floats(min_value=1, max_value=1e8, allow_nan=False)
growths = st.floats(min_value=0.01, max_value=300, allow_nan=False)


def test_projected_and_change():
    assert growth.projected_employment(720_900, 18) == pytest.approx(850_662)
    assert growth.numeric_change(335_500, 11) == pytest.approx(36_905)
    assert growth.percent_change(720_900, 132_600) == pytest.approx(18.3937, abs=1e-4)


def test_cagr():
    assert growth.cagr(100, 200, 10) == pytest.approx(7.177, abs=1e-3)
    assert growth.cagr(720_900, 853_500, 10) == pytest.approx(1.703, abs=1e-3)


def test_article_checks():
    ma = growth.check_change(720_900, 18, 132_600)
    assert ma.change_from_percent == pytest.approx(129_762)
    assert not ma.is_exact and ma.is_consistent_with_rounding
    lab = growth.check_change(335_500, 11, 36_500)
    assert lab.percent_from_change == pytest.approx(10.879, abs=1e-3)
    assert lab.is_consistent_with_rounding


def test_inconsistent_change_is_flagged():
    assert not growth.check_change(720_900, 18, 150_000).is_consistent_with_rounding
    assert growth.check_change(1000, 10, 100).is_exact


@given(base=bases, pct=growths, years=st.integers(min_value=1, max_value=30))
def test_path_increases_and_ends_at_base_times_growth(base, pct, years):
    path = growth.projection_path(base, pct, 2020, 2020 + years)
    assert len(path) == years + 1
    assert path["employment"].is_monotonic_increasing
    assert path["employment"].diff().dropna().gt(0).all()
    assert path["employment"].iloc[0] == base
    assert path["employment"].iloc[-1] == pytest.approx(base * (1 + pct / 100), rel=1e-12)


@given(base=bases, pct=growths, years=st.integers(min_value=1, max_value=30))
def test_cagr_inverts_the_path(base, pct, years):
    end = growth.projected_employment(base, pct)
    rate = growth.cagr(base, end, years)
    assert base * (1 + rate / 100) ** years == pytest.approx(end, rel=1e-9)


@pytest.mark.parametrize("args", [(0, 5), (-10, 5), (100, -100), (100, "x")])
def test_bad_projection_input(args):
    with pytest.raises(CareerStatsError):
        growth.projected_employment(*args)


def test_path_needs_a_later_end_year():
    with pytest.raises(CareerStatsError, match="end year"):
        growth.projection_path(100, 5, 2030, 2020)
