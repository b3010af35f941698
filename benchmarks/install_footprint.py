"""What installing careerstats costs a user: the wheel, with no extra and with each, into
a fresh virtual environment by pip, from the package index, with pip's cache off.

    .venv/bin/python benchmarks/install_footprint.py [--only core,report,...] [--wheel W]

Builds the wheel (unless --wheel is given), then for each variant makes a new venv in a
temporary folder and times ``pip install --no-cache-dir 'careerstats.whl[EXTRA]'`` (the
whole process; the download is part of what a user waits for, so the time depends on the
network). Size is the venv's bytes on disk minus those of an empty venv; the data package
the wheel carries is counted in every variant. Prints one line per variant, and the
distributions each extra adds to the core.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VARIANTS = {
    "core": "",
    "report": "[report]",
    "lab": "[lab]",
    "build": "[build]",
    "all": "[report,lab,build]",
}


def _size(folder: Path) -> int:
    total = 0
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(dirpath) / name
            if not path.is_symlink():
                total += path.stat().st_size
    return total


def _wheel(out: Path) -> Path:
    uv = ROOT / ".tools" / "bin" / "uv"
    subprocess.run([str(uv), "build", "--wheel", "-q", "-o", str(out), str(ROOT)], check=True)
    return next(out.glob("careerstats-*.whl"))


def _install(wheel: Path, extra: str, base: Path) -> tuple[float, int, set[str]]:
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", "-U", "pip"],
        check=True,
    )
    empty = _size(venv)
    started = time.perf_counter()
    subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "-q",
            "--no-cache-dir",
            "--disable-pip-version-check",
            f"{wheel}{extra}",
        ],
        check=True,
    )
    seconds = time.perf_counter() - started
    listed = subprocess.run(
        [str(python), "-m", "pip", "list", "--format=freeze", "--disable-pip-version-check"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return seconds, _size(venv) - empty, {line.split("==")[0].lower() for line in listed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", default=",".join(VARIANTS))
    parser.add_argument("--wheel", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel or _wheel(Path(tmp) / "dist")
        print(f"wheel: {wheel.name}, {wheel.stat().st_size / 1e6:.1f} MB")
        found = {}
        for name in args.only.split(","):
            with tempfile.TemporaryDirectory() as base:
                seconds, size, dists = _install(wheel, VARIANTS[name], Path(base))
            found[name] = dists
            added = ""
            if name != "core" and "core" in found:
                more = sorted(dists - found["core"])
                added = f"; adds {len(more)} distributions to the core"
            print(
                f"{name:7s} pip install careerstats{VARIANTS[name]}: {seconds:6.1f} s, "
                f"{size / 1e6:6.1f} MB, {len(dists)} distributions{added}",
                flush=True,
            )
        if "core" in found:
            print("core distributions: " + ", ".join(sorted(found["core"])))


if __name__ == "__main__":
    main()
