"""The look of every chart: one style, one colour per occupation, byte-stable files.

Chart functions (in :mod:`careerstats.present.charts`) run inside :func:`styled`, draw on
:func:`new_figure`, state the finding in the title, put units on the axes and end with
:func:`finish`'s source line. :func:`save` writes PNG and SVG without the volatile
metadata (matplotlib version, date, random SVG ids), so a rerun on the same package
versions writes identical bytes. Nothing here loads data: occupation names come from the
charted table (``attrs["titles"]``, set by the analyses).
"""

from __future__ import annotations

import functools
import io
import textwrap
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter

from .. import occupations as occ
from .. import paths

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

STYLE: dict[Any, Any] = {
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
    occ.CLINICAL_LAB_TECHNOLOGISTS_AND_TECHNICIANS: "Clinical lab technologists and technicians",
    occ.ALL_OCCUPATIONS: "All occupations",
}


def name(soc: str, titles: dict[str, str] | None = None) -> str:
    """A short display name: the article pair's and the total's own, else BLS's title from
    ``titles`` (a charted table's ``attrs["titles"]``), else the code."""
    soc = occ.normalize_soc(soc)
    if soc in OCCUPATION_NAMES:
        return OCCUPATION_NAMES[soc]
    if titles and soc in titles:
        return titles[soc]
    return soc


def titles_of(table: pd.DataFrame) -> dict[str, str]:
    """The occupation titles an analysis attached to ``table``."""
    return dict(table.attrs.get("titles", {}))


def release_of(table: pd.DataFrame, release: str | None = None) -> str:
    """``release`` if given, else the release an analysis attached to ``table``."""
    if release is not None:
        return release
    try:
        return str(table.attrs["release"])
    except KeyError:
        raise ValueError(
            "the table names no release (attrs['release']): pass release=, "
            "or chart a table made by careerstats.analysis"
        ) from None


def wrap(title: str, width: int = 28) -> str:
    """``title`` broken into lines of at most ``width`` characters."""
    return "\n".join(textwrap.wrap(title, width))


def oews_source(release: str) -> str:
    """The source line of a chart of OEWS figures."""
    return f"Source: BLS Occupational Employment and Wage Statistics (OEWS), {release}."


def text_color_on(rgba) -> str:
    """Black or white, whichever reads better on a fill of colour ``rgba``."""
    r, g, b = rgba[:3]
    return "black" if 0.299 * r + 0.587 * g + 0.114 * b > 0.55 else "white"


#: How the licensure groups look wherever they are drawn: fill, hatch, legend label.
LICENSURE_STYLE: dict[Any, Any] = {
    "all list it": ("#0072B2", "", "Licensed, by every source"),
    "sources disagree": ("#E69F00", "xx", "Sources disagree"),
    "none list it": ("#EEEEEE", "", "Not licensed, by any source"),
}


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
            c = next(
                (
                    x
                    for k in range(1, len(_CYCLE) + 1)
                    if (x := _CYCLE[(start + k) % len(_CYCLE)]) not in out.values()
                ),
                c,
            )
        out[soc] = c
    return out


def usd_axis(decimals: int = 0) -> FuncFormatter:
    """Axis tick labels in dollars: $47,970."""
    return FuncFormatter(lambda v, _: f"{'-' if v < 0 else ''}${abs(v):,.{decimals}f}")


def thousands_axis() -> FuncFormatter:
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


def new_figure(**kwargs: Any) -> tuple[Figure, Any]:
    """A pyplot-managed figure (so notebooks show it inline); call it inside @styled."""
    return plt.subplots(**kwargs)


#: Space kept free at the figure's right edge, as a share of its width.
RIGHT_MARGIN = 0.01


