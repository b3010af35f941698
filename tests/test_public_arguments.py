"""Every public name rejects arguments of the wrong type with a CareerStatsError subclass
(an ArgumentTypeError names the function, the argument, the value and the type
expected), never an AttributeError or TypeError from inside pandas or matplotlib: the
functions of ``careerstats.__all__`` and of the public modules it names (``pay``,
``growth``, ``comparison``, ``charts``)."""

from __future__ import annotations

import inspect

import pytest

import careerstats as cs
from careerstats.errors import ArgumentTypeError, CareerStatsError


def _public_functions() -> list[tuple[str, object]]:
    """The functions and classes of ``careerstats.__all__``, and the public functions of
    the modules it names (those in the module's ``__all__``, else those it defines)."""
    found = []
    for name in cs.__all__:
        obj = getattr(cs, name)
        if inspect.isfunction(obj) or (inspect.isclass(obj) and not issubclass(obj, Exception)):
            found.append((name, obj))
        elif inspect.ismodule(obj):
            listed = getattr(obj, "__all__", None)
            for member in listed or dir(obj):
                value = getattr(obj, member)
                if (
                    inspect.isfunction(value)
                    and not member.startswith("_")
                    and (listed or value.__module__ == obj.__name__)
                ):
                    found.append((f"{name}.{member}", value))
    return found


PUBLIC = _public_functions()


class Wrong:
    """A value of no type any careerstats function takes."""

    def __repr__(self) -> str:
        return "Wrong()"


def _call_with_wrong_types(func):
    target = func.__init__ if inspect.isclass(func) else func
    params = list(inspect.signature(target).parameters.values())
    if inspect.isclass(func):
        params = params[1:]
    args = [
        Wrong()
        for p in params
        if p.default is inspect.Parameter.empty
        and p.kind is not p.KEYWORD_ONLY
        and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    ]
    kwargs = {
        p.name: Wrong()
        for p in params
        if p.kind is p.KEYWORD_ONLY and p.default is inspect.Parameter.empty
    }
    if not args and not kwargs:  # every argument optional: give the first one wrong
        first = next(p for p in params if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD))
        kwargs = {first.name: Wrong()}
    return func(*args, **kwargs)


def test_every_public_function_is_covered():
    names = {n for n, _ in PUBLIC}
    for expected in (
        "compare",
        "rank",
        "return_on_training",
        "Tables",
        "pay.pay_gap",
        "growth.projection_path",
        "charts.plot_pay_history",
        "interval",
    ):
        assert expected in names
    assert len(PUBLIC) > 50


@pytest.mark.parametrize(("name", "func"), PUBLIC, ids=[n for n, _ in PUBLIC])
def test_a_wrong_type_is_a_careerstats_error(name, func):
    with pytest.raises(CareerStatsError) as raised:
        _call_with_wrong_types(func)
    assert (
        "Wrong()" in str(raised.value)
        or "object" in str(raised.value)
        or isinstance(raised.value, CareerStatsError)
    )


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: cs.compare("31-9092", 29), "compare(): b=29 (int) — expected str"),
        (lambda: cs.rank("31-9092", by=["state"]), "rank(): by=['state'] (list) — expected str"),
        (lambda: cs.interval("48,750", 1.1), "interval(): estimate='48,750' (str)"),
        (lambda: cs.cost_adjusted(50_000, "112"), "cost_adjusted(): rpp='112' (str)"),
        (lambda: cs.price_parity(None), "price_parity(): area=None (NoneType)"),
        (
            lambda: cs.return_on_training("31-9092", "29-2010", cost_b="8000"),
            "return_on_training(): cost_b='8000' (str) — expected float or None",
        ),
        (lambda: cs.Tables(data_dir=5), "__init__(): data_dir=5 (int)"),
        (lambda: cs.charts.plot_pay_history("x"), "plot_pay_history(): history='x' (str)"),
    ],
)
def test_the_message_names_the_function_argument_value_and_type(call, message):
    with pytest.raises(ArgumentTypeError, match=None) as raised:
        call()
    assert message in str(raised.value)
    assert isinstance(raised.value, TypeError)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: cs.compare("31-9092", "31-9092"), "with itself"),
        (lambda: cs.interval(48_750, -1.0), "expected >= 0"),
        (lambda: cs.interval(48_750, 1.1, level=1.5), "between 0 and 1"),
        (lambda: cs.cost_adjusted(50_000, -3.0), "expected a positive index"),
        (lambda: cs.price_parity("Atlantis"), "Atlantis"),
        (lambda: cs.return_on_training("31-9092", "29-2010", years_b=40.0), "training_years"),
        (
            lambda: cs.history("31-9092", "29-2010", measure="employment", dollars="real"),
            "not in dollars",
        ),
    ],
)
def test_a_wrong_value_is_a_careerstats_error(call, message):
    with pytest.raises(CareerStatsError) as raised:
        call()
    assert message in str(raised.value)
