"""The public functions: every analysis a ``careerstats`` command offers, one import away.

Each function that reads ``data/`` loads the tables it needs through
:class:`~careerstats.tables.store.Tables` (verified: the recorded SHA-256, careerstats' own
data dictionary, the build's checks) and calls its analysis in
:mod:`careerstats.analysis`, which takes its tables as arguments and loads nothing itself.
``data_dir`` names another copy of the data package (default: the one careerstats
carries, or ``CAREERSTATS_DATA``).

Every argument is checked against its annotation first: a wrong type is an
:class:`~careerstats.errors.ArgumentTypeError`, a wrong value another
:class:`~careerstats.errors.CareerStatsError`, each naming the argument and what was
expected.

>>> from careerstats import api
>>> api.compare("31-9092", "29-2010")["gap"]["annual_wage_median"]
17240.0
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import pandas as pd

from .analysis import compare as _compare
from .analysis import cost_of_living as _cost_of_living
from .analysis import industries as _industries
from .analysis import intervals as _intervals
from .analysis import rank as _rank
from .analysis import requirements as _requirements
from .analysis import roi as _roi
from .analysis import trace as _trace
from .analysis.areas import area_rows, resolve
from .analysis.wages import wage_history
from .arguments import checked
from .errors import CareerStatsError
from .occupations import normalize_soc
from .tables.store import Tables

Codes = str | list[str] | tuple[str, ...]

#: The modules of careerstats' API reference (``make docs``), a page each: the package,
#: this module, the modules of every name in ``careerstats.__all__``, the analyses the
#: functions here call (their results' classes), and the data dictionary.
#: ``tests/test_docs.py`` checks that none is left out.
REFERENCE_MODULES = (
    "careerstats",
    "careerstats.api",
    "careerstats.errors",
    "careerstats.extras",
    "careerstats.occupations",
    "careerstats.analysis",
    "careerstats.analysis.areas",
    "careerstats.analysis.compare",
    "careerstats.analysis.cost_of_living",
    "careerstats.analysis.growth",
    "careerstats.analysis.industries",
    "careerstats.analysis.intervals",
    "careerstats.analysis.pay",
    "careerstats.analysis.rank",
    "careerstats.analysis.requirements",
    "careerstats.analysis.roi",
    "careerstats.analysis.trace",
    "careerstats.analysis.wages",
    "careerstats.measures",
    "careerstats.tables.dictionary",
    "careerstats.tables.resources",
    "careerstats.tables.load",
    "careerstats.tables.store",
    "careerstats.present.charts",
)

# The pure helpers, argument-checked (documented where they are defined).
interval = checked(_intervals.interval)
difference_interval = checked(_intervals.difference_interval)
cost_adjusted = checked(_cost_of_living.cost_adjusted)


@checked
def compare(
    a: str, b: str, area: str | int = "US", year: int | None = None, data_dir: Path | None = None
) -> _compare.Comparison:
    """Compare occupations ``a`` and ``b`` in one area, side by side.

    Args:
        a: the first occupation's SOC code (``"31-9092"`` or ``"319092"``).
        b: the second occupation's SOC code; the gap is ``b`` minus ``a``.
        area: the nation (``"US"``), a state (``"CA"``, ``"California"``, ``6``), a metro
            area by name or OEWS code, or a nonmetropolitan area.
        year: an OEWS release's year (national: every May the data hold); None for the
            newest.
        data_dir: another copy of the data package.

    Returns:
        A :class:`~careerstats.analysis.compare.Comparison` (reads as a dict):
        ``occupations`` (employment, every wage with its interval, the projection),
        ``gap``, the area's price parity and ``sources``. Its layout is
        ``docs/compare.schema.json``.

    Reads:
        OEWS (the newest release, or ``year``'s), the newest Employment Projections cycle,
        BEA's price parities.

    Example:
        >>> found = compare("31-9092", "29-2010", area="CA")
        >>> found["release"], found["area"]["area_title"]
        ('May 2025', 'California')
        >>> found["occupations"][0]["employment"]
        117060
    """
    return _compare.compare(a, b, area=area, year=year, data=Tables(data_dir))


@checked
def load_area(
    area: str | int = "US", year: int | str | None = "latest", data_dir: Path | None = None
) -> pd.DataFrame:
    """Every occupation's OEWS row in one area.

    Args:
        area: any form :func:`compare` takes.
        year: a release's year, ``"latest"`` for the newest, None for every year the data
            hold.
        data_dir: another copy of the data package.

    Returns:
        A DataFrame, one row per occupation (and year), in the columns of the
        ``oews_national``, ``oews_state`` or ``oews_metro`` table.

    Reads:
        OEWS, the newest release by default.

    Example:
        >>> rows = load_area("CA")
        >>> rows["release"].iloc[0], rows["area_title"].iloc[0]
        ('May 2025', 'California')
    """
    data = Tables(data_dir)
    place = resolve(area, data.table("areas"))
    only = None if place.area_type == "national" else {"area_code": [place.code]}
    return area_rows(place, data.oews(place.area_type, year, where=only))


@checked
def industries(
    soc: Codes,
    level: str | int = _industries.DEFAULT_LEVEL,
    top: int | None = None,
    data_dir: Path | None = None,
) -> pd.DataFrame:
    """Where occupations work: the industries that employ them, largest share first.

    Args:
        soc: one SOC code or several.
        level: ``"sector"``, ``3``, ``4``, ``5`` (NAICS digits) or ``"ownership"``.
        top: keep each occupation's first ``top`` industries; None keeps all.
        data_dir: another copy of the data package.

    Returns:
        A DataFrame, one row per occupation and industry: employment, its share of the
        occupation's jobs, the median and mean wage with the mean's 90% interval, and why
        a value is missing (see :func:`careerstats.analysis.industries.industries`).
        ``attrs["release"]`` names the release.

    Reads:
        OEWS national industry estimates, the newest release.

    Example:
        >>> found = industries("31-9092", top=1)
        >>> found.attrs["release"], found["industry_title"].iloc[0]
        ('May 2025', 'Offices of Physicians')
    """
    return _industries.industries(soc, level=level, top=top, data=Tables(data_dir))


@checked
def requirements(
    soc: Codes,
    release: str | None = None,
    category: str | list[str] | None = None,
    data_dir: Path | None = None,
) -> pd.DataFrame:
    """What employers require of occupations, from BLS's Occupational Requirements Survey.

    Args:
        soc: one SOC code or several; a code ORS publishes in parts (29-2010 as 29-2011
            and 29-2012) is shown as its parts, never averaged.
        release: ``"2020"`` (preliminary, the newest here) or ``"2018"``; None for the
            newest.
        category: one or more of education, credentials, experience, cognitive, physical,
            environment; None for all.
        data_dir: another copy of the data package.

    Returns:
        A DataFrame, one row per estimate: BLS's series id, the requirement and category,
        the estimate, its standard error and 90% interval, footnotes. ``attrs`` name the
        release, each code's parts and what ORS does not publish.

    Reads:
        The ORS workbook of ``release``.

    Example:
        >>> found = requirements("31-9092", category="education")
        >>> found.attrs["release"]
        'ORS 2020 preliminary'
        >>> row = found[found["ors_estimate_code"] == "00076"].iloc[0]
        >>> float(row["value"]), float(row["standard_error"])
        (70.1, 7.1)
    """
    socs = [soc] if isinstance(soc, str) else list(soc)
    table = Tables(data_dir).table("requirements")
    return _requirements.requirements(table, socs, release=release, groups=category)


@checked
def trace(
    value: object,
    soc: str | None = None,
    datasets: list[str] | None = None,
    data_dir: Path | None = None,
) -> pd.DataFrame:
    """Where a quoted figure comes from: every BLS value in the data that it matches.

    Args:
        value: the figure as quoted: ``38190``, ``"$38,190"``, ``"18%"``, ``"811,000"``.
        soc: only this occupation's values.
        datasets: only these tables (``oews_national``, ``oews_state``, ``oews_metro``,
            ``projections``); None for all.
        data_dir: another copy of the data package.

    Returns:
        A DataFrame: dataset, release, area_code, soc_code, measure, value and how it
        matched (exact first, then in thousands, rounded). Empty when nothing matches.

    Reads:
        OEWS (every release the data hold) and Employment Projections (every cycle).

    Example:
        >>> found = trace("$45,690", soc="31-9092", datasets=["oews_national"])
        >>> found[["release", "measure", "match"]].iloc[0].tolist()
        ['May 2025', 'annual_wage_median', 'exact']
    """
    return _trace.trace(value, soc=soc, datasets=datasets, data=Tables(data_dir))


@checked
def history(
    a: str,
    b: str,
    area: str | int = "US",
    measure: str = "annual_wage_median",
    dollars: Literal["nominal", "real"] = "nominal",
    data_dir: Path | None = None,
) -> pd.DataFrame:
    """Two occupations' pay (or employment) in every release the data hold, nominal and real.

    Args:
        a: the first occupation's SOC code.
        b: the second, a different code.
        area: any form :func:`compare` takes.
        measure: an OEWS measure: ``annual_wage_median``, another wage, or
            ``employment``.
        dollars: ``"nominal"`` or ``"real"``; both are in the result, and ``"real"`` with
            employment (not in dollars) is refused.
        data_dir: another copy of the data package.

    Returns:
        A DataFrame, one row per year and occupation: ``value_nominal``, ``value_real``
        (in dollars of the newest release's May, by CPI-U), ``dollars_of``, the method
        and whether the value is top-coded. ``attrs`` add ``codes`` and ``area_title``.

    Reads:
        OEWS, every release the data hold for the area; BLS's CPI-U.

    Example:
        >>> found = history("31-9092", "29-2010", dollars="real")
        >>> newest = found[found["year"] == found["year"].max()]
        >>> newest[["release", "value_nominal"]].values.tolist()
        [['May 2025', 45690.0], ['May 2025', 62930.0]]
    """
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


@checked
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
    """The states or metro areas ranked by an occupation's pay, or by a pair's gap, with
    BLS's sampling error.

    Args:
        a: the occupation ranked (or the first of the pair).
        b: with ``b``, areas are ranked by the gap ``b - a``.
        by: ``"state"`` or ``"metro"``.
        measure: ``annual_wage_mean`` (BLS publishes its RSE) or ``employment``; a
            median has no published error.
        cost_adjusted: divide each area's pay by its price parity first.
        method: how rank intervals are drawn; None for the default.
        correction: the multiple-comparison correction of the calls against the nation
            (``"holm"``).
        data_dir: another copy of the data package.

    Returns:
        A :class:`~careerstats.analysis.rank.Ranking` (reads as a dict): ``rows`` in
        order with joint rank intervals, each area's call against the nation
        (``vs_national``), the release and notes.

    Reads:
        OEWS state or metro estimates, the newest release; BEA's price parities when
        ``cost_adjusted``.

    Example:
        >>> found = rank("31-9092", "29-2010", by="state")
        >>> found["release"], found["vs_national"]["uncorrected_counts"]
        ('May 2025', {'above': 16, 'below': 23, 'cannot tell': 15})
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


@checked
def price_parity(area: str | int, data_dir: Path | None = None) -> dict[str, object]:
    """The price level an area's wages are compared with (BEA's regional price parity).

    Args:
        area: any form :func:`compare` takes.
        data_dir: another copy of the data package.

    Returns:
        A dict: ``area_code``, ``area_title``, ``rpp_all_items`` (U.S. = 100; None where
        BEA publishes none, as for territories), ``year``, ``bea_table``, ``label`` and
        ``note`` (see :func:`careerstats.analysis.cost_of_living.price_parity`). Divide a
        wage by it with :func:`~careerstats.analysis.cost_of_living.cost_adjusted`.

    Reads:
        BEA's newest state (SARPP), metro (MARPP) or state-portion (PARPP) parities.

    Example:
        >>> found = price_parity("CA")
        >>> found["label"], found["rpp_all_items"]
        ('2023 state price parities', 112.581)
        >>> round(cost_adjusted(50_000, found["rpp_all_items"]))
        44412
    """
    data = Tables(data_dir)
    areas = data.table("areas")
    place = resolve(area, areas)
    return _cost_of_living.price_parity(place, areas, data.table("price_parities"))


@checked
def return_on_training(
    a: str,
    b: str,
    *,
    cost_a: float | None = None,
    cost_b: float | None = None,
    years_a: float | None = None,
    years_b: float | None = None,
    data_dir: Path | None = None,
) -> _roi.TrainingReturn:
    """Return on training: two careers' cumulative net earnings, and when ``b`` catches up.

    Args:
        a: the first career's SOC code (usually the shorter training).
        b: the second career's SOC code.
        cost_a: the first training's whole cost in US dollars; None for the default
            (for the article's pair, IPEDS's median program; else USD 0, yours to set).
        cost_b: the second training's cost, likewise.
        years_a: years of full-time training; None for the default (the article's years
            for its pair; else what BLS's typical entry education implies).
        years_b: likewise for ``b``.
        data_dir: another copy of the data package.

    Returns:
        A :class:`~careerstats.analysis.roi.TrainingReturn`: both paths, every assumption
        with its source, cumulative net earnings by year, the break-even year (None if
        not within the horizon) and the release.

    Reads:
        OEWS national, the newest release for starting wages and every release for real
        growth; BLS's CPI-U; Employment Projections' typical education; NCES IPEDS
        program charges (2023-24) for the article's pair.

    Example:
        >>> found = return_on_training("31-9092", "29-2010")
        >>> found.release, round(found.break_even_years, 1)
        ('May 2025', 4.7)
    """
    return _roi.return_on_training(
        a,
        b,
        cost_a=cost_a,
        cost_b=cost_b,
        years_a=years_a,
        years_b=years_b,
        data=Tables(data_dir),
    )
