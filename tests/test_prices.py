"""Real dollars (CPI-U), cost of living (BEA price parities) and sampling-error intervals:
known values from BLS and BEA, values read back from the raw files, and properties."""

from __future__ import annotations

import csv
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerstats import CareerStatsError, load_table, paths
from careerstats.analysis import cost_of_living, intervals, real
from careerstats.ingest.bea import read_parities

CPI = load_table("cpi")


def test_cpi_known_values():
    """BLS's published CPI-U (CUUR0000SA0), May 2021 and May 2025."""
    assert real.cpi_value(2021, cpi=CPI) == 269.195
    assert real.cpi_value(2025, cpi=CPI) == 321.465
    annual_2024 = load_table("cpi").query("year == 2024 and period == 'M13'")["index_value"]
    assert annual_2024.item() == 313.689  # BLS's 2024 annual average


def test_cpi_table_runs_from_2014_to_the_newest_month():
    """Every month from January 2014 to August 2026, but October 2025, for which BLS's
    database holds no value: absent, never imputed."""
    cpi = load_table("cpi")
    monthly = cpi[cpi["month"].notna()]
    have = set(zip(monthly["year"], monthly["month"], strict=True))
    expected = {(y, m) for y in range(2014, 2027) for m in range(1, 13) if (y, m) <= (2026, 8)}
    assert expected - have == {(2025, 10)} and have <= expected
    with pytest.raises(CareerStatsError, match=r"October 2025: not in cpi\.csv"):
        real.cpi_value(2025, 10, cpi=CPI)


def test_real_dollars_are_the_cpi_ratio():
    """The May 2021 article figure in May 2025 dollars: nominal x CPI(May 2025) / CPI(May 2021)."""
    assert real.to_real(38_190, 2021, 2025, cpi=CPI) == pytest.approx(38_190 * 321.465 / 269.195)
    assert real.dollars_of(2025) == "May 2025"


def test_a_month_outside_the_cpi_is_refused():
    with pytest.raises(CareerStatsError, match=r"CPI-U for May 2030: not in cpi.csv"):
        real.cpi_value(2030, cpi=CPI)
    with pytest.raises(CareerStatsError, match="covers January 2014 to"):
        real.to_real(100.0, 2010, 2025, cpi=CPI)


@given(st.floats(1, 1e6), st.integers(2015, 2025), st.integers(2015, 2025))
def test_real_conversion_round_trips(value, a, b):
    there = real.to_real(value, a, b, cpi=CPI)
    assert real.to_real(there, b, a, cpi=CPI) == pytest.approx(value, rel=1e-12)


def _raw_parity(file: str, fips: str, year: str) -> float:
    """The all-items parity as the raw BEA file states it, read here independently."""
    with (paths.RAW_DIR / "bea" / file).open(encoding="latin-1") as f:
        rows = list(csv.reader(f))
    col = rows[0].index(year)
    for row in rows[1:]:
        if (
            len(row) == len(rows[0])
            and row[0].strip().strip('"') == fips
            and row[6].strip() == "RPPs: All items"
        ):
            return float(row[col])
    raise AssertionError(f"{fips} not in {file}")


@pytest.mark.parametrize(
    "file, table, fips, year",
    [
        ("SARPP_STATE_2008_2023.csv", "SARPP", "36000", "2023"),  # New York
        ("SARPP_STATE_2008_2023.csv", "SARPP", "16000", "2023"),  # Idaho
        ("MARPP_MSA_2008_2024.csv", "MARPP", "35620", "2024"),  # New York-Newark-Jersey City
        ("PARPP_PORT_2008_2024.csv", "PARPP", "26999", "2024"),  # Michigan, nonmetro portion
    ],
)
def test_parities_read_back_from_the_raw_files(file, table, fips, year):
    parities = load_table("price_parities")
    row = parities[
        (parities["bea_table"] == table)
        & (parities["geo_fips"] == fips)
        & (parities["year"] == int(year))
    ]
    assert row["rpp_all_items"].item() == _raw_parity(file, fips, year)


