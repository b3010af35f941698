"""``careerstats report``: the full analysis of any pair, as one self-contained HTML file.

The report runs five notebooks for the pair, in one kernel, in this order (its sections):
05 (the comparison), 02 (the pay gap), 03 (growth), 07 (where they work) and 06 (the return
on training). The codes and the area are checked before anything runs (an unknown one is
an error with close matches, and no file is written). Each notebook gets the pair after
its ``parameters`` cell (papermill's convention); cells tagged ``report-remove`` (how to
use a notebook, its live picker) are left out. A part that cannot be drawn for the pair
(no projection for a code, no industry rows) is replaced by one line saying why; the
rest is drawn. The page has a table of contents, one header naming every release it
reads, and one footer with every source; the code is hidden, every chart embedded, and
the page loads nothing from the network.
"""

from __future__ import annotations

import html
import os
import re
import shlex
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .. import paths, staging
from ..analysis.compare import compare
from ..errors import CareerStatsError
from ..extras import require
from ..measures import REPORT_SECTIONS
from ..occupations import is_article_pair
from ..tables.datapackage import resource
from ..tables.store import Tables

NOTEBOOK = paths.REPORT_NOTEBOOK
#: The tables each section reads (the comparison's area table is added by area).
SECTION_TABLES = {
    "compare": ("oews_national", "projections", "oews_industry", "cpi"),
    "pay": ("oews_national", "oews_state", "oews_metro", "cpi", "price_parities", "areas"),
    "growth": ("projections",),
    "industries": ("oews_industry",),
    "training": ("oews_national", "cpi", "projections"),
    "requirements": ("requirements", "projections"),
}
#: The tables a section reads for the article's pair only.
ARTICLE_TABLES = {
    "pay": ("licensure",),
    "industries": ("article_lists",),
    "training": ("program_charges",),
    "requirements": ("article_requirement_claims",),
}
#: The training assumptions a user may give the report (notebook 06's parameters).
TRAINING_OPTIONS = ("cost_a", "cost_b", "years_a", "years_b")
_STYLE = """
body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; max-width: 64rem;
       margin: 2rem auto; padding: 0 1rem; color: #222; line-height: 1.45; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.9rem;
        display: block; max-width: 100%; overflow-x: auto; }
th, td { border-bottom: 1px solid #ddd; padding: 0.25rem 0.6rem; text-align: right;
         vertical-align: top; overflow-wrap: break-word; }
th { background: #f4f4f4; }
img { max-width: 100%; height: auto; }
a, code { overflow-wrap: anywhere; }
pre { white-space: pre-wrap; }
.jp-InputArea, .jp-InputPrompt, .jp-OutputPrompt { display: none; }
header { border-bottom: 1px solid #ddd; padding-bottom: 0.5rem; font-size: 0.85rem;
         color: #555; }
nav.contents { font-size: 0.9rem; border-bottom: 1px solid #ddd; }
nav.contents ol ol { font-size: 0.85rem; }
section + section { border-top: 2px solid #ccc; margin-top: 2rem; }
footer { margin-top: 2rem; border-top: 1px solid #ddd; font-size: 0.8rem; color: #555; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; color: #000; }
  header, footer { color: #000; }
  nav.contents { break-after: page; }
  img, table, figure { break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; }
  table { display: table; overflow: visible; }
  footer a[href]::after { content: " <" attr(href) ">"; }
}
"""
#: Cells the report leaves out: instructions for the notebook and its live picker.
REPORT_REMOVE_TAG = "report-remove"
#: A part (a level-2 heading and what follows) about the article's pair alone: its
#: claims, settings or programs. The report leaves it out for any other pair.
ARTICLE_ONLY_TAG = "article-pair-only"
#: Where each cell of the assembled notebook comes from (its section) and which part of
#: it (the heading it follows) it belongs to.
_SECTION, _PART = "careerstats_section", "careerstats_part"


def _parameter_names(source: str) -> list[str]:
    return re.findall(r"^(\w+) = ", source, re.M)


