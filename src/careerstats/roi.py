"""Return on training: cumulative earnings of two career paths, year by year.

A path spends ``training_years`` in training (earning ``earnings_during_training`` of its
starting wage meanwhile, and paying ``training_cost`` spread evenly over the training),
then earns a starting wage taken from BLS's newest wage distribution at a chosen
percentile, growing ``wage_growth_pct`` a year. The break-even year is when the second
path's cumulative net earnings catch up with the first's. All amounts are annual US
dollars of the BLS release; nothing is discounted.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from .errors import CareerStatsError
from .occupations import normalize_soc

PERCENTILES = ("p10", "p25", "median", "p75", "p90")


@dataclass(frozen=True)
class Assumption:
    """A default value, with where it comes from, or a note that it is the user's to set."""

    value: object
    source: str | None
    note: str

    @property
    def is_users_to_set(self) -> bool:
        return self.source is None


@dataclass(frozen=True)
class CareerPath:
    soc_code: str
    training_years: float
    training_cost: float = 0.0
    earnings_during_training: float = 0.0
    start_percentile: str = "median"
    wage_growth_pct: float = 0.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "soc_code", normalize_soc(self.soc_code))
        problems = []
        if not 0 <= self.training_years <= 20:
            problems.append(f"training_years {self.training_years!r}: expected 0-20")
        if self.training_cost < 0:
            problems.append(f"training_cost {self.training_cost!r}: expected >= 0")
        if not 0 <= self.earnings_during_training <= 1:
            problems.append(f"earnings_during_training {self.earnings_during_training!r}: "
                            "expected a share from 0 to 1")
        if self.start_percentile not in PERCENTILES:
            problems.append(f"start_percentile {self.start_percentile!r}: expected one of "
                            + ", ".join(PERCENTILES))
        if not -50 < self.wage_growth_pct < 50:
            problems.append(f"wage_growth_pct {self.wage_growth_pct!r}: expected -50 to 50")
        if problems:
            raise CareerStatsError("career path: " + "; ".join(problems))


def starting_wage(national: pd.DataFrame, soc: str, percentile: str) -> float:
    """Annual wage at ``percentile`` of ``soc`` in the newest release of ``national``.

    A top-coded value is refused: it is only a lower bound."""
    soc = normalize_soc(soc)
    newest = national[national["year"] == national["year"].max()].set_index("soc_code")
    col = f"annual_wage_{percentile}"
    if soc not in newest.index or pd.isna(newest.at[soc, col]):
        raise CareerStatsError(f"no published {col} for {soc} in "
                               f"{newest['release'].iloc[0]}")
    top = newest.at[soc, "topcoded_fields"]
    if isinstance(top, str) and col in top.split(";"):
        raise CareerStatsError(f"{col} for {soc} is top-coded (a lower bound only)")
    return float(newest.at[soc, col])


def cumulative_earnings(path: CareerPath, start_wage: float, horizon: int) -> pd.DataFrame:
    """Year by year (0..horizon): earnings, training cost, net and cumulative net."""
    if horizon < 1:
        raise CareerStatsError(f"horizon {horizon!r}: expected at least 1 year")
    years = np.arange(1, horizon + 1, dtype=float)
    training = np.clip(path.training_years - (years - 1), 0.0, 1.0)  # share of year t
    worked_before = np.maximum(0.0, years - 1 - path.training_years)
    wage = start_wage * (1 + path.wage_growth_pct / 100) ** worked_before
    earnings = wage * ((1 - training) + training * path.earnings_during_training)
    if path.training_years > 0:
        cost = path.training_cost * training / path.training_years
    else:
        cost = np.where(years == 1, path.training_cost, 0.0)
    net = earnings - cost
    table = pd.DataFrame({"year": np.arange(0, horizon + 1),
                          "earnings": np.r_[0.0, earnings], "training_cost": np.r_[0.0, cost],
                          "net": np.r_[0.0, net]})
    table["cumulative"] = table["net"].cumsum()
    return table


def break_even(first: pd.DataFrame, second: pd.DataFrame) -> float | None:
    """Years until ``second``'s cumulative net catches up with ``first``'s for good
    (interpolated within the year); 0 if it is never behind, None if it never catches up
    within the horizon."""
    diff = second["cumulative"].to_numpy() - first["cumulative"].to_numpy()
    years = second["year"].to_numpy(dtype=float)
    behind = diff < -1e-9
    if not behind.any():
        return 0.0
    last_behind = int(np.flatnonzero(behind)[-1])
    if last_behind == len(diff) - 1:
        return None
    d0, d1 = diff[last_behind], diff[last_behind + 1]
    return float(years[last_behind] + (-d0) / (d1 - d0) * (years[last_behind + 1]
                                                           - years[last_behind]))


