"""Notebook 07: where the occupations work, and what the same job pays in each industry."""

from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.figure import Figure

from ..style import (
    finish,
    name,
    new_figure,
    oews_source,
    palette,
    release_of,
    styled,
    titles_of,
    usd_axis,
    wrap,
)

#: Industry names longer than this wrap onto a second line in the tick labels.
LABEL_WIDTH = 34


def _label(title: str) -> str:
    return "\n".join(textwrap.wrap(title, LABEL_WIDTH, max_lines=2, placeholder="..."))


def _socs(found: pd.DataFrame) -> list[str]:
    return list(dict.fromkeys(found["soc_code"]))


def _finish_panels(fig: Figure, title: str, source: str) -> Figure:
    """One finding title over the occupations' panels, then the source line."""
    fig.suptitle(wrap(title, 70), x=0.01, ha="left", fontsize=12, fontweight="bold")
    fig.tight_layout()
    return finish(fig, source)


@styled
def plot_industry_shares(found: pd.DataFrame) -> Figure:
    """Each occupation's industries by share of its national jobs, one panel per
    occupation (from :func:`careerstats.analysis.industries.industries`)."""
    socs = _socs(found)
    titles, colors = titles_of(found), palette(socs)
    rows = max(int((found["soc_code"] == s).sum()) for s in socs)
    fig, axes = new_figure(
        nrows=len(socs), figsize=(8, 0.42 * rows * len(socs) + 1.6), squeeze=False
    )
    leads = []
    for ax, soc in zip(axes[:, 0], socs, strict=True):
        mine = found[found["soc_code"] == soc].reset_index(drop=True)
        share = mine["employment_share_pct"].astype(float).fillna(0)
        y = range(len(mine))[::-1]
        ax.barh(list(y), share, color=colors[soc], height=0.65)
        for yi, value, pct in zip(y, share, mine["employment_share_pct"], strict=True):
            text = "not released" if pd.isna(pct) else f"{value:.1f}%"
            ax.text(value + 0.8, yi, text, va="center", fontsize=8)
        ax.set_yticks(list(y), [_label(t) for t in mine["industry_title"]], fontsize=8)
        ax.set_xlim(0, max(100.0, float(share.max()) + 12))
        ax.set_title(name(soc, titles), fontsize=10, loc="left")
        ax.grid(axis="y", visible=False)
        if len(mine):
            leads.append(
                f"{name(soc, titles).lower()}: {share.iloc[0]:.0f}% in "
                f"{mine['industry_title'].iloc[0].lower()}"
            )
    level = found.attrs.get("naics_level", "")
    axes[-1, 0].set_xlabel(
        "Share of the occupation's national jobs, percent ("
        + ("NAICS sectors" if level == "sector" else f"{level} NAICS industries")
        + ")"
    )
    return _finish_panels(
        fig,
        "Where they work: " + "; ".join(leads),
        oews_source(release_of(found))
        + " National industry estimates; self-employed workers are not counted.",
    )


# long function: one chart's drawing, step by step, as matplotlib reads it
@styled
def plot_industry_pay(found: pd.DataFrame) -> Figure:
    """Median and mean annual wage of each occupation in each of its industries, the mean
    with its 90% interval, against the occupation's national median (from
    :func:`careerstats.analysis.industries.industries`)."""
    socs = _socs(found)
    titles, colors = titles_of(found), palette(socs)
    national = found.attrs.get("national", {})
    rows = max(int((found["soc_code"] == s).sum()) for s in socs)
    fig, axes = new_figure(
        nrows=len(socs), figsize=(8, 0.42 * rows * len(socs) + 1.8), squeeze=False, sharex=True
    )
    spreads = []
    for ax, soc in zip(axes[:, 0], socs, strict=True):
        mine = found[found["soc_code"] == soc].reset_index(drop=True)
        y = list(range(len(mine)))[::-1]
        ax.hlines(
            y,
            mine["annual_wage_mean_low"].astype(float),
            mine["annual_wage_mean_high"].astype(float),
            color=colors[soc],
            linewidth=3,
            alpha=0.45,
        )
        ax.scatter(
            mine["annual_wage_mean"].astype(float),
            y,
            marker="|",
            s=120,
            color=colors[soc],
            label="mean, with 90% interval",
        )
        ax.scatter(
            mine["annual_wage_median"].astype(float),
            y,
            marker="o",
            s=28,
            color="black",
            zorder=3,
            label="median",
        )
        mid = (national.get(soc) or {}).get("annual_wage_median")
        if mid is not None:
            ax.axvline(mid, color="#555555", linestyle="--", linewidth=1)
            ax.text(
                mid,
                len(mine) - 0.4,
                f"national median ${mid:,.0f}",
                fontsize=8,
                ha="center",
                va="bottom",
                color="#333333",
            )
        ax.set_yticks(y, [_label(t) for t in mine["industry_title"]], fontsize=8)
        ax.set_ylim(-0.7, len(mine) + 0.4)
        ax.set_title(name(soc, titles), fontsize=10, loc="left", pad=14)
        ax.grid(axis="y", visible=False)
        medians = mine.dropna(subset=["annual_wage_median"])
        if len(medians) > 1:
            hi = medians.loc[medians["annual_wage_median"].astype(float).idxmax()]
            lo = medians.loc[medians["annual_wage_median"].astype(float).idxmin()]
            spreads.append(
                f"{name(soc, titles).lower()} ${float(lo['annual_wage_median']):,.0f} to "
                f"${float(hi['annual_wage_median']):,.0f}"
            )
    axes[0, 0].legend(loc="lower right", fontsize=8)
    axes[-1, 0].xaxis.set_major_formatter(usd_axis())
    axes[-1, 0].set_xlabel("Annual wage, USD (median; mean with its 90% interval)")
    return _finish_panels(
        fig,
        "Same job, different employer: the median across these industries runs from "
        + "; ".join(spreads),
        oews_source(release_of(found))
        + " National industry estimates; intervals from BLS's wage RSEs (none published "
        "for the median).",
    )
