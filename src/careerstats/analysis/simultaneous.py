"""Inference for many areas at once, on plain arrays: joint intervals of ranks and
family-wise corrections of many tests. :mod:`.rank` applies them to BLS's tables.

- :func:`rank_intervals`: a joint confidence region for a whole ranking (Klein, Wright and
  Wieczorek, JRSS Series C, 2020), in two variants (:data:`RANK_METHODS`): ``"product"``,
  individual intervals at level (1 - alpha)^(1/K); ``"pairwise"``, intervals for all
  K(K-1)/2 differences, Bonferroni.
- :func:`significant`: which of many tests reject at a family-wise error rate: Holm's
  step-down, Bonferroni, or none (each test alone).
"""

from __future__ import annotations

from statistics import NormalDist

import numpy as np

from ..errors import UnknownCodeError
from ..measures import CORRECTIONS, RANK_METHODS

LEVEL = 0.90


def z_two_sided(alpha: float) -> float:
    """The standard normal quantile leaving ``alpha`` in the two tails together."""
    return NormalDist().inv_cdf(1 - alpha / 2)


def rank_intervals(
    values: np.ndarray,
    se: np.ndarray,
    level: float = LEVEL,
    method: str = "product",
    lower_bound: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """The joint ``level`` rank intervals (best, worst; 1 = highest value) of ``values``
    with standard errors ``se`` (NaN: unknown, so the area can be anywhere).
    ``lower_bound`` marks values that are only lower bounds (top-coded): the true value is
    at least the value, with no upper limit."""
    v = np.asarray(values, dtype=float)
    s = np.asarray(se, dtype=float)
    bound = np.zeros(len(v), bool) if lower_bound is None else np.asarray(lower_bound, bool)
    known = np.isfinite(s) & ~bound
    k = int(known.sum())
    alpha = 1 - level
    if method == "product":
        z = z_two_sided(1 - level ** (1 / max(k, 1)))
        low = np.where(known, v - z * s, np.where(bound, v, -np.inf))
        high = np.where(known, v + z * s, np.inf)
        above = low[:, None] > high[None, :]  # above[j, k]: j surely above k
    elif method == "pairwise":
        pairs = max(k * (k - 1) // 2, 1)
        z = z_two_sided(alpha / pairs)
        diff = v[:, None] - v[None, :]
        half = z * np.sqrt(s[:, None] ** 2 + s[None, :] ** 2)
        both = known[:, None] & known[None, :]
        above = both & (diff > half)
        # a lower bound is surely above an area whose own upper limit is below it
        upper = np.where(known, v + z * s, np.inf)
        above |= bound[:, None] & (v[:, None] > upper[None, :])
    else:
        raise UnknownCodeError("rank-interval method", method, RANK_METHODS)
    n = len(v)
    best = 1 + above.sum(axis=0)
    worst = n - above.sum(axis=1)
    return best.astype(int), worst.astype(int)


def two_sided_p(diff: np.ndarray, se: np.ndarray) -> np.ndarray:
    """Two-sided normal p-values of ``diff`` / ``se`` (NaN where either is missing)."""
    z = np.abs(np.asarray(diff, float)) / np.asarray(se, float)
    cdf = np.vectorize(NormalDist().cdf, otypes=[float])
    out = 2 * (1 - cdf(np.where(np.isfinite(z), z, 0.0)))
    return np.where(np.isfinite(z), out, np.nan)


def significant(p: np.ndarray, alpha: float = 1 - LEVEL, correction: str = "holm") -> np.ndarray:
    """Which tests reject at family-wise ``alpha``: Holm's step-down, Bonferroni, or each
    test alone (``"none"``). NaN p-values are no test (never rejected, not counted)."""
    p = np.asarray(p, float)
    tested = np.isfinite(p)
    m = int(tested.sum())
    out = np.zeros(len(p), bool)
    if correction == "none":
        return tested & (p < alpha)
    if correction == "bonferroni":
        return tested & (p < alpha / max(m, 1))
    if correction != "holm":
        raise UnknownCodeError("correction", correction, CORRECTIONS)
    order = [i for i in np.argsort(np.where(tested, p, np.inf), kind="stable") if tested[i]]
    for step, i in enumerate(order):
        if p[i] >= alpha / (m - step):
            break
        out[i] = True
    return out


def calls(diff: np.ndarray, reject: np.ndarray, tested: np.ndarray) -> list[str | None]:
    """ "above", "below" or "cannot tell" for each test; None where there was none."""
    return [
        None if not t else ("cannot tell" if not r else ("above" if d > 0 else "below"))
        for d, r, t in zip(diff, reject, tested, strict=True)
    ]
