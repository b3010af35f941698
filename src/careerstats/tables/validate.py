"""Validate a table against its Table Schema and return it with proper dtypes.

The checks follow the Frictionless Table Schema the data package declares: required
columns, types, ``required``/``minimum``/``exclusiveMinimum``/``maximum``/``enum``/``pattern``
constraints, the primary key, and foreign keys on ``soc_code``. Every problem in the file is
collected, and one :class:`~careerstats.errors.DataValidationError` lists them all.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..errors import Problem, raise_if_any

_TRUE, _FALSE = {"true", "True", "TRUE"}, {"false", "False", "FALSE"}
_EXPECTED_TYPE = {
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
}


def _rows(mask: pd.Series) -> tuple[int, ...]:
    # Header is row 1; data row i (0-based) is row i + 2.
    return tuple(int(i) + 2 for i in mask[mask].index)


def _problem(file: str, column: str, mask: pd.Series, values: pd.Series, expected: str):
    return Problem(file, column, expected, _rows(mask), tuple(values[mask].tolist()))


def _convert(raw: pd.Series, ftype: str) -> tuple[pd.Series, pd.Series]:
    """Return (typed column, mask of non-empty cells that failed to convert)."""
    present = raw != ""
    if ftype == "string":
        return raw.where(present, None).astype("str"), pd.Series(False, index=raw.index)
    if ftype == "boolean":
        ok = raw.isin(_TRUE | _FALSE)
        typed = pd.Series(pd.NA, index=raw.index, dtype="boolean")
        typed[raw.isin(_TRUE)] = True
        typed[raw.isin(_FALSE)] = False
        return typed, present & ~ok
    if ftype == "integer":
        ok = raw.str.fullmatch(r"-?\d+")
        typed = pd.to_numeric(raw.where(ok, None), errors="coerce").astype("Int64")
        return typed, present & ~ok
    if ftype == "number":
        ok = raw.str.fullmatch(r"-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?")
        typed = pd.to_numeric(raw.where(ok, None), errors="coerce").astype("float64")
        return typed, present & ~ok
    raise ValueError(f"field type {ftype!r} is not supported")


def validate_frame(
    raw: pd.DataFrame,
    schema: dict,
    file: str,
    known_soc_codes: Iterable[str] | None = None,
    unit_ranges: dict | None = None,
) -> pd.DataFrame:
    """Check ``raw`` (every cell a string, empty = missing) against ``schema``.

    Returns the typed frame. Raises DataValidationError naming every problem.
    """
    problems: list[Problem] = []
    fields = schema["fields"]
    names = [f["name"] for f in fields]
    if raw.shape[1] == 0:
        raise_if_any([Problem(file, None, "a header row naming columns " + ", ".join(names))])
    missing = [n for n in names if n not in raw.columns]
    unknown = [c for c in raw.columns if c not in names]
    if missing:
        problems.append(
            Problem(file, ", ".join(missing), "these columns to be present (missing)", (1,))
        )
    if unknown:
        problems.append(
            Problem(
                file,
                ", ".join(map(str, unknown)),
                "only the columns " + ", ".join(names) + " (unknown column)",
                (1,),
                tuple(unknown),
            )
        )
    raise_if_any(problems)
    if raw.empty:
        raise_if_any([Problem(file, None, "at least one data row (the file has none)")])

    typed: dict[str, pd.Series] = {}
    for f in fields:
        name, ftype = f["name"], f["type"]
        cons = f.get("constraints", {})
        col = raw[name].astype("str")
        present = col != ""
        if cons.get("required"):
            empty = ~present
            if empty.any():
                problems.append(_problem(file, name, empty, col, "a value (required)"))
        values, bad = _convert(col, ftype)
        if bad.any():
            problems.append(_problem(file, name, bad, col, _EXPECTED_TYPE[ftype]))
        typed[name] = values
        ok = present & ~bad
        if "exclusiveMinimum" in cons:
            floor = cons["exclusiveMinimum"]
            num = pd.to_numeric(values, errors="coerce")
            out = ok & (num <= floor)
            if out.any():
                unit = f" ({f['unit']})" if "unit" in f else ""
                problems.append(
                    _problem(file, name, out.fillna(False), col, f"a value > {floor}{unit}")
                )
        if "minimum" in cons or "maximum" in cons:
            lo, hi = cons.get("minimum"), cons.get("maximum")
            num = pd.to_numeric(values, errors="coerce")
            out = ok & (
                ((num < lo) if lo is not None else False)
                | ((num > hi) if hi is not None else False)
            )
            if out.any():
                rng = (
                    f"a value >= {lo}"
                    if hi is None
                    else (f"a value <= {hi}" if lo is None else f"a value from {lo} to {hi}")
                )
                unit = f" ({f['unit']})" if "unit" in f else ""
                problems.append(_problem(file, name, out.fillna(False), col, rng + unit))
        if "enum" in cons:
            out = ok & ~col.isin([str(v) for v in cons["enum"]])
            if out.any():
                allowed = ", ".join(map(repr, cons["enum"]))
                problems.append(_problem(file, name, out, col, f"one of {allowed}"))
        if "pattern" in cons:
            out = ok & ~col.str.fullmatch(cons["pattern"])
            if out.any():
                problems.append(_problem(file, name, out, col, f"text matching {cons['pattern']}"))

    key = schema.get("primaryKey") or []
    if key:
        dup = raw.duplicated(subset=key, keep=False)
        if dup.any():
            shown = raw[key].astype(str).agg("/".join, axis=1)
            problems.append(
                _problem(file, ", ".join(key), dup, shown, "each primary key value only once")
            )

    if known_soc_codes is not None and "soc_code" in raw.columns:
        known = set(known_soc_codes)
        col = raw["soc_code"]
        unknown_code = (col != "") & col.str.fullmatch(r"\d{2}-\d{4}") & ~col.isin(known)
        if unknown_code.any():
            problems.append(
                _problem(
                    file,
                    "soc_code",
                    unknown_code,
                    col,
                    "a SOC code that occupations.csv lists (unknown SOC code)",
                )
            )

    if unit_ranges and {"unit", "value"} <= set(raw.columns):
        value = pd.to_numeric(typed["value"], errors="coerce")
        for unit, (lo, hi) in unit_ranges.items():
            is_unit = raw["unit"] == unit
            out = is_unit & (
                ((value < lo) if lo is not None else False)
                | ((value > hi) if hi is not None else False)
            )
            if out.any():
                rng = f"from {lo} to {hi}" if hi is not None else f">= {lo}"
                problems.append(
                    _problem(
                        file,
                        "value",
                        out.fillna(False),
                        raw["value"],
                        f"a {unit} value {rng}",
                    )
                )

    raise_if_any(problems)
    return pd.DataFrame(typed, index=raw.index)[names]
