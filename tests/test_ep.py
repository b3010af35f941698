"""Employment Projections readers on BLS's own files."""

import functools

import pandas as pd
import pytest

from careerstats import DataValidationError, load_projections, paths
from careerstats.ingest.ep import read_projections
from careerstats.sources import EP_FILES


@functools.cache
def _read(cycle):
    return read_projections(paths.RAW_DIR / EP_FILES[cycle])


def _cycle(cycle):
    return _read(cycle).set_index("soc_code")


def test_2020_30_is_the_articles_cycle():
    ma = _cycle("2020-30").loc["31-9092"]
    assert (ma["employment_base"], ma["employment_projected"], ma["employment_change"]) == (
        720_900,
        853_500,
        132_600,
    )
    assert ma["employment_change_pct"] == 18.4
    assert ma["openings_annual"] == 104_400  # OOH: "About 104,400 openings ... each year"
    assert ma["occupation_title"] == "Medical assistants"  # alternate titles dropped


def test_2022_32_matches_the_ooh_quick_facts():
    lab = _cycle("2022-32").loc["29-2010"]
    assert (lab["employment_base"], lab["employment_change"], lab["openings_annual"]) == (
        342_900,
        16_800,
        24_000,
    )
    assert lab["employment_change_pct"] == 4.9
    assert lab["annual_wage_median"] == 60_780 and lab["annual_wage_year"] == 2023


def test_2014_24_openings_are_ten_year_totals_kept_apart():
    ma = _cycle("2014-24").loc["31-9092"]
    assert ma["openings_10yr_total"] == 262_100
    assert pd.isna(ma["openings_annual"])


def test_words_none_and_dashes():
    lab = _cycle("2024-34").loc["29-2010"]
    assert lab["work_experience"] == "None" and lab["on_the_job_training"] == "None"
    summary = _cycle("2024-34").loc["29-0000"]
    assert summary["occupation_type"] == "Summary"
    assert pd.isna(summary["typical_education"])  # an em dash in the workbook


def test_topcoded_wage_is_a_flagged_bound():
    cycle = _cycle("2024-34")
    top = cycle[cycle["is_wage_topcoded"]]
    assert len(top) == 19 and set(top["annual_wage_median"]) == {239_200}


def test_every_cycle_is_loaded():
    table = load_projections()
    assert sorted(table["cycle"].unique()) == sorted(EP_FILES)
    assert (
        load_projections("2021-31").set_index("soc_code").loc["29-2010", "employment_base"]
        == 329_200
    )  # OOH: 329,200 jobs in 2021


def test_bad_export(tmp_path):
    text = (paths.RAW_DIR / EP_FILES["2021-31"]).read_text()
    path = tmp_path / "export.csv"
    path.write_text(text.replace('"335.5"', '"n/a?"').replace('"329.2"', '"~"', 1))
    with pytest.raises(
        DataValidationError,
        match=r"column employment_base: row \d+: '~' — "
        r"expected a number",
    ):
        read_projections(path)
