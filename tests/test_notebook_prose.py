"""Notebook prose tied to the data: every number a notebook's Markdown states must appear in
that notebook's stored outputs (to the precision the prose gives it) or, exactly, in a
table in data/. Notebook 05 writes its findings with careerstats.present.narrative, so its
only Markdown is the static introduction; the rule holds there too (ARCHITECTURE.md)."""

from __future__ import annotations

import csv
import functools
import json
import re
from pathlib import Path

import pytest

from careerstats import ALL_OCCUPATIONS, ARTICLE_PAIR, paths
from careerstats.analysis.pay import HOURS_PER_YEAR

NOTEBOOKS = sorted((paths.ROOT / "notebooks").glob("*.ipynb"))
#: Text that holds digits but is a label, not a figure.
LABELS = [
    r"`[^`]*`",  # code and file names
    r"\]\([^)]*\)",  # link targets
    r"https?://\S+",
    r"\b\d{2}-\d{4}\b",  # SOC codes
    r"\b\d{4}-\d{2}(?:\d{2})?\b",  # cycles and year ranges: 2020-30, 2020-2030
    r"^#+\s*\d+\.",  # section numbers
    r"\bMay \d{4}\b",  # release names (checked as releases by the tables' schemas)
    r"\b(?:19|20)\d{2}\b",  # years
    r"SHA-256",
]
NUMBER = re.compile(r"(?<![\w.])[-+−]?\d[\d,]*(?:\.\d+)?(?![\w])")


def numbers(text: str) -> list[tuple[str, float, int]]:
    """(as written, value, decimals) for every figure in ``text``."""
    for pattern in LABELS:
        text = re.sub(pattern, " ", text, flags=re.M)
    found = []
    for m in NUMBER.finditer(text):
        raw = m.group(0).replace("−", "-")
        digits = raw.lstrip("+-").replace(",", "")
        if raw.count(",") and not re.fullmatch(r"[-+]?\d{1,3}(,\d{3})+(\.\d+)?", raw):
            continue  # "1,2" is a list, not a number
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        found.append((m.group(0), float(raw.replace(",", "")), decimals))
    return found


def output_text(cell: dict) -> str:
    parts = []
    for out in cell.get("outputs", []):
        if "text" in out:
            parts.append("".join(out["text"]))
        for kind in ("text/plain", "text/html", "text/markdown"):
            if kind in out.get("data", {}):
                parts.append("".join(out["data"][kind]))
    return "\n".join(parts)


#: The story's occupations: the data/ rows a notebook's prose may quote directly.
STORY = {*ARTICLE_PAIR, ALL_OCCUPATIONS}
#: Constants of BLS's method that the prose names (hours in BLS's working year).
CONSTANTS = {float(HOURS_PER_YEAR)}


@functools.cache
def data_values() -> frozenset[float]:
    """Every number in data/*.csv, in the rows of the story's occupations (all rows of
    tables that are not by occupation): what prose may quote without an output."""
    values = set()
    for path in paths.DATA_DIR.glob("*.csv"):
        with path.open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if "soc_code" in row and row["soc_code"] not in STORY:
                    continue
                for cell in row.values():
                    for m in NUMBER.finditer(cell or ""):
                        values.add(float(m.group(0).replace(",", "")))
    return frozenset(values)


def stated_in(value: float, decimals: int, pool: list[float]) -> bool:
    half = 0.5 * 10**-decimals + 1e-9
    return any(abs(abs(x) - abs(value)) <= half for x in pool)


def check(notebook: Path) -> list[str]:
    cells = json.loads(notebook.read_text())["cells"]
    pool = [v for c in cells if c["cell_type"] == "code" for _, v, _ in numbers(output_text(c))]
    missing = []
    for c in cells:
        if c["cell_type"] != "markdown":
            continue
        for raw, value, decimals in numbers("".join(c["source"])):
            if stated_in(value, decimals, pool) or value in data_values() or value in CONSTANTS:
                continue
            missing.append(raw)
    return missing


def test_number_reader():
    assert [n[:2] for n in numbers("USD 18,720 (49%) and 1.49 times; +103%, -18%")] == [
        ("18,720", 18720.0),
        ("49", 49.0),
        ("1.49", 1.49),
        ("+103", 103.0),
        ("-18", -18.0),
    ]
    assert numbers("SOC 31-9092, cycle 2020-30, May 2021, `02-pay-gap.ipynb`, MB3") == []


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_number_in_the_prose_is_in_the_outputs_or_the_data(notebook):
    missing = check(notebook)
    assert not missing, (
        f"{notebook.name}: the prose states {', '.join(missing)}, which no "
        "stored output and no table in data/ holds: add the cell that "
        "computes it, or write the sentence from the data"
    )


def test_a_changed_figure_is_caught(tmp_path):
    nb = json.loads(NOTEBOOKS[1].read_text())
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            cell["source"] = ["The gap is USD 17,241 a year."]
            break
    bad = tmp_path / "nb.ipynb"
    bad.write_text(json.dumps(nb))
    assert check(bad) == ["17,241"]
