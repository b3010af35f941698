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
from ..measures import HOURS_PER_YEAR, PERCENTILES, WAGE_KINDS, WAGE_STATISTICS, wage_field
from ..occupations import ALL_OCCUPATIONS
from .resources import table_file

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
#: No table holds more jobs than this in one cell: more people than the United States has.
PLAUSIBLE_EMPLOYMENT_MAX = 400_000_000
#: A CPI-U index (1982-84 = 100) stays in this range for every month BLS has published.
CPI_PLAUSIBLE = (1.0, 1000.0)
#: No month of the CPI-U is this far (a share) from the month before.
CPI_MAX_MONTHLY_CHANGE = 0.10
#: BEA's parities (U.S. = 100) stay in this range; the widest published is a few hundred.
PARITY_PLAUSIBLE = (10.0, 1000.0)


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


def _recorded_flat(package_dir: Path) -> dict[str, dict]:
    """File name -> the data package's record (``sha256``, ``bytes``) of every OEWS flat
    file it lists (the small files and the data file)."""
    path = Path(package_dir) / "datapackage.json"
    if not path.exists():
        return {}
    out = {}
    for resource in json.loads(path.read_text(encoding="utf-8"))["resources"]:
        for source in resource.get("sources", []):
            for f in [*source.get("files", []), source.get("data_file") or {}]:
                if f.get("path", "").startswith("raw/oews-flat/"):
                    out[f["path"].rsplit("/", 1)[1]] = f
    return out


def recorded_flat_files(package_dir: Path) -> dict[str, str]:
    """File name -> SHA-256 of every OEWS flat file the data package records."""
    return {name: f["sha256"] for name, f in _recorded_flat(package_dir).items()}


def recorded_flat_sizes(package_dir: Path) -> dict[str, int]:
    """File name -> size in bytes of every OEWS flat file the data package records a size
    for (the limit a download of each is held to)."""
    return {n: int(f["bytes"]) for n, f in _recorded_flat(package_dir).items() if f.get("bytes")}


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


def _building(name: str) -> str:
    return f"{name}.csv (being built)"


def percentile_order(file: str, frame: pd.DataFrame) -> list[Problem]:
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
                        file,
                        b,
                        f"percentiles in order: {a} <= {b}",
                        _line(rows.index),
                        tuple(f"{r[a]:g} > {r[b]:g}" for _, r in rows.iterrows()),
                    )
                )
    return problems


def annual_is_hourly_times_2080(file: str, frame: pd.DataFrame) -> list[Problem]:
    problems = []
    for stat in WAGE_STATISTICS:
        h, a = wage_field("hourly", stat), wage_field("annual", stat)
        both = frame[h].notna() & frame[a].notna() & ~_topcoded(frame, h) & ~_topcoded(frame, a)
        off = both & ((frame[a] - frame[h] * HOURS_PER_YEAR).abs() > ANNUAL_HOURLY_TOLERANCE + 1e-6)
        if off.any():
            rows = frame[off]
            problems.append(
                Problem(
                    file,
                    a,
                    f"{a} = {h} x 2,080 within ${ANNUAL_HOURLY_TOLERANCE:.2f} (BLS's rounding)",
                    _line(rows.index),
                    tuple(f"{r[a]:g} vs {r[h]:g} x 2,080" for _, r in rows.iterrows()),
                )
            )
    return problems


def wage_bounds(
    file: str, frame: pd.DataFrame, caps: dict[int, tuple[float, float]]
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
                        file,
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
                        file,
                        col,
                        "a top-coded value equal to its release's cap (a lower bound)",
                        _line(frame.index[wrong]),
                        tuple(frame.loc[wrong, col].tolist()),
                    )
                )
    return problems


def employment_bounds(file: str, frame: pd.DataFrame) -> list[Problem]:
    """No employment above :data:`PLAUSIBLE_EMPLOYMENT_MAX`, and none above its area's (or
    industry's) all-occupations total (SOC 00-0000) of the same release."""
    problems = []
    jobs = frame["employment"]
    huge = jobs.notna() & (jobs > PLAUSIBLE_EMPLOYMENT_MAX)
    if huge.any():
        problems.append(
            Problem(
                file,
                "employment",
                f"a plausible employment, at most {PLAUSIBLE_EMPLOYMENT_MAX:,} (more people "
                "than the United States has)",
                _line(frame.index[huge]),
                tuple(jobs[huge].tolist()),
            )
        )
    group = [c for c in ("year", "area_code", "industry_code") if c in frame.columns]
    totals = frame.loc[frame["soc_code"] == ALL_OCCUPATIONS, [*group, "employment"]]
    if totals.empty:
        return problems
    total = frame[group].merge(
        totals.rename(columns={"employment": "_total"}), on=group, how="left"
    )["_total"]
    total.index = frame.index
    above = jobs.notna() & total.notna() & (jobs > total)
    if above.any():
        problems.append(
            Problem(
                file,
                "employment",
                "at most the all-occupations total (00-0000) of the same area and release",
                _line(frame.index[above]),
                tuple(
                    f"{j:,.0f} > {t:,.0f}" for j, t in zip(jobs[above], total[above], strict=True)
                ),
            )
        )
    return problems


