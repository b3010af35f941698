"""Notebook 01: the article's own figures, charted."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from ... import occupations as occ
from ...analysis.claims import projection_paths
from ...analysis.growth import check_change
from ...analysis.pay import pay_gap
from ...tables.dictionary import axis_label
from ..style import HATCHES, MARKERS, color, finish, new_figure, styled, thousands_axis, usd_axis

ARTICLE_SOURCE = (
    "Source: the article 'Certified Medical Assistant vs. Medical Lab "
    "Technician' (medicaltechnologyschools.com), citing BLS (2021)."
)


@styled
def plot_article_pay(wide: pd.DataFrame) -> Figure:
    """Median annual pay of the two careers, as the article states it."""
    a, b = occ.ARTICLE_PAIR
    g = pay_gap(wide, a, b)
    rows = wide.set_index("soc_code").loc[[a, b]]
    fig, ax = new_figure(figsize=(8, 3.2))
    names = rows["article_occupation"].tolist()
    bars = ax.barh(
        names,
        rows["annual_wage_median"],
        color=[color(s) for s in rows.index],
        hatch=[HATCHES[s] for s in rows.index],
        edgecolor="#333333",
        linewidth=0.6,
    )
    for bar, (annual, hourly) in zip(
        bars, rows[["annual_wage_median", "hourly_wage_median"]].to_numpy(), strict=True
    ):
        ax.text(
            bar.get_width(),
            bar.get_y() + bar.get_height() / 2,
            f"  ${annual:,.0f} a year (${hourly:.2f}/h)",
            va="center",
        )
    ax.invert_yaxis()
    ax.set_xlim(0, rows["annual_wage_median"].max() * 1.45)
    ax.xaxis.set_major_formatter(usd_axis())
    ax.set_xlabel(axis_label("annual_wage_median"))
    ax.grid(axis="y", visible=False)
    ax.set_title(
        f"Lab technicians' median pay is ${g.annual.absolute:,.0f} a year "
        f"({g.annual.percent:.0f}%) above medical assistants'"
    )
    return finish(fig, ARTICLE_SOURCE)


@styled
def plot_article_projection(wide: pd.DataFrame, start: int = 2020, end: int = 2030) -> Figure:
    """Employment paths from the base year to the projection year, one line a career."""
    table = projection_paths(wide, start, end, occ.ARTICLE_PAIR)
    names = dict(zip(wide["soc_code"], wide["article_occupation"], strict=True))
    paths = {
        soc: pd.DataFrame({"year": table.index, "employment": table[soc].to_numpy()})
        for soc in table.columns
    }
    fig, ax = new_figure()
    for soc, path in paths.items():
        ax.plot(
            path["year"],
            path["employment"],
            color=color(soc),
            marker=MARKERS.get(soc),
            markersize=4,
            linewidth=2,
            label=names[soc],
        )
        last = path.iloc[-1]
        ax.annotate(
            f"{last['employment']:,.0f}",
            (last["year"], last["employment"]),
            xytext=(6, 0),
            textcoords="offset points",
            va="center",
        )
    first = {s: p["employment"].iloc[0] for s, p in paths.items()}
    added = {s: p["employment"].iloc[-1] - p["employment"].iloc[0] for s, p in paths.items()}
    a, b = list(paths)
    ax.set_ylim(0, max(p["employment"].max() for p in paths.values()) * 1.15)
    ax.yaxis.set_major_formatter(thousands_axis())
    ax.set_ylabel(axis_label("employment"))
    ax.set_xlabel("Year (even growth between BLS's base and target years)")
    ax.set_xlim(None, max(p["year"].max() for p in paths.values()) + 1.2)
    ax.legend(loc="center right")
    ax.set_title(
        f"Medical assistants add {added[a] / added[b]:.1f}× as many jobs "
        f"({added[a]:,.0f} vs {added[b]:,.0f}) from "
        f"{first[a] / first[b]:.1f}× the base"
    )
    return finish(fig, ARTICLE_SOURCE + " Paths: careerstats, constant annual rate.")


@styled
def plot_article_growth_check(wide: pd.DataFrame) -> Figure:
    """Stated new positions against what the stated (rounded) percent implies."""
    fig, ax = new_figure(figsize=(8, 3.6))
    rows = wide.set_index("soc_code").loc[list(occ.ARTICLE_PAIR)]
    labels, stated, implied = [], [], []
    for _, r in rows.iterrows():
        c = check_change(r["employment"], r["employment_change_pct"], r["employment_change"])
        labels.append(r["article_occupation"])
        stated.append(c.stated_change)
        implied.append(c.change_from_percent)
    y = range(len(labels))
    ax.barh(
        [i - 0.2 for i in y],
        stated,
        height=0.38,
        color=[color(s) for s in rows.index],
        edgecolor="#333333",
        linewidth=0.6,
        label="New positions the article states",
    )
    ax.barh(
        [i + 0.2 for i in y],
        implied,
        height=0.38,
        color="white",
        edgecolor=[color(s) for s in rows.index],
        hatch="xx",
        linewidth=1.2,
        label="Base × rounded percent",
    )
    for i, (s, m) in enumerate(zip(stated, implied, strict=True)):
        ax.text(s, i - 0.2, f"  {s:,.0f}", va="center")
        ax.text(m, i + 0.2, f"  {m:,.0f}", va="center")
    ax.set_yticks(list(y), labels)
    ax.invert_yaxis()
    ax.set_xlim(0, max(stated + implied) * 1.25)
    ax.xaxis.set_major_formatter(thousands_axis())
    ax.set_xlabel("New positions 2020-2030, jobs")
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower right")
    worst = max(range(len(labels)), key=lambda i: abs(stated[i] - implied[i]))
    pct = rows["employment_change_pct"].iloc[worst]
    ax.set_title(
        f"Base × {pct:g}% misses {labels[worst].lower()}s' new jobs by "
        f"{abs(stated[worst] - implied[worst]):,.0f}: the {pct:g}% is rounded"
    )
    return finish(fig, ARTICLE_SOURCE)
