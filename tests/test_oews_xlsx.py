"""The national XLSX reader on BLS's own files, and on broken copies."""

import functools
import math

import openpyxl
import pytest

from careerstats import DataValidationError, paths
from careerstats.ingest.oews_xlsx import read_national


@functools.cache
def _read(year):
    return read_national(paths.RAW_DIR / f"oews/national_M{year}_dl.xlsx", year)


def _national(year):
    return _read(year).set_index("soc_code")


@pytest.mark.parametrize(
    "year, soc, median",
    [
        (2019, "31-9092", 34_800),  # BLS: Medical Assistants, May 2019 (quoted in the issue)
        (2018, "31-9092", 33_610),  # OOH, May 2018
        (2015, "29-2010", 50_550),  # OOH 2014-24 edition, May 2015
        (2018, "29-2010", 52_330),  # OOH 2018-28 edition
        (2019, "29-2010", 53_120),  # OOH 2019-29 edition
        (2023, "29-2010", 60_780),  # OOH Quick Facts, May 2023
    ],
)
def test_blss_published_medians(year, soc, median):
    assert _national(year).loc[soc, "annual_wage_median"] == median


def test_lower_case_headers_of_2019_and_group_column_names():
    assert len(_national(2019)) > 1000  # o_group, lower case
    assert _national(2015).loc["00-0000", "soc_level"] == "total"  # OCC_GROUP


def test_broad_and_detailed_rows_sharing_a_code_become_one():
    n2017 = _national(2017)
    assert n2017.index.is_unique
    assert n2017.loc["29-2010", "soc_level"] == "detailed"
    assert "29-2011" in _national(2016).index and "29-2011" not in n2017.index


def test_markers():
    n2020 = _national(2020)
    assert math.isnan(n2020.loc["13-1074", "employment"])  # ** employment not available
    n2024 = _national(2024)
    top = n2024.loc["29-1022"]  # Oral and Maxillofacial Surgeons
    assert "annual_wage_median" in top["topcoded_fields"].split(";")
    assert top["annual_wage_median"] == 239_200  # # -> the cap the file states, a bound
    musicians = n2024.loc["27-2042"]
    assert musicians["is_hourly_only"] and math.isnan(musicians["annual_wage_median"])
    teachers = n2024.loc["25-2021"]
    assert teachers["is_annual_only"] and math.isnan(teachers["hourly_wage_median"])


def test_files_without_a_stated_cap_keep_a_provable_lower_bound():
    n2015 = _read(2015)
    hourly_cap, annual_cap = n2015.attrs["topcode"]
    published = n2015[n2015["topcoded_fields"].isna()]
    assert published["hourly_wage_p90"].max() == hourly_cap
    assert published["annual_wage_p90"].max() <= annual_cap


def _workbook(tmp_path, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "national_M2099_dl"
    header = [
        "OCC_CODE",
        "OCC_TITLE",
        "O_GROUP",
        "TOT_EMP",
        "EMP_PRSE",
        "H_MEAN",
        "A_MEAN",
        "MEAN_PRSE",
        "H_PCT10",
        "H_PCT25",
        "H_MEDIAN",
        "H_PCT75",
        "H_PCT90",
        "A_PCT10",
        "A_PCT25",
        "A_MEDIAN",
        "A_PCT75",
        "A_PCT90",
        "ANNUAL",
        "HOURLY",
    ]
    ws.append(header)
    for r in rows:
        ws.append(r)
    path = tmp_path / "national_M2099_dl.xlsx"
    wb.save(path)
    return path


GOOD = [
    "31-9092",
    "Medical Assistants",
    "detailed",
    100,
    1.0,
    20.0,
    41600,
    0.5,
    10,
    15,
    20,
    25,
    30,
    20800,
    31200,
    41600,
    52000,
    62400,
    None,
    None,
]


def test_unknown_marker_names_file_row_column_and_value(tmp_path):
    bad = [*GOOD]
    bad[15] = "~"
    bad[0] = "29-2010"
    path = _workbook(tmp_path, [GOOD, bad])
    with pytest.raises(DataValidationError) as info:
        read_national(path, 2099)
    assert (
        "national_M2099_dl.xlsx: column annual_wage_median: row 3: '~' — expected a "
        "number or one of the markers * ** # (unknown marker)" in str(info.value)
    )


def test_a_code_twice_with_different_figures(tmp_path):
    other = [*GOOD]
    other[3] = 999
    with pytest.raises(
        DataValidationError,
        match=r"column occ_code: rows 2, 3: '31-9092' — "
        r"expected a code listed twice only as a broad and a detailed",
    ):
        read_national(_workbook(tmp_path, [GOOD, other]), 2099)


def test_marker_in_the_wrong_column(tmp_path):
    bad = [*GOOD]
    bad[3] = "#"
    with pytest.raises(
        DataValidationError,
        match=r"column employment: row 2: '#' — "
        r"expected no '#' here",
    ):
        read_national(_workbook(tmp_path, [bad]), 2099)


def test_missing_column(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "national_dl"
    wb.active.append(["OCC_CODE", "OCC_TITLE"])
    wb.save(tmp_path / "n.xlsx")
    with pytest.raises(DataValidationError, match="expected the OEWS national columns"):
        read_national(tmp_path / "n.xlsx", 2099)
