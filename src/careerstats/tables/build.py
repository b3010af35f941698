"""Build every table in ``data/`` from ``data/raw/`` (and the OEWS flat files).

Short steps in OWID's manner: read the raw files, shape each table, validate it against
its schema, then write. Everything is written into a temporary folder first and moved
into place only when every table has passed, so a failed build leaves ``data/`` as it
was. A rebuild from the same inputs writes byte-identical files.
"""

from __future__ import annotations

import gzip
import math
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import us

from .. import paths, staging
from ..errors import CareerStatsError, Problem, raise_if_any
from ..extras import require
from ..ingest import article, article_requirements, bea, cpi, ipeds, oews_flat, ors
from ..ingest.ep import read_projections
from ..ingest.oews_xlsx import read_national
from ..measures import OEWS_AREA_MEASURES
from ..occupations import ALL_OCCUPATIONS
from ..progress import Progress, quiet
from ..sources import BEA_FILES, EP_FILES, OEWS_FLAT_SMALL_FILES, OEWS_NATIONAL_YEARS, SOURCES
from .checks import check_flat_release, sanity_problems
from .datapackage import build_descriptor, resource_schema, sha256, write_descriptor
from .resources import RESOURCES, table_file
from .validate import validate_frame

# --- tables from the article and the secondary facts -------------------------------------


def jurisdictions() -> pd.DataFrame:
    """The 50 states, DC and Puerto Rico: the places BLS publishes state estimates for
    that the licensure lists talk about."""
    places = [*us.states.STATES, us.states.DC, us.states.PR]
    return pd.DataFrame(
        {
            "state_code": [s.abbr for s in places],
            "state_fips": [s.fips for s in places],
            "state_name": [s.name for s in places],
        }
    ).sort_values("state_fips", ignore_index=True)


def licensure(text: str, facts: pd.DataFrame) -> pd.DataFrame:
    listed_article = set(article.licensure_list(text))
    ascls = set(facts.loc[facts["measure"] == "state_licensure_lab_personnel", "value"])
    disputed = facts[facts["measure"] == "state_licensure_lab_personnel_disputed"]
    other = dict(zip(disputed["value"], disputed["source_url"], strict=True))
    places = jurisdictions()
    known = set(places["state_name"])
    for name in listed_article | ascls | set(other):
        if name not in known:
            raise article.article_error("licensure", f"{name!r} is not a state, DC or Puerto Rico")
    df = places.assign(
        is_listed_article=places["state_name"].isin(listed_article),
        is_listed_ascls=places["state_name"].isin(ascls),
        other_list_source_url=places["state_name"].map(other),
    )
    votes = df[["is_listed_article", "is_listed_ascls"]].assign(
        other=df["other_list_source_url"].notna()
    )
    all_yes = df["is_listed_article"] & df["is_listed_ascls"]
    none = ~votes.any(axis=1)
    df["licensure_agreement"] = "sources disagree"
    df.loc[all_yes, "licensure_agreement"] = "all list it"
    df.loc[none, "licensure_agreement"] = "none list it"
    return df


def recertification(text: str, facts: pd.DataFrame) -> pd.DataFrame:
    said = article.recertification_article(text)
    rows = []
    for soc, info in said.items():
        fact = facts[(facts["measure"] == "recertification_cycle") & (facts["soc_code"] == soc)]
        if len(fact) != 1:
            raise article.article_error(
                "secondary facts",
                f"expected one recertification_cycle row for {soc}, found {len(fact)}",
            )
        row = fact.iloc[0]
        value, unit = int(row["value"]), str(row["unit"])
        months = {"months": value, "years": value * 12}.get(unit)
        if months is None:
            raise article.article_error(
                "secondary facts", f"recertification unit {unit!r}: expected 'months' or 'years'"
            )
        rows.append(
            {
                "soc_code": soc,
                **info,
                "recertification_cycle_months": months,
                "source_url": row["source_url"],
            }
        )
    return pd.DataFrame(rows)


# --- BLS tables -----------------------------------------------------------------------------


