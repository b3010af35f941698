"""Every chart careerstats draws: one style, one colour per occupation, byte-stable files.

Each chart function takes tables and returns a matplotlib Figure whose title states the
finding, whose axes carry units, and which ends with a source line. :func:`save` writes
PNG and SVG without the volatile metadata (matplotlib version, date, random SVG ids), so
a rerun on the same package versions writes identical bytes. :data:`REGISTRY` lists
every chart the project publishes; ``careerstats charts`` draws them all.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from . import occupations as occ

#: Okabe-Ito colours: distinct for colour-blind readers; the article's pair is a dark
#: blue and a light orange, so the two stay apart in greyscale too.
COLORS = {
    occ.MEDICAL_ASSISTANTS: "#0072B2",
    occ.CLINICAL_LAB_TECHNOLOGISTS_AND_TECHNICIANS: "#E69F00",
    occ.ALL_OCCUPATIONS: "#7F7F7F",
}
_CYCLE = ["#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000"]
#: Hatches keep bars apart when printed in greyscale.
HATCHES = {occ.MEDICAL_ASSISTANTS: "", occ.CLINICAL_LAB_TECHNOLOGISTS_AND_TECHNICIANS: "//"}
MARKERS = {occ.MEDICAL_ASSISTANTS: "o", occ.CLINICAL_LAB_TECHNOLOGISTS_AND_TECHNICIANS: "s"}

STYLE = {
    "figure.figsize": (8, 4.5),
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#DDDDDD",
    "grid.linewidth": 0.6,
    "axes.axisbelow": True,
    "legend.frameon": False,
    "svg.hashsalt": "careerstats",
    "svg.fonttype": "path",
    "path.simplify": True,
    "text.parse_math": False,
}

#: Short names for legends; other codes use their code.
OCCUPATION_NAMES = {
    occ.MEDICAL_ASSISTANTS: "Medical assistants",
    occ.CLINICAL_LAB_TECHNOLOGISTS_AND_TECHNICIANS: "Clinical lab technologists and "
    "technicians",
    occ.ALL_OCCUPATIONS: "All occupations",
}

def name(soc: str, titles: dict[str, str] | None = None) -> str:
    """A short display name: the article pair's and the total's own, else BLS's title."""
    soc = occ.normalize_soc(soc)
    if soc in OCCUPATION_NAMES:
        return OCCUPATION_NAMES[soc]
    if titles and soc in titles:
        return titles[soc]
    from .load import load_table

    return load_table("occupations").set_index("soc_code").at[soc, "occupation_title"]


ARTICLE_SOURCE = ("Source: the article 'Certified Medical Assistant vs. Medical Lab "
                  "Technician' (medicaltechnologyschools.com), citing BLS (2021).")


def color(soc: str) -> str:
    """The colour of occupation ``soc``: fixed for the article's pair and the total; any
    other code gets a colour from the cycle, chosen by its digits so it is stable."""
    soc = occ.normalize_soc(soc)
    if soc in COLORS:
        return COLORS[soc]
    return _CYCLE[int(soc.replace("-", "")) % len(_CYCLE)]


def palette(socs) -> dict[str, str]:
    """Distinct colours for the occupations drawn together: the fixed ones where they have
    one (the article's pair, the total), otherwise :func:`color`'s choice, moved along the
    cycle when two would share it."""
    out: dict[str, str] = {}
    for soc in socs:
        soc = occ.normalize_soc(soc)
        c = color(soc)
        if soc not in COLORS and c in out.values():
            start = _CYCLE.index(c)
            c = next((x for k in range(1, len(_CYCLE) + 1)
                      if (x := _CYCLE[(start + k) % len(_CYCLE)]) not in out.values()), c)
        out[soc] = c
    return out


def usd(decimals: int = 0) -> FuncFormatter:
    return FuncFormatter(lambda v, _: f"${v:,.{decimals}f}")


def thousands() -> FuncFormatter:
    return FuncFormatter(lambda v, _: f"{v / 1000:,.0f}k")


def styled(draw: Callable[..., Figure]) -> Callable[..., Figure]:
    """Run a chart function inside the project style.

    The first pyplot figure of a session activates the backend, and Jupyter's inline
    backend switches interactive mode on as it does; leaving ``rc_context`` would switch
    it off again and later figures would not show inline, so that one setting is kept.
    """

    @functools.wraps(draw)
    def wrapper(*args, **kwargs) -> Figure:
        with plt.rc_context(STYLE):
            fig = draw(*args, **kwargs)
            interactive = matplotlib.is_interactive()
        matplotlib.interactive(interactive)
        return fig

    return wrapper


def new_figure(**kwargs) -> tuple[Figure, plt.Axes]:
    """A pyplot-managed figure (so notebooks show it inline); call it inside @styled."""
    return plt.subplots(**kwargs)


def finish(fig: Figure, source: str) -> Figure:
    """Add the source line under everything already drawn (axis labels included)."""
    height = fig.get_figheight()
    bottom = fig.get_tightbbox(fig.canvas.get_renderer()).y0  # inches, may be below 0
    fig.text(0.01, (bottom - 0.08) / height, source, ha="left", va="top", fontsize=8,
             color="#555555", wrap=True)
    return fig


