"""Reader for BLS's OEWS time-series flat files (``download.bls.gov/pub/time.series/oe/``).

The layout, as BLS publishes it: tab-separated, one header line, CRLF line ends. In
``oe.data.0.Current`` the series id is left-justified in 30 characters and the value
right-justified in 12. A series id is 25 characters::

    OE U N 0000000 000000 319092 13
    |  | | area    industry occ  datatype
    |  | areatype (N national, S state, M metropolitan or nonmetropolitan)
    |  seasonal adjustment (U)
    survey

``-`` in the value column means not published; ``footnote_codes`` says why (see
``oe.footnote``: 5 = top-coded, i.e. at or above the cap; 8 = not released).
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
from numpy.lib.stride_tricks import sliding_window_view

from . import paths
from .errors import CareerStatsError, Problem, raise_if_any

LEVELS = {"0": "major", "1": "minor", "2": "broad", "3": "detailed"}


def read_flat_table(path: Path, columns: list[str]) -> pd.DataFrame:
    """Read one of the small flat files (oe.area, oe.occupation, ...) as text.

    Checks the header names ``columns`` in order; every cell is stripped of padding.
    """
    shown = paths.display(path)
    data = Path(path).read_bytes()
    if not data.strip():
        raise_if_any([Problem(shown, None, "a tab-separated file with a header (empty file)")])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise_if_any([Problem(shown, None, "UTF-8 text", (data[: e.start].count(b"\n") + 1,),
                              (data[e.start: e.start + 4],))])
    lines = text.replace("\r\n", "\n").rstrip("\n").split("\n")
    header = [h.strip() for h in lines[0].split("\t")]
    if header[: len(columns)] != columns:
        missing = [c for c in columns if c not in header]
        raise_if_any([Problem(shown, ", ".join(missing) or None,
                              "the header " + "\t".join(columns), (1,), tuple(header))])
    rows, bad = [], []
    for n, line in enumerate(lines[1:], start=2):
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) < len(columns):
            bad.append((n, line))
            continue
        rows.append(cells[: len(columns)])
    if bad:
        raise_if_any([Problem(shown, None, f"{len(columns)} tab-separated fields (truncated "
                              "line)", tuple(n for n, _ in bad), tuple(v for _, v in bad))])
    return pd.DataFrame(rows, columns=columns, dtype=str)


def read_occupations(path: Path) -> pd.DataFrame:
    """``oe.occupation`` as (soc_code, occupation_title, soc_level)."""
    df = read_flat_table(path, ["occupation_code", "occupation_name", "occupation_description",
                                "display_level"])
    code = df["occupation_code"]
    bad = ~code.str.fullmatch(r"\d{6}") | ~df["display_level"].isin(list(LEVELS))
    if bad.any():
        raise_if_any([Problem(paths.display(path), "occupation_code, display_level",
                              "a 6-digit code and a display level 0-3",
                              tuple(int(i) + 2 for i in df.index[bad]),
                              tuple((code[bad] + "/" + df["display_level"][bad]).tolist()))])
    level = df["display_level"].map(LEVELS)
    level = level.where(code != "000000", "total")
    return pd.DataFrame({
        "soc_code": code.str[:2] + "-" + code.str[2:],
        "occupation_title": df["occupation_name"],
        "soc_level": level,
    })


# --- the data file ------------------------------------------------------------------------

DATA_FILE = "oe.data.0.Current"
DATA_HEADER = ["series_id", "year", "period", "value", "footnote_codes"]
#: BLS datatype code -> careerstats column; oe.datatype's names are checked against these.
DATATYPES = {
    "01": ("employment", "Employment"),
    "02": ("employment_rse_pct", "Employment percent relative standard error"),
    "03": ("hourly_wage_mean", "Hourly mean wage"),
    "04": ("annual_wage_mean", "Annual mean wage"),
    "05": ("wage_rse_pct", "Wage percent relative standard error"),
    "06": ("hourly_wage_p10", "Hourly 10th percentile wage"),
    "07": ("hourly_wage_p25", "Hourly 25th percentile wage"),
    "08": ("hourly_wage_median", "Hourly median wage"),
    "09": ("hourly_wage_p75", "Hourly 75th percentile wage"),
    "10": ("hourly_wage_p90", "Hourly 90th percentile wage"),
    "11": ("annual_wage_p10", "Annual 10th percentile wage"),
    "12": ("annual_wage_p25", "Annual 25th percentile wage"),
    "13": ("annual_wage_median", "Annual median wage"),
    "14": ("annual_wage_p75", "Annual 75th percentile wage"),
    "15": ("annual_wage_p90", "Annual 90th percentile wage"),
    "16": ("employment_per_1000_jobs", "Employment per 1,000 jobs"),
    "17": ("location_quotient", "Location Quotient"),
}
MEASURES = [name for name, _ in DATATYPES.values()]
HOURLY = [i for i, m in enumerate(MEASURES) if m.startswith("hourly_wage")]
ANNUAL = [i for i, m in enumerate(MEASURES) if m.startswith("annual_wage")]
#: footnote code -> what a "-" with it means; any other code fails the read.
FOOTNOTE_HOURLY_OR_ANNUAL_ONLY = 4
FOOTNOTE_TOPCODED = 5
FOOTNOTE_NOT_RELEASED = 8
FOOTNOTE_MEANINGS = {
    FOOTNOTE_HOURLY_OR_ANNUAL_ONLY: "reported either as hourly wages or annual salaries",
    FOOTNOTE_TOPCODED: "equal to or greater than",
    FOOTNOTE_NOT_RELEASED: "not released",
}
AREATYPES = {"N": "national", "S": "state", "M": "metro"}

# Fixed layout of a data line (0-based byte offsets), as BLS writes it.
_LINE_NO_NOTE, _LINE_NOTE = 55, 56  # bytes, with CRLF
_WINDOW = 56  # = 7 little-endian 64-bit words per line
_BLOCK = 8 << 20
_DIGIT, _DOT, _DASH, _SPACE = 48, 46, 45, 32


@dataclass(frozen=True)
class Release:
    """What the small flat files say about the release: name, year, period, top-code cap."""

    name: str
    year: int
    period: str
    hourly_cap: float
    annual_cap: float


def read_release(flat_dir: Path) -> Release:
    """Read oe.release and oe.footnote, and check oe.datatype names the 17 datatypes."""
    flat_dir = Path(flat_dir)
    rel = read_flat_table(flat_dir / "oe.release", ["release_date", "description"])
    code, name = rel.iloc[0]["release_date"], rel.iloc[0]["description"]
    m = re.fullmatch(r"(\d{4})(A\d\d)", code)
    if len(rel) != 1 or not m:
        raise_if_any([Problem(paths.display(flat_dir / "oe.release"), "release_date",
                              "one release like '2025A01'", (2,), (code,))])
    dts = read_flat_table(flat_dir / "oe.datatype", ["datatype_code", "datatype_name"])
    got = dict(zip(dts["datatype_code"], dts["datatype_name"], strict=True))
    want = {code: title for code, (_, title) in DATATYPES.items()}
    if got != want:
        bad = sorted(set(got.items()) ^ set(want.items()))
        raise_if_any([Problem(paths.display(flat_dir / "oe.datatype"), "datatype_name",
                              "BLS's 17 OEWS datatypes, 01 Employment to 17 Location Quotient",
                              (), tuple(bad))])
    notes = read_flat_table(flat_dir / "oe.footnote", ["footnote_code", "footnote_text"])
    text = dict(zip(notes["footnote_code"].astype(int), notes["footnote_text"], strict=True))
    problems = [Problem(paths.display(flat_dir / "oe.footnote"), "footnote_text",
                        f"footnote {code} to say '{meaning}'", (), (text.get(code),))
                for code, meaning in FOOTNOTE_MEANINGS.items()
                if meaning not in text.get(code, "").lower().replace("estimate ", "")]
    raise_if_any(problems)
    cap = re.search(r"\$([\d,.]+) per hour or \$([\d,.]+) per year", text[FOOTNOTE_TOPCODED])
    if not cap:
        raise_if_any([Problem(paths.display(flat_dir / "oe.footnote"), "footnote_text",
                              "footnote 5 to state the cap as '$X per hour or $Y per year'",
                              (), (text[FOOTNOTE_TOPCODED],))])
    return Release(name=name, year=int(m.group(1)), period=m.group(2),
                   hourly_cap=float(cap.group(1).replace(",", "")),
                   annual_cap=float(cap.group(2).replace(",", "")))


def read_areas(flat_dir: Path) -> pd.DataFrame:
    """oe.area: state FIPS, 7-digit area code, area type and name."""
    return read_flat_table(Path(flat_dir) / "oe.area",
                           ["state_code", "area_code", "areatype_code", "area_name"])


def _header_problems(path: Path, header: bytes) -> list[Problem]:
    try:
        fields = [h.strip() for h in header.decode("ascii").rstrip("\r\n").split("\t")]
    except UnicodeDecodeError:
        return [Problem(paths.display(path), None, "an ASCII header line "
                        + "\t".join(DATA_HEADER) + " (wrong encoding?)", (1,), (header[:60],))]
    if fields != DATA_HEADER:
        missing = [f for f in DATA_HEADER if f not in fields]
        return [Problem(paths.display(path), ", ".join(missing) or "header",
                        "the header " + " | ".join(DATA_HEADER), (1,), tuple(fields))]
    if not header.endswith(b"\r\n"):
        return [Problem(paths.display(path), None, "CRLF line ends, as BLS writes them", (1,))]
    return []


# --- the fast scan ---------------------------------------------------------------------
#
# A line of oe.data.0.Current has a fixed layout (0-based byte offsets):
#   0-24 series id | 25-29 spaces | 30 tab | 31-34 year | 35 tab | 36-38 period | 39 tab |
#   40-51 value, right-justified | 52 tab | 53 footnote code or CR | ... CRLF
# so a 56-byte window from each line start is seven little-endian 64-bit words, and most
# checks are a few integer operations per word ("SWAR": one byte per lane).

_H = 0x8080808080808080
_L7 = 0x7F7F7F7F7F7F7F7F
_U64 = np.uint64


def _lanes(positions, byte: int) -> np.ndarray:
    """Seven words with ``byte`` in the lanes of ``positions`` (0-55), zero elsewhere."""
    words = [0] * 7
    for p in positions:
        words[p // 8] |= byte << (8 * (p % 8))
    return np.array(words, dtype=_U64)


def _zero_lanes(x: np.ndarray) -> np.ndarray:
    """High bit set in exactly the lanes of ``x`` that are zero bytes."""
    return ~(((x & _U64(_L7)) + _U64(_L7)) | x | _U64(_L7))


_DIGITS = [*range(4, 11), *range(17, 25)]
_INDUSTRY = range(11, 17)
_VALUE_BODY = range(40, 51)


def _const_template(year: int, period: str) -> tuple[np.ndarray, np.ndarray]:
    fixed = {0: b"O", 1: b"E", 2: b"U", 30: b"\t", 35: b"\t", 39: b"\t", 52: b"\t"}
    fixed |= {p: b" " for p in range(25, 30)}
    fixed |= {31 + i: bytes([c]) for i, c in enumerate(str(year).encode())}
    fixed |= {36 + i: bytes([c]) for i, c in enumerate(period.encode())}
    mask = np.zeros(7, dtype=_U64)
    value = np.zeros(7, dtype=_U64)
    for p, b in fixed.items():
        mask |= _lanes([p], 0xFF)
        value |= _lanes([p], b[0])
    mask |= _lanes(_DIGITS, 0xF0)  # a digit's high nibble is 3 ...
    value |= _lanes(_DIGITS, 0x30)
    return mask, value


_DIGIT_LOW = _lanes(_DIGITS, 0x0F)  # ... and its low nibble at most 9
_DIGIT_6 = _lanes(_DIGITS, 0x06)
_DIGIT_16 = _lanes(_DIGITS, 0x10)
_IND_H = _lanes(_INDUSTRY, 0x80)
_IND_GE = _lanes(_INDUSTRY, 0x80 - ord("-"))  # industry bytes lie in '-'..'Z'
_IND_LT = _lanes(_INDUSTRY, 0x80 - ord("Z") - 1)
_IND_ZERO_MASK = _lanes(_INDUSTRY, 0xFF)
_IND_ZERO = _lanes(_INDUSTRY, _DIGIT)
_VAL_H = _lanes(_VALUE_BODY, 0x80)
_REP = {b: _U64(int.from_bytes(bytes([b]) * 8, "little")) for b in (0x0F, 0x06, 0x10, 0xF0,
                                                                    0x30, 0x20, 0x2E)}


def _value_body(w: np.ndarray, j: int) -> tuple[np.ndarray, np.ndarray]:
    """For word ``j``: (every value lane is a digit, space or point; every one is a space)."""
    hi3 = _zero_lanes((w & _REP[0xF0]) ^ _REP[0x30])
    low_ok = ~(((w & _REP[0x0F]) + _REP[0x06]) & _REP[0x10]) << _U64(3)
    space = _zero_lanes(w ^ _REP[0x20])
    point = _zero_lanes(w ^ _REP[0x2E])
    lanes = _VAL_H[j]
    valid = ((hi3 & low_ok) | space | point) & lanes
    return valid == lanes, (space & lanes) == lanes


@dataclass
class _Block:
    lines: int
    problems: list  # (column, expected, relative line indexes, texts, count)
    keys: np.ndarray  # 20-byte keys (area type .. occupation) that start a new row
    newkey: np.ndarray
    dts: np.ndarray
    values: np.ndarray
    notes: np.ndarray


_LOCAL = threading.local()


def _buffer(n: int) -> np.ndarray:
    """This thread's read buffer, reused from block to block: a fresh large array costs a
    page fault per 4 KiB every time."""
    held = getattr(_LOCAL, "buffer", None)
    if held is None or len(held) < n + _WINDOW + 1:
        held = np.zeros(max(n, _BLOCK + 8192) + _WINDOW + 1, dtype=np.uint8)
        _LOCAL.buffer = held
    return held


def _scan_block(fd: int, start: int, stop: int, const: tuple, cross_industry_only: bool,
                at_eof: bool) -> _Block:
    n = stop - start
    buf = _buffer(n)
    buf[n:] = 0
    got = os.preadv(fd, [buf[:n]], start)
    if got != n:
        raise CareerStatsError(f"read {got} of {n} bytes at offset {start}: file changed?")
    block = buf[:n]
    nl = np.flatnonzero(block == 10)
    if at_eof and (not len(nl) or nl[-1] != n - 1):
        buf[n] = 10  # a last line without its line end: checked like any other
        nl = np.append(nl, n)
    starts = np.empty(len(nl), dtype=np.int64)
    starts[:1] = 0
    starts[1:] = nl[:-1] + 1
    lens = nl - starts + 1
    X = sliding_window_view(buf[: n + _WINDOW], _WINDOW)[starts]
    W = X.view("<u8")
    problems: list = []

    def bad(mask: np.ndarray, column: str | None, expected: str, where=None) -> None:
        if mask.any():
            idx = np.flatnonzero(mask)
            idx = idx if where is None else where[idx]
            texts = [buf[starts[i]: starts[i] + 100].tobytes().split(b"\n")[0]
                     .decode("latin-1").rstrip("\r") for i in idx[:20]]
            problems.append((column, expected, idx[:20], texts, len(idx)))

    ok_len = (lens == _LINE_NO_NOTE) | (lens == _LINE_NOTE)
    bad(~ok_len, None, f"a line of {_LINE_NO_NOTE} or {_LINE_NOTE} bytes: series id padded to "
        "30, year, period, value padded to 12, footnote codes, CRLF (truncated or malformed "
        "line)")
    where = None
    if not ok_len.all():
        where = np.flatnonzero(ok_len)
        X, W, lens = X[where], W[where], lens[where]
    cmask, cval = const
    layout = np.ones(len(X), dtype=bool)
    digits = np.ones(len(X), dtype=bool)
    industry = np.ones(len(X), dtype=bool)
    for j in range(7):
        w = W[:, j]
        if cmask[j]:
            layout &= ((w ^ cval[j]) & cmask[j]) == 0
        if _DIGIT_LOW[j]:
            digits &= (((w & _DIGIT_LOW[j]) + _DIGIT_6[j]) & _DIGIT_16[j]) == 0
        if _IND_H[j]:
            y = w & _U64(_L7)
            inside = ((y + _IND_GE[j]) & ~(y + _IND_LT[j]) & ~w) & _IND_H[j]
            industry &= inside == _IND_H[j]
    layout &= X[np.arange(len(X)), lens - 2] == 13
    good_id = layout & digits & industry & _IS_AREATYPE[X[:, 3]]
    dt = (X[:, 23].astype(np.int16) - _DIGIT) * 10 + (X[:, 24].astype(np.int16) - _DIGIT)
    good_id &= (dt >= 1) & (dt <= 17)
    bad(~good_id, "series_id, year, period",
        "OEU + area type N/S/M + 7-digit area + 6-character industry + 6-digit occupation "
        "+ datatype 01-17, padded to 30, then the release's year and period, tab-separated, "
        "CRLF", where)
    body5, space5 = _value_body(W[:, 5], 5)
    body6, space6 = _value_body(W[:, 6], 6)
    last = X[:, 51]
    dash = last == _DASH
    good_value = body5 & body6 & (_IS_DIGIT[last] | (dash & space5 & space6))
    bad(~good_value, "value", "a number, or '-' alone with a footnote (unknown marker)",
        where)
    note = np.where(lens == _LINE_NOTE, X[:, 53].astype(np.int16) - _DIGIT, 0)
    good_note = ((note == 0) | _KNOWN_NOTE[np.clip(note, 0, 9)]) & (~dash | (note != 0))
    bad(~good_note, "footnote_codes",
        "no code, or 4, 5 or 8 with a '-' value (see oe.footnote)", where)

    if cross_industry_only:
        keep = np.flatnonzero((((W[:, 1] ^ _IND_ZERO[1]) & _IND_ZERO_MASK[1]) == 0) & (
            ((W[:, 2] ^ _IND_ZERO[2]) & _IND_ZERO_MASK[2]) == 0))
    else:
        keep = np.arange(len(X))
    values, malformed = _parse_values(X[keep, 40:52], dash[keep])
    if malformed.any():
        kept = keep if where is None else where[keep]
        bad(np.isin(np.arange(len(nl)), kept[malformed]), "value",
            "a right-justified number: digits with at most one point, no inner spaces")
    key = np.ascontiguousarray(X[keep, 3:23]).view("S20").ravel()
    new = np.ones(len(key), dtype=bool)
    new[1:] = key[1:] != key[:-1]
    return _Block(lines=len(nl), problems=problems, keys=key[new], newkey=new,
                  dts=dt[keep].astype(np.int8), values=values,
                  notes=note[keep].astype(np.int8))


def _parse_values(v: np.ndarray, dash: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Fixed-width decimal text -> (float64 exactly as float() reads it, malformed rows).

    The digits make an integer and the count of digits after the point its decimals; an
    integer below 2**53 divided by a power of ten rounds once, as float(text) does. A
    value is right-justified: a space after its first character, or a second point, makes
    the row malformed.
    """
    cols = np.ascontiguousarray(v.T)  # one contiguous row per character position
    k = v.shape[0]
    mant = np.zeros(k, dtype=np.int64)
    decimals = np.zeros(k, dtype=np.int64)
    after_dot = np.zeros(k, dtype=bool)
    started = np.zeros(k, dtype=bool)
    bad = np.zeros(k, dtype=bool)
    for col in cols:
        space = col == _SPACE
        if not started.any() and space.all():
            continue  # a column of leading blanks in every row
        dot = col == _DOT
        bad |= (started & space) | (after_dot & dot)
        started |= ~space
        mant *= _MUL[col]
        mant += _ADD[col]
        decimals += after_dot
        after_dot |= dot
    values = mant / _POW10[decimals]
    values[dash] = np.nan
    return values, bad & ~dash
