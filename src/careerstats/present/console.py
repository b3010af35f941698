"""What the command line prints: each command's result as text, CSV rows or JSON records.

``cli.py`` parses arguments and calls; every line it prints is laid out here, with the
formatters of :mod:`.tables`.
"""

from __future__ import annotations

import pandas as pd

from ..analysis._common import plain
from ..analysis.compare import Comparison
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
