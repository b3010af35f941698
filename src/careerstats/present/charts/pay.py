"""Notebook 02: pay across the distribution, over the years and across the states."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from ..style import (
    HATCHES,
    LICENSURE_STYLE,
    MARKERS,
    finish,
    fit_layout,
    label_points,
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
from ..tilemap import plot_tile_map


# long function: one chart's drawing, step by step, as matplotlib reads it
@styled
def plot_wage_distribution(
    dist: pd.DataFrame, release: str | None = None, area: str = "National"
) -> Figure:
    """Percentile ranges (10th-90th, box 25th-75th, median tick), one row per occupation
    (from :func:`careerstats.analysis.wages.wage_distribution`)."""
    release = release_of(dist, release)
    fig, ax = new_figure(figsize=(8, 1.2 + 0.9 * len(dist)))
    pal = palette(dist.index)
    for i, (code, r) in enumerate(dist.iterrows()):
        soc = str(code)
        c = pal[soc]
        ax.plot([r["p10"], r["p90"]], [i, i], color=c, linewidth=2, solid_capstyle="butt")
        ax.barh(
            i,
            r["p75"] - r["p25"],
            left=r["p25"],
            height=0.45,
            color=c,
            hatch=HATCHES.get(soc, "//" if i % 2 else ""),
            edgecolor="#333333",
            linewidth=0.6,
        )
        ax.plot([r["median"]] * 2, [i - 0.3, i + 0.3], color="black", linewidth=2.5)
        ax.text(
            r["median"],
            i - 0.33,
            f"median ${r['median']:,.0f}",
            ha="center",
            va="bottom",
            fontsize=8.5,
        )
        ax.text(
            r["p10"],
            i,
            f"${r['p10'] / 1000:,.0f}k ",
            ha="right",
            va="center",
            fontsize=7.5,
            color="#444444",
        )
        ax.text(
            r["p90"],
            i,
            f" ${r['p90'] / 1000:,.0f}k",
            ha="left",
            va="center",
            fontsize=7.5,
            color="#444444",
        )
    ax.set_yticks(range(len(dist)), [wrap(t) for t in dist["occupation_title"]])
    ax.invert_yaxis()
    ax.set_ylim(len(dist) - 0.4, -0.75)
    ax.xaxis.set_major_formatter(usd_axis())
    ax.set_xlabel(
        "Annual wage, US dollars (line: 10th-90th percentile; box: 25th-75th; tick: median)"
    )
    ax.grid(axis="y", visible=False)
    a, b = dist.index[:2]
    ax.set_xlim(dist["p10"].min() * 0.78, dist["p90"].max() * 1.08)
    titles = dict(zip(dist.index, dist["occupation_title"], strict=True))
    ax.set_title(
        f"The middle half of {name(b, titles).lower()} earns "
        f"${dist.loc[b, 'p25'] / 1000:,.0f}k-${dist.loc[b, 'p75'] / 1000:,.0f}k; of "
        f"{name(a, titles).lower()}, ${dist.loc[a, 'p25'] / 1000:,.0f}k-"
        f"${dist.loc[a, 'p75'] / 1000:,.0f}k",
    )
    return finish(fig, oews_source(release) + f" {area}, cross-industry.")


def _gap_bars(ax, gap_pct: pd.Series) -> None:
    """The gap in percent, one labelled bar a year."""
    bars = ax.bar(gap_pct.index, gap_pct, color="#999999", edgecolor="#333333", linewidth=0.5)
    for bar, pct in zip(bars, gap_pct, strict=True):
        if pd.notna(pct):
            ax.text(
                bar.get_x() + bar.get_width() / 2,
                pct,
                f"{pct:.0f}%",
                ha="center",
                va="bottom" if pct >= 0 else "top",
                fontsize=8,
            )


@styled
def plot_pay_history(history: pd.DataFrame) -> Figure:
    """Median annual pay of both careers each year, and the gap in percent beneath (from
    :func:`careerstats.analysis.wages.pay_history`)."""
    a, b = history.columns[:2]
    titles = titles_of(history)
    fig, (top, bottom) = new_figure(
        nrows=2, figsize=(8, 6), sharex=True, gridspec_kw={"height_ratios": [2, 1]}
    )
    pal = palette((a, b))
    for k, soc in enumerate((a, b)):
        top.plot(
            history.index,
            history[soc],
            color=pal[soc],
            marker=MARKERS.get(soc, "os"[k]),
            linestyle="-" if k == 0 else "--",
            linewidth=2,
            label=name(soc, titles),
        )
    top.yaxis.set_major_formatter(usd_axis())
    top.set_ylabel("Median annual wage, USD")
    top.set_ylim(0, history[[a, b]].max().max() * 1.15)
    top.legend(loc="lower left")
    _gap_bars(bottom, history["gap_pct"])
    bottom.set_ylabel(f"Gap, % of\n{wrap(name(a, titles).lower(), 22)}'\nmedian")
    low, high = min(0.0, history["gap_pct"].min()), max(0.0, history["gap_pct"].max())
    pad = (high - low) * 0.25 or 1.0
    bottom.set_ylim(low - (pad if low < 0 else 0), high + pad)
    bottom.axhline(0, color="black", linewidth=0.8)
    bottom.set_xticks(list(history.index))
    first_mb3 = history.index[history["method"] == "MB3"].min()
    for axis in (top, bottom):
        axis.axvline(first_mb3 - 0.5, color="#555555", linestyle=":", linewidth=1)
    top.text(
        first_mb3 - 0.45,
        top.get_ylim()[1] * 0.04,
        "new BLS method (MB3) →",
        fontsize=8,
        color="#555555",
    )
    first, last = history.index.min(), history.index.max()
    g0, g1 = float(history.at[first, "gap_pct"]), float(history.at[last, "gap_pct"])
    trend = "reversed" if g0 * g1 < 0 else ("shrank" if abs(g1) < abs(g0) else "grew")
    top.set_title(
        f"The pay gap {trend}: {g0:.0f}% in {first}, {g1:.0f}% in {last} "
        f"(${float(history.at[last, 'gap_usd']):,.0f})"
    )
    bottom.set_xlabel("OEWS release (May of each year)")
    return finish(fig, f"Source: BLS OEWS national estimates, May {first}-May {last}.")


def plot_state_gap_map(area_gaps: pd.DataFrame, release: str | None = None) -> Figure:
    """Tile map of the lab-over-assistant median pay gap, percent, by state (from
    :func:`careerstats.analysis.wages.area_gaps` on the state table)."""
    release = release_of(area_gaps, release)
    gaps = area_gaps.set_index("area_state_code")["gap_pct"].astype(float)
    top, low = gaps.idxmax(), gaps.idxmin()
    return plot_tile_map(
        gaps,
        f"Lab technicians out-earn medical assistants most in {top} "
        f"({gaps[top]:+.0f}%), least in {low} ({gaps[low]:+.0f}%)",
        "Median annual wage of lab technologists and technicians over medical assistants, "
        "% difference",
        oews_source(release) + " State medians, cross-industry.",
        fmt="{:+.0f}%",
    )


@styled
def plot_licensure_pay(
    by_state: pd.DataFrame, release: str | None = None, measure: str = "annual_wage_median"
) -> Figure:
    """Each state's lab median pay, grouped by how the licensure sources describe it
    (from :func:`careerstats.analysis.wages.licensure_pay`)."""
    release = release_of(by_state, release)
    fig, ax = new_figure(figsize=(8, 3.8))
    groups = [g for g in LICENSURE_STYLE if g in set(by_state["licensure_agreement"])]
    labels: list[tuple[float, float, str]] = []
    for i, g in enumerate(groups):
        rows = by_state[(by_state["licensure_agreement"] == g)].dropna(subset=[measure])
        rows = rows.sort_values(measure)
        face, hatch, _ = LICENSURE_STYLE[g]
        jitter = [((k % 5) - 2) * 0.07 for k in range(len(rows))]
        ax.scatter(
            rows[measure],
            [i + j for j in jitter],
            s=36,
            color=face,
            edgecolor="#333333",
            linewidth=0.6,
            hatch=hatch,
            zorder=3,
        )
        med = rows[measure].median()
        ax.plot([med, med], [i - 0.3, i + 0.3], color="black", linewidth=2)
        ax.text(med, i + 0.34, f"median ${med:,.0f}", ha="center", va="top", fontsize=8)
        if g != "none list it":
            labels += [
                (float(x), i + j, str(code))
                for x, j, code in zip(rows[measure], jitter, rows["state_code"], strict=True)
            ]
    ax.set_yticks(range(len(groups)), [LICENSURE_STYLE[g][2] for g in groups])
    ax.invert_yaxis()
    ax.set_ylim(len(groups) - 0.45, -0.6)
    ax.xaxis.set_major_formatter(usd_axis())
    ax.set_xlabel("State median annual wage, clinical lab technologists and technicians, USD")
    med = by_state.groupby("licensure_agreement")[measure].median().astype(float)
    ax.set_title(
        f"States that license lab staff pay a median ${med['all list it']:,.0f} vs "
        f"${med['none list it']:,.0f}: a description, not a cause"
    )
    fit_layout(fig)  # labels are placed where the final layout puts their points
    label_points(ax, labels)
    return finish(fig, oews_source(release) + " Licensure: data/licensure.csv.")


@styled
def plot_real_pay_history(history: pd.DataFrame) -> Figure:
    """Each career's median in nominal and in real dollars, every release (from
    :func:`careerstats.analysis.wages.wage_history`)."""
    titles = titles_of(history)
    socs = list(dict.fromkeys(history["soc_code"]))
    pal = palette(socs)
    dollars = str(history["dollars_of"].iloc[0])
    fig, ax = new_figure(figsize=(8, 4.6))
    change = {}
    for k, soc in enumerate(socs):
        rows = history[history["soc_code"] == soc]
        ax.plot(
            rows["year"],
            rows["value_real"],
            color=pal[soc],
            linewidth=2.2,
            marker=MARKERS.get(soc, "os"[k % 2]),
            markersize=4,
            label=f"{name(soc, titles)}, {dollars} dollars",
        )
        ax.plot(
            rows["year"],
            rows["value_nominal"],
            color=pal[soc],
            linewidth=1.2,
            linestyle=":",
            label=f"{name(soc, titles)}, nominal",
        )
        first, last = rows.iloc[0], rows.iloc[-1]
        change[soc] = (last["value_real"] / first["value_real"] - 1) * 100
    first_mb3 = int(history.loc[history["method"] == "MB3", "year"].min())
    ax.axvline(first_mb3 - 0.5, color="#555555", linestyle=":", linewidth=1)
    ax.text(
        first_mb3 - 0.45,
        ax.get_ylim()[0],
        " new BLS method (MB3) →",
        fontsize=8,
        color="#555555",
        va="bottom",
    )
    ax.yaxis.set_major_formatter(usd_axis())
    ax.set_ylabel("Median annual wage, USD")
    ax.set_xlabel("OEWS release (May of each year)")
    ax.set_xticks(sorted(set(history["year"])))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2, fontsize=8)
    first_year, last_year = int(history["year"].min()), int(history["year"].max())
    parts = [
        f"{name(s, titles).lower()}' median {'rose' if c >= 0 else 'fell'} {abs(c):.0f}%"
        for s, c in change.items()
    ]
    ax.set_title(wrap(f"In {dollars} dollars, since May {first_year}: " + "; ".join(parts), 64))
    return finish(
        fig,
        f"Sources: BLS OEWS national estimates, May {first_year}-May "
        f"{last_year}; BLS CPI-U (CUUR0000SA0) for May of each year.",
    )


def plot_cost_adjusted_gap_map(adjusted: pd.DataFrame) -> Figure:
    """Tile map of the median gap in dollars at each state's prices (from
    :func:`careerstats.analysis.wages.cost_adjusted_gaps`)."""
    release = release_of(adjusted)
    gaps = adjusted.set_index("area_state_code")["gap_usd_cost_adjusted"].astype(float) / 1000
    top, low = gaps.idxmax(), gaps.idxmin()
    parities = adjusted.attrs.get("parities", "price parities")
    return plot_tile_map(
        gaps,
        wrap(
            f"At state prices, the lab-over-assistant median gap is widest in {top} "
            f"(${gaps[top]:,.0f}k), narrowest in {low} (${gaps[low]:,.0f}k)",
            72,
        ),
        f"Median annual wage gap, thousand USD at U.S. prices ({parities})",
        oews_source(release) + f" BEA {parities}, applied to {release} wages: an "
        "approximation. BEA publishes no parity for territories.",
        fmt="{:.0f}",
    )
