"""Readers for BLS Employment Projections: the occupation workbooks and the CSV exports.

Quirks handled, each explicitly:

- Workbooks: the table moves between sheets, so it is chosen by its title ("Occupational
  projections ... worker characteristics" or "Occupational employment and job openings"),
  and a title row sits above the header. 2014-24 and 2016-26 split the header over two rows
  ("Employment" over "2014" and "2024"). Headers use en dashes (``2024–34``).
- "None" in the education and training columns is a value, not missing; an em dash is
  missing.
- CSV exports wrap codes as ``="29-2010"``, append alternate job titles to the title
  ("Medical assistants    * Autopsy Assistant* ..."), print numbers with commas and
  missing wages as ``N/A``.
- Employment and openings are published in thousands; careerstats stores jobs.
- 2014-24 publishes openings as a 10-year total under the old method, not an annual
  average: they go to ``openings_10yr_total`` and never into ``openings_annual``.
- A median wage printed as ``>=$208,000`` is top-coded: the bound is kept, flagged.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pandas as pd

from .. import paths
from ..errors import Problem, fail, raise_if_any
from ..extras import require
from ..measures import PROJECTION_MEASURES, PROJECTIONS_COLUMNS
from ..occupations import is_soc, normalize_soc

DASHES = str.maketrans({"–": "-", "—": "-", "\n": " "})
MISSING = {"—", "N/A", ""}
#: careerstats column -> pattern over the normalised header (lower case, hyphens)
HEADER_PATTERNS = {
    "occupation_type": r"occupation type",
    "employment_change": r"employment change,? .*(numeric|number)",
    "employment_change_pct": r"employment (change,? .*percent|percent change)",
    "self_employed_pct": r"percent self employed",
    "openings_annual": r"openings, .*annual average",
    "openings_10yr_total": r"job openings due to growth and replacements",
    "annual_wage_median": r"median annual wage",
    "typical_education": r"typical (entry-level )?education",
    "work_experience": r"work experience in a related occupation",
    "on_the_job_training": r"typical on-the-job training",
}
THOUSANDS = [
    "employment_base",
    "employment_projected",
    "employment_change",
    "openings_annual",
    "openings_10yr_total",
]
TEXT = ["typical_education", "work_experience", "on_the_job_training"]
EP_COLUMNS = list(PROJECTIONS_COLUMNS)


def _match_header(label: str, index: int, col: dict[str, int]) -> None:
    """Record column ``index`` under the first careerstats name whose pattern ``label``
    matches and that is not taken yet."""
    for key, pattern in HEADER_PATTERNS.items():
        if key not in col and re.search(pattern, label):
            col[key] = index
            return


def _norm(text: object) -> str:
    return re.sub(r"\s+", " ", str(text).translate(DASHES)).strip().lower()


def _wage_year(shown: str, label: str) -> int:
    """The May OEWS release the median-wage column names ("Median annual wage, 2024")."""
    m = re.search(r"(\d{4})", label)
    if not m:
        fail(Problem(shown, "annual_wage_median", "a header naming the wage's year", (), (label,)))
    return int(m.group(1))


def _cycle(text: str) -> tuple[int, int]:
    text = text.translate(DASHES)
    m = re.search(r"(\d{4})\s*-\s*(\d{2,4})", text)
    if not m:  # 2014-24: "... projected 2014 and projected 2024 ..."
        m = re.search(r"(\d{4})\D+?(\d{4})", text)
    if not m:
        fail(
            Problem(
                "Employment Projections table",
                None,
                "a title or header naming the cycle, e.g. 2024-34",
                (),
                (text,),
            )
        )
    base, end = int(m.group(1)), m.group(2)
    target = int(end) if len(end) == 4 else base // 100 * 100 + int(end)
    return base, target


def _is_main_table(title: object) -> bool:
    title = _norm(title or "")
    return ("occupational projections" in title and "worker characteristics" in title) or (
        "occupational employment and job openings" in title
    )


def _find_table(path: Path, shown: str) -> str:
    """The name of the sheet whose title (cell A1) names the main occupation table; only
    the first cell of each sheet is read."""
    require("build", "reading an Employment Projections workbook")
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True)
    try:
        for sheet in book.worksheets:
            first = next(
                sheet.iter_rows(min_row=1, max_row=1, max_col=1, values_only=True), (None,)
            )
            if _is_main_table(first[0]):
                return sheet.title
        names = tuple(book.sheetnames)
    finally:
        book.close()
    raise_if_any(
        [
            Problem(
                shown,
                None,
                "a sheet titled 'Occupational projections ... and "
                "worker characteristics' (or '... employment and job openings')",
                (),
                names,
            )
        ]
    )
    raise AssertionError  # unreachable


def _headers(sheet: pd.DataFrame) -> tuple[list[str], int]:
    """Column labels and the first data row; two header rows are joined."""
    top = sheet.iloc[1].tolist()
    second = sheet.iloc[2].tolist()
    if pd.isna(second[0]):  # a second header row (years / Number / Percent)
        labels, parent = [], ""
        for a, b in zip(top, second, strict=True):
            parent = _norm(a) if not pd.isna(a) else parent
            labels.append(f"{parent} {_norm(b)}".strip() if not pd.isna(b) else parent)
        return labels, 3
    return [_norm(a) for a in top], 2


def _number(
    value: object, column: str, problems: list, shown: str, row: int
) -> tuple[float | None, bool]:
    """A cell as (number, is_topcoded); markers explicit, anything else a problem."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None, False
    if isinstance(value, int | float):
        return float(value), False
    text = str(value).strip()
    if text in MISSING:
        return None, False
    m = re.fullmatch(r">=\s*\$?([\d,]+(?:\.\d+)?)", text)
    if m and column == "annual_wage_median":
        return float(m.group(1).replace(",", "")), True
    try:
        return float(text.replace(",", "")), False
    except ValueError:
        problems.append(
            Problem(
                shown,
                column,
                "a number, an em dash, N/A, or '>=$N' for a top-coded wage (unknown marker)",
                (row,),
                (value,),
            )
        )
        return None, False


