"""Where they work: OEWS industry estimates, read, tabled, shared and shown.

Known values are BLS's May 2025 national industry estimates (oe.data.0.Current; the
fixture is a real subset of that file).
"""

import json
import math

import pandas as pd
import pytest

from careerstats import DataValidationError, UnknownCodeError, load_table
from careerstats.analysis.industries import naics_level_of, records
from careerstats.api import industries
from careerstats.ingest.oews_flat import naics_level, read_industries, read_wide
from careerstats.occupations import ARTICLE_PAIR
from conftest import FLAT_FIXTURE, assert_clean_error, run_cli

MA, LAB = ARTICLE_PAIR


# --- the reader --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "level"),
    [
        ("11--12", "sector"),
        ("31--34", "sector"),
        ("99-100", "sector"),
        ("621000", "3-digit"),
        ("621100", "4-digit"),
        ("3250A1", "4-digit"),  # an OEWS group of 4-digit industries
        ("621420", "5- or 6-digit"),
        ("221111", "5- or 6-digit"),
        ("000001", "ownership"),
        ("999101", "ownership"),
        ("622002", "3-digit by ownership"),
        ("622105", "4-digit by ownership"),
        ("000000", None),  # all industries: oews_national, not an industry row
        ("62-63", None),
        ("6211", None),
    ],
)
def test_naics_level_from_the_code(code, level):
    assert naics_level(code) == level


def test_industry_file_levels_and_parents():
    ind = read_industries(FLAT_FIXTURE / "oe.industry").set_index("industry_code")
    assert len(ind) == 443  # every industry BLS publishes, cross-industry excluded
    assert ind.loc["621100", "industry_title"] == "Offices of Physicians"
    parents = ind["industry_parent_code"]
    assert parents["621100"] == "621000" and parents["621000"] == "62--63"
    assert parents["62--63"] == "000000" and parents["3250A1"] == "325000"
    assert parents["622102"] == "622100" and parents["999201"] == "999001"
    assert parents["999100"] == "999000" and parents["999000"] == "99-100"
    levels = ind["naics_level"]
    assert (ind.loc[levels == "3-digit", "industry_parent_code"].str.contains("-")).all()
    assert set(parents) - {"000000"} <= set(ind.index)


def test_industry_file_level_disagreeing_with_the_code_fails(tmp_path):
    bad = tmp_path / "oe.industry"
    text = (FLAT_FIXTURE / "oe.industry").read_bytes().decode()
    bad.write_bytes(
        text.replace(
            "621100\tOffices of Physicians\t4", "621100\tOffices of Physicians\t3"
        ).encode()
    )
    with pytest.raises(DataValidationError, match=r"oe.industry.*display_level.*621100/3"):
        read_industries(bad)


@pytest.fixture(scope="module")
def wide_all():
    return read_wide(FLAT_FIXTURE, industries=True)


def _industry_cell(wide, industry, soc, measure):
    row = wide[(wide["industry_code"] == industry) & (wide["soc_code"] == soc)]
    assert len(row) == 1
    return row.iloc[0][measure]


def test_reader_keeps_industry_rows_at_every_level(wide_all):
    levels = {naics_level(c) for c in wide_all["industry_code"]}
    assert levels >= {None, "sector", "3-digit", "4-digit", "5- or 6-digit", "ownership"}
    assert set(wide_all.loc[wide_all["industry_code"] != "000000", "areatype_code"]) == {"N"}
    cross = read_wide(FLAT_FIXTURE)
    kept = wide_all[wide_all["industry_code"] == "000000"].reset_index(drop=True)
    pd.testing.assert_frame_equal(kept, cross, check_like=False)


def test_blss_industry_employment_for_the_article_pair(wide_all):
    # BLS, OEWS May 2025 national industry estimates, employment.
    assert _industry_cell(wide_all, "621100", MA, "employment") == 452_150
    assert _industry_cell(wide_all, "621500", LAB, "employment") == 65_980
    assert _industry_cell(wide_all, "622100", LAB, "employment") == 146_970
    assert _industry_cell(wide_all, "622100", LAB, "annual_wage_median") == 68_440