def _rewrap(text: Text, max_px: float) -> None:
    """Wrap ``text`` (each of its lines) more narrowly until it is at most ``max_px``
    wide: a long title wraps instead of widening the saved image."""
    if not hasattr(text, "_careerstats_lines"):  # the lines as the chart wrote them
        text._careerstats_lines = text.get_text().split("\n")  # type: ignore[attr-defined]
    original = text._careerstats_lines  # type: ignore[attr-defined]
    if text.get_window_extent().width <= max_px:
        return
    width = max(len(line) for line in original)
    while text.get_window_extent().width > max_px and width > 12:
        width -= 2
        text.set_text("\n".join(w for line in original for w in textwrap.wrap(line, width)))


def fit_titles(fig: Figure) -> None:
    """Rewrap the figure's title and each axes' titles to fit inside the figure's width.

    Text is measured with the figure's own renderer (``get_window_extent()``), so this
    works on any canvas: Agg when saving, the inline backend's in a notebook."""
    fig.draw_without_rendering()
    width = fig.bbox.width * (1 - RIGHT_MARGIN)
    suptitle = getattr(fig, "_suptitle", None)
    if suptitle is not None and suptitle.get_text():
        left = suptitle.get_window_extent().x0
        _rewrap(suptitle, width - max(left, 0))
    for ax in fig.axes:
        for which in ("title", "_left_title", "_right_title"):  # center, left, right
            title = getattr(ax, which)
            if title.get_text():
                _rewrap(title, width - max(title.get_window_extent().x0, 0))
        label = ax.xaxis.label
        if label.get_text():
            _rewrap(label, width * 0.96)


#: Where :func:`label_points` tries a label, in points from its point: above, below,
#: then further out.
LABEL_OFFSETS = ((0, 5), (0, -11), (0, 13), (0, -19), (0, 21), (0, -27), (0, 29))


def label_points(ax: Any, points: list[tuple[float, float, str]], fontsize: float = 7) -> None:
    """Label each (x, y, text) point just above it, or, where that label would overlap
    one already placed (or any text already on the axes), at the next free place in
    :data:`LABEL_OFFSETS`."""
    fig = ax.figure
    fig.draw_without_rendering()
    taken = [t.get_window_extent() for t in ax.texts if t.get_text().strip()]
    for x, y, text in points:
        label = None
        for dx, dy in LABEL_OFFSETS:
            if label is not None:
                label.remove()
            label = ax.annotate(
                text,
                (x, y),
                xytext=(dx, dy),
                textcoords="offset points",
                ha="center",
                va="bottom" if dy > 0 else "top",
                fontsize=fontsize,
            )
            box = label.get_window_extent()
            if not any(box.overlaps(other) for other in taken):
                break
        if label is not None:
            taken.append(label.get_window_extent())


def fit_layout(fig: Figure) -> None:
    """Titles wrapped to the figure's width and, for a grid of axes, the axes moved so
    that every label, tick label and legend lies inside the figure."""
    fit_titles(fig)
    if not all(ax.get_subplotspec() is not None for ax in fig.axes):
        return
    _tight(fig)
    fit_titles(fig)  # the layout moved the axes: titles rewrap once more, then settle
    _tight(fig)


def _tight(fig: Figure) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        fig.tight_layout()


def finish(fig: Figure, source: str) -> Figure:
    """Fit the layout (:func:`fit_layout`), then add the source line under everything
    already drawn (axis labels included)."""
    fit_layout(fig)
    height = fig.get_figheight()
    bottom = fig.get_tightbbox().y0  # inches, may be below 0
    fig.text(
        0.01,
        (bottom - 0.08) / height,
        source,
        ha="left",
        va="top",
        fontsize=8,
        color="#555555",
        wrap=True,
    )
    return fig


def save(fig: Figure, stem: Path) -> list[Path]:
    """Write ``stem``.png and ``stem``.svg with volatile metadata removed."""
    stem = Path(stem)
    stem.parent.mkdir(exist_ok=True)
    written = []
    with plt.rc_context(STYLE):
        for ext, meta in (("png", {"Software": None}), ("svg", {"Date": None, "Creator": None})):
            buffer = io.BytesIO()
            fig.savefig(buffer, format=ext, metadata=meta, bbox_inches="tight")
            written.append(paths.write_atomic(stem.with_suffix(f".{ext}"), buffer.getvalue()))
    return written