def _soc_level_from_code(code: str) -> str:
    """The SOC level a code's digits imply (for codes only EP publishes)."""
    if code == ALL_OCCUPATIONS:
        return "total"
    if code.endswith("0000"):
        return "major"
    if code.endswith("000") or code[3:5].endswith("00"):
        return "minor"
    return "broad" if code.endswith("0") else "detailed"


def oews_national_xlsx(raw_dir: Path, progress: Progress) -> pd.DataFrame:
    frames = []
    for year in OEWS_NATIONAL_YEARS:
        frames.append(read_national(raw_dir / SOURCES[f"oews_national_{year}"]["files"][0], year))
        progress(f"OEWS national May {year}: {len(frames[-1]):,} occupations")
    return pd.concat(frames, ignore_index=True)


def flat_rows(wide: pd.DataFrame, occupations: pd.DataFrame, areas: pd.DataFrame) -> pd.DataFrame:
    """The flat-file reader's wide frame as careerstats rows (markers resolved)."""
    release = wide.attrs["release"]
    out = wide[["areatype_code", "area_code", "soc_code"]].copy()
    out.insert(0, "year", release.year)
    out.insert(1, "release", release.name)
    for m in OEWS_AREA_MEASURES:
        out[m] = wide[m]
    notes = wide[[f"note_{m}" for m in OEWS_AREA_MEASURES]].to_numpy()
    top = notes == oews_flat.FOOTNOTE_TOPCODED
    only = notes == oews_flat.FOOTNOTE_HOURLY_OR_ANNUAL_ONLY
    out["is_annual_only"] = only[:, oews_flat.HOURLY].any(axis=1)
    out["is_hourly_only"] = only[:, oews_flat.ANNUAL].any(axis=1)
    names = np.array(OEWS_AREA_MEASURES, dtype=object)
    out["topcoded_fields"] = [";".join(names[row]) or None for row in top]
    if "industry_code" in wide:
        out.insert(5, "industry_code", wide["industry_code"])
        unreleased = notes == oews_flat.FOOTNOTE_NOT_RELEASED
        flagged = unreleased.any(axis=1)
        out["not_released_fields"] = None
        out.loc[flagged, "not_released_fields"] = [
            ";".join(names[row]) for row in unreleased[flagged]
        ]
    out = out.merge(occupations, on="soc_code", how="left", validate="many_to_one")
    out = out.merge(areas, on="area_code", how="left", validate="many_to_one")
    unknown = out["occupation_title"].isna() | out["area_title"].isna()
    if unknown.any():
        raise CareerStatsError(
            "OEWS flat files: codes in oe.data.0.Current missing from oe.occupation or "
            "oe.area: "
            + ", ".join(
                sorted(set(out.loc[unknown, "soc_code"] + "@" + out.loc[unknown, "area_code"]))[:10]
            )
        )
    return out


def industry_table(rows: pd.DataFrame, industries: pd.DataFrame, source: str) -> pd.DataFrame:
    """The national industry rows of the flat file, with each industry's title, level and
    parent, and the occupation's share of its cross-industry employment."""
    cross = rows["industry_code"] == oews_flat.CROSS_INDUSTRY
    national = rows[cross & (rows["areatype_code"] == "N")].set_index("soc_code")["employment"]
    table = rows[~cross]
    problems = []
    outside = table["areatype_code"] != "N"
    if outside.any():
        problems.append(
            Problem(
                source,
                "series_id",
                "industry estimates (industry other than 000000) for the nation only",
                (),
                tuple(sorted(set(table.loc[outside, "area_code"]))[:10]),
            )
        )
    unknown = sorted(set(table["industry_code"]) - set(industries["industry_code"]))
    if unknown:
        problems.append(
            Problem(
                source, "series_id", "industry codes that oe.industry lists", (), tuple(unknown)
            )
        )
    raise_if_any(problems)
    table = table.merge(industries, on="industry_code", how="left", validate="many_to_one")
    share = table["employment"] / table["soc_code"].map(national) * 100
    table["employment_share_pct"] = share.round(2)
    return table


