"""The fast scan of ``oe.data.0.Current``: every line checked, the values kept. Private.

:mod:`careerstats.ingest.oews_flat` is the readable reader; this module is the byte work
behind it. A data line has a fixed layout (0-based byte offsets)::

    0-24  series id            OE U <areatype> <area 7> <industry 6> <occupation 6> <datatype 2>
    25-29 spaces (the id is left-justified in 30 characters)
    30    tab
    31-34 year
    35    tab
    36-38 period (A01)
    39    tab
    40-51 value, right-justified in 12 characters ("-" alone when not published)
    52    tab
    53    footnote code, or the CR of the line end
    ...   CR LF

so the first :data:`LINE_WINDOW` = 56 bytes of every line hold everything there is to
check. Each line's window is read as seven little-endian 64-bit words, and most checks
are a few integer operations per word with one byte per 8-bit *lane* ("SIMD within a
register"): for example, "is every byte of the word a digit" becomes a mask, an add and a
compare, for eight bytes at once. The file is split into blocks of about
:data:`BLOCK_BYTES` that end at a line end and scanned on two threads: NumPy releases the
GIL for the heavy work.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from .. import paths
from ..errors import CareerStatsError, Problem, raise_if_any

#: A line is 55 bytes without a footnote code and 56 with one, CRLF included.
LINE_BYTES_NO_NOTE, LINE_BYTES_NOTE = 55, 56
#: Bytes looked at per line: seven 64-bit words.
LINE_WINDOW = 56
WORDS_PER_LINE = LINE_WINDOW // 8
#: About how much of the file one thread reads at a time.
BLOCK_BYTES = 8 << 20
DIGIT_0, POINT, DASH, SPACE, CR, LF = 48, 46, 45, 32, 13, 10

U64 = np.uint64
#: The high bit of every lane, and the low seven bits of every lane.
LANE_HIGH_BITS = 0x8080808080808080
LANE_LOW7_BITS = 0x7F7F7F7F7F7F7F7F

# Byte positions of the series id's parts.
AREATYPE_BYTE = 3
ID_DIGIT_BYTES = [*range(4, 11), *range(17, 25)]  # area, occupation, datatype
INDUSTRY_BYTES = range(11, 17)  # digits, or letters and '-' in ownership codes
VALUE_BODY_BYTES = range(40, 51)  # the value but its last character
VALUE_LAST_BYTE = 51
VALUE_BYTES = slice(40, 52)
NOTE_BYTE = 53
#: The 20 bytes from the area type to the occupation name one output row.
ROW_KEY_BYTES = slice(3, 23)
ROW_KEY_WIDTH = 20
DATATYPE_BYTES = (23, 24)


def lane_pattern(positions, byte: int) -> np.ndarray:
    """Seven words holding ``byte`` in the lanes at ``positions`` (0-55), zero elsewhere."""
    words = [0] * WORDS_PER_LINE
    for p in positions:
        words[p // 8] |= byte << (8 * (p % 8))
    return np.array(words, dtype=U64)


def repeated(byte: int) -> np.uint64:
    """A word with ``byte`` in every lane."""
    return U64(int.from_bytes(bytes([byte]) * 8, "little"))


def zero_byte_lanes(x: np.ndarray) -> np.ndarray:
    """The high bit set in exactly the lanes of ``x`` that hold a zero byte."""
    low7 = U64(LANE_LOW7_BITS)
    return ~(((x & low7) + low7) | x | low7)


def line_template(year: int, period: str) -> tuple[np.ndarray, np.ndarray]:
    """(mask, expected): the bytes every line of the release must have, and the high
    nibble 3 of every digit of the series id. A line fits when
    ``(word ^ expected) & mask == 0`` for each of its seven words."""
    fixed = {0: b"O", 1: b"E", 2: b"U", 30: b"\t", 35: b"\t", 39: b"\t", 52: b"\t"}
    fixed |= {p: b" " for p in range(25, 30)}
    fixed |= {31 + i: bytes([c]) for i, c in enumerate(str(year).encode())}
    fixed |= {36 + i: bytes([c]) for i, c in enumerate(period.encode())}
    mask = np.zeros(WORDS_PER_LINE, dtype=U64)
    expected = np.zeros(WORDS_PER_LINE, dtype=U64)
    for p, b in fixed.items():
        mask |= lane_pattern([p], 0xFF)
        expected |= lane_pattern([p], b[0])
    mask |= lane_pattern(ID_DIGIT_BYTES, 0xF0)  # a digit's high nibble is 3 ...
    expected |= lane_pattern(ID_DIGIT_BYTES, 0x30)
    return mask, expected


# ... and its low nibble at most 9: (low nibble + 6) must not carry into bit 4.
DIGIT_LOW_NIBBLE = lane_pattern(ID_DIGIT_BYTES, 0x0F)
DIGIT_PLUS_6 = lane_pattern(ID_DIGIT_BYTES, 0x06)
DIGIT_CARRY = lane_pattern(ID_DIGIT_BYTES, 0x10)
# Industry bytes lie in '-'..'Z': adding (0x80 - '-') sets the high bit from '-' up, and
# adding (0x80 - 'Z' - 1) sets it from past 'Z' up.
INDUSTRY_HIGH = lane_pattern(INDUSTRY_BYTES, 0x80)
INDUSTRY_FROM_DASH = lane_pattern(INDUSTRY_BYTES, 0x80 - ord("-"))
INDUSTRY_PAST_Z = lane_pattern(INDUSTRY_BYTES, 0x80 - ord("Z") - 1)
# The cross-industry code 000000.
INDUSTRY_MASK = lane_pattern(INDUSTRY_BYTES, 0xFF)
INDUSTRY_ALL_ZERO = lane_pattern(INDUSTRY_BYTES, DIGIT_0)
VALUE_HIGH = lane_pattern(VALUE_BODY_BYTES, 0x80)
EVERY_LOW_NIBBLE, EVERY_6, EVERY_BIT4, EVERY_HIGH_NIBBLE = (
    repeated(b) for b in (0x0F, 0x06, 0x10, 0xF0)
)
EVERY_3_HIGH, EVERY_SPACE, EVERY_POINT = (repeated(b) for b in (0x30, SPACE, POINT))


def value_body_lanes(word: np.ndarray, j: int) -> tuple[np.ndarray, np.ndarray]:
    """For word ``j`` of each line: (every value lane in it is a digit, space or point;
    every value lane in it is a space)."""
    high_nibble_3 = zero_byte_lanes((word & EVERY_HIGH_NIBBLE) ^ EVERY_3_HIGH)
    low_nibble_ok = ~(((word & EVERY_LOW_NIBBLE) + EVERY_6) & EVERY_BIT4) << U64(3)
    space = zero_byte_lanes(word ^ EVERY_SPACE)
    point = zero_byte_lanes(word ^ EVERY_POINT)
    lanes = VALUE_HIGH[j]
    valid = ((high_nibble_3 & low_nibble_ok) | space | point) & lanes
    return valid == lanes, (space & lanes) == lanes


def lookup(chars: bytes) -> np.ndarray:
    """A 256-entry table: True for the bytes in ``chars``."""
    table = np.zeros(256, dtype=bool)
    table[np.frombuffer(chars, np.uint8)] = True
    return table


IS_DIGIT = lookup(b"0123456789")
IS_AREATYPE = lookup(b"NSM")
#: Per byte, how a running integer takes it: x10 and + digit for a digit, unchanged else.
TIMES_TEN = np.where(IS_DIGIT, 10, 1).astype(np.int64)
PLUS_DIGIT = np.where(IS_DIGIT, np.arange(256) - DIGIT_0, 0).astype(np.int64)
POWERS_OF_TEN = 10.0 ** np.arange(0, 16)


@dataclass
class Block:
    """What one block of lines gave: its problems and the values of the lines kept."""

    lines: int
    problems: list  # (column, expected, line indexes in the block, their texts, count)
    keys: np.ndarray  # the row keys (ROW_KEY_BYTES) at which a new row starts
    newkey: np.ndarray  # per kept line: True where it starts a new row
    datatypes: np.ndarray
    values: np.ndarray
    notes: np.ndarray


@dataclass
class Scan:
    """Every kept line of the file, in file order."""

    keys: np.ndarray
    newkey: np.ndarray
    datatypes: np.ndarray
    values: np.ndarray
    notes: np.ndarray


_LOCAL = threading.local()


def read_buffer(n: int) -> np.ndarray:
    """This thread's read buffer, reused from block to block: a fresh large array costs a
    page fault per 4 KiB every time."""
    held = getattr(_LOCAL, "buffer", None)
    if held is None or len(held) < n + LINE_WINDOW + 1:
        held = np.zeros(max(n, BLOCK_BYTES + 8192) + LINE_WINDOW + 1, dtype=np.uint8)
        _LOCAL.buffer = held
    return held


# long function: the hot loop of the byte scan: one frame per block, calls would cost in every block
def scan_block(  # noqa: PLR0915
    fd: int,
    start: int,
    stop: int,
    template: tuple[np.ndarray, np.ndarray],
    known_notes: np.ndarray,
    cross_industry_only: bool,
    at_eof: bool,
) -> Block:
    """Check the lines in bytes [start, stop) and parse the values of those kept."""
    n = stop - start
    buf = read_buffer(n)
    buf[n:] = 0
    got = os.preadv(fd, [buf[:n].data], start)
    if got != n:
        raise CareerStatsError(f"read {got} of {n} bytes at offset {start}: file changed?")
    line_ends = np.flatnonzero(buf[:n] == LF)
    if at_eof and (not len(line_ends) or line_ends[-1] != n - 1):
        buf[n] = LF  # a last line without its line end: checked like any other
        line_ends = np.append(line_ends, n)
    starts = np.empty(len(line_ends), dtype=np.int64)
    starts[:1] = 0
    starts[1:] = line_ends[:-1] + 1
    lengths = line_ends - starts + 1
    # One row of LINE_WINDOW bytes per line (a view, no copy), and the same as 7 words.
    windows = sliding_window_view(buf[: n + LINE_WINDOW], LINE_WINDOW)[starts]
    words = windows.view("<u8")
    problems: list = []

    def bad(mask: np.ndarray, column: str | None, expected: str, where=None) -> None:
        if mask.any():
            idx = np.flatnonzero(mask)
            idx = idx if where is None else where[idx]
            texts = [
                buf[starts[i] : starts[i] + 100]
                .tobytes()
                .split(b"\n")[0]
                .decode("latin-1")
                .rstrip("\r")
                for i in idx[:20]
            ]
            problems.append((column, expected, idx[:20], texts, len(idx)))

    right_length = (lengths == LINE_BYTES_NO_NOTE) | (lengths == LINE_BYTES_NOTE)
    bad(
        ~right_length,
        None,
        f"a line of {LINE_BYTES_NO_NOTE} or {LINE_BYTES_NOTE} bytes: series id padded to "
        "30, year, period, value padded to 12, footnote codes, CRLF (truncated or malformed "
        "line)",
    )
    where = None  # line index in the block of each row still looked at
    if not right_length.all():
        where = np.flatnonzero(right_length)
        windows, words, lengths = windows[where], words[where], lengths[where]
    mask, expected = template
    layout = np.ones(len(windows), dtype=bool)
    digits = np.ones(len(windows), dtype=bool)
    industry = np.ones(len(windows), dtype=bool)
    for j in range(WORDS_PER_LINE):
        w = words[:, j]
        if mask[j]:
            layout &= ((w ^ expected[j]) & mask[j]) == 0
        if DIGIT_LOW_NIBBLE[j]:
            digits &= (((w & DIGIT_LOW_NIBBLE[j]) + DIGIT_PLUS_6[j]) & DIGIT_CARRY[j]) == 0
        if INDUSTRY_HIGH[j]:
            low7 = w & U64(LANE_LOW7_BITS)
            inside = (
                (low7 + INDUSTRY_FROM_DASH[j]) & ~(low7 + INDUSTRY_PAST_Z[j]) & ~w
            ) & INDUSTRY_HIGH[j]
            industry &= inside == INDUSTRY_HIGH[j]
    layout &= windows[np.arange(len(windows)), lengths - 2] == CR
    good_id = layout & digits & industry & IS_AREATYPE[windows[:, AREATYPE_BYTE]]
    tens, ones = DATATYPE_BYTES
    datatype = (windows[:, tens].astype(np.int16) - DIGIT_0) * 10 + (
        windows[:, ones].astype(np.int16) - DIGIT_0
    )
    good_id &= (datatype >= 1) & (datatype <= 17)
    bad(
        ~good_id,
        "series_id, year, period",
        "OEU + area type N/S/M + 7-digit area + 6-character industry + 6-digit occupation "
        "+ datatype 01-17, padded to 30, then the release's year and period, tab-separated, "
        "CRLF",
        where,
    )
    body5, spaces5 = value_body_lanes(words[:, 5], 5)
    body6, spaces6 = value_body_lanes(words[:, 6], 6)
    last = windows[:, VALUE_LAST_BYTE]
    dash = last == DASH
    good_value = body5 & body6 & (IS_DIGIT[last] | (dash & spaces5 & spaces6))
    bad(~good_value, "value", "a number, or '-' alone with a footnote (unknown marker)", where)
    note = np.where(lengths == LINE_BYTES_NOTE, windows[:, NOTE_BYTE].astype(np.int16) - DIGIT_0, 0)
    good_note = ((note == 0) | known_notes[np.clip(note, 0, 9)]) & (~dash | (note != 0))
    bad(
        ~good_note,
        "footnote_codes",
        "no code, or 4, 5 or 8 with a '-' value (see oe.footnote)",
        where,
    )

    if cross_industry_only:
        keep = np.flatnonzero(
            (((words[:, 1] ^ INDUSTRY_ALL_ZERO[1]) & INDUSTRY_MASK[1]) == 0)
            & (((words[:, 2] ^ INDUSTRY_ALL_ZERO[2]) & INDUSTRY_MASK[2]) == 0)
        )
    else:
        keep = np.arange(len(windows))
    values, malformed = parse_values(windows[keep, VALUE_BYTES], dash[keep])
    if malformed.any():
        kept = keep if where is None else where[keep]
        bad(
            np.isin(np.arange(len(line_ends)), kept[malformed]),
            "value",
            "a right-justified number: digits with at most one point, no inner spaces",
        )
    key = np.ascontiguousarray(windows[keep, ROW_KEY_BYTES]).view(f"S{ROW_KEY_WIDTH}").ravel()
    new = np.ones(len(key), dtype=bool)
    new[1:] = key[1:] != key[:-1]
    return Block(
        lines=len(line_ends),
        problems=problems,
        keys=key[new],
        newkey=new,
        datatypes=datatype[keep].astype(np.int8),
        values=values,
        notes=note[keep].astype(np.int8),
    )


def parse_values(text: np.ndarray, dash: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Fixed-width decimal text -> (float64 exactly as float() reads it, malformed rows).

    The digits make an integer and the count of digits after the point its decimals; an
    integer below 2**53 divided by a power of ten rounds once, as float(text) does. A
    value is right-justified: a space after its first character, or a second point, makes
    the row malformed.
    """
    columns = np.ascontiguousarray(text.T)  # one contiguous row per character position
    k = text.shape[0]
    mantissa = np.zeros(k, dtype=np.int64)
    decimals = np.zeros(k, dtype=np.int64)
    after_point = np.zeros(k, dtype=bool)
    started = np.zeros(k, dtype=bool)
    malformed = np.zeros(k, dtype=bool)
    for column in columns:
        space = column == SPACE
        if not started.any() and space.all():
            continue  # a column of leading blanks in every row
        point = column == POINT
        malformed |= (started & space) | (after_point & point)
        started |= ~space
        mantissa *= TIMES_TEN[column]
        mantissa += PLUS_DIGIT[column]
        decimals += after_point
        after_point |= point
    values = mantissa / POWERS_OF_TEN[decimals]
    values[dash] = np.nan
    return values, malformed & ~dash


