"""The command line's grammar: every command, its arguments and their checks. One grammar:
occupations positional, ``--top N``, ``--format``, ``--out`` a file (a folder for
``charts`` alone)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import NoReturn

from .. import paths
from ..errors import shown
from ..measures import REPORT_SECTIONS
from .commands import (
    EXIT_ERROR,
    _build_data,
    _charts,
    _compare,
    _fetch,
    _history,
    _industries,
    _rank,
    _report,
    _requirements,
    _trace,
)

#: The output formats of a command.
FORMATS = ("table", "json", "csv")


def _positive(text: str) -> int:
    """A whole number of at least 1, for --top."""
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{shown(text)}: expected a positive whole number")
    return int(text)


def _positive_number(text: str) -> float:
    """A number above 0, for --max-size, --deadline and --min-rate."""
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"{shown(text)}: expected a number above 0")
    return value


class _Version(argparse.Action):
    """``--version``: the installed version, looked up only when asked for (reading the
    package metadata would slow every ``--help``)."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        print(f"careerstats {paths.careerstats_version()}")
        parser.exit()


class _Deprecated(argparse.Action):
    """An old spelling of an option: it works for one more version, and says so on
    standard error each time it is used."""

    def __init__(self, option_strings: list[str], dest: str, new: str, **kwargs) -> None:
        self.new = new
        super().__init__(option_strings, dest, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        print(
            f"careerstats: warning: {option_string} is deprecated and will be removed in the "
            f"next version; use {self.new}",
            file=sys.stderr,
        )
        setattr(namespace, self.dest, values)


def _format(p: argparse.ArgumentParser, choices: tuple[str, ...] = FORMATS) -> None:
    """--format, its values listed in the help."""
    p.add_argument(
        "--format",
        choices=choices,
        default="table",
        help=f"{_one_of(choices)} (default: table)",
    )


def _one_of(choices: tuple[str, ...] | list[str]) -> str:
    """``a, b or c``."""
    *rest, last = choices
    return f"{', '.join(rest)} or {last}" if rest else last


def _pair_and_area(p: argparse.ArgumentParser) -> None:
    """The two occupations and the place, as compare and report take them."""
    p.add_argument("a", metavar="A", help="SOC code, e.g. 31-9092")
    p.add_argument("b", metavar="B", help="SOC code, e.g. 29-2010")
    p.add_argument(
        "--area",
        default="US",
        help="US, a state code/name/FIPS code, an OEWS "
        "area code, or a metro area name (default: US)",
    )


class _Parser(argparse.ArgumentParser):
    """argparse, with its usage errors as one line in careerstats' error style."""

    def error(self, message: str) -> NoReturn:
        print(f"careerstats: error: {message} (see {self.prog} --help)", file=sys.stderr)
        sys.exit(EXIT_ERROR)


def _add_charts(sub: argparse._SubParsersAction) -> None:
    """The ``charts`` command."""
    c = sub.add_parser(
        "charts",
        help="regenerate every chart (PNG and SVG)",
        description="Draw every chart the project publishes into --out, "
        "byte-stable: a rerun on the same versions writes identical files.",
    )
    c.add_argument(
        "--out",
        type=Path,
        default=paths.CHARTS_DIR,
        metavar="DIR",
        help="a folder, here alone: where the charts are written (default: charts/)",
    )
    c.add_argument("--only", nargs="+", metavar="NAME", help="draw only these charts")
    c.set_defaults(func=_charts)


def _add_build_data(sub: argparse._SubParsersAction) -> None:
    """The ``build-data`` command."""
    b = sub.add_parser(
        "build-data",
        help="build data/*.csv and datapackage.json from data/raw",
        description="Build every table in data/ from the raw BLS files and the "
        "article, validate each, and replace data/ only when all pass.",
    )
    b.add_argument("--raw", type=Path, default=paths.RAW_DIR, help="raw files (default: data/raw)")
    b.add_argument(
        "--data-dir",
        dest="out",
        type=Path,
        default=paths.DATA_DIR,
        metavar="DIR",
        help="folder to write the tables and datapackage.json into (default: data/)",
    )
    b.add_argument(
        "--out",
        dest="out",
        type=Path,
        action=_Deprecated,
        new="--data-dir",
        metavar="DIR",
        help="deprecated spelling of --data-dir",
    )
    b.add_argument(
        "--oews-flatfiles",
        type=Path,
        metavar="DIR",
        help="folder with BLS's OEWS flat files incl. oe.data.0.Current "
        "(default: data/raw/oews-flat)",
    )
    b.add_argument(
        "--accept-new-release",
        action="store_true",
        help="build from a flat data file that is not the release datapackage.json records "
        "(a new BLS release); its digest and name are recorded",
    )
    b.add_argument(
        "--subset",
        action="store_true",
        help="build from part of the data file (tests): no release, coverage or row-count "
        "checks; refused with the package's own data/ as --out",
    )
    b.set_defaults(func=_build_data)


def _add_compare(sub: argparse._SubParsersAction) -> None:
    """The ``compare`` command."""
    c = sub.add_parser(
        "compare",
        help="compare two occupations in one area",
        description="Employment, wages (mean and 10th-90th percentiles, hourly "
        "and annual) and the newest national projection for two occupations, "
        "with the gap (second minus first).",
    )
    _pair_and_area(c)
    c.add_argument("--year", type=int, help="OEWS release year (default: the newest)")
    _format(c)
    c.set_defaults(func=_compare)


def _add_rank(sub: argparse._SubParsersAction) -> None:
    """The ``rank`` command."""
    from ..measures import RANK_BY as BY
    from ..measures import RANK_DEFAULT_MEASURE, RANK_METHODS
    from ..measures import RANK_MEASURES as MEASURES

    r = sub.add_parser(
        "rank",
        help="rank states or metro areas by an occupation's pay, or a pair's gap",
        description="The states (or metro and nonmetro areas) ranked by one occupation's "
        "measure, or by the gap between two (second minus first), highest first: each with "
        "its 90% interval, its joint 90% interval of ranks (Klein, Wright and Wieczorek "
        "2020) and a call against the national value, corrected for multiple comparisons "
        "(Holm, 10% family-wise). BLS publishes standard errors for employment and mean "
        "wages only: medians are ranked without intervals.",
    )
    r.add_argument("a", metavar="SOC", help="the occupation, e.g. 29-2010")
    r.add_argument(
        "b", metavar="SOC_B", nargs="?", help="a second occupation: rank by its gap over the first"
    )
    r.add_argument("--by", default="state", metavar="KIND", help=f"{_one_of(BY)} (default: state)")
    r.add_argument(
        "--measure",
        default=RANK_DEFAULT_MEASURE,
        metavar="MEASURE",
        help=f"{_one_of(MEASURES)} (default: {RANK_DEFAULT_MEASURE}, which has BLS "
        "standard errors)",
    )
    r.add_argument(
        "--cost-adjusted",
        action="store_true",
        help="wages at U.S. prices by BEA's regional price parities (states 2023, metro "
        "areas 2024, nonmetro areas their state's nonmetropolitan portion 2024)",
    )
    r.add_argument(
        "--method",
        default=None,
        metavar="METHOD",
        help=f"the rank-interval variant: {_one_of(RANK_METHODS)} (default: product; "
        "only for measures with standard errors)",
    )
    r.add_argument("--top", type=_positive, metavar="N", help="only the first N areas")
    _format(r)
    r.set_defaults(func=_rank)


def _add_history(sub: argparse._SubParsersAction) -> None:
    """The ``history`` command."""
    from ..measures import HISTORY_MEASURES

    h = sub.add_parser(
        "history",
        help="two occupations' pay, every year the data hold, nominal or real",
        description="A measure of two occupations in every release the data hold for the "
        "area (nationally May 2015 to the newest), in nominal dollars or in real dollars of "
        "the newest release's May (CPI-U). BLS's method change (MB3, May 2021) is marked.",
    )
    _pair_and_area(h)
    h.add_argument(
        "--measure",
        default="annual_wage_median",
        metavar="MEASURE",
        help=f"{_one_of(HISTORY_MEASURES)} (default: annual_wage_median)",
    )
    h.add_argument(
        "--dollars",
        choices=("nominal", "real"),
        default="nominal",
        help="nominal or real, in dollars of the newest release's May by the CPI-U "
        "(default: nominal)",
    )
    _format(h)
    h.set_defaults(func=_history)


def _add_industries(sub: argparse._SubParsersAction) -> None:
    """The ``industries`` command."""
    from ..measures import NAICS_LEVEL_CHOICES as LEVELS

    i = sub.add_parser(
        "industries",
        help="where occupations work: industries by share of jobs, with pay",
        description="The industries an occupation works in, nationally (BLS publishes "
        "industry estimates for the nation only), largest share of its jobs first, with the "
        "median and mean annual wage in each and the mean's 90% interval.",
    )
    i.add_argument("soc", nargs="+", metavar="SOC", help="one or more SOC codes, e.g. 31-9092")
    i.add_argument(
        "--level",
        default="4",
        metavar="LEVEL",
        help=f"{_one_of(LEVELS)}: NAICS sectors, 3- or 4-digit industries, 5- and 6-digit "
        "industries, or ownership (default: 4)",
    )
    i.add_argument(
        "--top", type=_positive, metavar="N", help="only each occupation's first N industries"
    )
    _format(i)
    i.set_defaults(func=_industries)


def _add_requirements(sub: argparse._SubParsersAction) -> None:
    """The ``requirements`` command."""
    from ..measures import ORS_GROUPS

    r = sub.add_parser(
        "requirements",
        help="what employers require: education, credentials, experience, demands (BLS ORS)",
        description="What employers require of an occupation, from BLS's Occupational "
        "Requirements Survey: minimum education, credentials, experience and training, "
        "cognitive and physical demands, environment. Each estimate with its 90% interval "
        "from BLS's standard error and BLS's footnotes; two occupations side by side.",
    )
    r.add_argument("soc", nargs="+", metavar="SOC", help="one or two SOC codes, e.g. 31-9092")
    r.add_argument(
        "--release",
        choices=("2020", "2018"),
        default="2020",
        help="2020 (preliminary, the newest here) or 2018 (default: 2020)",
    )
    r.add_argument(
        "--category",
        choices=ORS_GROUPS,
        action="append",
        metavar="CATEGORY",
        help=f"{_one_of(ORS_GROUPS)}; repeat for several (default: all)",
    )
    _format(r)
    r.set_defaults(func=_requirements)


def _add_trace(sub: argparse._SubParsersAction) -> None:
    """The ``trace`` command."""
    t = sub.add_parser(
        "trace",
        help="find where a quoted figure comes from",
        description="Find every release, cycle, area, occupation and measure in "
        "data/ whose value matches a quoted figure, exactly or within the "
        "rounding the quote allows ('18%' matches 18.4; '335.5 thousand' "
        "matches 335,500). Exit code 1 when nothing matches.",
    )
    t.add_argument("value", metavar="VALUE", help="e.g. 38190, '$38,190', 18%%, '335.5 thousand'")
    t.add_argument("--soc", metavar="SOC", help="only this occupation: a filter (SOC code)")
    _format(t, ("table", "json"))
    t.add_argument(
        "--top",
        type=_positive,
        default=25,
        metavar="N",
        help="only the first N matches, as a table (default: 25)",
    )
    t.add_argument(
        "--limit",
        dest="top",
        type=_positive,
        action=_Deprecated,
        new="--top",
        metavar="N",
        help="deprecated spelling of --top",
    )
    t.set_defaults(func=_trace)


def _add_report(sub: argparse._SubParsersAction) -> None:
    """The ``report`` command."""
    r = sub.add_parser(
        "report",
        help="an HTML report comparing any two occupations",
        description="Run the analysis notebooks for A and B (05 the comparison, in the "
        "area; 02 the pay gap; 03 growth; 07 where they work; 06 the return on training) "
        "and write one self-contained HTML file: a table of contents, one header naming "
        "every release, charts embedded, code hidden, every source listed. Codes and area "
        "are checked first; a part that cannot be drawn for the pair says why.",
    )
    _pair_and_area(r)
    r.add_argument(
        "--sections",
        nargs="+",
        choices=list(REPORT_SECTIONS),
        metavar="SECTION",
        help=f"the sections to render, in the report's order: {_one_of(list(REPORT_SECTIONS))} "
        "(default: all)",
    )
    training = r.add_argument_group(
        "return on training",
        "Defaults: for the article's pair, its sourced values; for any other pair, the "
        "years BLS's typical entry education implies and no cost, which the section's "
        "first sentence says.",
    )
    for name, what in (
        ("cost-a", "A's training cost, whole program, US dollars"),
        ("cost-b", "B's training cost, whole program, US dollars"),
        ("years-a", "A's years of full-time training"),
        ("years-b", "B's years of full-time training"),
    ):
        training.add_argument(f"--{name}", type=float, metavar="N", help=what)
    r.add_argument(
        "--out",
        type=Path,
        default=Path("report.html"),
        metavar="FILE",
        help="the HTML file to write (default: report.html); - writes it to standard output",
    )
    r.set_defaults(func=_report)


def _add_fetch(sub: argparse._SubParsersAction) -> None:
    """The ``fetch`` command."""
    from ..ingest import fetch  # constants only: it imports nothing heavy

    f = sub.add_parser(
        "fetch-oews",
        help="download BLS's current OEWS flat files",
        description="Download BLS's OEWS time-series flat files into DIR, "
        "verified, all or nothing. BLS refuses requests whose User-Agent names "
        "no contact: give one with --contact or CAREERSTATS_CONTACT.",
    )
    f.add_argument("dir", type=Path, metavar="DIR", help="folder to download into")
    f.add_argument(
        "--contact", help="e-mail address for the User-Agent (default: $CAREERSTATS_CONTACT)"
    )
    f.add_argument(
        "--accept-new-release",
        action="store_true",
        help="accept files whose SHA-256 differs from the ones datapackage.json records "
        "(a new BLS release); without it such a download is refused and nothing is written",
    )
    f.add_argument(
        "--max-size",
        type=_positive_number,
        metavar="MB",
        help=f"largest file accepted, MB (default: {fetch.SIZE_FACTOR} times the size "
        f"datapackage.json records for each file; {fetch.DEFAULT_MAX_MB:,} MB for a file it "
        "records none for)",
    )
    f.add_argument(
        "--deadline",
        type=_positive_number,
        default=fetch.DEFAULT_DEADLINE,
        metavar="SECONDS",
        help="give up when the whole download takes longer (default: %(default)g)",
    )
    f.add_argument(
        "--min-rate",
        type=_positive_number,
        default=fetch.DEFAULT_MIN_RATE_KBPS,
        metavar="KB/S",
        help=f"give up when less arrives over {fetch.RATE_WINDOW:g} seconds (default: "
        "%(default)g KB/s)",
    )
    f.add_argument(
        "--base-url",
        default=None,
        metavar="URL",
        help=f"where BLS's flat files are (default: {fetch.BASE_URL}); for a mirror",
    )
    f.set_defaults(func=_fetch)


def parser() -> argparse.ArgumentParser:
    """The command line's grammar: occupations are positional in every command, ``--top N``
    limits rows, ``--format`` chooses the output and ``--out`` is a file (a folder for
    ``charts`` alone)."""
    p = _Parser(
        prog="careerstats",
        description="Reproducible comparisons of U.S. occupations from BLS's own files.",
    )
    p.add_argument("--version", action=_Version, help="print careerstats' version and exit")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_charts(sub)
    _add_build_data(sub)
    _add_compare(sub)
    _add_history(sub)
    _add_rank(sub)
    _add_industries(sub)
    _add_requirements(sub)
    _add_trace(sub)
    _add_report(sub)
    _add_fetch(sub)
    return p
