"""A binary copy of each validated table, so a command reads it in milliseconds.

Validating ``oews_industry`` (133,373 rows) from its CSV takes seconds; reading the
validated frame back from Parquet takes tens of milliseconds, and can read only the rows
a command needs. A copy is keyed by the SHA-256 of everything its validity depends on:
the CSV's bytes, the table's schema in careerstats' data dictionary, the tables its checks
read (occupations, areas) and the versions of careerstats, pandas and pyarrow. A changed
CSV gets a new key, so a stale copy is never read.

Each copy carries its own check: its file name ends in the SHA-256 of its own bytes
(``NAME-KEY-DIGEST.parquet``), verified on every read. A copy that is damaged, edited or
cannot be read is deleted and rebuilt from the CSV. The cache is an optimisation only:
when its folder cannot be written, tables load from CSV as before.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import json
import os
from pathlib import Path
from typing import Any

import pandas as pd

from .. import paths

#: Hex digits of the key and of the copy's own digest in its file name.
KEY_DIGITS, DIGEST_DIGITS = 24, 32


@functools.cache
def _versions() -> str:
    import pyarrow

    own = paths.careerstats_version()
    return f"careerstats {own}; pandas {pd.__version__}; pyarrow {pyarrow.__version__}"


def key(data_digest: str, schema: dict, depends: list[str]) -> str:
    """The cache key of a table whose CSV has SHA-256 ``data_digest``, validated under
    ``schema`` with the tables of digests ``depends``."""
    h = hashlib.sha256()
    for part in (
        data_digest.encode(),
        json.dumps(schema, sort_keys=True).encode(),
        *(d.encode() for d in depends),
        _versions().encode(),
    ):
        h.update(hashlib.sha256(part).digest())
    return h.hexdigest()


def location(name: str, digest: str) -> Path | None:
    """Where copies of table ``name`` under key ``digest`` live (a name prefix), or None
    when the cache is off."""
    folder = paths.cache_dir()
    return None if folder is None else folder / f"{name}-{digest[:KEY_DIGITS]}"


#: Rows per Parquet row group.
ROW_GROUP = 16_384


def _copies(prefix: Path) -> list[Path]:
    return sorted(prefix.parent.glob(f"{prefix.name}-*.parquet")) if prefix.parent.is_dir() else []


def read(prefix: Path | None, filters: list[tuple[str, str, Any]] | None = None) -> Any:
    """The cached frame (only the rows ``filters`` select), or None when there is no
    intact copy. A copy whose bytes do not match the digest in its name is deleted."""
    if prefix is None:
        return None
    for path in _copies(prefix):
        recorded = path.name.removesuffix(".parquet").rsplit("-", 1)[-1]
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if hashlib.sha256(data).hexdigest()[:DIGEST_DIGITS] != recorded:
            with contextlib.suppress(OSError):
                path.unlink()
            continue
        try:
            return pd.read_parquet(io.BytesIO(data), filters=filters or None)
        except Exception:
            with contextlib.suppress(OSError):
                path.unlink()
    return None


def write(prefix: Path | None, frame: Any) -> Path | None:
    """Keep ``frame`` as ``PREFIX-DIGEST.parquet``, written whole or not at all; returns
    the copy's path (None when the cache is off or cannot be written)."""
    if prefix is None:
        return None
    buffer = io.BytesIO()
    # row groups of ROW_GROUP rows: a load of one area's rows (the tables are sorted by
    # area) reads the groups whose statistics admit it, not the whole table
    frame.to_parquet(buffer, index=False, row_group_size=ROW_GROUP)
    data = buffer.getvalue()
    path = prefix.with_name(
        f"{prefix.name}-{hashlib.sha256(data).hexdigest()[:DIGEST_DIGITS]}.parquet"
    )
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:  # no room or no permission: load from CSV next time too
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        return None
    for old in _copies(prefix):  # an earlier copy under the same key
        if old != path:
            with contextlib.suppress(OSError):
                old.unlink()
    return path
