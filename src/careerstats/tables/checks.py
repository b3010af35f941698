"""Sanity checks a build must pass before anything in ``data/`` is replaced.

The schema (:mod:`~.validate`) checks each cell; these check the tables as a whole, the
way a cut or wrong input file would show:

- **the input is the release recorded**: the flat data file's SHA-256 against the one in
  ``datapackage.json`` (:func:`check_flat_release`);
- **coverage**: every state, territory and metro area that ``oe.area`` lists has rows;
- **row counts**: no table loses more than :data:`ROW_TOLERANCE` of the previous build's
  rows (a table may grow: a new projections cycle adds rows; duplicates fail the schema's
  primary key);
- **percentiles in order**: p10 <= p25 <= median <= p75 <= p90, hourly and annual, among
  the values BLS publishes (a top-coded value is only a lower bound: BLS's May 2025 files
  top-code some p90s at $115 an hour where the p75 is far above it);
- **hourly x 2,080 = annual** where both are published and neither is top-coded, within
  BLS's rounding;
- **plausible wages**: a top-coded value holds the release's cap (a lower bound), and no
  wage exceeds :data:`PLAUSIBLE_HOURLY_MAX` an hour (or 2,080 times that a year). BLS
  publishes wages above its stated top-code cap (May 2025 medians up to about $420 an
  hour), so the cap itself is not an upper bound.

Each failure is a :class:`~careerstats.errors.Problem` naming the table, the CSV line,
the column and the value.
"""

from __future__ import annotations

import gzip
import itertools
import json
from pathlib import Path

import pandas as pd

from ..errors import CareerStatsError, Problem
from .fields import (
    HOURS_PER_YEAR,
    PERCENTILES,
    WAGE_KINDS,
    WAGE_STATISTICS,
    table_file,
    wage_field,
)

#: A rebuild may lose at most this share of a table's rows in the previous build.
ROW_TOLERANCE = 0.05
#: BLS rounds hourly wages to the cent and annual wages to $10, so hourly x 2,080 and the
#: annual figure agree within $0.005 x 2,080 + $5 = $15.40; the national files of May
#: 2015-2020 hold pairs up to $15.60 apart. A field read from the wrong column is off by
#: far more than this allowance.
ANNUAL_HOURLY_TOLERANCE = 20.0
#: No wage in a plausible table exceeds this, US dollars an hour: more than twice the
#: highest wage BLS publishes in any table of data/ (about $455 an hour, a state p90).
PLAUSIBLE_HOURLY_MAX = 1000.0
OEWS_TABLES = ("oews_national", "oews_state", "oews_metro", "oews_industry")


def recorded_flat_data(package_dir: Path) -> dict | None:
    """The flat data file the package was built from: ``{"sha256", "release"}``, or None
    where ``package_dir`` holds no data package (a first build)."""
    path = Path(package_dir) / "datapackage.json"
    if not path.exists():
        return None
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        for source in resource.get("sources", []):
            if "data_file" in source:
                return {"sha256": source["data_file"]["sha256"], "release": source["release"]}
    return None


def recorded_flat_files(package_dir: Path) -> dict[str, str]:
    """File name -> SHA-256 of every OEWS flat file the data package records (the small
    files and the data file)."""
    path = Path(package_dir) / "datapackage.json"
    if not path.exists():
        return {}
    out = {}
    for resource in json.loads(path.read_text(encoding="utf-8"))["resources"]:
        for source in resource.get("sources", []):
            for f in [*source.get("files", []), source.get("data_file") or {}]:
                if f.get("path", "").startswith("raw/oews-flat/"):
                    out[f["path"].rsplit("/", 1)[1]] = f["sha256"]
    return out


def check_flat_release(
    data_file: str, digest: str, release: str, package_dir: Path, accept_new_release: bool
) -> None:
    """Refuse a flat data file that is not the release the package records, unless the
    user accepts a new release."""
    recorded = recorded_flat_data(package_dir)
    if recorded is None or digest == recorded["sha256"] or accept_new_release:
        return
    raise CareerStatsError(
        f"{data_file}: SHA-256 {digest[:16]}... is not the file datapackage.json records "
        f"({recorded['sha256'][:16]}..., BLS's {recorded['release']}); this file says it is "
        f"{release}. A cut or partial download, or a new release? Nothing was written. To "
        "build from a new release, pass --accept-new-release (its digest and name are then "
        "recorded); to build a test subset, pass --subset with --out elsewhere"
    )


def _line(index: pd.Index) -> tuple[int, ...]:
    return tuple(int(i) + 2 for i in index)  # header is line 1


def coverage(tables: dict[str, pd.DataFrame], oe_area: pd.DataFrame) -> list[Problem]:
    """Every state/territory (S) and metro area (M) that oe.area lists has rows."""
    problems = []
    for name, kind in (("oews_state", "S"), ("oews_metro", "M")):
        if name not in tables:
            continue
        listed = set(oe_area.loc[oe_area["areatype_code"] == kind, "area_code"])
        missing = sorted(listed - set(tables[name]["area_code"]))
        if missing:
            problems.append(
                Problem(
                    f"{name}.csv (being built)",
                    "area_code",
                    f"a row for each of the {len(listed)} areas oe.area lists "
                    f"({len(missing)} have none: a cut data file?)",
                    (),
                    tuple(missing),
                )
            )
    return problems


