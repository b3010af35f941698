"""Sampling error: confidence intervals from BLS's relative standard errors (RSEs).

OEWS publishes an RSE for employment (``employment_rse_pct``) and for the **mean** wage
(``wage_rse_pct``), none for the percentiles: a median has no interval here, and wherever
one is shown without it, say so. The intervals use the normal approximation BLS's
standard errors are meant for: estimate ± z × RSE/100 × estimate.

Reliability: an estimate whose RSE exceeds :data:`RELIABLE_MAX_RSE_PCT` (30%) is flagged
not reliable, following the guideline of the National Center for Health Statistics
(Health, United States, "Relative standard error",
https://www.cdc.gov/nchs/hus/sources-definitions/rse.htm: estimates with large RSEs are
unreliable; NCHS's guideline, as state health agencies apply it, puts the line at 30%).
BLS sets no such threshold for OEWS; it is careerstats' choice, stated wherever used.
"""

from __future__ import annotations

import math
from statistics import NormalDist

from ..errors import CareerStatsError, shown

#: An estimate is reliable when its RSE is at most this, percent (NCHS guideline).
RELIABLE_MAX_RSE_PCT = 30.0
LEVELS = (0.90, 0.95)


def z_value(level: float = 0.90) -> float:
    """The two-sided standard normal quantile for confidence ``level`` (1.645 for 90%)."""
    if not 0 < level < 1:
        raise CareerStatsError(f"confidence level {shown(level)}: expected a share between 0 and 1")
    return NormalDist().inv_cdf(0.5 + level / 2)


def _missing(*values: object) -> bool:
    return any(v is None or (isinstance(v, float) and math.isnan(v)) for v in values)


def standard_error(estimate: float | None, rse_pct: float | None) -> float:
    """The standard error an RSE (percent of the estimate) implies."""
    if estimate is None or rse_pct is None or _missing(estimate, rse_pct):
        return math.nan
    if rse_pct < 0:
        raise CareerStatsError(f"relative standard error {shown(rse_pct)}: expected >= 0")
    return abs(float(estimate)) * float(rse_pct) / 100


def interval(
    estimate: float | None, rse_pct: float | None, level: float = 0.90
) -> tuple[float, float]:
    """The confidence interval of an estimate, from the relative standard error BLS
    publishes with it.

    Args:
        estimate: the estimate (an OEWS employment or mean wage).
        rse_pct: its relative standard error, percent of the estimate
            (``employment_rse_pct``, ``wage_rse_pct``).
        level: the confidence level, between 0 and 1 (90% by default, as BLS uses).

    Returns:
        ``(low, high)``: estimate ± z × RSE/100 × estimate; ``(nan, nan)`` where either
        is missing (BLS publishes no RSE for a median).

    Reads:
        Nothing: arithmetic on the figures given.

    Example:
        >>> low, high = interval(50_000, 2.0)
        >>> round(low), round(high)
        (48355, 51645)
    """
    se = standard_error(estimate, rse_pct)
    if estimate is None or math.isnan(se):
        return (math.nan, math.nan)
    half = z_value(level) * se
    return (float(estimate) - half, float(estimate) + half)


def difference_interval(
    a: float | None,
    rse_a: float | None,
    b: float | None,
    rse_b: float | None,
    level: float = 0.90,
) -> tuple[float, float]:
    """The confidence interval of the difference ``b - a`` of two estimates.

    Assumes the two estimates are independent, so their variances add:
    SE(b - a) = sqrt(SE(a)^2 + SE(b)^2). Two occupations in one OEWS area come from the
    same establishments, so they may be correlated; the interval is then approximate.

    Args:
        a: the first estimate.
        rse_a: its relative standard error, percent.
        b: the second estimate.
        rse_b: its relative standard error, percent.
        level: the confidence level, between 0 and 1.

    Returns:
        ``(low, high)`` of ``b - a``; ``(nan, nan)`` where any figure is missing.

    Reads:
        Nothing: arithmetic on the figures given.

    Example:
        >>> low, high = difference_interval(50_000, 2.0, 60_000, 2.0)
        >>> round(low), round(high)
        (7431, 12569)
    """
    se_a, se_b = standard_error(a, rse_a), standard_error(b, rse_b)
    if a is None or b is None or math.isnan(se_a) or math.isnan(se_b):
        return (math.nan, math.nan)
    half = z_value(level) * math.hypot(se_a, se_b)
    diff = float(b) - float(a)
    return (diff - half, diff + half)


def reliable(rse_pct: float) -> bool | None:
    """RSE at most :data:`RELIABLE_MAX_RSE_PCT`; None where BLS publishes no RSE."""
    if _missing(rse_pct):
        return None
    return float(rse_pct) <= RELIABLE_MAX_RSE_PCT


def add_intervals(frame, value: str, rse: str, level: float = 0.90):
    """``frame`` with ``<value>_low``, ``<value>_high`` (the ``level`` interval from the RSE
    column ``rse``) and ``reliable`` (RSE at most :data:`RELIABLE_MAX_RSE_PCT`)."""
    out = frame.copy()
    bounds = [interval(v, r, level) for v, r in zip(out[value], out[rse], strict=True)]
    out[f"{value}_low"] = [b[0] for b in bounds]
    out[f"{value}_high"] = [b[1] for b in bounds]
    out["reliable"] = [reliable(r) for r in out[rse]]
    out.attrs = dict(frame.attrs)
    return out