def areas_table(flat_dir: Path) -> pd.DataFrame:
    raw = oews_flat.read_areas(flat_dir)
    postal = {s.fips: s.abbr for s in us.states.STATES_AND_TERRITORIES}
    kind = raw["areatype_code"].map(oews_flat.AREATYPES)
    unknown = kind.isna() | (raw["state_code"].map(postal).isna() & (raw["state_code"] != "00"))
    if unknown.any():
        raise CareerStatsError(
            f"{paths.display(flat_dir / 'oe.area')}: unknown area type or "
            f"state FIPS: {raw.loc[unknown].to_dict('records')[:5]}"
        )
    return pd.DataFrame(
        {
            "area_code": raw["area_code"],
            "area_type": kind,
            "area_title": raw["area_name"],
            "area_state_fips": raw["state_code"],
            "area_state_code": raw["state_code"].map(postal),
        }
    ).sort_values("area_code", ignore_index=True)


def occupations_table(
    national: pd.DataFrame, flat_occ: pd.DataFrame, projections: pd.DataFrame, flat_year: int
) -> pd.DataFrame:
    """Every code any source publishes; title and level from the newest OEWS release."""
    oews = pd.concat(
        [
            national[["year", "soc_code", "occupation_title", "soc_level"]],
            flat_occ.assign(year=flat_year),
        ],
        ignore_index=True,
    )
    oews = oews.sort_values(["soc_code", "year"], kind="stable")
    latest = oews.groupby("soc_code").last()
    first = oews.groupby("soc_code")["year"].min()
    ep = (
        projections.sort_values(["soc_code", "base_year"], kind="stable")
        .groupby("soc_code")["occupation_title"]
        .last()
    )
    codes = sorted(set(latest.index) | set(ep.index))
    table = pd.DataFrame({"soc_code": codes})
    table["occupation_title"] = (
        table["soc_code"].map(latest["occupation_title"]).fillna(table["soc_code"].map(ep))
    )
    table["soc_level"] = (
        table["soc_code"]
        .map(latest["soc_level"])
        .fillna(table["soc_code"].map(_soc_level_from_code))
    )
    table["in_oews"] = table["soc_code"].isin(latest.index)
    table["in_projections"] = table["soc_code"].isin(ep.index)
    table["first_release_oews"] = (
        table["soc_code"].map(first).map(lambda y: f"May {int(y)}" if pd.notna(y) else None)
    )
    table["last_release_oews"] = (
        table["soc_code"]
        .map(latest["year"])
        .map(lambda y: f"May {int(y)}" if pd.notna(y) else None)
    )
    return table


def projections_table(raw_dir: Path, progress: Progress) -> pd.DataFrame:
    frames = []
    for cycle, rel in EP_FILES.items():
        frames.append(read_projections(raw_dir / rel))
        progress(f"Employment Projections {cycle}: {len(frames[-1]):,} occupations")
    return pd.concat(frames, ignore_index=True)


def check_flat_metadata(flat_dir: Path, raw_dir: Path) -> None:
    """The small flat files beside the data file must be the ones in data/raw."""
    committed = raw_dir / "oews-flat"
    if flat_dir.resolve() == committed.resolve():
        return
    differ = [
        name
        for name in OEWS_FLAT_SMALL_FILES
        if not (flat_dir / name).exists() or sha256(flat_dir / name) != sha256(committed / name)
    ]
    if differ:
        raise CareerStatsError(
            f"{flat_dir}: {', '.join(differ)} missing or not the release in "
            f"{paths.display(committed)} — expected BLS's May 2025 flat files"
        )