def block_bounds(fd: int, start: int, size: int) -> list[tuple[int, int]]:
    """Split [start, size) into blocks of about BLOCK_BYTES that end at a line end."""
    bounds = []
    while start < size:
        stop = min(start + BLOCK_BYTES, size)
        if stop < size:
            tail = os.pread(fd, 4096, stop)
            cut = tail.find(b"\n")
            stop = stop + cut + 1 if cut >= 0 else min(stop + len(tail), size)
        bounds.append((start, stop))
        start = stop
    return bounds


# long function: the scan's one pass over the file, its buffers and its tail, read once
def scan(
    path: Path,
    year: int,
    period: str,
    known_notes: list[int],
    header_problems: Callable[[Path, bytes], list[Problem]],
    cross_industry_only: bool,
    progress: Callable[[str], None] | None,
    threads: int = 2,
) -> Scan:
    """Check every line of the data file and keep the (cross-industry) values."""
    path = Path(path)
    shown = paths.display(path)
    size = path.stat().st_size
    if size == 0:
        raise_if_any([Problem(shown, None, "the OEWS data file (empty file)")])
    notes_table = np.isin(np.arange(10), known_notes)
    with path.open("rb", buffering=0) as f:
        header = f.readline()
        raise_if_any(header_problems(path, header))
        fd = f.fileno()
        bounds = block_bounds(fd, len(header), size)
        template = line_template(year, period)
        blocks: list[Block] = []
        problems: list[Problem] = []
        line0 = 2
        with ThreadPoolExecutor(max_workers=threads) as pool:
            futures = [
                pool.submit(
                    scan_block, fd, a, b, template, notes_table, cross_industry_only, b == size
                )
                for a, b in bounds
            ]
            for i, future in enumerate(futures):
                block = future.result()
                for column, expected, idx, texts, count in block.problems:
                    more = f" ({count - len(idx)} more lines)" if count > len(idx) else ""
                    problems.append(
                        Problem(
                            shown,
                            column,
                            expected + more,
                            tuple(int(line0 + k) for k in idx),
                            tuple(texts),
                        )
                    )
                line0 += block.lines
                blocks.append(block)
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
    return Scan(
        keys=np.concatenate(keys),
        newkey=newkey,
        datatypes=np.concatenate([b.datatypes for b in blocks]),
        values=np.concatenate([b.values for b in blocks]),
        notes=np.concatenate([b.notes for b in blocks]),
    )


def text_column(rows: np.ndarray) -> Any:
    """Rows of ASCII bytes -> pandas' str array, through Arrow (no Python objects)."""
    import pandas as pd
    import pyarrow as pa

    width = rows.shape[1]
    fixed = pa.array(np.ascontiguousarray(rows).view(f"S{width}").ravel(), type=pa.binary(width))
    return pd.array(fixed.cast(pa.string()), dtype="str")
