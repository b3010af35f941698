"""Count the functions of src/ over a number of lines (default 60), longest first.

.venv/bin/python benchmarks/long_functions.py [--max 60]
"""

from __future__ import annotations

import argparse
import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "careerstats"


def long_functions(limit: int) -> list[tuple[int, str]]:
    """(lines, "module:function") of every function longer than ``limit`` lines."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                n = (node.end_lineno or node.lineno) - node.lineno + 1
                if n > limit:
                    found.append((n, f"{path.relative_to(SRC.parent)}:{node.name}"))
    return sorted(found, reverse=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--max", type=int, default=60)
    limit = parser.parse_args().max
    found = long_functions(limit)
    for n, name in found:
        print(f"{n:5d}  {name}")
    print(f"{len(found)} functions over {limit} lines")


if __name__ == "__main__":
    main()
