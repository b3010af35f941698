"""What each ``careerstats`` command does: parse nothing, call the library, print what
:mod:`careerstats.present.console` lays out. :mod:`.grammar` binds each to its command."""

from __future__ import annotations

import argparse
import sys

from .. import paths
from ..errors import CareerStatsError, shown
from ..extras import require

#: Exit codes: 1 nothing found (trace), 2 bad input or a failure careerstats explains,
#: 130 interrupted (Ctrl-C), 141 output closed early (broken pipe), 143 terminated.
EXIT_NO_MATCH, EXIT_ERROR, EXIT_INTERRUPTED, EXIT_BROKEN_PIPE, EXIT_TERMINATED = 1, 2, 130, 141, 143


def _edited_header(fmt: str = "table") -> None:
    """Say, before any output, that tables were served from an edited copy of the data
    package (``CAREERSTATS_ALLOW_EDITED_DATA``): in the header of a table, on standard
    error for JSON and CSV (whose own records say it where they have room)."""
    from ..tables.store import Tables

    for edit in Tables().edits():
        line = f"note: {edit.note()}"
        print(line, file=sys.stdout if fmt == "table" else sys.stderr)


def _charts(args: argparse.Namespace) -> int:
    import matplotlib

    matplotlib.use("Agg")
    from ..present.registry import REGISTRY, render_all

    names = args.only or None
    if names:
        unknown = [n for n in names if n not in REGISTRY]
        if unknown:
            from ..errors import UnknownCodeError

            raise UnknownCodeError("chart", unknown[0], REGISTRY)
    paths.check_output_dir(
        args.out, files=tuple(f"{n}.{ext}" for n in (names or REGISTRY) for ext in ("png", "svg"))
    )
    written = render_all(args.out, names=names)
    print(f"wrote {len(written)} files for {len(written) // 2} charts to {paths.display(args.out)}")
    return 0


def _build_data(args: argparse.Namespace) -> int:
    from ..progress import on_terminal
    from ..tables.build import build_data
    from ..tables.resources import RESOURCES, table_file

    paths.check_output_dir(
        args.out, files=(*(table_file(n) for n in RESOURCES), "datapackage.json")
    )
    names = build_data(
        raw_dir=args.raw,
        out_dir=args.out,
        flat_dir=args.oews_flatfiles,
        progress=on_terminal("build-data"),
        accept_new_release=args.accept_new_release,
        subset=args.subset,
    )
    print(f"wrote {len(names)} tables and datapackage.json to {paths.display(args.out)}")
    return 0


def _compare(args: argparse.Namespace) -> int:
    from ..api import compare
    from ..present.console import comparison_text
    from ..present.tables import comparison_csv

    result = compare(args.a, args.b, area=args.area, year=args.year)
    _edited_header(args.format)
    if args.format == "json":
        print(result.to_json())
    elif args.format == "csv":
        comparison_csv(result).to_csv(sys.stdout, index=False, lineterminator="\n")
    else:
        print(comparison_text(result))
    return 0


def _rank(args: argparse.Namespace) -> int:
    from ..api import rank
    from ..present.console import ranking_csv, ranking_text

    found = rank(
        args.a,
        args.b,
        by=args.by,
        measure=args.measure,
        cost_adjusted=args.cost_adjusted,
        method=args.method,
    )
    _edited_header(args.format)
    if args.format == "json":
        print(found.top(args.top).to_json())
    elif args.format == "csv":
        ranking_csv(found.top(args.top)).to_csv(sys.stdout, index=False, lineterminator="\n")
    else:
        print(ranking_text(found, args.top))
    return 0


def _history(args: argparse.Namespace) -> int:
    import json

    from ..api import history
    from ..present.console import history_frame, history_records, history_text
    from ..present.tables import csv_cells

    found = history(args.a, args.b, area=args.area, measure=args.measure, dollars=args.dollars)
    codes = list(found.attrs["codes"])
    _edited_header(args.format)
    if args.format == "json":
        print(json.dumps(history_records(found), indent=2))
    elif args.format == "csv":
        frame = csv_cells(history_frame(found, codes, args.dollars))
        frame.to_csv(sys.stdout, lineterminator="\n", index_label="year")
    else:
        print(history_text(found, codes, args.dollars, found.attrs["area_title"]))
    return 0


