"""Rank areas by an occupation's measure, or by a pair's gap, with BLS's sampling error.

:func:`rank` orders the states (or the metro and nonmetro areas) of the newest OEWS
release by one occupation's measure, or by the gap between two (B minus A), highest first,
and says how much of that order the sample supports:

- **Value intervals**: 90% intervals from BLS's relative standard errors (RSEs), which BLS
  publishes for employment and the mean wage only. A gap's standard error is
  sqrt(SE_A^2 + SE_B^2): the two estimates are treated as independent (they come from the
  same establishments, so this is approximate).
- **Rank intervals**: a joint 90% confidence region for the whole ranking, after Klein,
  Wright and Wieczorek, "A joint confidence region for an overall ranking of populations"
  (JRSS Series C 69(3), 2020; Census Bureau research report Statistics #2014-12). Each area
  gets an interval of ranks, and with 90% confidence every area's true rank lies in its
  interval at once. Two variants (:data:`~careerstats.measures.RANK_METHODS`):

  - ``"product"`` (the default, the paper's main construction): an interval for each
    area's value at level (1 - alpha)^(1/K), so that the K intervals cover jointly with
    probability 1 - alpha when the areas' samples are independent (OEWS samples each state
    separately). Area j is surely above area k when j's interval lies wholly above k's.
  - ``"pairwise"``: an interval for each of the K(K-1)/2 differences between areas, each at
    level 1 - alpha / (K(K-1)/2) (Bonferroni); j is surely above k when the interval of
    their difference excludes zero.

  k's rank interval runs from 1 + (areas surely above k) to K - (areas surely below k).
  An area without a standard error (none published, or a top-coded value, a lower bound)
  can be anywhere relative to the others: it widens their intervals and gets none itself.
  ``tests/test_rank.py`` measures the coverage of both variants by simulation.
- **Against the nation**: each area's value is tested against the national value (the
  difference's SE combines both), and the calls "above", "below", "cannot tell" are made
  with Holm's step-down correction at a 10% family-wise error rate by default (the
  chance that even one of the calls is wrong is at most 10%). The uncorrected calls, each
  test alone at 10%, are counted beside them, so the reader sees what the correction does.
- **Medians and other percentiles**: BLS publishes no standard error for them. They are
  ranked by point estimate alone, with no value interval, rank interval or call against
  the nation, and the result says so.
- **Reliability**: a row is not ``reliable`` where an RSE it uses is above 30% (the NCHS
  guideline, :mod:`~careerstats.analysis.intervals`), where the percentiles are collapsed
  (25th = median = 75th, a sign of too few distinct wages), or where a value is top-coded.
  Such rows are shown and ranked, never dropped.
- **Cost of living**: ``cost_adjusted=True`` divides each wage (and its SE) by the area's
  BEA regional price parity / 100 (:mod:`~careerstats.analysis.cost_of_living`: states
  2023; metro areas 2024; nonmetro areas their state's nonmetropolitan portion, 2024). BEA
  publishes no standard error for a parity, so the parity is treated as exact. Areas with
  no parity (territories, metro divisions) stay in the result, unranked.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import ClassVar

import numpy as np
import pandas as pd

from ..errors import CareerStatsError, shown
from ..measures import RANK_BY, RANK_DEFAULT_MEASURE, RANK_MEASURES, RSE_COLUMN, WAGE_FIELDS
from ..occupations import normalize_soc
from ..tables.dictionary import title
from ._common import Data, JsonResult, plain
from .absence import nowhere_in, why_absent
from .areas import resolve
from .cost_of_living import area_parities, parity_label
from .intervals import RELIABLE_MAX_RSE_PCT
from .simultaneous import (
    CORRECTIONS,
    LEVEL,
    RANK_METHODS,
    calls,
    rank_intervals,
    significant,
    two_sided_p,
    z_two_sided,
)

RANK_SCHEMA = "careerstats.rank"
RANK_SCHEMA_VERSION = 1
#: What can be ranked by: the kinds of area; the measures and the RSE of each.
BY = RANK_BY
MEASURE_RSE = RSE_COLUMN
MEASURES = RANK_MEASURES
DEFAULT_MEASURE = RANK_DEFAULT_MEASURE
#: A ranking needs at least this many areas with a value.
MIN_AREAS = 2
REFERENCE = (
    "Klein, Wright and Wieczorek (2020), A joint confidence region for an overall ranking "
    "of populations, JRSS Series C 69(3)"
)


@dataclass(frozen=True)
class Ranking(JsonResult):
    """What :func:`rank` returns: the areas in order, with the ranking's context. A
    read-only mapping (``result["rows"]``); ``to_dict()`` and ``to_json()`` are its
    one serializer, :attr:`frame` the rows as a DataFrame."""

    soc_codes: list[str]
    titles: dict[str, str]
    measure: str
    measure_title: str
    by: str
    release: str
    level: float
    cost_adjusted: bool
    price_parities: str | None
    national_value: float | None
    rank_intervals: dict
    vs_national: dict
    areas: dict
    notes: list[str]
    rows: list[dict]
    schema: str = RANK_SCHEMA
    schema_version: int = RANK_SCHEMA_VERSION

    KEYS: ClassVar[tuple[str, ...]] = (
        "schema",
        "schema_version",
        "soc_codes",
        "titles",
        "measure",
        "measure_title",
        "by",
        "release",
        "level",
        "cost_adjusted",
        "price_parities",
        "national_value",
        "rank_intervals",
        "vs_national",
        "areas",
        "notes",
        "rows",
    )

    @property
    def frame(self) -> pd.DataFrame:
        """The rows as a DataFrame, in rank order (unranked rows last)."""
        return pd.DataFrame(self.rows)

    def top(self, n: int | None) -> Ranking:
        """The same ranking with only its first ``n`` rows (all when ``n`` is None)."""
        if n is None:
            return self
        fields = {k: getattr(self, k) for k in self.KEYS}
        fields["rows"] = self.rows[: int(n)]
        return Ranking(**fields)


# --- the ranking ------------------------------------------------------------------------------


def _check(measure: str, by: str, cost_adjusted: bool, method: str, correction: str) -> None:
    if by not in BY:
        raise CareerStatsError(f"--by {shown(by)}: expected one of {', '.join(BY)}")
    if measure not in MEASURE_RSE:
        raise CareerStatsError(f"measure {shown(measure)}: expected one of {', '.join(MEASURES)}")
    if cost_adjusted and measure not in WAGE_FIELDS:
        raise CareerStatsError(
            f"measure {measure!r} cannot be cost-adjusted (only wages can): expected one of "
            + ", ".join(WAGE_FIELDS)
        )
    if method not in RANK_METHODS:
        raise CareerStatsError(
            f"rank method {shown(method)}: expected one of {', '.join(RANK_METHODS)}"
        )
    if correction not in CORRECTIONS:
        raise CareerStatsError(
            f"correction {shown(correction)}: expected one of {', '.join(CORRECTIONS)}"
        )


def _method(method: str | None, measure: str) -> str:
    """The rank-interval variant: the default, or the one asked for where the measure has
    a standard error."""
    if method is None:
        return "product"
    if measure in MEASURE_RSE and MEASURE_RSE[measure] is None:
        with_se = ", ".join(m for m, rse in MEASURE_RSE.items() if rse)
        raise CareerStatsError(
            f"rank intervals for {measure}: BLS publishes no standard error for it, so it is "
            f"ranked by point estimate only; measures with rank intervals: {with_se}"
        )
    return method


def _side(rows: pd.DataFrame, measure: str) -> pd.DataFrame:
    """One occupation's value, SE and flags per area (indexed by area code)."""
    rows = rows.set_index("area_code")
    rse = MEASURE_RSE[measure]
    value = rows[measure].astype(float)
    rse_values = rows[rse].astype(float) if rse else pd.Series(np.nan, index=rows.index)
    fields = rows["topcoded_fields"].fillna("").astype(str)
    kind = "hourly" if measure.startswith("hourly") else "annual"
    p25, med, p75 = (rows[f"{kind}_wage_{p}"].astype(float) for p in ("p25", "median", "p75"))
    return pd.DataFrame(
        {
            "value": value,
            "se": value.abs() * rse_values / 100,
            "rse": rse_values,
            "topcoded": fields.str.contains(rf"(?:^|;){measure}(?:;|$)", regex=True).astype(bool),
            "collapsed": ((p25 == med) & (med == p75)).astype(bool) & (measure in WAGE_FIELDS),
            "is_hourly_only": rows["is_hourly_only"].astype(bool),
        }
    )


