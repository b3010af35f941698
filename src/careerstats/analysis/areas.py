"""Turn what a user types for a place into an OEWS area.

Accepted: ``US`` (or ``national``), a state postal code (``CA``), a state name
(``California``), a two-digit state FIPS code (``06``), a seven-digit OEWS area code
(``0600000``, ``0031080``), a five-digit metro (CBSA) code, or a metro area's name, in full
or a part that names one area (``Los Angeles``). Anything else is an
:class:`~careerstats.errors.UnknownCodeError` listing close matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from ..errors import CareerStatsError, UnknownCodeError, shown

NATIONAL = "0000000"
_US = {"us", "usa", "u.s.", "united states", "national", "nation", "nationwide"}


@dataclass(frozen=True)
class Area:
    """An OEWS area: its code (``"0600000"``), BLS's name and its kind (national,
    state or metro; a nonmetropolitan area is of kind metro, as OEWS files it)."""

    code: str
    name: str
    area_type: str  # national, state, metro
    state_code: str | None

    @property
    def table(self) -> str:
        """The table its OEWS rows are in: ``oews_national``, ``oews_state``, ``oews_metro``."""
        return f"oews_{self.area_type}"


def _area(row: pd.Series) -> Area:
    state = row["area_state_code"]
    return Area(
        row["area_code"], row["area_title"], row["area_type"], None if pd.isna(state) else state
    )


def _normal(text: str) -> str:
    """Lower case, every run of punctuation and spaces one space: "Washington, D.C." and
    "washington dc" read alike."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.lower().replace(".", "")).split())


#: Other names people use for a state or DC, by FIPS code (normalised).
STATE_ALIASES = {"11": ("washington dc", "dc", "washington district of columbia")}


def resolve(text: object, areas: pd.DataFrame) -> Area:
    """The OEWS area ``text`` names, from the ``areas`` table. Names match without case or
    punctuation ("washington dc"); a name that fits several areas is refused with all of
    them listed."""
    if not isinstance(text, str | int):
        raise CareerStatsError(f"area {shown(text)}: expected a place name or code (text)")
    raw = str(text).strip()
    key = _normal(raw)
    if key in _US or raw.lower() in _US:
        return _area(areas[areas["area_code"] == NATIONAL].iloc[0])
    rows = areas
    states = rows[rows["area_type"] == "state"]
    hit = None
    if re.fullmatch(r"\d{7}", raw):
        hit = rows[rows["area_code"] == raw]
    elif re.fullmatch(r"\d{5}", raw):
        hit = rows[(rows["area_type"] == "metro") & (rows["area_code"].str[2:] == raw)]
    elif re.fullmatch(r"\d{1,2}", raw):
        hit = states[states["area_state_fips"] == raw.zfill(2)]
    elif re.fullmatch(r"[A-Za-z]{2}", raw):
        hit = states[states["area_state_code"] == raw.upper()]
    titles = rows["area_title"].map(_normal)
    if hit is None or hit.empty:
        hit = rows[titles == key]
    if hit.empty and len(key) >= 2:
        words = set(key.split())
        aliased = states["area_state_fips"].map(lambda f: key in STATE_ALIASES.get(f, ()))
        named = (rows["area_type"] == "metro") & titles.map(
            lambda t: key in t or words <= set(t.split())
        )
        hit = pd.concat([states[aliased], rows[named]])
        if len(hit) > 1:
            raise CareerStatsError(
                f"area {shown(raw)} names {len(hit)} areas: "
                + "; ".join(
                    f"{c} {t}"
                    for c, t in zip(hit["area_code"][:8], hit["area_title"][:8], strict=True)
                )
                + (" ..." if len(hit) > 8 else "")
                + " — give the code or the full name"
            )
    if hit.empty:
        known = [*rows["area_title"], *states["area_state_code"].dropna()]
        raise UnknownCodeError(
            "area",
            raw,
            known,
            "try a state code (CA), a state name, a FIPS code (06), "
            "an OEWS area code (0600000) or a metro area name",
        )
    return _area(hit.iloc[0])


def area_rows(place: Area, table: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``place`` (from :func:`resolve`) in ``table``, an OEWS table of its kind
    of area."""
    if place.area_type != "national":
        table = table[table["area_code"] == place.code]
    return table.reset_index(drop=True)
