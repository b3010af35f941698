"""Benchmark: the May 2025 OEWS flat file as one wide table, careerstats against polars.

    python benchmarks/ingest_oews.py FLATDIR [--repeat N] [--no-reference]
                                             [--scope cross|all|both]

Two scopes: ``cross`` reads the cross-industry estimates of every area (what
``oews_national``, ``oews_state`` and ``oews_metro`` come from); ``all`` reads those and
the national industry estimates together (what ``oews_industry`` adds: every line kept).

Each method runs N times (default 5), interleaved, each in a fresh Python process, and
prints one JSON line per run: {"method", "scope", "run", "seconds", "process_seconds",
"peak_rss_mb", "rows"}. ``seconds`` is wall time inside the process after the imports;
``process_seconds`` is the whole process as a user waits for it, interpreter start and
imports included (measured from outside); ``peak_rss_mb`` is the process's maximum
resident set size. ``careerstats`` is the project's reader (``read_wide``: every line
checked, markers resolved); ``polars`` is the reference from TOOLCHAIN.md (lazy scan,
filter, pivot; no checks), run when polars is installed (``uv sync --group bench``).
The summary lines give medians and the ratios careerstats / polars.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time

CAREERSTATS = """
import json, resource, sys, time
from careerstats.ingest.oews_flat import read_wide
t = time.perf_counter()
wide = read_wide(sys.argv[1], industries=sys.argv[2] == "all")
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
lf = lf.select(pl.col(sid).str.strip_chars().alias("sid"), pl.col(val).str.strip_chars().alias("v"))
if sys.argv[2] != "all":
    lf = lf.filter(pl.col("sid").str.slice(11, 6) == "000000")
long = (lf.select(pl.col("sid").str.slice(3, 20).alias("key"),
                  pl.col("sid").str.slice(23, 2).alias("dt"),
                  pl.when(pl.col("v") == "-").then(None).otherwise(pl.col("v"))
                  .cast(pl.Float64).alias("v"))
        .collect())
wide = long.pivot(on="dt", index="key", values="v")
seconds = time.perf_counter() - t
print(json.dumps({"seconds": round(seconds, 3), "rows": wide.height,
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))
"""


def run(method: str, code: str, flatdir: str, scope: str, i: int) -> dict:
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code, flatdir, scope], capture_output=True, text=True, check=True
    )
    process = time.perf_counter() - start
    result = {
        "method": method,
        "scope": scope,
        "run": i,
        **json.loads(out.stdout.strip().splitlines()[-1]),
        "process_seconds": round(process, 3),
    }
    print(json.dumps(result), flush=True)
    return result


def summary(results: list[dict], method: str, scope: str) -> dict:
    runs = [r for r in results if r["method"] == method and r["scope"] == scope]
    return {
        "method": method,
        "scope": scope,
        "summary": f"median of {len(runs)} runs",
        "seconds": statistics.median(r["seconds"] for r in runs),
        "process_seconds": statistics.median(r["process_seconds"] for r in runs),
        "peak_rss_mb": max(r["peak_rss_mb"] for r in runs),
        "rows": runs[0]["rows"],
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("flatdir")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--scope", choices=["cross", "all", "both"], default="both")
    ap.add_argument("--no-reference", action="store_true")
    args = ap.parse_args()
    scopes = ["cross", "all"] if args.scope == "both" else [args.scope]
    methods = [("careerstats", CAREERSTATS)]
    if not args.no_reference:
        try:
            import polars  # noqa: F401

            methods.append(("polars", POLARS))
        except ImportError:
            print('{"note": "polars not installed: uv sync --group bench"}', file=sys.stderr)
    results = []
    for i in range(1, args.repeat + 1):  # interleaved, so each sees the same machine load
        for scope in scopes:
            for method, code in methods:
                results.append(run(method, code, args.flatdir, scope, i))
    for scope in scopes:
        sums = {m: summary(results, m, scope) for m, _ in methods}
        for s in sums.values():
            print(json.dumps(s))
        if "polars" in sums:
            ours, ref = sums["careerstats"], sums["polars"]
            print(
                json.dumps(
                    {
                        "scope": scope,
                        "ratio": "careerstats / polars",
                        "seconds": round(ours["seconds"] / ref["seconds"], 2),
                        "process_seconds": round(
                            ours["process_seconds"] / ref["process_seconds"], 2
                        ),
                        "peak_rss_mb": round(ours["peak_rss_mb"] / ref["peak_rss_mb"], 2),
                    }
                )
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
