"""One way to show a result to a reader: titles from the data dictionary, numbers in their
units ($45,690; $21.97/h; 817,870 jobs; 12.5%; +$17,240), BLS's reason where a value is
missing, and the frame as computed one attribute away (``.raw``).

Every table a notebook shows goes through :func:`show` (or one of the report's tables in
:mod:`~careerstats.present.tables`, which use the same formatters). A column the dictionary
does not know is an error, so no raw column name reaches a reader.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from ..analysis._common import BLS_REASONS
from ..analysis.industries import industry_label, naics_display
from ..errors import CareerStatsError
from ..measures import PERCENTILES, SOC_PATTERN, UNITS
from ..tables.derived_columns import SIGNED
from ..tables.dictionary import describe

_SOC = re.compile(SOC_PATTERN)


def usd(value: float, decimals: int = 0) -> str:
    """``$47,970`` or, with decimals, ``$23.06``."""
    return f"${value:,.{decimals}f}"


def hourly(value: float) -> str:
    """``$23.06/h``."""
    return f"{usd(value, 2)}/h"


def jobs(value: float) -> str:
    """``12,150 jobs``."""
    return f"{value:,.0f} jobs"


def percent(value: float, decimals: int = 1) -> str:
    """``6.4%``."""
    return f"{value:.{decimals}f}%"


def is_missing(value: object) -> bool:
    """None, NaN or pandas' NA."""
    if value is None or value is pd.NA:
        return True
    return isinstance(value, float) and math.isnan(value)


def _dollars(value: float) -> str:
    whole = float(value).is_integer() or abs(value) >= 1000
    return usd(value, 0 if whole else 2)


