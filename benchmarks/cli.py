"""Benchmark: what a user waits for at the command line, whole process, imports included.

    python benchmarks/cli.py [--repeat N] [--cold]

Runs each command N times (default 7), interleaved, each as a fresh process, and prints
one JSON line per command: {"command", "median_seconds", "min_seconds", "max_seconds",
"runs", "goal_seconds"}. Commands: ``--help``, ``compare`` (JSON), ``trace``,
``history``, ``industries``; and, as the floor every pandas-based command stands on,
``python -c "import pandas"``. With the cache of validated tables warm (the default: one
untimed run first); ``--cold`` turns the cache off (``CAREERSTATS_CACHE=off``), so every
run validates the CSVs it reads, as the first run after a data change does.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

BIN = Path(sys.executable).parent
INDUSTRIES_ARGS = ("31-9092", "29-2010", "--level", "4", "--top", "5")
COMMANDS = {
    "--help": ([str(BIN / "careerstats"), "--help"], 0.15),
    "compare": (
        [str(BIN / "careerstats"), "compare", "31-9092", "29-2010", "--format", "json"],
        0.5,
    ),
    "trace": ([str(BIN / "careerstats"), "trace", "38190", "--soc", "31-9092"], None),
    "history": ([str(BIN / "careerstats"), "history", "31-9092", "29-2010"], None),
    "industries": ([str(BIN / "careerstats"), "industries", *INDUSTRIES_ARGS], 1.0),
    "import pandas (floor)": ([sys.executable, "-c", "import pandas"], None),
}


def once(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--cold", action="store_true", help="no cache of validated tables")
    args = ap.parse_args()
    env = dict(os.environ)
    if args.cold:
        env["CAREERSTATS_CACHE"] = "off"
    for argv, _ in COMMANDS.values():  # warm the OS file cache and the table cache
        once(argv, env)
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(args.repeat):
        for name, (argv, _) in COMMANDS.items():
            times[name].append(once(argv, env))
    for name, (_, goal) in COMMANDS.items():
        runs = times[name]
        print(
            json.dumps(
                {
                    "command": name,
                    "cache": "off" if args.cold else "warm",
                    "median_seconds": round(statistics.median(runs), 3),
                    "min_seconds": round(min(runs), 3),
                    "max_seconds": round(max(runs), 3),
                    "runs": len(runs),
                    "goal_seconds": goal,
                }
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