def save(fig: Figure, stem: Path) -> list[Path]:
    """Write ``stem``.png and ``stem``.svg with volatile metadata removed."""
    stem = Path(stem)
    stem.parent.mkdir(parents=True, exist_ok=True)
    written = []
    with plt.rc_context(STYLE):
        for ext, meta in (("png", {"Software": None}), ("svg", {"Date": None, "Creator": None})):
            path = stem.with_suffix(f".{ext}")
            tmp = path.with_name(f".{path.name}.tmp")
            fig.savefig(tmp, format=ext, metadata=meta, bbox_inches="tight")
            tmp.replace(path)
            written.append(path)
    return written


# --- the article's figures ------------------------------------------------------------------


@styled
def article_pay(wide: pd.DataFrame) -> Figure:
    """Median annual pay of the two careers, as the article states it."""
    from .pay import pay_gap

    a, b = occ.ARTICLE_PAIR
    g = pay_gap(wide, a, b)
    rows = wide.set_index("soc_code").loc[[a, b]]
    fig, ax = new_figure(figsize=(8, 3.2))
    names = rows["article_occupation"].tolist()
    bars = ax.barh(names, rows["annual_wage_median"],
                   color=[color(s) for s in rows.index],
                   hatch=[HATCHES[s] for s in rows.index], edgecolor="#333333", linewidth=0.6)
    for bar, (annual, hourly) in zip(
            bars, rows[["annual_wage_median", "hourly_wage_median"]].to_numpy(), strict=True):
        ax.text(bar.get_width(), bar.get_y() + bar.get_height() / 2,
                f"  ${annual:,.0f} a year (${hourly:.2f}/h)", va="center")
    ax.invert_yaxis()
    ax.set_xlim(0, rows["annual_wage_median"].max() * 1.45)
    ax.xaxis.set_major_formatter(usd())
    ax.set_xlabel("Median pay, US dollars per year")
    ax.grid(axis="y", visible=False)
    ax.set_title(f"Lab technicians' median pay is ${g.annual.absolute:,.0f} a year "
                 f"({g.annual.percent:.0f}%) above medical assistants'")
    return finish(fig, ARTICLE_SOURCE)


@styled
def article_projection(wide: pd.DataFrame, start: int = 2020, end: int = 2030) -> Figure:
    """Employment paths from the base year to the projection year, one line a career."""
    from .comparison import projection_paths

    table = projection_paths(wide, start, end, occ.ARTICLE_PAIR)
    names = dict(zip(wide["soc_code"], wide["article_occupation"], strict=True))
    paths = {soc: pd.DataFrame({"year": table.index, "employment": table[soc].to_numpy()})
             for soc in table.columns}
    fig, ax = new_figure()
    for soc, path in paths.items():
        ax.plot(path["year"], path["employment"], color=color(soc), marker=MARKERS.get(soc),
                markersize=4, linewidth=2, label=names[soc])
        last = path.iloc[-1]
        ax.annotate(f"{last['employment']:,.0f}", (last["year"], last["employment"]),
                    xytext=(6, 0), textcoords="offset points", va="center")
    first = {s: p["employment"].iloc[0] for s, p in paths.items()}
    added = {s: p["employment"].iloc[-1] - p["employment"].iloc[0] for s, p in paths.items()}
    a, b = list(paths)
    ax.set_ylim(0, max(p["employment"].max() for p in paths.values()) * 1.15)
    ax.yaxis.set_major_formatter(thousands())
    ax.set_ylabel("Employment, jobs")
    ax.set_xlabel("Year (even growth between BLS's base and target years)")
    ax.set_xlim(None, max(p["year"].max() for p in paths.values()) + 1.2)
    ax.legend(loc="center right")
    ax.set_title(f"Medical assistants add {added[a] / added[b]:.1f}× as many jobs "
                 f"({added[a]:,.0f} vs {added[b]:,.0f}) from "
                 f"{first[a] / first[b]:.1f}× the base")
    return finish(fig, ARTICLE_SOURCE + " Paths: careerstats, constant annual rate.")


