"""Pay across the distribution, over time and across places: tables from OEWS tables.

Each function takes validated OEWS tables (:func:`careerstats.tables.load.load_oews`) and returns a
DataFrame labelled with its occupations' titles and its release (see
``careerstats.analysis._common.labelled``); charts and notebooks only call these.
Gaps are computed by :func:`careerstats.analysis.pay.gap_values`.
"""

from __future__ import annotations

import pandas as pd

from ..measures import HISTORY_MEASURES, PERCENTILES, wage_field
from ._common import labelled, require_socs
from .pay import gap_values

#: May 2021 is the first release under BLS's new estimation method (MB3).
MB3_FIRST_YEAR = 2021


def wage_distribution(oews: pd.DataFrame, socs, kind: str = "annual") -> pd.DataFrame:
    """10th-90th percentile wages of ``socs`` in one release and area (rows in order, each
    occupation once: a pair with all occupations in it lists that row once)."""
    socs = list(dict.fromkeys(require_socs(oews, socs, "this OEWS table")))
    rows = oews.set_index("soc_code").loc[socs]
    cols = [wage_field(kind, p) for p in PERCENTILES]
    out = rows[["occupation_title", *cols]].copy()
    out.columns = ["occupation_title", *PERCENTILES]
    out["topcoded"] = rows["topcoded_fields"].fillna("")
    return labelled(out, oews, socs, measure=wage_field(kind, "median"))


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
    return labelled(wide, national, (a, b), measure=col)


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
    return labelled(out, oews, (a, b), measure=col)


def licensure_pay(
    state: pd.DataFrame, licensure: pd.DataFrame, soc: str, measure: str = "annual_wage_median"
) -> pd.DataFrame:
    """``soc``'s pay in each state, DC and Puerto Rico beside how the licensure sources
    describe it. Descriptive only: licensing states differ in many other ways."""
    (soc,) = require_socs(state, (soc,), "the state table")
    rse = "wage_rse_pct" if measure.endswith("_mean") else None
    keep = ["area_state_code", measure, *([rse] if rse else []), "employment"]
    rows = state[state["soc_code"] == soc][keep]
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
            *([rse] if rse else []),
            "employment",
        ]
    ]
    return labelled(out, state, (soc,), measure=measure)


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
    out = out.reindex(["all list it", "sources disagree", "none list it"]).dropna(how="all")
    out.attrs["measure"] = measure
    return out


#: The measures ``wage_history`` can follow: every wage (nominal and real) and employment.


def wage_history(
    oews: pd.DataFrame,
    socs,
    measure: str = "annual_wage_median",
    base_year: int | None = None,
    *,
    cpi: pd.DataFrame,
) -> pd.DataFrame:
    """Every release of ``oews`` for ``socs``: the measure in nominal dollars and in real
    dollars of May ``base_year`` (default: the newest release) by ``cpi`` (the ``cpi``
    table), one row per year and code.

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
    return labelled(out, oews, codes, measure=measure)


def _means_wide(table: pd.DataFrame, keys: list[str], a: str, b: str) -> pd.DataFrame:
    """The mean wage, its RSE and top-codes of ``a`` and ``b``, one row per ``keys``."""
    rows = table[table["soc_code"].isin([a, b])]
    w = rows.pivot(
        index=keys,
        columns="soc_code",
        values=["annual_wage_mean", "wage_rse_pct", "topcoded_fields"],
    )
    w.columns = [f"{m}_{'a' if s == a else 'b'}" for m, s in w.columns]
    return w.reset_index() if len(keys) > 1 else w


def _se(row: pd.Series, side: str) -> float:
    """The standard error of one side's mean wage, from its RSE."""
    from .intervals import standard_error

    return standard_error(row[f"annual_wage_mean_{side}"], row[f"wage_rse_pct_{side}"])


def cost_adjusted_gaps(area_gaps_table: pd.DataFrame, parities: pd.DataFrame) -> pd.DataFrame:
    """The median gap of :func:`area_gaps` (dollars) at each area's price level (from
    :func:`~careerstats.analysis.cost_of_living.area_parities`), with both rankings.

    A percent gap does not change with prices (both wages are divided by the same parity);
    the dollar gap, and so the ranking of places by it, does. Areas without a parity
    (territories) are left out.
    """
    from .cost_of_living import cost_adjusted, parity_label

    merged = area_gaps_table.merge(
        parities[["area_code", "rpp_all_items", "bea_table", "parity_year"]],
        on="area_code",
        how="left",
    )
    merged = merged.dropna(subset=["rpp_all_items", "gap_usd"]).copy()
    merged["gap_usd_cost_adjusted"] = [
        cost_adjusted(g, p) for g, p in zip(merged["gap_usd"], merged["rpp_all_items"], strict=True)
    ]
    merged["rank"] = merged["gap_usd"].rank(ascending=False, method="min").astype(int)
    merged["rank_cost_adjusted"] = (
        merged["gap_usd_cost_adjusted"].rank(ascending=False, method="min").astype(int)
    )
    merged["rank_change"] = merged["rank"] - merged["rank_cost_adjusted"]
    labels = {
        parity_label(t, y) for t, y in zip(merged["bea_table"], merged["parity_year"], strict=True)
    }
    out = merged.sort_values("gap_usd_cost_adjusted", ascending=False, ignore_index=True)
    out.attrs = dict(area_gaps_table.attrs)
    out.attrs["parities"] = ", ".join(sorted(x for x in labels if x))
    return out


def real_change(history: pd.DataFrame) -> pd.DataFrame:
    """From :func:`wage_history`: each occupation's first and last value, nominal and real,
    and the change in percent of each."""
    rows = []
    for soc, r in history.groupby("soc_code", sort=False):
        r = r.dropna(subset=["value_nominal"]).sort_values("year")
        first, last = r.iloc[0], r.iloc[-1]
        rows.append(
            {
                "soc_code": soc,
                "from": first["release"],
                "to": last["release"],
                "nominal_from": first["value_nominal"],
                "nominal_to": last["value_nominal"],
                "nominal_change_pct": (last["value_nominal"] / first["value_nominal"] - 1) * 100,
                "real_from": first["value_real"],
                "real_to": last["value_real"],
                "real_change_pct": (last["value_real"] / first["value_real"] - 1) * 100,
                "dollars_of": last["dollars_of"],
            }
        )
    out = pd.DataFrame(rows).set_index("soc_code")
    out.attrs = dict(history.attrs)  # the titles and release of the history
    return out
