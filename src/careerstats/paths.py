"""Where careerstats keeps its data and charts.

In a checkout of the repository (src layout, editable install) the data package is the
repository's ``data/``; an installed wheel uses the copy it carries
(``careerstats/_data``). ``CAREERSTATS_DATA`` points the loaders at another copy of the
data package in either case, and ``CAREERSTATS_CACHE`` moves (or turns ``off``) the
cache of validated tables.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
ROOT = PACKAGE_DIR.parents[1]
#: Running from a checkout of the repository (an editable install), not an installed wheel.
IN_CHECKOUT = (ROOT / "pyproject.toml").is_file() and (ROOT / "data" / "datapackage.json").is_file()
#: The data package an installed wheel carries (package data).
BUNDLED_DATA_DIR = PACKAGE_DIR / "_data"
DATA_ENV = "CAREERSTATS_DATA"
DATA_DIR = Path(os.environ.get(DATA_ENV) or (ROOT / "data" if IN_CHECKOUT else BUNDLED_DATA_DIR))
RAW_DIR = DATA_DIR / "raw"
DATAPACKAGE = DATA_DIR / "datapackage.json"
#: Where `careerstats charts` writes: charts/ of the checkout, else ./charts.
CHARTS_DIR = ROOT / "charts" if IN_CHECKOUT else Path("charts")
#: The notebook `careerstats report` runs: the checkout's, else the wheel's copy.
REPORT_NOTEBOOK = (
    ROOT / "notebooks" / "05-compare-any-pair.ipynb"
    if IN_CHECKOUT
    else PACKAGE_DIR / "_notebooks" / "05-compare-any-pair.ipynb"
)
#: Set to a folder to keep the loaders' validated copies there, or to "off".
CACHE_ENV = "CAREERSTATS_CACHE"


def cache_dir() -> Path | None:
    """Where validated tables are cached (``CAREERSTATS_CACHE``, else
    ``$XDG_CACHE_HOME/careerstats`` or ``~/.cache/careerstats``); None when turned off."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "off", "0", "no") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "careerstats"


def careerstats_version() -> str:
    """The installed careerstats version, or "(source)" when run from a source tree that
    is not installed."""
    from importlib import metadata

    try:
        return metadata.version("careerstats")
    except metadata.PackageNotFoundError:  # pragma: no cover - run from a source tree
        return "(source)"


def display(path: Path) -> str:
    """``path`` relative to the repository root when it is inside it (for messages)."""
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def _nearest_existing(path: Path) -> Path:
    p = path.absolute()
    while not p.exists() and p != p.parent:
        p = p.parent
    return p


def check_output_file(path: Path, what: str = "--out") -> Path:
    """``path`` if a file can be written there, checked before any work starts: not a
    folder, under a folder (not a file), and writable. Raises CareerStatsError."""
    from .errors import CareerStatsError

    path = Path(path)
    if path.is_dir():
        raise CareerStatsError(f"{what} {path}: is a folder — expected a file name")
    base = _nearest_existing(path.parent)
    if not base.is_dir():
        raise CareerStatsError(f"{what} {path}: {base} is a file, not a folder")
    if not os.access(base, os.W_OK):
        raise CareerStatsError(f"{what} {path}: cannot write in {base} (permission denied)")
    return path


def check_output_dir(path: Path, what: str = "--out") -> Path:
    """``path`` if a folder can be written or made there, checked before any work starts."""
    from .errors import CareerStatsError

    path = Path(path)
    if str(path) == "-":
        raise CareerStatsError(f"{what} -: this command writes files — expected a folder")
    if path.exists() and not path.is_dir():
        raise CareerStatsError(f"{what} {path}: is a file — expected a folder")
    base = _nearest_existing(path)
    if not base.is_dir():
        raise CareerStatsError(f"{what} {path}: {base} is a file, not a folder")
    if not os.access(base, os.W_OK):
        raise CareerStatsError(f"{what} {path}: cannot write in {base} (permission denied)")
    return path


def sha256(path: Path) -> str:
    """Hex SHA-256 of a file, read in 1 MiB blocks."""
    h = hashlib.sha256()
    with Path(path).open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()
