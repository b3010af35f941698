"""The figures as JupyterLab shows them pass the layout test of the saved charts.

Each notebook's code runs here, cell by cell, as its kernel runs it (from notebooks/, with
matplotlib's defaults, which the inline backend keeps); after each cell every open figure
is checked at its own size and DPI, the figure the inline backend renders (with a tight
bounding box), by ``tests/test_chart_layout.py``'s overlap and overflow checks. The live
picker (a widget) is left out: its charts are the same functions, checked in Chromium."""

from __future__ import annotations

import contextlib
import io
import json
import os

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

from careerstats import paths
from test_chart_layout import layout_problems

pytestmark = pytest.mark.slow
NOTEBOOKS = sorted((paths.ROOT / "notebooks").glob("*.ipynb"))


def inline_figures(notebook) -> tuple[int, list[str]]:
    """Run ``notebook``'s code cells in one namespace; return how many figures its cells
    drew and the layout problems of each."""
    cells = json.loads(notebook.read_text())["cells"]
    namespace: dict = {"__name__": "__main__"}
    drawn, problems = 0, []
    plt.close("all")  # a figure another test left open is not this notebook's
    before = os.getcwd()
    os.chdir(notebook.parent)
    try:
        for index, cell in enumerate(cells):
            source = "".join(cell["source"])
            tags = cell.get("metadata", {}).get("tags", [])
            if cell["cell_type"] != "code" or "report-remove" in tags:
                continue
            with contextlib.redirect_stdout(io.StringIO()):
                exec(compile(source, f"{notebook.name} cell {index}", "exec"), namespace)
            for number in plt.get_fignums():
                drawn += 1
                figure = plt.figure(number)
                problems += [f"cell {index}: {p}" for p in layout_problems(figure)]
            plt.close("all")
    finally:
        os.chdir(before)
        plt.close("all")
    return drawn, problems


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_inline_figure_passes_the_layout_check(notebook):
    stored = sum(
        "image/png" in output.get("data", {})
        for cell in json.loads(notebook.read_text())["cells"]
        for output in cell.get("outputs", [])
    )
    drawn, problems = inline_figures(notebook)
    assert drawn == stored > 0, f"{drawn} figures drawn, {stored} stored"
    assert problems == [], problems
