"""Trace a quoted figure to every BLS release, occupation and measure that could be it.

A quote carries its own precision: "18 percent" can be any value that rounds to 18 (BLS's
18.4); "335.5 thousand" is 335,500 jobs; "132,600" can be a figure rounded to the nearest
hundred. :func:`trace` searches every numeric measure of the OEWS and projections tables
in ``data/`` and returns each match with the rule that made it one, exact matches first.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import CareerStatsError, shown
from ..measures import OEWS_AREA_MEASURES, PROJECTION_MEASURES
from ..occupations import normalize_soc
from ._common import Data

#: The tables searched.
DATASETS = ("oews_national", "oews_state", "oews_metro", "projections")
#: The columns searched in each kind of table: every figure BLS publishes there (not the
#: relative standard errors, which are properties of figures, not figures).
SEARCHED_COLUMNS = {
    "oews": [m for m in OEWS_AREA_MEASURES if not m.endswith("_rse_pct")],
    "projections": [*PROJECTION_MEASURES, "annual_wage_median", "self_employed_pct"],
}
PERCENT = {"employment_change_pct", "self_employed_pct"}
MONEY = {m for m in SEARCHED_COLUMNS["oews"] + SEARCHED_COLUMNS["projections"] if "_wage_" in m}
MATCH_ORDER = ["exact", "in thousands", "rounded", "rounded to the nearest"]


@dataclass(frozen=True)
class Quote:
    """A quoted number: its value, decimals, what kind it is, and its scale."""

    text: str
    value: float
    decimals: int
    kind: str  # any, percent, money
    scale: float  # 1, or 1000 for "thousand"


#: A quote: optional sign and $, one number (thousands separated by commas, or none), and
#: optionally a % or a unit word. The whole argument must match: "abc38190xyz", "12-15%"
#: and "1e9" are refused, never read as part of themselves.
_QUOTE = re.compile(
    r"""^\s*(?P<sign>[-+\u2212])?\s*(?P<dollar>\$)?\s*
    (?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)
    \s*(?P<unit>%|percent|per\ cent|k|thousands?|jobs?|workers?|people|dollars?|usd
        |(?:a|an|per)\ (?:year|hour)|/\s*(?:h|hr|hour|yr|year))?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
#: More significant digits than a float holds exactly: refused, not silently rounded.
MAX_DIGITS = 15


def parse_quote(text: object) -> Quote:
    """Read '$38,190', '18%', '18 percent', '335.5 thousand', '720.9k', '132,600 jobs' or
    27.36: the whole argument is one number with an optional sign, $, commas, % or unit
    word. Anything else is refused with a CareerStatsError."""
    raw = str(text).strip()
    example = (
        "expected one number such as 38190, '$38,190', '18%', '335.5 thousand' or '$27.36 an hour'"
    )
    m = _QUOTE.match(raw)
    if not m:
        raise CareerStatsError(f"trace: {shown(raw, 40)} — {example}")
    number = m["number"].replace(",", "")
    digits = number.replace(".", "").lstrip("0")
    if len(digits) > MAX_DIGITS:
        raise CareerStatsError(
            f"trace: a number of {len(digits):,} digits — expected at most "
            f"{MAX_DIGITS} significant digits, which compare exactly"
        )
    unit = (m["unit"] or "").lower()
    if m["dollar"] and unit in ("%", "percent", "per cent"):
        raise CareerStatsError(f"trace: {shown(raw)} is both dollars and a percent — {example}")
    kind = (
        "percent"
        if unit in ("%", "percent", "per cent")
        else ("money" if m["dollar"] or unit.startswith(("dollar", "usd")) else "any")
    )
    scale = 1000.0 if unit in ("k", "thousand", "thousands") else 1.0
    decimals = len(number.split(".")[1]) if "." in number else 0
    sign = -1.0 if m["sign"] in ("-", "\u2212") else 1.0
    return Quote(raw, sign * float(number), decimals, kind, scale)


