"""build-data: byte-identical rebuilds, and nothing written when a step fails."""

import filecmp
import hashlib
from pathlib import Path

import pytest

from careerstats import CareerStatsError, paths
from careerstats.build import build_data


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.glob("*")) if p.is_file()}


def test_rebuild_is_byte_identical_to_committed_data(tmp_path):
    written = build_data(paths.RAW_DIR, tmp_path)
    for name in written:
        assert filecmp.cmp(tmp_path / f"{name}.csv", paths.DATA_DIR / f"{name}.csv",
                           shallow=False), f"{name}.csv differs from data/: run make data"


def test_failed_build_leaves_data_untouched(data_copy):
    before = _digests(data_copy)
    article = data_copy / "raw" / "article" / "cma-vs-mlt.txt"
    article.write_text(article.read_text().replace("132,600", "lots of"))
    with pytest.raises(CareerStatsError, match="ma_employment_change"):
        build_data(data_copy / "raw", data_copy)
    assert _digests(data_copy) == before
    assert not list(data_copy.glob(".build-*")), "temporary build folder left behind"
