"""Reader for BLS's Occupational Requirements Survey (ORS) workbooks: 2018 and 2020
(preliminary).

Each workbook has one sheet of estimates, one row per BLS series, and its own footnote
list (the 2020 one in its ``Footnote codes`` sheet, the 2018 one at the foot of its ``File
Information`` sheet). The two lists differ (footnote 8 is "calculated from one sample
group" in 2018 and "standing includes walking" in 2020), so each row's footnotes are read
against its own workbook's list, never against a typed one.

Markers, each handled:

- an estimate of ``-`` carries a data footnote "Estimate is less than 0.5 percent" (or
  0.05 hours, pounds, days): the estimate stays missing and the footnote's figure is its
  upper bound (``ors_estimate_upper_bound``), read from the footnote's text;
- a standard error of ``-`` carries a footnote "Standard error is less than 0.05" (or
  0.5): it stays missing, with that bound (``ors_standard_error_upper_bound``) and the
  footnote as its reason;
- every other footnote (the mode of its category, a definition, preliminary, the number
  of sample groups) is kept as its code and its text;
- the 2018 rows use footnote 3 (on pounds estimates) that the 2018 workbook does not
  define: kept as the code, and said to be undefined; any other undefined code fails.

Occupations: the 2020 sheet uses 6-digit SOC 2018 codes (``319092``), the 2018 sheet
8-digit O*NET-SOC 2010 codes (``31909200`` = 31-9092.00). ``ors_soc_code`` is the 6-digit
code as ``NN-NNNN`` (SOC 2010 for the 2018 release), and the code as published is kept
in ``ors_occupation_code``. The 2018 sheet has no estimate text or data type: they come
from the series title's last part ("days of on-the-job training, mean") and its first
word.

Any other change (a missing sheet, a changed header, a non-numeric estimate, a
percentage outside 0-100) fails the read with the file, sheet, row and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import paths
from ..errors import Problem, raise_if_any
from ..extras import require
from ..measures import ORS_GROUPS
from ..sources import SOURCES

#: BLS's marker for a value it does not publish.
ORS_DASH = "-"


@dataclass(frozen=True)
class Layout:
    """Where one release's estimates are, and what its header must say."""

    release: str
    sheet: str
    header: tuple[str, ...]
    footnote_sheet: str
    soc_system: str
    code_digits: int


LAYOUTS = {
    "2020 preliminary": Layout(
        release="2020 preliminary",
        sheet="ORS 2020 dataset",
        header=(
            "SERIES_ID",
            "SERIES_TITLE",
            "SOC 2018 CODE",
            "OCCUPATION",
            "REQUIREMENT",
            "ESTIMATE CODE",
            "ESTIMATE TEXT",
            "CATEGORY CODE",
            "CATEGORY",
            "ADDITIVE CODE",
            "ADDITIVE",
            "DATATYPE CODE",
            "DATATYPE",
            "ESTIMATE",
            "STANDARD ERROR",
            "DATA FOOTNOTE",
            "STANDARD ERROR FOOTNOTE",
            "SERIES FOOTNOTE",
        ),
        footnote_sheet="Footnote codes",
        soc_system="SOC 2018",
        code_digits=6,
    ),
    "2018": Layout(
        release="2018",
        sheet="ORS_2018",
        header=(
            "SERIES ID",
            "SERIES TITLE",
            "O*NET-SOC 2010 CODE",
            "OCCUPATION",
            "REQUIREMENT",
            "CATEGORY",
            "ADDITIVE CODE",
            "ESTIMATE",
            "STANDARD ERROR",
            "DATA FOOTNOTE",
            "STANDARD ERROR FOOTNOTE",
            "SERIES FOOTNOTE",
        ),
        footnote_sheet="File Information",
        soc_system="O*NET-SOC 2010",
        code_digits=8,
    ),
}

#: Footnote codes a workbook uses without defining, accepted as such (see the module text).
UNDEFINED_FOOTNOTES = {"2018": {"3"}}

#: BLS's data types, as the 2020 sheet names them and as the 2018 titles' first word does.
DATA_TYPES = {
    "Percentage": "percent",
    "Hours": "hours",
    "Days": "days",
    "Pounds": "pounds",
    "%": "percent",
    "hours": "hours",
    "days": "days",
    "pounds": "pounds",
}