def test_table_holds_the_same_values():
    table = load_table("oews_industry").set_index(["industry_code", "soc_code"])
    assert table.loc[("621100", MA), "employment"] == 452_150
    assert table.loc[("621500", LAB), "employment"] == 65_980
    assert table.loc[("622100", LAB), "employment"] == 146_970
    # share = 452,150 / 817,870 national medical assistants
    assert table.loc[("621100", MA), "employment_share_pct"] == round(452_150 / 817_870 * 100, 2)
    assert len(table) == 133_373


def test_not_released_cells_stay_missing_with_the_reason():
    table = load_table("oews_industry")
    withheld = table[table["not_released_fields"].fillna("").str.contains("employment")]
    assert len(withheld) > 1000
    assert withheld["employment"].isna().all() and withheld["employment_share_pct"].isna().all()
    found = industries(MA, level="sector")
    row = found[found["industry_code"] == "51--52"].iloc[0]
    assert pd.isna(row["employment"]) and "BLS footnote 8" in row["unpublished_note"]


# --- shares ------------------------------------------------------------------------------

#: Each share is rounded to 0.01 and each employment figure by BLS: a complete level may
#: add to a little more than 100.
SLACK = 0.2


@pytest.mark.parametrize("level", ["sector", "3-digit", "4-digit", "5- or 6-digit"])
def test_shares_within_a_level_never_exceed_the_whole(level):
    """Industries of one level do not overlap, so an occupation's shares add to at most
    100% (plus rounding); they fall short where BLS publishes no row or withholds the
    employment (footnote 8)."""
    table = load_table("oews_industry")
    sums = table[table["naics_level"] == level].groupby("soc_code")["employment_share_pct"].sum()
    assert sums.max() <= 100 + SLACK


def test_sectors_cover_all_jobs_where_nothing_is_withheld():
    table = load_table("oews_industry")
    sectors = table[table["naics_level"] == "sector"]
    complete = sectors.groupby("soc_code")["employment"].apply(lambda s: s.notna().all())
    sums = sectors.groupby("soc_code")["employment_share_pct"].sum()
    assert abs(sums["00-0000"] - 100) <= SLACK
    # every sector row published: the shares add to 100 within BLS's rounding, except
    # where BLS publishes no row at all for a small sector
    assert (sums[complete[complete].index] <= 100 + SLACK).all()
    assert sums[MA] >= 99.5 and sums[LAB] >= 99.5


# --- the library -------------------------------------------------------------------------


def test_industries_for_the_article_pair():
    found = industries(list(ARTICLE_PAIR), level=4, top=3)
    assert found.groupby("soc_code").size().to_dict() == {MA: 3, LAB: 3}
    ma = found[found["soc_code"] == MA]
    assert ma["industry_code"].tolist()[0] == "621100"
    assert ma["employment_share_pct"].is_monotonic_decreasing
    lab = found[found["soc_code"] == LAB]
    assert lab["industry_code"].tolist()[:2] == ["622100", "621500"]
    r = lab.iloc[0]
    half = 1.6448536269514722 * r["wage_rse_pct"] / 100 * r["annual_wage_mean"]
    assert math.isclose(r["annual_wage_mean_high"] - r["annual_wage_mean"], half)
    assert found.attrs["national"][LAB]["annual_wage_median"] == 62_930
    assert found.attrs["release"] == "May 2025"


def test_records_are_the_documented_json():
    rows = records(industries(MA, level="4", top=2))
    assert list(rows[0]) == [
        "soc_code",
        "industry_code",
        "industry_title",
        "naics_level",
        "employment",
        "employment_share_pct",
        "annual_wage_median",
        "annual_wage_mean",
        "annual_wage_mean_ci90",
        "topcoded",
        "topcoded_fields",
        "unpublished_note",
    ]
    assert rows[0]["employment"] == 452_150 and rows[0]["topcoded"] is False
    json.dumps(rows)


def test_a_topcoded_mean_has_no_interval():
    table = load_table("oews_industry")
    top = table[table["topcoded_fields"].fillna("").str.contains("annual_wage_mean")]
    soc, code = top.iloc[0]["soc_code"], top.iloc[0]["industry_code"]
    level = top.iloc[0]["naics_level"]
    found = industries(soc, level=level)
    row = found[found["industry_code"] == code].iloc[0]
    assert pd.isna(row["annual_wage_mean_low"]) and "lower bound" in row["unpublished_note"]
    assert records(found[found["industry_code"] == code])[0]["topcoded"] is True


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: industries("31-9992"), "close matches: 31-9099"),
        (lambda: industries("29-2011"), "retired: BLS last published it in May 2016"),
        (lambda: industries(MA, level="7"), "unknown industry level '7'"),
        (lambda: naics_level_of("sectors"), "close matches: sector"),
    ],
)
def test_bad_requests_name_what_is_wrong(call, match):
    with pytest.raises(UnknownCodeError, match=match):
        call()


