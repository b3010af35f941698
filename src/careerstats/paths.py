"""Where careerstats keeps its data and charts.

The repository root is found from this file (src layout, editable install). Set
``CAREERSTATS_DATA`` to point the loaders at another copy of ``data/``.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = Path(os.environ.get("CAREERSTATS_DATA", ROOT / "data"))
RAW_DIR = DATA_DIR / "raw"
DATAPACKAGE = DATA_DIR / "datapackage.json"
CHARTS_DIR = ROOT / "charts"


def display(path: Path) -> str:
    """``path`` relative to the repository root when it is inside it (for messages)."""
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)