@styled
def article_growth_check(wide: pd.DataFrame) -> Figure:
    """Stated new positions against what the stated (rounded) percent implies."""
    from .growth import check_change

    fig, ax = new_figure(figsize=(8, 3.6))
    rows = wide.set_index("soc_code").loc[list(occ.ARTICLE_PAIR)]
    labels, stated, implied = [], [], []
    for _, r in rows.iterrows():
        c = check_change(r["employment"], r["employment_change_pct"], r["employment_change"])
        labels.append(r["article_occupation"])
        stated.append(c.stated_change)
        implied.append(c.change_from_percent)
    y = range(len(labels))
    ax.barh([i - 0.2 for i in y], stated, height=0.38, color=[color(s) for s in rows.index],
            edgecolor="#333333", linewidth=0.6, label="New positions the article states")
    ax.barh([i + 0.2 for i in y], implied, height=0.38, color="white",
            edgecolor=[color(s) for s in rows.index], hatch="xx", linewidth=1.2,
            label="Base × rounded percent")
    for i, (s, m) in enumerate(zip(stated, implied, strict=True)):
        ax.text(s, i - 0.2, f"  {s:,.0f}", va="center")
        ax.text(m, i + 0.2, f"  {m:,.0f}", va="center")
    ax.set_yticks(list(y), labels)
    ax.invert_yaxis()
    ax.set_xlim(0, max(stated + implied) * 1.25)
    ax.xaxis.set_major_formatter(thousands())
    ax.set_xlabel("New positions 2020-2030, jobs")
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower right")
    worst = max(range(len(labels)), key=lambda i: abs(stated[i] - implied[i]))
    pct = rows["employment_change_pct"].iloc[worst]
    ax.set_title(f"Base × {pct:g}% misses {labels[worst].lower()}s' new jobs by "
                 f"{abs(stated[worst] - implied[worst]):,.0f}: the {pct:g}% is rounded")
    return finish(fig, ARTICLE_SOURCE)


# --- pay (notebook 02) ------------------------------------------------------------------------


def _short(title: str, width: int = 28) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(title, width))


def _release_source(release: str) -> str:
    return f"Source: BLS Occupational Employment and Wage Statistics (OEWS), {release}."


@styled
def wage_distribution(dist: pd.DataFrame, release: str, area: str = "National") -> Figure:
    """Percentile ranges (10th-90th, box 25th-75th, median tick), one row per occupation."""
    fig, ax = new_figure(figsize=(8, 1.2 + 0.9 * len(dist)))
    pal = palette(dist.index)
    for i, (soc, r) in enumerate(dist.iterrows()):
        c = pal[soc]
        ax.plot([r["p10"], r["p90"]], [i, i], color=c, linewidth=2, solid_capstyle="butt")
        ax.barh(i, r["p75"] - r["p25"], left=r["p25"], height=0.45, color=c,
                hatch=HATCHES.get(soc, "//" if i % 2 else ""), edgecolor="#333333", linewidth=0.6)
        ax.plot([r["median"]] * 2, [i - 0.3, i + 0.3], color="black", linewidth=2.5)
        ax.text(r["median"], i - 0.33, f"median ${r['median']:,.0f}", ha="center",
                va="bottom", fontsize=8.5)
        ax.text(r["p10"], i, f"${r['p10'] / 1000:,.0f}k ", ha="right", va="center",
                fontsize=7.5, color="#444444")
        ax.text(r["p90"], i, f" ${r['p90'] / 1000:,.0f}k", ha="left", va="center",
                fontsize=7.5, color="#444444")
    ax.set_yticks(range(len(dist)), [_short(t) for t in dist["occupation_title"]])
    ax.invert_yaxis()
    ax.set_ylim(len(dist) - 0.4, -0.75)
    ax.xaxis.set_major_formatter(usd())
    ax.set_xlabel("Annual wage, US dollars (line: 10th-90th percentile; box: 25th-75th; "
                  "tick: median)")
    ax.grid(axis="y", visible=False)
    a, b = dist.index[:2]
    ax.set_xlim(dist["p10"].min() * 0.78, dist["p90"].max() * 1.08)
    titles = dict(zip(dist.index, dist["occupation_title"], strict=True))
    ax.set_title(f"The middle half of {name(b, titles).lower()} earns "
                 f"${dist.loc[b, 'p25'] / 1000:,.0f}k-${dist.loc[b, 'p75'] / 1000:,.0f}k; of "
                 f"{name(a, titles).lower()}, ${dist.loc[a, 'p25'] / 1000:,.0f}k-"
                 f"${dist.loc[a, 'p75'] / 1000:,.0f}k", wrap=True)
    return finish(fig, _release_source(release) + f" {area}, cross-industry.")


