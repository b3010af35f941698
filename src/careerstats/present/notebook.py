"""Display settings for notebooks, set where the output is made (never on import)."""

from __future__ import annotations


def setup_notebook() -> None:
    """Make pandas' tables read right in JupyterLab and in the HTML report.

    Tables of dollar amounts ("$38,190 ... $18.36") must not be typeset as mathematics:
    pandas then marks its HTML tables for MathJax to skip. Call once at the top of a
    notebook; ``import careerstats`` changes no global option.
    """
    import pandas as pd

    pd.set_option("display.html.use_mathjax", False)