#: BLS's requirement -> careerstats' group, where the requirement decides it.
_REQUIREMENT_GROUPS = {
    "Physical demands": "physical",
    "Environmental conditions": "environment",
    "Cognitive and mental requirements": "cognitive",
}
#: Within "Education, training, and experience": how a category's name starts -> group.
_CATEGORY_GROUPS = (
    ("Credentials", "credentials"),
    ("Pre-employment training", "credentials"),
    ("Minimum education level", "education"),
    ("Literacy required", "education"),
    ("Associates Degree Time", "education"),
    ("Vocational Associates Degree Time", "education"),
    ("High School Vocational Time", "education"),
    ("Prior work experience", "experience"),
    ("On-the-job training", "experience"),
    ("Post-employment training", "experience"),
    ("Specific vocational preparation", "experience"),
    ("SVP", "experience"),
)
assert {g for _, g in _CATEGORY_GROUPS} | set(_REQUIREMENT_GROUPS.values()) == set(ORS_GROUPS)

_LESS_THAN = re.compile(r"is less than (\d+(?:\.\d+)?)")


def group_of(requirement: str, category: str) -> str | None:
    """careerstats' group (one of :data:`~careerstats.measures.ORS_GROUPS`) for BLS's
    requirement and category; None for one it does not know."""
    if requirement in _REQUIREMENT_GROUPS:
        return _REQUIREMENT_GROUPS[requirement]
    if requirement == "Education, training, and experience":
        for start, group in _CATEGORY_GROUPS:
            if category.startswith(start):
                return group
    return None


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _footnotes(book, layout: Layout, shown: str) -> dict[str, str]:
    """The workbook's own footnote list: code (lower case) -> text."""
    if layout.footnote_sheet not in book.sheetnames:
        raise_if_any(
            [
                Problem(
                    shown,
                    None,
                    f"a sheet named {layout.footnote_sheet!r}",
                    (),
                    tuple(book.sheetnames),
                )
            ]
        )
    rows = book[layout.footnote_sheet].iter_rows(values_only=True)
    notes: dict[str, str] = {}
    listing = layout.footnote_sheet == "Footnote codes"  # the whole sheet is the list
    for row in rows:
        first, second = _text(row[0]), _text(row[1] if len(row) > 1 else None)
        if not listing:
            listing = first in ("Footnote", "Footnote code")
            continue
        if first in ("Footnote", "Footnote code"):
            continue
        if not first or first == "Notes:":
            if notes:
                break
            continue
        notes[first.lower()] = second
    if not notes:
        raise_if_any(
            [Problem(f"{shown}, sheet {layout.footnote_sheet!r}", None, "a list of footnote codes")]
        )
    return notes


def _codes(cell: object) -> tuple[str, ...]:
    text = _text(cell)
    return tuple(c.strip().lower() for c in text.split(",") if c.strip()) if text else ()


def read_requirements(path: Path, release: str) -> pd.DataFrame:
    """Every estimate of one ORS workbook (``release`` one of :data:`LAYOUTS`), one row
    per series, in the ``requirements`` table's columns."""
    require("build", "reading an ORS workbook")
    import openpyxl

    layout = LAYOUTS[release]
    path = Path(path)
    shown = paths.display(path)
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        notes = _footnotes(book, layout, shown)
        if layout.sheet not in book.sheetnames:
            raise_if_any(
                [
                    Problem(
                        shown, None, f"a sheet named {layout.sheet!r}", (), tuple(book.sheetnames)
                    )
                ]
            )
        rows = list(book[layout.sheet].iter_rows(values_only=True))
    finally:
        book.close()
    where = f"{shown}, sheet {layout.sheet!r}"
    header = tuple(_text(c) for c in (rows[0] if rows else ()))
    if header[: len(layout.header)] != layout.header:
        bad = [i for i, name in enumerate(layout.header) if i >= len(header) or header[i] != name]
        first = bad[0]
        raise_if_any(
            [
                Problem(
                    where,
                    f"{_letter(first)}",
                    f"the header {layout.header[first]!r} (BLS's ORS {release} layout)",
                    (1,),
                    (header[first] if first < len(header) else "(no column)",),
                )
            ]
        )
    raw = pd.DataFrame(rows[1:], columns=list(header), dtype=object)
    if release == "2018":
        raw = _as_2020(raw, where)
    return _shape(raw, layout, notes, where)