def _block_bounds(fd: int, start: int, size: int) -> list[tuple[int, int]]:
    """Split [start, size) into blocks of about _BLOCK bytes that end at a line end."""
    bounds = []
    while start < size:
        stop = min(start + _BLOCK, size)
        if stop < size:
            tail = os.pread(fd, 4096, stop)
            cut = tail.find(b"\n")
            stop = stop + cut + 1 if cut >= 0 else min(stop + len(tail), size)
        bounds.append((start, stop))
        start = stop
    return bounds


@dataclass
class _Scan:
    keys: np.ndarray
    newkey: np.ndarray
    dts: np.ndarray
    values: np.ndarray
    notes: np.ndarray


def _scan(path: Path, release: Release, cross_industry_only: bool,
          progress: Callable[[str], None] | None, threads: int = 2) -> _Scan:
    """Check every line of the data file and keep the (cross-industry) values, reading
    blocks on ``threads`` threads (NumPy releases the GIL for the heavy work)."""
    path = Path(path)
    shown = paths.display(path)
    size = path.stat().st_size
    if size == 0:
        raise_if_any([Problem(shown, None, "the OEWS data file (empty file)")])
    with path.open("rb", buffering=0) as f:
        header = f.readline()
        raise_if_any(_header_problems(path, header))
        fd = f.fileno()
        bounds = _block_bounds(fd, len(header), size)
        const = _const_template(release.year, release.period)
        blocks: list[_Block] = []
        problems: list[Problem] = []
        line0 = 2
        with ThreadPoolExecutor(max_workers=threads) as pool:
            futures = [pool.submit(_scan_block, fd, a, b, const, cross_industry_only,
                                   b == size) for a, b in bounds]
            for i, fut in enumerate(futures):
                blk = fut.result()
                for column, expected, idx, texts, count in blk.problems:
                    more = f" ({count - len(idx)} more lines)" if count > len(idx) else ""
                    problems.append(Problem(shown, column, expected + more,
                                            tuple(int(line0 + k) for k in idx), tuple(texts)))
                line0 += blk.lines
                blocks.append(blk)
                if progress:
                    progress(f"{path.name}: {bounds[i][1] / size:.0%}")
    raise_if_any(problems)
    newkey = np.concatenate([b.newkey for b in blocks])
    # A row can run across a block boundary: it is not new if its key equals the last one.
    offset = 0
    keys = []
    last = None
    for b in blocks:
        k = b.keys
        if len(b.newkey) and last is not None and len(k) and k[0] == last:
            newkey[offset] = False
            k = k[1:]
        if len(b.keys):
            last = b.keys[-1]
        keys.append(k)
        offset += len(b.newkey)
    return _Scan(keys=np.concatenate(keys), newkey=newkey,
                 dts=np.concatenate([b.dts for b in blocks]),
                 values=np.concatenate([b.values for b in blocks]),
                 notes=np.concatenate([b.notes for b in blocks]))