def oews_problems(
    file: str, frame: pd.DataFrame, caps: dict[int, tuple[float, float]] | None = None
) -> list[Problem]:
    """Every whole-table check of one OEWS table: percentiles in order, annual = hourly x
    2,080, plausible wages (and each release's cap where ``caps`` gives it), plausible
    employment."""
    return (
        percentile_order(file, frame)
        + annual_is_hourly_times_2080(file, frame)
        + wage_bounds(file, frame, caps or {})
        + employment_bounds(file, frame)
    )


def cpi_problems(file: str, frame: pd.DataFrame) -> list[Problem]:
    """A CPI-U an index can be: within :data:`CPI_PLAUSIBLE`, and no month more than
    :data:`CPI_MAX_MONTHLY_CHANGE` away from the month before it in the table."""
    problems = []
    values = frame["index_value"]
    low, high = CPI_PLAUSIBLE
    out = values.notna() & ((values < low) | (values > high))
    if out.any():
        problems.append(
            Problem(
                file,
                "index_value",
                f"a CPI-U index (1982-84 = 100) from {low:g} to {high:g}",
                _line(frame.index[out]),
                tuple(values[out].tolist()),
            )
        )
    months = frame[frame["month"].notna()].copy()
    months["_order"] = months["year"].astype(int) * 12 + months["month"].astype(int)
    months = months.sort_values(["series_id", "_order"])
    previous = months.groupby("series_id")["index_value"].shift()
    gap = months.groupby("series_id")["_order"].diff()
    change = (months["index_value"] / previous - 1).abs()
    jump = previous.notna() & (gap <= 2) & (change > CPI_MAX_MONTHLY_CHANGE)
    if jump.any():
        rows = months[jump]
        problems.append(
            Problem(
                file,
                "index_value",
                f"a month within {CPI_MAX_MONTHLY_CHANGE:.0%} of the month before (the CPI-U "
                "has never moved that much in a month)",
                _line(rows.index),
                tuple(
                    f"{v:g} after {p:g}"
                    for v, p in zip(rows["index_value"], previous[jump], strict=True)
                ),
            )
        )
    return problems


def parity_problems(file: str, frame: pd.DataFrame) -> list[Problem]:
    """BEA's parities as BEA defines them: within :data:`PARITY_PLAUSIBLE`, and the
    nation's all-items parity exactly 100 in every table and year."""
    problems = []
    low, high = PARITY_PLAUSIBLE
    for column in [c for c in frame.columns if c.startswith("rpp_")]:
        values = frame[column]
        out = values.notna() & ((values < low) | (values > high))
        if out.any():
            problems.append(
                Problem(
                    file,
                    column,
                    f"a price parity (U.S. = 100) from {low:g} to {high:g}",
                    _line(frame.index[out]),
                    tuple(values[out].tolist()),
                )
            )
    nation = frame["geo_fips"] == "00000"
    off = nation & (frame["rpp_all_items"] != 100)
    if off.any():
        problems.append(
            Problem(
                file,
                "rpp_all_items",
                "100 for the United States (BEA's parities are relative to the nation)",
                _line(frame.index[off]),
                tuple(frame.loc[off, "rpp_all_items"].tolist()),
            )
        )
    return problems


def area_coverage(file: str, frame: pd.DataFrame, areas: pd.DataFrame, kind: str) -> list[Problem]:
    """Every area of ``kind`` (state, metro) that the areas table lists has rows in the
    newest release ``frame`` holds: a table cut short at a line end still fails here."""
    listed = set(areas.loc[areas["area_type"] == kind, "area_code"])
    newest = frame[frame["year"] == frame["year"].max()]
    missing = sorted(listed - set(newest["area_code"]))
    if not missing:
        return []
    return [
        Problem(
            file,
            "area_code",
            f"rows for each of the {len(listed)} {kind} areas areas.csv lists ({len(missing)} "
            "have none: a table cut short?)",
            (),
            tuple(missing),
        )
    ]


def served_problems(
    name: str, frame: pd.DataFrame, file: str, areas: pd.DataFrame | None = None
) -> list[Problem]:
    """The build's whole-table checks, run on a table about to be served by a loader:
    everything but what needs the raw files (the release's digest, the top-code cap) or
    the previous build (row counts). ``areas`` (the areas table) enables coverage."""
    problems = []
    if name in OEWS_TABLES:
        problems += oews_problems(file, frame)
        kind = {"oews_state": "state", "oews_metro": "metro"}.get(name)
        if kind and areas is not None:
            problems += area_coverage(file, frame, areas, kind)
    if name in TABLE_CHECKS:
        problems += TABLE_CHECKS[name](file, frame)
    return problems


#: The whole-table checks of tables other than OEWS's, by table.
TABLE_CHECKS = {"cpi": cpi_problems, "price_parities": parity_problems}


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
            problems += oews_problems(_building(name), frame, caps)
    for name, check in TABLE_CHECKS.items():
        if name in tables:
            problems += check(_building(name), tables[name])
    return problems