def _letter(index: int) -> str:
    """The spreadsheet column letter of a 0-based column index."""
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def _as_2020(raw: pd.DataFrame, where: str) -> pd.DataFrame:
    """The 2018 sheet's columns renamed to the 2020 sheet's, with the estimate code, text
    and data type taken from the series id and title."""
    out = raw.rename(
        columns={
            "SERIES ID": "SERIES_ID",
            "SERIES TITLE": "SERIES_TITLE",
            "O*NET-SOC 2010 CODE": "SOC 2018 CODE",
        }
    )
    title = out["SERIES_TITLE"].map(_text)
    parts = title.str.split("; ")
    ok = parts.map(len) == 3
    if not ok.all():
        raise_if_any(
            [
                Problem(
                    where,
                    "B (SERIES TITLE)",
                    "three parts separated by '; ' (workers; occupation; estimate)",
                    tuple(int(i) + 2 for i in out.index[~ok][:20]),
                    tuple(title[~ok][:20]),
                )
            ]
        )
    last = parts.str[-1]
    percent_of = parts.str[1].str.startswith("% of")
    out["ESTIMATE TEXT"] = last
    out["DATATYPE"] = last.str.split(" ").str[0].where(~percent_of, "%")
    out["ESTIMATE CODE"] = out["SERIES_ID"].map(_text).str[-5:]
    out["CATEGORY CODE"] = None
    return out


def _numbers(
    raw: pd.DataFrame, column: str, letter: str, where: str, problems: list[Problem]
) -> tuple[pd.Series, pd.Series]:
    """A column of numbers or ``-``: the numbers, and where BLS wrote ``-``."""
    values = raw[column]
    dash = values.map(lambda v: _text(v) == ORS_DASH)
    numeric = values.map(lambda v: isinstance(v, (int, float)) and not isinstance(v, bool))
    bad = ~(dash | numeric)
    if bad.any():
        problems.append(
            Problem(
                where,
                f"{letter} ({column})",
                f"a number or {ORS_DASH!r} (not published)",
                tuple(int(i) + 2 for i in raw.index[bad][:20]),
                tuple(values[bad][:20]),
            )
        )
    return pd.to_numeric(values.where(numeric), errors="coerce").astype("float64"), dash


def _column_letter(layout: Layout, column: str) -> str:
    names = {"SOC 2018 CODE": layout.header[2], "SERIES_ID": layout.header[0]}
    name = names.get(column, column)
    return _letter(layout.header.index(name)) if name in layout.header else "?"


def _note(codes: tuple[str, ...], notes: dict[str, str], release: str) -> str:
    texts = []
    for code in codes:
        if code in notes:
            texts.append(notes[code])
        else:
            texts.append(f"Footnote {code}, which BLS's ORS {release} workbook does not define.")
    return " ".join(texts)


def _bound(codes: tuple[str, ...], notes: dict[str, str]) -> float | None:
    """The figure of a "... is less than X" footnote among ``codes``."""
    for code in codes:
        m = _LESS_THAN.search(notes.get(code, ""))
        if m:
            return float(m.group(1))
    return None


