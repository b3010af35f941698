"""Notebook 08: what employers require (BLS's ORS), each estimate with its 90% interval."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from ..style import finish, new_figure, palette, styled, wrap

#: Each ORS code's marker, in the order the codes come.
_SHAPES = ("o", "s", "^", "D", "v", "P")
#: What each chart's title names, by ORS group.
_WHAT = {
    "education": "the least education employers require",
    "credentials": "the credentials employers require",
    "experience": "the experience and training employers require",
}


@styled
def plot_requirements(found: pd.DataFrame, group: str) -> Figure:
    """The percentage estimates of one ORS group (a
    :func:`~careerstats.analysis.requirements.requirements` result), one row per estimate,
    each occupation's point with its 90% interval side by side. An estimate BLS gives only
    as "less than X" is drawn as its interval from 0 to X, without a point."""
    rows = found[(found["ors_group"] == group) & (found["ors_data_type"] == "percent")]
    estimates = list(dict.fromkeys(rows["estimate"]))
    parts = list(dict.fromkeys(found["ors_soc_code"]))
    asked = dict(zip(found["ors_soc_code"], found["soc_code"], strict=False))
    colors = palette(list(dict.fromkeys(asked.values())))
    titles = dict(found.attrs.get("titles", {}))
    shapes = iter(_SHAPES)
    marker = {p: next(shapes) for p in parts}
    height = 0.42 * len(estimates) * max(1, len(parts)) / 2 + 2.2
    fig, ax = new_figure(figsize=(8.5, height))
    step = 0.8 / max(1, len(parts))
    for k, part in enumerate(parts):
        mine = rows[rows["ors_soc_code"] == part]
        y = [estimates.index(e) + (k - (len(parts) - 1) / 2) * step for e in mine["estimate"]]
        shade = colors[asked[part]]
        ax.hlines(y, mine["lower"], mine["upper"], color=shade, linewidth=2)
        none = "" if len(mine) else ": none published"
        ax.scatter(
            mine["value"],
            y,
            color=shade,
            edgecolor="black",
            marker=marker[part],
            zorder=3,
            s=30,
            label=wrap(f"{part} {titles.get(part, '')}{none}", 48),
        )
    ax.set_yticks(range(len(estimates)), [wrap(e, 38) for e in estimates], fontsize=8)
    ax.set_ylim(len(estimates) - 0.5, -0.5)
    ax.set_xlim(0, 100)
    ax.set_xlabel("Share of jobs, percent (point: BLS's estimate; line: 90% interval)")
    ax.grid(axis="y", visible=False)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=1, fontsize=8)
    ax.set_title(f"{_WHAT.get(group, group).capitalize()}, {found.attrs.get('release', '')}")
    return finish(
        fig,
        f"Source: BLS Occupational Requirements Survey, {found.attrs.get('release', '')} "
        "(data/requirements.csv.gz); intervals from BLS's standard errors. A row without an "
        "occupation's point: BLS publishes no such estimate for it.",
    )
