"""careerstats: compare U.S. occupations from BLS's own files, reproducibly.

>>> import careerstats as cs
>>> cs.compare(cs.MEDICAL_ASSISTANTS, cs.CLINICAL_LAB_TECHNOLOGISTS_AND_TECHNICIANS,
...            area="US")["gap"]["annual_wage_median"]
17240.0

Every analysis a command offers is one import away: ``compare``, ``history`` (nominal and
real dollars), ``industries``, ``rank``, ``requirements``, ``trace``, ``price_parity`` and
``cost_adjusted`` (cost of living), ``interval`` and ``difference_interval`` (sampling
error), ``return_on_training``; and the loaders (``load_table``, ``load_oews``,
``load_projections``, ``load_area``, :class:`~careerstats.tables.store.Tables`). The
functions that read ``data/`` load it verified, and every argument is checked first
(:class:`~careerstats.errors.ArgumentTypeError`).

The layers, bottom to top (see ARCHITECTURE.md): ``ingest`` (raw files in), ``tables``
(the data dictionary, the data package, validated loading, the build), ``analysis``,
``present`` (charts, tables to read, the report), and ``api`` and ``cli`` on top.
Modules and heavy dependencies load on first use, so ``import careerstats`` stays light.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .errors import (
    ArgumentTypeError,
    CareerStatsError,
    DataValidationError,
    MissingExtraError,
    UnknownCodeError,
)
from .occupations import (
    ALL_OCCUPATIONS,
    ARTICLE_PAIR,
    CLINICAL_LAB_TECHNOLOGISTS_AND_TECHNICIANS,
    MEDICAL_ASSISTANTS,
    normalize_soc,
)

if TYPE_CHECKING:  # pragma: no cover
    from .analysis import compare as comparison
    from .analysis import growth, pay
    from .api import (
        compare,
        cost_adjusted,
        difference_interval,
        history,
        industries,
        interval,
        load_area,
        price_parity,
        rank,
        requirements,
        return_on_training,
        trace,
    )
    from .present import charts
    from .tables.load import load_oews, load_projections, load_table
    from .tables.store import Tables

#: Public name -> (module, attribute or None for the module itself), imported on first use.
_LAZY = {
    "analysis": ("careerstats.analysis", None),
    "charts": ("careerstats.present.charts", None),
    "comparison": ("careerstats.analysis.compare", None),
    "growth": ("careerstats.analysis.growth", None),
    "pay": ("careerstats.analysis.pay", None),
    **{
        name: ("careerstats.api", name)
        for name in (
            "compare",
            "cost_adjusted",
            "difference_interval",
            "history",
            "industries",
            "interval",
            "load_area",
            "price_parity",
            "rank",
            "requirements",
            "return_on_training",
            "trace",
        )
    },
    "Tables": ("careerstats.tables.store", "Tables"),
    "load_oews": ("careerstats.tables.load", "load_oews"),
    "load_projections": ("careerstats.tables.load", "load_projections"),
    "load_table": ("careerstats.tables.load", "load_table"),
}


def __getattr__(name: str) -> Any:
    try:
        module, attribute = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'careerstats' has no attribute {name!r}") from None
    value = importlib.import_module(module)
    if attribute is not None:
        value = getattr(value, attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])


__all__ = [
    "ALL_OCCUPATIONS",
    "ARTICLE_PAIR",
    "CLINICAL_LAB_TECHNOLOGISTS_AND_TECHNICIANS",
    "MEDICAL_ASSISTANTS",
    "ArgumentTypeError",
    "CareerStatsError",
    "DataValidationError",
    "MissingExtraError",
    "Tables",
    "UnknownCodeError",
    "analysis",
    "charts",
    "compare",
    "comparison",
    "cost_adjusted",
    "difference_interval",
    "growth",
    "history",
    "industries",
    "interval",
    "load_area",
    "load_oews",
    "load_projections",
    "load_table",
    "normalize_soc",
    "pay",
    "price_parity",
    "rank",
    "requirements",
    "return_on_training",
    "trace",
]
