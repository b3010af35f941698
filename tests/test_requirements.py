"""BLS's Occupational Requirements Survey: the requirements table against BLS's published
values, the reader's markers and errors, the analysis, the command and the claims."""

from __future__ import annotations

import json
import math
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import careerstats as cs
from careerstats import cli
from careerstats.analysis import requirement_claims as rc
from careerstats.analysis import requirements as rq
from careerstats.errors import CareerStatsError, DataValidationError, NotPublishedError
from careerstats.ingest import ors

REQ = cs.load_table("requirements")


def _row(release: str, soc: str, code: str) -> pd.Series:
    rows = REQ[
        (REQ["ors_release"] == release)
        & (REQ["ors_soc_code"] == soc)
        & (REQ["ors_estimate_code"] == code)
    ]
    assert len(rows) == 1, (release, soc, code)
    return rows.iloc[0]


# The spot checks of ../shared/bls/ors/README.md (BLS's 2020 sheet): SOC, estimate code,
# the estimate's words, value, SE (None: BLS writes '-').
SPOT_CHECKS = [
    ("31-9092", "00076", "minimum education level is a high school diploma", 70.1, 7.1),
    ("31-9092", "01084", "credentials: certification is required", 55.2, 10.3),
    ("31-9092", "01197", "interaction with general public is required", 100.0, None),
    ("29-2012", "00076", "minimum education level is a high school diploma", 45.3, 12.0),
    ("29-2012", "01197", "interaction with general public is required", 70.7, 7.4),
    ("29-2012", "01154", "work reviewed by supervisor more than once per day", 36.7, 10.4),
    ("29-2011", "01029", "minimum education level is a bachelor's degree", 84.6, 9.3),
]


@pytest.mark.parametrize(("soc", "code", "words", "value", "se"), SPOT_CHECKS)
def test_the_readme_spot_checks(soc, code, words, value, se):
    row = _row("2020 preliminary", soc, code)
    assert row["ors_estimate_text"] == f"Percent of workers, {words}"
    assert row["ors_estimate"] == value
    if se is None:
        assert pd.isna(row["ors_standard_error"])
        assert row["ors_standard_error_upper_bound"] == 0.5
        assert row["ors_standard_error_note"] == "Standard error is less than 0.5."
    else:
        assert row["ors_standard_error"] == se


def test_every_estimate_of_both_workbooks_is_a_row():
    counts = REQ.groupby("ors_release").size()
    assert counts["2020 preliminary"] == 35_693 and counts["2018"] == 34_360
    codes = REQ.groupby("ors_release")["ors_occupation_code"].nunique()
    assert codes["2020 preliminary"] == 328 and codes["2018"] == 420
    assert not REQ.duplicated(["ors_release", "ors_series_id"]).any()
    # the estimate code is the series id's last five characters, in both releases
    assert (REQ["ors_series_id"].str[-5:] == REQ["ors_estimate_code"]).all()


def test_the_2018_codes_are_mapped_and_kept():
    row = _row("2018", "31-9092", "00076")
    assert row["ors_occupation_code"] == "31909200" and row["ors_soc_system"] == "O*NET-SOC 2010"
    assert row["ors_estimate"] == 75.3 and row["ors_standard_error"] == 1.5
    assert row["ors_estimate_text"] == "minimum education level is a high school diploma"
    assert row["ors_group"] == "education"
    days = _row("2018", "31-9092", "00116")  # days of on-the-job training, mean
    assert days["ors_data_type"] == "days" and days["ors_estimate"] == 32.94


def test_markers_are_data():
    # '-' estimate with footnote 1: missing, with its upper bound, from the footnote's words
    below = REQ[REQ["ors_estimate"].isna()]
    assert len(below[below["ors_release"] == "2020 preliminary"]) == 888
    undefined = below["ors_estimate_note"].str.startswith("Footnote 3, which")
    assert below.loc[~undefined, "ors_estimate_note"].str.contains("less than").all()
    ones = below[below["ors_data_footnotes"] == "1"]
    assert (ones["ors_estimate_upper_bound"] == 0.5).all()
    # footnotes are read from each workbook's own list: 8 means different things
    sample = REQ[(REQ["ors_release"] == "2018") & (REQ["ors_data_footnotes"] == "8")]
    assert (
        sample["ors_estimate_note"].iloc[0] == "This estimate is calculated from one sample group."
    )
    standing = REQ[(REQ["ors_release"] == "2020 preliminary") & (REQ["ors_data_footnotes"] == "8")]
    assert standing.empty or "standing" in standing["ors_estimate_note"].iloc[0].lower()
    # the 2018 workbook uses footnote 3 without defining it: said so, not guessed
    three = REQ[(REQ["ors_release"] == "2018") & REQ["ors_data_footnotes"].str.startswith("3")]
    assert len(three) == 134
    assert three["ors_estimate_note"].str.startswith("Footnote 3, which BLS's ORS 2018").all()
    assert three["ors_estimate_upper_bound"].isna().all()
    # every '-' standard error says why
    no_se = REQ[REQ["ors_standard_error"].isna()]
    assert (no_se["ors_standard_error_note"] != "").all()


