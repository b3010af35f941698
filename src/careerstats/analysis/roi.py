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
from typing import Any

import numpy as np
import pandas as pd

from ..errors import CareerStatsError, shown
from ..measures import PERCENTILES, wage_field
from ..occupations import ARTICLE_PAIR, normalize_soc
from ._common import Data, labelled
from .growth import cagr


@dataclass(frozen=True)
class Assumption:
    """A default value, with where it comes from, or a note that it is the user's to set."""

    value: object
    source: str | None
    note: str

    @property
    def is_users_to_set(self) -> bool:
        """No source: the value is a placeholder for the user to set."""
        return self.source is None


@dataclass(frozen=True)
class CareerPath:
    """One career's path: its training (years, cost, what is earned meanwhile), the
    percentile its starting wage is taken at, and its wage growth a year (percent, real)."""

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
            problems.append(
                f"earnings_during_training {self.earnings_during_training!r}: "
                "expected a share from 0 to 1"
            )
        if self.start_percentile not in PERCENTILES:
            problems.append(
                f"start_percentile {self.start_percentile!r}: expected one of "
                + ", ".join(PERCENTILES)
            )
        if not -50 < self.wage_growth_pct < 50:
            problems.append(f"wage_growth_pct {self.wage_growth_pct!r}: expected -50 to 50")
        if problems:
            raise CareerStatsError("career path: " + "; ".join(problems))


def starting_wage(national: pd.DataFrame, soc: str, percentile: str) -> float:
    """Annual wage at ``percentile`` of ``soc`` in the newest release of ``national``.

    A top-coded value is refused: it is only a lower bound."""
    soc = normalize_soc(soc)
    newest = national[national["year"] == national["year"].max()].set_index("soc_code")
    col = wage_field("annual", percentile)
    if soc not in newest.index or pd.isna(newest.at[soc, col]):
        raise CareerStatsError(f"no published {col} for {soc} in {newest['release'].iloc[0]}")
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
    table = pd.DataFrame(
        {
            "year": np.arange(0, horizon + 1),
            "earnings": np.r_[0.0, earnings],
            "training_cost": np.r_[0.0, cost],
            "net": np.r_[0.0, net],
        }
    )
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
    return float(
        years[last_behind] + (-d0) / (d1 - d0) * (years[last_behind + 1] - years[last_behind])
    )


def compare_paths(
    national: pd.DataFrame, first: CareerPath, second: CareerPath, horizon: int | None = None
) -> tuple[pd.DataFrame, float | None]:
    """Cumulative net earnings of both paths side by side, and the break-even year
    (``horizon`` years; default :data:`DEFAULTS` ``horizon``)."""
    horizon = default("horizon") if horizon is None else horizon
    a = cumulative_earnings(
        first, starting_wage(national, first.soc_code, first.start_percentile), horizon
    )
    b = cumulative_earnings(
        second, starting_wage(national, second.soc_code, second.start_percentile), horizon
    )
    table = pd.DataFrame(
        {"year": a["year"], first.soc_code: a["cumulative"], second.soc_code: b["cumulative"]}
    ).set_index("year")
    table["difference"] = table[second.soc_code] - table[first.soc_code]
    named = labelled(table, national, (first.soc_code, second.soc_code), measure="usd")
    return named, break_even(a, b)


def sensitivity(
    national: pd.DataFrame,
    first: CareerPath,
    second: CareerPath,
    costs=None,
    percentiles=PERCENTILES,
    horizon: int | None = None,
) -> pd.DataFrame:
    """Break-even year for each training cost of ``second`` (rows) and each starting
    percentile (columns, applied to both paths, so like is compared with like); NaN where
    ``second`` does not catch up within ``horizon`` years."""
    costs = list(default("sensitivity_costs") if costs is None else costs)
    out = {}
    for pct in percentiles:
        col = []
        base = replace(first, start_percentile=pct)
        for cost in costs:
            variant = replace(second, training_cost=float(cost), start_percentile=pct)
            _, year = compare_paths(national, base, variant, horizon)
            col.append(math.nan if year is None else year)
        out[pct] = col
    table = pd.DataFrame(out, index=pd.Index(costs, name="training_cost_usd"))
    return labelled(table, national, (first.soc_code, second.soc_code))


