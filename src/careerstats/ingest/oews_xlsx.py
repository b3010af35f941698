"""Reader for BLS's OEWS national XLSX files (``national_MYYYY_dl.xlsx``, May 2015-2024).

Vintage quirks handled here, each explicitly:

- The group column is ``OCC_GROUP`` through 2018 and ``O_GROUP`` after; 2019 spells every
  header in lower case; 2020+ add area and industry columns. Columns are picked by name,
  case-insensitively.
- Markers in numeric cells: ``*`` wage not available, ``**`` employment not available
  (both become missing), ``#`` wage at or above the top-code cap: kept as a lower bound
  (the cap) and named in ``topcoded_fields``. Any other text fails the read.
- ``ANNUAL`` / ``HOURLY`` = TRUE: only annual or only hourly wages are published; the
  other kind stays missing and is never computed from the published one.
- From 2017 some codes appear twice, as a broad and as a detailed occupation with the
  same figures; one row is kept (the detailed one) after checking the figures agree.
- The top-code cap is read from the "Field Descriptions" sheet. The 2015-2018 files have
  no such sheet; there the bound kept for a ``#`` is the largest percentile wage of the
  same kind (hourly or annual) that the file does publish, which the cap must exceed.
  (Means are never top-coded in the national files.)
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from .. import paths
from ..errors import Problem, raise_if_any
from ..extras import require
from ..measures import OEWS_MEASURES, WAGE_FIELDS

#: OEWS XLSX column (lower case) -> careerstats column
XLSX_COLUMNS = {
    "occ_code": "soc_code",
    "occ_title": "occupation_title",
    "tot_emp": "employment",
    "emp_prse": "employment_rse_pct",
    "h_mean": "hourly_wage_mean",
    "a_mean": "annual_wage_mean",
    "mean_prse": "wage_rse_pct",
    "h_pct10": "hourly_wage_p10",
    "h_pct25": "hourly_wage_p25",
    "h_median": "hourly_wage_median",
    "h_pct75": "hourly_wage_p75",
    "h_pct90": "hourly_wage_p90",
    "a_pct10": "annual_wage_p10",
    "a_pct25": "annual_wage_p25",
    "a_median": "annual_wage_median",
    "a_pct75": "annual_wage_p75",
    "a_pct90": "annual_wage_p90",
}
NUMERIC = list(OEWS_MEASURES)
#: The wage columns, in the order of the data dictionary's OEWS measures.
WAGES = [c for c in OEWS_MEASURES if c in WAGE_FIELDS]
EMPLOYMENT = ["employment", "employment_rse_pct"]
GROUPS = ("occ_group", "o_group")
SOC_LEVELS = ("total", "major", "minor", "broad", "detailed")
#: markers: text -> (meaning, allowed in which columns)
XLSX_MARKERS = {
    "*": ("wage not available", [*WAGES, "wage_rse_pct"]),
    "**": ("employment not available", EMPLOYMENT),
    "#": ("at or above the top-code cap", WAGES),
}
_CAP = re.compile(
    r"#\s*=\s*indicates a wage equal to or greater than \$([\d,.]+) per hour "
    r"or \$([\d,.]+) per year"
)


def _data_sheet(book: dict[str, pd.DataFrame], shown: str) -> tuple[str, pd.DataFrame]:
    for name, frame in book.items():
        if name.lower().startswith("national"):
            return name, frame
    raise_if_any(
        [Problem(shown, None, "a sheet named national... with the estimates", (), tuple(book))]
    )
    raise AssertionError  # unreachable


def _cap(book: dict[str, pd.DataFrame]) -> tuple[float, float] | None:
    sheet = next((f for n, f in book.items() if n.lower() == "field descriptions"), None)
    if sheet is None:
        return None
    text = " ".join(str(v) for v in sheet.to_numpy().ravel() if isinstance(v, str))
    m = _CAP.search(text)
    if not m:
        return None
    return float(m.group(1).replace(",", "")), float(m.group(2).replace(",", ""))


def _rows_of(index: pd.Index, mask: pd.Series) -> tuple[int, ...]:
    """The spreadsheet rows of ``mask`` (the header is row 1), the first 20."""
    return tuple(int(i) + 2 for i in index[mask][:20])


def read_national(path: Path, year: int) -> pd.DataFrame:
    """One national XLSX as a tidy frame (one row per SOC code), markers resolved."""
    shown = paths.display(path)
    require("build", "reading an OEWS national workbook")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # openpyxl: "Unknown extension"
        book = pd.read_excel(path, sheet_name=None, dtype=object, engine="openpyxl")
    _, raw = _data_sheet(book, shown)
    raw.columns = [str(c).strip().lower() for c in raw.columns]
    group = next((g for g in GROUPS if g in raw.columns), None)
    missing = [c for c in XLSX_COLUMNS if c not in raw.columns] + ([] if group else ["o_group"])
    if missing:
        expected = "the OEWS national columns (case-insensitive)"
        raise_if_any([Problem(shown, ", ".join(missing), expected, (1,))])
    assert group is not None
    problems = _scope_problems(raw, shown)
    out = pd.DataFrame({new: raw[old] for old, new in XLSX_COLUMNS.items()})
    problems += _identify(out, raw, group, shown)
    topcoded = pd.DataFrame(False, index=out.index, columns=WAGES)
    for col in NUMERIC:
        out[col], marked, found = _numeric_column(out[col], col, shown)
        problems += found
        if col in WAGES:
            topcoded[col] = marked == "#"
    for flag in ("annual", "hourly"):
        out[f"is_{flag}_only"], found = _only_flag(raw, flag, shown)
        problems += found
    raise_if_any(problems)
    cap = _cap(book) or _largest_published(out, topcoded)
    for c in WAGES:
        out.loc[topcoded[c], c] = cap[0] if c.startswith("hourly") else cap[1]
    out["topcoded_fields"] = [
        ";".join(c for c in WAGES if row[c]) or None for _, row in topcoded.iterrows()
    ]
    out = _one_row_per_code(out, shown)
    out.insert(0, "year", year)
    out.insert(1, "release", f"May {year}")
    out.attrs["topcode"] = cap
    return out


def _scope_problems(raw: pd.DataFrame, shown: str) -> list[Problem]:
    """2020 on, the file names its area and industry: national, cross-industry."""
    problems = []
    if "naics" in raw.columns:
        for col, want in (("naics", "000000"), ("area", "99")):
            off = raw[col].astype(str) != want
            if off.any():
                problems.append(
                    Problem(
                        shown,
                        col,
                        f"{want!r} (national, cross-industry)",
                        _rows_of(raw.index, off),
                        tuple(raw.loc[off, col][:20]),
                    )
                )
    return problems


def _identify(out: pd.DataFrame, raw: pd.DataFrame, group: str, shown: str) -> list[Problem]:
    """Set ``out``'s SOC level, code and title from ``raw``; the problems of each."""
    problems = []
    out["soc_level"] = raw[group].astype(str).str.strip().str.lower()
    bad_level = ~out["soc_level"].isin(SOC_LEVELS)
    if bad_level.any():
        problems.append(
            Problem(
                shown,
                group,
                "one of " + ", ".join(SOC_LEVELS),
                _rows_of(out.index, bad_level),
                tuple(out.loc[bad_level, "soc_level"][:20]),
            )
        )
    code = out["soc_code"].astype(str).str.strip()
    bad_code = ~code.str.fullmatch(r"\d{2}-\d{4}")
    if bad_code.any():
        problems.append(
            Problem(
                shown,
                "occ_code",
                "a SOC code NN-NNNN",
                _rows_of(out.index, bad_code),
                tuple(code[bad_code][:20]),
            )
        )
    out["soc_code"] = code
    out["occupation_title"] = out["occupation_title"].astype(str).str.strip()
    return problems


