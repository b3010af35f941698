"""JupyterLab, for real: start `jupyter lab` on 127.0.0.1 with the project's environment,
open every notebook in headless Chromium (Debian's package), run every cell, and check
what a reader sees: a key figure formatted, the charts drawn, no error, and no table
showing a raw column name (``gap_usd``) or float (``45690.0``). A screenshot of each goes
to screenshots/ (gitignored): ``jupyterlab-<notebook>.png``.

Needs /usr/bin/chromium: `.ci/run` installs it. Elsewhere the test is skipped, except
under CI=true, where a missing browser is a failure.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from careerstats import paths
from conftest import SHOTS, launch_chromium, require_chromium

pytestmark = pytest.mark.browser

NOTEBOOKS = sorted((paths.ROOT / "notebooks").glob("*.ipynb"))
#: A figure each notebook shows formatted once it has run (BLS, May 2025 and EP 2024-34,
#: national, for the article's pair; the article's own figures in notebook 01).
SHOWN = {
    "01-side-by-side": "+$18,720",
    "02-pay-gap": "+$17,240",
    "03-growth": "811,000 jobs",
    "04-credentials-and-licensure": "60 months",
    "05-compare-any-pair": "$45,690",
    "06-return-on-training": "4.7 years",
    "07-where-they-work": "62 Health Care and Social Assistance",
    "08-requirements": "70.1% (58.4 to 81.8)",
}
require_chromium()


PICKER_SOURCE = paths.ROOT / "notebooks" / "05-compare-any-pair.ipynb"
PICKER = "05-picker.ipynb"


def picker_notebook():
    """Notebook 05's parameters, set-up and live-picker cells, as they are in notebook 05
    (the rest of it is what nbval runs)."""
    import nbformat

    nb = nbformat.read(PICKER_SOURCE, as_version=4)
    tags = [c.get("metadata", {}).get("tags", []) for c in nb.cells]
    keep = [
        c
        for c, t in zip(nb.cells, tags, strict=True)
        if c.cell_type == "code"
        and ("parameters" in t or "setup_notebook()" in c.source or "comparison_picker" in c.source)
    ]
    assert len(keep) == 3, "notebook 05 should have its parameters, set-up and picker cells"
    for cell in keep:
        cell.outputs, cell.execution_count = [], None
    nb.cells = keep
    nb.metadata.pop("widgets", None)
    return nb


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on 127.0.0.1 serving a copy of every notebook without outputs
    (notebook 05 without its live picker, which has a test of its own)."""
    import nbformat

    root = tmp_path_factory.mktemp("lab")
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        nb.cells = [c for c in nb.cells if "comparison_picker" not in c.source]
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = [], None
        nbformat.write(nb, root / path.name)
    nbformat.write(picker_notebook(), root / PICKER)
    port, token = _free_port(), secrets.token_hex(16)
    settings = root / ".lab-settings"
    for plugin, values in {
        # render every cell (no virtual scrolling), so the screenshot shows real outputs
        "notebook-extension/tracker": {"windowingMode": "none"},
        # no news pop-up (and no request for it)
        "apputils-extension/notification": {"fetchNews": "false"},
    }.items():
        target = settings / "@jupyterlab" / f"{plugin}.jupyterlab-settings"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values))
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(root / ".jupyter"),
        "JUPYTER_RUNTIME_DIR": str(root / ".runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(settings),
    }
    log = (root / "lab.log").open("w")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyterlab",
            "--no-browser",
            "--allow-root",
            "--ip=127.0.0.1",
            f"--port={port}",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={root}",
            "--ServerApp.open_browser=False",
            "--LabApp.news_url=",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as r:
                    json.load(r)
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError((root / "lab.log").read_text()[-3000:]) from None
                time.sleep(0.3)
        yield base, token, root
    finally:
        try:
            req = urllib.request.Request(f"{base}/api/shutdown?token={token}", method="POST")
            urllib.request.urlopen(req, timeout=5).close()
        except OSError:
            pass
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=5)
        log.close()


def _frames(text: str) -> str:
    """The lines of a traceback that say where it went wrong (for a failure message)."""
    keep = [
        line
        for line in text.splitlines()
        if line.startswith(("File ", "Cell ")) or "Error" in line or line.lstrip().startswith("--")
    ]
    return "\n".join(keep[:60]) or text[-3000:]


