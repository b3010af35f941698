"""Sphinx configuration of careerstats' API reference: ``make docs`` builds it from the
docstrings into docs/_build/html (not committed), and fails on any warning."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

import careerstats  # noqa: E402

project = "careerstats"
version = release = careerstats.__version__ if hasattr(careerstats, "__version__") else ""
extensions = [
    "sphinx.ext.autodoc",
    "careerstats_docs",
]
exclude_patterns = ["_build"]
html_theme = "alabaster"
# the data dictionary's titles and BLS's words as they are written, quotes included
smartquotes = False
html_theme_options = {"page_width": "1100px", "sidebar_width": "280px"}
html_static_path = ["_static"]
html_css_files = ["careerstats.css"]

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_preserve_defaults = True

# Every cross-reference to careerstats must resolve. Other projects' names (pandas,
# matplotlib, the standard library) have no inventory here (no network), so they are not
# checked; careerstats' own are.
nitpicky = True
nitpick_ignore_regex = [
    (r"py:.*", r"(pd|pandas|np|numpy|plt|matplotlib|mpl|pathlib|collections|typing|types|os|datetime|io)\..*"),
    (r"py:class", r"(Path|Figure|Axes|DataFrame|Series|Callable|Iterable|Sequence|Mapping|Any|NoReturn|TypeVar|F)"),
    # two private classes, named in signatures and base lists: Data (the protocol that
    # careerstats.Tables implements, documented on careerstats.tables.store) and the base
    # of Comparison and Ranking
    (r"py:class", r"careerstats\.analysis\._common\.(Data|JsonResult)"),
]
