"""Helpers every analysis shares: checking the codes asked for, and labelling results.

A result carries, in ``DataFrame.attrs``, the BLS titles of its occupations
(``attrs["titles"]``) and the release it comes from (``attrs["release"]``), so that a
chart drawn from it names both without loading anything itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from ..errors import UnknownCodeError
from ..occupations import normalize_soc


def require_socs(frame: pd.DataFrame, socs: Iterable[str], what: str) -> list[str]:
    """``socs`` normalised, each checked to be in ``frame``'s ``soc_code`` column."""
    codes = [normalize_soc(s) for s in socs]
    known = set(frame["soc_code"])
    for s in codes:
        if s not in known:
            raise UnknownCodeError("SOC code", s, sorted(known), f"not in {what}")
    return codes


def labelled(
    result: pd.DataFrame, source: pd.DataFrame, socs: Iterable[str], release: str | None = None
) -> pd.DataFrame:
    """``result`` with ``attrs`` naming the titles of ``socs`` (from ``source``'s
    ``occupation_title``) and the release (``release``, else the newest of ``source``'s
    ``release`` or ``cycle`` column)."""
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
    return result


def plain(value: object) -> Any:
    """NaN/NA -> None; NumPy scalars -> int/float (JSON-ready)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if hasattr(value, "item"):
        value = value.item()
    return value