def _assemble(sections: Iterable[str], values: Mapping[str, Any]):
    """One notebook of the chosen sections' cells, each section's parameters set from
    ``values`` (the names its parameters cell defines), outputs cleared."""
    import nbformat

    cells: list[Any] = []
    article = is_article_pair(values["soc_a"], values["soc_b"])
    for key in sections:
        nb = nbformat.read(paths.NOTEBOOKS_DIR / REPORT_SECTIONS[key], as_version=4)
        part, skipping = 0, False
        for cell in nb.cells:
            tags = cell.get("metadata", {}).get("tags", [])
            if cell.cell_type == "markdown" and cell.source.startswith("## "):
                skipping = ARTICLE_ONLY_TAG in tags and not article
            if REPORT_REMOVE_TAG in tags or skipping:
                continue
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = [], None
            elif cell.source.startswith("## "):  # a part of the section begins
                part += 1
            cell.metadata.update({_SECTION: key, _PART: part})
            cell["id"] = f"{key}-{cell.get('id', len(cells))}"  # unique across the notebooks
            cells.append(cell)
            if "parameters" in tags:
                names = _parameter_names(cell.source)
                given = {k: v for k, v in values.items() if k in names}
                source = "\n".join(f"{k} = {v!r}" for k, v in given.items())
                injected = nbformat.v4.new_code_cell(
                    source, metadata={"tags": ["injected-parameters"], _SECTION: key, _PART: part}
                )
                injected["id"] = f"injected-{key}"  # fixed: the same inputs give the same bytes
                cells.append(injected)
    first = nbformat.read(paths.NOTEBOOKS_DIR / REPORT_SECTIONS["compare"], as_version=4)
    return nbformat.v4.new_notebook(cells=cells, metadata=first.metadata)


#: A kernel's connection file and IPC sockets live in a private folder, removed when the
#: report ends; one left by a killed report is swept by the next.
_RUNTIME_PREFIX = "careerstats-report-"
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def _why(error: Any) -> str:
    """A failed cell's reason in one line: careerstats' own message, else the error."""
    ename = _ANSI.sub("", str(getattr(error, "ename", "") or ""))
    evalue = _ANSI.sub("", str(getattr(error, "evalue", "") or error)).strip()
    line = evalue.splitlines()[-1] if evalue else ename
    own = ename.endswith(("CareerStatsError", "UnknownCodeError", "NotPublishedError"))
    return line if own else f"{ename}: {line}"


def _run_cells(client: Any, nb: Any) -> dict[tuple[str, int], str]:
    """Run every cell; a failing one marks its part (or, before the first part heading,
    its whole section) as not drawn, and the rest of that part is skipped."""
    from nbclient.exceptions import CellExecutionError

    failed: dict[tuple[str, int], str] = {}
    for index, cell in enumerate(nb.cells):
        key, part = cell.metadata[_SECTION], cell.metadata[_PART]
        if cell.cell_type != "code" or (key, part) in failed or (key, 0) in failed:
            continue
        try:
            client.execute_cell(cell, index)
        except CellExecutionError as error:
            failed[(key, part)] = _why(error)
    return failed


def _execute(nb, data_dir: Path | None, timeout: int) -> dict[tuple[str, int], str]:
    """Run ``nb`` in one kernel whose files stay in a private folder; returns the parts
    that could not be drawn, with why."""
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient

    staging.sweep(Path(tempfile.gettempdir()), _RUNTIME_PREFIX)
    env = dict(os.environ)
    if data_dir is not None:
        env["CAREERSTATS_DATA"] = str(Path(data_dir).absolute())
    runtime = staging.new(Path(tempfile.gettempdir()), _RUNTIME_PREFIX)
    try:
        km = KernelManager(kernel_name="python3", connection_file=str(runtime / "kernel.json"))
        client = NotebookClient(
            nb, km=km, timeout=timeout, resources={"metadata": {"path": str(NOTEBOOK.parent)}}
        )
        # The kernel runs from a worker thread, so Ctrl-C reaches this thread as a plain
        # KeyboardInterrupt (nbclient installs no signal handlers outside the main thread);
        # the kernel is then shut down here, and nothing is left running.
        outcome: list[Any] = []

        def work() -> None:
            try:
                with client.setup_kernel(
                    env=env, cwd=str(NOTEBOOK.parent), stderr=subprocess.DEVNULL
                ):
                    outcome.append(_run_cells(client, nb))
            except BaseException as e:
                outcome.append(e)

        worker = threading.Thread(target=work, name="careerstats-report", daemon=True)
        worker.start()
        try:
            while worker.is_alive():
                worker.join(0.1)
        except BaseException:
            km.shutdown_kernel(now=True)
            worker.join(30)
            raise
        if isinstance(outcome[0], BaseException):
            raise outcome[0]
        failed: dict[tuple[str, int], str] = outcome[0]
        return failed
    finally:
        shutil.rmtree(runtime, ignore_errors=True)


def _mark_missing(nb, failed: Mapping[tuple[str, int], str]) -> None:
    """Replace each part that could not be drawn by its heading and one line saying why."""
    import nbformat

    kept = []
    for (key, part), cells in _parts(nb.cells).items():
        if (key, part) not in failed and (key, 0) not in failed:
            kept.extend(cells)
            continue
        if part != 0 and (key, 0) in failed:
            continue  # the whole section is one line, under its title
        heading = next(
            (
                c.source.splitlines()[0]
                for c in cells
                if c.cell_type == "markdown" and c.source.startswith("#")
            ),
            "## " + key,
        )
        line = nbformat.v4.new_markdown_cell(
            f"{heading}\n\n*Not drawn for this pair: {failed[(key, part)]}*",
            metadata={_SECTION: key, _PART: part},
        )
        line["id"] = f"missing-{key}-{part}"
        kept.append(line)
    nb.cells = kept


