"""The one exception family careerstats raises for bad input.

Every message names what a person needs to fix the input: the file, the row(s), the
column, every offending value, and what was expected. Problems are collected, not
raised one at a time, so a single run reports everything that is wrong.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NoReturn


class CareerStatsError(ValueError):
    """Base class for every error careerstats raises about its inputs or arguments.

    >>> import careerstats as cs
    >>> try:
    ...     cs.compare("31-9092", "31-9092")
    ... except cs.CareerStatsError as e:
    ...     print(e)
    compare 31-9092 with itself — expected two different SOC codes
    """


#: How much of a value a message echoes: enough to recognise it, never a whole paste.
ECHO_LIMIT = 80


def shown(value: object, limit: int = ECHO_LIMIT) -> str:
    """``repr(value)`` for a message, cut to about ``limit`` characters: a 100,000-character
    argument is named by its start and its length, not echoed whole."""
    text = repr(value)
    if len(text) <= limit:
        return text
    length = len(value) if isinstance(value, str | bytes) else len(text)
    return f"{text[: limit - 1]}… ({length:,} characters)"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one column of one file.

    ``rows`` are spreadsheet-style row numbers: the header is row 1, the first data row
    is row 2, so a row number is also the line to open in an editor.
    """

    file: str
    column: str | None
    expected: str
    rows: tuple[int, ...] = ()
    values: tuple[object, ...] = ()

    def __str__(self) -> str:
        where = [self.file]
        if self.column is not None:
            where.append(f"column {self.column}")
        if self.rows:
            listed = ", ".join(str(r) for r in self.rows[:20])
            more = f" (+{len(self.rows) - 20} more)" if len(self.rows) > 20 else ""
            where.append(f"row{'s' if len(self.rows) > 1 else ''} {listed}{more}")
        text = ": ".join(where)
        if self.values:
            vals = ", ".join(shown(v) for v in self.values[:20])
            more = f" (+{len(self.values) - 20} more)" if len(self.values) > 20 else ""
            text += f": {vals}{more}"
        return f"{text} — expected {self.expected}"


@dataclass
class DataValidationError(CareerStatsError):
    """A file failed validation; ``problems`` lists every problem found.

    >>> problem = Problem("data/areas.csv", "area_code", "seven digits", (3,), ("06",))
    >>> print(DataValidationError([problem]))
    1 problem found: data/areas.csv: column area_code: row 3: '06' — expected seven digits
    """

    problems: Sequence[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        n = len(self.problems)
        head = f"{n} problem{'s' if n != 1 else ''} found"
        if n == 1:  # one line: the file, rows, column, values and what was expected
            return f"{head}: {self.problems[0]}"
        return head + ":\n" + "\n".join(f"  {p}" for p in self.problems)


def fail(*problems: Problem) -> NoReturn:
    """Raise one DataValidationError listing ``problems`` (at least one)."""
    raise DataValidationError(list(problems))


def raise_if_any(problems: Iterable[Problem]) -> None:
    """Raise one DataValidationError listing all ``problems``, if there are any."""
    problems = list(problems)
    if problems:
        raise DataValidationError(problems)


class ArgumentTypeError(CareerStatsError, TypeError):
    """A public function was given an argument of the wrong type: the message names the
    argument, what it was given (cut to 80 characters) and the type expected. Also a
    :class:`TypeError`, so code that catches either catches it.

    >>> import careerstats as cs
    >>> cs.interval("48,750", 1.1)
    Traceback (most recent call last):
    careerstats.errors.ArgumentTypeError: interval(): estimate='48,750' (str) — expected ...
    """


class MissingExtraError(CareerStatsError):
    """What was asked needs one of careerstats' optional extras (``report``, ``lab`` or
    ``build``), which is not installed: the message is one line with the exact command
    that installs it. Nothing was written before it was raised.

    >>> error = MissingExtraError("careerstats report", "report", "nbclient")
    >>> str(error).split("; ")[1]
    "install it with: pip install 'careerstats[report]'"
    """

    def __init__(self, what: str, extra: str, missing: str) -> None:
        self.what, self.extra, self.missing = what, extra, missing
        super().__init__(
            f"{what} needs careerstats' {extra!r} extra (no module {missing!r} here); "
            f"install it with: pip install 'careerstats[{extra}]'"
        )


class UnknownCodeError(CareerStatsError):
    """A code, name or year that careerstats does not know, with the closest known ones.

    >>> import careerstats as cs
    >>> cs.load_table("area")
    Traceback (most recent call last):
    careerstats.errors.UnknownCodeError: unknown table 'area'; close matches: areas
    """

    def __init__(
        self,
        kind: str,
        value: object,
        known: Iterable[str],
        hint: str = "",
        labels: dict[str, str] | None = None,
    ) -> None:
        import difflib

        known = list(known)
        text = str(value)[:200]  # difflib on a pasted page would take minutes
        close = difflib.get_close_matches(text, known, n=5, cutoff=0.5)
        if not close and len(text) <= ECHO_LIMIT:
            close = [k for k in known if text.lower() in k.lower()][:5]
        if labels:
            close = [f"{c} ({labels[c]})" if c in labels else c for c in close]
        msg = f"unknown {kind} {shown(value)}"
        if close:
            msg += "; close matches: " + ", ".join(close)
        if hint:
            msg += f" ({hint})"
        self.kind, self.value, self.close_matches = kind, value, close
        super().__init__(msg)


class NotPublishedError(UnknownCodeError):
    """A code BLS knows, published in the release, but not where (or not in the form) it
    was asked for. ``message`` names the occupation, the place and where BLS does publish
    it. A subclass of :class:`UnknownCodeError` only so that code catching a lookup miss
    catches it too; its message never calls the code unknown."""

    def __init__(self, code: str, title: str, message: str) -> None:
        self.kind, self.value, self.close_matches = "SOC code", code, []
        self.title = title
        CareerStatsError.__init__(self, message)


class RetiredCodeError(UnknownCodeError):
    """A SOC code BLS no longer publishes: when it last did, and which code replaced it."""

    def __init__(
        self,
        code: str,
        title: str,
        last_release: str,
        replacement: str | None = None,
        replacement_title: str | None = None,
    ) -> None:
        msg = f"SOC code {code!r} ({title}) is retired: BLS last published it in {last_release}"
        if replacement:
            msg += f"; it now publishes {replacement} ({replacement_title}), which covers it"
        self.kind, self.value = "SOC code", code
        self.close_matches = [replacement] if replacement else []
        self.last_release, self.replacement = last_release, replacement
        CareerStatsError.__init__(self, msg)
