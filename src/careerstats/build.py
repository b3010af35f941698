"""Build every table in ``data/`` from ``data/raw/`` (and the OEWS flat files).

Short steps in OWID's manner: read the raw files, shape each table, validate it against
its schema, then write. Everything is written into a temporary folder first and moved
into place only when every table has passed, so a failed build leaves ``data/`` as it
was. A rebuild from the same inputs writes byte-identical files.
"""

from __future__ import annotations

import math
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import us

from . import article, paths
from .datapackage import build_descriptor, resource_schema, write_descriptor
from .fields import RESOURCES
from .validate import validate_frame

Progress = Callable[[str], None]


def _quiet(_: str) -> None:
    pass


def terminal_progress(message: str) -> None:
    """Progress lines on a terminal only, so piped output and logs stay clean."""
    if sys.stderr.isatty():
        print(f"build-data: {message}", file=sys.stderr, flush=True)


# --- tables from the article and the secondary facts -------------------------------------


def jurisdictions() -> pd.DataFrame:
    """The 50 states, DC and Puerto Rico: the places BLS publishes state estimates for
    that the licensure lists talk about."""
    places = [*us.states.STATES, us.states.DC, us.states.PR]
    return pd.DataFrame(
        {"state_code": [s.abbr for s in places], "state_fips": [s.fips for s in places],
         "state_name": [s.name for s in places]}
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
            raise article._fail("licensure", f"{name!r} is not a state, DC or Puerto Rico")
    df = places.assign(
        is_listed_article=places["state_name"].isin(listed_article),
        is_listed_ascls=places["state_name"].isin(ascls),
        other_list_source_url=places["state_name"].map(other),
    )
    votes = df[["is_listed_article", "is_listed_ascls"]].assign(
        other=df["other_list_source_url"].notna())
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
            raise article._fail("secondary facts", f"expected one recertification_cycle row "
                                f"for {soc}, found {len(fact)}")
        fact = fact.iloc[0]
        value, unit = int(fact["value"]), fact["unit"]
        months = {"months": value, "years": value * 12}.get(unit)
        if months is None:
            raise article._fail("secondary facts", f"recertification unit {unit!r}: expected "
                                "'months' or 'years'")
        rows.append({"soc_code": soc, **info, "recertification_cycle_months": months,
                     "source_url": fact["source_url"]})
    return pd.DataFrame(rows)


def occupations_table(raw_dir: Path) -> pd.DataFrame:
    from .oews_flat import read_occupations

    return read_occupations(raw_dir / "oews-flat" / "oe.occupation")


def article_tables(raw_dir: Path) -> dict[str, pd.DataFrame]:
    text = article.read_article(raw_dir)
    facts = pd.read_csv(raw_dir / "facts" / "secondary_facts.csv", dtype=str,
                        keep_default_na=False)
    return {
        "article_claims": article.claims(text),
        "article_table": article.cells(text),
        "organizations": article.organizations(text),
        "credentials": article.credentials(text),
        "education_programs": article.education_programs(text),
        "recertification": recertification(text, facts),
        "article_lists": article.lists(text),
        "licensure": licensure(text, facts),
    }


# --- writing ------------------------------------------------------------------------------


def _cell_text(value: object, ftype: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    if ftype == "boolean":
        return "true" if bool(value) else "false"
    if ftype in ("number", "integer"):
        f = float(value)
        return str(int(f)) if f.is_integer() else repr(f)
    return str(value)


def to_csv_text(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """``frame`` in schema column order with every cell as the text written to disk."""
    fields = RESOURCES[name]["fields"]
    out = {}
    for f in fields:
        col = frame[f["name"]] if f["name"] in frame else pd.Series([None] * len(frame))
        out[f["name"]] = [_cell_text(v, f["type"]) for v in col.astype(object)]
    return pd.DataFrame(out, dtype=str)


def write_tables(tables: dict[str, pd.DataFrame], out_dir: Path, raw_dir: Path,
                 flat_data_sha256: str | None = None, progress: Progress = _quiet) -> None:
    """Validate and write ``tables`` plus ``datapackage.json``, all or nothing."""
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=out_dir))
    try:
        occ = tables.get("occupations")
        known = set(occ["soc_code"]) if occ is not None else None
        names = [n for n in RESOURCES if n in tables]
        for name in names:
            text = to_csv_text(tables[name], name)
            validate_frame(text, resource_schema(name), f"{name}.csv (being built)", known,
                           RESOURCES[name].get("unitRanges"))
            text.to_csv(tmp / f"{name}.csv", index=False, lineterminator="\n")
            progress(f"{name}.csv: {len(text):,} rows")
        existing = _existing_names(out_dir)
        all_names = [n for n in RESOURCES if n in set(names) | existing]
        for n in existing - set(names):
            shutil.copy2(out_dir / f"{n}.csv", tmp / f"{n}.csv")
        write_descriptor(build_descriptor(tmp, raw_dir, all_names, flat_data_sha256),
                         tmp / "datapackage.json")
        for name in names:
            os.replace(tmp / f"{name}.csv", out_dir / f"{name}.csv")
        os.replace(tmp / "datapackage.json", out_dir / "datapackage.json")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _existing_names(out_dir: Path) -> set[str]:
    return {n for n in RESOURCES if (out_dir / f"{n}.csv").exists()}


def build_data(raw_dir: Path | None = None, out_dir: Path | None = None,
               progress: Progress = _quiet) -> list[str]:
    """Build the tables from ``raw_dir`` into ``out_dir``; return the names written."""
    raw_dir = Path(raw_dir or paths.RAW_DIR)
    out_dir = Path(out_dir or paths.DATA_DIR)
    tables = {"occupations": occupations_table(raw_dir)}
    progress("occupations read")
    tables.update(article_tables(raw_dir))
    progress("article tables read")
    write_tables(tables, out_dir, raw_dir, progress=progress)
    return list(tables)
