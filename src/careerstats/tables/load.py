"""Load any table in ``data/``, validated against ``datapackage.json``.

>>> from careerstats import load_table
>>> claims = load_table("article_claims")

Bad input raises :class:`~careerstats.errors.DataValidationError` naming the file, row(s),
column, every offending value and what was expected.
"""

from __future__ import annotations

import csv
import functools
from pathlib import Path

import pandas as pd

from .. import paths
from ..errors import Problem, UnknownCodeError, raise_if_any
from .datapackage import load_descriptor, resource


def read_raw_csv(path: Path) -> pd.DataFrame:
    """Read a CSV with every cell as text and nothing turned into NaN ("None" stays)."""
    shown = paths.display(path)
    path = Path(path)
    if not path.exists():
        raise_if_any([Problem(shown, None, "an existing file (not found)")])
    data = path.read_bytes()
    if not data.strip():
        raise_if_any([Problem(shown, None, "a CSV with a header row (the file is empty)")])
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise_if_any(
            [
                Problem(
                    shown,
                    None,
                    f"UTF-8 text (byte {data[e.start]:#04x} cannot be decoded)",
                    (line,),
                )
            ]
        )
    try:
        return pd.read_csv(
            path,
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            encoding="utf-8",
            quoting=csv.QUOTE_MINIMAL,
        )
    except pd.errors.ParserError as e:
        raise_if_any([Problem(shown, None, f"well-formed CSV ({e})")])
        raise  # unreachable


@functools.cache
def _cached(path: str, mtime_ns: int, size: int, name: str, data_dir: str) -> pd.DataFrame:
    from .validate import validate_frame

    descriptor = load_descriptor(Path(data_dir) / "datapackage.json")
    res = resource(descriptor, name)
    known = None
    if res["schema"].get("foreignKeys"):
        known = set(load_table("occupations", Path(data_dir))["soc_code"])
    raw = read_raw_csv(Path(path))
    return validate_frame(
        raw, res["schema"], paths.display(Path(path)), known, res.get("unitRanges")
    )


def data_dir_of(data_dir: Path | str | None) -> Path:
    """``data_dir``, or the package's data folder (``CAREERSTATS_DATA`` or ``data/``)."""
    return Path(data_dir) if data_dir else paths.DATA_DIR


def load_table(name_or_path: str | Path, data_dir: Path | None = None) -> pd.DataFrame:
    """Load table ``name`` (e.g. ``"article_claims"``) or a CSV path, validated.

    A path is validated against the resource named by its file stem, using the
    ``datapackage.json`` beside it if there is one, else the one in ``data_dir``
    (default ``data/``). So a copy of ``data/oews_state.csv`` elsewhere is held to the
    same schema.
    """
    data_dir = data_dir_of(data_dir)
    p = Path(name_or_path)
    if p.suffix == ".csv":
        name, path = p.stem, p
        if (p.parent / "datapackage.json").exists():
            data_dir = p.parent
    else:
        name, path = str(name_or_path), data_dir / f"{name_or_path}.csv"
    st = path.stat() if path.exists() else None
    frame = _cached(
        str(path), st.st_mtime_ns if st else 0, st.st_size if st else 0, name, str(data_dir)
    )
    return frame.copy()


OEWS_LEVELS = ("national", "state", "metro")


def load_oews(
    level: str = "national", year: int | str | None = None, data_dir: Path | None = None
) -> pd.DataFrame:
    """OEWS estimates at ``level`` (national, state or metro), for ``year``, for the
    newest release (``year="latest"``), or for every year (``None``).

    National covers May 2015 to May 2025; state and metro the May 2025 release.
    """
    if level not in OEWS_LEVELS:
        raise UnknownCodeError("OEWS level", level, OEWS_LEVELS)
    table = load_table(f"oews_{level}", data_dir)
    if year is None:
        return table
    if year == "latest":
        year = int(table["year"].max())
    years = sorted(table["year"].unique())
    if int(year) not in years:
        raise UnknownCodeError(
            "year", str(year), [str(y) for y in years], f"{level} data cover {years[0]}-{years[-1]}"
        )
    return table[table["year"] == int(year)].reset_index(drop=True)


def load_projections(cycle: str | None = None, data_dir: Path | None = None) -> pd.DataFrame:
    """Employment Projections for ``cycle`` (e.g. ``"2024-34"``), or every cycle."""
    table = load_table("projections", data_dir)
    if cycle is None:
        return table
    cycles = sorted(table["cycle"].unique())
    if cycle not in cycles:
        raise UnknownCodeError("projection cycle", cycle, cycles)
    return table[table["cycle"] == cycle].reset_index(drop=True)