# long function: one table's columns, each checked
def _shape(raw: pd.DataFrame, layout: Layout, notes: dict[str, str], where: str) -> pd.DataFrame:
    release = layout.release
    problems: list[Problem] = []
    rownum = raw.index.to_series() + 2

    def check(mask: pd.Series, column: str, expected: str, values: pd.Series) -> None:
        if mask.any():
            problems.append(
                Problem(
                    where,
                    f"{_column_letter(layout, column)} ({column})",
                    expected,
                    tuple(rownum[mask][:20]),
                    tuple(values[mask][:20]),
                )
            )

    series = raw["SERIES_ID"].map(_text)
    check(
        ~series.str.fullmatch(r"OR[A-Z0-9]{18}"),
        "SERIES_ID",
        "a 20-character ORS series id",
        series,
    )
    code = raw["SOC 2018 CODE"].map(_text)
    check(
        ~code.str.fullmatch(rf"\d{{{layout.code_digits}}}"),
        "SOC 2018 CODE",
        f"a {layout.code_digits}-digit {layout.soc_system} code",
        code,
    )
    dtype_text = raw["DATATYPE"].map(_text)
    data_type = dtype_text.map(DATA_TYPES)
    check(data_type.isna(), "DATATYPE", "Percentage, Hours, Days or Pounds", dtype_text)
    requirement = raw["REQUIREMENT"].map(_text)
    category = raw["CATEGORY"].map(_text)
    group = pd.Series(
        [group_of(r, c) for r, c in zip(requirement, category, strict=True)], index=raw.index
    )
    check(group.isna(), "CATEGORY", "a requirement and category careerstats groups", category)
    estimate, est_dash = _numbers(
        raw, "ESTIMATE", _column_letter(layout, "ESTIMATE"), where, problems
    )
    se, se_dash = _numbers(
        raw, "STANDARD ERROR", _column_letter(layout, "STANDARD ERROR"), where, problems
    )
    foot = {
        c: raw[c].map(_codes)
        for c in ("DATA FOOTNOTE", "STANDARD ERROR FOOTNOTE", "SERIES FOOTNOTE")
    }
    allowed = set(notes) | UNDEFINED_FOOTNOTES.get(release, set())
    for column, codes in foot.items():
        unknown = codes.map(lambda cs: any(c not in allowed for c in cs))
        check(
            unknown,
            column,
            f"footnote codes the workbook lists ({', '.join(sorted(notes))})",
            raw[column],
        )
    upper = foot["DATA FOOTNOTE"].map(lambda cs: _bound(cs, notes))
    bounded = upper.notna() | foot["DATA FOOTNOTE"].map(
        lambda cs: any(c in UNDEFINED_FOOTNOTES.get(release, set()) for c in cs)
    )
    check(
        est_dash & ~bounded,
        "ESTIMATE",
        "a number, or '-' with a 'less than' footnote",
        raw["ESTIMATE"],
    )
    percent = data_type == "percent"
    check(
        percent & ((estimate < 0) | (estimate > 100)),
        "ESTIMATE",
        "a percentage from 0 to 100",
        raw["ESTIMATE"],
    )
    check(
        (se < 0).fillna(False),
        "STANDARD ERROR",
        "a standard error of 0 or more",
        raw["STANDARD ERROR"],
    )
    raise_if_any(problems)
    se_upper = foot["STANDARD ERROR FOOTNOTE"].map(lambda cs: _bound(cs, notes))
    se_note = foot["STANDARD ERROR FOOTNOTE"].map(lambda cs: _note(cs, notes, release))
    se_note = se_note.where(~(se_dash & (se_note == "")), "BLS publishes no standard error.")
    return pd.DataFrame(
        {
            "ors_release": release,
            "ors_series_id": series,
            "ors_soc_code": code.str[:2] + "-" + code.str[2:6],
            "ors_occupation_code": code,
            "ors_soc_system": layout.soc_system,
            "ors_occupation": raw["OCCUPATION"].map(_text),
            "ors_requirement": requirement,
            "ors_group": group,
            "ors_category_code": raw["CATEGORY CODE"].map(_text).replace("", None),
            "ors_category": category,
            "ors_additive_code": raw["ADDITIVE CODE"].map(_text),
            "ors_estimate_code": raw["ESTIMATE CODE"].map(_text),
            "ors_estimate_text": raw["ESTIMATE TEXT"].map(_text),
            "ors_data_type": data_type,
            "ors_estimate": estimate,
            "ors_estimate_upper_bound": upper.where(est_dash).astype("float64"),
            "ors_standard_error": se,
            "ors_standard_error_upper_bound": se_upper.where(se_dash).astype("float64"),
            "ors_data_footnotes": foot["DATA FOOTNOTE"].map(",".join),
            "ors_estimate_note": foot["DATA FOOTNOTE"].map(lambda cs: _note(cs, notes, release)),
            "ors_standard_error_note": se_note,
            "ors_series_note": foot["SERIES FOOTNOTE"].map(lambda cs: _note(cs, notes, release)),
        }
    )


#: Each release's source record in :data:`~careerstats.sources.SOURCES`.
RELEASE_SOURCES = {"2020 preliminary": "ors_2020", "2018": "ors_2018"}


def read_all(raw_dir: Path) -> pd.DataFrame:
    """Every estimate of both workbooks under ``raw_dir``, newest release first."""
    frames = [
        read_requirements(Path(raw_dir) / SOURCES[sid]["files"][0], release)
        for release, sid in RELEASE_SOURCES.items()
    ]
    # by release and series id (the primary key): like rows sit together and compress well
    return pd.concat(frames, ignore_index=True).sort_values(
        ["ors_release", "ors_series_id"], ignore_index=True, key=_release_order
    )


def _release_order(column: pd.Series) -> pd.Series:
    """The newest release first; any other column as it is."""
    if column.name != "ors_release":
        return column
    return column.map(list(RELEASE_SOURCES).index)
