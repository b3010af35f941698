"""Notebook 03: BLS's projections, cycle by cycle, and how past ones fared."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from ..style import (
    HATCHES,
    MARKERS,
    finish,
    name,
    new_figure,
    palette,
    styled,
    thousands_axis,
    titles_of,
    wrap,
)


def _order(outlook: pd.DataFrame) -> list[str]:
    """Occupations in the order the outlook table lists them."""
    return list(dict.fromkeys(outlook.index.get_level_values("soc_code")))


@styled
def plot_outlook_by_cycle(outlook: pd.DataFrame) -> Figure:
    """Projected ten-year percent change, cycle by cycle, for each occupation (from
    :func:`careerstats.analysis.growth.outlook`)."""
    titles = titles_of(outlook)
    table = outlook["employment_change_pct"].unstack("soc_code")
    socs = _order(outlook)
    fig, ax = new_figure(figsize=(8, 4))
    width = 0.8 / len(socs)
    x = range(len(table))
    pal = palette(socs)
    for k, soc in enumerate(socs):
        pos = [i - 0.4 + width * (k + 0.5) for i in x]
        bars = ax.bar(
            pos,
            table[soc],
            width=width * 0.95,
            color=pal[soc],
            hatch=HATCHES.get(soc, "//" if k % 2 else ""),
            edgecolor="#333333",
            linewidth=0.6,
            label=name(soc, titles),
        )
        for bar, v in zip(bars, table[soc], strict=True):
            if pd.isna(v):
                continue
            ax.text(
                bar.get_x() + bar.get_width() / 2,
                v,
                f"{v:.1f}%",
                ha="center",
                va="bottom",
                fontsize=7.5,
            )
    ax.set_xticks(list(x), [f"{c}" for c in table.index])
    ax.set_xlabel("Employment Projections cycle (base year-target year)")
    ax.set_ylabel("Projected change over ten years, %")
    ax.set_ylim(0, table.max().max() * 1.2)
    ax.legend(loc="upper right")
    ax.grid(axis="x", visible=False)
    a, b = socs[:2]
    first, last = table.index[0], table.index[-1]

    def moved(soc: str) -> str:
        x, y = float(table.at[first, soc]), float(table.at[last, soc])
        return (
            f"{name(soc, titles).lower()} {'fell' if y < x else 'rose'} from {x:.1f}% to {y:.1f}%"
        )

    ax.set_title(f"Projected growth, {first} to {last}: {moved(b)}; {moved(a)}")
    return finish(fig, "Source: BLS Employment Projections, cycles " + ", ".join(table.index) + ".")


@styled
def plot_cycle_projections(outlook: pd.DataFrame) -> Figure:
    """Each cycle's base and projected employment, joined by a line, one panel a career
    (from :func:`careerstats.analysis.growth.outlook`)."""
    titles = titles_of(outlook)
    socs = _order(outlook)
    fig, axes = new_figure(ncols=len(socs), figsize=(9, 4), sharey=False)
    axes = [axes] if len(socs) == 1 else list(axes)
    cycles = list(outlook.index.get_level_values("cycle").unique())
    pal = palette(socs)
    for ax, soc in zip(axes, socs, strict=True):
        rows = outlook.xs(soc, level="soc_code")
        for k, (cycle, r) in enumerate(rows.iterrows()):
            shade = 0.35 + 0.65 * k / max(len(cycles) - 1, 1)
            ax.plot(
                [r["base_year"], r["target_year"]],
                [r["employment_base"], r["employment_projected"]],
                color=pal[soc],
                alpha=shade,
                linewidth=1.8,
                marker=MARKERS.get(soc, "o"),
                markersize=4,
            )
            if k in (0, len(rows) - 1):  # label the oldest and the newest cycle
                ax.annotate(
                    cycle,
                    (r["target_year"], r["employment_projected"]),
                    xytext=(4, 0),
                    textcoords="offset points",
                    fontsize=8,
                    va="center",
                )
        ax.plot(
            rows["base_year"],
            rows["employment_base"],
            color="black",
            linestyle=":",
            linewidth=1,
            label="base-year employment",
        )
        ax.set_title(wrap(name(soc, titles), 40), fontsize=10)
        ax.yaxis.set_major_formatter(thousands_axis())
        ax.set_xlabel("Year")
        ax.set_xlim(rows["base_year"].min() - 1, rows["target_year"].max() + 4)
        ax.set_ylim(0, rows[["employment_base", "employment_projected"]].max().max() * 1.15)
    axes[0].set_ylabel("Employment, jobs (all workers)")
    axes[0].legend(loc="lower left")
    fig.suptitle(
        "Every cycle projects growth; the dotted line is where employment went",
        x=0.01,
        y=1.04,
        ha="left",
        fontweight="bold",
        fontsize=12,
    )
    return finish(
        fig,
        "Source: BLS Employment Projections, cycles "
        + ", ".join(cycles)
        + ". Lines join each cycle's base and target year.",
    )


@styled
def plot_openings(outlook: pd.DataFrame) -> Figure:
    """Annual openings (growth plus replacement), cycle by cycle (from
    :func:`careerstats.analysis.growth.outlook`)."""
    titles = titles_of(outlook)
    table = outlook["openings_annual"].unstack("soc_code").dropna(how="all")
    socs = [s for s in _order(outlook) if s in table.columns]
    fig, ax = new_figure(figsize=(8, 3.8))
    pal = palette(socs)
    for k, soc in enumerate(socs):
        ax.plot(
            table.index,
            table[soc],
            color=pal[soc],
            marker=MARKERS.get(soc, "os"[k % 2]),
            linestyle="-" if k % 2 == 0 else "--",
            linewidth=2,
            label=name(soc, titles),
        )
        last = table[soc].iloc[-1]
        ax.annotate(
            f"{last:,.0f}",
            (table.index[-1], last),
            xytext=(5, 0),
            textcoords="offset points",
            va="center",
        )
    ax.yaxis.set_major_formatter(thousands_axis())
    ax.set_ylim(0, table.max().max() * 1.2)
    ax.set_ylabel("Openings per year, jobs")
    ax.set_xlabel(
        "Employment Projections cycle (2014-24 published a 10-year total under "
        "an older method: not shown)"
    )
    ax.legend(loc="center right")
    a, b = socs[:2]
    last = table.index[-1]
    openings_last = table.loc[last].astype(float)
    big, small = (a, b) if openings_last[a] >= openings_last[b] else (b, a)
    ax.set_title(
        f"{name(big, titles)}: {openings_last[big] / openings_last[small]:.1f}× the "
        f"yearly openings of {name(small, titles).lower()} ({last})"
    )
    return finish(fig, "Source: BLS Employment Projections, occupational openings, annual average.")


def _track_title(track: pd.DataFrame, titles: dict) -> str:
    """The finding: the first cycle to reach its target year, each career's error."""
    hits = track[track["is_target_year"]]
    if not len(hits):
        return "No cycle has reached its target year yet: interim readings only"
    cycle = hits["cycle"].iloc[0]
    parts = [
        f"{name(r['soc_code'], titles).lower()} {r['error_pct']:+.0f}%"
        for _, r in hits[hits["cycle"] == cycle].iterrows()
    ]
    return wrap(f"{cycle} projections against what happened: " + ", ".join(parts), 66)


