"""careerstats: compare U.S. occupations from BLS's own files, reproducibly.

>>> import careerstats as cs
>>> cs.compare(cs.MEDICAL_ASSISTANTS, cs.CLINICAL_LAB_TECHNOLOGISTS_AND_TECHNICIANS,
...            area="US")["gap"]["annual_wage_median"]
17240.0
"""

from . import charts, growth, pay
from . import comparison
from .comparison import compare
from .errors import CareerStatsError, DataValidationError, UnknownCodeError
from .load import load_oews, load_projections, load_table
from .occupations import (
    ARTICLE_PAIR,
    CLINICAL_LAB_TECHNOLOGISTS_AND_TECHNICIANS,
    MEDICAL_ASSISTANTS,
    normalize_soc,
)

__all__ = [
    "ARTICLE_PAIR",
    "CLINICAL_LAB_TECHNOLOGISTS_AND_TECHNICIANS",
    "MEDICAL_ASSISTANTS",
    "CareerStatsError",
    "DataValidationError",
    "UnknownCodeError",
    "charts",
    "compare",
    "comparison",
    "growth",
    "load_oews",
    "load_projections",
    "load_table",
    "normalize_soc",
    "pay",
]
