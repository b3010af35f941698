"""Tables for people to read, made from a :func:`careerstats.compare` result.

The result itself is data (see :mod:`careerstats.analysis.compare`); these functions lay
it out for the command line, the notebooks and the report.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from ..analysis._common import BLS_REASONS, plain
from ..analysis.industries import industry_label
from ..analysis.pay import gap_values
from ..measures import PERCENTILE_LABELS, WAGE_FIELDS
from ..tables.dictionary import title
from .display import figure, hourly, jobs, percent, usd

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


def comparison_frame(result: Mapping[str, Any]) -> pd.DataFrame:
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


def csv_cells(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with every cell as CSV text, rounded as careerstats shows figures: to the
    cent at most (half-even, :data:`~careerstats.measures.ROUNDING`), whole numbers
    without ``.0``, booleans as true/false, missing values empty."""

    def text(value: object) -> str:
        if isinstance(value, float) and not pd.isna(value):
            value = round(value, 2)
        return _csv_text(plain(value) if not isinstance(value, str) else value)

    out = frame.astype(object).map(text)
    out.index = [text(i) for i in frame.index]
    return out


def comparison_csv(result: Mapping[str, Any]) -> pd.DataFrame:
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


def _usd_or_bound(value, topcoded: bool, decimals: int = 0, missing: str = "not published") -> str:
    if value is None:
        return missing
    return ("at least " if topcoded else "") + usd(value, decimals)