# --- the reader, on small workbooks in BLS's layout ------------------------------------------


def _workbook(path: Path, rows: list[list], header: tuple | None = None, sheet: str | None = None):
    layout = ors.LAYOUTS["2020 preliminary"]
    book = openpyxl.Workbook()
    book.active.title = "Footnote codes"
    book.active.append(["Footnote code", "Footnote text"])
    book.active.append([1, "Estimate is less than 0.5 percent."])
    book.active.append([7, "This estimate is the mode for the category group."])
    book.active.append(["p ", "These are preliminary estimates."])
    data = book.create_sheet(sheet or layout.sheet)
    data.append(list(header or layout.header))
    for r in rows:
        data.append(r)
    book.save(path)
    return path


GOOD = [
    "ORUV1000018W00000076",
    "title",
    "319092",
    "Medical Assistants",
    "Education, training, and experience",
    "00076",
    "Percent of workers, minimum education level is a high school diploma",
    "073",
    "Minimum education level",
    "073",
    "Minimum education level",
    "01",
    "Percentage",
    70.1,
    7.1,
    "7",
    None,
    "P",
]


def test_a_small_workbook_reads(tmp_path):
    book = _workbook(tmp_path / "ors.xlsx", [GOOD, [*GOOD[:13], "-", "-", "1", None, None]])
    out = ors.read_requirements(book, "2020 preliminary")
    assert out["ors_estimate"].iloc[0] == 70.1
    assert (
        math.isnan(out["ors_estimate"].iloc[1]) and out["ors_estimate_upper_bound"].iloc[1] == 0.5
    )


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"sheet": "Sheet9"}, "a sheet named 'ORS 2020 dataset'"),
        ({"header": ("SERIES_ID", "TITLE")}, "column B: row 1: 'TITLE' — expected the header"),
        ({"estimate": "n/a"}, "column N (ESTIMATE): row 2: 'n/a' — expected a number or '-'"),
        ({"estimate": 120.0}, "row 2: 120 — expected a percentage from 0 to 100"),
        ({"footnote": "99"}, "column P (DATA FOOTNOTE): row 2: '99' — expected footnote codes"),
    ],
)
def test_a_corrupt_workbook_names_file_sheet_row_and_column(tmp_path, change, expected):
    row = list(GOOD)
    if "estimate" in change:
        row[13] = change["estimate"]
    if "footnote" in change:
        row[15] = change["footnote"]
    header = change.get("header")
    if header:
        header = (*header, *ors.LAYOUTS["2020 preliminary"].header[2:])
    book = _workbook(tmp_path / "ors.xlsx", [row], header=header, sheet=change.get("sheet"))
    with pytest.raises(DataValidationError) as err:
        ors.read_requirements(book, "2020 preliminary")
    text = str(err.value)
    assert "ors.xlsx" in text and expected in text, text
    if "sheet" not in change:
        assert "sheet 'ORS 2020 dataset'" in text


# --- the analysis ------------------------------------------------------------------------------


def test_29_2010_is_shown_as_its_two_parts_never_averaged():
    found = rq.requirements(REQ, ["29-2010"], groups="education")
    assert found.attrs["parts"] == {"29-2010": ["29-2011", "29-2012"]}
    assert set(found["ors_soc_code"]) == {"29-2011", "29-2012"}
    hs = found[(found["ors_soc_code"] == "29-2012") & (found["ors_estimate_code"] == "00076")]
    assert hs["value"].tolist() == [45.3]
    assert hs["lower"].iloc[0] == pytest.approx(45.3 - 1.6448536 * 12.0)


def test_a_code_ors_does_not_publish_says_so_with_the_nearest():
    with pytest.raises(NotPublishedError) as err:
        rq.parts(REQ, "29-9099")
    text = str(err.value)
    assert text.startswith("BLS's ORS publishes no estimates for 29-9099")
    assert "Nearest codes it publishes: 29-9092 Genetic Counselors" in text


def test_the_2018_release_keeps_onet_occupations_apart():
    assert rq.parts(REQ, "11-3071", "2018") == ["11-3071.01", "11-3071.02"]
    assert rq.parts(REQ, "29-1141", "2018") == ["29-1141"]


