"""careerstats: compare U.S. occupations from BLS's own files, reproducibly.

>>> import careerstats as cs
>>> claims = cs.load_table("article_claims")
>>> cs.pay.pay_gap(cs.compare.claims_wide(claims), cs.MEDICAL_ASSISTANTS,
...                cs.CLINICAL_LAB_TECHNOLOGISTS_AND_TECHNICIANS).annual.absolute
18720.0
"""

from . import charts, compare, growth, pay
from .errors import CareerStatsError, DataValidationError, UnknownCodeError
from .load import load_table
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
    "growth",
    "load_table",
    "normalize_soc",
    "pay",
]