def bls_tables(raw_dir: Path, flat_dir: Path, progress: Progress) -> dict[str, pd.DataFrame]:
    check_flat_metadata(flat_dir, raw_dir)
    flat_occ = oews_flat.read_occupations(flat_dir / "oe.occupation")
    areas = areas_table(flat_dir)
    industries = oews_flat.read_industries(flat_dir / "oe.industry")
    wide = oews_flat.read_wide(flat_dir, progress=progress, industries=True)
    progress(f"OEWS May 2025 flat file: {len(wide):,} area-industry-occupation rows")
    everything = flat_rows(wide, flat_occ, areas)
    cross = everything["industry_code"] == oews_flat.CROSS_INDUSTRY
    rows = everything[cross]
    industry = industry_table(
        everything[~cross | (everything["areatype_code"] == "N")],
        industries,
        paths.display(flat_dir / oews_flat.DATA_FILE),
    )
    progress(f"OEWS May 2025 industries: {len(industry):,} industry-occupation rows")
    national = pd.concat(
        [oews_national_xlsx(raw_dir, progress), rows[rows["areatype_code"] == "N"]],
        ignore_index=True,
    )
    state = rows[rows["areatype_code"] == "S"]
    metro = rows[rows["areatype_code"] == "M"]
    projections = projections_table(raw_dir, progress)
    occupations = occupations_table(national, flat_occ, projections, wide.attrs["release"].year)
    return {
        "occupations": occupations,
        "areas": areas,
        "oews_national": national.sort_values(["year", "soc_code"], ignore_index=True),
        "oews_state": state.sort_values(["area_code", "soc_code"], ignore_index=True),
        "oews_metro": metro.sort_values(["area_code", "soc_code"], ignore_index=True),
        "oews_industry": industry.sort_values(["soc_code", "industry_code"], ignore_index=True),
        "projections": projections.sort_values(["cycle", "soc_code"], ignore_index=True),
    }


def price_tables(raw_dir: Path) -> tuple[dict[str, pd.DataFrame], dict[str, dict]]:
    """CPI-U from the pinned cpi package, and BEA's regional price parities; with the
    provenance each source adds to the data package (package version, series, digest)."""
    cpi_frame = cpi.read_cpi(cpi.CPI_U)
    newest = cpi_frame[cpi_frame["month"].notna()].iloc[-1]
    month = pd.Timestamp(int(newest["year"]), int(newest["month"]), 1).strftime("%B %Y")
    extras = {
        "cpi_u": {
            "release": f"CPI-U through {month}, as bundled by cpi {cpi.package_version()}",
            "series_id": cpi.CPI_U,
            "package": {
                "name": cpi.PACKAGE,
                "version": cpi.package_version(),
                "database": "cpi/cpi.db",
                "sha256": sha256(cpi.database()),
            },
        }
    }
    parities = pd.concat(
        [bea.read_parities(raw_dir / SOURCES[sid]["files"][0]) for sid in BEA_FILES],
        ignore_index=True,
    )
    parities = parities.sort_values(["bea_table", "geo_fips", "year"], ignore_index=True)
    charges = ipeds.read_program_charges(raw_dir / SOURCES["ipeds_ic2023_py"]["files"][0])
    return {"cpi": cpi_frame, "price_parities": parities, "program_charges": charges}, extras


def article_tables(raw_dir: Path) -> dict[str, pd.DataFrame]:
    text = article.read_article(raw_dir)
    facts = pd.read_csv(raw_dir / "facts" / "secondary_facts.csv", dtype=str, keep_default_na=False)
    return {
        "article_claims": article.claims(text),
        "article_table": article.cells(text),
        "organizations": article.organizations(text),
        "credentials": article.credentials(text),
        "education_programs": article.education_programs(text),
        "recertification": recertification(text, facts),
        "article_lists": article.lists(text),
        "article_requirement_claims": article_requirements.requirement_claims(text),
        "licensure": licensure(text, facts),
    }


# --- writing ------------------------------------------------------------------------------