@styled
def pay_history(history: pd.DataFrame) -> Figure:
    """Median annual pay of both careers each year, and the gap in percent beneath."""
    a, b = history.columns[:2]
    fig, (top, bottom) = new_figure(nrows=2, figsize=(8, 6), sharex=True,
                                    gridspec_kw={"height_ratios": [2, 1]})
    pal = palette((a, b))
    for k, soc in enumerate((a, b)):
        top.plot(history.index, history[soc], color=pal[soc],
                 marker=MARKERS.get(soc, "os"[k]), linestyle="-" if k == 0 else "--",
                 linewidth=2, label=name(soc))
    top.yaxis.set_major_formatter(usd())
    top.set_ylabel("Median annual wage, USD")
    top.set_ylim(0, history[[a, b]].max().max() * 1.15)
    top.legend(loc="lower left")
    bars = bottom.bar(history.index, history["gap_pct"], color="#999999", edgecolor="#333333",
                      linewidth=0.5)
    for bar, pct in zip(bars, history["gap_pct"], strict=True):
        if pd.notna(pct):
            bottom.text(bar.get_x() + bar.get_width() / 2, pct, f"{pct:.0f}%", ha="center",
                        va="bottom" if pct >= 0 else "top", fontsize=8)
    bottom.set_ylabel(f"Gap, % of\n{_short(name(a).lower(), 22)}'\nmedian")
    low, high = min(0.0, history["gap_pct"].min()), max(0.0, history["gap_pct"].max())
    pad = (high - low) * 0.25 or 1.0
    bottom.set_ylim(low - (pad if low < 0 else 0), high + pad)
    bottom.axhline(0, color="black", linewidth=0.8)
    bottom.set_xticks(list(history.index))
    first_mb3 = history.index[history["method"] == "MB3"].min()
    for axis in (top, bottom):
        axis.axvline(first_mb3 - 0.5, color="#555555", linestyle=":", linewidth=1)
    top.text(first_mb3 - 0.45, top.get_ylim()[1] * 0.04, "new BLS method (MB3) →",
             fontsize=8, color="#555555")
    first, last = history.index.min(), history.index.max()
    g0, g1 = history.at[first, "gap_pct"], history.at[last, "gap_pct"]
    trend = "reversed" if g0 * g1 < 0 else ("shrank" if abs(g1) < abs(g0) else "grew")
    top.set_title(f"The pay gap {trend}: {g0:.0f}% in {first}, {g1:.0f}% in {last} "
                  f"(${history.at[last, 'gap_usd']:,.0f})")
    bottom.set_xlabel("OEWS release (May of each year)")
    return finish(fig, f"Source: BLS OEWS national estimates, May {first}-May {last}.")


def _tile_axes(fig, ax):
    from .tilemap import N_COLS, N_ROWS

    ax.set_xlim(-0.1, N_COLS + 0.1)
    ax.set_ylim(N_ROWS + 0.1, -0.1)
    ax.set_aspect("equal")
    ax.axis("off")


def _text_color(rgba) -> str:
    r, g, b = rgba[:3]
    return "black" if 0.299 * r + 0.587 * g + 0.114 * b > 0.55 else "white"


@styled
def tile_map_values(values: pd.Series, title: str, label: str, source: str,
                    fmt: str = "{:.0f}") -> Figure:
    """A tile map coloured by a number per state code (cividis: readable in greyscale)."""
    from matplotlib import colormaps
    from matplotlib.colors import Normalize
    from matplotlib.patches import Rectangle

    from .tilemap import LAYOUT

    fig, ax = new_figure(figsize=(9, 6.2))
    _tile_axes(fig, ax)
    shown = values.reindex(list(LAYOUT))
    norm = Normalize(float(shown.min()), float(shown.max()))
    cmap = colormaps["cividis"]
    for code, (r, c) in LAYOUT.items():
        v = shown.get(code)
        face = "#FFFFFF" if pd.isna(v) else cmap(norm(v))
        ax.add_patch(Rectangle((c + 0.04, r + 0.04), 0.92, 0.92, facecolor=face,
                               edgecolor="#666666", linewidth=0.6,
                               hatch="///" if pd.isna(v) else ""))
        txt = "black" if pd.isna(v) else _text_color(face)
        ax.text(c + 0.5, r + 0.38, code, ha="center", va="center", fontsize=9,
                fontweight="bold", color=txt)
        ax.text(c + 0.5, r + 0.7, "n/a" if pd.isna(v) else fmt.format(v), ha="center",
                va="center", fontsize=7.5, color=txt)
    from matplotlib.cm import ScalarMappable

    bar = fig.colorbar(ScalarMappable(norm=norm, cmap=cmap), ax=ax, orientation="horizontal",
                       fraction=0.04, pad=0.02, aspect=40)
    bar.set_label(label)
    ax.set_title(title)
    return finish(fig, source)


LICENSURE_STYLE = {
    "all list it": ("#0072B2", "", "Licensed, by every source"),
    "sources disagree": ("#E69F00", "xx", "Sources disagree"),
    "none list it": ("#EEEEEE", "", "Not licensed, by any source"),
}


@styled
def licensure_map(licensure: pd.DataFrame) -> Figure:
    """Where laboratory personnel need a state licence, by source agreement."""
    from matplotlib.patches import Patch, Rectangle

    from .tilemap import LAYOUT

    fig, ax = new_figure(figsize=(9, 6))
    _tile_axes(fig, ax)
    by_code = licensure.set_index("state_code")
    for code, (r, c) in LAYOUT.items():
        row = by_code.loc[code]
        face, hatch, _ = LICENSURE_STYLE[row["licensure_agreement"]]
        ax.add_patch(Rectangle((c + 0.04, r + 0.04), 0.92, 0.92, facecolor=face,
                               hatch=hatch, edgecolor="#555555", linewidth=0.6))
        txt = "white" if face == "#0072B2" else "black"
        ax.text(c + 0.5, r + 0.5, code, ha="center", va="center", fontsize=9,
                fontweight="bold", color=txt)
    ax.legend(handles=[Patch(facecolor=f, hatch=h, edgecolor="#555555", label=lab)
                       for f, h, lab in LICENSURE_STYLE.values()],
              loc="lower center", bbox_to_anchor=(0.5, -0.08), ncol=3)
    counts = licensure["licensure_agreement"].value_counts()
    disputed = ", ".join(licensure.loc[licensure["licensure_agreement"] == "sources disagree",
                                       "state_name"])
    ax.set_title(f"{counts.get('all list it', 0)} jurisdictions license lab personnel by "
                 f"every source; {disputed} are disputed")
    return finish(fig, "Sources: the article (13 jurisdictions); ASCLS licensure page (11); "
                  "other lists naming Georgia and Rhode Island (data/licensure.csv).")


