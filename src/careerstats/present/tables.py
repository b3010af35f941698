"""Tables for people to read, made from a :func:`careerstats.compare` result.

The result itself is data (see :mod:`careerstats.analysis.compare`); these functions lay
it out for the command line, the notebooks and the report.
"""

from __future__ import annotations

import pandas as pd

from ..analysis.pay import gap_values
from ..tables.fields import WAGE_FIELDS

#: The rows of :func:`comparison_frame`: the OEWS figures with their sampling error and
#: price level, then the projection's.
COMPARISON_ROWS = (
    "employment",
    "employment_ci90",
    *WAGE_FIELDS,
    "annual_wage_mean_ci90",
    "reliable",
    "price_parity",
    "annual_wage_median_cost_adjusted",
    "cycle",
    "employment_base",
    "employment_projected",
    "employment_change",
    "employment_change_pct",
    "openings_annual",
)


def usd(value: float, decimals: int = 0) -> str:
    """``$47,970`` or, with decimals, ``$23.06``."""
    return f"${value:,.{decimals}f}"


def cell(value: object) -> str:
    """A number as the command line shows it: thousands separated, cents below 1,000."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):  # an interval
        return "-".join(cell(v) for v in value)
    if isinstance(value, dict):  # a price parity
        return f"{value['value']:g} ({value['label']})"
    if isinstance(value, float):
        return f"{value:,.2f}" if abs(value) < 1000 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def comparison_frame(result: dict) -> pd.DataFrame:
    """A :func:`~careerstats.compare` result as a table: one row per measure, one column per
    occupation, plus the gap (second minus first)."""
    a, b = result["occupations"]

    def value(entry: dict, m: str):
        if m in entry:
            return entry[m]
        return (entry["projection"] or {}).get(m)

    return pd.DataFrame(
        {
            f"{a['soc_code']} {a['occupation_title']}": [value(a, m) for m in COMPARISON_ROWS],
            f"{b['soc_code']} {b['occupation_title']}": [value(b, m) for m in COMPARISON_ROWS],
            "gap": [result["gap"].get(m) for m in COMPARISON_ROWS],
        },
        index=pd.Index(COMPARISON_ROWS, name="measure"),
        dtype=object,
    )


def _csv_text(value: object) -> str:
    """A cell as CSV text: empty when missing, whole numbers without ``.0``."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def comparison_csv(result: dict) -> pd.DataFrame:
    """A :func:`~careerstats.compare` result as a tidy table for CSV: one row per measure,
    each naming the release and the area; an interval becomes two rows (``_low``,
    ``_high``); whole numbers have no ``.0``; a price parity is its value."""
    wide = comparison_frame(result)
    codes = [o["soc_code"] for o in result["occupations"]]
    rows = []
    for measure, values in wide.iterrows():
        cells = list(values)
        if any(isinstance(v, list) for v in cells):
            for i, end in enumerate(("low", "high")):
                rows.append(
                    [f"{measure}_{end}", *(v[i] if isinstance(v, list) else None for v in cells)]
                )
            continue
        rows.append([measure, *(v["value"] if isinstance(v, dict) else v for v in cells)])
    out = pd.DataFrame(
        [[r[0], *(_csv_text(v) for v in r[1:])] for r in rows],
        columns=["measure", *codes, "gap"],
        dtype=str,
    )
    out.insert(0, "area_title", result["area"]["area_title"])
    out.insert(0, "area_code", result["area"]["area_code"])
    out.insert(0, "release", result["release"])
    return out


def _usd_or_bound(value, topcoded: bool, decimals: int = 0) -> str:
    if value is None:
        return "not published"
    return ("at least " if topcoded else "") + usd(value, decimals)


