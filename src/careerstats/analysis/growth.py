"""Employment projections: projected level, numeric change, annual growth, yearly path.

BLS Employment Projections state a base-year employment, a projected employment ten
years on, the numeric change and the percent change. Published percents are rounded (the
Occupational Outlook Handbook rounds to whole percents), so a percent and a change can
both be right and still not multiply out: :func:`check_change` tells the two cases apart.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from ..arguments import checked
from ..errors import CareerStatsError, shown
from ..measures import PROJECTION_MEASURES
from ._common import labelled, require_projected


def _positive(value: object, what: str) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise CareerStatsError(f"{what}: {shown(value)} — expected a number") from None
    if not number > 0 or math.isinf(number):
        raise CareerStatsError(f"{what}: {shown(value)} — expected a positive number")
    return number


def _percent(value: object) -> float:
    try:
        pct = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise CareerStatsError(f"percent change: {shown(value)} — expected a number") from None
    if not pct > -100 or math.isinf(pct):
        raise CareerStatsError(f"percent change: {shown(value)} — expected more than -100")
    return pct


def projected_employment(base: float, percent_change: float) -> float:
    """Employment after a change of ``percent_change`` percent from ``base``."""
    return _positive(base, "base employment") * (1 + _percent(percent_change) / 100)


def numeric_change(base: float, percent_change: float) -> float:
    """The change in jobs that ``percent_change`` percent of ``base`` implies."""
    return projected_employment(base, percent_change) - float(base)


def percent_change(base: float, change: float) -> float:
    """The percent that a change of ``change`` jobs is of ``base``."""
    try:
        jobs = float(change)
    except (TypeError, ValueError):
        raise CareerStatsError(f"change: {shown(change)} — expected a number of jobs") from None
    return jobs / _positive(base, "base employment") * 100


def cagr(base: float, projected: float, years: float) -> float:
    """Compound annual growth rate, in percent a year, from ``base`` to ``projected``."""
    years = _positive(years, "years")
    ratio = _positive(projected, "projected employment") / _positive(base, "base employment")
    return (ratio ** (1 / years) - 1) * 100


def projection_path(
    base: float, percent_change: float, start_year: int, end_year: int
) -> pd.DataFrame:
    """Employment each year from ``start_year`` to ``end_year``, growing at the constant
    annual rate that turns ``base`` into ``base × (1 + percent_change/100)``.

    BLS projects only the end point; the path between is this even-rate interpolation.
    """
    base = _positive(base, "base employment")
    return path_between(base, projected_employment(base, percent_change), start_year, end_year)


def _year(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str) or not str(value).isdigit():
        raise CareerStatsError(f"{what}: {shown(value)} — expected a year such as 2030")
    return int(value)


def path_between(base: float, projected: float, start_year: int, end_year: int) -> pd.DataFrame:
    """Employment each year from ``base`` in ``start_year`` to ``projected`` in
    ``end_year``, at a constant annual rate; the last value is exactly ``projected``."""
    start_year, end_year = _year(start_year, "start year"), _year(end_year, "end year")
    if end_year <= start_year:
        raise CareerStatsError(
            f"projection path {start_year}-{end_year} — expected the end year after the start year"
        )
    base = _positive(base, "base employment")
    end = _positive(projected, "projected employment")
    years = end_year - start_year
    rate = (end / base) ** (1 / years)
    values = [base * rate**k for k in range(years)] + [end]
    return pd.DataFrame({"year": list(range(start_year, end_year + 1)), "employment": values})


@dataclass(frozen=True)
class ChangeCheck:
    """Stated percent and stated change, set against each other."""

    base: float
    stated_percent: float
    stated_change: float
    percent_decimals: int
    change_from_percent: float
    percent_from_change: float
    difference: float
    is_exact: bool
    is_consistent_with_rounding: bool


def check_change(
    base: float, stated_percent: float, stated_change: float, percent_decimals: int = 0
) -> ChangeCheck:
    """Do ``stated_percent`` and ``stated_change`` agree for ``base``?

    ``is_exact``: ``base × percent`` equals the change to the job. ``is_consistent_with_
    rounding``: the percent the change implies rounds to the stated percent at
    ``percent_decimals`` places, i.e. the stated percent is the change, rounded.

    >>> c = check_change(720_900, 18, 132_600)
    >>> round(c.change_from_percent), c.is_exact, c.is_consistent_with_rounding
    (129762, False, True)
    """
    base = _positive(base, "base employment")
    pct = _percent(stated_percent)
    change = float(stated_change)
    from_pct = base * pct / 100
    implied_pct = change / base * 100
    half = 0.5 * 10 ** (-percent_decimals)
    return ChangeCheck(
        base=base,
        stated_percent=pct,
        stated_change=change,
        percent_decimals=percent_decimals,
        change_from_percent=from_pct,
        percent_from_change=implied_pct,
        difference=change - from_pct,
        is_exact=abs(change - from_pct) < 0.5,
        is_consistent_with_rounding=abs(implied_pct - pct) <= half + 1e-9,
    )


# --- BLS's projection cycles --------------------------------------------------------------


OUTLOOK_COLUMNS = ["base_year", "target_year", *PROJECTION_MEASURES]


@checked
def outlook(projections: pd.DataFrame, socs: Iterable[str]) -> pd.DataFrame:
    """Each cycle's projection for ``socs``: one row per (cycle, soc_code)."""
    socs = require_projected(projections, socs)
    rows = projections[projections["soc_code"].isin(socs)]
    rank = rows["soc_code"].map({s: i for i, s in enumerate(socs)})
    rows = rows.assign(_rank=rank).sort_values(["cycle", "_rank"], kind="stable")
    return labelled(rows.set_index(["cycle", "soc_code"])[OUTLOOK_COLUMNS], projections, socs)


@checked
def track_record(projections: pd.DataFrame, socs: Iterable[str]) -> pd.DataFrame:
    """Projected employment against employment later observed on the same basis.

    For each cycle and each later cycle whose base year falls within it, the later cycle's
    base-year employment (all workers, as EP counts them) is set against the first cycle's
    projection for that year: the target itself where the years meet (a real test of the
    projection), otherwise the even-rate path between base and target (an interim
    reading, not a BLS figure).
    """
    socs = require_projected(projections, socs)
    rows = projections[projections["soc_code"].isin(socs)]
    by_year = rows.set_index(["soc_code", "base_year"])
    out = []
    for _, p in rows.iterrows():
        later = by_year.loc[p["soc_code"]]
        for year, obs in later[
            (later.index > p["base_year"]) & (later.index <= p["target_year"])
        ].iterrows():
            path = path_between(
                p["employment_base"], p["employment_projected"], p["base_year"], p["target_year"]
            ).set_index("year")
            projected = float(path["employment"].loc[year])
            observed = float(obs["employment_base"])
            out.append(
                {
                    "cycle": p["cycle"],
                    "soc_code": p["soc_code"],
                    "year": int(year),
                    "is_target_year": int(year) == p["target_year"],
                    "observed_in": obs["cycle"],
                    "employment_projected": projected,
                    "employment_observed": observed,
                    "error": observed - projected,
                    "error_pct": (observed - projected) / projected * 100,
                }
            )
    if not out:
        raise CareerStatsError("track_record: no later base year falls within any cycle")
    table = pd.DataFrame(out).sort_values(["soc_code", "cycle", "year"], ignore_index=True)
    return labelled(table, projections, socs)
