"""A tile-grid map of the United States: one equal square per state, DC and Puerto Rico.

Tiles keep every state the same size, so small states (DC, RI, DE) stay readable. The
layout follows the common "statebins" arrangement; Guam and the Virgin Islands, which BLS
also publishes, are not placed.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from .style import finish, new_figure, styled, text_color_on

_ROWS: list[list[str | None]] = [
    ["AK", None, None, None, None, None, None, None, None, None, "ME"],
    [None, None, None, None, None, None, None, None, None, "VT", "NH"],
    ["WA", "ID", "MT", "ND", "MN", "IL", "WI", "MI", "NY", "RI", "MA"],
    ["OR", "NV", "WY", "SD", "IA", "IN", "OH", "PA", "NJ", "CT", None],
    ["CA", "UT", "CO", "NE", "MO", "KY", "WV", "VA", "MD", "DE", None],
    [None, "AZ", "NM", "KS", "AR", "TN", "NC", "SC", "DC", None, None],
    [None, None, None, "OK", "LA", "MS", "AL", "GA", None, None, None],
    ["HI", None, None, "TX", None, None, None, None, "FL", None, "PR"],
]

#: state postal code -> (row, column), row 0 at the top
LAYOUT: dict[str, tuple[int, int]] = {
    code: (r, c) for r, row in enumerate(_ROWS) for c, code in enumerate(row) if code
}
N_ROWS = len(_ROWS)
N_COLS = max(len(row) for row in _ROWS)


def tile_axes(ax) -> None:
    """Set ``ax`` up for a tile map: the grid's extent, square tiles, no axis lines."""
    ax.set_xlim(-0.1, N_COLS + 0.1)
    ax.set_ylim(N_ROWS + 0.1, -0.1)
    ax.set_aspect("equal")
    ax.axis("off")


@styled
def plot_tile_map(
    values: pd.Series, title: str, label: str, source: str, fmt: str = "{:.0f}"
) -> Figure:
    """A tile map coloured by a number per state code (cividis: readable in greyscale)."""
    from matplotlib import colormaps
    from matplotlib.colors import Normalize
    from matplotlib.patches import Rectangle

    fig, ax = new_figure(figsize=(9, 6.2))
    tile_axes(ax)
    shown = values.reindex(list(LAYOUT))
    norm = Normalize(float(shown.min()), float(shown.max()))
    cmap = colormaps["cividis"]
    for code, (r, c) in LAYOUT.items():
        v = shown.get(code)
        face = "#FFFFFF" if pd.isna(v) else cmap(norm(v))
        ax.add_patch(
            Rectangle(
                (c + 0.04, r + 0.04),
                0.92,
                0.92,
                facecolor=face,
                edgecolor="#666666",
                linewidth=0.6,
                hatch="///" if pd.isna(v) else "",
            )
        )
        txt = "black" if pd.isna(v) else text_color_on(face)
        ax.text(
            c + 0.5,
            r + 0.38,
            code,
            ha="center",
            va="center",
            fontsize=9,
            fontweight="bold",
            color=txt,
        )
        ax.text(
            c + 0.5,
            r + 0.7,
            "n/a" if pd.isna(v) else fmt.format(v),
            ha="center",
            va="center",
            fontsize=7.5,
            color=txt,
        )
    from matplotlib.cm import ScalarMappable

    bar = fig.colorbar(
        ScalarMappable(norm=norm, cmap=cmap),
        ax=ax,
        orientation="horizontal",
        fraction=0.04,
        pad=0.02,
        aspect=40,
    )
    bar.set_label(label)
    ax.set_title(title)
    return finish(fig, source)