def historical_growth(national: pd.DataFrame, soc: str, statistic: str = "median") -> float:
    """Compound annual growth of ``soc``'s annual wage over the releases in ``national``
    (nominal, percent a year): a reference for ``wage_growth_pct``."""
    soc = normalize_soc(soc)
    col = wage_field("annual", statistic)
    rows = national[national["soc_code"] == soc].dropna(subset=[col])
    rows = rows.sort_values("year")
    first, last = rows.iloc[0], rows.iloc[-1]
    return cagr(first[col], last[col], int(last["year"] - first["year"]))


def real_wage_growth(
    national: pd.DataFrame, soc: str, cpi: pd.DataFrame, statistic: str = "median"
) -> float:
    """Compound annual growth of ``soc``'s annual wage in real terms (May CPI-U) over the
    releases in ``national``, percent a year: the measured real change of notebook 02."""
    from .wages import wage_history

    h = wage_history(national, [soc], wage_field("annual", statistic), cpi=cpi)
    h = h.dropna(subset=["value_real"]).sort_values("year")
    first, last = h.iloc[0], h.iloc[-1]
    return cagr(first["value_real"], last["value_real"], int(last["year"] - first["year"]))


#: CIP 2020 codes of the article's two programs (NCES).
MEDICAL_ASSISTING_CIP = "51.0801"
LAB_TECHNICIAN_CIP = "51.1004"


def training_costs(charges: pd.DataFrame, cip: str) -> pd.Series:
    """Tuition and fees for the whole program, 2023-24, across the programs IPEDS lists
    under ``cip``: how many are priced, and their quartiles and median (US dollars)."""
    fees = charges.loc[charges["cip_code"] == cip, "tuition_fees_usd"].dropna()
    return pd.Series(
        {
            "programs": len(fees),
            "p25": float(fees.quantile(0.25)),
            "median": float(fees.median()),
            "p75": float(fees.quantile(0.75)),
        },
        name=cip,
    )


_ARTICLE = "the article (data/article_table.csv)"
#: The fixed defaults of a return-on-training comparison, each with its source or marked
#: as the user's to set; :func:`defaults` adds the ones measured from data/. The one home
#: of these values: :func:`default_paths`, the charts and notebook 06's parameters all
#: read them here.
DEFAULTS: dict[str, Assumption] = {
    "first_training_years": Assumption(
        1.0,
        _ARTICLE,
        "medical assistant: 'Many medical assisting programs take one to two "
        "years': the shorter end",
    ),
    "second_training_years": Assumption(
        2.0,
        _ARTICLE,
        "lab technician: MLT associate degree of 'at least 60 semester "
        "hours': two years of full-time study",
    ),
    "earnings_during_training": Assumption(
        0.0, None, "share of the starting wage earned while training: set your own"
    ),
    "start_percentile": Assumption(
        "p25",
        None,
        "new entrants usually earn below the median: set your own; the sensitivity table varies it",
    ),
    "horizon": Assumption(15, None, "years compared: set your own"),
    "sensitivity_costs": Assumption(
        (0, 5_000, 10_000, 20_000, 30_000, 40_000),
        None,
        "training costs of the second path that the sensitivity table tries",
    ),
}


#: Years of full-time training after high school that BLS's typical entry education
#: implies, for a pair other than the article's (the article states its own). A
#: postsecondary nondegree award or some college: about a year; an associate's degree two;
#: a bachelor's four; a master's two more; a doctoral or professional degree about four
#: more than a bachelor's. On-the-job training and apprenticeships are paid work, so they
#: add no years here.
TRAINING_YEARS = {
    "No formal educational credential": 0.0,
    "High school diploma or equivalent": 0.0,
    "Some college, no degree": 1.0,
    "Postsecondary nondegree award": 1.0,
    "Associate's degree": 2.0,
    "Bachelor's degree": 4.0,
    "Master's degree": 6.0,
    "Doctoral or professional degree": 8.0,
}
_NO_COST = (
    "no training cost was given: USD 0, so the break-even counts only the earnings given "
    "up while training; set your own (careerstats report --cost-a/--cost-b)"
)