@styled
def licensure_pay(by_state: pd.DataFrame, release: str,
                  measure: str = "annual_wage_median") -> Figure:
    """Each state's lab median pay, grouped by how the licensure sources describe it."""
    fig, ax = new_figure(figsize=(8, 3.8))
    groups = [g for g in LICENSURE_STYLE if g in set(by_state["licensure_agreement"])]
    for i, g in enumerate(groups):
        rows = by_state[(by_state["licensure_agreement"] == g)].dropna(subset=[measure])
        rows = rows.sort_values(measure)
        face, hatch, _ = LICENSURE_STYLE[g]
        jitter = [((k % 5) - 2) * 0.07 for k in range(len(rows))]
        ax.scatter(rows[measure], [i + j for j in jitter], s=36, color=face,
                   edgecolor="#333333", linewidth=0.6, hatch=hatch, zorder=3)
        med = rows[measure].median()
        ax.plot([med, med], [i - 0.3, i + 0.3], color="black", linewidth=2)
        ax.text(med, i + 0.34, f"median ${med:,.0f}", ha="center", va="top", fontsize=8)
        for _, r in rows.iterrows():
            if g != "none list it":
                ax.annotate(r["state_code"], (r[measure], i + jitter[list(rows.index).index(
                    r.name)]), xytext=(0, 6), textcoords="offset points", ha="center",
                    fontsize=7)
    ax.set_yticks(range(len(groups)), [LICENSURE_STYLE[g][2] for g in groups])
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(usd())
    ax.set_xlabel("State median annual wage, clinical lab technologists and technicians, USD")
    med = by_state.groupby("licensure_agreement")[measure].median()
    ax.set_title(f"States that license lab staff pay a median ${med['all list it']:,.0f} vs "
                 f"${med['none list it']:,.0f}: a description, not a cause")
    return finish(fig, _release_source(release) + " Licensure: data/licensure.csv.")


# --- growth (notebook 03) -------------------------------------------------------------------


def _order(outlook: pd.DataFrame) -> list[str]:
    """Occupations in the order the outlook table lists them."""
    return list(dict.fromkeys(outlook.index.get_level_values("soc_code")))


@styled
def outlook_by_cycle(outlook: pd.DataFrame) -> Figure:
    """Projected ten-year percent change, cycle by cycle, for each occupation."""
    table = outlook["employment_change_pct"].unstack("soc_code")
    socs = _order(outlook)
    fig, ax = new_figure(figsize=(8, 4))
    width = 0.8 / len(socs)
    x = range(len(table))
    pal = palette(socs)
    for k, soc in enumerate(socs):
        pos = [i - 0.4 + width * (k + 0.5) for i in x]
        bars = ax.bar(pos, table[soc], width=width * 0.95, color=pal[soc],
                      hatch=HATCHES.get(soc, "//" if k % 2 else ""), edgecolor="#333333",
                      linewidth=0.6,
                      label=name(soc))
        for bar, v in zip(bars, table[soc], strict=True):
            if pd.isna(v):
                continue
            ax.text(bar.get_x() + bar.get_width() / 2, v, f"{v:.1f}%", ha="center",
                    va="bottom", fontsize=7.5)
    ax.set_xticks(list(x), [f"{c}" for c in table.index])
    ax.set_xlabel("Employment Projections cycle (base year-target year)")
    ax.set_ylabel("Projected change over ten years, %")
    ax.set_ylim(0, table.max().max() * 1.2)
    ax.legend(loc="upper right")
    ax.grid(axis="x", visible=False)
    a, b = socs[:2]
    first, last = table.index[0], table.index[-1]

    def moved(soc: str) -> str:
        x, y = table.at[first, soc], table.at[last, soc]
        return f"{name(soc).lower()} {'fell' if y < x else 'rose'} from {x:.1f}% to {y:.1f}%"

    ax.set_title(f"Projected growth, {first} to {last}: {moved(b)}; {moved(a)}", wrap=True)
    return finish(fig, "Source: BLS Employment Projections, cycles " + ", ".join(table.index)
                  + ".")


