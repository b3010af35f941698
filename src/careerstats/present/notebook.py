"""Display settings for notebooks, set where the output is made (never on import)."""

from __future__ import annotations

from typing import Any


def figure_alt_text(fig: Any) -> str:
    """A chart's alternative text for screen readers: "Chart: " and its title (the finding
    it states), on one line."""
    titles = []
    suptitle = getattr(fig, "_suptitle", None)
    if suptitle is not None and suptitle.get_text().strip():
        titles.append(suptitle.get_text())
    for ax in fig.axes:
        for which in ("title", "_left_title", "_right_title"):
            text = getattr(ax, which).get_text()
            if text.strip():
                titles.append(text)
    words = " ".join(" ".join(titles).split())
    return f"Chart: {words}" if words else "Chart"


def _describe_figures() -> None:
    """Show each matplotlib figure with its alt text (output metadata ``alt``, which
    JupyterLab and nbconvert's HTML both use)."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - not in IPython
        return
    shell = get_ipython()
    if shell is None:
        return
    from matplotlib.figure import Figure

    shell.run_line_magic("matplotlib", "inline")
    formatter = shell.display_formatter.formatters["image/png"]
    draw = formatter.lookup_by_type(Figure)
    if getattr(draw, "_careerstats_alt", False):
        return

    def png_with_alt(fig: Figure) -> Any:
        data = draw(fig)
        return (data, {"alt": figure_alt_text(fig)}) if data is not None else None

    png_with_alt._careerstats_alt = True  # type: ignore[attr-defined]
    formatter.for_type(Figure, png_with_alt)


def setup_notebook() -> None:
    """Make pandas' tables and the charts read right in JupyterLab and in the HTML report.

    Tables of dollar amounts ("$38,190 ... $18.36") must not be typeset as mathematics:
    pandas then marks its HTML tables for MathJax to skip. Long texts (sources, titles) are
    shown whole. Each chart carries alt text (its title). Call once at the top of a
    notebook; ``import careerstats`` changes no global option.
    """
    import pandas as pd

    pd.set_option("display.html.use_mathjax", False)
    pd.set_option("display.max_colwidth", None)
    _describe_figures()


def strip_widget_state(path: Any) -> None:
    """Remove live widgets' outputs and state from a stored notebook: their model ids are
    random, so stored outputs stay deterministic (cells tagged ``nbval-ignore-output``)."""
    import json
    from pathlib import Path

    path = Path(path)
    nb = json.loads(path.read_text(encoding="utf-8"))
    nb.get("metadata", {}).pop("widgets", None)
    for cell in nb["cells"]:
        if "nbval-ignore-output" in cell.get("metadata", {}).get("tags", []):
            cell["outputs"], cell["execution_count"] = [], None
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
