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

Downloads are bounded: each file may be :data:`SIZE_FACTOR` times the size the data
package records for it (or a stated limit), the whole download has a deadline, and a
server that sends less than a minimum rate over a minute is given up. The contact must be
a header value (ASCII, no line breaks) and the URL an http(s) URL, both checked before
connecting; no folder is made before the first byte arrives, and what was made is removed
on failure.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import CareerStatsError, shown
from ..sources import OEWS_FLAT_DATA_FILE, OEWS_FLAT_SMALL_FILES

if TYPE_CHECKING:  # pragma: no cover
    from ..progress import Progress

BASE_URL = "https://download.bls.gov/pub/time.series/oe/"
FILES = (*OEWS_FLAT_SMALL_FILES, OEWS_FLAT_DATA_FILE)
CONTACT_ENV = "CAREERSTATS_CONTACT"
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_CHUNK = 1 << 20
#: A file may be at most this many times the size ``datapackage.json`` records for it.
SIZE_FACTOR = 4
#: The limit for a file whose size is not recorded (a new release), MB.
DEFAULT_MAX_MB = 2000
#: The whole download is given up after this many seconds.
DEFAULT_DEADLINE = 3600.0
#: ... or when fewer than this many KB a second arrive over :data:`RATE_WINDOW` seconds.
DEFAULT_MIN_RATE_KBPS = 10.0
RATE_WINDOW = 60.0
#: One read waits at most this long for the server (the deadline is checked after each).
READ_TIMEOUT = 60.0


def check_contact(contact: str) -> str:
    """``contact`` if it is an e-mail address that can stand in an HTTP header: printable
    ASCII, no line breaks. Raises CareerStatsError."""
    if (
        not isinstance(contact, str)
        or not contact.isascii()
        or not contact.isprintable()
        or not _EMAIL.fullmatch(contact)
    ):
        raise CareerStatsError(
            f"contact {shown(contact)} — expected an e-mail address in plain ASCII with no "
            f"line breaks, for the User-Agent (BLS answers 403 without one): pass --contact "
            f"or set {CONTACT_ENV}"
        )
    return contact


def check_base_url(url: str) -> str:
    """``url`` (ending in /) if it is an http or https URL with a host. Raises
    CareerStatsError."""
    import urllib.parse  # here, so that `careerstats --help` does not load it

    try:
        parts = urllib.parse.urlsplit(url)
        host, _port = parts.hostname, parts.port
    except ValueError as e:
        raise CareerStatsError(f"--base-url {shown(url)}: not a URL ({e})") from None
    if parts.scheme not in ("http", "https") or not host:
        raise CareerStatsError(
            f"--base-url {shown(url)}: expected an http or https URL with a host, such as "
            f"{BASE_URL}"
        )
    if not url.isascii() or not url.isprintable():
        raise CareerStatsError(f"--base-url {shown(url)}: expected printable ASCII")
    return url.rstrip("/") + "/"


def user_agent(contact: str) -> str:
    from importlib.metadata import version

    return f"careerstats/{version('careerstats')} (contact: {contact})"


class _Limits:
    """The bounds of one fetch: a size per file, one deadline, a minimum rate."""

    def __init__(self, deadline: float, min_rate_kbps: float) -> None:
        self.ends = time.monotonic() + deadline
        self.deadline, self.min_rate = deadline, min_rate_kbps * 1000
        self.window_start, self.window_bytes = time.monotonic(), 0

    def timeout(self, url: str) -> float:
        left = self.ends - time.monotonic()
        if left <= 0:
            raise CareerStatsError(
                f"{url}: the download took longer than --deadline {self.deadline:g} s; "
                "nothing was written"
            )
        return min(READ_TIMEOUT, left)

    def arrived(self, url: str, count: int) -> None:
        self.window_bytes += count
        elapsed = time.monotonic() - self.window_start
        if elapsed >= RATE_WINDOW:
            rate = self.window_bytes / elapsed
            if rate < self.min_rate:
                raise CareerStatsError(
                    f"{url}: {rate / 1000:,.2f} KB/s over the last {elapsed:,.0f} s — expected "
                    f"at least --min-rate {self.min_rate / 1000:g} KB/s; nothing was written"
                )
            self.window_start, self.window_bytes = time.monotonic(), 0
        self.timeout(url)


