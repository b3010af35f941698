"""Reader for BLS's OEWS time-series flat files (``download.bls.gov/pub/time.series/oe/``).

The layout, as BLS publishes it: tab-separated, one header line, CRLF line ends. In
``oe.data.0.Current`` the series id is left-justified in 30 characters and the value
right-justified in 12. A series id is 25 characters::

    OE U N 0000000 000000 319092 13
    |  | | area    industry occ  datatype
    |  | areatype (N national, S state, M metropolitan or nonmetropolitan)
    |  seasonal adjustment (U)
    survey

``-`` in the value column means not published; ``footnote_codes`` says why (see
``oe.footnote``: 5 = top-coded, i.e. at or above the cap; 8 = not released).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .. import paths
from ..errors import Problem, fail, raise_if_any
from ..measures import NAICS_LEVELS, OEWS_AREA_MEASURES
from ..sources import OEWS_FLAT_DATA_FILE
from . import _flatscan

DISPLAY_LEVELS = {"0": "major", "1": "minor", "2": "broad", "3": "detailed"}


def read_flat_table(path: Path, columns: list[str]) -> pd.DataFrame:
    """Read one of the small flat files (oe.area, oe.occupation, ...) as text.

    Checks the header names ``columns`` in order; every cell is stripped of padding.
    """
    shown = paths.display(path)
    data = Path(path).read_bytes()
    if not data.strip():
        raise_if_any([Problem(shown, None, "a tab-separated file with a header (empty file)")])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise_if_any(
            [
                Problem(
                    shown,
                    None,
                    "UTF-8 text",
                    (data[: e.start].count(b"\n") + 1,),
                    (data[e.start : e.start + 4],),
                )
            ]
        )
    lines = text.replace("\r\n", "\n").rstrip("\n").split("\n")
    header = [h.strip() for h in lines[0].split("\t")]
    if header[: len(columns)] != columns:
        missing = [c for c in columns if c not in header]
        raise_if_any(
            [
                Problem(
                    shown,
                    ", ".join(missing) or None,
                    "the header " + "\t".join(columns),
                    (1,),
                    tuple(header),
                )
            ]
        )
    rows, bad = [], []
    for n, line in enumerate(lines[1:], start=2):
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) < len(columns):
            bad.append((n, line))
            continue
        rows.append(cells[: len(columns)])
    if bad:
        raise_if_any(
            [
                Problem(
                    shown,
                    None,
                    f"{len(columns)} tab-separated fields (truncated line)",
                    tuple(n for n, _ in bad),
                    tuple(v for _, v in bad),
                )
            ]
        )
    return pd.DataFrame(rows, columns=columns, dtype=str)


def read_occupations(path: Path) -> pd.DataFrame:
    """``oe.occupation`` as (soc_code, occupation_title, soc_level)."""
    df = read_flat_table(
        path, ["occupation_code", "occupation_name", "occupation_description", "display_level"]
    )
    code = df["occupation_code"]
    bad = ~code.str.fullmatch(r"\d{6}") | ~df["display_level"].isin(list(DISPLAY_LEVELS))
    if bad.any():
        raise_if_any(
            [
                Problem(
                    paths.display(path),
                    "occupation_code, display_level",
                    "a 6-digit code and a display level 0-3",
                    tuple(int(i) + 2 for i in df.index[bad]),
                    tuple((code[bad] + "/" + df["display_level"][bad]).tolist()),
                )
            ]
        )
    level = df["display_level"].map(DISPLAY_LEVELS)
    level = level.where(code != "000000", "total")
    return pd.DataFrame(
        {
            "soc_code": code.str[:2] + "-" + code.str[2:],
            "occupation_title": df["occupation_name"],
            "soc_level": level,
        }
    )


# --- industries ---------------------------------------------------------------------------

#: The cross-industry code: every industry and ownership together.
CROSS_INDUSTRY = "000000"
#: The display level oe.industry gives each kind of code (a check on the reading).
_DISPLAY_LEVEL_OF: dict[str, set[str]] = {
    "sector": {"2"},
    "3-digit": {"3"},
    "4-digit": {"4"},
    "5- or 6-digit": {"5"},
    "ownership": {"1", "2"},
    "3-digit by ownership": {"4"},
    "4-digit by ownership": {"5"},
}
if set(_DISPLAY_LEVEL_OF) != set(NAICS_LEVELS):  # pragma: no cover - a programming error
    raise AssertionError("_DISPLAY_LEVEL_OF must cover the data dictionary's NAICS_LEVELS")
_SECTOR = re.compile(r"\d{2}--\d{2}|\d{2}-\d{3}")
_OWNERSHIP = re.compile(r"000001|999\d01")


def naics_level(code: str) -> str | None:
    """The level of an OEWS industry code, from its digits; None for a code of no known form.

    Sectors are ranges (``31--34`` = NAICS 31-33, ``99-100`` = 99); ``000001`` and
    ``999N01`` are ownership groups; ``NNN000`` is a 3-digit and ``NNNN00`` a 4-digit
    industry, and ``NNN0An`` an OEWS group of 4-digit industries (3250A1 "Chemical
    Manufacturing (3251, 3252, 3253, and 3259 only)"), counted as 4-digit; ``NNN00d`` and
    ``NNNN0d`` (d = 2, 3, 5) split the 3- or 4-digit industry by ownership (OEWS
    designations, e.g. 622002 "Hospitals, State Government Owned"); any other six digits
    are a 5- or 6-digit industry.
    """
    if _SECTOR.fullmatch(code):
        return "sector"
    if re.fullmatch(r"\d{3}0A\d", code):
        return "4-digit"  # an OEWS group of 4-digit industries, e.g. 3250A1
    if not re.fullmatch(r"\d{6}", code) or code == CROSS_INDUSTRY:
        return None
    if _OWNERSHIP.fullmatch(code):
        return "ownership"
    if code.endswith("000"):
        return "3-digit"
    if code.endswith("00"):
        return "4-digit"
    if code[3:5] == "00":
        return "3-digit by ownership"
    if code[4] == "0" and code[5] in "235" and code[:4] + "00" != code:
        return "4-digit by ownership"
    return "5- or 6-digit"


def _sector_of(code: str, sectors: dict[str, range]) -> str | None:
    return next((s for s, r in sectors.items() if int(code[:2]) in r), None)


def industry_parent(code: str, level: str, known: set[str], sectors: dict[str, range]) -> str:
    """The code an industry belongs to: the nearest published code above it."""
    if level == "sector" or code in ("000001", "999001"):
        return CROSS_INDUSTRY
    if level == "ownership":
        return "999001"
    for candidate in (code[:5] + "0", code[:4] + "00", code[:3] + "000"):
        if candidate != code and candidate in known and naics_level(candidate) != level:
            return candidate
    return _sector_of(code, sectors) or CROSS_INDUSTRY


def read_industries(path: Path) -> pd.DataFrame:
    """``oe.industry`` as (industry_code, industry_title, naics_level, industry_parent_code).

    The level comes from the code (:func:`naics_level`) and must agree with the file's
    display level; the parent is the nearest code above it that the file lists. The
    cross-industry code 000000 is not a row. oe.industry's codes and titles are BLS's; the
    copy in data/raw approximates the display and sort columns, so they are only checked.
    """
    shown = paths.display(path)
    df = read_flat_table(path, ["industry_code", "industry_name", "display_level"])
    df = df[df["industry_code"] != CROSS_INDUSTRY].reset_index(drop=True)
    levels = pd.Series([naics_level(c) for c in df["industry_code"]], index=df.index, dtype=object)
    agree = [
        isinstance(lvl, str) and shown_level in _DISPLAY_LEVEL_OF[lvl]
        for lvl, shown_level in zip(levels, df["display_level"], strict=True)
    ]
    bad = ~pd.Series(agree, index=df.index)
    if bad.any():
        raise_if_any(
            [
                Problem(
                    shown,
                    "industry_code, display_level",
                    "an OEWS industry code (NN--NN sector, NNN000 3-digit, NNNN00 or NNN0An "
                    "4-digit, 000001/999N01 ownership, six digits) at the display level its "
                    "form implies",
                    tuple(int(i) + 3 for i in df.index[bad]),
                    tuple((df["industry_code"][bad] + "/" + df["display_level"][bad]).tolist()),
                )
            ]
        )
    sectors = {}
    for code in df.loc[levels == "sector", "industry_code"]:
        first, stop = (int(part) for part in code.split("-") if part)
        sectors[code] = range(first, stop)
    known = set(df["industry_code"])
    return pd.DataFrame(
        {
            "industry_code": df["industry_code"],
            "industry_title": df["industry_name"],
            "naics_level": levels,
            "industry_parent_code": [
                industry_parent(c, lvl, known, sectors)
                for c, lvl in zip(df["industry_code"], levels, strict=True)
            ],
        }
    )


# --- the data file ------------------------------------------------------------------------

DATA_FILE = OEWS_FLAT_DATA_FILE
DATA_HEADER = ["series_id", "year", "period", "value", "footnote_codes"]
#: BLS datatype code -> careerstats column; oe.datatype's names are checked against these.
DATATYPES = {
    "01": ("employment", "Employment"),
    "02": ("employment_rse_pct", "Employment percent relative standard error"),
    "03": ("hourly_wage_mean", "Hourly mean wage"),
    "04": ("annual_wage_mean", "Annual mean wage"),
    "05": ("wage_rse_pct", "Wage percent relative standard error"),
    "06": ("hourly_wage_p10", "Hourly 10th percentile wage"),
    "07": ("hourly_wage_p25", "Hourly 25th percentile wage"),
    "08": ("hourly_wage_median", "Hourly median wage"),
    "09": ("hourly_wage_p75", "Hourly 75th percentile wage"),
    "10": ("hourly_wage_p90", "Hourly 90th percentile wage"),
    "11": ("annual_wage_p10", "Annual 10th percentile wage"),
    "12": ("annual_wage_p25", "Annual 25th percentile wage"),
    "13": ("annual_wage_median", "Annual median wage"),
    "14": ("annual_wage_p75", "Annual 75th percentile wage"),
    "15": ("annual_wage_p90", "Annual 90th percentile wage"),
    "16": ("employment_per_1000_jobs", "Employment per 1,000 jobs"),
    "17": ("location_quotient", "Location Quotient"),
}
#: The columns of :func:`read_wide`'s measures: the data dictionary's, in datatype order.
MEASURE_COLUMNS = [column for column, _ in DATATYPES.values()]
if list(OEWS_AREA_MEASURES) != MEASURE_COLUMNS:  # pragma: no cover - a programming error
    raise AssertionError("DATATYPES must name the data dictionary's OEWS_AREA_MEASURES")
HOURLY = [i for i, m in enumerate(MEASURE_COLUMNS) if m.startswith("hourly_wage")]
ANNUAL = [i for i, m in enumerate(MEASURE_COLUMNS) if m.startswith("annual_wage")]
#: footnote code -> what a "-" with it means; any other code fails the read.
FOOTNOTE_HOURLY_OR_ANNUAL_ONLY = 4
FOOTNOTE_TOPCODED = 5
FOOTNOTE_NOT_RELEASED = 8
FOOTNOTE_MEANINGS = {
    FOOTNOTE_HOURLY_OR_ANNUAL_ONLY: "reported either as hourly wages or annual salaries",
    FOOTNOTE_TOPCODED: "equal to or greater than",
    FOOTNOTE_NOT_RELEASED: "not released",
}
AREATYPES = {"N": "national", "S": "state", "M": "metro"}


@dataclass(frozen=True)
class Release:
    """What the small flat files say about the release: name, year, period, top-code cap."""

    name: str
    year: int
    period: str
    hourly_cap: float
    annual_cap: float


def _check_datatypes(flat_dir: Path) -> None:
    """oe.datatype names BLS's 17 datatypes, as careerstats reads them."""
    dts = read_flat_table(flat_dir / "oe.datatype", ["datatype_code", "datatype_name"])
    got = dict(zip(dts["datatype_code"], dts["datatype_name"], strict=True))
    want = {code: title for code, (_, title) in DATATYPES.items()}
    if got != want:
        bad = sorted(set(got.items()) ^ set(want.items()))
        expected = "BLS's 17 OEWS datatypes, 01 Employment to 17 Location Quotient"
        fail(
            Problem(
                paths.display(flat_dir / "oe.datatype"), "datatype_name", expected, (), tuple(bad)
            )
        )


def read_release(flat_dir: Path) -> Release:
    """Read oe.release and oe.footnote, and check oe.datatype names the 17 datatypes."""
    flat_dir = Path(flat_dir)
    rel = read_flat_table(flat_dir / "oe.release", ["release_date", "description"])
    code, name = rel.iloc[0]["release_date"], rel.iloc[0]["description"]
    m = re.fullmatch(r"(\d{4})(A\d\d)", code)
    if len(rel) != 1 or not m:
        fail(
            Problem(
                paths.display(flat_dir / "oe.release"),
                "release_date",
                "one release like '2025A01'",
                (2,),
                (code,),
            )
        )
    _check_datatypes(flat_dir)
    notes = read_flat_table(flat_dir / "oe.footnote", ["footnote_code", "footnote_text"])
    text = dict(zip(notes["footnote_code"].astype(int), notes["footnote_text"], strict=True))
    problems = [
        Problem(
            paths.display(flat_dir / "oe.footnote"),
            "footnote_text",
            f"footnote {code} to say '{meaning}'",
            (),
            (text.get(code),),
        )
        for code, meaning in FOOTNOTE_MEANINGS.items()
        if meaning not in text.get(code, "").lower().replace("estimate ", "")
    ]
    raise_if_any(problems)
    cap = re.search(r"\$([\d,.]+) per hour or \$([\d,.]+) per year", text[FOOTNOTE_TOPCODED])
    if not cap:
        fail(
            Problem(
                paths.display(flat_dir / "oe.footnote"),
                "footnote_text",
                "footnote 5 to state the cap as '$X per hour or $Y per year'",
                (),
                (text[FOOTNOTE_TOPCODED],),
            )
        )
    return Release(
        name=name,
        year=int(m.group(1)),
        period=m.group(2),
        hourly_cap=float(cap.group(1).replace(",", "")),
        annual_cap=float(cap.group(2).replace(",", "")),
    )


def read_areas(flat_dir: Path) -> pd.DataFrame:
    """oe.area: state FIPS, 7-digit area code, area type and name."""
    return read_flat_table(
        Path(flat_dir) / "oe.area", ["state_code", "area_code", "areatype_code", "area_name"]
    )


def _header_problems(path: Path, header: bytes) -> list[Problem]:
    try:
        fields = [h.strip() for h in header.decode("ascii").rstrip("\r\n").split("\t")]
    except UnicodeDecodeError:
        return [
            Problem(
                paths.display(path),
                None,
                "an ASCII header line " + "\t".join(DATA_HEADER) + " (wrong encoding?)",
                (1,),
                (header[:60],),
            )
        ]
    if fields != DATA_HEADER:
        missing = [f for f in DATA_HEADER if f not in fields]
        return [
            Problem(
                paths.display(path),
                ", ".join(missing) or "header",
                "the header " + " | ".join(DATA_HEADER),
                (1,),
                tuple(fields),
            )
        ]
    if not header.endswith(b"\r\n"):
        return [Problem(paths.display(path), None, "CRLF line ends, as BLS writes them", (1,))]
    return []


# long function: the scan's result turned into the wide table in one place, column by column
def read_wide(
    flat_dir: Path,
    progress: Callable[[str], None] | None = None,
    *,
    industries: bool = False,
) -> pd.DataFrame:
    """The cross-industry estimates of every area and occupation, one row each; with
    ``industries``, also every industry's (BLS publishes those nationally).

    Columns: ``areatype_code``, ``area_code``, ``industry_code``, ``soc_code``, the 17 measures of
    :data:`DATATYPES`, and per measure the BLS footnote on a ``-`` (``note_<measure>``,
    0 where the value is published). A top-coded value (footnote 5) is set to the cap the
    release states (a lower bound); footnotes 4 and 8 leave it missing.
    """
    flat_dir = Path(flat_dir)
    release = read_release(flat_dir)
    scan = _flatscan.scan(
        flat_dir / DATA_FILE,
        release.year,
        release.period,
        list(FOOTNOTE_MEANINGS),
        _header_problems,
        cross_industry_only=not industries,
        progress=progress,
    )
    if not len(scan.keys):
        raise_if_any(
            [
                Problem(
                    paths.display(flat_dir / DATA_FILE),
                    None,
                    "cross-industry (industry 000000) estimates (none found)",
                )
            ]
        )
    keys, new, values, notes = scan.keys, scan.newkey, scan.values, scan.notes
    n = len(MEASURE_COLUMNS)
    dt = scan.datatypes.astype(np.intp) - 1
    row = np.cumsum(new, dtype=np.intp) - 1
    order_ok = bool(np.all(keys[1:] > keys[:-1])) if len(keys) > 1 else True
    dup = (row[1:] == row[:-1]) & (dt[1:] <= dt[:-1])
    if not order_ok or dup.any():
        raise_if_any(
            [
                Problem(
                    paths.display(flat_dir / DATA_FILE),
                    "series_id",
                    "series sorted by id, each once, as BLS publishes them",
                )
            ]
        )
    cell = row * n + dt  # position in the row-major (rows x 17) tables
    wide = np.full(len(keys) * n, np.nan)
    wide[cell] = values
    note = np.zeros(len(keys) * n, dtype=np.int8)
    note[cell] = notes
    top = np.flatnonzero(notes == FOOTNOTE_TOPCODED)  # few: set their cap in place
    hourly = np.isin(dt[top], HOURLY)
    wide[cell[top]] = np.where(hourly, release.hourly_cap, release.annual_cap)
    table, notes_table = wide.reshape(-1, n), note.reshape(-1, n)
    k = keys.view(np.uint8).reshape(-1, 20)
    soc = np.concatenate(
        [k[:, 14:16], np.full((len(k), 1), ord("-"), np.uint8), k[:, 16:20]], axis=1
    )
    frame = pd.concat(
        [
            pd.DataFrame(
                {
                    "areatype_code": _flatscan.text_column(k[:, 0:1]),
                    "area_code": _flatscan.text_column(k[:, 1:8]),
                    "industry_code": _flatscan.text_column(k[:, 8:14]),
                    "soc_code": _flatscan.text_column(soc),
                }
            ),
            pd.DataFrame(table, columns=MEASURE_COLUMNS, copy=False),
            pd.DataFrame(notes_table, columns=[f"note_{m}" for m in MEASURE_COLUMNS], copy=False),
        ],
        axis=1,
    )
    frame.attrs["release"] = release
    return frame
