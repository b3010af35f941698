"""Coverage of the joint rank intervals, by simulation.

    python benchmarks/rank_coverage.py [--runs N]

Takes the article pair's state gaps in mean wages (and, for a larger family, one
occupation's metro means) as the truth, with BLS's standard errors; draws N surveys
(estimate = truth + normal error with that SE); and counts the surveys in which every
area's true rank lies inside its interval at once. Prints one JSON line per case:
{"case", "method", "areas", "runs", "coverage", "mean_width"}. The nominal level is 90%.
A last, synthetic case (54 areas whose true values are 0.1 SE apart) adds intervals each at
90% alone, with no joint correction, to show what falls short.
"""

from __future__ import annotations

import argparse
import json

import numpy as np

from careerstats.analysis.rank import rank, rank_intervals
from careerstats.tables.store import Tables


def truth(found) -> tuple[np.ndarray, np.ndarray]:
    rows = [r for r in found["rows"] if r["value_ci90"] is not None]
    values = np.array([r["value"] for r in rows])
    se = np.array(
        [(r["value_ci90"][1] - r["value_ci90"][0]) / (2 * 1.6448536269514722) for r in rows]
    )
    return values, se


def coverage(
    values: np.ndarray, se: np.ndarray, method: str, runs: int, seed: int = 1, level: float = 0.90
) -> dict:
    rng = np.random.default_rng(seed)
    order = np.argsort(-values, kind="stable")
    true_rank = np.empty(len(values), int)
    true_rank[order] = np.arange(1, len(values) + 1)
    hits, widths = 0, []
    for _ in range(runs):
        estimate = values + rng.normal(0, se)
        best, worst = rank_intervals(estimate, se, level, method)
        hits += bool(np.all((best <= true_rank) & (true_rank <= worst)))
        widths.append(float(np.mean(worst - best + 1)))
    return {"coverage": hits / runs, "mean_width": round(float(np.mean(widths)), 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=2000)
    args = parser.parse_args()
    data = Tables()
    cases = {
        "states: 29-2010 minus 31-9092, mean gap": rank("31-9092", "29-2010", data=data),
        "metros: 29-2010 mean wage": rank("29-2010", by="metro", data=data),
    }
    for case, found in cases.items():
        values, se = truth(found)
        for method in ("product", "pairwise"):
            result = coverage(values, se, method, args.runs)
            line = {"case": case, "method": method, "areas": len(values), "runs": args.runs}
            print(json.dumps(line | result))
    # near-ties, where intervals without a joint correction fall short
    values, se = np.arange(54)[::-1] * 0.1, np.ones(54)
    for method, level in (("product", 0.90), ("pairwise", 0.90), ("no joint correction", 0.9**54)):
        result = coverage(
            values, se, "product" if level != 0.90 else method, args.runs, level=level
        )
        line = {"case": "54 near-ties, 0.1 SE apart", "method": method, "areas": 54}
        print(json.dumps(line | {"runs": args.runs} | result))


if __name__ == "__main__":
    main()