def _candidates(q: Quote, values: np.ndarray) -> list[tuple[np.ndarray, str]]:
    """(mask, rule) for each rule the quote allows."""
    rules = []
    tol = 1e-9 * max(1.0, abs(q.value))
    if q.scale == 1.0:
        rules.append((np.abs(values - q.value) <= tol, "exact"))
    else:
        rules.append((np.abs(values - q.value * q.scale) <= tol * q.scale, "in thousands"))
        rounded = np.round(values / q.scale, q.decimals)
        rules.append(
            (
                np.abs(rounded - q.value) <= tol,
                f"in thousands, rounded to {q.decimals} decimal{'s' if q.decimals != 1 else ''}",
            )
        )
        return rules
    # a quote with d decimals matches any value that rounds to it (half away from zero)
    half = 0.5 * 10 ** (-q.decimals)
    within = (np.abs(values - q.value) < half - 1e-12) | np.isclose(np.abs(values - q.value), half)
    label = (
        "rounded to a whole number"
        if q.decimals == 0
        else f"rounded to {q.decimals} decimal{'s' if q.decimals > 1 else ''}"
    )
    rules.append((within, label))
    # a whole number ending in zeros may be rounded to the nearest 10, 100, ...
    if q.decimals == 0 and abs(q.value) >= 1000:
        digits = str(int(abs(q.value)))
        zeros = len(digits) - len(digits.rstrip("0"))
        for k in range(1, zeros + 1):
            step = 10**k
            near = np.abs(values - q.value) < step / 2
            rules.append((near, f"rounded to the nearest {step:,}"))
    return rules


def _long(dataset: str, frame: pd.DataFrame, measures: list[str]) -> pd.DataFrame:
    release = frame["release"] if "release" in frame else "Employment Projections " + frame["cycle"]
    area = frame.get("area_code", "0000000" if dataset == "oews_national" else None)
    parts = []
    for m in measures:
        parts.append(
            pd.DataFrame(
                {
                    "dataset": dataset,
                    "release": release,
                    "area_code": area,
                    "soc_code": frame["soc_code"],
                    "measure": m,
                    "value": frame[m].astype("float64"),
                }
            )
        )
    return pd.concat(parts, ignore_index=True)


def trace(
    value: object, soc: str | None = None, datasets: list[str] | None = None, *, data: Data
) -> pd.DataFrame:
    """Every (dataset, release, area, occupation, measure) whose value the quote matches.

    Columns: dataset, release, area_code, soc_code, measure, value, match. Exact matches
    come first, then the loosest rule last. An empty frame means no match.
    """
    q = parse_quote(value)
    soc = normalize_soc(soc) if soc else None
    found = []
    for dataset in datasets or list(DATASETS):
        frame = data.table(dataset)
        if soc:
            frame = frame[frame["soc_code"] == soc]
        measures = SEARCHED_COLUMNS["projections" if dataset == "projections" else "oews"]
        measures = [m for m in measures if m in frame.columns]
        if q.kind == "percent":
            measures = [m for m in measures if m in PERCENT]
        elif q.kind == "money":
            measures = [m for m in measures if m in MONEY]
        if frame.empty or not measures:
            continue
        long = _long(dataset, frame, measures)
        long = long[long["value"].notna()]
        values = long["value"].to_numpy()
        taken = np.zeros(len(long), dtype=bool)
        for mask, rule in _candidates(q, values):
            hit = mask & ~taken
            if hit.any():
                found.append(long[hit].assign(match=rule))
                taken |= hit
    columns = ["dataset", "release", "area_code", "soc_code", "measure", "value", "match"]
    if not found:
        return pd.DataFrame(columns=columns)
    out = pd.concat(found, ignore_index=True)[columns]
    order = {r: i for i, r in enumerate(MATCH_ORDER)}
    out["_rank"] = out["match"].map(
        lambda r: next((v for k, v in order.items() if r.startswith(k)), 9)
    )
    out["_step"] = (
        out["match"]
        .str.extract(r"nearest ([\d,]+)")[0]
        .str.replace(",", "")
        .astype(float)
        .fillna(0)
    )
    out = out.sort_values(
        ["_rank", "_step", "dataset", "release", "soc_code", "measure"], kind="stable"
    ).drop(columns=["_rank", "_step"])
    return out.reset_index(drop=True)


def as_records(found: pd.DataFrame) -> list[dict]:
    """JSON-ready rows: plain numbers, None for missing."""
    records = []
    for row in found.to_dict("records"):
        rec = {
            k: (None if (not isinstance(v, str) and v is not None and pd.isna(v)) else v)
            for k, v in row.items()
        }
        v = rec["value"]
        rec["value"] = int(v) if v is not None and float(v).is_integer() else v
        records.append(rec)
    return records


# --- the article's figures, checked -----------------------------------------------------------

