"""Real dollars: a wage of one May release in the dollars of another month, by CPI-U.

OEWS estimates refer to May of their year, so a wage is moved between releases with the
ratio of the CPI-U (``CUUR0000SA0``, all items, U.S. city average, not seasonally adjusted)
for May of each year, read from ``data/cpi.csv``: a ratio of two published index values,
traceable and independent of today's date. Every result names its base month ("May 2025
dollars"). A month the CPI table does not cover is an error, never an extrapolation.
"""

from __future__ import annotations

import math

import pandas as pd

from ..errors import CareerStatsError

#: OEWS estimates refer to May.
OEWS_MONTH = 5
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def dollars_of(year: int, month: int = OEWS_MONTH) -> str:
    """The label of a base month: ``"May 2025"`` (as in "May 2025 dollars")."""
    return f"{_MONTHS[int(month) - 1]} {int(year)}"


def cpi_value(
    year: int,
    month: int = OEWS_MONTH,
    *,
    cpi: pd.DataFrame,
) -> float:
    """The CPI-U index for ``month`` of ``year``, from ``cpi`` (the ``cpi`` table)."""
    monthly = cpi[cpi["month"].notna()]
    row = monthly[(monthly["year"] == int(year)) & (monthly["month"] == int(month))]
    if row.empty:
        first, last = monthly.iloc[0], monthly.iloc[-1]
        raise CareerStatsError(
            f"CPI-U for {dollars_of(year, month)}: not in cpi.csv — it covers "
            f"{dollars_of(first['year'], first['month'])} to "
            f"{dollars_of(last['year'], last['month'])}"
        )
    return float(row["index_value"].iloc[0])


def cpi_ratio(
    from_year: int,
    to_year: int,
    month: int = OEWS_MONTH,
    *,
    cpi: pd.DataFrame,
) -> float:
    """CPI-U of ``month`` ``to_year`` over CPI-U of ``month`` ``from_year`` (from ``cpi``,
    the ``cpi`` table): what one dollar of the first month is worth in dollars of the
    second."""
    return cpi_value(to_year, month, cpi=cpi) / cpi_value(from_year, month, cpi=cpi)


def to_real(
    values,
    years,
    base_year: int,
    month: int = OEWS_MONTH,
    *,
    cpi: pd.DataFrame,
):
    """``values`` of the given (May) ``years`` in dollars of ``month`` ``base_year``, by
    ``cpi`` (the ``cpi`` table).

    ``values`` and ``years`` are numbers or aligned Series; a missing value stays missing.
    """
    if isinstance(values, pd.Series):
        year_list = years if isinstance(years, pd.Series) else pd.Series(years, index=values.index)
        factors = {int(y): cpi_ratio(int(y), base_year, month, cpi=cpi) for y in set(year_list)}
        return values * year_list.map(factors).astype(float)
    if values is None or (isinstance(values, float) and math.isnan(values)):
        return math.nan
    return float(values) * cpi_ratio(int(years), base_year, month, cpi=cpi)
