"""How many one-digit changes to the notebooks' prose figures the prose test catches.

Each figure a notebook's Markdown states is changed, one at a time, by one in its last
digit (up, or down from a 9), and ``tests/test_notebook_prose.py``'s check is run on the
changed notebook. Prints the rate per notebook and overall.

    .venv/bin/python benchmarks/prose_catch_rate.py [--show-missed]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from test_notebook_prose import NOTEBOOKS, check, numbers  # noqa: E402


def perturbed(raw: str) -> str:
    """``raw`` with its last digit changed by one."""
    i = max(i for i, ch in enumerate(raw) if ch.isdigit())
    digit = int(raw[i])
    return raw[:i] + str(digit - 1 if digit == 9 else digit + 1) + raw[i + 1 :]


def catch_rate(notebook: Path, show: bool) -> tuple[int, int]:
    nb = json.loads(notebook.read_text())
    caught = total = 0
    for index, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "markdown":
            continue
        text = "".join(cell["source"])
        for raw, _, _ in numbers(text):
            # the figure as a whole token, never a digit inside another number
            token = rf"(?<![\w.,]){re.escape(raw)}(?![\w]|[.,]\d)"
            spans = [m.span() for m in re.finditer(token, text)]
            for start, end in spans:
                changed = text[:start] + perturbed(raw) + text[end:]
                trial = json.loads(json.dumps(nb))
                trial["cells"][index]["source"] = [changed]
                with tempfile.TemporaryDirectory() as tmp:
                    path = Path(tmp) / notebook.name
                    path.write_text(json.dumps(trial))
                    found = perturbed(raw) in check(path)
                total += 1
                caught += found
                if show and not found:
                    print(f"  missed: {notebook.stem}: {raw} -> {perturbed(raw)}")
    return caught, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show-missed", action="store_true")
    show = parser.parse_args().show_missed
    all_caught = all_total = 0
    for notebook in NOTEBOOKS:
        caught, total = catch_rate(notebook, show)
        all_caught += caught
        all_total += total
        rate = f"{caught / total:.0%}" if total else "-"
        print(f"{notebook.stem:40s} {caught:4d} of {total:4d} caught  {rate}")
    print(
        f"{'all notebooks':40s} {all_caught:4d} of {all_total:4d} caught  "
        f"{all_caught / all_total:.1%}"
    )


if __name__ == "__main__":
    main()
