"""The article's figures, checked: its table rebuilt from its claims, and the arithmetic
behind its pay and growth rows (for the article's pair, or any table shaped like it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

import pandas as pd

from ..errors import CareerStatsError, UnknownCodeError
from ..occupations import normalize_soc
from .growth import cagr, check_change, path_between, percent_change
from .pay import check_annual_hourly

#: The measures of the article's figure rows, as the claims table names them.
CLAIMED_MEASURES = (
    "employment",
    "annual_wage_median",
    "hourly_wage_median",
    "employment_change_pct",
    "employment_change",
)


def _money(v: float, decimals: int = 0) -> str:
    return f"${v:,.{decimals}f}"


def _fmt_pay(row: pd.Series) -> str:
    return (
        f"{_money(row['annual_wage_median'])} per year, or "
        f"{_money(row['hourly_wage_median'], 2)} per hour (median pay)"
    )


#: The figure rows of the article's table: label -> how a wide row is written there.
FIGURE_ROWS: dict[str, Callable[[pd.Series], str]] = {
    "Number practicing in the United States": lambda r: f"{r['employment']:,.0f}",
    "Pay": _fmt_pay,
    "Expected job growth": lambda r: f"{r['employment_change_pct']:g} percent",
    "Anticipated number of new positions": lambda r: f"{r['employment_change']:,.0f}",
}


def claims_wide(claims: pd.DataFrame) -> pd.DataFrame:
    """The article's claims as one row per occupation, one column per measure."""
    wide = claims.pivot(
        index=["soc_code", "article_occupation"], columns="claimed_measure", values="value"
    )
    wide.columns.name = None
    return wide.reset_index()[["soc_code", "article_occupation", *CLAIMED_MEASURES]]


def side_by_side(
    wide: pd.DataFrame, soc_a: str, soc_b: str, names: tuple[str, str] | None = None
) -> pd.DataFrame:
    """The article's figure rows for any two occupations in ``wide`` (a row per
    ``soc_code`` with the columns of :data:`CLAIMED_MEASURES`), in argument order."""
    soc_a, soc_b = normalize_soc(soc_a), normalize_soc(soc_b)
    missing = [m for m in CLAIMED_MEASURES if m not in wide.columns]
    if missing:
        raise CareerStatsError(f"side_by_side: table lacks {', '.join(missing)}")
    rows = wide.set_index("soc_code")
    for soc in (soc_a, soc_b):
        if soc not in rows.index:
            raise UnknownCodeError("SOC code", soc, rows.index.astype(str))
    if names is None:
        title_col = next(
            (c for c in ("article_occupation", "occupation_title") if c in rows.columns), None
        )
        names = (
            (str(rows.at[soc_a, title_col]), str(rows.at[soc_b, title_col]))
            if title_col
            else (soc_a, soc_b)
        )
    table = pd.DataFrame(
        {
            name: [fmt(cast(pd.Series, rows.loc[soc])) for fmt in FIGURE_ROWS.values()]
            for name, soc in zip(names, (soc_a, soc_b), strict=True)
        },
        index=pd.Index(list(FIGURE_ROWS), name=""),
    )
    return table


def article_table(cells: pd.DataFrame) -> pd.DataFrame:
    """The article's whole side-by-side table from ``article_table.csv``, cell by cell."""
    table = cells.pivot(
        index=["row_order", "section", "row_label"],
        columns="article_occupation",
        values="cell_text",
    )
    table.columns.name = None
    table = table.reset_index(level="row_order", drop=True)
    table = table[["Certified Medical Assistant", "Medical Lab Technician"]]
    table.attrs["titles"] = {name: name for name in table.columns}  # the article's careers
    return table


def _rows(wide: pd.DataFrame, socs: tuple[str, ...] | None) -> pd.DataFrame:
    rows = wide.set_index("soc_code")
    return rows.loc[[normalize_soc(s) for s in socs]] if socs else rows


def _named(result: pd.DataFrame, wide: pd.DataFrame, measure: str) -> pd.DataFrame:
    """``result`` with ``attrs``: each code's career as the article names it, and the
    measure its figures are in."""
    result.attrs["titles"] = dict(zip(wide["soc_code"], wide["article_occupation"], strict=True))
    result.attrs["measure"] = measure
    return result


def pay_consistency(wide: pd.DataFrame, socs: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Hourly × 2,080 against the annual figure, per occupation (see
    :func:`careerstats.pay.check_annual_hourly` for the rounding allowance)."""
    out = {
        soc: vars(check_annual_hourly(r["annual_wage_median"], r["hourly_wage_median"]))
        for soc, r in _rows(wide, socs).iterrows()
    }
    frame = pd.DataFrame.from_dict(out, orient="index").rename_axis("soc_code")
    return _named(frame, wide, "annual_wage_median")


def growth_consistency(
    wide: pd.DataFrame, socs: tuple[str, ...] | None = None, percent_decimals: int = 0
) -> pd.DataFrame:
    """Stated percent against stated change and base, per occupation (see
    :func:`careerstats.growth.check_change`)."""
    out = {
        soc: vars(
            check_change(
                r["employment"],
                r["employment_change_pct"],
                r["employment_change"],
                percent_decimals,
            )
        )
        for soc, r in _rows(wide, socs).iterrows()
    }
    frame = pd.DataFrame.from_dict(out, orient="index").rename_axis("soc_code")
    return _named(frame.drop(columns="percent_decimals"), wide, "employment")


def projection_summary(
    wide: pd.DataFrame, start: int, end: int, socs: tuple[str, ...] | None = None
) -> pd.DataFrame:
    """Base, change and projected employment, with the percent and the compound annual
    rate they imply, per occupation. The projection is base + stated change (BLS's
    figure); the stated percent is rounded."""
    rows = _rows(wide, socs)
    projected = rows["employment"] + rows["employment_change"]
    frame = pd.DataFrame(
        {
            "base_year": start,
            "employment_base": rows["employment"],
            "employment_change": rows["employment_change"],
            "target_year": end,
            "employment_projected": projected,
            "employment_change_pct": [
                percent_change(b, c)
                for b, c in zip(rows["employment"], rows["employment_change"], strict=True)
            ],
            "cagr_pct": [
                cagr(b, p, end - start) for b, p in zip(rows["employment"], projected, strict=True)
            ],
        }
    )
    return _named(frame, wide, "employment")


def projection_ratios(summary: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    """``a``'s base employment and projected change as multiples of ``b``'s (from
    :func:`projection_summary`), one row per measure."""
    a, b = normalize_soc(a), normalize_soc(b)
    measures = ["employment_base", "employment_change"]
    ratios = summary.loc[a, measures].astype(float) / summary.loc[b, measures].astype(float)
    return pd.DataFrame({"ratio": ratios}).rename_axis("measure")


def projection_paths(
    wide: pd.DataFrame, start: int, end: int, socs: tuple[str, ...] | None = None
) -> pd.DataFrame:
    """Year-by-year employment from base to base + change, one column per occupation."""
    rows = _rows(wide, socs)
    paths = {
        soc: path_between(
            r["employment"], r["employment"] + r["employment_change"], start, end
        ).set_index("year")["employment"]
        for soc, r in rows.iterrows()
    }
    frame = pd.DataFrame(paths).rename_axis(index="year", columns="soc_code")
    return _named(frame, wide, "employment")
