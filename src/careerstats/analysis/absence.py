"""Why a code has no row where it was asked for: three different answers, from the release.

- **Unknown**: no OEWS release or Employment Projections cycle careerstats holds lists the
  code (the ``occupations`` table is built from BLS's occupation lists): close matches.
- **Retired**: BLS listed it in an earlier release, not in the newest; when it was last
  published and what now covers it.
- **Not published here**: the newest release lists it and publishes estimates for it, but
  none for this area (or none of the kind asked for, such as industry estimates): the
  occupation and the area are named, with where BLS does publish it nearby: the state, and
  the state's other areas that have it, largest first. careerstats holds no coordinates
  for OEWS areas, so "nearby" means the same state (a metro area that spans states counts
  for each of them).

The area tables hold every cross-industry estimate of the release (the build checks that
every area ``oe.area`` lists is there, and the data package's digest that nothing was cut
since), so a code missing from an area's rows is one BLS does not publish there.
"""

from __future__ import annotations

import pandas as pd

from ..errors import NotPublishedError, RetiredCodeError, UnknownCodeError
from ._common import Data
from .areas import Area

#: How many of the state's other areas a message lists.
NEARBY = 5


def _jobs(value: object) -> str:
    return "employment not published" if pd.isna(value) else f"{float(value):,.0f} jobs"  # type: ignore[arg-type]


def _states_of(title: str, state: object) -> set[str]:
    """The postal codes an area belongs to: its own, and those its title lists
    ("New York-Newark-Jersey City, NY-NJ")."""
    codes = {str(state)} if isinstance(state, str) else set()
    if ", " in title:
        codes |= set(title.rsplit(", ", 1)[1].split("-"))
    return codes


def retired(code: str, occupations: pd.DataFrame, newest: str) -> RetiredCodeError | None:
    """The error for a code BLS no longer publishes, or None if ``newest`` lists it."""
    table = occupations.set_index("soc_code")
    if code not in table.index:
        return None
    last = table.at[code, "last_release_oews"]
    if not isinstance(last, str) or last == newest:
        return None
    current = table[table["last_release_oews"] == newest]
    broad = code[:-1] + "0"
    if broad != code and broad in current.index:
        now = [broad]
    else:  # a broad code whose detailed codes are now published instead
        now = [c for c in current.index if c != code and c[:6] == code[:6] and code.endswith("0")]
    return RetiredCodeError(
        code,
        str(table.at[code, "occupation_title"]),
        last,
        now[0] if len(now) == 1 else None,
        str(current.at[now[0], "occupation_title"]) if len(now) == 1 else None,
    )


def unknown(code: str, occupations: pd.DataFrame) -> UnknownCodeError:
    """The error for a code no release careerstats holds lists, with close matches."""
    titles = occupations.set_index("soc_code")["occupation_title"]
    group = [c for c in titles.index if str(c)[:3] == code[:3]]
    return UnknownCodeError(
        "SOC code",
        code,
        group or list(titles.index),
        "no OEWS release (May 2015 to the newest) or Employment Projections cycle "
        "careerstats holds lists it",
        labels={str(k): str(v) for k, v in titles.items()},
    )


def _in_release(code: str, release: str, data: Data) -> UnknownCodeError | str:
    """The title of ``code`` when ``release`` publishes it; else the error that says why
    not: unknown, retired, or in Employment Projections only."""
    occupations = data.table("occupations")
    found = retired(code, occupations, release)
    if found is not None:
        return found
    table = occupations.set_index("soc_code")
    if code not in table.index:
        return unknown(code, occupations)
    title = str(table.at[code, "occupation_title"])
    if not isinstance(table.at[code, "last_release_oews"], str):
        return NotPublishedError(
            code,
            title,
            f"SOC code {code!r} ({title}) is in BLS's Employment Projections only: no OEWS "
            "release careerstats holds publishes employment or wages for it (the "
            "projections table has its outlook)",
        )
    return title