def _cell_text(value: object, ftype: str) -> str:
    """One cell as written: empty where missing, ``true``/``false``, a whole number without
    a decimal point, any other number as Python's shortest round-trip ``repr``."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    if ftype == "boolean":
        return "true" if bool(value) else "false"
    if ftype in ("number", "integer"):
        f = float(value)  # type: ignore[arg-type]  # a number, by the schema
        return str(int(f)) if f.is_integer() else repr(f)
    return str(value)


#: Whole numbers below this are written through int64 at once; larger ones cell by cell.
_EXACT_INT = 2**53


def _column_text(col: pd.Series, ftype: str) -> np.ndarray:
    """The column's cells as :func:`_cell_text` writes them, a column at a time (a metro
    table has millions of cells); the same text, byte for byte."""
    if ftype not in ("number", "integer") or len(col) == 0:
        values = pd.Series(col.astype(object).to_numpy(), dtype=object)
        missing = values.isna().to_numpy()
        if ftype == "boolean":
            text = values.map(lambda v: "true" if bool(v) else "false", na_action="ignore")
        else:
            text = values.astype(str)
        out = text.to_numpy(dtype=object, copy=True)
        out[missing] = ""
        return out
    if pd.api.types.is_numeric_dtype(col) and not pd.api.types.is_bool_dtype(col):
        numbers = col.to_numpy(dtype="float64", na_value=np.nan)
    else:
        numbers = pd.to_numeric(pd.Series(col.astype(object).to_numpy()), errors="raise").to_numpy(
            dtype="float64", na_value=np.nan
        )
    out = np.full(len(numbers), "", dtype=object)
    finite = np.isfinite(numbers)
    integral = finite & (np.floor(numbers) == numbers)
    whole = integral & (np.abs(numbers) < _EXACT_INT)
    out[whole] = numbers[whole].astype(np.int64).astype(str).astype(object)
    # NumPy writes a float64 as Python's repr does (shortest round trip, same exponent
    # rule); a property test holds the two to the same bytes.
    rest = ~np.isnan(numbers) & ~integral
    out[rest] = numbers[rest].astype(str).astype(object)
    big = integral & ~whole
    out[big] = [_cell_text(float(v), ftype) for v in numbers[big]]
    return out


def to_csv_text(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """``frame`` in schema column order with every cell as the text written to disk."""
    fields = RESOURCES[name]["fields"]
    out = {}
    for f in fields:
        col = frame[f["name"]] if f["name"] in frame else pd.Series([None] * len(frame))
        out[f["name"]] = _column_text(col, f["type"])
    return pd.DataFrame(out, dtype=str)


def write_csv(text: pd.DataFrame, path: Path) -> None:
    """Write a table's text as CSV; a ``.gz`` path is gzip-compressed with no time stamp
    or name in its header, so the same table gives the same bytes."""
    if path.suffix != ".gz":
        text.to_csv(path, index=False, lineterminator="\n")
        return
    data = text.to_csv(index=False, lineterminator="\n").encode("utf-8")
    path.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))


STAGING_PREFIX = ".build-"


def sweep_stale_staging(out_dir: Path) -> list[Path]:
    """Remove staging folders that a killed build left in ``out_dir`` (``.build-PID-*``
    whose process is gone); a running build's folder is left alone."""
    return staging.sweep(out_dir, STAGING_PREFIX)