def _assemble(records: list[dict], shown: str, problems: list) -> pd.DataFrame:
    raise_if_any(problems)
    frame = pd.DataFrame.from_records(records)
    for col in EP_COLUMNS:
        if col not in frame:
            frame[col] = None
    for col in THOUSANDS:
        frame[col] = [None if v is None or pd.isna(v) else round(v * 1000) for v in frame[col]]
    dup = frame["soc_code"].duplicated(keep=False)
    if dup.any():
        raise_if_any(
            [
                Problem(
                    shown,
                    "soc_code",
                    "each occupation once",
                    tuple(frame.loc[dup, "_row"]),
                    tuple(frame.loc[dup, "soc_code"]),
                )
            ]
        )
    return frame[EP_COLUMNS]


#: The columns every EP workbook must have, found by their header text.
_WORKBOOK_NEEDS = (
    "soc_code",
    "occupation_type",
    "employment_base",
    "employment_projected",
    "employment_change",
    "employment_change_pct",
    "annual_wage_median",
    *TEXT,
)


def _workbook_columns(labels: list[str], base: int, target: int, where: str) -> dict[str, int]:
    """Each EP column's position in a workbook, matched by its header text."""
    col: dict[str, int] = {}
    for i, label in enumerate(labels):
        if i == 0:
            col["occupation_title"] = i
        elif "matrix code" in label or (i == 1 and "title and code" in labels[0]):
            col["soc_code"] = i
        elif re.fullmatch(rf"employment,? {base}", label):
            col["employment_base"] = i
        elif re.fullmatch(rf"employment,? {target}", label):
            col["employment_projected"] = i
        else:
            _match_header(label, i, col)
    missing = [k for k in _WORKBOOK_NEEDS if k not in col]
    if missing:
        expected = "the EP columns (matched by header text)"
        raise_if_any([Problem(where, ", ".join(missing), expected, (2,), tuple(labels))])
    return col


