"""How long a user waits for `careerstats report`: the whole process, imports and kernel
included, for the article's pair and for a pair outside healthcare in a metro area.

    .venv/bin/python benchmarks/report.py [--runs N]

Prints each run's seconds and the page's size.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASES = {
    "article pair, national": ["31-9092", "29-2010"],
    "electricians vs HVAC mechanics, Houston": ["47-2111", "49-9021", "--area", "Houston"],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=2)
    runs = parser.parse_args().runs
    exe = str(Path(sys.executable).with_name("careerstats"))
    with tempfile.TemporaryDirectory() as tmp:
        for name, args in CASES.items():
            out = Path(tmp) / "report.html"
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                subprocess.run(
                    [exe, "report", *args, "--out", str(out)], check=True, capture_output=True
                )
                times.append(time.perf_counter() - started)
            shown = ", ".join(f"{t:.1f}" for t in times)
            print(f"{name}: {shown} s; {out.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
