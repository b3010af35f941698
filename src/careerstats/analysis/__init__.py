"""Layer 3, analysis: pure functions from validated tables to results.

One module per concept: :mod:`~.pay` (wage arithmetic and *the* pay gap),
:mod:`~.wages` (pay across the distribution, years and places), :mod:`~.growth`
(projection arithmetic and BLS's cycles), ``credentials``, ``claims`` (the
article's figures checked), :mod:`~.compare` (any pair, any area), :mod:`~.trace`,
:mod:`~.roi`, :mod:`~.areas`, :mod:`~.rank` (areas ranked with joint rank intervals) and
``simultaneous`` (inference for many areas at once).

The table analyses that notebooks 02-04 call are re-exported here, so
``careerstats.analysis.wage_distribution(...)`` keeps working.

>>> import careerstats as cs
>>> national = cs.load_oews("national", "latest")
>>> cs.analysis.wage_distribution(national, ["31-9092", "29-2010"])["median"].tolist()
[45690.0, 62930.0]
"""

import importlib
from typing import Any

from ..arguments import checked

#: Re-exported name -> its module, imported on first use (a command pays only for its own).
_LAZY = {
    **dict.fromkeys(
        ("credentials_table", "entry_requirements", "renewal_schedule", "renewals"),
        "credentials",
    ),
    **dict.fromkeys(("OUTLOOK_COLUMNS", "outlook", "track_record"), "growth"),
    "rank_moves": "rank",
    **dict.fromkeys(
        (
            "MB3_FIRST_YEAR",
            "area_gaps",
            "cost_adjusted_gaps",
            "licensure_pay",
            "licensure_summary",
            "pay_history",
            "real_change",
            "wage_distribution",
            "wage_history",
        ),
        "wages",
    ),
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'careerstats.analysis' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    if callable(value):  # re-exported, it checks its arguments' types first
        value = checked(value)
    globals()[name] = value
    return value


__all__ = [
    "MB3_FIRST_YEAR",
    "OUTLOOK_COLUMNS",
    "area_gaps",
    "cost_adjusted_gaps",
    "credentials_table",
    "entry_requirements",
    "licensure_pay",
    "licensure_summary",
    "outlook",
    "pay_history",
    "rank_moves",
    "real_change",
    "renewal_schedule",
    "renewals",
    "track_record",
    "wage_distribution",
    "wage_history",
]