def _values(rows: pd.DataFrame, codes: list[str], measure: str) -> pd.DataFrame:
    """Per area (in both occupations' rows, for a pair): value, SE and flags."""
    sides = {c: _side(rows[rows["soc_code"] == c], measure) for c in codes}
    common = sides[codes[0]].index
    for c in codes[1:]:
        common = common.intersection(sides[c].index, sort=False)
    parts = {c: s.loc[common] for c, s in sides.items()}
    if len(codes) == 1:
        out = parts[codes[0]].copy()
    else:
        a, b = (parts[c] for c in codes)
        out = pd.DataFrame(
            {
                "value": b["value"] - a["value"],
                "se": np.hypot(a["se"], b["se"]),
                "rse": np.fmax(a["rse"], b["rse"]),
                "topcoded": a["topcoded"] | b["topcoded"],
                "collapsed": a["collapsed"] | b["collapsed"],
                "is_hourly_only": a["is_hourly_only"] | b["is_hourly_only"],
            },
            index=common,
        )
        # a top-coded minuend is a lower bound of the gap; a top-coded subtrahend is not
        out["lower_bound"] = b["topcoded"] & ~a["topcoded"]
    if "lower_bound" not in out:
        out["lower_bound"] = out["topcoded"]
    return out


def _national(national: pd.DataFrame, codes: list[str], measure: str) -> tuple[float, float]:
    """The national value (or gap) and its SE."""
    side = _side(national.assign(area_code=national["soc_code"]), measure)
    if len(codes) == 1:
        r = side.loc[codes[0]]
        return float(r["value"]), float(r["se"])
    a, b = side.loc[codes[0]], side.loc[codes[1]]
    return float(b["value"] - a["value"]), float(math.hypot(a["se"], b["se"]))


