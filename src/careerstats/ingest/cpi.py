"""Reader for BLS's Consumer Price Index as bundled by the PyPI package ``cpi`` (pinned in
the lock): its SQLite database ``cpi/cpi.db``, a copy of BLS's time-series files at
``https://download.bls.gov/pub/time.series/cu/``.

The database is read directly, read-only: ``import cpi`` would warn (``StaleDataWarning``)
once its newest month is more than 90 days before *today*, a date-dependent message that
must never reach a build, a notebook or a test, and it would try to download a missing
database. Reading the file gives the same numbers without either.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import sqlite3
from pathlib import Path

import pandas as pd

from ..errors import CareerStatsError
from ..extras import require

PACKAGE = "cpi"
#: CPI-U, all items, U.S. city average, not seasonally adjusted (1982-84 = 100).
CPI_U = "CUUR0000SA0"
ANNUAL_AVERAGE_PERIOD = "M13"


def database() -> Path:
    """The path of the ``cpi`` package's bundled database, without importing the package."""
    require("build", "reading BLS's CPI-U")
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise CareerStatsError(f"the {PACKAGE!r} package has no folder — expected a package")
    path = Path(next(iter(spec.submodule_search_locations))) / "cpi.db"
    if not path.exists():
        raise CareerStatsError(
            f"{path}: missing — expected the database the {PACKAGE} package bundles"
        )
    return path


def package_version() -> str:
    return importlib.metadata.version(PACKAGE)


def read_cpi(series: str = CPI_U, first_year: int = 2014) -> pd.DataFrame:
    """Every month (M01-M12) and annual average (M13) of ``series`` from ``first_year``:
    series_id, year, period, month (None for the annual average), index_value."""
    with sqlite3.connect(f"file:{database()}?mode=ro", uri=True) as con:
        rows = con.execute(
            "select series, year, period, value from indexes where series = ? and year >= ? "
            "order by year, period",
            (series, first_year),
        ).fetchall()
    if not rows:
        raise CareerStatsError(f"{database()}: no values of series {series} from {first_year}")
    frame = pd.DataFrame(rows, columns=["series_id", "year", "period", "index_value"])
    bad = ~frame["period"].str.fullmatch(r"M(0[1-9]|1[0-3])")
    if bad.any():
        raise CareerStatsError(
            f"{database()}: periods {sorted(set(frame.loc[bad, 'period']))}"
            " — expected M01-M12 and M13 (annual average)"
        )
    month = frame["period"].str[1:].astype(int)
    frame["month"] = month.where(frame["period"] != ANNUAL_AVERAGE_PERIOD).astype("Int64")
    return frame[["series_id", "year", "period", "month", "index_value"]]