#: The measure each claim must come from, for finding the newest figure of the same kind.
_DESCRIBE = {
    "employment": "employment",
    "annual_wage_median": "median annual wage",
    "hourly_wage_median": "median hourly wage",
    "annual_wage_mean": "mean annual wage",
    "hourly_wage_mean": "mean hourly wage",
    "employment_base": "base-year employment (all workers, incl. self-employed)",
    "employment_change": "projected numeric change",
    "employment_change_pct": "projected percent change",
}


def _quote_of(claim: pd.Series) -> str:
    value = claim["value"]
    text = f"{value:,.2f}" if not float(value).is_integer() else f"{value:,.0f}"
    return text + ("%" if claim["unit"] == "percent" else "")


def _best_match(found: pd.DataFrame, claimed: str, period: object) -> pd.Series | None:
    """The match a claim most likely comes from: the best, preferring the measure the
    claim names, then among equally good matches the cycle its own period names."""
    if not len(found):
        return None
    best = found.iloc[0]
    same = found[found["measure"].isin(_equivalent(claimed))]
    if len(same) and same.iloc[0]["match"] == best["match"]:
        best = same.iloc[0]
    # "2020-2030" is Employment Projections 2020-30: "11%" also rounds 2018-28's 10.6%.
    cycle = _cycle_named(period)
    if cycle is not None:
        tied = found[
            (found["match"] == best["match"])
            & (found["measure"] == best["measure"])
            & (found["release"] == f"Employment Projections {cycle}")
        ]
        if len(tied):
            best = tied.iloc[0]
    return best


def check_claims(claims: pd.DataFrame, *, data: Data) -> pd.DataFrame:
    """Trace each of the article's claims among its own occupation's national figures
    (OEWS national and Employment Projections), and set it beside the newest figure.

    Columns: claim_id, claimed (label and value), found_in (the best match: release and
    measure), match, label_is_right, newest (release, value).
    """
    rows = []
    national = data.table("oews_national")
    projections = data.table("projections")
    newest_oews = national[national["year"] == national["year"].max()].set_index("soc_code")
    newest_ep = projections[projections["base_year"] == projections["base_year"].max()].set_index(
        "soc_code"
    )
    for _, c in claims.iterrows():
        found = trace(
            _quote_of(c),
            soc=c["soc_code"],
            datasets=["oews_national", "projections"],
            data=data,
        )
        claimed = c["claimed_measure"]
        best = _best_match(found, claimed, c["period_wording"])
        label_right = best is not None and best["measure"] in _equivalent(claimed)
        if claimed in ("employment_change", "employment_change_pct") or (
            best is not None and best["dataset"] == "projections"
        ):
            newest_table, newest_release = newest_ep, "EP " + newest_ep["cycle"].iloc[0]
            newest_measure = (
                best["measure"]
                if best is not None and best["dataset"] == "projections"
                else claimed
            )
        else:
            newest_table, newest_release = newest_oews, newest_oews["release"].iloc[0]
            newest_measure = claimed
        newest_value = (
            newest_table.at[c["soc_code"], newest_measure]
            if newest_measure in newest_table.columns
            else math.nan
        )
        rows.append(
            {
                "claim_id": c["claim_id"],
                "article_says": f"{_quote_of(c)} ({c['article_label']})",
                "found_in": None
                if best is None
                else f"{best['release']}: {_DESCRIBE.get(best['measure'], best['measure'])}",
                "bls_value": None if best is None else best["value"],
                "match": None if best is None else best["match"],
                "other_matches": max(len(found) - 1, 0),
                "label_is_right": label_right,
                "newest": f"{newest_release}: {_DESCRIBE.get(newest_measure, newest_measure)}",
                "newest_value": newest_value,
            }
        )
    return pd.DataFrame(rows).set_index("claim_id")


def _cycle_named(period: object) -> str | None:
    """The projections cycle a period wording like "2020-2030" names ("2020-30")."""
    m = re.fullmatch(r"\s*(\d{4})\s*[-\u2013]\s*(\d{4})\s*", str(period or ""))
    return f"{m.group(1)}-{m.group(2)[2:]}" if m else None


def _equivalent(claimed: str) -> set[str]:
    """Measures that count as what the article says a figure is."""
    return {
        "employment": {"employment", "employment_base"},
        "employment_change": {"employment_change"},
        "employment_change_pct": {"employment_change_pct"},
    }.get(claimed, {claimed})
