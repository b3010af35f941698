from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from careerstats import paths


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of data/ (tables, descriptor and raw files) to break on purpose."""
    dst = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, dst, ignore=shutil.ignore_patterns(".build-*",
                                                                        "oe.data.0.Current"))
    return dst
