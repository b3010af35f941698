"""The ``careerstats`` command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import paths
from .errors import CareerStatsError


def _charts(args: argparse.Namespace) -> int:
    import matplotlib

    matplotlib.use("Agg")
    from .charts import REGISTRY, render_all

    names = args.only or None
    if names:
        unknown = [n for n in names if n not in REGISTRY]
        if unknown:
            from .errors import UnknownCodeError

            raise UnknownCodeError("chart", unknown[0], REGISTRY)
    written = render_all(args.out, names=names)
    print(f"wrote {len(written)} files for {len(written) // 2} charts to "
          f"{paths.display(args.out)}")
    return 0


def _build_data(args: argparse.Namespace) -> int:
    from .build import build_data, terminal_progress

    names = build_data(raw_dir=args.raw, out_dir=args.out, progress=terminal_progress)
    print(f"wrote {len(names)} tables and datapackage.json to {paths.display(args.out)}")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="careerstats",
        description="Reproducible comparisons of U.S. occupations from BLS's own files.",
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    c = sub.add_parser("charts", help="regenerate every chart (PNG and SVG)",
                       description="Draw every chart the project publishes into --out, "
                       "byte-stable: a rerun on the same versions writes identical files.")
    c.add_argument("--out", type=Path, default=paths.CHARTS_DIR,
                   help="folder to write into (default: charts/)")
    c.add_argument("--only", nargs="+", metavar="NAME", help="draw only these charts")
    c.set_defaults(func=_charts)

    b = sub.add_parser("build-data", help="build data/*.csv and datapackage.json from data/raw",
                       description="Build every table in data/ from the raw BLS files and the "
                       "article, validate each, and replace data/ only when all pass.")
    b.add_argument("--raw", type=Path, default=paths.RAW_DIR, help="raw files (default: "
                   "data/raw)")
    b.add_argument("--out", type=Path, default=paths.DATA_DIR, help="folder to write "
                   "(default: data/)")
    b.set_defaults(func=_build_data)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except CareerStatsError as e:
        print(f"careerstats: error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
