"""What BLS's ORS costs a user: the build step that reads both workbooks, and the whole
`careerstats requirements` process (imports included), warm.

    .venv/bin/python benchmarks/requirements.py [--runs N]

Prints the seconds of reading both workbooks (openpyxl, read-only) in this process, then
each `careerstats requirements` run's seconds and their median.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = {
    "requirements 31-9092 29-2010": ["requirements", "31-9092", "29-2010"],
    "requirements 31-9092 29-2010 --format json": [
        "requirements",
        "31-9092",
        "29-2010",
        "--format",
        "json",
    ],
    "requirements 47-2111 --release 2018": ["requirements", "47-2111", "--release", "2018"],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    from careerstats.ingest import ors

    started = time.perf_counter()
    rows = ors.read_all(ROOT / "data" / "raw")
    print(f"reading both ORS workbooks: {time.perf_counter() - started:.2f} s, {len(rows):,} rows")
    exe = str(Path(sys.executable).with_name("careerstats"))
    for name, args in COMMANDS.items():
        subprocess.run([exe, *args], check=True, capture_output=True)  # warm: cache, files
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run([exe, *args], check=True, capture_output=True)
            times.append(time.perf_counter() - started)
        shown = ", ".join(f"{t:.2f}" for t in times)
        print(f"careerstats {name}: {shown} s (median {statistics.median(times):.2f} s)")


if __name__ == "__main__":
    main()
