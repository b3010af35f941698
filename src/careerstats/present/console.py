"""What the command line prints: each command's result as text, CSV rows or JSON records.

``cli.py`` parses arguments and calls; every line it prints is laid out here, with the
formatters of :mod:`.tables`.
"""

from __future__ import annotations

import pandas as pd

from ..analysis._common import plain
from ..analysis.compare import Comparison
from ..analysis.rank import Ranking
from .tables import cell, comparison_frame, csv_cells, industry_frame

#: What a row limit cut says, and how to see the rest.
MORE = "... {n} more (--top N, or --format json)"


def comparison_text(result: Comparison) -> str:
    """A comparison as the command line shows it: the releases, the table, its notes and
    its sources."""
    cycle = (result["occupations"][0]["projection"] or {}).get("cycle", "n/a")
    lines = [
        f"{result['area']['area_title']}, OEWS {result['release']}; projections {cycle} (national)",
        comparison_frame(result).map(cell).to_string(),
    ]
    notes = sorted({f for o in result["occupations"] for f in o["topcoded_fields"]})
    if notes:
        lines.append("top-coded (value is a lower bound): " + ", ".join(notes))
    lines += [
        "intervals: 90% confidence from BLS's relative standard errors (none for the "
        "median: BLS publishes no RSE for percentiles); reliable: every RSE at most 30%",
        f"price level: {result['area']['price_parity_note']}",
        "sources: " + "; ".join(f"{s['title']} <{s['path']}>" for s in result["sources"]),
    ]
    return "\n".join(lines)


def history_records(found: pd.DataFrame) -> list[dict]:
    """A :func:`~careerstats.analysis.wages.wage_history` result as JSON records."""
    return [
        {
            "year": int(r["year"]),
            "release": r["release"],
            "soc_code": r["soc_code"],
            "measure": r["measure"],
            "value_nominal": plain(r["value_nominal"]),
            "value_real": None if plain(r["value_real"]) is None else round(r["value_real"], 2),
            "dollars_of": r["dollars_of"],
        }
        for _, r in found.iterrows()
    ]


def history_frame(found: pd.DataFrame, codes: list[str], dollars: str) -> pd.DataFrame:
    """A wage history wide: one row a year, one column an occupation (nominal or real
    ``dollars``), and the estimation method, its change marked."""
    column = "value_real" if dollars == "real" else "value_nominal"
    wide = found.pivot(index="year", columns="soc_code", values=column)[codes]
    wide.columns = [f"{c} {found.attrs['titles'].get(c, '')}".strip() for c in codes]
    method = found.drop_duplicates("year").set_index("year")["method"]
    wide["method"] = [
        f"{m} <- BLS's new method (MB3) starts"
        if m == "MB3" and (y - 1) in method.index and method[y - 1] != "MB3"
        else m
        for y, m in method.items()
    ]
    return wide


def history_text(found: pd.DataFrame, codes: list[str], dollars: str, place: str) -> str:
    """A wage history as the command line shows it: the measure, its unit and the area,
    then the table."""
    measure = str(found["measure"].iloc[0])
    unit = (
        f"{found['dollars_of'].iloc[0]} dollars (CPI-U for May of each year)"
        if dollars == "real"
        else "nominal dollars"
        if measure != "employment"
        else "jobs"
    )
    wide = history_frame(found, codes, dollars)
    table = wide.map(lambda v: v if isinstance(v, str) else cell(plain(v)))
    return f"{measure}, {unit}; {place}\n{table.to_string()}"


def industries_csv(found: pd.DataFrame) -> pd.DataFrame:
    """An :func:`~careerstats.analysis.industries.industries` result as CSV cells."""
    frame = found.drop(columns=["annual_wage_mean_low", "annual_wage_mean_high"])
    frame.insert(0, "release", found.attrs["release"])
    return csv_cells(frame)


def industries_text(found: pd.DataFrame, codes: list[str]) -> str:
    """Where occupations work, as the command line shows it: a table per occupation, its
    notes and what the figures are."""
    lines = [
        f"Where they work: {found.attrs['naics_level']} industries, nationally, OEWS "
        f"{found.attrs['release']} (BLS publishes industry estimates for the nation only)"
    ]
    for code in codes:
        national = found.attrs["national"].get(code, {})
        name = found.attrs["titles"].get(code, "")
        lines.append(f"\n{code} {name}: national median {cell(national.get('annual_wage_median'))}")
        lines.append(industry_frame(found[found["soc_code"] == code]).to_string(index=False))
    notes = found.dropna(subset=["unpublished_note"])
    for _, r in notes.iterrows():
        lines.append(f"note: {r['soc_code']} in {r['industry_title']}: {r['unpublished_note']}")
    lines.append(
        "share: of the occupation's national jobs (cross-industry); mean 90% interval from "
        "BLS's RSE (none for the median)"
    )
    return "\n".join(lines)


def trace_text(found: pd.DataFrame, top: int) -> str:
    """The first ``top`` matches of :func:`~careerstats.analysis.trace.trace`, and how
    many more there are."""
    head = found.head(top)
    text = head.to_string(index=False)
    if len(found) > len(head):
        text += "\n" + MORE.format(n=len(found) - len(head))
    return text


#: The columns of a ranking as the command line shows it, and as CSV writes it.
RANK_COLUMNS = {
    "rank": "rank",
    "rank_ci90": "rank, 90% joint interval",
    "area_title": "area",
    "value": "value",
    "value_ci90": "90% interval",
    "vs_national": "vs nation",
    "reliable": "reliable",
}


#: How each correction is named in a sentence.
CORRECTION_NAMES = {"holm": "Holm", "bonferroni": "Bonferroni", "none": "no correction"}


