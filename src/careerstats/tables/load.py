"""Load any table in ``data/``, verified: its digest, careerstats' own rules, the build's checks.

>>> from careerstats import load_table
>>> claims = load_table("article_claims")

Bad input raises :class:`~careerstats.errors.DataValidationError` naming the file, row(s),
column, every offending value and what was expected.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import os
import re
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import paths
from ..arguments import checked
from ..errors import CareerStatsError, Problem, UnknownCodeError, raise_if_any, shown
from . import cache
from .datapackage import load_descriptor, resource_schema
from .resources import RESOURCES, table_file


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

#: Set to 1 to serve a data package whose tables differ from the digests its
#: ``datapackage.json`` records (a copy edited for a scenario). Every other check still runs.
ALLOW_EDITED_ENV = "CAREERSTATS_ALLOW_EDITED_DATA"
#: The tables whose rows the whole-table checks of a table read (besides the table).
_CHECK_DEPENDS = {"oews_state": ("areas",), "oews_metro": ("areas",)}
#: How many validated frames one process keeps (by content, never by time stamp).
_MEMO_SIZE = 64


def allow_edited_default() -> bool:
    """Whether ``CAREERSTATS_ALLOW_EDITED_DATA`` asks to serve edited tables."""
    return os.environ.get(ALLOW_EDITED_ENV, "").strip().lower() in ("1", "true", "yes", "on")


@dataclass(frozen=True)
class Edit:
    """A table served from bytes that differ from the digest ``datapackage.json`` records
    (only with ``allow_edited``)."""

    table: str
    file: str
    sha256: str
    recorded: str | None

    def note(self) -> str:
        """One line saying which table was served edited, and both digests."""
        recorded = f"{self.recorded[:16]}..." if self.recorded else "no digest"
        return (
            f"{self.file} is edited: SHA-256 {self.sha256[:16]}... where datapackage.json "
            f"records {recorded} ({ALLOW_EDITED_ENV}); not BLS's figures as published"
        )


#: (data folder, table) -> the edit served by the newest load of that table, if any.
_EDITS: dict[tuple[str, str], Edit] = {}
_MEMO: OrderedDict[tuple, pd.DataFrame] = OrderedDict()


def edits(data_dir: Path | str | None = None) -> list[Edit]:
    """The edited tables this process has served from ``data_dir`` (default: the package's
    data folder), newest load of each table."""
    folder = str(data_dir_of(data_dir).absolute())
    return [e for (d, _), e in sorted(_EDITS.items()) if d == folder]


def clear_memo() -> None:
    """Forget every validated frame this process holds (the Parquet cache stays)."""
    _MEMO.clear()


_DESCRIPTORS: dict[str, dict] = {}


def _descriptor(path: Path) -> dict:
    """``datapackage.json`` at ``path``, parsed once per content (never per time stamp)."""
    try:
        data = path.read_bytes()
    except OSError:
        return load_descriptor(path)  # its own message: missing or unreadable
    digest = hashlib.sha256(data).hexdigest()
    if digest not in _DESCRIPTORS:
        _DESCRIPTORS[digest] = load_descriptor(path)
    return _DESCRIPTORS[digest]


def _recorded_digest(descriptor: dict, name: str) -> str | None:
    for r in descriptor.get("resources", []):
        if isinstance(r, dict) and r.get("name") == name:
            value = str(r.get("hash", ""))
            return value.removeprefix("sha256:") or None
    return None


def _verified(name: str, path: Path, data_dir: Path, allow_edited: bool) -> tuple[bytes, str]:
    """The bytes of table ``name`` at ``path`` and their SHA-256, refused unless they are
    what ``data_dir/datapackage.json`` records (or ``allow_edited``)."""
    shown = paths.display(path)
    descriptor = _descriptor(data_dir / "datapackage.json")
    data = _read_bytes(path)
    digest = hashlib.sha256(data).hexdigest()
    recorded = _recorded_digest(descriptor, name)
    key = (str(data_dir.absolute()), name)
    _EDITS.pop(key, None)
    if digest != recorded:
        if not allow_edited:
            expected = (
                f"the SHA-256 {paths.display(data_dir / 'datapackage.json')} records "
                f"({recorded[:16]}...)"
                if recorded
                else f"a digest for {name} in {paths.display(data_dir / 'datapackage.json')}"
            )
            raise_if_any(
                [
                    Problem(
                        shown,
                        None,
                        f"{expected}: an edited, damaged or mismatched copy is not served. To "
                        f"use an edited copy on purpose, set {ALLOW_EDITED_ENV}=1 (every other "
                        "check still runs)",
                        (),
                        (f"SHA-256 {digest[:16]}...",),
                    )
                ]
            )
        _EDITS[key] = Edit(name, shown, digest, recorded)
    return data, digest


def _validated(
    name: str,
    path: Path,
    data: bytes,
    digest: str,
    data_dir: Path,
    allow_edited: bool,
    where: Where,
    digests: dict[str, str],
) -> pd.DataFrame:
    """Table ``name`` (only the rows ``where`` selects) checked against careerstats' own
    data dictionary (never only the copy's descriptor) and the build's whole-table checks,
    which read the tables of ``digests``: from the Parquet cache when an intact copy under
    the same content key exists (reading only those rows), else validated whole, cached,
    then filtered."""
    from .checks import served_problems
    from .validate import validate_frame

    schema = {**resource_schema(name), "unitRanges": RESOURCES[name].get("unitRanges")}
    copy = cache.location(name, cache.key(digest, schema, list(digests.values())))
    hit = cache.read(copy, [(column, op, list(values)) for column, op, values in where])
    if hit is not None:
        return hit
    known = None
    if "occupations" in digests:
        known = set(_load(data_dir, "occupations", allow_edited)["soc_code"])
    shown = paths.display(path)
    frame = validate_frame(
        read_raw_csv(path, data), resource_schema(name), shown, known, schema["unitRanges"]
    )
    areas = _load(data_dir, "areas", allow_edited) if "areas" in digests else None
    raise_if_any(served_problems(name, frame, shown, areas))
    cache.write(copy, frame)
    for column, _, values in where:
        frame = frame[frame[column].isin(values)]
    return frame


def _load(
    data_dir: Path, name: str, allow_edited: bool, path: Path | None = None, where: Where = ()
) -> pd.DataFrame:
    path = path or data_dir / table_file(name)
    data, digest = _verified(name, path, data_dir, allow_edited)
    depends = [*(["occupations"] if RESOURCES[name].get("foreignKeys") else [])]
    depends += list(_CHECK_DEPENDS.get(name, ()))
    digests = {
        other: _verified(other, data_dir / table_file(other), data_dir, allow_edited)[1]
        for other in depends
    }  # what the checks read is part of the key: an edit there is seen here too
    memo_key = (digest, name, str(data_dir.absolute()), allow_edited, where, *digests.values())
    if memo_key in _MEMO:
        _MEMO.move_to_end(memo_key)
        return _MEMO[memo_key]
    frame = _validated(name, path, data, digest, data_dir, allow_edited, where, digests)
    frame = frame.reset_index(drop=True)
    _MEMO[memo_key] = frame
    while len(_MEMO) > _MEMO_SIZE:
        _MEMO.popitem(last=False)
    return frame


def data_dir_of(data_dir: Path | str | None) -> Path:
    """``data_dir``, or the package's data folder (``CAREERSTATS_DATA`` or ``data/``)."""
    if data_dir is None or data_dir == "":
        return paths.DATA_DIR
    if not isinstance(data_dir, str | os.PathLike):
        raise CareerStatsError(
            f"data_dir {shown(data_dir)}: expected a folder path (str or Path), or None"
        )
    return Path(data_dir)


def _where(where: object) -> Where:
    if where is None:
        return ()
    if not isinstance(where, dict) or not all(
        isinstance(c, str) and isinstance(v, list | tuple | set) for c, v in where.items()
    ):
        raise CareerStatsError(
            f"where {shown(where)}: expected a dict of column -> list of values, "
            "e.g. {'soc_code': ['31-9092']}"
        )
    return tuple(
        (column, "in", tuple(sorted(map(str, values)))) for column, values in where.items()
    )


@checked
def load_table(
    name_or_path: str | Path,
    data_dir: Path | None = None,
    *,
    where: dict[str, list[str]] | None = None,
    allow_edited: bool | None = None,
) -> pd.DataFrame:
    """Load a table of ``data/`` (or a copy of one), verified.

    Every load checks the file's SHA-256 against ``datapackage.json``, validates it
    against careerstats' own data dictionary and runs the build's whole-table checks,
    once per content; a failure is a :class:`~careerstats.errors.DataValidationError`
    naming the file, rows, column and what was expected. A path is held to the
    ``datapackage.json`` beside it, else the one in ``data_dir``; ``allow_edited`` (or
    ``CAREERSTATS_ALLOW_EDITED_DATA=1``) skips only the digest, and :func:`edits` names it.

    Args:
        name_or_path: a table's name (a key of
            :data:`~careerstats.tables.resources.RESOURCES`) or the path of a copy of its
            CSV.
        data_dir: another copy of the data package.
        where: keep only the rows whose column holds one of the values given.
        allow_edited: serve a copy whose digest differs from the recorded one.

    Returns:
        The table as a DataFrame, typed as the data dictionary says.

    Reads:
        The table's file in ``data/``, whose release ``datapackage.json`` records.

    Example:
        >>> cpi = load_table("cpi")
        >>> cpi[(cpi["year"] == 2025) & (cpi["period"] == "M05")]["index_value"].tolist()
        [321.465]
    """
    if not isinstance(name_or_path, str | os.PathLike) or str(name_or_path) == "":
        raise UnknownCodeError("table", name_or_path, RESOURCES, "a table name or a CSV path")
    data_dir = data_dir_of(data_dir)
    chosen = _where(where)
    allow = allow_edited_default() if allow_edited is None else bool(allow_edited)
    p = Path(name_or_path)
    if p.name.endswith((".csv", ".csv.gz")):
        name, path = p.name.removesuffix(".gz").removesuffix(".csv"), p
        if (p.parent / "datapackage.json").exists():
            data_dir = p.parent
    else:
        name, path = str(name_or_path), None
    if name not in RESOURCES:
        raise UnknownCodeError("table", name, RESOURCES)
    return _load(data_dir, name, allow, path, chosen).copy()


OEWS_LEVELS = ("national", "state", "metro")


def _release_years(data_dir: Path | None, name: str) -> list[int]:
    """The May releases table ``name`` holds, from its sources in ``datapackage.json``
    (checked on every load against the tables' digests)."""
    descriptor = _descriptor(data_dir_of(data_dir) / "datapackage.json")
    found = next(r for r in descriptor["resources"] if r["name"] == name)
    releases = (str(s.get("release", "")) for s in found.get("sources", []))
    return sorted({int(r.split()[1]) for r in releases if re.fullmatch(r"May \d{4}", r)})


@checked
def load_oews(
    level: str = "national",
    year: int | str | None = None,
    data_dir: Path | None = None,
    *,
    where: dict[str, list[str]] | None = None,
) -> pd.DataFrame:
    """OEWS estimates at ``level`` (national, state or metro), for ``year``, for the
    newest release (``year="latest"``), or for every year (``None``); ``where`` keeps only
    the rows it names, as in :func:`load_table` (the years are still those of the whole
    table).

    Args:
        level: ``"national"``, ``"state"`` or ``"metro"`` (metro areas and
            nonmetropolitan areas).
        year: a release's year, ``"latest"`` for the newest, None for every year.
        data_dir: another copy of the data package.
        where: keep only the rows whose column holds one of the values given.

    Returns:
        A DataFrame in the columns of ``oews_national``, ``oews_state`` or
        ``oews_metro``: employment and every wage with its markers.

    Reads:
        OEWS: national, every May release the data hold; state and metro, the newest.

    Example:
        >>> national = load_oews("national", year="latest", where={"soc_code": ["31-9092"]})
        >>> national[["release", "annual_wage_median"]].values.tolist()
        [['May 2025', 45690.0]]
    """
    if level not in OEWS_LEVELS:
        raise UnknownCodeError("OEWS level", level, OEWS_LEVELS)
    table = load_table(f"oews_{level}", data_dir, where=where)
    if year is None:
        return table
    if where is None:
        years = sorted(int(y) for y in table["year"].unique())
    else:  # the releases the whole table holds, as the verified data package records them
        years = _release_years(data_dir, f"oews_{level}")
    if year == "latest":
        year = years[-1]
    wanted = _year(year)
    if wanted not in years:
        raise UnknownCodeError(
            "year", str(year), [str(y) for y in years], f"{level} data cover {years[0]}-{years[-1]}"
        )
    return table[table["year"] == wanted].reset_index(drop=True)


def _year(year: object) -> int | None:
    """``year`` as a whole number (2025 or "2025"), or None when it is not one."""
    if isinstance(year, bool):
        return None
    if isinstance(year, int):
        return year
    if isinstance(year, str) and year.strip().isdigit() and len(year.strip()) <= 4:
        return int(year.strip())
    return None


@checked
def load_projections(cycle: str | None = None, data_dir: Path | None = None) -> pd.DataFrame:
    """Employment Projections for one cycle, or every cycle.

    Args:
        cycle: a cycle as BLS names it (``"2024-34"``); None for every cycle the data hold.
        data_dir: another copy of the data package.

    Returns:
        A DataFrame, one row per occupation and cycle: employment in the base and
        projected year, the change, openings, typical education and pay.

    Reads:
        BLS's Employment Projections, every cycle from 2014-24 on.

    Example:
        >>> found = load_projections("2024-34")
        >>> found.loc[found["soc_code"] == "31-9092", "employment_change_pct"].tolist()
        [12.5]
    """
    table = load_table("projections", data_dir)
    if cycle is None:
        return table
    cycles = sorted(table["cycle"].unique())
    if not isinstance(cycle, str) or cycle not in cycles:
        raise UnknownCodeError("projection cycle", cycle, cycles)
    return table[table["cycle"] == cycle].reset_index(drop=True)
