"""Where careerstats keeps its data and charts.

In a checkout of the repository (src layout, editable install) the data package is the
repository's ``data/``; an installed wheel uses the copy it carries
(``careerstats/_data``). ``CAREERSTATS_DATA`` points the loaders at another copy of the
data package in either case, and ``CAREERSTATS_CACHE`` moves (or turns ``off``) the
cache of validated tables.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
ROOT = PACKAGE_DIR.parents[1]
#: Running from a checkout of the repository (an editable install), not an installed wheel.
IN_CHECKOUT = (ROOT / "pyproject.toml").is_file() and (ROOT / "data" / "datapackage.json").is_file()
#: The data package an installed wheel carries (package data).
BUNDLED_DATA_DIR = PACKAGE_DIR / "_data"
DATA_ENV = "CAREERSTATS_DATA"
DATA_DIR = Path(os.environ.get(DATA_ENV) or (ROOT / "data" if IN_CHECKOUT else BUNDLED_DATA_DIR))
RAW_DIR = DATA_DIR / "raw"
DATAPACKAGE = DATA_DIR / "datapackage.json"
#: Where `careerstats charts` writes: charts/ of the checkout, else ./charts.
CHARTS_DIR = ROOT / "charts" if IN_CHECKOUT else Path("charts")
#: Where the notebooks `careerstats report` runs are: the checkout's, else the wheel's copies.
NOTEBOOKS_DIR = ROOT / "notebooks" if IN_CHECKOUT else PACKAGE_DIR / "_notebooks"
#: The notebook of the report's first section, the comparison.
REPORT_NOTEBOOK = NOTEBOOKS_DIR / "05-compare-any-pair.ipynb"
#: Set to a folder to keep the loaders' validated copies there, or to "off".
CACHE_ENV = "CAREERSTATS_CACHE"


def cache_dir() -> Path | None:
    """Where validated tables are cached (``CAREERSTATS_CACHE``, else
    ``$XDG_CACHE_HOME/careerstats`` or ``~/.cache/careerstats``); None when turned off."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "off", "0", "no") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "careerstats"


def careerstats_version() -> str:
    """The installed careerstats version, or "(source)" when run from a source tree that
    is not installed."""
    from importlib import metadata

    try:
        return metadata.version("careerstats")
    except metadata.PackageNotFoundError:  # pragma: no cover - run from a source tree
        return "(source)"


def display(path: Path) -> str:
    """``path`` relative to the repository root when it is inside it (for messages)."""
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def _nearest_existing(path: Path) -> Path:
    p = path.absolute()
    while not p.exists() and p != p.parent:
        p = p.parent
    return p


_KINDS = (
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
)


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def _refuse_special_chain(path: Path, what: str) -> None:
    """Refuse ``path`` when it, or any link of its chain, leads into /proc, /dev or /sys."""
    from .errors import CareerStatsError

    hop = path.absolute()
    for _ in range(40):  # every link of a chain, as the kernel follows them
        if hop.parts[1:2] in (("proc",), ("dev",), ("sys",)):
            raise CareerStatsError(
                f"{what} {path}: leads into /{hop.parts[1]}, where files stand for devices "
                "and processes — careerstats writes only regular files (use --out - for "
                "standard output)"
            )
        if not hop.is_symlink():
            return
        hop = (hop.parent / os.readlink(hop)).absolute()


def check_output_file(path: Path, what: str = "--out") -> Path:
    """Where a file given as ``path`` may be written, checked before any work starts, and
    again just before it is replaced: a regular file, or a new name in an existing,
    writable folder. A device, FIFO, socket or folder at ``path`` is refused; a symlink is
    followed to its target, which must be a regular file (a dangling one is refused), and
    that target is what gets replaced, never the link. Raises CareerStatsError."""
    from .errors import CareerStatsError

    path = Path(path)
    target = path
    _refuse_special_chain(path, what)
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            raise CareerStatsError(
                f"{what} {path}: a symlink whose target does not exist — expected a regular "
                "file or a new file name"
            ) from None
    try:
        st = os.stat(target)
    except (FileNotFoundError, NotADirectoryError):
        st = None
    except OSError as e:
        raise CareerStatsError(f"{what} {path}: cannot be checked ({e.strerror})") from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise CareerStatsError(f"{what} {path}: is a folder — expected a file name")
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise CareerStatsError(
            f"{what} {path}: is {_kind(st.st_mode)} — careerstats writes only regular files "
            "(use --out - for standard output)"
        )
    parent = target.absolute().parent
    if not parent.is_dir():
        base = _nearest_existing(parent)
        if not base.is_dir():
            raise CareerStatsError(f"{what} {path}: {base} is a file, not a folder")
        raise CareerStatsError(
            f"{what} {path}: the folder {parent} does not exist — expected a file in an "
            "existing folder"
        )
    if not os.access(parent, os.W_OK):
        raise CareerStatsError(f"{what} {path}: cannot write in {parent} (permission denied)")
    return target


def write_atomic(path: Path, data: bytes | str, what: str = "--out") -> Path:
    """Write ``data`` to ``path`` whole or not at all: into a temporary file beside the
    target, with the user's umask, then renamed over it. ``path`` is checked again (see
    :func:`check_output_file`) just before. Returns the file written."""
    import tempfile

    target = check_output_file(path, what)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        check_output_file(target, what)  # nothing put a device there meanwhile
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def check_output_dir(
    path: Path, what: str = "--out", files: tuple[str, ...] = (), parents: bool = False
) -> Path:
    """``path`` if a folder can be written or made there, checked before any work starts:
    a folder (or a symlink to one), or a new name in an existing, writable folder (with
    ``parents``, under any new folders, which the command then removes on failure). Each
    of ``files`` that already exists in it must be a regular file (see
    :func:`check_output_file`)."""
    from .errors import CareerStatsError

    path = Path(path)
    if str(path) == "-":
        raise CareerStatsError(f"{what} -: this command writes files — expected a folder")
    if path.exists() and not path.is_dir():
        try:
            mode = os.stat(path).st_mode
        except OSError:
            mode = 0
        kind = "a file" if stat.S_ISREG(mode) else _kind(mode)
        raise CareerStatsError(f"{what} {path}: is {kind} — expected a folder")
    if path.is_symlink() and not path.exists():
        raise CareerStatsError(
            f"{what} {path}: a symlink whose target does not exist — expected a folder"
        )
    base = _nearest_existing(path)
    if not base.is_dir():
        raise CareerStatsError(f"{what} {path}: {base} is a file, not a folder")
    if not parents and not path.is_dir() and base != path.absolute().parent:
        raise CareerStatsError(
            f"{what} {path}: the folder {path.absolute().parent} does not exist — expected "
            "a folder, or a new one in an existing folder"
        )
    if not os.access(base, os.W_OK):
        raise CareerStatsError(f"{what} {path}: cannot write in {base} (permission denied)")
    for name in files:
        if (path / name).exists() or (path / name).is_symlink():
            check_output_file(path / name, what)
    return path


def sha256(path: Path) -> str:
    """Hex SHA-256 of a file, read in 1 MiB blocks."""
    h = hashlib.sha256()
    with Path(path).open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()