def _parts(cells: list) -> dict[tuple[str, int], list]:
    out: dict[tuple[str, int], list] = {}
    for cell in cells:
        out.setdefault((cell.metadata[_SECTION], cell.metadata[_PART]), []).append(cell)
    return out


def rerun_command(
    soc_a: str,
    soc_b: str,
    area: str,
    sections: Iterable[str] | None = None,
    training: Mapping[str, float | None] | None = None,
) -> str:
    """The command that makes the same report, quoted for a POSIX shell."""
    words = ["careerstats", "report", soc_a, soc_b, "--area", str(area)]
    chosen = list(sections or [])
    if chosen and chosen != list(REPORT_SECTIONS):
        words += ["--sections", *chosen]
    for name, value in (training or {}).items():
        if value is not None:
            words += [f"--{name.replace('_', '-')}", f"{value:g}"]
    return shlex.join(words)


def check_sections(sections: Iterable[str] | None) -> list[str]:
    """The chosen sections in the report's order (all by default); an unknown one is an
    error naming the choices."""
    chosen = list(REPORT_SECTIONS) if sections is None else list(dict.fromkeys(sections))
    unknown = [s for s in chosen if s not in REPORT_SECTIONS]
    if unknown or not chosen:
        raise CareerStatsError(
            f"report sections {', '.join(unknown) or '(none)'}: expected any of "
            + ", ".join(REPORT_SECTIONS)
        )
    return [s for s in REPORT_SECTIONS if s in chosen]


def check_training(training: Mapping[str, float | None] | None) -> dict[str, float | None]:
    """The training costs (US dollars, 0 or more) and years (0 to 20) a user gives."""
    given = dict(training or {})
    unknown = [k for k in given if k not in TRAINING_OPTIONS]
    problems = [f"{k}: not a training option" for k in unknown]
    for name, value in given.items():
        if value is None or name in unknown:
            continue
        limit = 20 if name.startswith("years") else 10_000_000
        if not isinstance(value, int | float) or not 0 <= value <= limit:
            problems.append(f"{name} {value!r}: expected a number from 0 to {limit:,}")
    if problems:
        raise CareerStatsError("report: " + "; ".join(problems))
    return {k: (None if v is None else float(v)) for k, v in given.items()}


_HEADING = re.compile(r'<h([12]) id="([^"]+)">(.*?)<a class="anchor-link"', re.S)


def _section_html(nb, key: str) -> str:
    """One section's cells as HTML, its heading ids prefixed with the section's name (two
    notebooks may share a heading)."""
    import nbformat
    from nbconvert import HTMLExporter

    part = nbformat.v4.new_notebook(
        cells=[c for c in nb.cells if c.metadata[_SECTION] == key], metadata=nb.metadata
    )
    exporter = HTMLExporter(
        template_name="basic",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        anchor_link_text="",
    )
    body, _ = exporter.from_notebook_node(part)
    body = re.sub(r"<script\b[^>]*\bsrc=[^>]*>\s*</script>", "", body)  # nothing remote
    body = re.sub(r'(<h[1-6] id=")', rf"\g<1>{key}-", body)
    body = body.replace('class="anchor-link" href="#', f'class="anchor-link" href="#{key}-')
    return f'<section id="section-{key}">{body}</section>'


def _contents(parts: Mapping[str, str]) -> str:
    """The table of contents: each section's title (its first heading) and its parts
    (its level-2 headings) beneath."""
    items = []
    for body in parts.values():
        found = _HEADING.findall(body)
        if not found:
            continue
        links = [
            f'<a href="#{anchor}">{re.sub(r"<[^>]+>", "", text).strip()}</a>'
            for _, anchor, text in found
        ]
        children = "".join(
            f"<li>{link}</li>"
            for (level, _, _), link in zip(found[1:], links[1:], strict=True)
            if level == "2"
        )
        items.append(f"<li>{links[0]}" + (f"<ul>{children}</ul>" if children else "") + "</li>")
    return f'<nav class="contents"><h2>Contents</h2><ol>{"".join(items)}</ol></nav>'


def _tables(sections: list[str], area_type: str, article: bool) -> list[str]:
    chosen: list[str] = []
    for key in sections:
        chosen += SECTION_TABLES[key] + (ARTICLE_TABLES.get(key, ()) if article else ())
        if key == "compare" and area_type in ("state", "metro"):
            chosen += [f"oews_{area_type}", "price_parities"]
    return list(dict.fromkeys(chosen))