# --- the command -------------------------------------------------------------------------


def test_cli_table_and_json(capsys):
    code, out, err = run_cli(capsys, "industries", MA, LAB, "--level", "4", "--top", "5")
    assert code == 0, err
    assert "Offices of Physicians" in out and "452,150" in out and "55.3" in out
    assert "Medical and Diagnostic Laboratories" in out and "65,980" in out
    code, out, _ = run_cli(capsys, "industries", LAB, "--top", "2", "--format", "json")
    rows = json.loads(out)
    assert [r["industry_code"] for r in rows] == ["622100", "621500"]
    assert rows[0]["annual_wage_median"] == 68_440


def test_cli_csv_names_the_release(capsys):
    code, out, _ = run_cli(capsys, "industries", MA, "--level", "sector", "--format", "csv")
    assert code == 0
    frame = pd.read_csv(pd.io.common.StringIO(out))
    assert set(frame["release"]) == {"May 2025"} and (frame["naics_level"] == "sector").all()


@pytest.mark.parametrize(
    ("argv", "match"),
    [
        (["industries", "31-9992"], "close matches"),
        (["industries", "29-2012"], "now publishes 29-2010"),
        (["industries", MA, "--level", "9"], "unknown industry level"),
        (["industries", MA, "--top", "0"], "argument --top: '0': expected a positive whole number"),
        (["industries", "nurse"], "not a SOC code"),
    ],
)
def test_cli_bad_input_fails_cleanly_with_no_output(capsys, argv, match):
    code, out, err = run_cli(capsys, *argv)
    assert_clean_error(code, err, 2, match)
    assert out == ""


# --- the cache ---------------------------------------------------------------------------


def test_a_changed_table_is_never_served_from_the_cache(data_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("CAREERSTATS_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("CAREERSTATS_ALLOW_EDITED_DATA", "1")
    first = load_table("occupations", data_copy)
    assert list((tmp_path / "cache").glob("occupations-*.parquet"))
    path = data_copy / "occupations.csv"
    path.write_text(path.read_text().replace("Medical Assistants", "Medical Helpers"))
    second = load_table("occupations", data_copy)
    assert (first["occupation_title"] == "Medical Assistants").sum() == 1
    assert (second["occupation_title"] == "Medical Helpers").sum() == 1


def test_a_cache_that_cannot_be_written_is_skipped(data_copy, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("CAREERSTATS_CACHE", str(blocker / "cache"))
    assert len(load_table("credentials", data_copy)) > 0


def test_compressed_table_bad_bytes_fail_clearly(data_copy):
    (data_copy / "oews_industry.csv.gz").write_bytes(b"not gzip")
    with pytest.raises(DataValidationError, match=r"oews_industry\.csv\.gz.*SHA-256"):
        load_table("oews_industry", data_copy)
    with pytest.raises(DataValidationError, match=r"oews_industry\.csv\.gz.*gzip"):
        load_table("oews_industry", data_copy, allow_edited=True)


def test_industry_rows_outside_the_nation_or_unlisted_are_refused(wide_all):
    from careerstats.tables.build import industry_table

    ind = read_industries(FLAT_FIXTURE / "oe.industry")
    rows = wide_all[["areatype_code", "area_code", "industry_code", "soc_code", "employment"]]
    moved = rows.copy()
    moved.loc[moved.index[moved["industry_code"] == "621100"][0], "areatype_code"] = "S"
    with pytest.raises(DataValidationError, match="nation only"):
        industry_table(moved, ind, "oe.data.0.Current")
    unlisted = rows.copy()
    unlisted.loc[unlisted.index[unlisted["industry_code"] == "621100"][0], "industry_code"] = (
        "621199"
    )
    with pytest.raises(DataValidationError, match="621199"):
        industry_table(unlisted, ind, "oe.data.0.Current")