def _span(value: object) -> str:
    if not isinstance(value, list):
        return "-"
    low, high = value
    return cell(low) if low == high else f"{cell(low)} to {cell(high)}"


def ranking_head(result: Ranking) -> list[str]:
    """What a ranking is, in sentences: what is ranked, the release, the national value,
    the calls against it with and without the correction, the price levels, the notes."""
    codes = result["soc_codes"]
    titles = result["titles"]
    what = (
        f"{codes[0]} {titles[codes[0]]}"
        if len(codes) == 1
        else f"the gap {codes[1]} {titles[codes[1]]} minus {codes[0]} {titles[codes[0]]}"
    )
    areas = "states and territories" if result["by"] == "state" else "metro and nonmetro areas"
    prices = " at U.S. prices" if result["cost_adjusted"] else ""
    lines = [
        f"{result['measure_title']}{prices}: {what}; {result['areas']['ranked']} {areas} "
        f"ranked, OEWS {result['release']}; national value {cell(result['national_value'])}"
    ]
    method = result["rank_intervals"]["method"]
    if method:
        vs = result["vs_national"]
        c, u = vs["counts"], vs["uncorrected_counts"]
        lines.append(
            f"against the nation ({CORRECTION_NAMES[vs['correction']]}, "
            f"{vs['family_wise_alpha']:.0%} "
            f"family-wise): {c['above']} above, {c['below']} below, {c['cannot tell']} cannot "
            f"tell; each test alone at {vs['family_wise_alpha']:.0%}: {u['above']} above, "
            f"{u['below']} below, {u['cannot tell']} cannot tell"
        )
        lines.append(
            f"rank intervals: joint {result['level']:.0%} ({method} variant of "
            f"{result['rank_intervals']['reference']})"
        )
    if result["price_parities"]:
        lines.append(f"price levels: BEA's {result['price_parities']}")
    lines += [f"note: {n}" for n in result["notes"]]
    return lines


def ranking_frame(result: Ranking) -> pd.DataFrame:
    """A ranking's rows as the command line shows them: formatted cells, titled columns."""
    frame = pd.DataFrame(
        result["rows"], columns=[*RANK_COLUMNS, "note", "unreliable_because"], dtype=object
    )
    shown = pd.DataFrame(
        {
            RANK_COLUMNS["rank"]: [cell(v) for v in frame["rank"]],
            RANK_COLUMNS["rank_ci90"]: [_span(v) for v in frame["rank_ci90"]],
            RANK_COLUMNS["area_title"]: frame["area_title"],
            RANK_COLUMNS["value"]: [cell(v) for v in frame["value"]],
            RANK_COLUMNS["value_ci90"]: [_span(v) for v in frame["value_ci90"]],
            RANK_COLUMNS["vs_national"]: [v or "-" for v in frame["vs_national"]],
            RANK_COLUMNS["reliable"]: [
                cell(v) + (f" ({'; '.join(w)})" if w else "")
                for v, w in zip(frame["reliable"], frame["unreliable_because"], strict=True)
            ],
        }
    )
    notes = frame["note"].fillna("")
    shown.loc[notes != "", RANK_COLUMNS["value"]] = "- (" + notes[notes != ""] + ")"
    return shown


def ranking_text(result: Ranking, top: int | None) -> str:
    """A ranking as the command line shows it: its head, then the first ``top`` rows."""
    rows = ranking_frame(result)
    head = rows if top is None else rows.head(top)
    text = "\n".join([*ranking_head(result), head.to_string(index=False)])
    if len(rows) > len(head):
        text += "\n" + MORE.format(n=len(rows) - len(head))
    return text


def ranking_csv(result: Ranking) -> pd.DataFrame:
    """A ranking's rows as CSV cells: the intervals split into low and high columns."""
    out = []
    for r in result["rows"]:
        rank_ci, value_ci = r["rank_ci90"] or [None, None], r["value_ci90"] or [None, None]
        out.append(
            {
                "release": result["release"],
                "measure": result["measure"],
                "area_code": r["area_code"],
                "area_title": r["area_title"],
                "value": r["value"],
                "value_ci90_low": value_ci[0],
                "value_ci90_high": value_ci[1],
                "rank": r["rank"],
                "rank_ci90_best": rank_ci[0],
                "rank_ci90_worst": rank_ci[1],
                "vs_national": r["vs_national"],
                "vs_national_uncorrected": r["vs_national_uncorrected"],
                "reliable": r["reliable"],
                "note": r["note"],
            }
        )
    return csv_cells(pd.DataFrame(out))


def requirements_text(found: pd.DataFrame) -> str:
    """What employers require, as the command line shows it: the release, one table per
    group with the occupations side by side, the footnotes, and what is not published."""
    from .requirements import estimates_side_by_side

    level = round(found.attrs.get("level", 0.9) * 100)
    from ..analysis.requirements import NEWEST

    newest = f"ORS {NEWEST}"
    which = (
        "the newest release available here"
        if found.attrs["release"] == newest
        else f"{newest} is newer"
    )
    lines = [
        f"What employers require: BLS's Occupational Requirements Survey, "
        f"{found.attrs['release']} ({which}); each estimate with its {level}% interval from "
        "BLS's standard error"
    ]
    parts = found.attrs.get("parts", {})
    for code, found_parts in parts.items():
        if found_parts != [code]:
            lines.append(
                f"{code} is published by ORS as {' and '.join(found_parts)}: shown side by "
                "side, never averaged"
            )
    if len(found):
        table, notes = estimates_side_by_side(found)
        for group, rows in table.groupby(level="Group", sort=False):
            lines.append(f"\n{group}")
            lines.append(rows.droplevel("Group").to_string())
        lines += ["", *notes]
    for note in found.attrs.get("not_published", []):
        lines.append(f"note: {note}")
    return "\n".join(lines)
