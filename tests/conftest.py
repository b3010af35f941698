from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from careerstats import paths

#: A real subset of BLS's May 2025 flat files (eight occupations, every area), in BLS's
#: layout: the one fixture path every test uses.
FLAT_FIXTURE = Path(__file__).parent / "fixtures" / "oews-flat"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every nbval item (a notebook cell) carries the ``notebooks`` marker."""
    for item in items:
        if item.path.suffix == ".ipynb":
            item.add_marker(pytest.mark.notebooks)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of data/ (tables, descriptor and raw files) to break on purpose."""
    dst = tmp_path / "data"
    shutil.copytree(
        paths.DATA_DIR, dst, ignore=shutil.ignore_patterns(".build-*", "oe.data.0.Current")
    )
    return dst
