"""build-data: reproducible from data/raw plus BLS's flat files, all or nothing."""

import gzip
import hashlib
import io
import shutil
from pathlib import Path

import pandas as pd
import pytest

from careerstats import CareerStatsError, DataValidationError, paths
from careerstats.tables.build import build_data
from careerstats.tables.resources import table_file
from conftest import FLAT_FIXTURE

FIXTURE = FLAT_FIXTURE
pytestmark = pytest.mark.slow  # the module rebuilds data/ from the fixture once
SUBSET = {
    f"{c[:2]}-{c[2:]}"
    for c in ["000000", "319092", "292010", "319097", "292052", "291211", "252021", "272042"]
}


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory) -> Path:
    """data/ rebuilt from data/raw and the flat-file subset in tests/fixtures."""
    out = tmp_path_factory.mktemp("rebuilt")
    build_data(paths.RAW_DIR, out, flat_dir=FIXTURE, subset=True)
    return out


@pytest.mark.parametrize(
    "name",
    [
        "occupations",
        "areas",
        "projections",
        "cpi",
        "price_parities",
        "article_claims",
        "article_table",
        "organizations",
        "credentials",
        "education_programs",
        "recertification",
        "article_lists",
        "licensure",
    ],
)
def test_tables_rebuild_byte_for_byte(rebuilt, name):
    assert (rebuilt / f"{name}.csv").read_bytes() == (
        paths.DATA_DIR / f"{name}.csv"
    ).read_bytes(), f"{name}.csv differs: run make data"


@pytest.mark.parametrize("name", ["oews_national", "oews_state", "oews_metro", "oews_industry"])
def test_oews_rows_rebuild_byte_for_byte(rebuilt, name):
    """The flat-file subset holds eight occupations, in every industry BLS publishes them:
    their rows must be the committed ones to the byte (and the national XLSX years
    entirely)."""

    def rows(path):
        data = path.read_bytes()
        data = gzip.decompress(data) if path.suffix == ".gz" else data
        lines = data.decode().splitlines()
        frame = pd.DataFrame({"line": lines[1:]})
        table = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)
        keep = table["soc_code"].isin(SUBSET) | (table["year"] != "2025")
        return lines[0], frame["line"][keep].tolist()

    header, committed = rows(paths.DATA_DIR / table_file(name))
    assert rows(rebuilt / table_file(name)) == (header, committed)
    assert len(committed) > 0


def _digests(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.glob("*"))
        if p.is_file()
    }


def test_failed_build_leaves_data_untouched(data_copy):
    before = _digests(data_copy)
    article = data_copy / "raw" / "article" / "cma-vs-mlt.txt"
    article.write_text(article.read_text().replace("132,600", "lots of"))
    with pytest.raises(CareerStatsError, match="ma_employment_change"):
        build_data(data_copy / "raw", data_copy, flat_dir=FIXTURE, subset=True)
    assert _digests(data_copy) == before
    assert not list(data_copy.glob(".build-*")), "temporary build folder left behind"


def test_bad_flat_file_leaves_data_untouched(data_copy, tmp_path):
    flat = tmp_path / "flat"
    shutil.copytree(FIXTURE, flat)
    data = flat / "oe.data.0.Current"
    data.write_bytes(data.read_bytes().replace(b"       75070\t", b"       75O70\t", 1))
    before = _digests(data_copy)
    with pytest.raises(DataValidationError, match="unknown marker"):
        build_data(data_copy / "raw", data_copy, flat_dir=flat, subset=True)
    assert _digests(data_copy) == before


def test_missing_flat_file_says_how_to_get_it(data_copy, tmp_path):
    with pytest.raises(CareerStatsError, match="fetch-oews"):
        build_data(data_copy / "raw", data_copy, flat_dir=tmp_path, subset=True)


def test_flat_files_of_another_release_are_refused(data_copy, tmp_path):
    flat = tmp_path / "flat"
    shutil.copytree(FIXTURE, flat)
    (flat / "oe.area").write_bytes((flat / "oe.area").read_bytes().replace(b"Abilene", b"Abilen"))
    with pytest.raises(CareerStatsError, match=r"oe\.area missing or not the release"):
        build_data(data_copy / "raw", data_copy, flat_dir=flat, subset=True)