def _open(page, url: str):
    """Open a notebook in JupyterLab and wait until its kernel is up and idle (status bar),
    so that running it does not race the kernel's start."""
    from playwright.sync_api import expect

    page.goto(url)
    notebook = page.locator(".jp-NotebookPanel")
    expect(notebook).to_be_visible(timeout=120_000)
    expect(page.get_by_text("Python 3 (ipykernel) | Idle")).to_be_visible(timeout=180_000)
    return notebook


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_notebook_runs_in_jupyterlab_as_a_reader_sees_it(lab, notebook):
    from playwright.sync_api import expect, sync_playwright

    from test_notebook_outputs import RAW_FLOAT, RAW_NAME

    base, token, root = lab
    SHOTS.mkdir(exist_ok=True)
    started = time.monotonic()
    with sync_playwright() as p:
        browser = launch_chromium(p)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        try:
            # each notebook in a workspace of its own: no other notebook's tab reopens
            panel = _open(
                page,
                f"{base}/lab/workspaces/{notebook.stem}/tree/{notebook.name}?reset&token={token}",
            )
            outputs = panel.locator(".jp-OutputArea-output")
            assert outputs.count() == 0, "the copy should start without outputs"
            page.get_by_role("menuitem", name="Run", exact=True).click()
            page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
            # the last code cell has run, and no cell is still queued or running ("[*]")
            last = panel.locator(".jp-CodeCell").last.locator(".jp-InputPrompt")
            expect(last).to_have_text(re.compile(r"\[\d+\]"), timeout=300_000)
            expect(panel.locator(".jp-InputPrompt", has_text="[*]")).to_have_count(0)
            errors = panel.locator(
                ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
            )
            assert errors.count() == 0, errors.all_inner_texts()[:3]
            shown = "\n".join(outputs.all_inner_texts())
            assert "Traceback" not in shown
            raw = [m.group(0) for m in (*RAW_NAME.finditer(shown), *RAW_FLOAT.finditer(shown))]
            assert raw == [], f"raw column names or floats shown: {raw[:10]}"
            figure = panel.locator(".jp-OutputArea-output", has_text=SHOWN[notebook.stem])
            expect(figure.first).to_be_visible()
            images = panel.locator(".jp-OutputArea-output img")
            assert images.count() >= 1
            assert images.first.evaluate("img => img.naturalWidth") > 300
            figure.first.scroll_into_view_if_needed()
            page.wait_for_timeout(500)
            page.screenshot(path=str(SHOTS / f"jupyterlab-{notebook.stem}.png"))
        except Exception as error:  # keep what a person would need to see why
            page.screenshot(path=str(SHOTS / f"jupyterlab-{notebook.stem}-failure.png"))
            log = (root / "lab.log").read_text()[-4000:]
            raise AssertionError(f"{error}\n--- jupyter lab log (tail) ---\n{log}") from None
        finally:
            browser.close()
    print(f"{notebook.stem}: {time.monotonic() - started:.1f} s in Chromium")


def test_notebook_05_picker_redraws_for_a_typed_pair_and_area(lab):
    """Type a code for occupation B, pick an area, and the table shows BLS's values for
    that pair and area, redrawn in place."""
    from playwright.sync_api import expect, sync_playwright

    base, token, root = lab
    SHOTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = launch_chromium(p)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        try:
            # its own workspace, reset: JupyterLab must not reopen notebook 01's tab here
            notebook = _open(
                page, f"{base}/lab/workspaces/picker/tree/{PICKER}?reset&token={token}"
            )
            page.get_by_role("menuitem", name="Run", exact=True).click()
            page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
            expect(page.locator(".jp-NotebookPanel")).to_have_count(1)
            status = notebook.locator(".widget-html", has_text="OEWS May 2025").first
            expect(status).to_contain_text("Clinical Laboratory Technologists", timeout=300_000)
            # the first drawing is done (the status is set last) and the cell has finished
            expect(notebook.locator(".jp-InputPrompt", has_text="[*]")).to_have_count(
                0, timeout=120_000
            )
            second = notebook.locator(".widget-text", has_text="Occupation B").locator("input")
            second.fill("31-9097")
            second.press("Enter")
            expect(status).to_contain_text("Phlebotomists", timeout=120_000)
            place = notebook.locator(".widget-text", has_text="Area").locator("input")
            place.fill("TX")
            place.press("Enter")
            expect(status).to_contain_text("Texas", timeout=120_000)
            # BLS, OEWS May 2025, Texas: 12,820 phlebotomists; their median $40,450
            table = notebook.locator(".widget-output", has_text="Number employed (Texas")
            expect(table.first).to_contain_text("12,820", timeout=120_000)
            expect(table.first).to_contain_text("$40,450")
            # the two charts, redrawn below the table (the only images in this notebook)
            expect(notebook.locator("img").nth(1)).to_be_attached(timeout=120_000)
            table.first.scroll_into_view_if_needed()
            page.wait_for_timeout(500)
            page.screenshot(path=str(SHOTS / "jupyterlab-05-picker.png"))
        except Exception as error:
            page.screenshot(path=str(SHOTS / "jupyterlab-picker-failure.png"))
            shown = "\n".join(notebook.locator(".jp-OutputArea-output").all_inner_texts())
            log = (root / "lab.log").read_text()[-2000:]
            raise AssertionError(
                f"{error}\n--- outputs ---\n{_frames(shown)}\n--- lab log ---\n{log}"
            ) from None
        finally:
            browser.close()