def read_workbook(path: Path) -> pd.DataFrame:
    """The main occupation table of one EP workbook, in jobs."""
    shown = paths.display(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        name = _find_table(path, shown)
        sheet = pd.read_excel(
            path,
            sheet_name=name,
            header=None,
            dtype=object,
            keep_default_na=False,
            na_values=[""],
            engine="openpyxl",
        )
    base, target = _cycle(str(sheet.iat[0, 0]))
    labels, first = _headers(sheet)
    col = _workbook_columns(labels, base, target, f"{shown} [{name}]")
    wage_year = _wage_year(shown, labels[col["annual_wage_median"]])
    problems: list[Problem] = []
    records = []
    for r in range(first, len(sheet)):
        code = sheet.iat[r, col["soc_code"]]
        if pd.isna(code):
            continue  # blank rows and the footnotes under the table
        row = r + 1
        if not is_soc(code):
            problems.append(
                Problem(f"{shown} [{name}]", "code", "a SOC code NN-NNNN", (row,), (code,))
            )
            continue
        rec = {
            "_row": row,
            "cycle": f"{base}-{target % 100:02d}",
            "base_year": base,
            "target_year": target,
            "soc_code": normalize_soc(code),
            "occupation_title": str(sheet.iat[r, 0]).strip(),
            "occupation_type": str(sheet.iat[r, col["occupation_type"]]).strip(),
            "annual_wage_year": wage_year,
        }
        for key in (*PROJECTION_MEASURES, "self_employed_pct", "annual_wage_median"):
            if key in col:
                value, top = _number(
                    sheet.iat[r, col[key]], key, problems, f"{shown} [{name}]", row
                )
                rec[key] = value
                if key == "annual_wage_median":
                    rec["is_wage_topcoded"] = top
        for key in TEXT:
            text = sheet.iat[r, col[key]]
            rec[key] = None if pd.isna(text) or str(text).strip() in MISSING else str(text).strip()
        records.append(rec)
    return _assemble(records, shown, problems)


#: The figures of an EP export, each found by its header text.
_EXPORT_NUMBERS = (
    "employment_base",
    "employment_projected",
    "employment_change",
    "employment_change_pct",
    "openings_annual",
    "annual_wage_median",
)


def read_export(path: Path) -> pd.DataFrame:
    """One data.bls.gov Employment Projections CSV export, in jobs."""
    shown = paths.display(path)
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    labels = [_norm(c) for c in raw.columns]
    base, target = _cycle(next(c for c in labels if c.startswith("employment change")))
    col = {"occupation_title": 0, "soc_code": 1}
    for i, label in enumerate(labels):
        if label == f"employment {base}":
            col["employment_base"] = i
        elif label == f"employment {target}":
            col["employment_projected"] = i
        elif label.startswith("employment change"):
            col["employment_change"] = i
        else:
            _match_header(label, i, col)
    missing = [k for k in (*_EXPORT_NUMBERS, *TEXT) if k not in col]
    if missing:
        raise_if_any(
            [Problem(shown, ", ".join(missing), "the EP export columns", (1,), tuple(raw.columns))]
        )
    wage_year = _wage_year(shown, labels[col["annual_wage_median"]])
    problems: list[Problem] = []
    records = []
    for r, cells in enumerate(raw.itertuples(index=False), start=2):
        code = cells[1].strip()
        if not re.fullmatch(r'="\d{2}-\d{4}"|\d{2}-\d{4}', code):
            problems.append(Problem(shown, raw.columns[1], 'a code like ="29-2010"', (r,), (code,)))
            continue
        title = re.split(r"\s{2,}\*", cells[0])[0].strip()  # drop alternate titles
        rec = {
            "_row": r,
            "cycle": f"{base}-{target % 100:02d}",
            "base_year": base,
            "target_year": target,
            "soc_code": normalize_soc(code),
            "occupation_title": title,
            "occupation_type": None,
            "annual_wage_year": wage_year,
        }
        records.append(rec | _export_values(cells, col, problems, shown, r))
    return _assemble(records, shown, problems)


def _export_values(
    cells: tuple, col: dict[str, int], problems: list[Problem], shown: str, r: int
) -> dict:
    """One export row's figures (in jobs, the wage with its top-code flag) and texts."""
    rec: dict = {}
    for key in _EXPORT_NUMBERS:
        value, top = _number(cells[col[key]], key, problems, shown, r)
        rec[key] = value
        if key == "annual_wage_median":
            rec["is_wage_topcoded"] = top
    for key in TEXT:
        text = cells[col[key]].strip()
        rec[key] = None if text in MISSING else text
    return rec


def read_projections(path: Path) -> pd.DataFrame:
    """Either kind of EP file, by its extension."""
    path = Path(path)
    return read_workbook(path) if path.suffix == ".xlsx" else read_export(path)