def row_counts(
    tables: dict[str, pd.DataFrame], previous_dir: Path, tolerance: float = ROW_TOLERANCE
) -> list[Problem]:
    """No table has lost more than ``tolerance`` of its rows in ``previous_dir``."""
    problems = []
    for name, frame in tables.items():
        path = Path(previous_dir) / table_file(name)
        if not path.exists():
            continue
        with gzip.open(path) if path.suffix == ".gz" else path.open("rb") as f:
            before = sum(1 for _ in f) - 1
        if before > 0 and before - len(frame) > tolerance * before:
            problems.append(
                Problem(
                    f"{name}.csv (being built)",
                    None,
                    f"about the previous build's {before:,} rows (at most {tolerance:.0%} "
                    "fewer); a cut or partial input file?",
                    (),
                    (f"{len(frame):,} rows",),
                )
            )
    return problems


def _topcoded(frame: pd.DataFrame, column: str) -> pd.Series:
    """Rows whose ``topcoded_fields`` (names joined by ';') include ``column``."""
    fields = frame["topcoded_fields"].fillna("").astype(str)
    return fields.str.contains(rf"(?:^|;){column}(?:;|$)", regex=True)


def percentile_order(name: str, frame: pd.DataFrame) -> list[Problem]:
    problems = []
    for kind in WAGE_KINDS:
        for low, high in itertools.pairwise(PERCENTILES):
            a, b = wage_field(kind, low), wage_field(kind, high)
            published = frame[a].notna() & frame[b].notna()
            published &= ~_topcoded(frame, a) & ~_topcoded(frame, b)
            bad = published & (frame[a] > frame[b])
            if bad.any():
                rows = frame[bad]
                problems.append(
                    Problem(
                        f"{name}.csv (being built)",
                        b,
                        f"percentiles in order: {a} <= {b}",
                        _line(rows.index),
                        tuple(f"{r[a]:g} > {r[b]:g}" for _, r in rows.iterrows()),
                    )
                )
    return problems


def annual_is_hourly_times_2080(name: str, frame: pd.DataFrame) -> list[Problem]:
    problems = []
    for stat in WAGE_STATISTICS:
        h, a = wage_field("hourly", stat), wage_field("annual", stat)
        both = frame[h].notna() & frame[a].notna() & ~_topcoded(frame, h) & ~_topcoded(frame, a)
        off = both & ((frame[a] - frame[h] * HOURS_PER_YEAR).abs() > ANNUAL_HOURLY_TOLERANCE + 1e-6)
        if off.any():
            rows = frame[off]
            problems.append(
                Problem(
                    f"{name}.csv (being built)",
                    a,
                    f"{a} = {h} x 2,080 within ${ANNUAL_HOURLY_TOLERANCE:.2f} (BLS's rounding)",
                    _line(rows.index),
                    tuple(f"{r[a]:g} vs {r[h]:g} x 2,080" for _, r in rows.iterrows()),
                )
            )
    return problems


def wage_bounds(
    name: str, frame: pd.DataFrame, caps: dict[int, tuple[float, float]]
) -> list[Problem]:
    """No wage above :data:`PLAUSIBLE_HOURLY_MAX` (x 2,080 a year); a top-coded value of
    a release with a stated cap (``caps``: year -> (hourly, annual)) equals that cap."""
    problems = []
    for kind in WAGE_KINDS:
        limit = PLAUSIBLE_HOURLY_MAX * (1 if kind == "hourly" else HOURS_PER_YEAR)
        for stat in WAGE_STATISTICS:
            col = wage_field(kind, stat)
            bad = frame[col].notna() & (frame[col] > limit)
            if bad.any():
                problems.append(
                    Problem(
                        f"{name}.csv (being built)",
                        col,
                        f"a plausible wage, at most ${limit:,.0f}",
                        _line(frame.index[bad]),
                        tuple(frame.loc[bad, col].tolist()),
                    )
                )
            cap = frame["year"].map({y: c[0 if kind == "hourly" else 1] for y, c in caps.items()})
            wrong = _topcoded(frame, col) & cap.notna() & (frame[col] != cap)
            if wrong.any():
                problems.append(
                    Problem(
                        f"{name}.csv (being built)",
                        col,
                        "a top-coded value equal to its release's cap (a lower bound)",
                        _line(frame.index[wrong]),
                        tuple(frame.loc[wrong, col].tolist()),
                    )
                )
    return problems


def sanity_problems(
    tables: dict[str, pd.DataFrame],
    oe_area: pd.DataFrame,
    caps: dict[int, tuple[float, float]],
    previous_dir: Path | None,
) -> list[Problem]:
    """Every check of this module on the tables about to be written (``tables`` in the
    order and with the index of the CSVs: row i is line i + 2)."""
    problems = coverage(tables, oe_area)
    if previous_dir is not None:
        problems += row_counts(tables, previous_dir)
    for name in OEWS_TABLES:
        if name in tables:
            frame = tables[name]
            problems += percentile_order(name, frame)
            problems += annual_is_hourly_times_2080(name, frame)
            problems += wage_bounds(name, frame, caps)
    return problems
