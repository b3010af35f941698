"""The OEWS flat-file reader on a subset of BLS's own May 2025 file (same layout)."""

import math
import shutil
from pathlib import Path

import numpy as np
import pytest

from careerstats import DataValidationError
from careerstats.ingest.oews_flat import DATA_FILE, MEASURE_COLUMNS, read_release, read_wide
from conftest import FLAT_FIXTURE

FIXTURE = FLAT_FIXTURE


@pytest.fixture(scope="module")
def wide():
    return read_wide(FIXTURE)


def _cell(wide, area, soc, measure):
    row = wide[(wide["area_code"] == area) & (wide["soc_code"] == soc)]
    assert len(row) == 1
    return row.iloc[0][measure], row.iloc[0][f"note_{measure}"]


def test_release_and_cap_are_read_from_blss_files():
    rel = read_release(FIXTURE)
    assert (rel.name, rel.year, rel.period) == ("May 2025", 2025, "A01")
    assert (rel.hourly_cap, rel.annual_cap) == (115.0, 239_200.0)


def test_blss_published_national_medians(wide):
    # BLS, OEWS May 2025 national: Medical Assistants $45,690; Clinical Laboratory
    # Technologists and Technicians $62,930 (annual median).
    assert _cell(wide, "0000000", "31-9092", "annual_wage_median") == (45_690, 0)
    assert _cell(wide, "0000000", "29-2010", "annual_wage_median") == (62_930, 0)
    assert _cell(wide, "0000000", "31-9092", "hourly_wage_median")[0] == 21.97


def test_markers(wide):
    # footnote 5: top-coded -> the cap, a lower bound, flagged
    value, note = _cell(wide, "0011260", "29-1211", "hourly_wage_mean")
    assert (value, note) == (115.0, 5)
    # footnote 4: an hourly-only occupation has no annual wage, never computed
    value, note = _cell(wide, "0000000", "27-2042", "annual_wage_median")
    assert math.isnan(value) and note == 4
    assert _cell(wide, "0000000", "27-2042", "hourly_wage_median")[1] == 0
    # footnote 8: not released
    value, note = _cell(wide, "0010420", "27-2042", "hourly_wage_mean")
    assert math.isnan(value) and note == 8


def test_every_value_equals_pythons_float_of_blss_text(wide):
    index = {
        (a, s): i for i, (a, s) in enumerate(zip(wide["area_code"], wide["soc_code"], strict=True))
    }
    values = wide[MEASURE_COLUMNS].to_numpy()
    checked = 0
    for line in (FIXTURE / DATA_FILE).read_text().splitlines()[1:]:
        sid, _, _, value, _ = line.split("\t")
        if sid[11:17] != "000000":
            continue
        i = index[(sid[4:11], f"{sid[17:19]}-{sid[19:23]}")]
        got = values[i, int(sid[23:25]) - 1]
        text = value.strip()
        if text != "-":
            assert got == float(text), sid
            checked += 1
    assert checked > 50_000


def test_shape(wide):
    assert set(wide["areatype_code"]) == {"N", "S", "M"}
    assert wide["area_code"].nunique() == 1 + 54 + 528
    assert wide.duplicated(["area_code", "soc_code"]).sum() == 0


def _broken(tmp_path: Path, edit) -> Path:
    d = tmp_path / "flat"
    shutil.copytree(FIXTURE, d)
    lines = (d / DATA_FILE).read_bytes().split(b"\r\n")
    edit(lines)
    (d / DATA_FILE).write_bytes(b"\r\n".join(lines))
    return d


def _replace(line_no: int, old: bytes, new: bytes):
    def edit(lines):
        assert old in lines[line_no - 1]
        lines[line_no - 1] = lines[line_no - 1].replace(old, new, 1)

    return edit


@pytest.mark.parametrize(
    "edit, expected",
    [
        (
            _replace(3, b"         0.0\t", b"           *\t"),
            r"column value: row 3: .* — expected a number, or '-' alone with a footnote "
            r"\(unknown marker\)",
        ),
        (
            _replace(5, b"\t2025\tA01\t", b"\t2025\t"),
            r"row 5: .* — expected a line of 55 or 56 bytes.*\(truncated or malformed line\)",
        ),
        (
            _replace(1, b"\tfootnote_codes", b""),
            r"column footnote_codes: row 1: .* — expected the header",
        ),
        (_replace(4, b"OEUM", b"OEXM"), r"column series_id, year, period: row 4: 'OEXM"),
        (_replace(4, b"OEUM0010180", b"OEUM00101a0"), r"row 4: 'OEUM00101a0"),
        (_replace(2, b"\t2025\t", b"\t2024\t"), r"row 2: .*2024"),
    ],
    ids=[
        "unknown-marker",
        "truncated-line",
        "missing-header-field",
        "bad-series-prefix",
        "bad-series-digit",
        "wrong-year",
    ],
)
def test_bad_data_file(tmp_path, edit, expected):
    d = _broken(tmp_path, edit)
    with pytest.raises(DataValidationError, match=expected):
        read_wide(d)


def test_unknown_footnote_and_bare_dash(tmp_path):
    def edit(lines):
        i = next(k for k, line in enumerate(lines) if line.endswith(b"\t8"))
        lines[i] = lines[i][:-1] + b"7"
        j = next(k for k, line in enumerate(lines) if line.endswith(b"\t4"))
        lines[j] = lines[j][:-2] + b"\t "  # same length, no code

    d = _broken(tmp_path, edit)
    with pytest.raises(DataValidationError) as info:
        read_wide(d)
    message = str(info.value)
    assert "column footnote_codes" in message and "no code, or 4, 5 or 8" in message


def test_empty_file(tmp_path):
    d = _broken(tmp_path, lambda lines: lines.clear())
    with pytest.raises(
        DataValidationError,
        match=r"oe.data.0.Current — expected the OEWS "
        r"data file \(empty file\)",
    ):
        read_wide(d)


def test_wrong_encoding(tmp_path):
    d = tmp_path / "flat"
    shutil.copytree(FIXTURE, d)
    text = (d / DATA_FILE).read_bytes()[:5000].decode("ascii")
    (d / DATA_FILE).write_bytes(text.encode("utf-16"))
    with pytest.raises(DataValidationError, match="wrong encoding"):
        read_wide(d)


def test_footnote_text_is_checked(tmp_path):
    d = tmp_path / "flat"
    shutil.copytree(FIXTURE, d)
    path = d / "oe.footnote"
    path.write_bytes(path.read_bytes().replace(b"$239,200 per year", b"a lot"))
    with pytest.raises(DataValidationError, match="footnote 5 to state the cap"):
        read_wide(d)


def test_blocks_do_not_split_rows(monkeypatch, wide):
    from careerstats.ingest import _flatscan

    monkeypatch.setattr(
        _flatscan, "BLOCK_BYTES", 4096
    )  # hundreds of blocks, rows across boundaries
    small = read_wide(FIXTURE)
    assert len(small) == len(wide)
    assert np.array_equal(
        small[MEASURE_COLUMNS].to_numpy(), wide[MEASURE_COLUMNS].to_numpy(), equal_nan=True
    )