def bls_side_by_side(
    result: Mapping[str, Any], requirements: pd.DataFrame | None = None
) -> pd.DataFrame:
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
        year = int(result["year"])
        annual = _usd_or_bound(
            e["annual_wage_median"],
            "annual_wage_median" in top,
            missing=not_published(e, "annual_wage_median", year),
        )
        hourly = _usd_or_bound(
            e["hourly_wage_median"],
            "hourly_wage_median" in top,
            2,
            missing=not_published(e, "hourly_wage_median", year),
        )
        cells = {
            f"Number employed ({place}, OEWS {release})": not_published(e, "employment", year)
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


def gap_table(result: Mapping[str, Any]) -> pd.DataFrame:
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


def sources_table(result: Mapping[str, Any]) -> pd.DataFrame:
    """The sources a :func:`~careerstats.compare` result rests on."""
    return pd.DataFrame(result["sources"])[["title", "release", "path"]]


#: How :func:`industry_frame` heads the columns of an industries result.
#: Columns of the dictionary take its titles; the rest say what they are in this table.
INDUSTRY_LABELS = {
    "industry_title": title("industry_title"),
    "employment": "Jobs",
    "employment_share_pct": "Share of its jobs",
    "annual_wage_median": title("annual_wage_median"),
    "annual_wage_mean": title("annual_wage_mean"),
    "mean_ci90": "Mean, 90% interval",
}


def industry_frame(found: pd.DataFrame, by_occupation: bool = False) -> pd.DataFrame:
    """An :func:`~careerstats.analysis.industries.industries` result laid out for reading:
    formatted numbers, the mean's interval as one cell, BLS's reason where it publishes
    nothing ('-' for a wage: see the result's ``unpublished_note``). ``by_occupation``
    indexes the rows by the occupation's title (``attrs["titles"]``), for several
    occupations in one table."""
    missing = NOT_PUBLISHED_REASONS["not_released"]
    out = pd.DataFrame(
        {
            "industry_title": [
                industry_label(c, t)
                for c, t in zip(found["industry_code"], found["industry_title"], strict=True)
            ],
            "employment": [missing if pd.isna(v) else f"{v:,.0f}" for v in found["employment"]],
            "employment_share_pct": [
                missing if pd.isna(v) else percent(v) for v in found["employment_share_pct"]
            ],
            "annual_wage_median": [
                "-" if pd.isna(v) else usd(v) for v in found["annual_wage_median"]
            ],
            "annual_wage_mean": ["-" if pd.isna(v) else usd(v) for v in found["annual_wage_mean"]],
            "mean_ci90": [
                "-" if pd.isna(lo) else f"{usd(lo)}-{usd(hi)}"
                for lo, hi in zip(
                    found["annual_wage_mean_low"], found["annual_wage_mean_high"], strict=True
                )
            ],
        }
    )
    out = out.rename(columns=INDUSTRY_LABELS)
    if by_occupation:
        titles = found.attrs.get("titles", {})
        out.index = pd.Index([titles.get(c, c) for c in found["soc_code"]], name="Occupation")
    return out


# --- tables for the report: every number formatted, every gap explained ------------------

#: "not published (BLS footnote 8: estimate not released)", ... for each of BLS's reasons.
NOT_PUBLISHED_REASONS = {
    key: f"not published ({reason})" for key, reason in BLS_REASONS.items() if key != "topcoded"
}


def not_published(entry: dict, field: str, year: int) -> str:
    """Why ``field`` of a :func:`~careerstats.compare` occupation entry is missing, in BLS's
    terms: footnote 4 (hourly or annual only) or, for the flat-file release (May 2025 on),
    footnote 8; for the XLSX releases, marker * or **."""
    if field.startswith("hourly") and entry.get("is_annual_only"):
        return NOT_PUBLISHED_REASONS["annual_only"]
    if field.startswith("annual") and entry.get("is_hourly_only"):
        return NOT_PUBLISHED_REASONS["hourly_only"]
    if year >= FLAT_FILE_FIRST_YEAR:
        return NOT_PUBLISHED_REASONS["not_released"]
    return NOT_PUBLISHED_REASONS["employment_marker" if field == "employment" else "wage_marker"]


#: The first May release careerstats reads from BLS's flat files (footnote codes).
FLAT_FILE_FIRST_YEAR = 2025
#: The measures of :func:`gap_display`, with their human labels.
GAP_ROWS = {
    f: title(f)
    for f in ("annual_wage_median", "hourly_wage_median", "annual_wage_mean", "hourly_wage_mean")
}


def _money(entry: dict, field: str, year: int) -> str:
    value = entry[field]
    if value is None:
        return not_published(entry, field, year)
    text = hourly(value) if field.startswith("hourly") else usd(value)
    return ("at least " if field in entry["topcoded_fields"] else "") + text


def gap_display(result: Mapping[str, Any]) -> pd.DataFrame:
    """:func:`gap_table` for people: both occupations' pay, and how much more the second
    earns (dollars and percent of the first), formatted; top-coded values are "at least"."""
    a, b = result["occupations"]
    year = int(result["year"])
    rows = {}
    for field, label in GAP_ROWS.items():
        x, y = a[field], b[field]
        if x is None or y is None:
            difference = share = "no gap: a value is not published"
        else:
            absolute, pct, _ = gap_values(x, y)
            sign = "+" if absolute >= 0 else "-"
            money = hourly(abs(absolute)) if field.startswith("hourly") else usd(abs(absolute))
            bounded = field in a["topcoded_fields"] or field in b["topcoded_fields"]
            difference = ("about " if bounded else "") + sign + money
            share = f"{pct:+.1f}%"
        rows[label] = {
            a["occupation_title"]: _money(a, field, year),
            b["occupation_title"]: _money(b, field, year),
            "Difference (second minus first)": difference,
            "Difference, % of the first": share,
        }
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("")


def history_display(history: pd.DataFrame, titles: dict[str, str]) -> pd.DataFrame:
    """:func:`~careerstats.analysis.wages.pay_history` for people: each May's medians,
    the gap in dollars and percent, and BLS's estimation method."""
    codes = [c for c in history.columns if c not in ("gap_usd", "gap_pct", "method")]
    out = pd.DataFrame(index=[f"May {y}" for y in history.index])
    for code in codes:
        out[f"{titles.get(code, code)}, median per year"] = [
            "not published" if pd.isna(v) else usd(v) for v in history[code]
        ]
    out["Gap"] = ["-" if pd.isna(v) else usd(v) for v in history["gap_usd"]]
    out["Gap, % of the first"] = ["-" if pd.isna(v) else percent(v) for v in history["gap_pct"]]
    out["BLS method"] = list(history["method"])
    return out.rename_axis("OEWS release")


def outlook_display(outlook: pd.DataFrame, titles: dict[str, str]) -> pd.DataFrame:
    """:func:`~careerstats.analysis.growth.outlook` for people: each cycle's projection,
    in jobs and percent, national."""
    rows = []
    for (cycle, soc), r in outlook.iterrows():
        openings = r["openings_annual"]
        rows.append(
            {
                "Projection cycle": str(cycle),
                "Occupation": titles.get(str(soc), str(soc)),
                "Employment at the start": jobs(r["employment_base"]),
                "Projected employment": jobs(r["employment_projected"]),
                "Growth": percent(float(r["employment_change_pct"])),
                "Openings per year": "not published for this cycle (a 10-year total instead)"
                if pd.isna(openings)
                else jobs(openings),
            }
        )
    return pd.DataFrame(rows).set_index(["Projection cycle", "Occupation"])


def _amount(value: object, measure: str) -> str:
    """A ranked value for people: dollars, dollars an hour, jobs, or a plain number."""
    if value is None:
        return "not published"
    number = float(value)  # type: ignore[arg-type]  # a ranked value is a number
    if measure.startswith("hourly_wage"):
        return ("-" if number < 0 else "") + hourly(abs(number))
    if "_wage_" in measure:
        return ("-" if number < 0 else "") + usd(abs(number))
    if measure == "employment":
        return jobs(number)
    return f"{number:,.2f}"


def _ranks(span: object) -> str:
    if not isinstance(span, list):
        return "none (no standard error)"
    return str(span[0]) if span[0] == span[1] else f"{span[0]} to {span[1]}"


def _reliable(row: dict) -> str:
    if row["reliable"] is None:
        return "-"
    return "yes" if row["reliable"] else "no: " + "; ".join(row["unreliable_because"])


def ranking_display(
    result: Mapping[str, Any], top: int | None = 10, areas: tuple[str, ...] = ()
) -> pd.DataFrame:
    """A :func:`careerstats.rank` result for people: the first ``top`` areas (all with
    None) and any others named in ``areas`` (codes), with their ranks, joint rank
    intervals, values, intervals, calls against the nation and reliability, formatted."""
    rows = result["rows"]
    chosen = [r for i, r in enumerate(rows) if top is None or i < top or r["area_code"] in areas]
    measure = result["measure"]
    value_title = (
        result["measure_title"]
        + (", gap" if len(result["soc_codes"]) == 2 else "")
        + (" at U.S. prices" if result["cost_adjusted"] else "")
    )
    out = pd.DataFrame(
        {
            "Rank": ["-" if r["rank"] is None else str(r["rank"]) for r in chosen],
            "Rank, joint 90% interval": [_ranks(r["rank_ci90"]) for r in chosen],
            value_title: [_amount(r["value"], measure) for r in chosen],
            "90% interval": [
                "-"
                if r["value_ci90"] is None
                else f"{_amount(r['value_ci90'][0], measure)} to "
                f"{_amount(r['value_ci90'][1], measure)}"
                for r in chosen
            ],
            "Against the nation": [r["vs_national"] or "-" for r in chosen],
            "Reliable": [_reliable(r) for r in chosen],
        },
        index=pd.Index([r["area_title"] for r in chosen], name="Area"),
    )
    notes = [r.get("note") for r in chosen]
    if any(notes):
        out["Note"] = [n or "" for n in notes]
    return out


def rank_moves_display(moves: pd.DataFrame, n: int = 5) -> pd.DataFrame:
    """:func:`~careerstats.analysis.rank.rank_moves` for people: the ``n`` largest moves,
    each rank with its joint interval before and after."""
    head = moves.head(n)
    return pd.DataFrame(
        {
            "Rank before": head["rank_before"].astype(str).to_numpy(),
            "Joint 90% interval before": [_ranks(v) for v in head["rank_ci90_before"]],
            "Rank after": head["rank_after"].astype(str).to_numpy(),
            "Joint 90% interval after": [_ranks(v) for v in head["rank_ci90_after"]],
            "Intervals overlap": [
                "-" if v is None else ("yes" if v else "no") for v in head["intervals_overlap"]
            ],
        },
        index=pd.Index(head["area_title"].to_numpy(), name="Area"),
    )


# --- return on training -----------------------------------------------------------------

#: How each assumption of a return-on-training comparison is titled and shown.
ASSUMPTION_ROWS = {
    "first_training_years": ("Training, first path", "years"),
    "second_training_years": ("Training, second path", "years"),
    "first_training_cost": ("Training cost, first path", "usd"),
    "second_training_cost": ("Training cost, second path", "usd"),
    "first_wage_growth_pct": ("Real wage growth a year, first path", "percent"),
    "second_wage_growth_pct": ("Real wage growth a year, second path", "percent"),
    "earnings_during_training": ("Share of pay earned while training", "percent_share"),
    "start_percentile": ("Starting point in the pay distribution", "percentile"),
    "horizon": ("Years compared", "years"),
    "sensitivity_costs": ("Second path's costs the sensitivity table tries", "usd"),
}


def _assumed(value: object, unit: str) -> str:
    if unit == "percent_share":
        return percent(float(value) * 100, 0)  # type: ignore[arg-type]  # a share
    if unit == "percentile":
        return PERCENTILE_LABELS[str(value)]
    if isinstance(value, list | tuple):
        return ", ".join(figure(v, unit) for v in value)
    return figure(value, unit)


def assumptions_display(found: Mapping[str, Any]) -> pd.DataFrame:
    """The assumptions of :func:`careerstats.analysis.roi.assumptions` for people: each
    value in its unit, where it comes from (or that it is yours to set), and its note."""
    rows = {
        label: {
            "Value": _assumed(found[key].value, unit),
            "Source": found[key].source or "yours to set",
            "Note": found[key].note,
        }
        for key, (label, unit) in ASSUMPTION_ROWS.items()
        if key in found
    }
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("Assumption")


def program_costs_display(costs: list[pd.Series]) -> pd.DataFrame:
    """:func:`~careerstats.analysis.roi.training_costs` of several programs for people."""
    return pd.DataFrame(
        {
            "Programs IPEDS prices": [f"{int(c['programs']):,}" for c in costs],
            "25th percentile": [usd(c["p25"]) if c["programs"] else "-" for c in costs],
            "Median": [usd(c["median"]) if c["programs"] else "-" for c in costs],
            "75th percentile": [usd(c["p75"]) if c["programs"] else "-" for c in costs],
        },
        index=pd.Index([f"CIP {c.name}" for c in costs], name="Program"),
    )


def sensitivity_display(sens: pd.DataFrame) -> pd.DataFrame:
    """:func:`~careerstats.analysis.roi.sensitivity` for people: break-even years by the
    second path's training cost and the starting percentile."""
    out = pd.DataFrame(
        {
            f"Start at the {PERCENTILE_LABELS[p]}": [
                "not within the horizon" if pd.isna(v) else f"{float(v):.1f} years" for v in sens[p]
            ]
            for p in sens.columns
        },
        index=pd.Index([usd(float(c)) for c in sens.index], name="Second path's training cost"),
    )
    return out