def _download(
    url: str,
    dest: Path,
    agent: str,
    limit: int,
    limits: _Limits,
    ready: Callable[[], Path],
    progress: Progress | None,
) -> Path:
    """Fetch ``url`` into ``dest`` (a name in the folder ``ready()`` makes on the first
    byte), refusing more than ``limit`` bytes."""
    import http.client  # here, so that `careerstats --help` does not load them
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": agent})
    try:
        with urllib.request.urlopen(request, timeout=limits.timeout(url)) as response:
            expected = response.headers.get("Content-Length")
            if expected is not None and (not expected.isdigit() or int(expected) > limit):
                raise CareerStatsError(
                    f"{url}: the server announces {expected} bytes — expected at most "
                    f"{limit:,} (--max-size); nothing was written"
                )
            target = ready() / dest.name
            got = 0
            with target.open("wb") as out:
                while True:
                    block = response.read1(_CHUNK)
                    if not block:
                        break
                    got += len(block)
                    if got > limit:
                        raise CareerStatsError(
                            f"{url}: more than {limit:,} bytes — expected at most that "
                            "(--max-size); nothing was written"
                        )
                    out.write(block)
                    limits.arrived(url, len(block))
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
    except (urllib.error.URLError, TimeoutError, OSError, http.client.HTTPException) as e:
        raise CareerStatsError(f"{url}: download failed ({e}); nothing was written") from None
    size = target.stat().st_size
    if expected is not None and int(expected) != size:
        raise CareerStatsError(
            f"{url}: got {size:,} of {int(expected):,} bytes — expected the whole file "
            "(connection cut?); nothing was written"
        )
    return target


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
    if out_dir.is_symlink():
        raise CareerStatsError(
            f"{out_dir}: is a symlink — the folder is replaced as a whole, which would replace "
            "the link; give the folder it points to"
        )
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


# long function: one try/finally owns every file of a download, so nothing half-written survives
def fetch_oews(  # noqa: C901, PLR0915
    out_dir: Path,
    contact: str | None = None,
    base_url: str | None = None,
    recorded: dict[str, str] | None = None,
    accept_new_release: bool = False,
    progress: Progress | None = None,
    *,
    sizes: dict[str, int] | None = None,
    max_mb: float | None = None,
    deadline: float = DEFAULT_DEADLINE,
    min_rate_kbps: float = DEFAULT_MIN_RATE_KBPS,
) -> list[Path]:
    """Download the OEWS flat files into ``out_dir``, verified, bounded, all or nothing.

    ``recorded`` maps file names to the SHA-256 the data package records for them; a file
    that differs is refused unless ``accept_new_release``. ``sizes`` maps them to the
    recorded sizes: a file may be :data:`SIZE_FACTOR` times that, else ``max_mb`` MB
    (default :data:`DEFAULT_MAX_MB`; given, it is the limit of every file). The whole
    download must end within ``deadline`` seconds, and is given up when fewer than
    ``min_rate_kbps`` KB a second arrive over :data:`RATE_WINDOW` seconds. The contact and
    the URL are checked before connecting; no folder is made before the first byte
    arrives, and every folder made is removed on failure.
    """
    import shutil

    from .. import staging
    from ..paths import sha256

    contact = check_contact(contact or os.environ.get(CONTACT_ENV, ""))
    base = check_base_url(base_url or BASE_URL)
    for value, what in ((deadline, "--deadline"), (min_rate_kbps, "--min-rate")):
        if not isinstance(value, int | float) or value != value or value < 0:
            raise CareerStatsError(f"{what} {shown(value)}: expected a number >= 0")
    if max_mb is not None and (not isinstance(max_mb, int | float) or not max_mb > 0):
        raise CareerStatsError(f"--max-size {shown(max_mb)}: expected a number of MB > 0")
    out_dir = Path(out_dir)
    _check_destination(out_dir)
    parent = out_dir.absolute().parent
    made: list[Path] = []
    stage: Path | None = None

    def ready() -> Path:
        nonlocal stage
        if stage is None:
            missing = []
            p = parent
            while not p.exists():
                missing.append(p)
                p = p.parent
            for folder in reversed(missing):
                folder.mkdir()
                made.append(folder)
            for kind in ("fetch", "replaced"):  # what a killed fetch left
                staging.sweep(parent, f".{out_dir.name}.{kind}-")
            stage = staging.new(parent, f".{out_dir.name}.fetch-")
        return stage

    def limit(name: str) -> int:
        if max_mb is not None:
            return int(max_mb * 1e6)
        if sizes and name in sizes:
            return SIZE_FACTOR * sizes[name]
        return int(DEFAULT_MAX_MB * 1e6)

    agent = user_agent(contact)
    limits = _Limits(deadline, min_rate_kbps)
    done = False
    try:
        for name in FILES:
            _download(base + name, Path(name), agent, limit(name), limits, ready, progress)
        assert stage is not None
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
        done = True
        return [out_dir / name for name in FILES]
    finally:
        if stage is not None:
            shutil.rmtree(stage, ignore_errors=True)
        if not done:
            for folder in reversed(made):
                with contextlib.suppress(OSError):
                    folder.rmdir()
