"""BLS's Occupational Requirements Survey laid out for reading: each estimate in its unit
with its 90% interval and BLS's footnotes, occupations side by side (the command line,
notebook 08 and the report), and the article's claims with their verdicts."""

from __future__ import annotations

import math

import pandas as pd

from ..analysis.requirements import BASIS_SE_BOUND, ESTIMATE_KEYS

#: How each ORS data type is written after a number.
UNIT_TEXT = {"percent": "%", "hours": " hours", "days": " days", "pounds": " pounds"}
#: The mark on an interval found from a footnote's bound on the standard error.
SE_BOUND_MARK = "†"
SE_BOUND_NOTE = (
    f"{SE_BOUND_MARK} BLS publishes only that the standard error is below a bound; the "
    "interval uses the bound, so it is at most this wide."
)
GROUP_TITLES = {
    "education": "Minimum education",
    "credentials": "Credentials",
    "experience": "Experience, training and preparation",
    "cognitive": "Cognitive and mental requirements",
    "physical": "Physical demands",
    "environment": "Environmental conditions",
}


def number(value: float, data_type: str) -> str:
    """An ORS figure in its unit: 70.1%, 38.39 days, 20 pounds."""
    return f"{_digits(value, data_type)}{UNIT_TEXT[data_type]}"


def _digits(value: float, data_type: str) -> str:
    """An ORS figure without its unit: a percentage to one decimal, others as published."""
    return f"{value:.1f}" if data_type == "percent" else f"{value:,.2f}".rstrip("0").rstrip(".")


def estimate_cell(row: pd.Series | dict) -> str:
    """One estimate as a reader sees it: "70.1% (58.4 to 81.8)", "less than 0.5% (0.0 to
    0.5)", "100.0% (99.2 to 100.0)†" (interval from the footnote's bound on the standard
    error), or the value alone where BLS publishes no standard error."""
    kind = row["ors_data_type"]
    value, lower, upper = row["value"], row["lower"], row["upper"]
    if isinstance(value, float) and math.isnan(value):
        text = f"less than {number(row['value_below'], kind)}"
    else:
        text = number(value, kind)
    if not (isinstance(lower, float) and math.isnan(lower)):
        text += f" ({_digits(lower, kind)} to {_digits(upper, kind)})"
        if row["interval_basis"] == BASIS_SE_BOUND:
            text += SE_BOUND_MARK
    return text


def estimates_side_by_side(found: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """A :func:`~careerstats.analysis.requirements.requirements` result with one column
    per ORS code (its code and title), one row per estimate, grouped; each cell
    :func:`estimate_cell` plus its footnotes' numbers ([1]); and the footnotes, numbered.
    An estimate one occupation has and the other lacks reads "not published"."""
    notes: list[str] = []

    def with_notes(row: pd.Series) -> str:
        text = estimate_cell(row)
        refs = []
        for note in _sentences(row["notes"]):
            if note.startswith("Standard error is less than"):
                continue  # the interval says it (†)
            if note not in notes:
                notes.append(note)
            refs.append(f"[{notes.index(note) + 1}]")
        return " ".join([text, *refs])

    cells = found.assign(cell=[with_notes(r) for _, r in found.iterrows()])
    cells["Group"] = cells["ors_group"].map(GROUP_TITLES)
    table = cells.pivot_table(
        index=["Group", "ors_category", "estimate"],
        columns="part",
        values="cell",
        aggfunc="first",
        sort=False,
    )
    order = list(dict.fromkeys(found["part"]))
    table = table.reindex(columns=order).fillna("not published")
    table.index = table.index.set_names(["Group", "Category", "Estimate"])
    table.columns.name = None
    if (found["interval_basis"] == BASIS_SE_BOUND).any():
        notes.append(SE_BOUND_NOTE)
    return table, [
        f"[{i + 1}] {n}" if not n.startswith(SE_BOUND_MARK) else n for i, n in enumerate(notes)
    ]


def _sentences(text: str) -> list[str]:
    """BLS's footnote texts, one per sentence (each ends with a full stop)."""
    if not isinstance(text, str) or not text:
        return []
    parts = [p.strip() for p in text.split(". ") if p.strip()]
    return [p if p.endswith(".") else p + "." for p in parts]


def requirements_csv(found: pd.DataFrame) -> pd.DataFrame:
    """One row per estimate, as CSV writes it: codes, texts, value, standard error, the
    90% interval and BLS's footnotes; numbers unrounded, missing values empty."""
    columns = [
        "soc_code",
        "ors_soc_code",
        "part",
        "ors_release",
        *ESTIMATE_KEYS,
        "lower",
        "upper",
        "interval_basis",
        "notes",
        "ors_series_id",
    ]
    return found[columns].rename(columns={"lower": "lower_90", "upper": "upper_90"})


def claims_frame(checked: pd.DataFrame) -> pd.DataFrame:
    """The article's requirement claims with their verdicts, for reading: the career, the
    article's words, what ORS says in each release (29-2011 beside 29-2012), EP's typical
    entry education and the verdict."""

    def said(row: pd.Series, name: str, key: str) -> str:
        value = row.get(f"{name}_{key}")
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return "not published"
        lower, upper = row[f"{name}_{key}_lower"], row[f"{name}_{key}_upper"]
        return f"{value:.1f}% ({lower:.1f} to {upper:.1f})"

    rows = []
    for _, r in checked.iterrows():
        measured = r["verdict"] != "unmeasured"
        rows.append(
            {
                "Career": r["article_occupation"],
                "The article says": r["quote"],
                "ORS measure": r["measure"] if measured else "none",
                "ORS 2020 (preliminary)": said(r, "value", "2020") if measured else "",
                "ORS 2018": said(r, "value", "2018") if measured else "",
                "Technologists (29-2011) beside it, 2020 / 2018": (
                    f"{said(r, 'beside', '2020')} / {said(r, 'beside', '2018')}"
                    if measured and isinstance(r.get("beside_soc_code"), str)
                    else ""
                ),
                "Typical entry education (EP)": r["typical_education"],
                "Verdict": r["verdict"],
            }
        )
    return pd.DataFrame(rows).set_index("Career")
