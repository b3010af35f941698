"""Sentences of notebook 06 (return on training), for any pair and any assumptions."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from ...analysis.roi import Assumption, costs_given
from ...measures import PERCENTILE_LABELS
from .compare import md_text
from .pay import usd_text


def _years(value: object) -> str:
    years = float(value)  # type: ignore[arg-type]  # an assumption's number of years
    return f"{years:g} year" + ("" if years == 1 else "s")


def _number(value: object) -> float:
    return float(value)  # type: ignore[arg-type]  # an assumption's amount


def assumptions_sentence(found: dict[str, Assumption], titles: dict[str, str]) -> str:
    """What the comparison assumes about training, said first: the years and costs of
    each path and where they come from, and, when no cost was given, that both are USD 0."""
    a, b = (md_text(t) for t in titles.values())
    years = (
        f"Training takes {_years(found['first_training_years'].value)} for {a} and "
        f"{_years(found['second_training_years'].value)} for {b} "
        f"({md_text(found['second_training_years'].note)}; source: "
        f"{md_text(found['second_training_years'].source or 'yours to set')})."
    )
    if not costs_given(found):
        return (
            "**No training costs were given, so both paths are priced at USD 0:** the "
            "break-even below counts only the earnings given up while training. Set "
            "`cost_a` and `cost_b` (or `careerstats report --cost-a --cost-b`) to price "
            "them. " + years
        )
    costs = [found[k] for k in ("first_training_cost", "second_training_cost")]
    priced = "; ".join(
        f"{name} {usd_text(_number(c.value))} ({md_text(c.source or 'yours to set')})"
        for name, c in zip((a, b), costs, strict=True)
    )
    return f"Training costs, whole program: {priced}. " + years


def starting_sentence(starts: dict[str, float], percentile: str, titles: dict[str, str]) -> str:
    """Each path's starting wage at ``percentile``."""
    parts = [f"{usd_text(v)} a year for {md_text(titles.get(s, s))}" for s, v in starts.items()]
    return f"Starting pay at the {PERCENTILE_LABELS[percentile]}: " + " and ".join(parts) + "."


def break_even_sentence(table: pd.DataFrame, years: float | None) -> str:
    """When the second path catches up, and how its lead runs to the horizon (from
    :func:`~careerstats.analysis.roi.compare_paths`)."""
    titles = table.attrs.get("titles", {})
    b = md_text(titles.get(table.columns[1], table.columns[1]))
    horizon = int(table.index.max())
    difference = table["difference"].astype(float)
    end = float(difference.iloc[-1])
    if years is None:
        return (
            f"With these assumptions the path of {b} does not catch up within {horizon} "
            f"years: it ends {usd_text(abs(end))} behind."
        )
    if years == 0:
        return f"With these assumptions the path of {b} is never behind."
    low = float(difference.min())
    peak_year = int(difference.idxmax())
    return (
        f"With these assumptions the path of {b} falls up to {usd_text(abs(low))} behind and "
        f"catches up after **{years:.1f} years**. Its lead peaks at "
        f"{usd_text(float(difference.max()))} in year {peak_year} and is {usd_text(end)} "
        f"after {horizon} years" + (", shrinking at the end." if peak_year < horizon else ".")
    )


def sensitivity_sentence(sens: pd.DataFrame) -> str:
    """The range of break-even years over training costs and starting percentiles (from
    :func:`~careerstats.analysis.roi.sensitivity`)."""
    cells: list[tuple[float, Any, str]] = [
        (float(v), cost, pct)
        for pct in sens.columns
        for cost, v in sens[pct].items()
        if not math.isnan(float(v))
    ]
    total = sens.size
    if not cells:
        return "In no combination tried does the second path catch up within the horizon."
    fastest, slowest = min(cells), max(cells)

    def where(cell: tuple[float, Any, str]) -> str:
        return f"a cost of {usd_text(float(cell[1]))}, {PERCENTILE_LABELS[cell[2]]}"

    never = total - len(cells)
    return (
        f"Break-even comes after {fastest[0]:.1f} years at the earliest ({where(fastest)}) "
        f"and {slowest[0]:.1f} years at the latest ({where(slowest)})"
        + (
            f"; in {never} of the {total} combinations the second path does not catch up "
            "within the horizon."
            if never
            else "."
        )
    )