def _unpublished_note(row: pd.Series, measure: str, parity_missing: bool) -> str | None:
    if parity_missing:
        return "no price parity: BEA publishes none for this area"
    if pd.notna(row["value"]):
        return None
    if row["is_hourly_only"] and measure.startswith("annual"):
        return "BLS footnote 4: BLS publishes hourly wages only"
    return f"BLS publishes no {title(measure).lower()} here"


def _reliability(frame: pd.DataFrame) -> tuple[list[bool], list[list[str]]]:
    flags, reasons = [], []
    for rse, collapsed, topcoded in zip(
        frame["rse"], frame["collapsed"], frame["topcoded"], strict=True
    ):
        why = []
        if pd.notna(rse) and rse > RELIABLE_MAX_RSE_PCT:
            why.append(f"relative standard error above {RELIABLE_MAX_RSE_PCT:.0f}%")
        if collapsed:
            why.append("percentiles collapsed (25th = median = 75th)")
        if topcoded:
            why.append("top-coded: a lower bound (BLS footnote 5)")
        flags.append(not why)
        reasons.append(why)
    return flags, reasons


@dataclass(frozen=True)
class _Ask:
    """What a ranking was asked for."""

    codes: list[str]
    measure: str
    by: str
    level: float
    method: str
    correction: str
    cost_adjusted: bool

    @property
    def has_se(self) -> bool:
        return MEASURE_RSE[self.measure] is not None


def rank(
    a: str,
    b: str | None = None,
    *,
    by: str = "state",
    measure: str = DEFAULT_MEASURE,
    cost_adjusted: bool = False,
    level: float = LEVEL,
    method: str | None = None,
    correction: str = "holm",
    data: Data,
) -> Ranking:
    """Rank the areas of ``by`` (``"state"`` or ``"metro"``) by occupation ``a``'s
    ``measure``, or, with ``b``, by the gap ``b - a``, from the newest OEWS release;
    highest first. See the module docstring for the intervals, the calls against the
    nation, medians, reliability and ``cost_adjusted``. ``method`` is the rank-interval
    variant (default ``"product"``); asking for one with a measure BLS publishes no
    standard error for (a median) is refused."""
    method = _method(method, measure)
    _check(measure, by, cost_adjusted, method, correction)
    codes = [normalize_soc(a)] + ([] if b is None else [normalize_soc(b)])
    if len(codes) == 2 and codes[0] == codes[1]:
        raise CareerStatsError(f"rank {codes[0]} against itself: expected two different SOC codes")
    ask = _Ask(codes, measure, by, level, method, correction, cost_adjusted)
    rows = data.oews(by, "latest", where={"soc_code": codes})
    national = data.oews("national", "latest", where={"soc_code": codes})
    release = str(national["release"].iloc[0]) if len(national) else _release(data, by)
    for code in codes:
        if code not in set(national["soc_code"]):
            raise why_absent(code, resolve("US", data.table("areas")), release, data)
        if code not in set(rows["soc_code"]):
            raise nowhere_in(code, by, release, data)
    frame = _values(rows, codes, measure)
    areas = data.table("areas").set_index("area_code")
    frame.insert(0, "area_title", areas.loc[frame.index, "area_title"].to_numpy())
    frame.insert(1, "area_state_code", areas.loc[frame.index, "area_state_code"].to_numpy())
    label = None
    if cost_adjusted:
        frame, label = _cost_adjust(frame, data)
    _enough(frame, codes, by)
    return _result(ask, frame, _national(national, codes, measure), release, label, rows)


