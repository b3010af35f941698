"""``careerstats report``: notebook 05 run for any pair, as one self-contained HTML file.

The codes and the area are checked before anything runs (an unknown one is an error with
close matches, and no file is written). The notebook is executed with the pair injected
after its ``parameters`` cell (papermill's convention), then exported with code hidden
and every chart embedded; the page loads nothing from the network.
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
from datetime import UTC, datetime
from pathlib import Path

from .. import paths, staging
from ..analysis.compare import compare
from ..errors import CareerStatsError
from ..tables.store import Tables

NOTEBOOK = paths.REPORT_NOTEBOOK
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
footer { margin-top: 2rem; border-top: 1px solid #ddd; font-size: 0.8rem; color: #555; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; color: #000; }
  header, footer { color: #000; }
  img, table, figure { break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; }
  table { display: table; overflow: visible; }
  footer a[href]::after { content: " <" attr(href) ">"; }
}
"""
#: Cells the report leaves out: instructions for the notebook and its live picker.
REPORT_REMOVE_TAG = "report-remove"


def _inject(nb, values: dict) -> None:
    import nbformat

    index = next(
        (
            i
            for i, c in enumerate(nb.cells)
            if "parameters" in c.get("metadata", {}).get("tags", [])
        ),
        None,
    )
    if index is None:
        raise CareerStatsError(f"{NOTEBOOK}: no cell tagged 'parameters'")
    source = "\n".join(f"{k} = {v!r}" for k, v in values.items())
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    cell["id"] = "injected-parameters"  # a fixed id: the same inputs give the same bytes
    nb.cells.insert(index + 1, cell)


#: A kernel's connection file and IPC sockets live in a private folder, removed when the
#: report ends; one left by a killed report is swept by the next.
_RUNTIME_PREFIX = "careerstats-report-"
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def _execute(nb, data_dir: Path | None, timeout: int) -> None:
    """Run ``nb`` in a kernel whose files stay in a private folder; a failing cell becomes
    a CareerStatsError without the kernel's coloured traceback."""
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

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
        failure: list[BaseException] = []

        def work() -> None:
            try:
                client.execute(env=env, cwd=str(NOTEBOOK.parent), stderr=subprocess.DEVNULL)
            except BaseException as e:
                failure.append(e)

        worker = threading.Thread(target=work, name="careerstats-report", daemon=True)
        worker.start()
        try:
            while worker.is_alive():
                worker.join(0.1)
        except BaseException:
            km.shutdown_kernel(now=True)
            worker.join(30)
            raise
        if failure:
            if isinstance(failure[0], CellExecutionError):
                text = _ANSI.sub("", str(failure[0]))
                lines = [line for line in text.splitlines() if line.strip()]
                raise CareerStatsError(
                    f"{paths.display(NOTEBOOK)}: a cell failed: {lines[-1] if lines else text}"
                ) from None
            raise failure[0]
    finally:
        shutil.rmtree(runtime, ignore_errors=True)


def rerun_command(soc_a: str, soc_b: str, area: str) -> str:
    """The command that makes the same report, quoted for a POSIX shell."""
    return shlex.join(["careerstats", "report", soc_a, soc_b, "--area", str(area)])


# long function: the report's page: its header, body and footer written where they are assembled
def render(
    soc_a: str, soc_b: str, area: str = "US", timeout: int = 600, data_dir: Path | None = None
) -> str:
    """Run notebook 05 for the pair and return the report's HTML.

    Every string from the data or the arguments is HTML-escaped in the title and footer,
    and escaped by :mod:`~careerstats.present.narrative` where it passes through Markdown;
    tables are escaped by pandas. The rerun command in the footer is shell-quoted.
    """
    import nbformat
    from nbconvert import HTMLExporter

    result = compare(soc_a, soc_b, area=area, data=Tables(data_dir))  # checks codes and area
    a, b = (o["soc_code"] for o in result["occupations"])
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nb.cells = [
        c for c in nb.cells if REPORT_REMOVE_TAG not in c.get("metadata", {}).get("tags", [])
    ]
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    _inject(nb, {"soc_a": a, "soc_b": b, "area": area})
    _execute(nb, data_dir, timeout)
    exporter = HTMLExporter(
        template_name="basic",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        anchor_link_text="",
    )
    body, _ = exporter.from_notebook_node(nb)
    body = re.sub(r"<script\b[^>]*\bsrc=[^>]*>\s*</script>", "", body)  # nothing remote
    first, second = result["occupations"]
    title = html.escape(
        f"{first['occupation_title']} vs {second['occupation_title']}: "
        f"{result['area']['area_title']}"
    )
    rerun = html.escape(rerun_command(a, b, area))
    cycle = (first["projection"] or second["projection"] or {}).get("cycle")
    releases = [f"OEWS {result['release']} ({result['area']['area_title']})"]
    if cycle:
        releases.append(f"Employment Projections {cycle} (national)")
    releases.append(f"OEWS industry estimates {result['industries']['release']} (national)")
    built = built_date()
    sources = "".join(
        f"<li>{html.escape(s['title'])} ({html.escape(s['release'])}): "
        + (
            f"<code>{html.escape(s['path'])}</code>"
            if s.get("edited")
            else f'<a href="{html.escape(s["path"])}">{html.escape(s["path"])}</a>'
        )
        + "</li>"
        for s in result["sources"]
    )
    edited = "".join(
        f"<p><strong>Edited data:</strong> {html.escape(s['note'])}</p>"
        for s in result["sources"]
        if s.get("edited")
    )
    header = (
        f"<header><strong>careerstats report</strong>: {title}. Releases: "
        f"{html.escape('; '.join(releases))}. Built {built}.{edited}</header>"
    )
    version = html.escape(paths.careerstats_version())
    footer = (
        f"<footer><p>Sources:</p><ul>{sources}</ul><p>Built {built} by careerstats "
        f"{version} from BLS's own files (and BEA's price parities where "
        f"an area has one). Code hidden; every figure is reproducible with "
        f"<code>{rerun}</code>.</p></footer>"
    )
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title} (careerstats)</title><style>{_STYLE}</style></head><body>"
        f"{header}<main>{body}</main>{footer}</body></html>\n"
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
    soc_a: str, soc_b: str, out: Path, area: str = "US", data_dir: Path | None = None
) -> dict:
    """Render the report and write it to ``out`` whole or not at all, with the user's
    umask (:func:`~careerstats.paths.write_atomic`: a regular file or a new name in an
    existing folder; a symlink's regular-file target; never a device or a folder).
    Returns its path, size and seconds."""
    paths.check_output_file(Path(out))
    started = time.perf_counter()
    text = render(soc_a, soc_b, area, data_dir=data_dir)
    written = paths.write_atomic(Path(out), text)
    return {
        "path": str(out),
        "bytes": written.stat().st_size,
        "seconds": round(time.perf_counter() - started, 1),
    }