def test_bea_markers_and_footers(tmp_path):
    raw = (paths.RAW_DIR / "bea" / "MARPP_MSA_2008_2024.csv").read_text(encoding="latin-1")
    table = read_parities(paths.RAW_DIR / "bea" / "MARPP_MSA_2008_2024.csv")
    assert "(NA)" in raw and table["rpp_all_items"].isna().any()  # kept missing
    bad = tmp_path / "MARPP.csv"
    bad.write_text(raw.replace("(NA)", "n/a", 1), encoding="latin-1")
    with pytest.raises(CareerStatsError, match="a parity or \\(NA\\)"):
        read_parities(bad)


def test_every_oews_area_gets_one_rule():
    ap = cost_of_living.area_parities(load_table("areas"), load_table("price_parities")).set_index(
        "area_code"
    )
    assert ap.at["0000000", "rpp_all_items"] == 100.0
    ny = ap.loc["3600000"]
    assert (ny["bea_table"], ny["parity_year"]) == ("SARPP", 2023)
    assert ny["rpp_all_items"] == _raw_parity("SARPP_STATE_2008_2023.csv", "36000", "2023")
    nonmetro = ap.loc["2600004"]  # an OEWS nonmetropolitan area of Michigan
    assert (nonmetro["bea_table"], nonmetro["geo_fips"]) == ("PARPP", "26999")
    for territory in ("6600000", "7200000", "7800000"):
        assert math.isnan(ap.at[territory, "rpp_all_items"])
        assert "territories" in ap.at[territory, "parity_note"]
    assert cost_of_living.parity_label("SARPP", 2023) == "2023 state price parities"


def test_cost_adjusted():
    assert cost_of_living.cost_adjusted(50_000, 125.0) == 40_000
    assert math.isnan(cost_of_living.cost_adjusted(50_000, math.nan))


estimates = st.floats(1, 1e7, allow_nan=False)
rses = st.floats(0, 100, allow_nan=False)


@given(estimates, rses)
def test_interval_contains_the_estimate_and_widens_with_level(x, rse):
    lo90, hi90 = intervals.interval(x, rse, 0.90)
    lo95, hi95 = intervals.interval(x, rse, 0.95)
    assert lo95 <= lo90 <= x <= hi90 <= hi95
    assert hi90 - x == pytest.approx(x - lo90)


@given(estimates, rses, estimates, rses)
def test_difference_interval_is_symmetric_and_no_narrower_than_either(a, ra, b, rb):
    lo, hi = intervals.difference_interval(a, ra, b, rb)
    lo2, hi2 = intervals.difference_interval(b, rb, a, ra)
    assert lo == pytest.approx(-hi2) and hi == pytest.approx(-lo2)
    width = hi - lo
    slack = 1e-9 * (abs(a) + abs(b))  # rounding of diff +/- half at large magnitudes
    for x, r in ((a, ra), (b, rb)):
        one = intervals.interval(x, r)
        assert width >= (one[1] - one[0]) - slack


def test_interval_known_values_and_missing():
    assert intervals.z_value(0.90) == pytest.approx(1.6448536, abs=1e-7)
    assert intervals.z_value(0.95) == pytest.approx(1.9599640, abs=1e-7)
    assert intervals.interval(50_000, 2.0) == pytest.approx((48_355.15, 51_644.85), abs=0.01)
    assert all(math.isnan(v) for v in intervals.interval(50_000, math.nan))
    assert intervals.reliable(30.0) is True and intervals.reliable(30.1) is False
    assert intervals.reliable(math.nan) is None


def test_reading_the_cpi_does_not_import_the_cpi_package():
    """`import cpi` warns once its data are 90 days older than today: a date-dependent
    message that must never reach a build, a notebook or a test. careerstats reads the
    package's database without importing it."""
    import subprocess
    import sys

    code = (
        "import sys, warnings\nwarnings.simplefilter('error')\n"
        "from careerstats.ingest.cpi import read_cpi\nread_cpi()\n"
        "assert 'cpi' not in sys.modules\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
