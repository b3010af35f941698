"""Every chart `careerstats charts` makes passes a layout check, as a reader sees it.

A chart fails when two pieces of text overlap (titles, labels, annotations, tick labels,
legend), when text runs past the figure's width (the saved image would widen around it,
leaving the plot in a corner), or when the plotting area fills too little of the saved
image's width.
"""

from __future__ import annotations

import itertools

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from careerstats import paths
from careerstats.present.registry import REGISTRY
from careerstats.present.style import save

pytestmark = pytest.mark.slow

#: Overlaps smaller than this many square pixels (at 100 dpi) are antialiasing, not a clash.
OVERLAP_PX2 = 4.0
#: How far text may reach past the figure's left or right edge, in pixels.
EDGE_PX = 2.0
#: The axes together must span at least this share of the saved image's width.
AXES_MIN_WIDTH_SHARE = 0.55


def _undrawn_tick_labels(fig) -> set[int]:
    """Tick labels matplotlib does not draw: those of axes drawn without their axis
    (``axis("off")``) and those of ticks outside the view limits."""
    hidden = set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            lo, hi = sorted(axis.get_view_interval())
            slack = (hi - lo) * 1e-9
            for tick in [*axis.get_major_ticks(), *axis.get_minor_ticks()]:
                outside = not lo - slack <= tick.get_loc() <= hi + slack
                if outside or not ax.axison or not axis.get_visible():
                    hidden.update({id(tick.label1), id(tick.label2)})
    return hidden


def _texts(fig) -> list[tuple[Text, Bbox]]:
    renderer = fig.canvas.get_renderer()
    hidden = _undrawn_tick_labels(fig)
    found = []
    for t in fig.findobj(Text):
        if id(t) in hidden or not t.get_visible() or not t.get_text().strip():
            continue
        if t.axes is not None and not t.axes.get_visible():
            continue
        box = t.get_window_extent(renderer)
        if box.width > 0 and box.height > 0:
            found.append((t, box))
    return found


def _describe(t: Text) -> str:
    return repr(t.get_text()[:40])


def layout_problems(fig) -> list[str]:
    fig.canvas.draw()
    problems = []
    texts = _texts(fig)
    for (a, box_a), (b, box_b) in itertools.combinations(texts, 2):
        if not box_a.overlaps(box_b):
            continue
        inter = Bbox.intersection(box_a, box_b)
        if inter is not None and inter.width * inter.height > OVERLAP_PX2:
            problems.append(f"text {_describe(a)} overlaps {_describe(b)}")
    width = fig.bbox.width
    for t, box in texts:
        if box.x0 < -EDGE_PX or box.x1 > width + EDGE_PX:
            problems.append(
                f"text {_describe(t)} runs past the figure ({box.x0:.0f}-{box.x1:.0f} px of "
                f"{width:.0f})"
            )
    renderer = fig.canvas.get_renderer()
    saved = fig.get_tightbbox(renderer)  # inches
    axes = [ax for ax in fig.axes if ax.get_visible() and ax.axison]
    if axes:
        left = min(ax.get_position().x0 for ax in axes) * fig.get_figwidth()
        right = max(ax.get_position().x1 for ax in axes) * fig.get_figwidth()
        share = (right - left) / saved.width
        if share < AXES_MIN_WIDTH_SHARE:
            problems.append(
                f"the axes span {share:.0%} of the image's width (at least "
                f"{AXES_MIN_WIDTH_SHARE:.0%} expected)"
            )
    return problems


@pytest.mark.parametrize("chart", list(REGISTRY))
def test_chart_layout_and_bytes(chart, tmp_path):
    """One render per chart: its layout passes, and the files it saves equal the committed
    charts/ byte for byte (same pinned versions), so `make charts` is reproducible."""
    fig = REGISTRY[chart](None)
    try:
        assert layout_problems(fig) == [], chart
        written = save(fig, tmp_path / chart)
    finally:
        plt.close(fig)
    for p in written:
        assert p.read_bytes() == (paths.CHARTS_DIR / p.name).read_bytes(), (
            f"{p.name} differs from charts/: run make charts"
        )
    svg = written[1].read_text()
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg


def test_the_check_catches_overlap_overflow_and_a_narrow_plot():
    fig, ax = plt.subplots(figsize=(6, 3))
    ax.text(0.5, 0.5, "one label here")
    ax.text(0.5, 0.5, "another label")
    ax.set_title("A title far too long for the figure it sits on " * 3)
    problems = layout_problems(fig)
    plt.close(fig)
    assert any("overlaps" in p for p in problems)
    assert any("runs past the figure" in p for p in problems)
    assert any("of the image's width" in p for p in problems)


def test_a_title_with_dollar_amounts_draws_outside_the_chart_style():
    """The picker shows charts from widget callbacks, outside the project style, where
    matplotlib reads "$...$" as mathematics: a title of dollar ranges must still draw.
    Titles are wrapped by careerstats (``style.fit_titles``), never by matplotlib's
    ``wrap=True``, which measures each piece of a line as mathematics when it holds two
    dollar signs and failed in JupyterLab for some pairs (medical assistants and lab
    technicians in Texas); the browser test of the picker draws that pair."""
    import careerstats as cs
    from careerstats.analysis.wages import wage_distribution
    from careerstats.present.charts import plot_wage_distribution

    rows = cs.load_area("TX")
    fig = plot_wage_distribution(
        wage_distribution(rows, ["31-9092", "29-2010", "00-0000"]), area="Texas"
    )
    try:
        with matplotlib.rc_context({"text.parse_math": True}):
            fig.canvas.draw()
            assert "$" in fig.axes[0].get_title(loc="left")
    finally:
        plt.close(fig)
