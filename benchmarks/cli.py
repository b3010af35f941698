"""Benchmark: what a user waits for at the command line, whole process, imports included.

    python benchmarks/cli.py [--repeat N] [--cold] [--baseline SRC]

Runs each command N times (default 7), interleaved, each as a fresh process, and prints
one JSON line per command: {"command", "median_seconds", "min_seconds", "max_seconds",
"runs", "goal_seconds"}. Commands: ``--help``, ``compare`` (JSON; and a pair outside
healthcare in a state and in a metro area), ``rank`` (one occupation by metro),
``trace``, ``history``, ``industries``; and, as the floor every pandas-based command stands on,
``python -c "import pandas"``. With the cache of validated tables warm (the default: one
untimed run first); ``--cold`` turns the cache off (``CAREERSTATS_CACHE=off``), so every
run validates the CSVs it reads, as the first run after a data change does.

``--baseline SRC`` also times another version of careerstats, interleaved run by run with
this one, on the same interpreter and packages: SRC is the ``src`` folder of another
checkout (``git worktree add /tmp/before COMMIT``, then ``--baseline /tmp/before/src``),
put first on ``PYTHONPATH``. Each line then has ``"version": "current"`` or
``"baseline"``, and the current lines the ratio of the medians.
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
    "compare in a state": (
        [str(BIN / "careerstats"), "compare", "15-1252", "13-2011", "--area", "CA"],
        None,
    ),
    "compare in a metro": (
        [str(BIN / "careerstats"), "compare", "15-1252", "13-2011", "--area", "San Francisco"],
        None,
    ),
    "rank by metro": ([str(BIN / "careerstats"), "rank", "29-2010", "--by", "metro"], 1.5),
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
    ap.add_argument("--baseline", type=Path, metavar="SRC", help="another version's src/")
    args = ap.parse_args()
    env = dict(os.environ)
    if args.cold:
        env["CAREERSTATS_CACHE"] = "off"
    versions = {"current": env}
    if args.baseline:
        versions["baseline"] = {**env, "PYTHONPATH": str(args.baseline.absolute())}
    for version_env in versions.values():  # warm the OS file cache and the table cache
        for argv, _ in COMMANDS.values():
            once(argv, version_env)
    times = {(v, name): [] for v in versions for name in COMMANDS}
    for _ in range(args.repeat):
        for name, (argv, _) in COMMANDS.items():
            for version, version_env in versions.items():
                times[version, name].append(once(argv, version_env))
    for name, (_, goal) in COMMANDS.items():
        for version in versions:
            runs = times[version, name]
            line = {
                "command": name,
                "cache": "off" if args.cold else "warm",
                "median_seconds": round(statistics.median(runs), 3),
                "min_seconds": round(min(runs), 3),
                "max_seconds": round(max(runs), 3),
                "runs": len(runs),
                "goal_seconds": goal,
            }
            if args.baseline:
                line["version"] = version
                if version == "current":
                    base = statistics.median(times["baseline", name])
                    line["ratio_to_baseline"] = round(statistics.median(runs) / base, 3)
            print(json.dumps(line))
    return 0


if __name__ == "__main__":
    sys.exit(main())
