"""A binary copy of each validated table, so a command reads it in milliseconds.

Validating ``oews_industry`` (133,373 rows) from its CSV takes seconds; reading the
validated frame back from Parquet takes tens of milliseconds, and can read only the rows
a command needs. A copy is keyed by the SHA-256 of everything its validity depends on:
the CSV's bytes, the table's schema in ``datapackage.json``, the occupations table (the
foreign key) and the versions of careerstats, pandas and pyarrow. A changed CSV gets a new
key, so a stale copy is never read; a copy that cannot be read is rebuilt. The cache is an
optimisation only: when its folder cannot be written, tables load from CSV as before.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
from pathlib import Path
from typing import Any

import pandas as pd

from .. import paths


@functools.cache
def _versions() -> str:
    import pyarrow

    own = paths.careerstats_version()
    return f"careerstats {own}; pandas {pd.__version__}; pyarrow {pyarrow.__version__}"


def key(data: bytes, resource: dict, depends: list[bytes]) -> str:
    """The cache key of a table read from ``data`` under ``resource``'s schema."""
    h = hashlib.sha256()
    for part in (
        data,
        json.dumps(resource, sort_keys=True).encode(),
        *depends,
        _versions().encode(),
    ):
        h.update(hashlib.sha256(part).digest())
    return h.hexdigest()


def location(name: str, digest: str) -> Path | None:
    folder = paths.cache_dir()
    return None if folder is None else folder / f"{name}-{digest[:24]}.parquet"


def read(path: Path | None, filters: list[tuple[str, str, Any]] | None = None) -> Any:
    """The cached frame (only the rows ``filters`` select), or None when there is none."""
    if path is None or not path.exists():
        return None
    try:
        return pd.read_parquet(path, filters=filters or None)
    except Exception:
        return None


def write(path: Path | None, frame: Any) -> None:
    """Keep ``frame`` at ``path``, written whole or not at all."""
    if path is None:
        return
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        frame.to_parquet(tmp, index=False)
        os.replace(tmp, path)
    except OSError:  # no room or no permission: load from CSV next time too
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
