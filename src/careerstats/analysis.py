"""The analyses behind notebooks 02-04: pure functions from tables to tables.

Each takes the validated tables (``load_oews``, ``load_projections``, ``load_table``) and
returns a DataFrame; the charts and notebooks only call these.
"""

from __future__ import annotations

import pandas as pd

from .errors import CareerStatsError, UnknownCodeError
from .growth import path_between
from .occupations import normalize_soc

PERCENTILES = ("p10", "p25", "median", "p75", "p90")
#: May 2021 is the first release under BLS's new estimation method (MB3).
MB3_FIRST_YEAR = 2021


def _require(frame: pd.DataFrame, socs, what: str) -> list[str]:
    socs = [normalize_soc(s) for s in socs]
    known = set(frame["soc_code"])
    for s in socs:
        if s not in known:
            raise UnknownCodeError("SOC code", s, sorted(known), f"not in {what}")
    return socs


# --- pay ---------------------------------------------------------------------------------------


def wage_distribution(oews: pd.DataFrame, socs, kind: str = "annual") -> pd.DataFrame:
    """10th-90th percentile wages of ``socs`` in one release and area (rows in order)."""
    socs = _require(oews, socs, "this OEWS table")
    rows = oews.set_index("soc_code").loc[socs]
    cols = [f"{kind}_wage_{p}" for p in PERCENTILES]
    out = rows[["occupation_title", *cols]].copy()
    out.columns = ["occupation_title", *PERCENTILES]
    out["topcoded"] = rows["topcoded_fields"].fillna("")
    return out


def pay_history(national: pd.DataFrame, a: str, b: str, statistic: str = "median",
                kind: str = "annual") -> pd.DataFrame:
    """``a`` and ``b``'s wage, the gap (b - a) and the gap in percent of a, every release."""
    a, b = _require(national, (a, b), "the national table")
    col = f"{kind}_wage_{statistic}"
    wide = national[national["soc_code"].isin([a, b])].pivot(index="year", columns="soc_code",
                                                              values=col)[[a, b]]
    wide.columns.name = None
    wide["gap_usd"] = wide[b] - wide[a]
    wide["gap_pct"] = wide["gap_usd"] / wide[a] * 100
    wide["method"] = ["MB3" if y >= MB3_FIRST_YEAR else "before MB3" for y in wide.index]
    return wide


def area_gaps(oews: pd.DataFrame, a: str, b: str, statistic: str = "median",
              kind: str = "annual") -> pd.DataFrame:
    """Per area: both wages and the gap (b - a), in dollars and percent of a; areas where
    BLS publishes either wage for neither are dropped, areas with one keep a missing gap."""
    a, b = _require(oews, (a, b), "this OEWS table")
    col = f"{kind}_wage_{statistic}"
    keep = ["area_code", "area_title", "area_state_code"]
    wide = oews[oews["soc_code"].isin([a, b])].pivot(index=keep, columns="soc_code",
                                                     values=col).reindex(columns=[a, b])
    wide.columns.name = None
    wide = wide.dropna(how="all")
    wide["gap_usd"] = wide[b] - wide[a]
    wide["gap_pct"] = wide["gap_usd"] / wide[a] * 100
    return wide.reset_index().sort_values("gap_pct", ascending=False, ignore_index=True)


def metro_extremes(metro: pd.DataFrame, soc: str, n: int = 10,
                   measure: str = "annual_wage_median") -> pd.DataFrame:
    """The ``n`` best- and worst-paying areas for ``soc`` by ``measure``, side by side
    (rank 1 = highest and lowest). Areas where BLS publishes no value are left out."""
    (soc,) = _require(metro, (soc,), "the metro table")
    rows = metro[(metro["soc_code"] == soc) & metro[measure].notna()]
    ranked = rows.sort_values([measure, "area_code"], ascending=[False, True])
    best = ranked.head(n)
    worst = ranked.tail(n).iloc[::-1]
    return pd.DataFrame({
        "best_area": best["area_title"].to_numpy(), "best": best[measure].to_numpy(),
        "worst_area": worst["area_title"].to_numpy(), "worst": worst[measure].to_numpy(),
    }, index=pd.RangeIndex(1, len(best) + 1, name="rank"))


def licensure_pay(state: pd.DataFrame, licensure: pd.DataFrame, soc: str,
                  measure: str = "annual_wage_median") -> pd.DataFrame:
    """``soc``'s pay in each state, DC and Puerto Rico beside how the licensure sources
    describe it. Descriptive only: licensing states differ in many other ways."""
    (soc,) = _require(state, (soc,), "the state table")
    rows = state[state["soc_code"] == soc][["area_state_code", measure, "employment"]]
    out = licensure.merge(rows, left_on="state_code", right_on="area_state_code",
                          how="left", validate="one_to_one").drop(columns="area_state_code")
    return out[["state_code", "state_name", "licensure_agreement", "is_listed_article",
                "is_listed_ascls", measure, "employment"]]


