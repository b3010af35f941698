"""The bad-input suite: each broken file fails with file, row, column, value, expectation."""

import re
from pathlib import Path

import pytest

from careerstats import DataValidationError, load_table


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not found in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _load_error(path: Path) -> str:
    """The error of loading an edited copy: allowed to differ from its recorded digest,
    so the schema's own checks are what refuse it."""
    with pytest.raises(DataValidationError) as info:
        load_table(path, allow_edited=True)
    return str(info.value)


def test_good_copy_loads(data_copy):
    claims = load_table(data_copy / "article_claims.csv")
    assert len(claims) == 10
    assert claims["value"].dtype == "float64"
    assert claims["is_citation_in_row"].dtype == "boolean"


@pytest.mark.parametrize(
    "old, new, expected",
    [
        # missing column
        (
            "claim_id,soc_code,",
            "soc_code,",
            r"article_claims.csv: column claim_id: row 1 — expected these columns to be present",
        ),
        # non-numeric value
        (",720900,jobs,", ",n/a,jobs,", r"column value: row 2: 'n/a' — expected a number"),
        # negative pay
        (
            ",38190,usd_per_year,",
            ",-38190,usd_per_year,",
            r"column value: row 4: '-38190' — expected a usd_per_year value >= 0",
        ),
        # percent out of range
        (
            ",18,percent,",
            ",-180,percent,",
            r"column value: row 8: '-180' — expected a percent value from -100 to 1000",
        ),
        # duplicate key
        (
            "lab_employment,29-2010",
            "ma_employment,29-2010",
            r"column claim_id: rows 2, 3: 'ma_employment', 'ma_employment' — expected each "
            r"primary key value only once",
        ),
        # unknown SOC code (well-formed, but BLS publishes no such occupation)
        (
            "lab_employment,29-2010",
            "lab_employment,29-2019",
            r"column soc_code: row 3: '29-2019' — expected a SOC code that occupations.csv "
            r"lists \(unknown SOC code\)",
        ),
        # malformed SOC code
        (
            "lab_employment,29-2010",
            "lab_employment,292010x",
            r"column soc_code: row 3: '292010x' — expected text matching",
        ),
        # value outside an enumeration
        (
            ",jobs,currently,BLS",
            ",people,currently,BLS",
            r"column unit: row 2: 'people' — expected one of 'jobs'",
        ),
        # boolean
        (
            "BLS (2021),true,",
            "BLS (2021),yes,",
            r"column is_citation_in_row: row 2: 'yes' — expected true or false",
        ),
    ],
    ids=[
        "missing-column",
        "non-numeric",
        "negative-pay",
        "percent-range",
        "duplicate-key",
        "unknown-soc",
        "malformed-soc",
        "enum",
        "boolean",
    ],
)
def test_bad_claims(data_copy, old, new, expected):
    path = data_copy / "article_claims.csv"
    _edit(path, old, new)
    message = _load_error(path)
    assert re.search(expected, message), message


def test_unknown_column(data_copy):
    path = data_copy / "article_claims.csv"
    _edit(path, "claim_id,", "claim_id,extra_col,")
    _edit(path, "ma_employment,", "ma_employment,x,")
    message = _load_error(path)
    assert "column extra_col: row 1: 'extra_col' — expected only the columns claim_id" in message


def test_every_problem_is_reported_at_once(data_copy):
    path = data_copy / "article_claims.csv"
    _edit(path, ",720900,jobs,", ",lots,jobs,")
    _edit(path, ",38190,usd_per_year,", ",-1,usd_per_year,")
    _edit(path, ",56910,usd_per_year,", ",,usd_per_year,")
    message = _load_error(path)
    assert message.startswith("3 problems found")
    assert "'lots'" in message and "'-1'" in message and "expected a value (required)" in message


@pytest.mark.parametrize(
    "content, expected",
    [
        (b"", "the file is empty"),
        (b"   \n", "the file is empty"),
    ],
)
def test_empty_file(data_copy, content, expected):
    path = data_copy / "article_claims.csv"
    path.write_bytes(content)
    assert f"article_claims.csv — expected a CSV with a header row ({expected})" in _load_error(
        path
    )


def test_header_only_file(data_copy):
    path = data_copy / "article_claims.csv"
    path.write_text(path.read_text().splitlines()[0] + "\n")
    assert "expected at least one data row" in _load_error(path)


def test_wrong_encoding(data_copy):
    path = data_copy / "article_claims.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    assert "expected UTF-8 text" in _load_error(path)


def test_missing_file(tmp_path):
    with pytest.raises(DataValidationError, match="not found"):
        load_table(tmp_path / "article_claims.csv", allow_edited=True)


def test_the_word_none_is_a_value_not_missing(data_copy):
    path = data_copy / "article_lists.csv"
    _edit(path, "Podiatry,• Podiatry", "None,• Podiatry")
    lists = load_table(path, allow_edited=True)
    assert "None" in set(lists["item"])
