"""Cost of living: a state or metro wage divided by its regional price parity / 100.

Which parity an OEWS area gets (:func:`area_parities`), one rule everywhere:

- the nation: 100, by definition;
- a state (and DC): BEA's state parity (SARPP), newest year (2023);
- a metropolitan area (OEWS code ``00`` + CBSA): BEA's metro parity (MARPP), newest year
  (2024); a metro division or other area BEA publishes no parity for stays missing;
- a nonmetropolitan area (OEWS code ``SS`` + five digits): the state's
  **nonmetropolitan portion** (PARPP ``SS999``), newest year (2024); the portion's price
  level is the closest BEA publishes, not the area's own;
- a territory (Guam, Puerto Rico, the Virgin Islands): missing, BEA publishes none.

Parities lag wages: the newest state parities are 2023, applied to May 2025 wages; every
result names the parity year ("2023 state price parities", "2024 metro price parities").
Nothing is imputed: where there is no parity, the result is missing with the reason.
"""

from __future__ import annotations

import math

import pandas as pd

from ..errors import CareerStatsError, shown
from .areas import NATIONAL, Area

TERRITORY_FIPS = {"66", "72", "78"}


def _newest(parities: pd.DataFrame, table: str) -> dict[str, tuple[str, int, float]]:
    """BEA area -> (name, year, parity) in ``table``'s newest year."""
    rows = parities[(parities["bea_table"] == table) & parities["rpp_all_items"].notna()]
    rows = rows[rows["year"] == rows["year"].max()]
    return {
        str(g): (str(n), int(y), float(r))
        for g, n, y, r in zip(
            rows["geo_fips"], rows["geo_name"], rows["year"], rows["rpp_all_items"], strict=True
        )
    }


def area_parities(areas: pd.DataFrame, parities: pd.DataFrame) -> pd.DataFrame:
    """For every OEWS area (the ``areas`` table): the parity it is compared with
    (``rpp_all_items``, from the ``price_parities`` table), its year, BEA's table and area,
    and a ``parity_note`` saying which rule applied or why none."""
    state, metro, portion = (_newest(parities, t) for t in ("SARPP", "MARPP", "PARPP"))
    rows = []
    for code, kind, fips in zip(
        areas["area_code"], areas["area_type"], areas["area_state_fips"], strict=True
    ):
        found: tuple[str, int, float] | None = None
        table, geo, note = None, None, ""
        if code == NATIONAL:
            geo, table = "00000", "SARPP"
            found = state.get(geo)
            note = "the nation (U.S. = 100)"
        elif fips in TERRITORY_FIPS:
            note = "BEA publishes no price parity for territories"
        elif kind == "state":
            geo, table = f"{fips}000", "SARPP"
            found = state.get(geo)
            note = "the state's parity"
        elif code.startswith("00"):
            geo, table = code[2:], "MARPP"
            found = metro.get(geo)
            note = (
                "the metro area's parity"
                if found is not None
                else "BEA publishes no parity for this area (CBSA " + geo + ")"
            )
        else:
            geo, table = f"{fips}999", "PARPP"
            found = portion.get(geo)
            note = "the state's nonmetropolitan portion (the area has no parity of its own)"
        rows.append(
            {
                "area_code": code,
                "area_type": kind,
                "bea_table": table if found is not None else None,
                "geo_fips": geo if found is not None else None,
                "geo_name": None if found is None else found[0],
                "parity_year": None if found is None else found[1],
                "rpp_all_items": math.nan if found is None else found[2],
                "parity_note": note
                if found is not None or not note.startswith("the")
                else f"{note}: none published",
            }
        )
    return pd.DataFrame(rows)


def parity_label(table: str | None, year: int | None) -> str | None:
    """How a parity is named where it is shown: "2023 state price parities"."""
    if table is None or year is None:
        return None
    kind = {"SARPP": "state", "MARPP": "metro", "PARPP": "state-portion"}[table]
    return f"{int(year)} {kind} price parities"


def cost_adjusted(wage: float | None, rpp: float | None) -> float:
    """A wage at the national price level: wage / (RPP / 100).

    Args:
        wage: a wage in an area, in dollars.
        rpp: the area's regional price parity (U.S. = 100), as
            :func:`careerstats.api.price_parity` finds it.

    Returns:
        The wage in national prices; NaN where either is missing.

    Reads:
        Nothing: arithmetic on the figures given.

    Example:
        >>> cost_adjusted(56_000, 112.5)
        49777.77777777778
    """
    if wage is None or rpp is None or math.isnan(float(wage)) or math.isnan(float(rpp)):
        return math.nan
    if rpp <= 0:
        raise CareerStatsError(f"price parity {shown(rpp)}: expected a positive index")
    return float(wage) / (float(rpp) / 100)


def price_parity(place: Area, areas: pd.DataFrame, parities: pd.DataFrame) -> dict[str, object]:
    """The price parity ``place`` is compared with, by :func:`area_parities`' rule.

    Args:
        place: an OEWS area, as :func:`~careerstats.analysis.areas.resolve` finds it.
        areas: the ``areas`` table.
        parities: the ``price_parities`` table (BEA's SARPP, MARPP and PARPP).

    Returns:
        A dict: ``area_code``, ``area_title``, ``rpp_all_items`` (None where BEA publishes
        none), ``year``, ``bea_table``, ``label`` ("2024 metro price parities") and
        ``note`` (which rule applied, or why there is none).
    """
    row = area_parities(areas[areas["area_code"] == place.code], parities).iloc[0]
    found = pd.notna(row["rpp_all_items"])
    return {
        "area_code": place.code,
        "area_title": place.name,
        "rpp_all_items": float(row["rpp_all_items"]) if found else None,
        "year": int(row["parity_year"]) if found else None,
        "bea_table": row["bea_table"] if found else None,
        "label": parity_label(row["bea_table"], row["parity_year"]) if found else None,
        "note": str(row["parity_note"]),
    }
