"""``careerstats report``: notebook 05 run for any pair, as one self-contained HTML file.

The codes and the area are checked before anything runs (an unknown one is an error with
close matches, and no file is written). The notebook is executed with the pair injected
after its ``parameters`` cell (papermill's convention), then exported with code hidden
and every chart embedded; the page loads nothing from the network.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path

from .. import paths
from ..analysis.compare import compare
from ..errors import CareerStatsError

NOTEBOOK = paths.ROOT / "notebooks" / "05-compare-any-pair.ipynb"
_STYLE = """
body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; max-width: 60rem;
       margin: 2rem auto; padding: 0 1rem; color: #222; line-height: 1.45; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
th, td { border-bottom: 1px solid #ddd; padding: 0.25rem 0.6rem; text-align: right; }
th { background: #f4f4f4; }
img { max-width: 100%; height: auto; }
.jp-InputArea, .jp-InputPrompt, .jp-OutputPrompt { display: none; }
footer { margin-top: 2rem; font-size: 0.8rem; color: #666; }
"""


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
    nb.cells.insert(index + 1, cell)


def render(soc_a: str, soc_b: str, area: str = "US", timeout: int = 600) -> str:
    """Run notebook 05 for the pair and return the report's HTML."""
    import nbformat
    from nbclient import NotebookClient
    from nbconvert import HTMLExporter

    result = compare(soc_a, soc_b, area=area)  # validates the codes and the area first
    a, b = (o["soc_code"] for o in result["occupations"])
    nb = nbformat.read(NOTEBOOK, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    _inject(nb, {"soc_a": a, "soc_b": b, "area": area})
    NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOK.parent)}},
    ).execute()
    exporter = HTMLExporter(
        template_name="basic",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        anchor_link_text="",
    )
    body, _ = exporter.from_notebook_node(nb)
    body = re.sub(r"<script\b[^>]*\bsrc=[^>]*>\s*</script>", "", body)  # nothing remote
    title = (
        f"{result['occupations'][0]['occupation_title']} vs "
        f"{result['occupations'][1]['occupation_title']}: {result['area']['area_title']}"
    )
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{title} (careerstats)</title><style>{_STYLE}</style></head><body>"
        f"{body}<footer>Made by careerstats from BLS's own files: OEWS "
        f"{result['release']} and Employment Projections. Code hidden; every figure is "
        f"reproducible with <code>careerstats report {a} {b} --area {area!s}</code>."
        f"</footer></body></html>\n"
    )


def write_report(soc_a: str, soc_b: str, out: Path, area: str = "US") -> dict:
    """Render the report and write it to ``out`` atomically. Returns size and seconds."""
    out = Path(out)
    started = time.perf_counter()
    html = render(soc_a, soc_b, area)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(html)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return {
        "path": str(out),
        "bytes": out.stat().st_size,
        "seconds": round(time.perf_counter() - started, 1),
    }
