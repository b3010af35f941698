"""Load any table in ``data/``, validated against ``datapackage.json``.

>>> from careerstats import load_table
>>> claims = load_table("article_claims")

Bad input raises :class:`~careerstats.errors.DataValidationError` naming the file, row(s),
column, every offending value and what was expected.
"""

from __future__ import annotations

import csv
import functools
import gzip
import io
from pathlib import Path

import pandas as pd

from .. import paths
from ..errors import Problem, UnknownCodeError, raise_if_any
from . import cache
from .datapackage import load_descriptor, resource
from .fields import RESOURCES, table_file


def _read_bytes(path: Path) -> bytes:
    shown = paths.display(path)
    if not Path(path).exists():
        raise_if_any([Problem(shown, None, "an existing file (not found)")])
    return Path(path).read_bytes()


def read_raw_csv(path: Path, data: bytes | None = None) -> pd.DataFrame:
    """Read a CSV (or a gzip-compressed ``.csv.gz``) with every cell as text and nothing
    turned into NaN ("None" stays)."""
    shown = paths.display(path)
    path = Path(path)
    if data is None:
        data = _read_bytes(path)
    if path.suffix == ".gz":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as e:
            raise_if_any([Problem(shown, None, f"a gzip-compressed CSV ({e})")])
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
            io.BytesIO(data),
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            encoding="utf-8",
            quoting=csv.QUOTE_MINIMAL,
        )
    except pd.errors.ParserError as e:
        raise_if_any([Problem(shown, None, f"well-formed CSV ({e})")])
        raise  # unreachable


#: The filter a loader may pass down: (column, "in", values), as pyarrow takes it.
Where = tuple[tuple[str, str, tuple[str, ...]], ...]


@functools.cache
def _cached(
    path: str, mtime_ns: int, size: int, name: str, data_dir: str, where: Where = ()
) -> pd.DataFrame:
    from .validate import validate_frame

    descriptor = load_descriptor(Path(data_dir) / "datapackage.json")
    res = resource(descriptor, name)
    data = _read_bytes(Path(path))
    known = None
    depends = []
    if res["schema"].get("foreignKeys"):
        occupations = Path(data_dir) / table_file("occupations")
        depends.append(_read_bytes(occupations))
    copy = cache.location(name, cache.key(data, res, depends))
    hit = cache.read(copy, [(column, op, values) for column, op, values in where] or None)
    if hit is not None:
        return hit
    if depends:
        known = set(load_table("occupations", Path(data_dir))["soc_code"])
    frame = validate_frame(
        read_raw_csv(Path(path), data),
        res["schema"],
        paths.display(Path(path)),
        known,
        res.get("unitRanges"),
    )
    cache.write(copy, frame)
    for column, _, values in where:
        frame = frame[frame[column].isin(values)]
    return frame.reset_index(drop=True)


def data_dir_of(data_dir: Path | str | None) -> Path:
    """``data_dir``, or the package's data folder (``CAREERSTATS_DATA`` or ``data/``)."""
    return Path(data_dir) if data_dir else paths.DATA_DIR


def load_table(
    name_or_path: str | Path,
    data_dir: Path | None = None,
    *,
    where: dict[str, list[str]] | None = None,
) -> pd.DataFrame:
    """Load table ``name`` (e.g. ``"article_claims"``) or a CSV path, validated.

    ``where`` keeps only the rows whose column holds one of the values given
    (``where={"soc_code": ["31-9092"]}``); from the cache, only those rows are read.

    A path is validated against the resource named by its file stem, using the
    ``datapackage.json`` beside it if there is one, else the one in ``data_dir``
    (default ``data/``). So a copy of ``data/oews_state.csv`` elsewhere is held to the
    same schema.
    """
    data_dir = data_dir_of(data_dir)
    p = Path(name_or_path)
    if p.name.endswith((".csv", ".csv.gz")):
        name, path = p.name.removesuffix(".gz").removesuffix(".csv"), p
        if (p.parent / "datapackage.json").exists():
            data_dir = p.parent
    else:
        name = str(name_or_path)
        path = data_dir / (table_file(name) if name in RESOURCES else f"{name}.csv")
    st = path.stat() if path.exists() else None
    chosen: Where = tuple(
        (column, "in", tuple(sorted(map(str, values)))) for column, values in (where or {}).items()
    )
    frame = _cached(
        str(path),
        st.st_mtime_ns if st else 0,
        st.st_size if st else 0,
        name,
        str(data_dir),
        chosen,
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
