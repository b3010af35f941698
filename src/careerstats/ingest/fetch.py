"""Download BLS's current OEWS flat files, for users who are online. Verified, all or nothing.

BLS answers 403 to requests whose User-Agent names no contact, so a contact (an e-mail
address) is required: ``--contact`` or ``CAREERSTATS_CONTACT``.

Every file is downloaded into a staging folder beside the destination and checked before
anything is replaced:

- a body shorter than its Content-Length is refused; with no Content-Length, the file's
  own structure is checked instead (BLS's files end in a line end; the data file's every
  line is read by :func:`~careerstats.ingest.oews_flat.read_wide`, which refuses a cut or
  malformed line);
- each file's SHA-256 is compared with the digest the data package records for it
  (``recorded``). BLS publishes no digests for these files, so the data package's are the
  reference; a file that differs (a new release, or a damaged download) is refused unless
  the user accepts a new release.

Only then is the destination folder replaced, all at once, by the staging folder. A
destination that holds anything but BLS's flat files is refused rather than overwritten.
"""

from __future__ import annotations

import os
import re
import shutil
import urllib.error
import urllib.request
from pathlib import Path

from .. import staging
from ..errors import CareerStatsError, shown
from ..paths import sha256
from ..progress import Progress
from ..tables.sources import OEWS_FLAT_DATA_FILE, OEWS_FLAT_SMALL_FILES

BASE_URL = "https://download.bls.gov/pub/time.series/oe/"
FILES = (*OEWS_FLAT_SMALL_FILES, OEWS_FLAT_DATA_FILE)
CONTACT_ENV = "CAREERSTATS_CONTACT"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_CHUNK = 1 << 20


def user_agent(contact: str) -> str:
    from importlib.metadata import version

    return f"careerstats/{version('careerstats')} (contact: {contact})"


def _download(url: str, dest: Path, agent: str, timeout: float, progress: Progress | None) -> None:
    request = urllib.request.Request(url, headers={"User-Agent": agent})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response, dest.open("wb") as out:
            expected = response.headers.get("Content-Length")
            got = 0
            while block := response.read(_CHUNK):
                out.write(block)
                got += len(block)
                if progress:
                    total = f" of {int(expected) / 1e6:,.0f} MB" if expected else ""
                    progress(f"{dest.name}: {got / 1e6:,.0f} MB{total}")
    except urllib.error.HTTPError as e:
        hint = (
            " — BLS refuses requests whose User-Agent names no contact; check --contact"
            if e.code == 403
            else ""
        )
        raise CareerStatsError(
            f"{url}: HTTP {e.code} {e.reason}{hint}; nothing was written"
        ) from None
    except (urllib.error.URLError, TimeoutError, OSError) as e:
        raise CareerStatsError(f"{url}: download failed ({e}); nothing was written") from None
    size = dest.stat().st_size
    if expected is not None and int(expected) != size:
        raise CareerStatsError(
            f"{url}: got {size:,} of {int(expected):,} bytes — expected the whole file "
            "(connection cut?); nothing was written"
        )


def _check_structure(stage: Path, base: str) -> None:
    """The files as BLS writes them: each ends in a line end, the small files parse, and
    every line of the data file is whole (a download cut at any byte fails here)."""
    from .oews_flat import read_release, read_wide

    for name in FILES:
        data = (stage / name).read_bytes()[-2:]
        if not data.endswith(b"\n"):
            raise CareerStatsError(
                f"{base}{name}: the file does not end in a line end — expected a whole "
                "file (download cut short?); nothing was written"
            )
    try:
        read_release(stage)
        read_wide(stage)
    except CareerStatsError as e:
        raise CareerStatsError(
            f"{base}: the downloaded files are not BLS's flat files as expected; nothing "
            f"was written:\n{e}"
        ) from None


def _check_destination(out_dir: Path) -> None:
    if out_dir.exists() and not out_dir.is_dir():
        raise CareerStatsError(f"{out_dir}: is a file — expected a folder for the flat files")
    if out_dir.is_dir():
        other = sorted(p.name for p in out_dir.iterdir() if p.name not in FILES)
        if other:
            raise CareerStatsError(
                f"{out_dir}: holds {', '.join(other[:5])}{' ...' if len(other) > 5 else ''}, "
                "not one of BLS's flat files — the folder is replaced as a whole, so give "
                "an empty folder or one holding only the flat files"
            )


def fetch_oews(
    out_dir: Path,
    contact: str | None = None,
    base_url: str | None = None,
    timeout: float = 60,
    recorded: dict[str, str] | None = None,
    accept_new_release: bool = False,
    progress: Progress | None = None,
) -> list[Path]:
    """Download the OEWS flat files into ``out_dir``, verified, all or nothing.

    ``recorded`` maps file names to the SHA-256 the data package records for them; a file
    that differs is refused unless ``accept_new_release``.
    """
    contact = contact or os.environ.get(CONTACT_ENV, "")
    if not _EMAIL.match(contact):
        raise CareerStatsError(
            f"contact {shown(contact)} — expected an e-mail address for the User-Agent (BLS "
            f"answers 403 without one): pass --contact or set {CONTACT_ENV}"
        )
    base = (base_url or BASE_URL).rstrip("/") + "/"
    out_dir = Path(out_dir)
    _check_destination(out_dir)
    parent = out_dir.absolute().parent
    parent.mkdir(parents=True, exist_ok=True)
    for kind in ("fetch", "replaced"):  # what a killed fetch left
        staging.sweep(parent, f".{out_dir.name}.{kind}-")
    stage = staging.new(parent, f".{out_dir.name}.fetch-")
    agent = user_agent(contact)
    try:
        for name in FILES:
            _download(base + name, stage / name, agent, timeout, progress)
        if progress:
            progress("downloaded; checking every line\n")
        _check_structure(stage, base)
        differ = [
            name
            for name in FILES
            if recorded and name in recorded and sha256(stage / name) != recorded[name]
        ]
        if differ and not accept_new_release:
            raise CareerStatsError(
                f"{', '.join(differ)}: SHA-256 differs from the digest datapackage.json "
                "records — BLS has published a new release, or the download is damaged. "
                "Nothing was written. To take the new release, pass --accept-new-release, "
                "then rebuild with `careerstats build-data --accept-new-release`"
            )
        old = parent / f".{out_dir.name}.replaced-{os.getpid()}-0"
        if out_dir.exists():
            os.replace(out_dir, old)
        os.replace(stage, out_dir)
        shutil.rmtree(old, ignore_errors=True)
        return [out_dir / name for name in FILES]
    finally:
        shutil.rmtree(stage, ignore_errors=True)