def licensure_summary(by_state: pd.DataFrame, measure: str = "annual_wage_median"
                      ) -> pd.DataFrame:
    """Per licensure group: states with published pay, and the median, lowest and highest
    of their state medians."""
    groups = by_state.dropna(subset=[measure]).groupby("licensure_agreement")[measure]
    out = pd.DataFrame({"states": groups.size(), "median_of_state_medians": groups.median(),
                        "lowest": groups.min(), "highest": groups.max()})
    return out.reindex(["all list it", "sources disagree", "none list it"]).dropna(how="all")


# --- growth ----------------------------------------------------------------------------------


OUTLOOK_COLUMNS = ["base_year", "target_year", "employment_base", "employment_projected",
                   "employment_change", "employment_change_pct", "openings_annual",
                   "openings_10yr_total"]


def outlook(projections: pd.DataFrame, socs) -> pd.DataFrame:
    """Each cycle's projection for ``socs``: one row per (cycle, soc_code)."""
    socs = _require(projections, socs, "the projections table")
    rows = projections[projections["soc_code"].isin(socs)]
    rank = rows["soc_code"].map({s: i for i, s in enumerate(socs)})
    rows = rows.assign(_rank=rank).sort_values(["cycle", "_rank"], kind="stable")
    return rows.set_index(["cycle", "soc_code"])[OUTLOOK_COLUMNS]


def track_record(projections: pd.DataFrame, socs) -> pd.DataFrame:
    """Projected employment against employment later observed on the same basis.

    For each cycle and each later cycle whose base year falls within it, the later cycle's
    base-year employment (all workers, as EP counts them) is set against the first cycle's
    projection for that year: the target itself where the years meet (a real test of the
    projection), otherwise the even-rate path between base and target (an interim
    reading, not a BLS figure).
    """
    socs = _require(projections, socs, "the projections table")
    rows = projections[projections["soc_code"].isin(socs)]
    by_year = rows.set_index(["soc_code", "base_year"])
    out = []
    for _, p in rows.iterrows():
        later = by_year.loc[p["soc_code"]]
        for year, obs in later[(later.index > p["base_year"])
                               & (later.index <= p["target_year"])].iterrows():
            path = path_between(p["employment_base"], p["employment_projected"],
                                p["base_year"], p["target_year"]).set_index("year")
            projected = float(path.at[year, "employment"])
            observed = float(obs["employment_base"])
            out.append({
                "cycle": p["cycle"], "soc_code": p["soc_code"], "year": int(year),
                "is_target_year": int(year) == p["target_year"],
                "observed_in": obs["cycle"], "employment_projected": projected,
                "employment_observed": observed, "error": observed - projected,
                "error_pct": (observed - projected) / projected * 100,
            })
    if not out:
        raise CareerStatsError("track_record: no later base year falls within any cycle")
    return pd.DataFrame(out).sort_values(["soc_code", "cycle", "year"], ignore_index=True)


# --- credentials -------------------------------------------------------------------------------


def credentials_table(credentials: pd.DataFrame, organizations: pd.DataFrame) -> pd.DataFrame:
    """Each certification with the full name of the body that awards it."""
    names = organizations.drop_duplicates("organization_code").set_index(
        "organization_code")["organization_name"]
    out = credentials.assign(certifying_body=credentials["organization_code"].map(names))
    return out[["soc_code", "credential_code", "credential_name", "organization_code",
                "certifying_body"]]


def entry_requirements(projections: pd.DataFrame, socs) -> pd.DataFrame:
    """BLS's entry categories (education, experience, training) in one cycle."""
    socs = _require(projections, socs, "the projections table")
    rows = projections.set_index("soc_code").loc[socs]
    return rows[["cycle", "occupation_title", "typical_education", "work_experience",
                 "on_the_job_training"]]


def renewals(cycle_months: int, years: int) -> list[int]:
    """Months after certification at which a credential renewed every ``cycle_months`` is
    due, within a career of ``years`` years."""
    if cycle_months <= 0 or years <= 0:
        raise CareerStatsError(f"renewals({cycle_months}, {years}) — expected positive "
                               "numbers")
    return list(range(cycle_months, years * 12 + 1, cycle_months))


def renewal_schedule(recertification: pd.DataFrame, years: int = 15) -> pd.DataFrame:
    """One row per renewal due within ``years`` years, per credential."""
    rows = []
    for _, r in recertification.iterrows():
        for k, month in enumerate(renewals(int(r["recertification_cycle_months"]), years), 1):
            rows.append({"soc_code": r["soc_code"], "program_name": r["program_name"],
                         "renewal": k, "month": month, "year": month / 12})
    return pd.DataFrame(rows)