@styled
def projection_paths(outlook: pd.DataFrame) -> Figure:
    """Each cycle's base and projected employment, joined by a line, one panel a career."""
    socs = _order(outlook)
    fig, axes = new_figure(ncols=len(socs), figsize=(9, 4), sharey=False)
    axes = [axes] if len(socs) == 1 else list(axes)
    cycles = list(outlook.index.get_level_values("cycle").unique())
    pal = palette(socs)
    for ax, soc in zip(axes, socs, strict=True):
        rows = outlook.xs(soc, level="soc_code")
        for k, (cycle, r) in enumerate(rows.iterrows()):
            shade = 0.35 + 0.65 * k / max(len(cycles) - 1, 1)
            ax.plot([r["base_year"], r["target_year"]],
                    [r["employment_base"], r["employment_projected"]], color=pal[soc],
                    alpha=shade, linewidth=1.8, marker=MARKERS.get(soc, "o"), markersize=4)
            if k in (0, len(rows) - 1):  # label the oldest and the newest cycle
                ax.annotate(cycle, (r["target_year"], r["employment_projected"]),
                            xytext=(4, 0), textcoords="offset points", fontsize=8,
                            va="center")
        ax.plot(rows["base_year"], rows["employment_base"], color="black", linestyle=":",
                linewidth=1, label="base-year employment")
        ax.set_title(_short(name(soc), 40), fontsize=10)
        ax.yaxis.set_major_formatter(thousands())
        ax.set_xlabel("Year")
        ax.set_xlim(rows["base_year"].min() - 1, rows["target_year"].max() + 4)
        ax.set_ylim(0, rows[["employment_base", "employment_projected"]].max().max() * 1.15)
    axes[0].set_ylabel("Employment, jobs (all workers)")
    axes[0].legend(loc="lower left")
    fig.suptitle("Every cycle projects growth; the dotted line is where employment went",
                 x=0.01, y=1.04, ha="left", fontweight="bold", fontsize=12)
    return finish(fig, "Source: BLS Employment Projections, cycles " + ", ".join(cycles)
                  + ". Lines join each cycle's base and target year.")


@styled
def openings(outlook: pd.DataFrame) -> Figure:
    """Annual openings (growth plus replacement), cycle by cycle."""
    table = outlook["openings_annual"].unstack("soc_code").dropna(how="all")
    socs = [s for s in _order(outlook) if s in table.columns]
    fig, ax = new_figure(figsize=(8, 3.8))
    pal = palette(socs)
    for k, soc in enumerate(socs):
        ax.plot(table.index, table[soc], color=pal[soc], marker=MARKERS.get(soc, "os"[k % 2]),
                linestyle="-" if k % 2 == 0 else "--",
                linewidth=2, label=name(soc))
        last = table[soc].iloc[-1]
        ax.annotate(f"{last:,.0f}", (table.index[-1], last), xytext=(5, 0),
                    textcoords="offset points", va="center")
    ax.yaxis.set_major_formatter(thousands())
    ax.set_ylim(0, table.max().max() * 1.2)
    ax.set_ylabel("Openings per year, jobs")
    ax.set_xlabel("Employment Projections cycle (2014-24 published a 10-year total under "
                  "an older method: not shown)")
    ax.legend(loc="center right")
    a, b = socs[:2]
    last = table.index[-1]
    big, small = (a, b) if table.at[last, a] >= table.at[last, b] else (b, a)
    ax.set_title(f"{name(big)}: {table.at[last, big] / table.at[last, small]:.1f}× the "
                 f"yearly openings of {name(small).lower()} ({last})")
    return finish(fig, "Source: BLS Employment Projections, occupational openings, annual "
                  "average.")


@styled
def track_record(track: pd.DataFrame) -> Figure:
    """Projection error at each later base year, target years marked."""
    fig, ax = new_figure(figsize=(8, 4))
    pal = palette(track["soc_code"].unique())
    for soc, rows in track.groupby("soc_code", sort=False):
        for _, r in rows.groupby("cycle"):
            ax.plot(r["year"], r["error_pct"], color=pal[soc], alpha=0.55, linewidth=1,
                    marker=MARKERS.get(soc, "o"), markersize=3)
        hit = rows[rows["is_target_year"]]
        ax.scatter(hit["year"], hit["error_pct"], s=90, color=pal[soc],
                   edgecolor="black", zorder=4, marker=MARKERS.get(soc, "o"),
                   label=f"{name(soc)}: target year reached")
        for _, r in hit.iterrows():
            ax.annotate(f"{r['cycle']}: {r['error_pct']:+.1f}%", (r["year"], r["error_pct"]),
                        xytext=(-8, 0), textcoords="offset points", ha="right",
                        va="center", fontsize=8)
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_ylabel("Observed minus projected, % of projected")
    ax.set_xlabel("Later base year (small markers: even-rate path between base and target, "
                  "an interim reading)")
    ax.legend(loc="lower left", fontsize=8)
    hits = track[track["is_target_year"]]
    if len(hits):
        cycle = hits["cycle"].iloc[0]
        parts = [f"{name(r['soc_code']).lower()} {r['error_pct']:+.0f}%"
                 for _, r in hits[hits["cycle"] == cycle].iterrows()]
        ax.set_title(f"{cycle} projections against what happened: " + ", ".join(parts))
    else:
        ax.set_title("No cycle has reached its target year yet: interim readings only")
    return finish(fig, "Source: BLS Employment Projections; observed = later cycles' "
                  "base-year employment (all workers, incl. self-employed).")


# --- credentials (notebook 04) ----------------------------------------------------------------