def _result(
    ask: _Ask,
    frame: pd.DataFrame,
    national: tuple[float, float],
    release: str,
    parities: str | None,
    rows: pd.DataFrame,
) -> Ranking:
    """The ranking of ``frame``'s areas, with its calls against the ``national`` value."""
    ranked = frame[frame["value"].notna()].sort_values(
        ["value", "area_title"], ascending=[False, True], kind="stable"
    )
    nat_value, nat_se = national
    verdicts, tests = _versus_national(ranked, nat_value, nat_se, ask)
    counts = {c: _count(verdicts[c]) for c in CORRECTIONS}
    unranked = frame[frame["value"].isna()].sort_values("area_title")
    return Ranking(
        soc_codes=ask.codes,
        titles=_titles(rows, ask.codes),
        measure=ask.measure,
        measure_title=title(ask.measure),
        by=ask.by,
        release=release,
        level=ask.level,
        cost_adjusted=ask.cost_adjusted,
        price_parities=parities,
        national_value=round(nat_value, 2) if math.isfinite(nat_value) else None,
        rank_intervals={
            "method": ask.method if ask.has_se else None,
            "reference": REFERENCE,
            "areas": len(ranked),
        },
        vs_national={
            "correction": ask.correction,
            "family_wise_alpha": round(1 - ask.level, 10),
            "tests": tests,
            "counts": counts[ask.correction],
            "uncorrected_counts": counts["none"],
            "bonferroni_counts": counts["bonferroni"],
        },
        areas={"ranked": len(ranked), "unranked": len(unranked), "published": len(frame)},
        notes=_notes(ask),
        rows=_ranked_rows(ranked, verdicts, ask) + _unranked_rows(unranked, ask.measure),
    )


def _release(data: Data, by: str) -> str:
    total = data.oews(by, "latest", where={"soc_code": ["00-0000"]})
    return str(total["release"].iloc[0])


def _enough(frame: pd.DataFrame, codes: list[str], by: str) -> None:
    found = int(frame["value"].notna().sum())
    if found < MIN_AREAS:
        what = " and ".join(codes)
        kind = ("state", "states") if by == "state" else ("metro area", "metro areas")
        raise CareerStatsError(
            f"{what}: BLS publishes {'both' if len(codes) == 2 else 'a value'} in only "
            f"{found} {kind[found != 1]} — a ranking needs at least {MIN_AREAS}"
        )


def _cost_adjust(frame: pd.DataFrame, data: Data) -> tuple[pd.DataFrame, str]:
    """Values and SEs at U.S. prices; the parity tables named."""
    parities = area_parities(data.table("areas"), data.table("price_parities")).set_index(
        "area_code"
    )
    chosen = parities.loc[frame.index]
    factor = chosen["rpp_all_items"].astype(float).to_numpy() / 100
    out = frame.copy()
    out["value"] = frame["value"] / factor
    out["se"] = frame["se"] / factor
    out["parity_missing"] = np.isnan(factor)
    used = chosen.dropna(subset=["bea_table"]).drop_duplicates(["bea_table", "parity_year"])
    label = "; ".join(
        str(parity_label(t, y))
        for t, y in sorted(zip(used["bea_table"], used["parity_year"], strict=True))
    )
    return out, label


def _versus_national(
    ranked: pd.DataFrame, nat_value: float, nat_se: float, ask: _Ask
) -> tuple[dict[str, list[str | None]], int]:
    """Each area's call against the national value under every correction; the number
    of tests."""
    diff = ranked["value"].to_numpy(float) - nat_value
    se_diff = np.hypot(ranked["se"].to_numpy(float), nat_se)
    tested = np.isfinite(se_diff) & ~ranked["lower_bound"].to_numpy(bool) & ask.has_se
    p = np.where(tested, two_sided_p(diff, se_diff), np.nan)
    alpha = 1 - ask.level
    return {c: calls(diff, significant(p, alpha, c), tested) for c in CORRECTIONS}, int(
        tested.sum()
    )


