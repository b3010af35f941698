"""The public functions that read ``data/`` themselves: each loads the tables it needs
through :class:`~careerstats.tables.store.Tables` and calls its analysis.

These are what ``careerstats.compare(...)`` and its siblings are. Each has the analysis's
own name and meaning; the analysis in ``careerstats.analysis`` takes its tables as
arguments (``data=``), so that a computation never loads anything itself.

>>> from careerstats import api
>>> api.compare("31-9092", "29-2010")["gap"]["annual_wage_median"]
17240.0
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .analysis import compare as _compare
from .analysis import industries as _industries
from .analysis import rank as _rank
from .analysis import requirements as _requirements
from .analysis import trace as _trace
from .analysis.areas import area_rows, resolve
from .analysis.wages import wage_history
from .errors import CareerStatsError
from .occupations import normalize_soc
from .tables.store import Tables


def compare(
    a: str, b: str, area: str = "US", year: int | None = None, data_dir: Path | None = None
) -> _compare.Comparison:
    """Compare occupations ``a`` and ``b`` in ``area``: see
    :func:`careerstats.analysis.compare.compare`, with the tables of ``data_dir``."""
    return _compare.compare(a, b, area=area, year=year, data=Tables(data_dir))


def load_area(
    area: str = "US", year: int | str | None = "latest", data_dir: Path | None = None
) -> pd.DataFrame:
    """The OEWS rows of one area (any form :func:`~careerstats.analysis.areas.resolve`
    accepts), for ``year`` (every year the data hold with ``None``)."""
    data = Tables(data_dir)
    place = resolve(area, data.table("areas"))
    only = None if place.area_type == "national" else {"area_code": [place.code]}
    return area_rows(place, data.oews(place.area_type, year, where=only))


def industries(
    soc: str | list[str] | tuple[str, ...],
    level: str | int = _industries.DEFAULT_LEVEL,
    top: int | None = None,
    data_dir: Path | None = None,
) -> pd.DataFrame:
    """Where ``soc`` works nationally: see :func:`careerstats.analysis.industries.industries`,
    with the tables of ``data_dir``."""
    return _industries.industries(soc, level=level, top=top, data=Tables(data_dir))


def requirements(
    soc: str | list[str] | tuple[str, ...],
    release: str | None = None,
    category: str | list[str] | None = None,
    data_dir: Path | None = None,
) -> pd.DataFrame:
    """What employers require of ``soc`` (one code or several), from BLS's Occupational
    Requirements Survey: see :func:`careerstats.analysis.requirements.requirements`, with
    the tables of ``data_dir``. ``release`` is "2020" (the newest here, preliminary) or
    "2018"; ``category`` one or more of education, credentials, experience, cognitive,
    physical, environment (all when None).

    >>> found = requirements("31-9092", category="education")
    >>> row = found[found["ors_estimate_code"] == "00076"].iloc[0]
    >>> row["value"], row["standard_error"]
    (70.1, 7.1)
    """
    socs = [soc] if isinstance(soc, str) else list(soc)
    table = Tables(data_dir).table("requirements")
    return _requirements.requirements(table, socs, release=release, groups=category)


def trace(
    value: object,
    soc: str | None = None,
    datasets: list[str] | None = None,
    data_dir: Path | None = None,
) -> pd.DataFrame:
    """Where a quoted figure comes from: see :func:`careerstats.analysis.trace.trace`, with
    the tables of ``data_dir``."""
    return _trace.trace(value, soc=soc, datasets=datasets, data=Tables(data_dir))


def history(
    a: str,
    b: str,
    area: str = "US",
    measure: str = "annual_wage_median",
    dollars: str = "nominal",
    data_dir: Path | None = None,
) -> pd.DataFrame:
    """Two occupations' ``measure`` in every release the data hold for ``area``, in nominal
    dollars and in real dollars of the newest release's May (CPI-U): see
    :func:`careerstats.analysis.wages.wage_history`. ``attrs`` add ``codes`` and
    ``area_title``; ``dollars="real"`` with employment, which is not in dollars, is
    refused."""
    codes = [normalize_soc(c) for c in (a, b)]
    if codes[0] == codes[1]:
        raise CareerStatsError(
            f"history of {codes[0]} with itself — expected two different SOC codes"
        )
    if dollars == "real" and measure == "employment":
        raise CareerStatsError(
            "--dollars real with --measure employment — employment is "
            "not in dollars; expected a wage measure"
        )
    data = Tables(data_dir)
    place = resolve(area, data.table("areas"))
    table = area_rows(place, data.oews(place.area_type, None))
    found = wage_history(table, codes, measure, cpi=data.table("cpi"))
    found.attrs |= {"codes": codes, "area_title": place.name}
    return found


def rank(
    a: str,
    b: str | None = None,
    *,
    by: str = "state",
    measure: str = _rank.DEFAULT_MEASURE,
    cost_adjusted: bool = False,
    method: str | None = None,
    correction: str = "holm",
    data_dir: Path | None = None,
) -> _rank.Ranking:
    """The states or metro areas ranked by ``a``'s ``measure``, or by the gap ``b - a``,
    with joint rank intervals and calls against the nation: see
    :func:`careerstats.analysis.rank.rank`, with the tables of ``data_dir``.

    >>> found = rank("31-9092", "29-2010", by="state")
    >>> found["vs_national"]["uncorrected_counts"]
    {'above': 16, 'below': 23, 'cannot tell': 15}
    """
    return _rank.rank(
        a,
        b,
        by=by,
        measure=measure,
        cost_adjusted=cost_adjusted,
        method=method,
        correction=correction,
        data=Tables(data_dir),
    )
