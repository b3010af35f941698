"""Meta-tests: data/ and datapackage.json describe each other exactly."""

import gzip
import json

import pytest

from careerstats import load_table, paths
from careerstats.tables.datapackage import sha256
from careerstats.tables.dictionary import FIELDS
from careerstats.tables.resources import RESOURCES

DESCRIPTOR = json.loads(paths.DATAPACKAGE.read_text())
RESOURCE_NAMES = [r["name"] for r in DESCRIPTOR["resources"]]


def test_every_csv_is_described_and_every_resource_exists():
    on_disk = sorted(p.name for p in [*paths.DATA_DIR.glob("*.csv"), *paths.DATA_DIR.glob("*.gz")])
    assert on_disk == sorted(r["path"] for r in DESCRIPTOR["resources"])


def test_a_compressed_table_says_so_and_is_byte_stable_gzip():
    res = next(r for r in DESCRIPTOR["resources"] if r["name"] == "oews_industry")
    assert res["path"] == "oews_industry.csv.gz" and res["compression"] == "gz"
    head = (paths.DATA_DIR / res["path"]).read_bytes()[:10]
    # gzip magic, deflate, no flags (no file name), modification time 0: reproducible
    assert head[:4] == b"\x1f\x8b\x08\x00" and head[4:8] == b"\x00\x00\x00\x00"


@pytest.mark.parametrize("name", RESOURCE_NAMES)
def test_csv_matches_its_schema(name):
    res = next(r for r in DESCRIPTOR["resources"] if r["name"] == name)
    path = paths.DATA_DIR / res["path"]
    data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    header = data.decode("utf-8").splitlines()[0].split(",")
    described = [f["name"] for f in res["schema"]["fields"]]
    assert header == described, "columns and described fields differ"
    frame = load_table(name)  # validates types, constraints and keys
    assert len(frame) > 0
    assert res["hash"] == f"sha256:{sha256(path)}", "datapackage hash is stale: rebuild"
    assert res["bytes"] == path.stat().st_size


@pytest.mark.parametrize("name", RESOURCE_NAMES)
def test_every_field_is_documented(name):
    res = next(r for r in DESCRIPTOR["resources"] if r["name"] == name)
    for f in res["schema"]["fields"]:
        assert f["description"].strip(), f["name"]
        assert f["type"] in {"string", "number", "integer", "boolean"}
        assert f == {"name": f["name"], **FIELDS[f["name"]]}, "one data dictionary"


@pytest.mark.parametrize("name", RESOURCE_NAMES)
def test_every_source_has_url_release_and_checksums(name):
    res = next(r for r in DESCRIPTOR["resources"] if r["name"] == name)
    assert res["sources"], f"{name} names no source"
    for src in res["sources"]:
        assert src["path"].startswith(("https://", "http://")), src
        assert src["release"].strip()
        for f in src.get("files", []):
            raw = paths.DATA_DIR / f["path"]
            assert raw.exists(), f"{f['path']} is described but not in data/raw"
            assert sha256(raw) == f["sha256"], f"{f['path']} changed: raw files are immutable"


def test_every_raw_file_is_described():
    described = {
        f["path"] for r in DESCRIPTOR["resources"] for s in r["sources"] for f in s.get("files", [])
    }
    on_disk = {
        str(p.relative_to(paths.DATA_DIR))
        for p in paths.RAW_DIR.rglob("*")
        if p.is_file() and p.name != "oe.data.0.Current"
    }
    assert on_disk <= described, f"undescribed raw files: {sorted(on_disk - described)}"


def test_resources_follow_the_dictionary():
    assert set(RESOURCE_NAMES) <= set(RESOURCES)
    for name in RESOURCE_NAMES:
        key = DESCRIPTOR["resources"][RESOURCE_NAMES.index(name)]["schema"].get("primaryKey")
        assert key, f"{name} has no primary key"


def test_the_uncommitted_flat_file_is_blss_own():
    """The 331 MB May 2025 data file is not committed; the digest recorded for it must be
    the one BLS publishes (its first 16 hex digits are in sources.py)."""
    from careerstats.sources import OEWS_FLAT_DATA_SHA256

    state = next(r for r in DESCRIPTOR["resources"] if r["name"] == "oews_state")
    flat = next(s for s in state["sources"] if s["release"] == "May 2025")
    assert flat["data_file"]["path"] == "raw/oews-flat/oe.data.0.Current"
    assert flat["data_file"]["sha256"].startswith(OEWS_FLAT_DATA_SHA256)
    assert flat["data_file"]["committed"] is False