def _ranked_rows(
    ranked: pd.DataFrame, verdicts: dict[str, list[str | None]], ask: _Ask
) -> list[dict]:
    values = ranked["value"].to_numpy(float)
    se = ranked["se"].to_numpy(float)
    bound = ranked["lower_bound"].to_numpy(bool)
    point = 1 + (values[None, :] > values[:, None]).sum(axis=1)
    own = np.isfinite(se) & ~bound & ask.has_se
    best = worst = point
    if ask.has_se:
        best, worst = rank_intervals(values, se, ask.level, ask.method, bound)
    reliable, reasons = _reliability(ranked)
    z = z_two_sided(1 - ask.level)
    return [
        {
            "area_code": code,
            "area_title": ranked["area_title"].iloc[i],
            "area_state_code": plain(ranked["area_state_code"].iloc[i]),
            "value": round(float(values[i]), 2),
            "value_ci90": [round(values[i] - z * se[i], 2), round(values[i] + z * se[i], 2)]
            if own[i]
            else None,
            "rank": int(point[i]),
            "rank_ci90": [int(best[i]), int(worst[i])] if own[i] else None,
            "vs_national": verdicts[ask.correction][i],
            "vs_national_uncorrected": verdicts["none"][i],
            "reliable": reliable[i],
            "unreliable_because": reasons[i],
            "lower_bound": bool(bound[i]),
            "note": None,
        }
        for i, code in enumerate(ranked.index)
    ]


def _unranked_rows(unranked: pd.DataFrame, measure: str) -> list[dict]:
    missing = unranked.get("parity_missing", pd.Series(False, index=unranked.index))
    return [
        {
            "area_code": code,
            "area_title": r["area_title"],
            "area_state_code": plain(r["area_state_code"]),
            "value": None,
            "value_ci90": None,
            "rank": None,
            "rank_ci90": None,
            "vs_national": None,
            "vs_national_uncorrected": None,
            "reliable": None,
            "unreliable_because": [],
            "lower_bound": False,
            "note": _unpublished_note(r, measure, bool(missing[code])),
        }
        for code, r in unranked.iterrows()
    ]


def _count(verdicts: list[str | None]) -> dict[str, int]:
    return {k: sum(v == k for v in verdicts) for k in ("above", "below", "cannot tell")}


def _titles(rows: pd.DataFrame, codes: list[str]) -> dict[str, str]:
    found = rows.drop_duplicates("soc_code").set_index("soc_code")["occupation_title"]
    return {c: str(found[c]) for c in codes}


def _notes(ask: _Ask) -> list[str]:
    notes = []
    measure, codes = ask.measure, ask.codes
    if not ask.has_se:
        notes.append(
            f"{title(measure)}: BLS publishes no standard error for it, so areas are ranked "
            "by point estimate only, with no value interval, rank interval or call against "
            "the nation; BLS publishes standard errors for employment and the mean wage"
        )
    if len(codes) == 2:
        notes.append(
            f"the gap is {codes[1]} minus {codes[0]}, in areas where BLS publishes both; its "
            "standard error treats the two estimates as independent (approximate)"
        )
    return notes


def rank_moves(before: Ranking, after: Ranking) -> pd.DataFrame:
    """How each area's rank and joint rank interval change from ``before`` to ``after``
    (two rankings of the same areas, e.g. before and after the cost of living), largest
    move of the point rank first. Columns: area_code, area_title, rank_before,
    rank_ci90_before, rank_after, rank_ci90_after, move (after minus before: positive is
    down the ranking) and ``intervals_overlap`` (the two intervals share a rank, so the
    move is within what the sample allows)."""
    first = pd.DataFrame(before["rows"])
    second = pd.DataFrame(after["rows"])
    both = first.merge(second, on="area_code", suffixes=("_before", "_after"), how="inner")
    both = both.set_index("area_code")
    both = both[both["rank_before"].notna() & both["rank_after"].notna()]
    out = pd.DataFrame(
        {
            "area_title": both["area_title_before"],
            "rank_before": both["rank_before"].astype(int),
            "rank_ci90_before": both["rank_ci90_before"],
            "rank_after": both["rank_after"].astype(int),
            "rank_ci90_after": both["rank_ci90_after"],
        }
    )
    out["move"] = out["rank_after"] - out["rank_before"]
    out["intervals_overlap"] = [
        None
        if not isinstance(x, list) or not isinstance(y, list)
        else bool(x[0] <= y[1] and y[0] <= x[1])
        for x, y in zip(out["rank_ci90_before"], out["rank_ci90_after"], strict=True)
    ]
    out = out.reset_index()
    order = out["move"].abs().sort_values(ascending=False, kind="stable").index
    return out.loc[order].reset_index(drop=True)
