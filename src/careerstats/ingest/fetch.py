"""Download BLS's current OEWS flat files, for users who are online.

BLS answers 403 to requests whose User-Agent names no contact, so a contact (an e-mail
address) is required: ``--contact`` or ``CAREERSTATS_CONTACT``. Every file is written to a
temporary folder beside the destination, checked (complete, and the layout the readers
expect), and only then moved into place; a failure leaves no partial file behind.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

from ..errors import CareerStatsError
from ..tables.sources import OEWS_FLAT_DATA_FILE, OEWS_FLAT_SMALL_FILES

BASE_URL = "https://download.bls.gov/pub/time.series/oe/"
FILES = (*OEWS_FLAT_SMALL_FILES, OEWS_FLAT_DATA_FILE)
CONTACT_ENV = "CAREERSTATS_CONTACT"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def user_agent(contact: str) -> str:
    from importlib.metadata import version

    return f"careerstats/{version('careerstats')} (contact: {contact})"


def _download(url: str, dest: Path, agent: str, timeout: float) -> None:
    request = urllib.request.Request(url, headers={"User-Agent": agent})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response, dest.open("wb") as out:
            expected = response.headers.get("Content-Length")
            shutil.copyfileobj(response, out, 1 << 20)
    except urllib.error.HTTPError as e:
        hint = (
            " — BLS refuses requests whose User-Agent names no contact; check --contact"
            if e.code == 403
            else ""
        )
        raise CareerStatsError(f"{url}: HTTP {e.code} {e.reason}{hint}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as e:
        raise CareerStatsError(f"{url}: download failed ({e})") from None
    got = dest.stat().st_size
    if expected is not None and int(expected) != got:
        raise CareerStatsError(
            f"{url}: got {got:,} of {int(expected):,} bytes — expected "
            "the whole file (connection cut?)"
        )


def fetch_oews(
    out_dir: Path, contact: str | None = None, base_url: str | None = None, timeout: float = 60
) -> list[Path]:
    """Download the OEWS flat files into ``out_dir``, verified, all or nothing."""
    from .oews_flat import DATA_HEADER, read_release

    contact = contact or os.environ.get(CONTACT_ENV, "")
    if not _EMAIL.match(contact):
        raise CareerStatsError(
            f"contact {contact!r} — expected an e-mail address for the User-Agent (BLS "
            f"answers 403 without one): pass --contact or set {CONTACT_ENV}"
        )
    base = (base_url or BASE_URL).rstrip("/") + "/"
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".fetch-", dir=out_dir))
    agent = user_agent(contact)
    try:
        for name in FILES:
            _download(base + name, tmp / name, agent, timeout)
        read_release(tmp)  # the small files: present, parseable, the 17 datatypes
        with (tmp / OEWS_FLAT_DATA_FILE).open("rb") as f:
            header = f.readline().decode("ascii", "replace").split("\t")
        if [h.strip() for h in header] != DATA_HEADER:
            raise CareerStatsError(
                f"{base}{OEWS_FLAT_DATA_FILE}: header {header!r} — expected {DATA_HEADER}"
            )
        written = []
        for name in FILES:
            os.replace(tmp / name, out_dir / name)
            written.append(out_dir / name)
        return written
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