def _plain(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


_FORMATS = {
    "usd_per_year": _dollars,
    "usd": _dollars,
    "usd_per_hour": hourly,
    "jobs": jobs,
    "jobs_per_year": lambda v: f"{jobs(v)} a year",
    "jobs_per_1000": lambda v: f"{v:,.2f} per 1,000 jobs",
    "percent": percent,
    "ratio": lambda v: f"{v:.2f}×",
    "index": lambda v: f"{v:.1f}",
    "year": lambda v: str(int(v)),
    "years": lambda v: f"{v:g} year{'' if v == 1 else 's'}",
    "months": lambda v: f"{v:g} month{'' if v == 1 else 's'}",
    "hours": lambda v: f"{v:g}",
    "count": lambda v: f"{int(v):,}",
    "number": _plain,
}


#: Units of the figures BLS publishes: a missing one is "not published".
_PUBLISHED_UNITS = frozenset(
    {"usd_per_year", "usd_per_hour", "usd", "jobs", "jobs_per_year", "jobs_per_1000", "percent"}
)


def figure(value: object, unit: str, signed: bool = False) -> str:
    """One value as a reader sees it in ``unit`` (a code of
    :data:`~careerstats.measures.UNITS`): ``figure(17240, "usd_per_year", signed=True)`` is
    ``"+$17,240"``; a flag is yes or no; an interval (a pair) is "from to"."""
    if isinstance(value, list | tuple) and len(value) == 2:
        return f"{figure(value[0], unit)} to {figure(value[1], unit)}"
    if isinstance(value, bool) or unit == "flag":
        return "yes" if value else "no"
    format_ = _FORMATS.get(unit)
    if format_ is None or isinstance(value, str):
        return str(value)
    number = float(value)  # type: ignore[arg-type]  # a number in a numeric unit
    sign = "-" if number < 0 else "+" if signed and number > 0 else ""
    return sign + format_(abs(number))


class Readable:
    """A table formatted for reading. ``frame`` is what a reader sees (text in every
    cell); ``raw`` is the result as computed, to compute with."""

    def __init__(self, frame: pd.DataFrame, raw: pd.DataFrame, index: bool = True) -> None:
        self.frame = frame
        self.raw = raw
        self.index = index

    def _repr_html_(self) -> str:
        # dollar amounts are never mathematics (MathJax skips these classes)
        html: str = self.frame.to_html(
            escape=True,
            border=0,
            classes="careerstats tex2jax_ignore mathjax_ignore",
            index=self.index,
        )
        return html

    def __repr__(self) -> str:
        return self.frame.to_string(index=self.index)

    def __len__(self) -> int:
        return len(self.frame)


def _listed(value: object) -> set[str]:
    if is_missing(value) or not isinstance(value, str):
        return set()
    return {v.strip() for v in re.split(r"[;,]", value) if v.strip()}


def _field(column: str, measure: str | None) -> str:
    """The OEWS field a column stands for: a percentile of the result's wage kind."""
    if column in PERCENTILES and measure and "_wage_" in measure:
        return f"{measure.split('_wage_')[0]}_wage_{column}"
    return column


def _flag(value: object) -> bool:
    return not is_missing(value) and bool(value)


def _reason(row: Mapping[str, Any], field: str, missing: str) -> str:
    """BLS's reason for a missing ``field`` in ``row``, from the row's own flags."""
    if field in _listed(row.get("not_released_fields")):
        return f"not published ({BLS_REASONS['not_released']})"
    if field.startswith("annual") and _flag(row.get("is_hourly_only")):
        return f"not published ({BLS_REASONS['hourly_only']})"
    if field.startswith("hourly") and _flag(row.get("is_annual_only")):
        return f"not published ({BLS_REASONS['annual_only']})"
    return missing


def _unit_of_measure(measure: str | None) -> str:
    """The unit of a result's measure: a column's (``annual_wage_median``), or a unit code
    itself (``usd``)."""
    if measure in UNITS:
        return measure
    found = describe(measure) if measure else None
    if found is None:
        return "number"
    return found[1]


class _Columns:
    """How each column of one result is titled and in which unit it is shown."""

    def __init__(self, raw: pd.DataFrame, titles: Mapping[str, str], units: Mapping[str, str]):
        self.raw, self.titles, self.units = raw, titles, units
        self.occupations = dict(raw.attrs.get("titles", {}))
        self.measure = raw.attrs.get("measure")

    def title(self, column: str) -> str:
        if column in self.titles:
            return self.titles[column]
        if column in self.occupations or _SOC.match(str(column)):
            return self.occupations.get(column, column)
        found = describe(str(column))
        if found is None:
            raise CareerStatsError(
                f"show: column {column!r} has no title in the data dictionary "
                "(careerstats.tables.dictionary FIELDS or DERIVED); pass titles={...}"
            )
        return found[0]

    def heading(self, column: str) -> str:
        if column == "soc_code" and column not in self.titles:
            return "Occupation"
        return self.title(column)

    def cell(
        self, column: str, row: Mapping[str, Any], row_measure: str | None, missing: str | None
    ) -> str:
        """One cell as a reader sees it (see :func:`show`)."""
        value = row[column]
        if column == "soc_code" and not is_missing(value):
            return str(self.occupations.get(value, value))
        if column == "industry_code":
            return naics_display(value, row.get("industry_title", ""))[0]
        if column == "industry_title":
            return industry_label(row.get("industry_code", ""), value)
        unit = self.unit(column, row_measure)
        field = _field(str(column), row_measure or self.measure)
        if is_missing(value):
            default = "not published" if unit in _PUBLISHED_UNITS else "–"
            return _reason(row, field, default if missing is None else missing)
        text = figure(value, unit, signed=column in SIGNED)
        if field in _listed(row.get("topcoded_fields")) | _listed(row.get("topcoded")):
            text = "at least " + text
        return text

    def unit(self, column: str, row_measure: str | None) -> str:
        if column in self.units:
            return self.units[column]
        occupation = column in self.occupations or _SOC.match(str(column))
        found = None if occupation else describe(str(column))
        unit = "measure" if found is None else found[1]
        if unit == "measure":
            return _unit_of_measure(row_measure or self.measure)
        return unit


def _index(raw: pd.DataFrame, columns: _Columns, rows_are_measures: bool) -> pd.Index:
    if isinstance(raw.index, pd.MultiIndex):  # each level titled; its values as they are
        return raw.index.set_names(
            [
                None if n is None else columns.titles.get(n) or (describe(n) or (n,))[0]
                for n in raw.index.names
            ]
        )
    name = raw.index.name
    if rows_are_measures:
        values = [columns.title(str(v)) for v in raw.index]
    elif name == "soc_code":
        values = [columns.occupations.get(v, v) for v in raw.index]
    else:
        values = [str(v) for v in raw.index]
    title = None
    if name == "soc_code":
        title = "Occupation"
    elif name is not None and not rows_are_measures:
        title = columns.titles.get(name) or (describe(name) or (str(name),))[0]
    return pd.Index(values, name=title)


def show(
    result: pd.DataFrame | pd.Series,
    columns: Sequence[str] | None = None,
    *,
    titles: Mapping[str, str] | None = None,
    units: Mapping[str, str] | None = None,
    missing: str | None = None,
    rows_are_measures: bool = False,
    index: str | None = None,
) -> Readable:
    """``result`` formatted for reading, as :class:`Readable` (``.raw`` is ``result``).

    - Columns are titled from the data dictionary; a SOC code column takes the
      occupation's title (``result.attrs["titles"]``, or ``titles``).
    - Each cell is shown in its column's unit; a column whose unit is the result's measure
      (a gap, a percentile) takes the unit of ``attrs["measure"]``, or, with
      ``rows_are_measures``, the unit of the row's measure (the index holds field names).
    - A missing value shows BLS's reason where the row says it (footnote 4 or 8), else
      ``missing`` (default: "not published" for a figure in money, jobs or percent, "–"
      for the rest); a top-coded value (``topcoded_fields``) reads "at least $239,200".
    - ``columns`` picks and orders the columns shown (all by default); ``titles`` and
      ``units`` override the dictionary for this table; ``index`` names a column whose
      values head the rows (an unnamed row number is not shown).
    - A ``soc_code`` column shows the occupation's title; an ``industry_code`` column
      shows NAICS's code ("62", "6211"), beside ``industry_title`` without BLS's prefix.
    """
    raw = result.to_frame() if isinstance(result, pd.Series) else result
    if not isinstance(raw, pd.DataFrame):
        raise CareerStatsError(f"show: {type(result).__name__} — expected a table (DataFrame)")
    spec = _Columns(raw, titles or {}, units or {})
    chosen = list(raw.columns if columns is None else columns)
    unknown = [c for c in chosen if c not in raw.columns]
    if unknown:
        raise CareerStatsError(f"show: no column(s) {', '.join(map(str, unknown))} in the table")
    records = raw.to_dict("records")
    out: dict[str, list[str]] = {}
    for column in chosen:
        out[spec.heading(str(column))] = [
            spec.cell(column, row, str(key) if rows_are_measures else None, missing)
            for key, row in zip(raw.index, records, strict=True)
        ]
    if index is not None:
        labels = [spec.occupations.get(v, v) if index == "soc_code" else str(v) for v in raw[index]]
        name = "Occupation" if index == "soc_code" else spec.title(index)
        frame = pd.DataFrame(out, index=pd.Index(labels, name=name))
        return Readable(frame, raw)
    plain_rows = isinstance(raw.index, pd.RangeIndex) and raw.index.name is None
    frame = pd.DataFrame(out, index=_index(raw, spec, rows_are_measures))
    return Readable(frame, raw, index=not plain_rows)
