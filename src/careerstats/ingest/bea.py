"""Reader for BEA's regional price parities (RPPs): SARPP (states), MARPP (metropolitan
statistical areas) and PARPP (each state's metropolitan and nonmetropolitan portions).

The layout, as BEA publishes it: comma-separated, one header row (``GeoFIPS, GeoName,
Region, TableName, LineCode, IndustryClassification, Description, Unit, 2008 ...``), then
one row per area and line; ``GeoFIPS`` is quoted with a leading space (`` "36000"``). Line
codes differ between the files (SARPP's all-items RPP is line 5, MARPP's line 1), so the
parity is found by its ``Description``, never its number. The file ends with four footer
lines (a note, the table title, "Last updated: ...", "U.S. Bureau of Economic Analysis").
``(NA)`` marks a value BEA does not publish: kept missing. A row of ``0.000`` in every
year is BEA's mark for a portion that does not exist (Delaware and the District of Columbia
have no nonmetropolitan portion): kept missing too, since a parity of 0 is no price level.
A zero among other values, or any other text, fails the read.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd

from .. import paths
from ..errors import Problem, raise_if_any

HEADER = [
    "GeoFIPS",
    "GeoName",
    "Region",
    "TableName",
    "LineCode",
    "IndustryClassification",
    "Description",
    "Unit",
]
#: BEA's description of each parity -> careerstats column (U.S. = 100).
COMPONENTS = {
    "RPPs: All items": "rpp_all_items",
    "RPPs: Goods": "rpp_goods",
    "RPPs: Services: Housing": "rpp_housing",
    "RPPs: Services: Utilities": "rpp_utilities",
    "RPPs: Services: Other": "rpp_other_services",
}
NOT_PUBLISHED = "(NA)"
_FOOTER = re.compile(r"^(Note: |\w+PP: |Last updated: |U\.S\. Bureau of Economic Analysis$)")


def _is_zero(cell: str) -> bool:
    return re.fullmatch(r"0+(\.0+)?", cell) is not None


def _row_values(
    row: list[str], years: list[str], line: int, shown: str
) -> tuple[list[tuple[str, float | None]], list[Problem]]:
    """(year, parity) of one row's cells, None where BEA publishes none ((NA), or 0.000
    across the whole row: a portion that does not exist); and the cells' problems."""
    cells = [c.strip() for c in row[len(HEADER) :]]
    no_such_area = all(_is_zero(c) for c in cells)
    values: list[tuple[str, float | None]] = []
    problems = []
    for year, cell in zip(years, cells, strict=True):
        if cell == NOT_PUBLISHED or no_such_area:
            values.append((year, None))
        elif _is_zero(cell):
            expected = (
                "a positive parity (BEA writes 0.000 only across a whole row, for a portion "
                "that does not exist)"
            )
            problems.append(Problem(shown, year, expected, (line,), (cell,)))
        elif re.fullmatch(r"\d+(\.\d+)?", cell):
            values.append((year, float(cell)))
        else:
            expected = f"a parity or {NOT_PUBLISHED}"
            problems.append(Problem(shown, year, expected, (line,), (cell,)))
    return values, problems


def read_parities(path: Path) -> pd.DataFrame:
    """One BEA RPP file as a long table: geo_fips, geo_name, bea_table, year and one
    column per parity component (rows of other lines, e.g. real income, are skipped)."""
    path = Path(path)
    shown = paths.display(path)
    text = path.read_bytes().decode("latin-1")
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or [h.strip() for h in rows[0][: len(HEADER)]] != HEADER:
        expected = "BEA's header " + ", ".join(HEADER) + ", years"
        raise_if_any([Problem(shown, None, expected, (1,), tuple(rows[0][:8]) if rows else ())])
    header = [h.strip() for h in rows[0]]
    years = header[len(HEADER) :]
    if not years or not all(re.fullmatch(r"\d{4}", y) for y in years):
        raise_if_any([Problem(shown, "header", "a column per year after Unit", (1,), tuple(years))])
    problems: list[Problem] = []
    records = []
    for line, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            if len(row) == 1 and _FOOTER.match(row[0].strip()):
                continue
            expected = f"{len(header)} fields, or BEA's footer"
            problems.append(Problem(shown, None, expected, (line,), (",".join(row)[:80],)))
            continue
        component = COMPONENTS.get(row[6].strip())
        if component is None:
            continue
        fips = row[0].strip().strip('"').strip()
        if not re.fullmatch(r"\d{5}", fips):
            problems.append(Problem(shown, "GeoFIPS", "a five-digit code", (line,), (row[0],)))
            continue
        values, found = _row_values(row, years, line, shown)
        problems += found
        records += [
            {
                "geo_fips": fips,
                "geo_name": row[1].strip(),
                "bea_table": row[3].strip(),
                "year": int(year),
                "component": component,
                "value": value,
            }
            for year, value in values
        ]
    raise_if_any(problems)
    long = pd.DataFrame(records)
    wide = long.pivot(
        index=["bea_table", "geo_fips", "geo_name", "year"], columns="component", values="value"
    ).reset_index()
    wide.columns.name = None
    missing = [c for c in COMPONENTS.values() if c not in wide.columns]
    if missing:
        raise_if_any(
            [Problem(shown, "Description", "rows for every parity component", (), tuple(missing))]
        )
    return wide[["bea_table", "geo_fips", "geo_name", "year", *COMPONENTS.values()]]
