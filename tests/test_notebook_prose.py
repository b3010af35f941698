"""Notebook prose tied to its results: every number a notebook's Markdown states must be
one that a result of the same section shows (to the precision the prose gives it), a
figure the notebook's earlier prose already tied to a result (a summary repeats what was
shown), one of BLS's method constants, or a figure of five digits or more that a data/
row of the story's occupations holds exactly. Notebook 05 writes its findings with
careerstats.present.narrative, so its only Markdown is the static introduction; the rule
holds there too (ARCHITECTURE.md).

A section is what follows a Markdown heading, up to the next; its results are its code
cells' outputs (a table's row numbers left out) and the values their code sets
(``years=15``). They are few, so a figure changed by one in its last digit is caught:
``benchmarks/prose_catch_rate.py`` measures how often, and a test holds it at 95%."""

from __future__ import annotations

import csv
import functools
import json
import re
from pathlib import Path

import pytest

from careerstats import ALL_OCCUPATIONS, ARTICLE_PAIR, paths
from careerstats.analysis.intervals import LEVELS, RELIABLE_MAX_RSE_PCT
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
    r"\b[Ff]ootnotes? \d+(?:(?:,| and| or) \d+)*",  # BLS's footnote codes
    r"\b[Nn]otebooks? \d{2}\b(?:(?:,| and| or) \d{2}\b)*",  # other notebooks
    r"\b\d+-(?:year|month|digit)\b",  # a kind, not a figure: a 10-year total, 4-digit NAICS
    r"\bsector\s+\d{2}\b",  # NAICS sector codes
    r"\bCIP \d{2}\.\d{4}\b",  # NCES program codes
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


#: A table's row number: a whole number opening a line of a printed frame, or heading a row
#: of an HTML one. Positions, not results: "53" is not stated by a table of 54 rows.
ROW_NUMBER = re.compile(r"^\s*\d+(?=\s{2,})|<th>\d+</th>", re.M)


def output_text(cell: dict) -> str:
    parts = []
    for out in cell.get("outputs", []):
        if "text" in out:
            parts.append("".join(out["text"]))
        for kind in ("text/plain", "text/html", "text/markdown"):
            if kind in out.get("data", {}):
                text = "".join(out["data"][kind])
                parts.append(ROW_NUMBER.sub(" ", text) if kind != "text/markdown" else text)
    return "\n".join(parts)


#: Constants of BLS's method and careerstats' rules that the prose names: hours in BLS's
#: working year, the base of the price indexes (U.S. = 100, 1982-84 = 100), the interval
#: levels, the RSE above which an estimate is unreliable.
CONSTANTS = {
    float(HOURS_PER_YEAR),
    100.0,
    *(level * 100 for level in LEVELS),
    *(round(100 - level * 100) for level in LEVELS),  # the error rates: 10% family-wise
    RELIABLE_MAX_RSE_PCT,
}
#: A section starts at a level-1 or level-2 heading; a ### subsection belongs to its section.
HEADING = re.compile(r"^#+ ", re.M)
#: The story's occupations: the data/ rows a notebook's prose may quote directly.
STORY = {*ARTICLE_PAIR, ALL_OCCUPATIONS}
#: A figure this large may quote such a row exactly: a one-digit change to it is never
#: another value of those rows, as a one-digit change to "12" would be.
QUOTABLE_FROM = 10_000


@functools.cache
def data_values() -> frozenset[float]:
    """Every number of at least :data:`QUOTABLE_FROM` in data/*.csv, in the rows of the
    story's occupations (all rows of tables that are not by occupation)."""
    values = set()
    for path in paths.DATA_DIR.glob("*.csv"):
        with path.open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if "soc_code" in row and row["soc_code"] not in STORY:
                    continue
                for cell in row.values():
                    for m in NUMBER.finditer(cell or ""):
                        value = float(m.group(0).replace(",", ""))
                        if abs(value) >= QUOTABLE_FROM:
                            values.add(value)
    return frozenset(values)


def stated_in(value: float, decimals: int, pool: list[float]) -> bool:
    """Whether a figure stated to ``decimals`` places is one of ``pool`` rounded. A value
    exactly halfway (24.5 for "24" or "25") counts for the neighbour careerstats rounds it
    to, half to even (``careerstats.measures.ROUNDING``), not for both."""
    half = 0.5 * 10**-decimals
    for x in (abs(x) for x in pool):
        gap = abs(x - abs(value))
        if gap < half - 1e-9 or (gap <= half + 1e-9 and round(x, decimals) == abs(value)):
            return True
    return False