def test_a_group_without_estimates_says_so():
    found = rq.requirements(REQ, ["29-2010"], groups="credentials")
    assert (
        "ORS 2020 preliminary publishes no credentials estimates for 29-2011 Medical and "
        "Clinical Laboratory Technologists" in found.attrs["not_published"]
    )
    old = rq.requirements(REQ, ["31-9092"], release="2018", groups="cognitive")
    assert old.empty
    assert old.attrs["not_published"] == [
        "ORS 2018 measured no cognitive and mental requirements (for any occupation)"
    ]


@given(
    st.floats(0, 100),
    st.one_of(st.just(math.nan), st.floats(0, 40)),
    st.sampled_from(["percent", "days"]),
)
def test_intervals_hold_the_estimate_and_stay_in_range(value, se, kind):
    lower, upper, basis = rq.ors_interval(value, se, 0.5, math.nan, kind)
    assert lower <= value <= upper and lower >= 0
    if kind == "percent":
        assert upper <= 100
    assert basis == (rq.BASIS_SE if not math.isnan(se) else rq.BASIS_SE_BOUND)


def test_an_upper_bounded_estimate_has_the_interval_zero_to_its_bound():
    assert rq.ors_interval(math.nan, math.nan, 0.5, 0.5, "percent") == (0.0, 0.5, rq.BASIS_UPPER)


def test_bad_release_and_category_are_refused():
    with pytest.raises(CareerStatsError, match="ORS release '2019'"):
        rq.requirements(REQ, ["31-9092"], release="2019")
    with pytest.raises(CareerStatsError, match="ORS category 'skills'"):
        rq.requirements(REQ, ["31-9092"], groups="skills")


def test_the_library_function_reads_data():
    found = cs.requirements("31-9092", category="education")
    row = found[found["ors_estimate_code"] == "00076"].iloc[0]
    assert (row["value"], row["standard_error"]) == (70.1, 7.1)


# --- the command --------------------------------------------------------------------------------


def test_the_command_reproduces_the_spot_checks(capsys):
    assert cli.main(["requirements", "31-9092", "29-2010", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["parts"] == {"31-9092": ["31-9092"], "29-2010": ["29-2011", "29-2012"]}
    got = {
        (e["ors_soc_code"], e["ors_estimate_code"]): (e["value"], e["standard_error"])
        for e in out["estimates"]
    }
    for soc, code, _, value, se in SPOT_CHECKS:
        assert got[(soc, code)] == (value, se)


def test_the_command_table(capsys):
    args = ["requirements", "31-9092", "29-2010", "--category", "education"]
    assert cli.main(args) == 0
    out = capsys.readouterr().out
    assert "29-2010 is published by ORS as 29-2011 and 29-2012" in out
    assert "70.1% (58.4 to 81.8) [1]" in out
    assert "[1] This estimate is the mode for the category group." in out
    assert cli.main(["requirements", "31-9092", "--release", "2018", "--format", "csv"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0].startswith("soc_code,ors_soc_code,part,ors_release")
    assert any(",2018,education," in r and ",75.3," in r for r in rows)


def test_the_command_says_what_it_cannot_show(capsys):
    assert cli.main(["requirements", "29-9099"]) == 2
    err = capsys.readouterr().err
    assert "BLS's ORS publishes no estimates for 29-9099" in err and "Traceback" not in err
    assert (
        cli.main(["requirements", "31-9092", "--category", "cognitive", "--release", "2018"]) == 0
    )
    assert "note: ORS 2018 measured no cognitive" in capsys.readouterr().out


# --- the article's claims -------------------------------------------------------------------------


def test_each_claim_gets_its_verdict_from_the_intervals():
    checked = rc.judge_claims(
        cs.load_table("article_requirement_claims"), REQ, cs.load_projections()
    ).set_index("claim_id")
    assert checked["verdict"].to_dict() == {
        "ma_degree": "contradicted",
        "lab_associate_degree": "contradicted",
        "ma_certification": "contradicted",
        "ma_licensing": "contradicted",
        "lab_less_interpersonal": "supported",
        "lab_attention_to_detail": "unmeasured",
        "lab_routine_tasks": "unmeasured",
        "lab_supervision": "cannot tell at 90%",
    }
    cert = checked.loc["ma_certification"]
    assert (cert["value_2020"], cert["value_2018"]) == (55.2, 47.8)
    assert cert["value_2020_upper"] == pytest.approx(55.2 + 1.6448536 * 10.3)
    assert cert["value_2020_upper"] < 100
    assert checked.loc["lab_associate_degree", "typical_education"] == "Bachelor's degree"
    assert "ORS 2018 did not measure this" in checked.loc["lab_less_interpersonal", "reason"]
    supervision = checked.loc["lab_supervision"]
    assert supervision["value_2020_lower"] < 50 < supervision["value_2020_upper"]