def compare_paths(national: pd.DataFrame, first: CareerPath, second: CareerPath,
                  horizon: int = 15) -> tuple[pd.DataFrame, float | None]:
    """Cumulative net earnings of both paths side by side, and the break-even year."""
    a = cumulative_earnings(first, starting_wage(national, first.soc_code,
                                                 first.start_percentile), horizon)
    b = cumulative_earnings(second, starting_wage(national, second.soc_code,
                                                  second.start_percentile), horizon)
    table = pd.DataFrame({"year": a["year"], first.soc_code: a["cumulative"],
                          second.soc_code: b["cumulative"]}).set_index("year")
    table["difference"] = table[second.soc_code] - table[first.soc_code]
    return table, break_even(a, b)


def sensitivity(national: pd.DataFrame, first: CareerPath, second: CareerPath,
                costs: list[float], percentiles=PERCENTILES, horizon: int = 15
                ) -> pd.DataFrame:
    """Break-even year for each training cost of ``second`` (rows) and each starting
    percentile (columns, applied to both paths, so like is compared with like); NaN where
    ``second`` does not catch up within ``horizon`` years."""
    out = {}
    for pct in percentiles:
        col = []
        base = replace(first, start_percentile=pct)
        for cost in costs:
            variant = replace(second, training_cost=float(cost), start_percentile=pct)
            _, year = compare_paths(national, base, variant, horizon)
            col.append(math.nan if year is None else year)
        out[pct] = col
    return pd.DataFrame(out, index=pd.Index(costs, name="training_cost_usd"))


def historical_growth(national: pd.DataFrame, soc: str, statistic: str = "median") -> float:
    """Compound annual growth of ``soc``'s annual wage over the releases in ``national``
    (nominal, percent a year): a reference for ``wage_growth_pct``."""
    from .growth import cagr

    soc = normalize_soc(soc)
    rows = national[national["soc_code"] == soc].dropna(subset=[f"annual_wage_{statistic}"])
    rows = rows.sort_values("year")
    first, last = rows.iloc[0], rows.iloc[-1]
    return cagr(first[f"annual_wage_{statistic}"], last[f"annual_wage_{statistic}"],
                int(last["year"] - first["year"]))


def default_assumptions(national: pd.DataFrame) -> pd.DataFrame:
    """The defaults notebook 06 starts from, each with its source or marked as the
    user's to set."""
    from .occupations import CLINICAL_LAB_TECHNOLOGISTS_AND_TECHNICIANS as LAB
    from .occupations import MEDICAL_ASSISTANTS as MA

    article = "the article (data/article_table.csv)"
    items = {
        "medical assistant: training_years": Assumption(
            1.0, article, "'Many medical assisting programs take one to two years': the "
            "shorter end"),
        "lab technician: training_years": Assumption(
            2.0, article, "MLT associate degree of 'at least 60 semester hours': two years "
            "of full-time study"),
        "training_cost (both)": Assumption(
            0.0, None, "careerstats has no data on tuition: set your own; the sensitivity "
            "table varies it"),
        "earnings_during_training (both)": Assumption(
            0.0, None, "share of the starting wage earned while training: set your own"),
        "start_percentile (both)": Assumption(
            "p25", None, "new entrants usually earn below the median: set your own; the "
            "sensitivity table varies it"),
        "wage_growth_pct (both)": Assumption(
            0.0, None, "real wage growth a year; for reference, nominal median growth "
            f"May 2015-May 2025 was {historical_growth(national, MA):.1f}% (medical "
            f"assistants) and {historical_growth(national, LAB):.1f}% (lab) a year"),
        "horizon": Assumption(15, None, "years compared: set your own"),
    }
    return pd.DataFrame([{"assumption": k, "value": v.value,
                          "source": "user's to set" if v.is_users_to_set else v.source,
                          "note": v.note}
                         for k, v in items.items()]).set_index("assumption")


DEFAULT_HORIZON = 15
#: Training costs the sensitivity table tries for the second path (user's to set).
DEFAULT_COSTS = [0, 5_000, 10_000, 20_000, 30_000, 40_000]


def default_paths() -> tuple[CareerPath, CareerPath]:
    """The article's pair with the defaults of :func:`default_assumptions`."""
    from .occupations import CLINICAL_LAB_TECHNOLOGISTS_AND_TECHNICIANS as LAB
    from .occupations import MEDICAL_ASSISTANTS as MA

    return (CareerPath(MA, training_years=1.0, start_percentile="p25"),
            CareerPath(LAB, training_years=2.0, start_percentile="p25"))
