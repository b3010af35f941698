"""Notebook 08's sentences: what employers require (BLS's ORS) of any pair, and the
article's claims with their verdicts. Every figure is computed from the result."""

from __future__ import annotations

import math

import pandas as pd

from ...analysis.requirements import BASIS_SE_BOUND
from ..requirements import number
from .compare import md_text

#: BLS's footnote marking the most common estimate of a category.
MODE_NOTE = "This estimate is the mode for the category group."


def _parts(found: pd.DataFrame) -> list[tuple[str, str]]:
    titles = found.attrs.get("titles", {})
    codes = [c for parts in found.attrs.get("parts", {}).values() for c in parts]
    return [(c, md_text(titles.get(c, c))) for c in codes]


def _cell(row: pd.Series) -> str:
    """A share of jobs with its interval, in words: 70.1% of jobs (58.4% to 81.8% at 90%)."""
    if math.isnan(row["value"]):
        return f"less than {number(row['value_below'], 'percent')} of jobs"
    text = f"{number(row['value'], 'percent')} of jobs"
    if not math.isnan(row["lower"]):
        text += (
            f" ({number(row['lower'], 'percent')} to {number(row['upper'], 'percent')} at 90%"
            + (
                "; BLS gives only a bound on its standard error"
                if row["interval_basis"] == BASIS_SE_BOUND
                else ""
            )
            + ")"
        )
    return md_text(text)


def _mode(rows: pd.DataFrame) -> pd.Series | None:
    """The estimate BLS marks as its category's mode, else the largest published."""
    marked = rows[rows["notes"].str.contains(MODE_NOTE, regex=False)]
    pick = marked if not marked.empty else rows.dropna(subset=["value"])
    return None if pick.empty else pick.sort_values("value", ascending=False).iloc[0]


def mode_sentence(found: pd.DataFrame, category: str, lead: str, what: str) -> str:
    """For each part of ``found`` (a requirements result), the estimate of ``category``
    BLS finds most often, with its 90% interval; a part without one says so."""
    said = []
    for code, title in _parts(found):
        rows = found[(found["ors_soc_code"] == code) & (found["ors_category"] == category)]
        row = _mode(rows)
        if row is None:
            said.append(f"for {title} ({code}) ORS publishes no {what}")
            continue
        text = md_text(str(row["estimate"]).removeprefix(lead))
        said.append(f"for {title} ({code}) it is {text}: {_cell(row)}")
    release = md_text(found.attrs.get("release", ""))
    return f"In {release}, the {what} employers ask for most often: " + "; ".join(said) + "."


def share_sentence(found: pd.DataFrame, code: str, what: str) -> str:
    """Each part's share of jobs for one estimate ``code`` (e.g. 01084, certification is
    required), with its interval, and whether the intervals overlap."""
    said, spans = [], []
    for part, title in _parts(found):
        rows = found[(found["ors_soc_code"] == part) & (found["ors_estimate_code"] == code)]
        if rows.empty:
            said.append(f"ORS publishes no such estimate for {title} ({part})")
            continue
        row = rows.iloc[0]
        said.append(f"{title} ({part}): {_cell(row)}")
        if not math.isnan(row["lower"]):
            spans.append((row["lower"], row["upper"]))
    if len(spans) == 2:
        (a0, a1), (b0, b1) = spans
        apart = a1 < b0 or b1 < a0
        said.append(
            "the intervals do not overlap, so the difference is more than sampling error"
            if apart
            else "the intervals overlap, so the two cannot be told apart at 90%"
        )
    return f"Share of jobs where {md_text(what)}: " + "; ".join(said) + "."


def education_typical_sentence(found: pd.DataFrame, projections: pd.DataFrame) -> str:
    """BLS's Employment Projections' typical entry education for each occupation asked
    for, beside ORS's measure: two different questions."""
    newest = projections[projections["base_year"] == projections["base_year"].max()]
    typical = dict(zip(newest["soc_code"], newest["typical_education"], strict=False))
    cycle = md_text(newest["cycle"].iloc[0]) if len(newest) else ""
    said = [
        f"{md_text(code)}: {md_text(typical[code]).lower()}"
        if code in typical
        else f"{md_text(code)}: not projected"
        for code in found.attrs.get("parts", {})
    ]
    return (
        f"BLS's Employment Projections {cycle} give the typical education needed to enter "
        f"({'; '.join(said)}): what entrants usually hold, where ORS measures the least "
        "employers require."
    )


def parts_sentence(found: pd.DataFrame) -> str:
    """How ORS publishes the codes asked for: a broad code as its detailed parts, side by
    side and never averaged; otherwise as they are."""
    split = {c: p for c, p in found.attrs.get("parts", {}).items() if p != [c]}
    if not split:
        codes = " and ".join(md_text(c) for c in found.attrs.get("parts", {}))
        return f"ORS publishes {codes} as they are."
    said = "; ".join(
        f"{md_text(c)} as {' and '.join(md_text(x) for x in p)}" for c, p in split.items()
    )
    return (
        f"ORS's codes are not all OEWS's: it publishes {said}. Each part is shown, side by "
        "side, never averaged into the code asked for."
    )


def claims_sentence(checked: pd.DataFrame) -> str:
    """How many of the article's claims ORS supports, contradicts, cannot settle at 90%,
    or does not measure."""
    counts = checked["verdict"].value_counts()
    parts = [
        f"{counts.get(v, 0)} {label}"
        for v, label in (
            ("supported", "supported"),
            ("contradicted", "contradicted"),
            ("cannot tell at 90%", "that the 90% intervals cannot settle"),
            ("unmeasured", "that ORS does not measure"),
        )
    ]
    return (
        f"Of the article's {len(checked)} claims about what the work requires: "
        + ", ".join(parts)
        + "."
    )


def verdicts_list(checked: pd.DataFrame) -> str:
    """Each claim's verdict and its reason, as a Markdown list."""
    return "\n".join(
        f"- **{md_text(r['verdict'])}**: \u201c{md_text(r['quote'])}\u201d "
        f"({md_text(r['article_occupation'])}). {md_text(r['reason'])}"
        for _, r in checked.iterrows()
    )