def why_absent(code: str, place: Area, release: str, data: Data) -> UnknownCodeError:
    """The error for ``code`` having no row in ``place`` in ``release`` (the newest OEWS
    release the area tables hold): unknown, retired, or not published here."""
    title = _in_release(code, release, data)
    if not isinstance(title, str):
        return title
    named = f"SOC code {code!r} ({title})"
    return NotPublishedError(code, title, _not_here(code, named, place, release, data))


def _not_here(code: str, named: str, place: Area, release: str, data: Data) -> str:
    where = {"soc_code": [code]}
    national = data.oews("national", release_year(release), where=where)
    head = f"{named} is in BLS's {release} release, but BLS publishes no estimate for it in "
    if place.area_type == "national":
        return head + "the nation as a whole"
    head += place.name
    nation = f"nationally it has {_jobs(national['employment'].iloc[0])}" if len(national) else ""
    if place.area_type == "state":
        states = data.oews("state", release_year(release), where=where)
        count = f"it is published in {len(states)} of the states and territories"
        return head + "; " + ", ".join(t for t in (count, nation) if t)
    areas = data.table("areas")
    state_code = place.state_code
    state = data.oews("state", release_year(release), where=where)
    state = state[state["area_state_code"] == state_code]
    state_name = areas.loc[
        (areas["area_type"] == "state") & (areas["area_state_code"] == state_code), "area_title"
    ]
    state_title = str(state_name.iloc[0]) if len(state_name) else str(state_code)
    metro = data.oews("metro", release_year(release), where=where)
    mine = metro[
        [
            state_code in _states_of(t, s) and c != place.code
            for t, s, c in zip(
                metro["area_title"], metro["area_state_code"], metro["area_code"], strict=True
            )
        ]
    ].sort_values(["employment", "area_title"], ascending=[False, True], na_position="last")
    parts = []
    if len(state):
        parts.append(f"{state_title} as a whole ({_jobs(state['employment'].iloc[0])})")
    if len(mine):
        listed = "; ".join(
            f"{t} ({_jobs(e)})"
            for t, e in zip(mine["area_title"][:NEARBY], mine["employment"][:NEARBY], strict=True)
        )
        more = f", the largest {NEARBY}" if len(mine) > NEARBY else ""
        parts.append(
            f"{len(mine)} other area{'s' if len(mine) > 1 else ''} in {state_title}{more}: {listed}"
        )
    if not parts:
        tail = f"; neither {state_title} nor any other area in it has one" + (
            f"; {nation}" if nation else ""
        )
        return head + tail
    return head + ". Nearby it publishes one for " + " and for ".join(parts)


def release_year(release: str) -> int:
    """The year of an OEWS release name ("May 2025" -> 2025)."""
    return int(str(release).split()[-1])


def no_industry_estimates(code: str, data: Data) -> UnknownCodeError:
    """The error for ``code`` having no industry estimates: unknown, retired, or a code
    BLS publishes only across industries."""
    total = data.oews("national", "latest", where={"soc_code": ["00-0000"]})
    release = str(total["release"].iloc[0])
    title = _in_release(code, release, data)
    if not isinstance(title, str):
        return title
    return NotPublishedError(
        code,
        title,
        f"SOC code {code!r} ({title}) has no industry estimates in BLS's {release} release: "
        "BLS publishes it across industries only (`careerstats compare` and `history` have "
        "its figures)",
    )


def nowhere_in(code: str, kind: str, release: str, data: Data) -> UnknownCodeError:
    """The error for ``code``, published nationally in ``release``, having no estimate in
    any area of ``kind`` (``"state"`` or ``"metro"``)."""
    occupations = data.table("occupations").set_index("soc_code")
    title = str(occupations.at[code, "occupation_title"])
    national = data.oews("national", release_year(release), where={"soc_code": [code]})
    places = "state or territory" if kind == "state" else "metropolitan or nonmetropolitan area"
    return NotPublishedError(
        code,
        title,
        f"SOC code {code!r} ({title}) is in BLS's {release} release, but BLS publishes no "
        f"estimate for it in any {places}; nationally it has "
        f"{_jobs(national['employment'].iloc[0])}",
    )
