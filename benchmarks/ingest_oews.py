"""Benchmark: the May 2025 OEWS flat file's cross-industry estimates as one wide table.

    python benchmarks/ingest_oews.py FLATDIR [--repeat N] [--no-reference]

Runs each method N times (default 3), each in a fresh Python process so that its peak
memory is its own, and prints one JSON line per run:
{"method", "run", "seconds", "peak_rss_mb", "rows"}. ``careerstats`` is the project's
reader (careerstats.ingest.oews_flat.read_wide: every line checked, markers resolved); ``polars``
is the reference from TOOLCHAIN.md (lazy scan, filter, pivot; no checks), run when polars
is installed (`uv sync --group bench`). Seconds are wall time inside the process, after
imports; peak_rss_mb is the process's maximum resident set size.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

CAREERSTATS = """
import json, resource, sys, time
from careerstats.ingest.oews_flat import read_wide
t = time.perf_counter()
wide = read_wide(sys.argv[1])
seconds = time.perf_counter() - t
print(json.dumps({"seconds": round(seconds, 3), "rows": len(wide),
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))
"""

POLARS = """
import json, resource, sys, time
import polars as pl
t = time.perf_counter()
lf = pl.scan_csv(sys.argv[1] + "/oe.data.0.Current", separator="\\t", infer_schema=False)
sid, val = lf.collect_schema().names()[0], lf.collect_schema().names()[3]
long = (lf.select(pl.col(sid).str.strip_chars().alias("sid"),
                  pl.col(val).str.strip_chars().alias("v"))
        .filter(pl.col("sid").str.slice(11, 6) == "000000")
        .select(pl.col("sid").str.slice(3, 20).alias("key"),
                pl.col("sid").str.slice(23, 2).alias("dt"),
                pl.when(pl.col("v") == "-").then(None).otherwise(pl.col("v"))
                .cast(pl.Float64).alias("v"))
        .collect())
wide = long.pivot(on="dt", index="key", values="v")
seconds = time.perf_counter() - t
print(json.dumps({"seconds": round(seconds, 3), "rows": wide.height,
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))
"""


def run(method: str, code: str, flatdir: str, i: int) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", code, flatdir], capture_output=True, text=True, check=True
    )
    result = {"method": method, "run": i, **json.loads(out.stdout.strip().splitlines()[-1])}
    print(json.dumps(result), flush=True)
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("flatdir")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-reference", action="store_true")
    args = ap.parse_args()
    methods = [("careerstats", CAREERSTATS)]
    if not args.no_reference:
        try:
            import polars  # noqa: F401

            methods.append(("polars", POLARS))
        except ImportError:
            print('{"note": "polars not installed: uv sync --group bench"}', file=sys.stderr)
    results = []
    for i in range(1, args.repeat + 1):  # interleaved, so both see the same machine load
        for method, code in methods:
            results.append(run(method, code, args.flatdir, i))
    for method, _ in methods:
        runs = [r for r in results if r["method"] == method]
        best = min(runs, key=lambda r: r["seconds"])
        summary = {
            "method": method,
            "summary": "best of runs",
            "seconds": best["seconds"],
            "median_seconds": sorted(r["seconds"] for r in runs)[len(runs) // 2],
            "peak_rss_mb": max(r["peak_rss_mb"] for r in runs),
            "rows": best["rows"],
        }
        print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
