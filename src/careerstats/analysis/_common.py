"""Helpers every analysis shares: checking the codes asked for, and labelling results.

A result carries, in ``DataFrame.attrs``, the BLS titles of its occupations
(``attrs["titles"]``) and the release it comes from (``attrs["release"]``), so that a
chart drawn from it names both without loading anything itself.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, ClassVar, Protocol

import pandas as pd

from ..errors import CareerStatsError, UnknownCodeError, shown
from ..occupations import normalize_soc


class Data(Protocol):
    """What an analysis that reads many tables is given: the tables of one data package.
    :class:`careerstats.tables.store.Tables` is the one implementation that loads them;
    an analysis never loads a table itself (ARCHITECTURE.md)."""

    def table(self, name: str, where: dict | None = None) -> pd.DataFrame: ...

    def oews(
        self, area_type: str = "national", year: int | str | None = None, where: dict | None = None
    ) -> pd.DataFrame: ...

    def projections(self, cycle: str | None = None) -> pd.DataFrame: ...

    def descriptor(self) -> dict: ...

    def edits(self) -> list[Any]: ...


#: Why BLS publishes no value, or only a bound, in its own terms: oe.footnote's codes and
#: the national XLSX files' markers.
BLS_REASONS = {
    "not_released": "BLS footnote 8: estimate not released",
    "hourly_only": "BLS footnote 4: BLS publishes hourly wages only",
    "annual_only": "BLS footnote 4: BLS publishes annual wages only",
    "topcoded": "BLS footnote 5: at least the cap, a lower bound",
    "wage_marker": "BLS marker *: wage not available",
    "employment_marker": "BLS marker **: employment not available",
}


def require_socs(frame: pd.DataFrame, socs: Iterable[str], what: str) -> list[str]:
    """``socs`` normalised, each checked to be in ``frame``'s ``soc_code`` column."""
    if not isinstance(frame, pd.DataFrame) or "soc_code" not in frame.columns:
        raise CareerStatsError(
            f"{what}: {shown(type(frame).__name__)} — expected a table with a soc_code "
            "column, as careerstats' loaders return"
        )
    if isinstance(socs, str) or not isinstance(socs, Iterable):
        raise CareerStatsError(f"SOC codes {shown(socs)}: expected a list of codes")
    codes = [normalize_soc(s) for s in socs]
    known = set(frame["soc_code"])
    for s in codes:
        if s not in known:
            raise UnknownCodeError("SOC code", s, sorted(known), f"not in {what}")
    return codes


def require_projected(projections: pd.DataFrame, socs: Iterable[str]) -> list[str]:
    """``socs`` normalised, each checked to be in the Employment Projections table. A code
    BLS projects in none of its cycles here is said to be so, not called unknown: it may
    well be an OEWS code (a broad group BLS projects only by its detailed codes); whether
    a code is known at all is for the OEWS lists to say (``compare`` checks that)."""
    from ..errors import NotPublishedError
    from ..occupations import normalize_soc

    codes = [normalize_soc(s) for s in socs]
    if isinstance(projections, pd.DataFrame) and {"soc_code", "cycle"} <= set(projections):
        known = set(projections["soc_code"])
        cycles = sorted(set(projections["cycle"]))
        for code in codes:
            if code not in known and cycles:
                span = cycles[0] if len(cycles) == 1 else f"{cycles[0]} to {cycles[-1]}"
                raise NotPublishedError(
                    code,
                    code,
                    f"SOC code {code!r} has no projection in BLS's Employment Projections "
                    f"here ({span}), so its growth, openings and entry education are not "
                    "published here",
                )
    return require_socs(projections, codes, "the projections table")


def labelled(
    result: pd.DataFrame,
    source: pd.DataFrame,
    socs: Iterable[str],
    release: str | None = None,
    measure: str | None = None,
) -> pd.DataFrame:
    """``result`` with ``attrs`` naming the titles of ``socs`` (from ``source``'s
    ``occupation_title``), the release (``release``, else the newest of ``source``'s
    ``release`` or ``cycle`` column) and, where the result holds one measure for each
    occupation (a wage, a gap in it), that measure's column (``attrs["measure"]``)."""
    codes = list(socs)
    titles: dict[str, str] = {}
    if "occupation_title" in source.columns:  # the newest title of each code
        rows = source[source["soc_code"].isin(codes)]
        order = next((c for c in ("year", "base_year") if c in rows.columns), None)
        if order:
            rows = rows.sort_values(order, kind="stable")
        titles = dict(zip(rows["soc_code"], rows["occupation_title"], strict=True))
    if release is None and len(source):
        if {"release", "year"} <= set(source.columns):
            release = str(source["release"].loc[source["year"].idxmax()])
        elif {"cycle", "base_year"} <= set(source.columns):
            release = "Employment Projections " + str(
                source["cycle"].loc[source["base_year"].idxmax()]
            )
    result.attrs["titles"] = {s: titles[s] for s in codes if s in titles}
    if release is not None:
        result.attrs["release"] = release
    if measure is not None:
        result.attrs["measure"] = measure
    return result


def plain(value: object) -> Any:
    """NaN/NA -> None; NumPy scalars -> int/float (JSON-ready)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if hasattr(value, "item"):
        value = value.item()
    return value


class JsonResult(Mapping):
    """A result that reads as a read-only mapping of its JSON keys (``result["gap"]``),
    with one serializer: the base of :class:`~careerstats.analysis.compare.Comparison`
    and :class:`~careerstats.analysis.rank.Ranking` (frozen dataclasses that list their
    keys, in order, in ``KEYS``)."""

    KEYS: ClassVar[tuple[str, ...]] = ()

    def to_dict(self) -> dict:
        """The JSON-ready result, keys in :attr:`KEYS` order."""
        return {k: getattr(self, k) for k in self.KEYS}

    def to_json(self, indent: int | None = 2) -> str:
        """The result as JSON (what the command's ``--format json`` prints)."""
        return json.dumps(self.to_dict(), indent=indent)

    def __getitem__(self, key: str) -> Any:
        if key not in self.KEYS:
            raise KeyError(key)
        return getattr(self, key)

    def __iter__(self) -> Iterator[str]:
        return iter(self.KEYS)

    def __len__(self) -> int:
        return len(self.KEYS)
