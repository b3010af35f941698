"""Named SOC codes, so callers never type magic strings, and one normaliser for codes.

Codes are the hyphenated form BLS prints (``31-9092``). The 6-digit form used in the
OEWS flat files (``319092``) is accepted everywhere and normalised here, in one place.
"""

from __future__ import annotations

import re

#: BLS's code for all occupations together (OEWS's total row).
ALL_OCCUPATIONS = "00-0000"
HEALTHCARE_PRACTITIONERS_AND_TECHNICAL = "29-0000"
HEALTHCARE_SUPPORT = "31-0000"

#: The article's "Certified Medical Assistant" (BLS: Medical Assistants).
MEDICAL_ASSISTANTS = "31-9092"
#: The article's "Medical Lab Technician" (BLS: the broad occupation below).
CLINICAL_LAB_TECHNOLOGISTS_AND_TECHNICIANS = "29-2010"
#: Published separately only through May 2016; later folded into 29-2010.
CLINICAL_LAB_TECHNOLOGISTS = "29-2011"
CLINICAL_LAB_TECHNICIANS = "29-2012"
#: Used in the report example of issue 5.
PHLEBOTOMISTS = "31-9097"
RADIOLOGIC_TECHNOLOGISTS_AND_TECHNICIANS = "29-2034"
PHARMACY_TECHNICIANS = "29-2052"
REGISTERED_NURSES = "29-1141"

#: The pair the source article compares, in the article's column order.
ARTICLE_PAIR = (MEDICAL_ASSISTANTS, CLINICAL_LAB_TECHNOLOGISTS_AND_TECHNICIANS)


def is_article_pair(soc_a: str, soc_b: str) -> bool:
    """Whether two codes are the article's pair, in either order."""
    return {soc_a, soc_b} == set(ARTICLE_PAIR)


_SOC = re.compile(r"^(\d{2})-?(\d{4})$")


def normalize_soc(code: object) -> str:
    """A SOC code as BLS prints it.

    Args:
        code: ``NNNNNN``, ``NN-NNNN`` or ``="NN-NNNN"`` (as a spreadsheet exports it).

    Returns:
        The code as ``NN-NNNN``; anything else is a
        :class:`~careerstats.errors.CareerStatsError`.

    Reads:
        Nothing: the code's form only (whether BLS publishes it is the data's to say).

    Example:
        >>> normalize_soc("319092")
        '31-9092'
    """
    from .errors import CareerStatsError, shown

    text = str(code).strip()
    if text.startswith('="') and text.endswith('"'):
        text = text[2:-1]
    m = _SOC.match(text)
    if not m:
        raise CareerStatsError(
            f"not a SOC code: {shown(code)} — expected 'NN-NNNN' (e.g. '31-9092') or 'NNNNNN'"
        )
    return f"{m.group(1)}-{m.group(2)}"


def is_soc(code: object) -> bool:
    """True if ``code`` looks like a SOC code in either form."""
    return bool(_SOC.match(str(code).strip()))
