"""Reader for NCES's IPEDS program charges for program reporters, 2023-24 (``IC2023_PY``).

One row per institution (``UNITID``) with up to six programs: ``CIPCODEn`` (CIP 2020
code), ``CIPTUITn`` (tuition and fees for the whole program, US dollars), ``CIPSUPPn``
(books and supplies), ``CIPLGTHn`` (program length) and ``PRGMSRn`` (NCES's code for the
unit of that length; kept as the code, not decoded here).

The largest program (n = 1) is priced elsewhere: for most institutions ``CIPTUIT1`` and
``CIPSUPP1`` are "." and its charges are ``CHG1PY3`` (published tuition and fees for the
whole program, 2023-24) and ``CHG4PY3`` (books and supplies), as NCES's dictionaries for
IC_PY define them. Program 1 takes ``CIPTUIT1``/``CIPSUPP1`` where they are given and the
``CHG`` columns where they are not; ``charges_reported_in`` says which. An institution
with both given, and different, fails the read.

The only copy available stores CIP codes as numbers, dropping zeros (``51.081`` for
51.0810, ``1.0504`` for 01.0504, ``46`` for 46.0000): the reader restores the ``NN.NNNN``
form, which a number of at most two integer and four decimal digits determines uniquely.
Markers, each handled: ``.`` is "not applicable" (kept missing) and ``-2`` in
``CIPCODEn`` / ``PRGMSRn`` means no such program (the row is skipped). Any other text
fails the read with the line and column.

The file covers institutions that report charges by program, mostly career and technical
schools; community colleges report by academic year (``IC2023_AY``, not available here).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .. import paths
from ..errors import Problem, raise_if_any

PROGRAMS = range(1, 7)
#: Where IPEDS prices an institution's largest program, 2023-24: column of program 1 ->
#: the CHG column holding it.
LARGEST_PROGRAM_CHARGES = {"CIPTUIT1": "CHG1PY3", "CIPSUPP1": "CHG4PY3"}
NOT_APPLICABLE = "."
NO_PROGRAM = "-2"


def read_program_charges(path: Path) -> pd.DataFrame:
    """Every program with a CIP code: unitid, program_number, cip_code, tuition_fees_usd,
    books_supplies_usd, program_length, program_length_unit_code."""
    path = Path(path)
    shown = paths.display(path)
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    needed = [
        "UNITID",
        *(
            f"{c}{n}"
            for n in PROGRAMS
            for c in ("CIPCODE", "CIPTUIT", "CIPSUPP", "CIPLGTH", "PRGMSR")
        ),
        *LARGEST_PROGRAM_CHARGES.values(),
    ]
    missing = [c for c in needed if c not in raw.columns]
    if missing:
        raise_if_any([Problem(shown, ", ".join(missing), "IPEDS IC2023_PY's columns", (1,))])
    problems: list[Problem] = []
    frames = [_program(raw, n, shown, problems) for n in PROGRAMS]
    raise_if_any(problems)
    out = pd.concat(frames, ignore_index=True)
    bad_id = ~out["unitid"].map(lambda v: bool(re.fullmatch(r"\d{6}", v)))
    if bad_id.any():
        ids = tuple(out.loc[bad_id, "unitid"][:20])
        raise_if_any([Problem(shown, "UNITID", "a six-digit institution id", (), ids)])
    return out.sort_values(["unitid", "program_number"], ignore_index=True)


def _number(
    column: str, values: pd.Series, allow: tuple[str, ...], shown: str, problems: list[Problem]
) -> pd.Series:
    """A column of numbers, ``allow``'s codes (e.g. not applicable) missing; any other
    text is a problem."""
    ok = values.str.fullmatch(r"\d+(\.\d+)?") | values.isin(allow)
    if (~ok).any():
        problems.append(
            Problem(
                shown,
                column,
                "a number or " + " / ".join(allow),
                tuple(int(i) + 2 for i in values.index[~ok][:20]),
                tuple(values[~ok][:20]),
            )
        )
    return pd.to_numeric(values.where(~values.isin(allow)), errors="coerce")


def _program(raw: pd.DataFrame, n: int, shown: str, problems: list[Problem]) -> pd.DataFrame:
    """The institutions' program ``n`` (1-6), those that report one."""
    text = raw[f"CIPCODE{n}"].str.strip()
    bad = ~(text.str.fullmatch(r"\d{1,2}(\.\d{1,4})?") | (text == NO_PROGRAM))
    if bad.any():
        problems.append(
            Problem(
                shown,
                f"CIPCODE{n}",
                f"a CIP code (NN.NNNN, zeros possibly dropped) or {NO_PROGRAM}",
                tuple(int(i) + 2 for i in text.index[bad][:20]),
                tuple(text[bad][:20]),
            )
        )
    has = text.str.fullmatch(r"\d{1,2}(\.\d{1,4})?")
    cip = text.where(~has, text[has].map(lambda v: f"{float(v):07.4f}"))
    part = raw[has]

    def number(column: str) -> pd.Series:
        return _number(column, part[column].str.strip(), (NOT_APPLICABLE,), shown, problems)

    def charge(column: str) -> pd.Series:
        """A charge of program ``n``; program 1's from its CHG column where CIP... is '.'."""
        given = number(column)
        if column not in LARGEST_PROGRAM_CHARGES:
            return given
        other = LARGEST_PROGRAM_CHARGES[column]
        elsewhere = number(other)
        clash = given.notna() & elsewhere.notna() & (given != elsewhere)
        if clash.any():
            problems.append(
                Problem(
                    shown,
                    f"{column} / {other}",
                    "one charge for the largest program (the two columns agree or one is '.')",
                    tuple(int(i) + 2 for i in given.index[clash][:20]),
                    tuple(zip(given[clash][:20], elsewhere[clash][:20], strict=True)),
                )
            )
        return given.fillna(elsewhere)

    fees = charge(f"CIPTUIT{n}")
    in_cip = part[f"CIPTUIT{n}"].str.strip() != NOT_APPLICABLE
    return pd.DataFrame(
        {
            "unitid": part["UNITID"].str.strip(),
            "program_number": n,
            "cip_code": cip[has],
            "tuition_fees_usd": fees,
            "books_supplies_usd": charge(f"CIPSUPP{n}"),
            "charges_reported_in": (
                f"CIPTUIT{n}, CIPSUPP{n}"
                if n != 1
                else in_cip.map({True: "CIPTUIT1, CIPSUPP1", False: "CHG1PY3, CHG4PY3"})
            ),
            "program_length": number(f"CIPLGTH{n}"),
            "program_length_unit_code": part[f"PRGMSR{n}"].str.strip(),
        }
    )
