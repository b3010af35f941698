"""Compare any two occupations in any area: one JSON-ready result, from BLS's own tables.

:func:`compare` reads the newest (or a chosen) OEWS release for the area and the newest
national Employment Projections cycle, and returns a :class:`Comparison`: a read-only
mapping whose keys are the tables' own column names. Its layout is versioned
(:data:`SCHEMA_VERSION`) and described by the JSON Schema in ``docs/compare.schema.json``;
``careerstats compare --format json`` prints it.

>>> import careerstats as cs
>>> found = cs.comparison.compare("31-9092", "29-2010", area="TX", data=cs.Tables())
>>> found["area"]["area_title"], found["gap"]["annual_wage_median"]
('Texas', 19770.0)

Sampling error and prices (schema version 3): each occupation has
``employment_ci90`` and ``annual_wage_mean_ci90`` (90% intervals from BLS's RSEs; BLS
publishes none for the median), ``reliable`` (every published RSE at most 30%, see
:mod:`~careerstats.analysis.intervals`), ``price_parity`` ({bea_table, year, value,
label}) and ``annual_wage_median_cost_adjusted`` (median / (parity / 100)), both null
for the nation and where BEA publishes no parity (``area.price_parity_note`` says
why). ``gap`` adds ``annual_wage_mean_ci90`` (the interval of the difference,
assuming independence) and ``annual_wage_median_cost_adjusted``.

Where they work (schema version 4): ``industries`` {scope, release, naics_level, top,
rows}: each occupation's five largest 4-digit industries nationally, as
:func:`~careerstats.analysis.industries.records` gives them (BLS publishes industry
estimates for the nation only, whatever ``area`` is).

Version 5: ``industries.unpublished`` lists each occupation BLS publishes no industry
estimates for (a code of an older release), with a note, in place of an error; a
table served from an edited copy (``allow_edited``) adds a ``sources`` record with
``edited: true`` and a ``note``; derived figures (the cost-adjusted gap) come from
unrounded values, rounded once to the cent.

Version 6: ``requirements`` {scope, release, level, groups, occupations, not_published}:
what employers require of each occupation, from BLS's Occupational Requirements Survey
(the newest release here, national): every estimate of minimum education, credentials,
and experience, training and specific vocational preparation, each with its 90%
interval (:mod:`~careerstats.analysis.requirements`). An occupation ORS publishes only
in detail (29-2010: 29-2011 and 29-2012) lists its parts, never averaged; one ORS does
not publish has no parts and a note.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import ClassVar

import pandas as pd

from ..errors import CareerStatsError, NotPublishedError
from ..measures import ORS_RELEASES, PROJECTION_MEASURES, WAGE_FIELDS
from ..occupations import ALL_OCCUPATIONS, normalize_soc
from ..tables.datapackage import resource
from ._common import Data, JsonResult, plain
from .absence import why_absent
from .areas import Area, resolve
from .cost_of_living import cost_adjusted, price_parity
from .industries import COLUMNS, DEFAULT_LEVEL, industries, naics_level_of, records
from .intervals import difference_interval, interval, reliable
from .pay import gap_values
from .requirements import ESTIMATE_KEYS
from .requirements import requirements as ors_requirements

#: Bumped whenever a key is added, renamed, removed or changes meaning.
SCHEMA_VERSION = 6
SCHEMA_NAME = "careerstats.compare"
#: Each occupation's figures, as the OEWS tables name them.
OCCUPATION_FIELDS = ("employment", "employment_rse_pct", *WAGE_FIELDS, "wage_rse_pct")
#: The projection's figures, as the projections table names them.
PROJECTION_FIELDS = (
    "cycle",
    "base_year",
    "target_year",
    *(m for m in PROJECTION_MEASURES if m != "openings_10yr_total"),  # newest cycles: none
)
#: How many of each occupation's industries the comparison lists (4-digit NAICS).
INDUSTRIES_TOP = 5
#: The ORS groups the comparison lists, and the release it reads (the newest here).
REQUIREMENT_GROUPS = ("education", "credentials", "experience")
REQUIREMENTS_RELEASE = ORS_RELEASES[0].split()[0]
#: An ORS estimate's keys in the comparison, as the requirements result names them.
REQUIREMENT_KEYS = (*ESTIMATE_KEYS, "interval_basis", "notes")
#: The figures whose gap (second minus first) is given.
GAP_FIELDS = ("annual_wage_median", "hourly_wage_median", "annual_wage_mean")


@dataclass(frozen=True)
class Comparison(JsonResult):
    """What :func:`compare` returns: two occupations in one area, side by side.

    Its layout is versioned (:data:`SCHEMA_VERSION`, ``docs/compare.schema.json``);
    ``to_dict()`` and ``to_json()`` are its one serializer, and
    ``careerstats.present.tables.comparison_frame`` its one table. A key reads as
    from the dict (``result["gap"]``).
    """

    release: str
    year: int
    area: dict
    occupations: list[dict]
    gap: dict
    industries: dict
    requirements: dict
    sources: list[dict]
    schema: str = SCHEMA_NAME
    schema_version: int = SCHEMA_VERSION

    #: The keys of the JSON, in order.
    KEYS: ClassVar[tuple[str, ...]] = (
        "schema",
        "schema_version",
        "release",
        "year",
        "area",
        "occupations",
        "gap",
        "industries",
        "requirements",
        "sources",
    )


def _num(value: object) -> float:
    return float("nan") if value is None else float(value)  # type: ignore[arg-type]


def _sources(
    table: str, release: str | None, descriptor: dict, title_has: str | None = None
) -> list[dict]:
    """The data package's source records of ``table`` for ``release`` (or whose title
    names ``title_has``)."""
    found = [
        {"title": s["title"], "path": s["path"], "release": s["release"]}
        for s in resource(descriptor, table)["sources"]
        if (release is not None and s["release"] == release)
        or (title_has is not None and title_has in s["title"])
    ]
    if not found:
        raise CareerStatsError(
            f"datapackage.json: no source of {table} for {release} — "
            "expected one (rebuild with `careerstats build-data`)"
        )
    return found


def _distinct(sources: list[dict]) -> list[dict]:
    """``sources`` without repeats (two tables can come from one release)."""
    seen: list[dict] = []
    for source in sources:
        if source not in seen:
            seen.append(source)
    return seen


def _pair(values: tuple[float, float]) -> list[float] | None:
    low, high = values
    if pd.isna(low) or pd.isna(high):
        return None
    return [round(float(low), 2), round(float(high), 2)]


def _rounded(value: float) -> float | None:
    return None if pd.isna(value) else round(float(value), 2)


def compare(
    a: str, b: str, area: str | int = "US", year: int | None = None, *, data: Data
) -> Comparison:
    """Compare occupations ``a`` and ``b`` in ``area`` from the newest (or ``year``'s) OEWS
    release and the newest national Employment Projections cycle.

    Returns ``schema``, ``schema_version``, ``release`` and ``year`` (of the OEWS rows
    read), ``area`` {area_code, area_title, area_type}, ``occupations`` (in argument
    order: soc_code, occupation_title, employment, RSEs, every wage, ``topcoded_fields``
    and ``projection``), ``gap`` (second minus first) and ``sources``. Values BLS does
    not publish are None; a top-coded value is its lower bound, named in
    ``topcoded_fields``. Each schema version's additions are in this module's docstring.
    """
    codes = [normalize_soc(c) for c in (a, b)]
    if codes[0] == codes[1]:
        raise CareerStatsError(f"compare {codes[0]} with itself — expected two different SOC codes")
    place = resolve(area, data.table("areas"))
    only = None if place.area_type == "national" else {"area_code": [place.code]}
    table = data.oews(place.area_type, year if year is not None else "latest", where=only)
    rows = table.set_index("soc_code")
    release = str(table["release"].iloc[0])
    for code in codes:
        if code not in rows.index:
            raise why_absent(code, place, release, data)
    parity, parity_note = _parity(place, data)
    projections = data.projections()
    newest = projections[projections["base_year"] == projections["base_year"].max()]
    cycle = newest.set_index("soc_code")
    entries, unrounded = [], []
    for code in codes:
        entry, adjusted = _entry(rows.loc[code], parity, cycle)
        entries.append(entry)
        unrounded.append(adjusted)
    where, unpublished = _industries(codes, data)
    return Comparison(
        release=release,
        year=int(table["year"].iloc[0]),
        area={
            "area_code": place.code,
            "area_title": place.name,
            "area_type": place.area_type,
            "price_parity_note": parity_note,
        },
        occupations=entries,
        gap=_gap(entries, unrounded),
        industries={
            "scope": "national: BLS publishes industry estimates for the nation only",
            "release": where.attrs["release"],
            "naics_level": where.attrs["naics_level"],
            "top": INDUSTRIES_TOP,
            "rows": records(where),
            "unpublished": unpublished,
        },
        requirements=_requirements(codes, data),
        sources=_all_sources(
            data, place.table, release, str(newest["cycle"].iloc[0]), where, parity
        ),
    )


def _parity(place: Area, data: Data) -> tuple[dict | None, str]:
    """The price parity ``place`` is compared with (None for the nation, or where BEA
    publishes none), and the note saying which rule applied."""
    found = price_parity(place, data.table("areas"), data.table("price_parities"))
    if place.area_type == "national":
        return None, "the nation: wages are at the national price level"
    if found["rpp_all_items"] is None:
        return None, str(found["note"])
    parity = {
        "bea_table": found["bea_table"],
        "year": found["year"],
        "value": found["rpp_all_items"],
        "label": found["label"],
    }
    return parity, str(found["note"])


def _entry(r: pd.Series, parity: dict | None, cycle: pd.DataFrame) -> tuple[dict, float]:
    """One occupation's figures (``r``, its OEWS row), with its intervals, price level and
    projection; and its cost-adjusted median unrounded, for the gap."""
    code = str(r.name)
    entry = {"soc_code": code, "occupation_title": r["occupation_title"]}
    entry |= {f: plain(r[f]) for f in OCCUPATION_FIELDS}
    entry["topcoded_fields"] = (
        [] if pd.isna(r["topcoded_fields"]) else r["topcoded_fields"].split(";")
    )
    entry["is_annual_only"] = bool(r["is_annual_only"])
    entry["is_hourly_only"] = bool(r["is_hourly_only"])
    mean_topcoded = "annual_wage_mean" in entry["topcoded_fields"]
    entry["employment_ci90"] = _pair(
        interval(_num(entry["employment"]), _num(entry["employment_rse_pct"]))
    )
    entry["annual_wage_mean_ci90"] = (
        None
        if mean_topcoded
        else _pair(interval(_num(entry["annual_wage_mean"]), _num(entry["wage_rse_pct"])))
    )
    rses = [v for v in (entry["employment_rse_pct"], entry["wage_rse_pct"]) if v is not None]
    entry["reliable"] = None if not rses else bool(reliable(max(rses)))
    entry["price_parity"] = parity
    adjusted = (
        math.nan
        if parity is None
        else cost_adjusted(_num(entry["annual_wage_median"]), parity["value"])
    )
    entry["annual_wage_median_cost_adjusted"] = _rounded(adjusted)
    entry["projection"] = None
    if code in cycle.index:
        p = cycle.loc[code]
        entry["projection"] = {"cycle": p["cycle"]} | {
            f: plain(p[f]) for f in PROJECTION_FIELDS if f != "cycle"
        }
    return entry, adjusted


def _gap(entries: list[dict], unrounded: list[float]) -> dict:
    """The second occupation minus the first, with the interval of the means' difference;
    the cost-adjusted gap from the ``unrounded`` cost-adjusted medians."""
    first, second = entries
    gap: dict = {}
    for f in GAP_FIELDS:
        x, y = first[f], second[f]
        gap[f] = None if x is None or y is None else round(gap_values(x, y)[0], 2)
    x, y = first["annual_wage_median"], second["annual_wage_median"]
    gap["annual_wage_median_pct"] = None if x is None or y is None else gap_values(x, y)[1]
    gap["topcoded_fields"] = [
        f for f in GAP_FIELDS if f in first["topcoded_fields"] + second["topcoded_fields"]
    ]
    means_bounded = "annual_wage_mean" in gap["topcoded_fields"]
    gap["annual_wage_mean_ci90"] = (
        None
        if means_bounded
        else _pair(
            difference_interval(
                _num(first["annual_wage_mean"]),
                _num(first["wage_rse_pct"]),
                _num(second["annual_wage_mean"]),
                _num(second["wage_rse_pct"]),
            )
        )
    )
    # from the unrounded values: rounding each median first can put the gap a cent off
    gap["annual_wage_median_cost_adjusted"] = (
        None if any(math.isnan(v) for v in unrounded) else _rounded(gap_values(*unrounded)[0])
    )
    return gap


def _all_sources(
    data: Data,
    table: str,
    release: str,
    cycle_name: str,
    where: pd.DataFrame,
    parity: dict | None,
) -> list[dict]:
    """Every source the comparison read, once each: the data package's records, and a
    record for each table served from an edited copy."""
    descriptor = data.descriptor()
    return _distinct(
        [
            *_sources(table, release, descriptor),
            *_sources("projections", f"Employment Projections {cycle_name}", descriptor),
            *_sources("oews_industry", where.attrs["release"], descriptor),
            *(
                _sources("price_parities", None, descriptor, title_has=parity["bea_table"])
                if parity
                else []
            ),
            *_sources("requirements", None, descriptor, title_has=f"{REQUIREMENTS_RELEASE} "),
            *(
                {
                    "title": f"careerstats table {e.table}, edited",
                    "path": e.file,
                    "release": "an edited copy, not as BLS published it",
                    "edited": True,
                    "note": e.note(),
                }
                for e in data.edits()
            ),
        ]
    )


def _industries(codes: list[str], data: Data) -> tuple[pd.DataFrame, list[dict]]:
    """Each occupation's largest industries, and for an occupation BLS publishes none for
    (a code of an older release) a note saying so, in place of an error."""
    held = data.table("oews_industry", where={"soc_code": codes})  # as industries()
    if held.empty:  # neither has any: the release from the all-occupations rows
        held = data.table("oews_industry", where={"soc_code": [ALL_OCCUPATIONS]})
    release = str(held["release"].iloc[0])
    present = [c for c in codes if c in set(held["soc_code"])]
    unpublished = [
        {
            "soc_code": c,
            "note": f"BLS's {release} industry estimates include no {c}: it publishes none "
            "for this occupation",
        }
        for c in codes
        if c not in present
    ]
    if present:
        where = industries(present, level=DEFAULT_LEVEL, top=INDUSTRIES_TOP, data=data)
    else:
        where = pd.DataFrame(columns=list(COLUMNS))
        where.attrs["naics_level"] = naics_level_of(DEFAULT_LEVEL)
    where.attrs["release"] = release
    return where, unpublished


def _requirements(codes: list[str], data: Data) -> dict:
    """What employers require of each occupation (ORS, newest release here): its parts
    and their estimates with 90% intervals; an occupation ORS does not publish gets a
    note in place of an error."""
    table = data.table("requirements")
    release = ORS_RELEASES[0]
    occupations: list[dict] = []
    notes: list[dict] = []
    for code in codes:
        try:
            found = ors_requirements(table, [code], release=release, groups=REQUIREMENT_GROUPS)
        except NotPublishedError as e:  # ORS publishes no part of the code
            notes.append({"soc_code": code, "note": str(e)})
            occupations.append({"soc_code": code, "parts": []})
            continue
        parts: list[dict] = []
        for part, rows in found.groupby("ors_soc_code", sort=False):
            parts.append(
                {
                    "ors_soc_code": part,
                    "ors_occupation": found.attrs["titles"][part],
                    "estimates": [
                        {
                            **{k: plain(r[k]) for k in REQUIREMENT_KEYS},
                            "ci90": _pair((r["lower"], r["upper"])),
                        }
                        for _, r in rows.iterrows()
                    ],
                }
            )
        occupations.append({"soc_code": code, "parts": parts})
        notes += [{"soc_code": code, "note": n} for n in found.attrs["not_published"]]
    return {
        "scope": "national: ORS publishes national estimates only",
        "release": f"ORS {release}",
        "level": 0.9,
        "groups": list(REQUIREMENT_GROUPS),
        "occupations": occupations,
        "not_published": notes,
    }