def bls_side_by_side(result: dict, requirements: pd.DataFrame | None = None) -> pd.DataFrame:
    """The article's table rows for a :func:`~careerstats.compare` result, from BLS's own
    figures: employment, median pay, growth, new positions, openings and (with
    ``requirements``, from :func:`careerstats.analysis.credentials.entry_requirements`)
    typical entry education."""
    a, b = result["occupations"]
    place, release = result["area"]["area_title"], result["release"]
    proj = a["projection"] or b["projection"] or {}
    cycle = proj.get("cycle", "n/a")
    rows: dict[str, list[str]] = {}
    for e in (a, b):
        p = e["projection"] or {}
        top = set(e["topcoded_fields"])
        annual = _usd_or_bound(e["annual_wage_median"], "annual_wage_median" in top)
        hourly = _usd_or_bound(e["hourly_wage_median"], "hourly_wage_median" in top, 2)
        cells = {
            f"Number employed ({place}, OEWS {release})": "not published"
            if e["employment"] is None
            else f"{e['employment']:,}",
            f"Median pay ({place}, {release})": f"{annual} per year, or {hourly} per hour",
            f"Expected job growth ({cycle}, national)": "n/a"
            if not p
            else f"{p['employment_change_pct']:g} percent",
            f"New positions by 20{cycle[-2:]} (national)" if p or proj else "New positions": "n/a"
            if not p
            else f"{p['employment_change']:,}",
            "Openings per year (national)": "n/a"
            if not p or p["openings_annual"] is None
            else f"{p['openings_annual']:,}",
        }
        if requirements is not None and e["soc_code"] in requirements.index:
            cells["Typical entry education (BLS)"] = str(
                requirements.at[e["soc_code"], "typical_education"]
            )
        for k, v in cells.items():
            rows.setdefault(k, []).append(v)
    return pd.DataFrame(rows, index=[a["occupation_title"], b["occupation_title"]]).T.rename_axis(
        ""
    )


def gap_table(result: dict) -> pd.DataFrame:
    """Both occupations' pay and the gap (second minus first), in dollars and percent."""
    a, b = result["occupations"]
    rows = {}
    for field in (
        "annual_wage_median",
        "hourly_wage_median",
        "annual_wage_mean",
        "hourly_wage_mean",
    ):
        x, y = a[field], b[field]
        absolute, percent, _ = (None, None, None) if x is None or y is None else gap_values(x, y)
        rows[field] = {
            a["soc_code"]: x,
            b["soc_code"]: y,
            "gap_usd": None if absolute is None else round(absolute, 2),
            "gap_pct": percent,
            "topcoded": field in a["topcoded_fields"] or field in b["topcoded_fields"],
        }
    return pd.DataFrame.from_dict(rows, orient="index")


def sources_table(result: dict) -> pd.DataFrame:
    """The sources a :func:`~careerstats.compare` result rests on."""
    return pd.DataFrame(result["sources"])[["title", "release", "path"]]


#: How :func:`industry_frame` heads the columns of an industries result.
INDUSTRY_LABELS = {
    "industry_code": "NAICS",
    "industry_title": "industry",
    "employment": "jobs",
    "employment_share_pct": "share %",
    "annual_wage_median": "median $/yr",
    "annual_wage_mean": "mean $/yr",
    "mean_ci90": "mean 90% interval",
}


def industry_frame(found: pd.DataFrame) -> pd.DataFrame:
    """An :func:`~careerstats.analysis.industries.industries` result laid out for reading:
    formatted numbers, the mean's interval as one cell, '-' where BLS publishes nothing."""
    out = pd.DataFrame(
        {
            "industry_code": found["industry_code"],
            "industry_title": found["industry_title"],
            "employment": [cell(_number(v)) for v in found["employment"]],
            "employment_share_pct": [
                "-" if pd.isna(v) else f"{v:.1f}" for v in found["employment_share_pct"]
            ],
            "annual_wage_median": [cell(_number(v)) for v in found["annual_wage_median"]],
            "annual_wage_mean": [cell(_number(v)) for v in found["annual_wage_mean"]],
            "mean_ci90": [
                "-" if pd.isna(lo) else f"{lo:,.0f}-{hi:,.0f}"
                for lo, hi in zip(
                    found["annual_wage_mean_low"], found["annual_wage_mean_high"], strict=True
                )
            ],
        }
    )
    return out.rename(columns=INDUSTRY_LABELS)


def _number(value: object) -> float | None:
    return None if pd.isna(value) else float(value)  # type: ignore[arg-type]
