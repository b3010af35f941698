"""Pay arithmetic: hourly and annual wages, and the gap between two of them.

BLS turns an hourly wage into an annual one by multiplying by 2,080 hours (52 weeks of
40 hours) and rounds annual wages to the nearest $10 (oe.footnote, note 2). Every
function returns plain Python numbers, not NumPy scalars.

>>> from careerstats.analysis import pay
>>> pay.gap(45_690, 62_930).absolute, round(pay.gap(45_690, 62_930).percent, 1)
(17240.0, 37.7)
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

import pandas as pd

from ..errors import ArgumentTypeError, CareerStatsError, UnknownCodeError, shown
from ..measures import HOURS_PER_YEAR, wage_field
from ..occupations import normalize_soc

#: BLS publishes hourly wages to the cent and annual wages to the nearest $10.
HOURLY_ROUNDING = 0.01
ANNUAL_ROUNDING = 10


def _number(value: object, what: str) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise CareerStatsError(f"{what}: {shown(value)} — expected a number") from None
    if math.isnan(number):
        raise CareerStatsError(f"{what}: {shown(value)} — expected a number, not missing")
    return number


def hourly_to_annual(hourly: float, hours: float = HOURS_PER_YEAR) -> float:
    """Annual pay for ``hourly`` pay over ``hours`` a year (BLS: 2,080)."""
    return _number(hourly, "hourly wage") * hours


def annual_to_hourly(annual: float, hours: float = HOURS_PER_YEAR) -> float:
    """Hourly pay that gives ``annual`` over ``hours`` a year (BLS: 2,080)."""
    return _number(annual, "annual wage") / hours


def gap_values(a, b):
    """The pay gap from ``a`` to ``b``: ``(b - a, (b - a) / a * 100, b / a)``.

    The one place careerstats computes a gap. Works on numbers, NumPy arrays and pandas
    Series alike; a missing value gives a missing gap.
    """
    try:
        absolute = b - a
        return absolute, absolute / a * 100, b / a
    except TypeError:
        raise ArgumentTypeError(
            f"gap_values(): {shown(a)} and {shown(b)} — expected two numbers, arrays or Series"
        ) from None


@dataclass(frozen=True)
class Gap:
    """How ``b`` compares with ``a``: ``b - a``, as a percent of ``a``, and ``b / a``."""

    a: float
    b: float
    absolute: float
    percent: float
    ratio: float

    def as_dict(self) -> dict[str, float]:
        """The gap's fields as a dict."""
        return asdict(self)


def gap(a: float, b: float) -> Gap:
    """The gap from ``a`` to ``b``. Swapping them flips the sign of ``absolute``."""
    a, b = _number(a, "first value"), _number(b, "second value")
    if a <= 0 or b <= 0:
        raise CareerStatsError(
            f"pay gap of {shown(a)} and {shown(b)} — expected two positive values"
        )
    absolute, percent, ratio = gap_values(a, b)
    return Gap(a=a, b=b, absolute=absolute, percent=percent, ratio=ratio)


@dataclass(frozen=True)
class PayGap:
    """The gap between two occupations, annual and hourly, for one statistic."""

    soc_a: str
    soc_b: str
    statistic: str
    annual: Gap
    hourly: Gap
    titles: tuple[tuple[str, str], ...] = ()

    def to_frame(self) -> pd.DataFrame:
        """One row for annual and one for hourly pay, indexed by the wage column: both
        values, gap, percent, ratio (``attrs["titles"]`` names the two occupations)."""
        rows = {
            wage_field("annual", self.statistic): self.annual,
            wage_field("hourly", self.statistic): self.hourly,
        }
        frame = pd.DataFrame(
            [
                {
                    self.soc_a: g.a,
                    self.soc_b: g.b,
                    "gap_usd": g.absolute,
                    "gap_pct": g.percent,
                    "ratio": g.ratio,
                }
                for g in rows.values()
            ],
            index=pd.Index(list(rows), name="measure"),
        )
        frame.attrs["titles"] = dict(self.titles)
        return frame


def pay_gap(table: pd.DataFrame, soc_a: str, soc_b: str, statistic: str = "median") -> PayGap:
    """Gap from occupation ``soc_a`` to ``soc_b`` in a table with a row per ``soc_code`` and
    columns ``annual_wage_<statistic>`` and ``hourly_wage_<statistic>``."""
    soc_a, soc_b = normalize_soc(soc_a), normalize_soc(soc_b)
    cols = [wage_field("annual", statistic), wage_field("hourly", statistic)]
    if not isinstance(table, pd.DataFrame):
        raise CareerStatsError(
            f"pay_gap: table {shown(type(table).__name__)} — expected a table (DataFrame) "
            "with a row per soc_code, as careerstats' loaders return"
        )
    missing = [c for c in ["soc_code", *cols] if c not in table.columns]
    if missing:
        raise CareerStatsError(
            f"pay_gap: table lacks column(s) {', '.join(missing)} — "
            f"expected soc_code, {', '.join(cols)}"
        )
    rows = table.set_index("soc_code")
    for soc in (soc_a, soc_b):
        if soc not in rows.index:
            raise UnknownCodeError("SOC code", soc, rows.index.astype(str))
    named = next((c for c in ("occupation_title", "article_occupation") if c in rows), None)
    return PayGap(
        soc_a=soc_a,
        soc_b=soc_b,
        statistic=statistic,
        annual=gap(float(rows.at[soc_a, cols[0]]), float(rows.at[soc_b, cols[0]])),
        hourly=gap(float(rows.at[soc_a, cols[1]]), float(rows.at[soc_b, cols[1]])),
        titles=tuple((s, str(rows.at[s, named])) for s in (soc_a, soc_b)) if named else (),
    )


@dataclass(frozen=True)
class AnnualHourlyCheck:
    """Whether an annual wage is its hourly wage x 2,080 hours, within BLS's rounding."""

    annual: float
    hourly: float
    implied_annual: float
    difference: float
    tolerance: float
    is_consistent: bool


def check_annual_hourly(annual: float, hourly: float) -> AnnualHourlyCheck:
    """Does ``hourly × 2,080`` give ``annual``, allowing for BLS's rounding of both?

    The hourly figure is rounded to the cent (error up to $0.005 × 2,080 = $10.40 a
    year) and the annual one to $10 (error up to $5), so they agree within $15.40.
    """
    annual, hourly = _number(annual, "annual wage"), _number(hourly, "hourly wage")
    implied = hourly_to_annual(hourly)
    tolerance = HOURLY_ROUNDING / 2 * HOURS_PER_YEAR + ANNUAL_ROUNDING / 2
    diff = annual - implied
    return AnnualHourlyCheck(
        annual, hourly, implied, diff, tolerance, abs(diff) <= tolerance + 1e-9
    )