def write_tables(
    tables: dict[str, pd.DataFrame],
    out_dir: Path,
    raw_dir: Path,
    flat_data_sha256: str | None = None,
    progress: Progress = quiet,
    flat_release: str | None = None,
    checks: Callable[[dict[str, pd.DataFrame]], list[Problem]] | None = None,
    source_extras: dict[str, dict] | None = None,
    flat_data_bytes: int | None = None,
) -> None:
    """Validate, check and write ``tables`` plus ``datapackage.json``, all or nothing.

    Everything is staged in ``out_dir/.build-PID-*`` (removed on any exit; one left by a
    killed build is swept by the next) and moved into place only when every table has
    passed its schema and ``checks``.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    sweep_stale_staging(out_dir)
    tmp = staging.new(out_dir, STAGING_PREFIX)
    try:
        occ = tables.get("occupations")
        known = set(occ["soc_code"]) if occ is not None else None
        names = [n for n in RESOURCES if n in tables]
        texts = {}
        for name in names:
            text = to_csv_text(tables[name], name)
            texts[name] = validate_frame(
                text,
                resource_schema(name),
                f"{name}.csv (being built)",
                known,
                RESOURCES[name].get("unitRanges"),
            )
            write_csv(text, tmp / table_file(name))
            progress(f"{name}.csv: {len(text):,} rows")
        if checks is not None:
            raise_if_any(checks(texts))
        write_descriptor(
            build_descriptor(
                tmp,
                raw_dir,
                names,
                flat_data_sha256,
                flat_release,
                source_extras,
                flat_data_bytes,
            ),
            tmp / "datapackage.json",
        )
        for name in names:
            os.replace(tmp / table_file(name), out_dir / table_file(name))
        os.replace(tmp / "datapackage.json", out_dir / "datapackage.json")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _check_inputs(raw_dir: Path, out_dir: Path, flat_dir: Path, subset: bool) -> Path:
    """Refuse a build that cannot work, before anything is read; sweep what a killed
    build left in ``out_dir``. Returns the flat data file."""
    if subset and out_dir.resolve() == paths.DATA_DIR.resolve():
        raise CareerStatsError(
            f"--subset writes an incomplete package; refusing to write it into "
            f"{paths.display(out_dir)}, the package's own data/ — pass --data-dir DIR"
        )
    if not raw_dir.is_dir():
        raise CareerStatsError(
            f"{raw_dir}: no raw files — build-data rebuilds the data package from BLS's raw "
            "files, which an installed careerstats does not carry: run it in a clone of the "
            "careerstats repository, or pass --raw DIR (its data/raw folder)"
        )
    require("build")
    if out_dir.is_dir():
        sweep_stale_staging(out_dir)  # what a killed build left, before anything else
    data_file = flat_dir / oews_flat.DATA_FILE
    if not data_file.exists():
        raise CareerStatsError(
            f"{paths.display(data_file)}: missing — BLS's OEWS data file (331 MB) is not "
            "committed. Download it with `careerstats fetch-oews DIR` (needs internet access "
            "to bls.gov), then pass --oews-flatfiles DIR"
        )
    return data_file


def build_data(
    raw_dir: Path | None = None,
    out_dir: Path | None = None,
    flat_dir: Path | None = None,
    progress: Progress = quiet,
    *,
    accept_new_release: bool = False,
    subset: bool = False,
) -> list[str]:
    """Build every table from ``raw_dir`` (and the OEWS flat files in ``flat_dir``,
    default ``raw_dir/oews-flat``) into ``out_dir``; return the names written.

    The flat data file must be the release ``datapackage.json`` records (else
    ``accept_new_release``), and the tables must pass :mod:`~careerstats.tables.checks`
    before anything is replaced. ``subset`` builds from a part of the data file (tests):
    it skips the release, coverage and row-count checks and never writes into the
    package's own ``data/``.
    """
    raw_dir = Path(raw_dir or paths.RAW_DIR)
    out_dir = Path(out_dir or paths.DATA_DIR)
    flat_dir = Path(flat_dir or raw_dir / "oews-flat")
    data_file = _check_inputs(raw_dir, out_dir, flat_dir, subset)
    release = oews_flat.read_release(flat_dir)
    digest = sha256(data_file)
    previous = out_dir if (out_dir / "datapackage.json").exists() else paths.DATA_DIR
    if not subset:
        check_flat_release(
            paths.display(data_file), digest, release.name, previous, accept_new_release
        )
    tables = article_tables(raw_dir)  # fast, so a broken article fails first
    progress("article tables read")
    tables.update(bls_tables(raw_dir, flat_dir, progress))
    prices, extras = price_tables(raw_dir)
    tables.update(prices)
    progress("CPI-U and price parities read")
    tables["requirements"] = ors.read_all(raw_dir)
    progress("ORS requirements read")
    oe_area = oews_flat.read_areas(flat_dir)
    caps = {release.year: (release.hourly_cap, release.annual_cap)}

    def checks(texts: dict[str, pd.DataFrame]) -> list[Problem]:
        if subset:
            oews = {k: v for k, v in texts.items() if k.startswith("oews_")}
            return sanity_problems(oews, oe_area.iloc[:0], caps, None)
        return sanity_problems(texts, oe_area, caps, previous)

    write_tables(
        tables,
        out_dir,
        raw_dir,
        digest,
        progress=progress,
        flat_release=release.name,
        checks=checks,
        source_extras=extras,
        flat_data_bytes=data_file.stat().st_size,
    )
    return list(tables)