def section_pools(cells: list[dict]) -> list[list[float]]:
    """For each cell, the numbers the results of its section show, and the values its
    code sets (a parameter such as ``years=15``)."""
    section, of_cell = 0, []
    for c in cells:
        if c["cell_type"] == "markdown" and HEADING.match("".join(c["source"])):
            section += 1
        of_cell.append(section)
    pools: dict[int, list[float]] = {}
    for c, s in zip(cells, of_cell, strict=True):
        if c["cell_type"] == "code":
            code = re.sub(r"(?<=\d)_(?=\d)", "", "".join(c["source"]))  # 10_000
            text = output_text(c) + "\n" + code
            pools.setdefault(s, []).extend(v for _, v, _ in numbers(text))
    return [pools.get(s, []) for s in of_cell]


def kind(text: str, raw: str) -> str:
    """What a figure of the prose counts: ``%`` (followed by % or "percent"), ``$`` (after
    USD or $), ``x`` (followed by x or times) or a plain number."""
    at = re.search(rf"(?<![\w.,]){re.escape(raw)}(?![\w]|[.,]\d)", text)
    if at is None:
        return ""
    after, before = text[at.end() : at.end() + 9], text[max(0, at.start() - 5) : at.start()]
    if re.match(r"\s*(?:%|percent)", after):
        return "%"
    if re.search(r"(?:USD\s*|\$)$", before):
        return "$"
    return "x" if re.match(r"\s*(?:×|x\b|times)", after) else ""


def check(notebook: Path) -> list[str]:
    """Every figure of the notebook's prose that no result of its section shows and no
    earlier prose tied to one, as the same kind of figure (a percent to a percent)."""
    cells = json.loads(notebook.read_text())["cells"]
    missing: list[str] = []
    shown_before: dict[str, list[float]] = {}
    for c, pool in zip(cells, section_pools(cells), strict=True):
        if c["cell_type"] != "markdown":
            continue
        text = "".join(c["source"])
        tied = []
        for raw, value, decimals in numbers(text):
            what = kind(text, raw)
            earlier = shown_before.get(what, [])
            if (
                value in CONSTANTS
                or value in data_values()
                or stated_in(value, decimals, [*pool, *earlier])
            ):
                tied.append((what, value))
            else:
                missing.append(raw)
        for what, value in tied:
            shown_before.setdefault(what, []).append(value)
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
        f"{notebook.name}: the prose states {', '.join(missing)}, which no result of "
        "its section shows and no earlier prose tied to one: show it in the section, or "
        "write the sentence from the data"
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


@pytest.mark.slow  # every figure of every notebook, changed and checked one at a time
def test_the_check_catches_one_digit_changes():
    """benchmarks/prose_catch_rate.py: at least 95% of the prose's figures, each changed by
    one in its last digit, are caught."""
    import importlib.util

    path = paths.ROOT / "benchmarks" / "prose_catch_rate.py"
    spec = importlib.util.spec_from_file_location("prose_catch_rate", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    caught = total = 0
    for notebook in NOTEBOOKS:
        c, t = module.catch_rate(notebook, show=False)
        caught, total = caught + c, total + t
    assert total > 80 and caught / total >= 0.95, f"{caught} of {total} caught"


#: The notebooks that take their pair from a parameters cell: their prose is computed.
PARAMETERISED = [p for p in NOTEBOOKS if p.name[:2] in {"02", "03", "05", "06", "07", "08"}]


@pytest.mark.parametrize("notebook", PARAMETERISED, ids=lambda p: p.stem)
def test_a_parameterised_notebook_types_no_figure(notebook):
    """Notebooks 02, 03, 05, 06, 07 and 08 read true for any pair: their Markdown cells state
    no dollar amount and no count; every figure is in computed prose (a narrative
    function's output). Only the method's constants (90%, U.S. = 100) are typed."""
    typed = []
    for cell in json.loads(notebook.read_text())["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        text = "".join(cell["source"])
        typed += [raw for raw, value, _ in numbers(text) if value not in CONSTANTS]
        typed += re.findall(r"(?:USD|\$)\s?\d[\d,.]*", text)
    assert not typed, f"{notebook.name} types {typed}: compute the sentence instead"
