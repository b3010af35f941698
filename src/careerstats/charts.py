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
_CYCLE = ["#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#F0E442"]
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

ARTICLE_SOURCE = ("Source: the article 'Certified Medical Assistant vs. Medical Lab "
                  "Technician' (medicaltechnologyschools.com), citing BLS (2021).")


def color(soc: str) -> str:
    """The colour of occupation ``soc``: fixed for the article's pair and the total; any
    other code gets a colour from the cycle, chosen by its digits so it is stable."""
    soc = occ.normalize_soc(soc)
    if soc in COLORS:
        return COLORS[soc]
    return _CYCLE[int(soc.replace("-", "")) % len(_CYCLE)]


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
    """Add the source line under the axes."""
    fig.text(0.01, -0.02, source, ha="left", va="top", fontsize=8, color="#555555",
             wrap=True)
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


# --- the registry ---------------------------------------------------------------------------


def _article_inputs(data_dir: Path | None):
    from .comparison import claims_wide
    from .load import load_table

    return claims_wide(load_table("article_claims", data_dir))


REGISTRY: dict[str, Callable[[Path | None], Figure]] = {
    "01-article-pay": lambda d: article_pay(_article_inputs(d)),
    "01-article-projection": lambda d: article_projection(_article_inputs(d)),
    "01-article-growth-check": lambda d: article_growth_check(_article_inputs(d)),
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