def _training_years(data: Data, soc: str, which: str) -> Assumption:
    from .credentials import entry_requirements

    projections = data.table("projections")
    newest = projections[projections["base_year"] == projections["base_year"].max()]
    try:
        education = str(entry_requirements(newest, [soc])["typical_education"].iloc[0])
    except CareerStatsError:
        return Assumption(0.0, None, f"{which}: BLS projects no entry education: set your own")
    cycle = str(newest["cycle"].iloc[0])
    return Assumption(
        TRAINING_YEARS.get(education, 0.0),
        f"BLS Employment Projections {cycle}: typical entry education "
        "(careerstats' TRAINING_YEARS)",
        f"{which}: '{education}'",
    )


def _growth(national: pd.DataFrame, cpi: pd.DataFrame, soc: str) -> Assumption:
    first, last = int(national["year"].min()), int(national["year"].max())
    named = national.loc[national["soc_code"] == soc, "occupation_title"]
    which = str(named.iloc[-1]) if len(named) else soc
    return Assumption(
        real_wage_growth(national, soc, cpi),
        "data/oews_national.csv and data/cpi.csv",
        f"real (May {last} dollars) median growth a year of {which}, May {first}-May {last}: "
        "wages in the paths are real",
    )


def defaults(
    data: Data, first_soc: str = ARTICLE_PAIR[0], second_soc: str = ARTICLE_PAIR[1]
) -> dict[str, Assumption]:
    """:data:`DEFAULTS` plus the defaults measured from ``data/`` for a pair: each
    career's real wage growth (notebook 02's measured change, in May dollars of the newest
    release), and its training.

    - For the article's pair: the years the article states, and the costs IPEDS prices
      (medical assisting: the median program; lab: the user's to set, as IPEDS's program
      file holds almost no lab programs).
    - For any other pair: the years BLS's typical entry education implies
      (:data:`TRAINING_YEARS`), and no cost (USD 0, the user's to set), said in its note.
    """
    first_soc, second_soc = normalize_soc(first_soc), normalize_soc(second_soc)
    national = data.oews("national", year=None)
    cpi = data.table("cpi")
    growth = {
        "first_wage_growth_pct": _growth(national, cpi, first_soc),
        "second_wage_growth_pct": _growth(national, cpi, second_soc),
    }
    if (first_soc, second_soc) != ARTICLE_PAIR:
        return {
            **DEFAULTS,
            "first_training_years": _training_years(data, first_soc, first_soc),
            "second_training_years": _training_years(data, second_soc, second_soc),
            "first_training_cost": Assumption(0.0, None, _NO_COST),
            "second_training_cost": Assumption(0.0, None, _NO_COST),
            **growth,
        }
    charges = data.table("program_charges")
    ma_cost = training_costs(charges, MEDICAL_ASSISTING_CIP)
    lab_cost = training_costs(charges, LAB_TECHNICIAN_CIP)
    ipeds = "NCES IPEDS IC2023_PY (data/program_charges.csv)"
    measured = {
        "first_training_cost": Assumption(
            ma_cost["median"],
            ipeds,
            f"median tuition and fees of the {int(ma_cost['programs'])} priced medical assisting "
            f"programs (CIP {MEDICAL_ASSISTING_CIP}), 2023-24; quartiles "
            f"{ma_cost['p25']:,.0f}-{ma_cost['p75']:,.0f}",
        ),
        "second_training_cost": Assumption(
            0.0,
            None,
            f"IPEDS's program file prices {int(lab_cost['programs'])} lab technician programs (CIP "
            f"{LAB_TECHNICIAN_CIP}); most are at community colleges, which report by academic "
            "year (IC2023_AY, not available here): set your own; the sensitivity table varies "
            "it",
        ),
    }
    return {**DEFAULTS, **measured, **growth}


def assumptions(
    data: Data,
    first_soc: str = ARTICLE_PAIR[0],
    second_soc: str = ARTICLE_PAIR[1],
    *,
    cost_a: float | None = None,
    cost_b: float | None = None,
    years_a: float | None = None,
    years_b: float | None = None,
) -> dict[str, Assumption]:
    """:func:`defaults` for the pair, with the training costs and years the user sets
    (None keeps the default); a value the user sets has the source "you"."""
    found = defaults(data, first_soc, second_soc)
    given = {
        "first_training_cost": cost_a,
        "second_training_cost": cost_b,
        "first_training_years": years_a,
        "second_training_years": years_b,
    }
    for key, value in given.items():
        if value is not None:
            found[key] = Assumption(float(value), "you", "set by you")
    return found