def _releases_and_sources(
    result: Mapping[str, Any], tables: list[str], descriptor: dict
) -> tuple[list[str], list[dict]]:
    """The releases the report reads (each table's title, as the data package names it)
    and every source: the comparison's own (with any edited copy), then each table's."""
    releases = [f"OEWS {result['release']} ({result['area']['area_title']})"]
    sources = list(result["sources"])
    for table in tables:
        found = resource(descriptor, table)
        releases.append(str(found.get("title", table)))
        for s in found["sources"]:
            record = {"title": s["title"], "path": s["path"], "release": s["release"]}
            if record not in sources:
                sources.append(record)
    return list(dict.fromkeys(releases)), sources


def _source_item(s: Mapping[str, Any]) -> str:
    where = (
        f"<code>{html.escape(s['path'])}</code>"
        if s.get("edited") or not str(s["path"]).startswith(("http:", "https:"))
        else f'<a href="{html.escape(s["path"])}">{html.escape(s["path"])}</a>'
    )
    return f"<li>{html.escape(s['title'])} ({html.escape(s['release'])}): {where}</li>"


def render(
    soc_a: str,
    soc_b: str,
    area: str = "US",
    timeout: int = 600,
    data_dir: Path | None = None,
    sections: Iterable[str] | None = None,
    training: Mapping[str, float | None] | None = None,
) -> str:
    """Run the chosen sections' notebooks for the pair and return the report's HTML.

    Every string from the data or the arguments is HTML-escaped in the title, header and
    footer, and escaped by :mod:`~careerstats.present.narrative` where it passes through
    Markdown; tables are escaped by pandas. The rerun command in the footer is
    shell-quoted.
    """
    require("report")
    data = Tables(data_dir)
    chosen = check_sections(sections)
    given = check_training(training)
    result = compare(soc_a, soc_b, area=area, data=data)  # checks codes and area
    a, b = (o["soc_code"] for o in result["occupations"])
    nb = _assemble(chosen, {"soc_a": a, "soc_b": b, "area": area, **given})
    _mark_missing(nb, _execute(nb, data_dir, timeout))
    parts = {key: _section_html(nb, key) for key in chosen}
    article = is_article_pair(a, b)
    tables = _tables(chosen, result["area"]["area_type"], article)
    releases, sources = _releases_and_sources(result, tables, data.descriptor())
    return _page(result, parts, releases, sources, rerun_command(a, b, area, chosen, given))


def _page(
    result: Mapping[str, Any],
    parts: Mapping[str, str],
    releases: list[str],
    sources: list[dict],
    rerun: str,
) -> str:
    first, second = result["occupations"]
    title = html.escape(
        f"{first['occupation_title']} vs {second['occupation_title']}: "
        f"{result['area']['area_title']}"
    )
    built = built_date()
    edited = "".join(
        f"<p><strong>Edited data:</strong> {html.escape(s['note'])}</p>"
        for s in sources
        if s.get("edited")
    )
    header = (
        f"<header><strong>careerstats report</strong>: {title}. Releases and tables read: "
        f"{html.escape('; '.join(releases))}. Built {built}.{edited}</header>"
    )
    footer = (
        f"<footer><p>Sources:</p><ul>{''.join(_source_item(s) for s in sources)}</ul>"
        f"<p>Built {built} by careerstats {html.escape(paths.careerstats_version())} from "
        "BLS's own files (and BEA's price parities, NCES's program charges and the "
        "article's text where a section uses them). Code hidden; every figure is "
        f"reproducible with <code>{html.escape(rerun)}</code>.</p></footer>"
    )
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title} (careerstats)</title><style>{_STYLE}</style></head><body>"
        f"{header}{_contents(parts)}<main>{''.join(parts.values())}</main>{footer}"
        "</body></html>\n"
    )


def built_date() -> str:
    """The report's date: ``SOURCE_DATE_EPOCH`` (reproducible builds) or today, UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (
        datetime.fromtimestamp(int(epoch), tz=UTC)
        if epoch and epoch.isdigit()
        else datetime.now(UTC)
    )
    return moment.strftime("%Y-%m-%d")


def write_report(
    soc_a: str,
    soc_b: str,
    out: Path,
    area: str = "US",
    data_dir: Path | None = None,
    sections: Iterable[str] | None = None,
    training: Mapping[str, float | None] | None = None,
) -> dict:
    """Render the report and write it to ``out`` whole or not at all, with the user's
    umask (:func:`~careerstats.paths.write_atomic`: a regular file or a new name in an
    existing folder; a symlink's regular-file target; never a device or a folder).
    Returns its path, size and seconds."""
    require("report")
    paths.check_output_file(Path(out))
    started = time.perf_counter()
    text = render(soc_a, soc_b, area, data_dir=data_dir, sections=sections, training=training)
    written = paths.write_atomic(Path(out), text)
    return {
        "path": str(out),
        "bytes": written.stat().st_size,
        "seconds": round(time.perf_counter() - started, 1),
    }
