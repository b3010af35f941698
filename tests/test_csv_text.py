"""The CSV writer: a column at a time, the same bytes as the cell-by-cell rule."""

import math

import numpy as np
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from careerstats.tables.build import _cell_text, _column_text

NUMBERS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=False),
    st.integers(min_value=-(2**62), max_value=2**62).map(float),
    st.floats(min_value=-1e7, max_value=1e7).map(lambda f: round(f, 2)),
    st.none(),
)


@given(st.lists(NUMBERS, max_size=40))
def test_numbers_column_matches_cells(values):
    expected = [_cell_text(v, "number") for v in values]
    as_object = pd.Series(values, dtype=object)
    as_float = pd.Series([math.nan if v is None else v for v in values], dtype="float64")
    assert list(_column_text(as_object, "number")) == expected
    assert list(_column_text(as_float, "number")) == expected


@given(st.lists(st.one_of(st.text(max_size=8), st.none(), st.integers()), max_size=30))
def test_text_column_matches_cells(values):
    column = pd.Series(values, dtype=object)
    assert list(_column_text(column, "string")) == [_cell_text(v, "string") for v in values]


@given(st.lists(st.one_of(st.booleans(), st.none()), max_size=30))
def test_boolean_column_matches_cells(values):
    column = pd.Series(values, dtype="boolean")
    expected = [_cell_text(None if v is None else v, "boolean") for v in values]
    assert list(_column_text(column, "boolean")) == expected


def test_known_cells():
    column = pd.Series([45690.0, 21.97, np.nan, 1e-05, 2.0**60, 0.1 + 0.2])
    assert list(_column_text(column, "number")) == [
        "45690",
        "21.97",
        "",
        "1e-05",
        str(2**60),
        "0.30000000000000004",
    ]
