"""careerstats: compare U.S. occupations from BLS's own files, reproducibly.

>>> import careerstats as cs
>>> cs.compare(cs.MEDICAL_ASSISTANTS, cs.CLINICAL_LAB_TECHNOLOGISTS_AND_TECHNICIANS,
...            area="US")["gap"]["annual_wage_median"]
17240.0
"""

import pandas as _pd

from . import analysis, charts, comparison, growth, pay
from .comparison import compare
from .errors import CareerStatsError, DataValidationError, UnknownCodeError
from .load import load_area, load_oews, load_projections, load_table
from .occupations import (
    ALL_OCCUPATIONS,
    ARTICLE_PAIR,
    CLINICAL_LAB_TECHNOLOGISTS_AND_TECHNICIANS,
    MEDICAL_ASSISTANTS,
    normalize_soc,
)

# Tables of dollar amounts ("$38,190 ... $18.36") must not be typeset as mathematics in
# JupyterLab: pandas then marks its HTML tables for MathJax to skip.
_pd.set_option("display.html.use_mathjax", False)

__all__ = [
    "ALL_OCCUPATIONS",
    "ARTICLE_PAIR",
    "CLINICAL_LAB_TECHNOLOGISTS_AND_TECHNICIANS",
    "MEDICAL_ASSISTANTS",
    "CareerStatsError",
    "DataValidationError",
    "UnknownCodeError",
    "analysis",
    "charts",
    "compare",
    "comparison",
    "growth",
    "load_area",
    "load_oews",
    "load_projections",
    "load_table",
    "normalize_soc",
    "pay",
]
