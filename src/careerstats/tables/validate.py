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
    fields = schema["fields"]
    names = [f["name"] for f in fields]
    raise_if_any(_header_problems(raw, names, file))
    if raw.empty:
        raise_if_any([Problem(file, None, "at least one data row (the file has none)")])
    problems: list[Problem] = []
    typed: dict[str, pd.Series] = {}
    for f in fields:
        typed[f["name"]], found = _column(raw[f["name"]].astype("str"), f, file)
        problems += found
    problems += _key_problems(raw, schema.get("primaryKey") or [], file)
    if known_soc_codes is not None and "soc_code" in raw.columns:
        problems += _soc_problems(raw["soc_code"], set(known_soc_codes), file)
    if unit_ranges and {"unit", "value"} <= set(raw.columns):
        problems += _unit_range_problems(raw, typed["value"], unit_ranges, file)
    raise_if_any(problems)
    return pd.DataFrame(typed, index=raw.index)[names]


def _header_problems(raw: pd.DataFrame, names: list[str], file: str) -> list[Problem]:
    """The header: every column of the schema, and no other."""
    if raw.shape[1] == 0:
        return [Problem(file, None, "a header row naming columns " + ", ".join(names))]
    problems = []
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
    return problems


def _column(col: pd.Series, f: dict, file: str) -> tuple[pd.Series, list[Problem]]:
    """One column typed, and its problems: required, type, then each constraint."""
    name, ftype = f["name"], f["type"]
    cons = f.get("constraints", {})
    present = col != ""
    problems = []
    if cons.get("required") and (~present).any():
        problems.append(_problem(file, name, ~present, col, "a value (required)"))
    values, bad = _convert(col, ftype)
    if bad.any():
        problems.append(_problem(file, name, bad, col, _EXPECTED_TYPE[ftype]))
    ok = present & ~bad
    unit = f" ({f['unit']})" if "unit" in f else ""
    for out, expected in _range_failures(values, ok, cons):
        if out.any():
            problems.append(_problem(file, name, out.fillna(False), col, expected + unit))
    return values, problems + _choice_problems(col, ok, cons, name, file)


def _range_text(lo: float | None, hi: float | None) -> str:
    if hi is None:
        return f"a value >= {lo}"
    return f"a value <= {hi}" if lo is None else f"a value from {lo} to {hi}"


def _range_failures(values: pd.Series, ok: pd.Series, cons: dict) -> list[tuple[pd.Series, str]]:
    """(mask of failing cells, what was expected) for each numeric bound of a column."""
    if not {"exclusiveMinimum", "minimum", "maximum"} & set(cons):
        return []
    failures = []
    num = pd.to_numeric(values, errors="coerce")
    if "exclusiveMinimum" in cons:
        failures.append(
            (ok & (num <= cons["exclusiveMinimum"]), f"a value > {cons['exclusiveMinimum']}")
        )
    if "minimum" in cons or "maximum" in cons:
        lo, hi = cons.get("minimum"), cons.get("maximum")
        out = ok & (
            ((num < lo) if lo is not None else False) | ((num > hi) if hi is not None else False)
        )
        failures.append((out, _range_text(lo, hi)))
    return failures


def _choice_problems(
    col: pd.Series, ok: pd.Series, cons: dict, name: str, file: str
) -> list[Problem]:
    """The enum and the pattern of a column (named without its unit)."""
    problems = []
    if "enum" in cons:
        out = ok & ~col.isin([str(v) for v in cons["enum"]])
        if out.any():
            allowed = ", ".join(map(repr, cons["enum"]))
            problems.append(_problem(file, name, out, col, f"one of {allowed}"))
    if "pattern" in cons:
        out = ok & ~col.str.fullmatch(cons["pattern"])
        if out.any():
            problems.append(_problem(file, name, out, col, f"text matching {cons['pattern']}"))
    return problems


def _key_problems(raw: pd.DataFrame, key: list[str], file: str) -> list[Problem]:
    """Each primary key value once."""
    if not key:
        return []
    dup = raw.duplicated(subset=key, keep=False)
    if not dup.any():
        return []
    shown = raw[key].astype(str).agg("/".join, axis=1)
    return [_problem(file, ", ".join(key), dup, shown, "each primary key value only once")]


def _soc_problems(col: pd.Series, known: set[str], file: str) -> list[Problem]:
    """The foreign key: every well-formed SOC code is one occupations.csv lists."""
    unknown_code = (col != "") & col.str.fullmatch(r"\d{2}-\d{4}") & ~col.isin(known)
    if not unknown_code.any():
        return []
    expected = "a SOC code that occupations.csv lists (unknown SOC code)"
    return [_problem(file, "soc_code", unknown_code, col, expected)]


def _unit_range_problems(
    raw: pd.DataFrame, typed_value: pd.Series, unit_ranges: dict, file: str
) -> list[Problem]:
    """The article's claims: each ``value`` within the range of its ``unit``."""
    value = pd.to_numeric(typed_value, errors="coerce")
    problems = []
    for unit, (lo, hi) in unit_ranges.items():
        out = (raw["unit"] == unit) & (
            ((value < lo) if lo is not None else False)
            | ((value > hi) if hi is not None else False)
        )
        if out.any():
            rng = f"from {lo} to {hi}" if hi is not None else f">= {lo}"
            problems.append(
                _problem(file, "value", out.fillna(False), raw["value"], f"a {unit} value {rng}")
            )
    return problems
