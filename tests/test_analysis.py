"""The analyses behind notebooks 02-04, on real data and small constructed tables."""

import pandas as pd
import pytest
import us

import careerstats as cs
from careerstats import analysis
from careerstats.present.tilemap import LAYOUT, N_COLS, N_ROWS

MA, LAB = cs.ARTICLE_PAIR


def test_tile_map_covers_every_state_dc_and_puerto_rico_once():
    expected = {s.abbr for s in us.states.STATES} | {"DC", "PR"}
    assert set(LAYOUT) == expected and len(LAYOUT) == 52
    assert len(set(LAYOUT.values())) == 52, "two places share a tile"
    assert all(0 <= r < N_ROWS and 0 <= c < N_COLS for r, c in LAYOUT.values())
    licensure = cs.load_table("licensure")
    assert set(licensure["state_code"]) == expected


def test_pay_history_uses_blss_medians():
    h = analysis.pay_history(cs.load_oews("national"), MA, LAB)
    assert list(h.index) == list(range(2015, 2026))
    assert h.loc[2019, MA] == 34_800 and h.loc[2025, LAB] == 62_930
    assert h.loc[2025, "gap_usd"] == 17_240
    assert h.loc[2025, "gap_pct"] == pytest.approx(17_240 / 45_690 * 100)
    assert h.loc[2020, "method"] == "before MB3" and h.loc[2021, "method"] == "MB3"


def test_area_gaps_and_extremes():
    gaps = analysis.area_gaps(cs.load_oews("state"), MA, LAB).set_index("area_state_code")
    assert len(gaps) == 54
    assert gaps.loc["NY", "gap_usd"] == gaps.loc["NY", LAB] - gaps.loc["NY", MA]
    ranked = cs.rank(LAB, by="metro", measure="annual_wage_median")["rows"]
    values = [r["value"] for r in ranked if r["value"] is not None]
    assert values == sorted(values, reverse=True) and len(values) == 493
    # BLS: Kingston, NY publishes the highest 29-2010 median of any area, $103,180
    assert (ranked[0]["area_title"], ranked[0]["value"]) == ("Kingston, NY", 103180)


def test_track_record_arithmetic():
    proj = pd.DataFrame(
        {
            "cycle": ["2014-24", "2019-29", "2024-34"],
            "soc_code": ["31-9092"] * 3,
            "base_year": [2014, 2019, 2024],
            "target_year": [2024, 2029, 2034],
            "employment_base": [100.0, 150.0, 210.0],
            "employment_projected": [200.0, 160.0, 220.0],
        }
    )
    t = analysis.track_record(proj, ["31-9092"]).set_index(["cycle", "year"])
    hit = t.loc[("2014-24", 2024)]
    assert hit["is_target_year"] and hit["employment_projected"] == 200
    assert hit["error"] == 10 and hit["error_pct"] == pytest.approx(5.0)
    interim = t.loc[("2014-24", 2019)]
    assert not interim["is_target_year"]
    assert interim["employment_projected"] == pytest.approx(100 * 2**0.5)  # even rate
    assert t.loc[("2019-29", 2024), "employment_projected"] == pytest.approx(
        150 * (160 / 150) ** 0.5
    )


def test_track_record_on_blss_projections():
    t = analysis.track_record(cs.load_projections(), cs.ARTICLE_PAIR)
    hits = t[t["is_target_year"]].set_index("soc_code")
    assert hits.loc[MA, "employment_projected"] == 730_200  # 2014-24 for 2024
    assert hits.loc[MA, "employment_observed"] == 811_000  # 2024-34 base
    assert hits.loc[LAB, "error"] == 351_200 - 380_300


@pytest.mark.parametrize(
    "cycle, years, expected",
    [(60, 15, [60, 120, 180]), (36, 15, [36, 72, 108, 144, 180]), (36, 2, [])],
)
def test_renewals(cycle, years, expected):
    assert analysis.renewals(cycle, years) == expected


def test_licensure_pay_is_grouped():
    by_state = analysis.licensure_pay(cs.load_oews("state"), cs.load_table("licensure"), LAB)
    summary = analysis.licensure_summary(by_state)
    assert summary["states"].to_dict() == {
        "all list it": 11,
        "sources disagree": 2,
        "none list it": 39,
    }
