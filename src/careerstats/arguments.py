"""The argument check of careerstats' public functions: each argument against its type
annotation, before the function runs.

A wrong type is an :class:`~careerstats.errors.ArgumentTypeError` (a
:class:`~careerstats.errors.CareerStatsError` and a :class:`TypeError`) that names the
function, the argument, the value it was given and the type expected, never a pandas or
Python error from deep inside. Values are each function's own to check (a SOC code's form,
an area, a level between 0 and 1).

The annotations the public functions use are all that is understood: ``str``, ``int``,
``float``, ``bool``, ``Path`` (a ``str`` or any path-like is accepted), ``None``, unions,
``list[X]``, ``tuple[X, ...]``, ``Mapping``, classes, and ``Any``/``object`` (anything).
"""

from __future__ import annotations

import collections.abc
import functools
import inspect
import numbers
import os
import types
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from .errors import ArgumentTypeError, shown

F = TypeVar("F", bound=Callable[..., Any])


def _scalar_matches(value: object, hint: type) -> bool:
    if hint is bool:
        return isinstance(value, bool)
    if hint is int:
        return isinstance(value, numbers.Integral) and not isinstance(value, bool)
    if hint is float:
        return isinstance(value, numbers.Real) and not isinstance(value, bool)
    if hint is Path:
        return isinstance(value, str | os.PathLike)
    return isinstance(value, hint)


def matches(value: object, hint: Any) -> bool:
    """Whether ``value`` is of the annotated type ``hint``.

    >>> matches(3, float), matches(True, int), matches(["a"], list[str] | None)
    (True, False, True)
    """
    if hint in (Any, object, inspect.Parameter.empty):
        return True
    if hint is None or hint is type(None):
        return value is None
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return any(matches(value, a) for a in args)
    if origin is typing.Literal:
        return value in args
    if origin in (list, tuple, collections.abc.Sequence, collections.abc.Iterable):
        if not isinstance(value, origin) or isinstance(value, str):
            return False
        items = [a for a in args if a is not Ellipsis][:1]
        if not items or not isinstance(value, list | tuple):  # an iterator is not consumed
            return True
        return all(matches(v, items[0]) for v in value)
    if origin is not None:  # dict[...], Mapping[...], Callable[...]: the container only
        return isinstance(value, origin)
    if isinstance(hint, type):
        return _scalar_matches(value, hint)
    return True  # a construct not used in public signatures: left to the function


def _describe(hint: Any) -> str:
    """How an expected type is named in a message: ``str or None``, ``list of str``."""
    if hint is None or hint is type(None):
        return "None"
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_describe(a) for a in args)
    if origin in (list, tuple):
        item = next((a for a in args if a is not Ellipsis), None)
        return f"a {origin.__name__} of {_describe(item)}" if item else f"a {origin.__name__}"
    if origin is typing.Literal:
        return "one of " + ", ".join(repr(a) for a in args)
    if hint is Path:
        return "a path (str or Path)"
    return getattr(origin or hint, "__name__", str(hint))


def _hints(func: Callable[..., Any]) -> dict[str, Any]:
    """``func``'s annotations as types; one that names what only a type checker imports
    (``if TYPE_CHECKING:``) is left to the function (``Any``)."""
    try:
        return typing.get_type_hints(func)
    except NameError:
        found: dict[str, Any] = {}
        for name, annotation in func.__annotations__.items():
            try:
                found[name] = typing.get_type_hints(
                    types.SimpleNamespace(__annotations__={name: annotation}),
                    globalns=func.__globals__,
                )[name]
            except NameError:
                found[name] = Any
        return found


def checked(func: F) -> F:
    """``func``, with every argument checked against its annotation before each call.

    >>> @checked
    ... def twice(n: int) -> int:
    ...     return 2 * n
    >>> twice("3")
    Traceback (most recent call last):
    careerstats.errors.ArgumentTypeError: twice(): n='3' (str) — expected int
    """
    signature = inspect.signature(func)
    hints: dict[str, Any] = {}
    resolved = False

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        nonlocal resolved
        if not resolved:  # on first call: the annotations may name what imports later
            hints.update(_hints(func))
            resolved = True
        try:
            bound = signature.bind(*args, **kwargs)
        except TypeError as e:
            raise ArgumentTypeError(f"{func.__name__}(): {e}") from None
        for name, value in bound.arguments.items():
            kind = signature.parameters[name].kind
            if kind is inspect.Parameter.VAR_KEYWORD:
                continue
            hint = hints.get(name, Any)
            given = value if kind is inspect.Parameter.VAR_POSITIONAL else (value,)
            for one in given:
                if not matches(one, hint):
                    raise ArgumentTypeError(
                        f"{func.__name__}(): {name}={shown(one)} ({type(one).__name__}) "
                        f"— expected {_describe(hint)}"
                    )
        return func(*args, **kwargs)

    return typing.cast(F, wrapper)
