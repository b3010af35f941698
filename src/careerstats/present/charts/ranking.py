"""Rankings with their sampling error (from :func:`careerstats.analysis.rank.rank`): each
area's value with its interval, and each area's joint interval of ranks."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
from matplotlib.figure import Figure

from ..style import finish, name, new_figure, oews_source, styled, usd_axis, wrap

#: One colour per call against the nation (Okabe-Ito).
VERDICT_COLORS = {"above": "#0072B2", "cannot tell": "#999999", "below": "#E69F00"}
VERDICT_LABELS = {
    "above": "above the nation",
    "cannot tell": "cannot be told apart",
    "below": "below the nation",
}


def _rows(
    ranking: Mapping[str, Any], limit: int | None = None, areas: tuple[str, ...] = ()
) -> pd.DataFrame:
    """The rows that carry intervals (the first ``limit`` and any in ``areas``), highest
    value at the top of the chart."""
    rows = pd.DataFrame(ranking["rows"])
    rows = rows[rows["value_ci90"].notna()].reset_index(drop=True)
    if limit is not None:
        rows = rows[(rows.index < limit) | rows["area_code"].isin(areas)]
    rows = rows.iloc[::-1].reset_index(drop=True)
    rows["label"] = rows["area_state_code"].where(
        (ranking["by"] == "state") & rows["area_state_code"].notna(), rows["area_title"]
    )
    return rows


def _what(ranking: Mapping[str, Any]) -> str:
    codes, titles = ranking["soc_codes"], ranking["titles"]
    measure = ranking["measure_title"].lower()
    if ranking["cost_adjusted"]:
        measure += " at U.S. prices"
    if len(codes) == 1:
        return f"{measure}, {name(codes[0], titles).lower()}"
    return f"{measure}, {name(codes[1], titles).lower()} minus {name(codes[0], titles).lower()}"


def _counts_title(ranking: Mapping[str, Any], lead: str) -> str:
    vs = ranking["vs_national"]
    c, u = vs["counts"], vs["uncorrected_counts"]
    counts = wrap(
        f"Against the nation ({vs['family_wise_alpha']:.0%} family-wise, Holm): "
        f"{c['above']} above, {c['below']} below, {c['cannot tell']} cannot be told apart "
        f"(each test alone: {u['above']}, {u['below']}, {u['cannot tell']})",
        55,
    )
    return f"{wrap(lead, 55)}\n{counts}" if lead else counts


def _legend_and_source(fig: Figure, ax: Any, ranking: Mapping[str, Any], extra: str) -> Figure:
    ax.legend(loc="lower right", fontsize=8)
    ax.grid(axis="y", visible=False)
    prices = (
        f" At U.S. prices: BEA's {ranking['price_parities']}." if ranking["cost_adjusted"] else ""
    )
    return finish(fig, oews_source(ranking["release"]) + f" {extra}{prices}")


@styled
def plot_gap_intervals(ranking: Mapping[str, Any]) -> Figure:
    """Each area's value (or gap) with its 90% interval, coloured by its call against the
    national value (Holm-corrected)."""
    rows = _rows(ranking)
    fig, ax = new_figure(figsize=(8, 0.16 * len(rows) + 1.9))
    for verdict, color in VERDICT_COLORS.items():
        sel = rows[rows["vs_national"] == verdict]
        low = [v[0] for v in sel["value_ci90"]]
        high = [v[1] for v in sel["value_ci90"]]
        ax.hlines(sel.index, low, high, color=color, linewidth=1.6)
        label = f"{VERDICT_LABELS[verdict]} ({len(sel)})"
        ax.scatter(sel["value"], sel.index, s=18, color=color, zorder=3, label=label)
    national = ranking["national_value"]
    ax.axvline(national, color="black", linewidth=1, linestyle="--")
    ax.text(national, len(rows) - 0.3, f" national ${national:,.0f}", fontsize=8, va="bottom")
    ax.set_yticks(rows.index, rows["label"], fontsize=7)
    ax.set_ylim(-1, len(rows) + 1)
    ax.xaxis.set_major_formatter(usd_axis())
    what = _what(ranking)
    ax.set_xlabel(
        wrap(f"{what[0].upper()}{what[1:]}, USD; lines: {ranking['level']:.0%} intervals", 90)
    )
    ax.set_title(_counts_title(ranking, ""))
    return _legend_and_source(
        fig, ax, ranking, "Mean wages and BLS's relative standard errors; intervals of a gap "
        "assume independent estimates.",
    )  # fmt: skip


@styled
def plot_rank_intervals(
    ranking: Mapping[str, Any], limit: int | None = None, areas: tuple[str, ...] = ()
) -> Figure:
    """Each area's rank (1 = highest) and its joint 90% interval of ranks (Klein, Wright
    and Wieczorek), coloured by its call against the national value; only the first
    ``limit`` areas and those in ``areas`` (codes) when ``limit`` is given (the intervals
    are always those of the whole ranking)."""
    rows = _rows(ranking, limit, areas)
    rows = rows[rows["rank_ci90"].notna()].reset_index(drop=True)
    fig, ax = new_figure(figsize=(8, 0.16 * len(rows) + 1.9))
    for verdict, color in VERDICT_COLORS.items():
        sel = rows[rows["vs_national"] == verdict]
        best = [v[0] for v in sel["rank_ci90"]]
        worst = [v[1] for v in sel["rank_ci90"]]
        ax.hlines(sel.index, best, worst, color=color, linewidth=2.4, alpha=0.8)
        label = f"{VERDICT_LABELS[verdict]} ({len(sel)})"
        ax.scatter(sel["rank"], sel.index, s=16, color="black", zorder=3, marker="|")
        ax.plot([], [], color=color, linewidth=2.4, label=label)
    ax.set_yticks(rows.index, rows["label"], fontsize=7)
    ax.set_ylim(-1, len(rows) + 1)
    ax.set_xlim(0, ranking["rank_intervals"]["areas"] + 1)
    ax.invert_xaxis()
    ax.set_xlabel(
        wrap(
            f"Rank by {_what(ranking)} (1 = highest); bars: joint {ranking['level']:.0%} "
            "intervals of ranks, ticks: the ranks of the point estimates",
            90,
        )
    )
    total = ranking["rank_intervals"]["areas"]
    shown = "" if len(rows) == total else f" ({len(rows)} of {total} shown)"
    lead = (
        f"Joint {ranking['level']:.0%} intervals of ranks: every area's rank lies in its bar "
        f"at once{shown}."
    )
    ax.set_title(_counts_title(ranking, lead))
    return _legend_and_source(
        fig, ax, ranking, "Rank intervals after Klein, Wright and Wieczorek (JRSS C, 2020), "
        f"{ranking['rank_intervals']['method']} variant.",
    )  # fmt: skip
