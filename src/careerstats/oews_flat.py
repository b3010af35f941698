"""Reader for BLS's OEWS time-series flat files (``download.bls.gov/pub/time.series/oe/``).

The layout, as BLS publishes it: tab-separated, one header line, CRLF line ends. In
``oe.data.0.Current`` the series id is left-justified in 30 characters and the value
right-justified in 12. A series id is 25 characters::

    OE U N 0000000 000000 319092 13
    |  | | area    industry occ  datatype
    |  | areatype (N national, S state, M metropolitan or nonmetropolitan)
    |  seasonal adjustment (U)
    survey

``-`` in the value column means not published; ``footnote_codes`` says why (see
``oe.footnote``: 5 = top-coded, i.e. at or above the cap; 8 = not released).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import paths
from .errors import Problem, raise_if_any

LEVELS = {"0": "major", "1": "minor", "2": "broad", "3": "detailed"}


def read_flat_table(path: Path, columns: list[str]) -> pd.DataFrame:
    """Read one of the small flat files (oe.area, oe.occupation, ...) as text.

    Checks the header names ``columns`` in order; every cell is stripped of padding.
    """
    shown = paths.display(path)
    data = Path(path).read_bytes()
    if not data.strip():
        raise_if_any([Problem(shown, None, "a tab-separated file with a header (empty file)")])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise_if_any([Problem(shown, None, "UTF-8 text", (data[: e.start].count(b"\n") + 1,),
                              (data[e.start: e.start + 4],))])
    lines = text.replace("\r\n", "\n").rstrip("\n").split("\n")
    header = [h.strip() for h in lines[0].split("\t")]
    if header[: len(columns)] != columns:
        missing = [c for c in columns if c not in header]
        raise_if_any([Problem(shown, ", ".join(missing) or None,
                              "the header " + "\t".join(columns), (1,), tuple(header))])
    rows, bad = [], []
    for n, line in enumerate(lines[1:], start=2):
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) < len(columns):
            bad.append((n, line))
            continue
        rows.append(cells[: len(columns)])
    if bad:
        raise_if_any([Problem(shown, None, f"{len(columns)} tab-separated fields (truncated "
                              "line)", tuple(n for n, _ in bad), tuple(v for _, v in bad))])
    return pd.DataFrame(rows, columns=columns, dtype=str)


def read_occupations(path: Path) -> pd.DataFrame:
    """``oe.occupation`` as (soc_code, occupation_title, soc_level)."""
    df = read_flat_table(path, ["occupation_code", "occupation_name", "occupation_description",
                                "display_level"])
    code = df["occupation_code"]
    bad = ~code.str.fullmatch(r"\d{6}") | ~df["display_level"].isin(list(LEVELS))
    if bad.any():
        raise_if_any([Problem(paths.display(path), "occupation_code, display_level",
                              "a 6-digit code and a display level 0-3",
                              tuple(int(i) + 2 for i in df.index[bad]),
                              tuple((code[bad] + "/" + df["display_level"][bad]).tolist()))])
    level = df["display_level"].map(LEVELS)
    level = level.where(code != "000000", "total")
    return pd.DataFrame({
        "soc_code": code.str[:2] + "-" + code.str[2:],
        "occupation_title": df["occupation_name"],
        "soc_level": level,
    })
