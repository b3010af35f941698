"""Pay across the distribution, over time and across places: tables from OEWS tables.

Each function takes validated OEWS tables (:func:`careerstats.load_oews`) and returns a
DataFrame labelled with its occupations' titles and its release (see
:func:`careerstats.analysis._common.labelled`); charts and notebooks only call these.
Gaps are computed by :func:`careerstats.analysis.pay.gap_values`.
"""

from __future__ import annotations

import pandas as pd

from ..tables.fields import PERCENTILES, WAGE_FIELDS, wage_field
from ._common import labelled, require_socs
from .pay import gap_values

#: May 2021 is the first release under BLS's new estimation method (MB3).
MB3_FIRST_YEAR = 2021


def wage_distribution(oews: pd.DataFrame, socs, kind: str = "annual") -> pd.DataFrame:
    """10th-90th percentile wages of ``socs`` in one release and area (rows in order)."""
    socs = require_socs(oews, socs, "this OEWS table")
    rows = oews.set_index("soc_code").loc[socs]
    cols = [wage_field(kind, p) for p in PERCENTILES]
    out = rows[["occupation_title", *cols]].copy()
    out.columns = ["occupation_title", *PERCENTILES]
    out["topcoded"] = rows["topcoded_fields"].fillna("")
    return labelled(out, oews, socs)


def pay_history(
    national: pd.DataFrame, a: str, b: str, statistic: str = "median", kind: str = "annual"
) -> pd.DataFrame:
    """``a`` and ``b``'s wage, the gap (b - a) and the gap in percent of a, every release."""
    a, b = require_socs(national, (a, b), "the national table")
    col = wage_field(kind, statistic)
    wide = national[national["soc_code"].isin([a, b])].pivot(
        index="year", columns="soc_code", values=col
    )[[a, b]]
    wide.columns.name = None
    wide["gap_usd"], wide["gap_pct"], _ = gap_values(wide[a], wide[b])
    wide["method"] = ["MB3" if y >= MB3_FIRST_YEAR else "before MB3" for y in wide.index]
    return labelled(wide, national, (a, b))


def area_gaps(
    oews: pd.DataFrame, a: str, b: str, statistic: str = "median", kind: str = "annual"
) -> pd.DataFrame:
    """Per area: both wages and the gap (b - a), in dollars and percent of a; areas where
    BLS publishes either wage for neither are dropped, areas with one keep a missing gap."""
    a, b = require_socs(oews, (a, b), "this OEWS table")
    col = wage_field(kind, statistic)
    keep = ["area_code", "area_title", "area_state_code"]
    wide = (
        oews[oews["soc_code"].isin([a, b])]
        .pivot(index=keep, columns="soc_code", values=col)
        .reindex(columns=[a, b])
    )
    wide.columns.name = None
    wide = wide.dropna(how="all")
    wide["gap_usd"], wide["gap_pct"], _ = gap_values(wide[a], wide[b])
    out = wide.reset_index().sort_values("gap_pct", ascending=False, ignore_index=True)
    return labelled(out, oews, (a, b))


def metro_extremes(
    metro: pd.DataFrame, soc: str, n: int = 10, measure: str = "annual_wage_median"
) -> pd.DataFrame:
    """The ``n`` best- and worst-paying areas for ``soc`` by ``measure``, side by side
    (rank 1 = highest and lowest). Areas where BLS publishes no value are left out."""
    (soc,) = require_socs(metro, (soc,), "the metro table")
    rows = metro[(metro["soc_code"] == soc) & metro[measure].notna()]
    ranked = rows.sort_values([measure, "area_code"], ascending=[False, True])
    best = ranked.head(n)
    worst = ranked.tail(n).iloc[::-1]
    return pd.DataFrame(
        {
            "best_area": best["area_title"].to_numpy(),
            "best": best[measure].to_numpy(),
            "worst_area": worst["area_title"].to_numpy(),
            "worst": worst[measure].to_numpy(),
        },
        index=pd.RangeIndex(1, len(best) + 1, name="rank"),
    )


def licensure_pay(
    state: pd.DataFrame, licensure: pd.DataFrame, soc: str, measure: str = "annual_wage_median"
) -> pd.DataFrame:
    """``soc``'s pay in each state, DC and Puerto Rico beside how the licensure sources
    describe it. Descriptive only: licensing states differ in many other ways."""
    (soc,) = require_socs(state, (soc,), "the state table")
    rows = state[state["soc_code"] == soc][["area_state_code", measure, "employment"]]
    out = licensure.merge(
        rows, left_on="state_code", right_on="area_state_code", how="left", validate="one_to_one"
    ).drop(columns="area_state_code")
    out = out[
        [
            "state_code",
            "state_name",
            "licensure_agreement",
            "is_listed_article",
            "is_listed_ascls",
            measure,
            "employment",
        ]
    ]
    return labelled(out, state, (soc,))


def licensure_summary(by_state: pd.DataFrame, measure: str = "annual_wage_median") -> pd.DataFrame:
    """Per licensure group: states with published pay, and the median, lowest and highest
    of their state medians."""
    groups = by_state.dropna(subset=[measure]).groupby("licensure_agreement")[measure]
    out = pd.DataFrame(
        {
            "states": groups.size(),
            "median_of_state_medians": groups.median(),
            "lowest": groups.min(),
            "highest": groups.max(),
        }
    )
    return out.reindex(["all list it", "sources disagree", "none list it"]).dropna(how="all")


#: The measures ``wage_history`` can follow: every wage (nominal and real) and employment.
HISTORY_MEASURES = ("employment", *WAGE_FIELDS)


def wage_history(
    oews: pd.DataFrame,
    socs,
    measure: str = "annual_wage_median",
    base_year: int | None = None,
    cpi: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Every release of ``oews`` for ``socs``: the measure in nominal dollars and in real
    dollars of May ``base_year`` (default: the newest release), one row per year and code.

    Columns: year, release, soc_code, measure, value_nominal, value_real, dollars_of,
    method (MB3 from May 2021: BLS's new estimation method), topcoded. Employment has no
    real value. A missing value stays missing.
    """
    from ..errors import UnknownCodeError
    from .real import dollars_of, to_real

    if measure not in HISTORY_MEASURES:
        raise UnknownCodeError("measure", measure, HISTORY_MEASURES)
    codes = require_socs(oews, socs, "this OEWS table")
    rows = oews[oews["soc_code"].isin(codes)].copy()
    rows["_order"] = rows["soc_code"].map({c: i for i, c in enumerate(codes)})
    rows = rows.sort_values(["year", "_order"], ignore_index=True)
    base = int(rows["year"].max()) if base_year is None else int(base_year)
    is_money = measure != "employment"
    out = pd.DataFrame(
        {
            "year": rows["year"].astype(int),
            "release": rows["release"],
            "soc_code": rows["soc_code"],
            "measure": measure,
            "value_nominal": rows[measure].astype(float),
        }
    )
    out["value_real"] = (
        to_real(out["value_nominal"], out["year"], base, cpi=cpi) if is_money else float("nan")
    )
    out["dollars_of"] = dollars_of(base) if is_money else None
    out["method"] = ["MB3" if y >= MB3_FIRST_YEAR else "before MB3" for y in out["year"]]
    out["topcoded"] = (
        rows["topcoded_fields"].fillna("").str.split(";").apply(lambda names: measure in names)
    )
    return labelled(out, oews, codes)
