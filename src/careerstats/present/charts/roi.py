"""Notebook 06: return on training."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from ..style import (
    MARKERS,
    finish,
    name,
    new_figure,
    oews_source,
    palette,
    release_of,
    styled,
    text_color_on,
    titles_of,
    wrap,
)


@styled
def plot_cumulative_earnings(
    table: pd.DataFrame, years: float | None, release: str | None = None
) -> Figure:
    """Both paths' cumulative net earnings, with the break-even year marked (from
    :func:`careerstats.analysis.roi.compare_paths`)."""
    release = release_of(table, release)
    titles = titles_of(table)
    a, b = table.columns[:2]
    pal = palette((a, b))
    fig, ax = new_figure(figsize=(8, 4.2))
    for k, soc in enumerate((a, b)):
        ax.plot(
            table.index,
            table[soc],
            color=pal[soc],
            linewidth=2.2,
            linestyle="-" if k == 0 else "--",
            marker=MARKERS.get(soc, "os"[k]),
            markersize=4,
            label=name(soc, titles),
        )
    if years is not None and years > 0:
        ax.axvline(years, color="black", linestyle=":", linewidth=1)
        ax.annotate(
            f"break-even\nyear {years:.1f}",
            (years, 0),
            xytext=(4, 8),
            textcoords="offset points",
            fontsize=8,
        )
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"${v / 1000:,.0f}k"))
    ax.set_ylabel("Cumulative earnings minus training cost, USD")
    ax.set_xlabel("Years from the start of training")
    ax.legend(loc="upper left")
    path = f"The {name(b, titles).lower()} path"
    if years is None:
        ax.set_title(f"{path} does not catch up within {int(table.index.max())} years")
    elif years == 0:
        ax.set_title(f"{path} is ahead from the start")
    else:
        ax.set_title(
            f"{path} catches up after {years:.1f} years and is "
            f"${table['difference'].iloc[-1]:,.0f} ahead by year "
            f"{int(table.index.max())}",
        )
    return finish(
        fig,
        oews_source(release) + " Starting wages at the chosen percentile; training time, "
        "cost and growth are assumptions (notebook 06), their defaults from the article, "
        "BLS's CPI-U (real growth) and NCES's IPEDS (program cost).",
    )


@styled
def plot_break_even_sensitivity(
    sens: pd.DataFrame, second: str, release: str | None = None
) -> Figure:
    """Break-even year by the second path's training cost and the starting percentile
    (from :func:`careerstats.analysis.roi.sensitivity`)."""
    release = release_of(sens, release)
    titles = titles_of(sens)
    from matplotlib import colormaps

    fig, ax = new_figure(figsize=(8, 0.9 + 0.45 * len(sens)))
    values = sens.to_numpy(dtype=float)
    cmap = colormaps["cividis_r"].with_extremes(bad="#FFFFFF")
    image = ax.imshow(np.ma.masked_invalid(values), cmap=cmap, aspect="auto")
    for (i, j), v in np.ndenumerate(values):
        face = cmap(image.norm(v)) if not np.isnan(v) else (1, 1, 1, 1)
        ax.text(
            j,
            i,
            "never" if np.isnan(v) else f"{v:.1f}",
            ha="center",
            va="center",
            fontsize=8.5,
            color="black" if np.isnan(v) else text_color_on(face),
        )
    ax.set_xticks(
        range(sens.shape[1]),
        [c.replace("p", "") + ("th" if c != "median" else "") for c in sens.columns],
    )
    ax.set_yticks(range(len(sens)), [f"${c:,.0f}" for c in sens.index])
    ax.set_xlabel("Starting wage percentile (both paths), BLS distribution")
    ax.set_ylabel(f"Training cost,\n{wrap(name(second, titles).lower(), 24)}")
    ax.grid(False)
    fig.colorbar(image, ax=ax, label="Break-even year", fraction=0.04, pad=0.02)
    finite = sens.stack().dropna()
    ax.set_title(
        f"Break-even ranges from {finite.min():.1f} to {finite.max():.1f} years "
        "with cost and pay level"
        if len(finite)
        else "No break-even in range"
    )
    return finish(
        fig,
        oews_source(release) + " Cells: years until the second path's "
        "cumulative net earnings catch up; 'never' = not within the horizon.",
    )