_POW10 = 10.0 ** np.arange(0, 16)


def _lookup(chars: bytes) -> np.ndarray:
    table = np.zeros(256, dtype=bool)
    table[np.frombuffer(chars, np.uint8)] = True
    return table


_IS_DIGIT = _lookup(b"0123456789")
_IS_AREATYPE = _lookup(b"NSM")
_KNOWN_NOTE = np.isin(np.arange(10), list(FOOTNOTE_MEANINGS))
_MUL = np.where(_IS_DIGIT, 10, 1).astype(np.int64)
_ADD = np.where(_IS_DIGIT, np.arange(256) - _DIGIT, 0).astype(np.int64)


def _text(cols: np.ndarray) -> pd.api.extensions.ExtensionArray:
    """Rows of ASCII bytes -> pandas' str array, through Arrow (no Python objects)."""
    width = cols.shape[1]
    fixed = pa.array(np.ascontiguousarray(cols).view(f"S{width}").ravel(),
                     type=pa.binary(width))
    return pd.array(fixed.cast(pa.string()), dtype="str")


def read_wide(flat_dir: Path, progress: Callable[[str], None] | None = None) -> pd.DataFrame:
    """The cross-industry estimates of every area and occupation, one row each.

    Columns: ``areatype_code``, ``area_code``, ``soc_code``, the 17 measures of
    :data:`DATATYPES`, and per measure the BLS footnote on a ``-`` (``note_<measure>``,
    0 where the value is published). A top-coded value (footnote 5) is set to the cap the
    release states (a lower bound); footnotes 4 and 8 leave it missing.
    """
    flat_dir = Path(flat_dir)
    release = read_release(flat_dir)
    scan = _scan(flat_dir / DATA_FILE, release, True, progress)
    if not len(scan.keys):
        raise_if_any([Problem(paths.display(flat_dir / DATA_FILE), None,
                              "cross-industry (industry 000000) estimates (none found)")])
    keys, new, values, notes = scan.keys, scan.newkey, scan.values, scan.notes
    n = len(MEASURES)
    dt = scan.dts.astype(np.intp) - 1
    row = np.cumsum(new, dtype=np.intp) - 1
    order_ok = bool(np.all(keys[1:] > keys[:-1])) if len(keys) > 1 else True
    dup = (row[1:] == row[:-1]) & (dt[1:] <= dt[:-1])
    if not order_ok or dup.any():
        raise_if_any([Problem(paths.display(flat_dir / DATA_FILE), "series_id",
                              "series sorted by id, each once, as BLS publishes them")])
    cell = row * n + dt  # position in the row-major (rows x 17) tables
    wide = np.full(len(keys) * n, np.nan)
    wide[cell] = values
    note = np.zeros(len(keys) * n, dtype=np.int8)
    note[cell] = notes
    top = np.flatnonzero(notes == FOOTNOTE_TOPCODED)  # few: set their cap in place
    hourly = np.isin(dt[top], HOURLY)
    wide[cell[top]] = np.where(hourly, release.hourly_cap, release.annual_cap)
    wide, note = wide.reshape(-1, n), note.reshape(-1, n)
    k = keys.view(np.uint8).reshape(-1, 20)
    soc = np.concatenate([k[:, 14:16], np.full((len(k), 1), ord("-"), np.uint8), k[:, 16:20]],
                         axis=1)
    frame = pd.concat([
        pd.DataFrame({"areatype_code": _text(k[:, 0:1]), "area_code": _text(k[:, 1:8]),
                      "soc_code": _text(soc)}),
        pd.DataFrame(wide, columns=MEASURES, copy=False),
        pd.DataFrame(note, columns=[f"note_{m}" for m in MEASURES], copy=False),
    ], axis=1)
    frame.attrs["release"] = release
    return frame