@styled
def recertification_timeline(schedule: pd.DataFrame, years: int = 15) -> Figure:
    """Renewal points over a career of ``years`` years, one row per credential."""
    fig, ax = new_figure(figsize=(8, 2.8))
    rows = list(schedule.groupby("soc_code", sort=False))
    for i, (soc, r) in enumerate(rows):
        ax.hlines(i, 0, years, color="#BBBBBB", linewidth=1)
        ax.scatter(r["year"], [i] * len(r), s=120, color=color(soc), edgecolor="black",
                   marker=MARKERS.get(soc, "o"), zorder=3)
        for y in r["year"]:
            ax.text(y, i + 0.22, f"{y:g}", ha="center", fontsize=8)
        ax.text(years + 0.3, i, f"{len(r)} renewals", va="center", fontsize=9)
    ax.set_yticks(range(len(rows)), [_short(r["program_name"].iloc[0], 26)
                                      for _, r in rows])
    ax.set_ylim(len(rows) - 0.4, -0.6)
    ax.set_xlim(0, years + 2.5)
    ax.set_xticks(range(0, years + 1, 1))
    ax.set_xlabel("Years after first certification")
    ax.grid(axis="y", visible=False)
    counts = [len(r) for _, r in rows]
    ax.set_title(f"Over {years} years: {counts[0]} CMA renewals (every 60 months) against "
                 f"{counts[1]} ASCP cycles (every 3 years)")
    return finish(fig, "Sources: AAMA recertification policies; ASCP Board of Certification "
                  "CMP FAQ (data/recertification.csv).")


# --- return on training (notebook 06) -------------------------------------------------------


@styled
def cumulative_earnings(table: pd.DataFrame, years: float | None, release: str) -> Figure:
    """Both paths' cumulative net earnings, with the break-even year marked."""
    a, b = table.columns[:2]
    pal = palette((a, b))
    fig, ax = new_figure(figsize=(8, 4.2))
    for k, soc in enumerate((a, b)):
        ax.plot(table.index, table[soc], color=pal[soc], linewidth=2.2,
                linestyle="-" if k == 0 else "--", marker=MARKERS.get(soc, "os"[k]),
                markersize=4, label=name(soc))
    if years is not None and years > 0:
        ax.axvline(years, color="black", linestyle=":", linewidth=1)
        ax.annotate(f"break-even\nyear {years:.1f}", (years, 0), xytext=(4, 8),
                    textcoords="offset points", fontsize=8)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"${v / 1000:,.0f}k"))
    ax.set_ylabel("Cumulative earnings minus training cost, USD")
    ax.set_xlabel("Years from the start of training")
    ax.legend(loc="upper left")
    path = f"The {name(b).lower()} path"
    if years is None:
        ax.set_title(f"{path} does not catch up within {int(table.index.max())} years",
                     wrap=True)
    elif years == 0:
        ax.set_title(f"{path} is ahead from the start", wrap=True)
    else:
        ax.set_title(f"{path} catches up after {years:.1f} years and is "
                     f"${table['difference'].iloc[-1]:,.0f} ahead by year "
                     f"{int(table.index.max())}", wrap=True)
    return finish(fig, _release_source(release) + " Starting wages at the chosen "
                  "percentile; training time, cost and growth are assumptions (notebook 06).")


@styled
def break_even_sensitivity(sens: pd.DataFrame, second: str, release: str) -> Figure:
    """Break-even year by the second path's training cost and the starting percentile."""
    from matplotlib import colormaps

    fig, ax = new_figure(figsize=(8, 0.9 + 0.45 * len(sens)))
    values = sens.to_numpy(dtype=float)
    cmap = colormaps["cividis_r"].with_extremes(bad="#FFFFFF")
    image = ax.imshow(np.ma.masked_invalid(values), cmap=cmap, aspect="auto")
    for (i, j), v in np.ndenumerate(values):
        face = cmap(image.norm(v)) if not np.isnan(v) else (1, 1, 1, 1)
        ax.text(j, i, "never" if np.isnan(v) else f"{v:.1f}", ha="center", va="center",
                fontsize=8.5, color="black" if np.isnan(v) else _text_color(face))
    ax.set_xticks(range(sens.shape[1]), [c.replace("p", "") + ("th" if c != "median" else "")
                                         for c in sens.columns])
    ax.set_yticks(range(len(sens)), [f"${c:,.0f}" for c in sens.index])
    ax.set_xlabel("Starting wage percentile (both paths), BLS distribution")
    ax.set_ylabel(f"Training cost,\n{_short(name(second).lower(), 24)}")
    ax.grid(False)
    fig.colorbar(image, ax=ax, label="Break-even year", fraction=0.04, pad=0.02)
    finite = sens.stack().dropna()
    ax.set_title(f"Break-even ranges from {finite.min():.1f} to {finite.max():.1f} years "
                 "with cost and pay level" if len(finite) else "No break-even in range")
    return finish(fig, _release_source(release) + " Cells: years until the second path's "
                  "cumulative net earnings catch up; 'never' = not within the horizon.")


# --- the registry ---------------------------------------------------------------------------


def _article_inputs(data_dir: Path | None):
    from .comparison import claims_wide
    from .load import load_table

    return claims_wide(load_table("article_claims", data_dir))


