"""Notebook 04: renewals and licensure."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from ..style import LICENSURE_STYLE, MARKERS, color, finish, new_figure, styled, wrap
from ..tilemap import LAYOUT, tile_axes


@styled
def plot_recertification_timeline(schedule: pd.DataFrame, years: int = 15) -> Figure:
    """Renewal points over a career of ``years`` years, one row per credential."""
    fig, ax = new_figure(figsize=(8, 2.8))
    rows = list(schedule.groupby("soc_code", sort=False))
    for i, (code, r) in enumerate(rows):
        soc = str(code)
        ax.hlines(i, 0, years, color="#BBBBBB", linewidth=1)
        ax.scatter(
            r["year"],
            [i] * len(r),
            s=120,
            color=color(soc),
            edgecolor="black",
            marker=MARKERS.get(soc, "o"),
            zorder=3,
        )
        for y in r["year"]:
            ax.text(y, i + 0.22, f"{y:g}", ha="center", fontsize=8)
        ax.text(years + 0.3, i, f"{len(r)} renewals", va="center", fontsize=9)
    ax.set_yticks(range(len(rows)), [wrap(r["program_name"].iloc[0], 26) for _, r in rows])
    ax.set_ylim(len(rows) - 0.4, -0.6)
    ax.set_xlim(0, years + 2.5)
    ax.set_xticks(range(0, years + 1, 1))
    ax.set_xlabel("Years after first certification")
    ax.grid(axis="y", visible=False)
    counts = [len(r) for _, r in rows]
    ax.set_title(
        f"Over {years} years: {counts[0]} CMA renewals (every 60 months) against "
        f"{counts[1]} ASCP cycles (every 3 years)"
    )
    return finish(
        fig,
        "Sources: AAMA recertification policies; ASCP Board of Certification "
        "CMP FAQ (data/recertification.csv).",
    )


@styled
def plot_licensure_map(licensure: pd.DataFrame) -> Figure:
    """Where laboratory personnel need a state licence, by source agreement."""
    from matplotlib.patches import Patch, Rectangle

    fig, ax = new_figure(figsize=(9, 6))
    tile_axes(ax)
    by_code = licensure.set_index("state_code")
    for code, (r, c) in LAYOUT.items():
        row = by_code.loc[code]
        face, hatch, _ = LICENSURE_STYLE[str(row["licensure_agreement"])]
        ax.add_patch(
            Rectangle(
                (c + 0.04, r + 0.04),
                0.92,
                0.92,
                facecolor=face,
                hatch=hatch,
                edgecolor="#555555",
                linewidth=0.6,
            )
        )
        txt = "white" if face == "#0072B2" else "black"
        ax.text(
            c + 0.5,
            r + 0.5,
            code,
            ha="center",
            va="center",
            fontsize=9,
            fontweight="bold",
            color=txt,
        )
    ax.legend(
        handles=[
            Patch(facecolor=f, hatch=h, edgecolor="#555555", label=lab)
            for f, h, lab in LICENSURE_STYLE.values()
        ],
        loc="lower center",
        bbox_to_anchor=(0.5, -0.08),
        ncol=3,
    )
    counts = licensure["licensure_agreement"].value_counts()
    disputed = ", ".join(
        licensure.loc[licensure["licensure_agreement"] == "sources disagree", "state_name"]
    )
    ax.set_title(
        f"{counts.get('all list it', 0)} jurisdictions license lab personnel by "
        f"every source; {disputed} are disputed"
    )
    others = " and ".join(licensure.loc[licensure["other_list_source_url"].notna(), "state_name"])
    return finish(
        fig,
        f"Sources: the article ({int(licensure['is_listed_article'].sum())} "
        f"jurisdictions); ASCLS licensure page ({int(licensure['is_listed_ascls'].sum())}); "
        f"other lists naming {others} (data/licensure.csv).",
    )