def _industries(args: argparse.Namespace) -> int:
    import json

    from ..analysis.industries import records
    from ..api import industries
    from ..occupations import normalize_soc
    from ..present.console import industries_csv, industries_text

    codes = [normalize_soc(c) for c in args.soc]
    twice = sorted({c for c in codes if codes.count(c) > 1})
    if twice:
        raise CareerStatsError(
            f"industries: {', '.join(twice)} given twice (the same occupation in two "
            "spellings?) — expected each occupation once"
        )
    found = industries(codes, level=args.level, top=args.top)
    _edited_header(args.format)
    if args.format == "json":
        print(json.dumps(records(found), indent=2))
    elif args.format == "csv":
        industries_csv(found).to_csv(sys.stdout, index=False, lineterminator="\n")
    else:
        print(industries_text(found, codes))
    return 0


def _requirements(args: argparse.Namespace) -> int:
    import json

    from ..analysis._common import plain
    from ..api import requirements
    from ..occupations import normalize_soc
    from ..present.console import requirements_text
    from ..present.requirements import requirements_csv

    codes = [normalize_soc(c) for c in args.soc]
    if len(codes) > 2 or len(set(codes)) < len(codes):
        raise CareerStatsError(
            f"requirements: {' '.join(args.soc)} — expected one or two different SOC codes"
        )
    found = requirements(codes, release=args.release, category=args.category)
    _edited_header(args.format)
    if args.format == "json":
        records = [
            {k: plain(v) for k, v in row.items()}
            for row in requirements_csv(found).to_dict(orient="records")
        ]
        out = {
            "release": found.attrs["release"],
            "parts": found.attrs["parts"],
            "not_published": found.attrs["not_published"],
            "estimates": records,
        }
        print(json.dumps(out, indent=2))
    elif args.format == "csv":
        requirements_csv(found).to_csv(sys.stdout, index=False, lineterminator="\n")
    else:
        print(requirements_text(found))
    return 0


def _trace(args: argparse.Namespace) -> int:
    import json

    from ..analysis.trace import as_records
    from ..api import trace
    from ..present.console import trace_text

    found = trace(args.value, soc=args.soc)
    _edited_header(args.format)
    if args.format == "json":
        print(json.dumps(as_records(found), indent=2))
    elif found.empty:
        print(f"no BLS figure in data/ matches {shown(args.value)}", file=sys.stderr)
    else:
        print(trace_text(found, args.top))
    return 0 if len(found) else 1


def _report(args: argparse.Namespace) -> int:
    require("report")  # before the output path is checked or anything is read
    from ..present.report import render, write_report

    options = {
        "sections": args.sections,
        "training": {
            "cost_a": args.cost_a,
            "cost_b": args.cost_b,
            "years_a": args.years_a,
            "years_b": args.years_b,
        },
    }
    if str(args.out) == "-":
        sys.stdout.write(render(args.a, args.b, area=args.area, **options))
        return 0
    paths.check_output_file(args.out)
    info = write_report(args.a, args.b, args.out, area=args.area, **options)
    print(f"wrote {info['path']} ({info['bytes']:,} bytes) in {info['seconds']} s")
    return 0


def _fetch(args: argparse.Namespace) -> int:
    from ..ingest.fetch import fetch_oews
    from ..progress import on_terminal
    from ..tables.checks import recorded_flat_files, recorded_flat_sizes

    paths.check_output_dir(args.dir, "DIR", parents=True)
    written = fetch_oews(
        args.dir,
        contact=args.contact,
        base_url=args.base_url,
        recorded=recorded_flat_files(paths.DATA_DIR),
        accept_new_release=args.accept_new_release,
        progress=on_terminal("fetch-oews", same_line=True),
        sizes=recorded_flat_sizes(paths.DATA_DIR),
        max_mb=args.max_size,
        deadline=args.deadline,
        min_rate_kbps=args.min_rate,
    )
    print(f"wrote {len(written)} files to {args.dir}")
    return 0
