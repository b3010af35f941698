"""A tile-grid map of the United States: one equal square per state, DC and Puerto Rico.

Tiles keep every state the same size, so small states (DC, RI, DE) stay readable. The
layout follows the common "statebins" arrangement; Guam and the Virgin Islands, which BLS
also publishes, are not placed.
"""

from __future__ import annotations

_ROWS = [
    ["AK", None, None, None, None, None, None, None, None, None, "ME"],
    [None, None, None, None, None, None, None, None, None, "VT", "NH"],
    ["WA", "ID", "MT", "ND", "MN", "IL", "WI", "MI", "NY", "RI", "MA"],
    ["OR", "NV", "WY", "SD", "IA", "IN", "OH", "PA", "NJ", "CT", None],
    ["CA", "UT", "CO", "NE", "MO", "KY", "WV", "VA", "MD", "DE", None],
    [None, "AZ", "NM", "KS", "AR", "TN", "NC", "SC", "DC", None, None],
    [None, None, None, "OK", "LA", "MS", "AL", "GA", None, None, None],
    ["HI", None, None, "TX", None, None, None, None, "FL", None, "PR"],
]

#: state postal code -> (row, column), row 0 at the top
LAYOUT: dict[str, tuple[int, int]] = {
    code: (r, c) for r, row in enumerate(_ROWS) for c, code in enumerate(row) if code
}
N_ROWS = len(_ROWS)
N_COLS = max(len(row) for row in _ROWS)