def _numeric_column(
    cells: pd.Series, col: str, shown: str
) -> tuple[pd.Series, pd.Series, list[Problem]]:
    """A numeric column with BLS's markers resolved: (its numbers, each cell's marker or
    None, the problems: a marker where BLS never puts it, an unknown marker)."""
    problems = []
    text = cells.map(lambda v: isinstance(v, str))
    stripped = cells.where(~text, cells.astype(str).str.strip())
    marker = stripped.where(text, None)
    known = pd.Series(False, index=cells.index)
    for sign, (meaning, allowed) in XLSX_MARKERS.items():
        hit = marker == sign
        if hit.any() and col not in allowed:
            problems.append(
                Problem(
                    shown,
                    col,
                    f"no {sign!r} here ({sign!r} means {meaning})",
                    _rows_of(cells.index, hit),
                    tuple(cells[hit][:20]),
                )
            )
        known |= hit
    blank = marker.isin(["", "nan"]) | cells.isna()
    numeric = pd.to_numeric(stripped.where(~known & ~blank, None), errors="coerce")
    unknown = (text & ~known & ~blank) | (~known & ~blank & numeric.isna())
    if unknown.any():
        problems.append(
            Problem(
                shown,
                col,
                "a number or one of the markers * ** # (unknown marker)",
                _rows_of(cells.index, unknown),
                tuple(cells[unknown][:20]),
            )
        )
    return numeric.astype("float64"), marker, problems


def _only_flag(raw: pd.DataFrame, flag: str, shown: str) -> tuple[pd.Series, list[Problem]]:
    """BLS's "annual only" or "hourly only" column as booleans: TRUE or empty."""
    v = raw[flag].map(
        lambda x: (
            "" if x is None or (isinstance(x, float) and np.isnan(x)) else str(x).strip().upper()
        )
    )
    bad = ~v.isin(["", "TRUE"])
    problems = []
    if bad.any():
        problems.append(
            Problem(
                shown,
                flag,
                "TRUE or empty",
                _rows_of(raw.index, bad),
                tuple(raw.loc[bad, flag][:20]),
            )
        )
    return v == "TRUE", problems


def _largest_published(out: pd.DataFrame, topcoded: pd.DataFrame) -> tuple[float, float]:
    """The cap where a file states none (2015-2018). Only percentile wages are top-coded
    (means are always published), so the largest published percentile is below the cap:
    a lower bound."""

    def largest(kind: str) -> float:
        pct = [c for c in WAGES if c.startswith(kind) and "_mean" not in c]
        return float(np.nanmax(out[pct].where(~topcoded[pct]).to_numpy()))

    return largest("hourly"), largest("annual")


def _one_row_per_code(out: pd.DataFrame, shown: str) -> pd.DataFrame:
    """Keep one row where a broad and a detailed occupation share a code and figures."""
    dup = out["soc_code"].duplicated(keep=False)
    if not dup.any():
        return out.reset_index(drop=True)
    problems = []
    for code, rows in out[dup].groupby("soc_code"):
        figures = rows[NUMERIC].fillna(-1)
        if (figures.nunique() > 1).any() or set(rows["soc_level"]) != {"broad", "detailed"}:
            problems.append(
                Problem(
                    shown,
                    "occ_code",
                    "a code listed twice only as a broad "
                    "and a detailed occupation with the same figures",
                    tuple(int(i) + 2 for i in rows.index),
                    (code,),
                )
            )
    raise_if_any(problems)
    keep = ~dup | (out["soc_level"] == "detailed")
    return out[keep].reset_index(drop=True)