def _table(name: str, d):
    from .load import load_table

    return load_table(name, d)


def _newest_national(d):
    from .load import load_oews

    national = load_oews("national", data_dir=d)
    return national[national["year"] == national["year"].max()]


def _chart_wage_distribution(d):
    from .analysis import wage_distribution

    newest = _newest_national(d)
    return wage_distribution(newest, [*occ.ARTICLE_PAIR, occ.ALL_OCCUPATIONS]), \
        newest["release"].iloc[0]


def _chart_pay_history(d):
    from .analysis import pay_history
    from .load import load_oews

    return pay_history(load_oews("national", data_dir=d), *occ.ARTICLE_PAIR)


def _chart_state_gap(d):
    from .analysis import area_gaps
    from .load import load_oews

    state = load_oews("state", data_dir=d)
    return area_gaps(state, *occ.ARTICLE_PAIR), state["release"].iloc[0]


def state_gap_map(area_gaps: pd.DataFrame, release: str) -> Figure:
    """Tile map of the lab-over-assistant median pay gap, percent, by state (from
    :func:`careerstats.analysis.area_gaps` on the state table)."""
    gaps = area_gaps.set_index("area_state_code")["gap_pct"]
    top, low = gaps.idxmax(), gaps.idxmin()
    return tile_map_values(
        gaps, f"Lab technicians out-earn medical assistants most in {top} "
        f"({gaps[top]:+.0f}%), least in {low} ({gaps[low]:+.0f}%)",
        "Median annual wage of lab technologists and technicians over medical assistants, "
        "% difference", _release_source(release) + " State medians, cross-industry.",
        fmt="{:+.0f}%")


def _chart_licensure_pay(d):
    from .analysis import licensure_pay as by_licensure
    from .load import load_oews, load_table

    state = load_oews("state", data_dir=d)
    return by_licensure(state, load_table("licensure", d),
                        occ.CLINICAL_LAB_TECHNOLOGISTS_AND_TECHNICIANS), \
        state["release"].iloc[0]


def _chart_outlook(d):
    from .analysis import outlook as table
    from .load import load_projections

    return table(load_projections(data_dir=d), occ.ARTICLE_PAIR)


def _chart_track(d):
    from .analysis import track_record as table
    from .load import load_projections

    return table(load_projections(data_dir=d), occ.ARTICLE_PAIR)


def _chart_recert(d):
    from .analysis import renewal_schedule
    from .load import load_table

    return renewal_schedule(load_table("recertification", d))


def _roi_charts(d) -> tuple[Figure, Figure]:
    """Notebook 06's two charts, with its default assumptions."""
    from . import roi
    from .load import load_oews

    national = load_oews("national", data_dir=d)
    first, second = roi.default_paths()
    table, years = roi.compare_paths(national, first, second, roi.DEFAULT_HORIZON)
    sens = roi.sensitivity(national, first, second, roi.DEFAULT_COSTS,
                           horizon=roi.DEFAULT_HORIZON)
    release = f"May {int(national['year'].max())}"
    return (cumulative_earnings(table, years, release),
            break_even_sensitivity(sens, second.soc_code, release))


def _roi_chart(d, which: int) -> Figure:
    figures = _roi_charts(d)
    for k, fig in enumerate(figures):
        if k != which:
            plt.close(fig)
    return figures[which]


REGISTRY: dict[str, Callable[[Path | None], Figure]] = {
    "01-article-pay": lambda d: article_pay(_article_inputs(d)),
    "01-article-projection": lambda d: article_projection(_article_inputs(d)),
    "01-article-growth-check": lambda d: article_growth_check(_article_inputs(d)),
    "02-wage-distribution": lambda d: wage_distribution(*_chart_wage_distribution(d)),
    "02-pay-history": lambda d: pay_history(_chart_pay_history(d)),
    "02-state-gap-map": lambda d: state_gap_map(*_chart_state_gap(d)),
    "02-licensure-pay": lambda d: licensure_pay(*_chart_licensure_pay(d)),
    "03-outlook-by-cycle": lambda d: outlook_by_cycle(_chart_outlook(d)),
    "03-projection-paths": lambda d: projection_paths(_chart_outlook(d)),
    "03-openings": lambda d: openings(_chart_outlook(d)),
    "03-track-record": lambda d: track_record(_chart_track(d)),
    "04-recertification-timeline": lambda d: recertification_timeline(_chart_recert(d)),
    "04-licensure-map": lambda d: licensure_map(_table("licensure", d)),
    "06-cumulative-earnings": lambda d: _roi_chart(d, 0),
    "06-break-even-sensitivity": lambda d: _roi_chart(d, 1),
}


def render_all(out_dir: Path, data_dir: Path | None = None,
               names: list[str] | None = None) -> list[Path]:
    """Draw every registered chart (or ``names``) into ``out_dir`` as PNG and SVG."""
    written = []
    for name in names or list(REGISTRY):
        fig = REGISTRY[name](data_dir)
        try:
            written += save(fig, Path(out_dir) / name)
        finally:
            plt.close(fig)
    return written