def paths_from(
    found: dict[str, Assumption], first_soc: str, second_soc: str
) -> tuple[CareerPath, CareerPath]:
    """The two :class:`CareerPath` of a set of assumptions (from :func:`assumptions`)."""
    d: dict[str, Any] = {k: a.value for k, a in found.items()}
    shared = {
        "earnings_during_training": d["earnings_during_training"],
        "start_percentile": d["start_percentile"],
    }
    return (
        CareerPath(
            first_soc,
            d["first_training_years"],
            d["first_training_cost"],
            wage_growth_pct=d["first_wage_growth_pct"],
            **shared,
        ),
        CareerPath(
            second_soc,
            d["second_training_years"],
            d["second_training_cost"],
            wage_growth_pct=d["second_wage_growth_pct"],
            **shared,
        ),
    )


def costs_given(found: dict[str, Assumption]) -> bool:
    """Whether any training cost has a source (IPEDS or the user): if neither has, both
    paths are priced at USD 0 and the comparison counts only the earnings given up."""
    return any(
        not found[k].is_users_to_set for k in ("first_training_cost", "second_training_cost")
    )


def default(name: str, data: Data | None = None) -> Any:
    """The default value of assumption ``name`` (a key of :func:`defaults`); the defaults
    measured from the tables need ``data``."""
    if name in DEFAULTS:
        return DEFAULTS[name].value
    if data is None:
        raise CareerStatsError(
            f"default {shown(name)}: measured from the data — expected data (a "
            "careerstats.Tables) to measure it from"
        )
    return defaults(data)[name].value


def default_assumptions(data: Data, found: dict[str, Assumption] | None = None) -> pd.DataFrame:
    """Every assumption (``found``, from :func:`assumptions`; default :func:`defaults`) as a
    table: value, source, note."""
    rows = []
    for key, a in (defaults(data) if found is None else found).items():
        value = list(a.value) if isinstance(a.value, tuple) else a.value
        rows.append(
            {
                "assumption": key,
                "value": value,
                "source": "user's to set" if a.is_users_to_set else a.source,
                "note": a.note,
            }
        )
    return pd.DataFrame(rows).set_index("assumption")


def default_paths(
    first_soc: str = ARTICLE_PAIR[0],
    second_soc: str = ARTICLE_PAIR[1],
    *,
    data: Data,
) -> tuple[CareerPath, CareerPath]:
    """The two careers with every assumption at its default for the pair
    (:func:`defaults`)."""
    first_soc, second_soc = normalize_soc(first_soc), normalize_soc(second_soc)
    return paths_from(defaults(data, first_soc, second_soc), first_soc, second_soc)


@dataclass(frozen=True)
class TrainingReturn:
    """What :func:`return_on_training` finds for two careers."""

    #: The two careers, as the assumptions made them.
    first: CareerPath
    second: CareerPath
    #: Every assumption: value, source (BLS, IPEDS, the article, "you") and note.
    assumptions: pd.DataFrame
    #: Cumulative net earnings by year (0..horizon) of both paths, and their difference.
    earnings: pd.DataFrame
    #: Years until the second catches up for good; None if not within the horizon.
    break_even_years: float | None
    #: The OEWS release the starting wages come from ("May 2025").
    release: str


def return_on_training(
    first_soc: str,
    second_soc: str,
    *,
    cost_a: float | None = None,
    cost_b: float | None = None,
    years_a: float | None = None,
    years_b: float | None = None,
    data: Data,
) -> TrainingReturn:
    """Cumulative net earnings of two careers, and when the second catches up.

    Each path trains for its years (paying its cost), then earns its newest national OEWS
    wage, growing at its measured real growth (:func:`assumptions`: every default, with
    its source; ``cost_*``/``years_*`` replace a default, None keeps it).
    """
    first_soc, second_soc = normalize_soc(first_soc), normalize_soc(second_soc)
    found = assumptions(
        data, first_soc, second_soc, cost_a=cost_a, cost_b=cost_b, years_a=years_a, years_b=years_b
    )
    first, second = paths_from(found, first_soc, second_soc)
    national = data.oews("national", year=None)
    horizon = found["horizon"].value
    table, years = compare_paths(national, first, second, int(horizon))  # type: ignore[call-overload]
    newest = national[national["year"] == national["year"].max()]
    return TrainingReturn(
        first,
        second,
        default_assumptions(data, found),
        table,
        years,
        str(newest["release"].iloc[0]),
    )