@styled
def plot_track_record(track: pd.DataFrame) -> Figure:
    """Projection error at each later base year, target years marked (from
    :func:`careerstats.analysis.growth.track_record`)."""
    titles = titles_of(track)
    fig, ax = new_figure(figsize=(8, 4))
    pal = palette(track["soc_code"].unique())
    for code, rows in track.groupby("soc_code", sort=False):
        soc = str(code)
        for _, r in rows.groupby("cycle"):
            ax.plot(
                r["year"],
                r["error_pct"],
                color=pal[soc],
                alpha=0.55,
                linewidth=1,
                marker=MARKERS.get(soc, "o"),
                markersize=3,
            )
        hit = rows[rows["is_target_year"]]
        ax.scatter(
            hit["year"],
            hit["error_pct"],
            s=90,
            color=pal[soc],
            edgecolor="black",
            zorder=4,
            marker=MARKERS.get(soc, "o"),
            label=f"{name(soc, titles)}: target year reached",
        )
        for _, r in hit.iterrows():
            ax.annotate(
                f"{r['cycle']}: {r['error_pct']:+.1f}%",
                (r["year"], r["error_pct"]),
                xytext=(-8, 0),
                textcoords="offset points",
                ha="right",
                va="center",
                fontsize=8,
            )
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_ylabel("Observed minus projected, % of projected")
    ax.set_xlabel(
        "Later base year (small markers: even-rate path between base and target, "
        "an interim reading)"
    )
    ax.legend(loc="lower left", fontsize=8)
    ax.set_title(_track_title(track, titles))
    return finish(
        fig,
        "Source: BLS Employment Projections; observed = later cycles' "
        "base-year employment (all workers, incl. self-employed).",
    )
