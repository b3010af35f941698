"""What a reader sees in the stored notebooks: every table formatted, no column name from
careerstats' tables or analyses (``gap_usd``, ``annual_wage_median``) and no raw float
(``45690.0``, ``1.3518008452303356``) in any output, and the raw frame one attribute away
(``.raw``) for computing. Output inside code spans of computed prose (``cost_a``) is an
instruction, not a table, and is left out."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from careerstats import paths
from careerstats.present.display import Readable, figure, show
from careerstats.tables.derived_columns import DERIVED
from careerstats.tables.dictionary import FIELDS

NOTEBOOKS = sorted((paths.ROOT / "notebooks").glob("*.ipynb"))
#: Every column name a table or an analysis writes with an underscore: what a reader must
#: never see as a heading or a label.
COLUMN_NAMES = sorted(n for n in {*FIELDS, *DERIVED} if "_" in n)
RAW_NAME = re.compile(r"\b(" + "|".join(map(re.escape, COLUMN_NAMES)) + r")\b")
#: 45690.0 (no thousands separator, a decimal point) or 1.3518008452303356 (too many decimals)
RAW_FLOAT = re.compile(r"(?<![\d,.$])\d{4,}\.\d+\b|\b\d+\.\d{5,}\b")
CODE_SPAN = re.compile(r"`[^`]*`")


def shown_text(output: dict) -> str:
    data = output.get("data", {})
    parts = [
        "".join(data.get("text/html", "")),
        "".join(data.get("text/plain", "")) if "text/html" not in data else "",
        CODE_SPAN.sub(" ", "".join(data.get("text/markdown", ""))),
        "".join(output.get("text", "")),
    ]
    return "\n".join(parts)


def raw_outputs(notebook) -> list[str]:
    found = []
    cells = json.loads(notebook.read_text())["cells"]
    for i, cell in enumerate(cells):
        tags = cell.get("metadata", {}).get("tags", [])
        if cell["cell_type"] != "code" or "nbval-ignore-output" in tags:
            continue
        for output in cell.get("outputs", []):
            text = shown_text(output)
            for m in (*RAW_NAME.finditer(text), *RAW_FLOAT.finditer(text)):
                found.append(f"cell {i}: {m.group(0)!r}")
    return found


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_stored_output_shows_a_raw_column_name_or_float(notebook):
    found = raw_outputs(notebook)
    assert not found, f"{notebook.name}: " + "; ".join(found[:10])


def test_the_check_finds_a_raw_frame(tmp_path):
    frame = pd.DataFrame({"gap_usd": [17240.0], "annual_wage_median": [45690.0]})
    nb = {
        "cells": [
            {
                "cell_type": "code",
                "metadata": {},
                "outputs": [
                    {"output_type": "execute_result", "data": {"text/html": frame.to_html()}}
                ],
            }
        ]
    }
    path = tmp_path / "nb.ipynb"
    path.write_text(json.dumps(nb))
    found = raw_outputs(path)
    assert "cell 0: 'gap_usd'" in found and "cell 0: '45690.0'" in found


def test_show_formats_with_the_dictionary_and_keeps_the_raw_frame():
    raw = pd.DataFrame(
        {
            "31-9092": [45690.0, 21.97],
            "29-2010": [62930.0, 30.26],
            "gap_usd": [17240.0, 8.29],
            "gap_pct": [37.73, 37.73],
        },
        index=pd.Index(["annual_wage_median", "hourly_wage_median"], name="measure"),
    )
    raw.attrs["titles"] = {"31-9092": "Medical Assistants", "29-2010": "Clinical Lab"}
    shown = show(raw, rows_are_measures=True)
    assert isinstance(shown, Readable) and shown.raw is raw
    assert list(shown.frame.columns) == [
        "Medical Assistants",
        "Clinical Lab",
        "Gap, second minus first",
        "Gap, % of the first",
    ]
    assert shown.frame.loc["Median pay, per year"].tolist() == [
        "$45,690",
        "$62,930",
        "+$17,240",
        "+37.7%",
    ]
    assert shown.frame.loc["Median pay, per hour"].tolist() == [
        "$21.97/h",
        "$30.26/h",
        "+$8.29/h",
        "+37.7%",
    ]
    assert "45690" not in shown._repr_html_() and "gap_usd" not in repr(shown)


def test_show_gives_bls_reasons_and_lower_bounds():
    raw = pd.DataFrame(
        {
            "occupation_title": ["A", "B", "C"],
            "annual_wage_median": [None, 239200.0, None],
            "employment": [817870.0, None, 1200.0],
            "is_hourly_only": [True, False, False],
            "topcoded_fields": ["", "annual_wage_median", ""],
            "not_released_fields": ["", "employment", ""],
        }
    )
    frame = show(raw, ["annual_wage_median", "employment"], index="occupation_title").frame
    assert frame.loc["A", "Median pay, per year"].startswith("not published (BLS footnote 4")
    assert frame.loc["B", "Median pay, per year"] == "at least $239,200"
    assert frame.loc["B", "Employment"] == "not published (BLS footnote 8: estimate not released)"
    assert frame.loc["A", "Employment"] == "817,870 jobs"
    assert frame.loc["C", "Median pay, per year"] == "not published"


def test_show_refuses_a_column_without_a_title():
    from careerstats.errors import CareerStatsError

    with pytest.raises(CareerStatsError, match="'mystery_col' has no title"):
        show(pd.DataFrame({"mystery_col": [1.0]}))


@pytest.mark.parametrize(
    ("value", "unit", "signed", "text"),
    [
        (45690.0, "usd_per_year", False, "$45,690"),
        (21.97, "usd_per_hour", False, "$21.97/h"),
        (817870, "jobs", False, "817,870 jobs"),
        (12.5, "percent", False, "12.5%"),
        (17240, "usd_per_year", True, "+$17,240"),
        (-405, "jobs", True, "-405 jobs"),
        (-16200.0, "usd", False, "-$16,200"),
        (1.2, "usd", True, "+$1.20"),
        (True, "flag", False, "yes"),
        ([1, 3], "count", False, "1 to 3"),
    ],
)
def test_figure(value, unit, signed, text):
    assert figure(value, unit, signed) == text


def test_industries_are_labelled_by_naics_code_and_title():
    from careerstats.analysis.industries import industry_label

    assert industry_label("62--63", "Sector 62 - Health Care and Social Assistance") == (
        "62 Health Care and Social Assistance"
    )
    assert industry_label("31--34", "Sectors 31, 32, and 33 - Manufacturing") == (
        "31-33 Manufacturing"
    )
    assert industry_label("621100", "Offices of Physicians") == "6211 Offices of Physicians"
    assert industry_label("000001", "Cross-industry, Private Ownership only") == (
        "Cross-industry, Private Ownership only"
    )
