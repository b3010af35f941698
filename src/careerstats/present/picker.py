"""Notebook 05's live picker: choose two occupations, an area and a measure, and the
comparison redraws in place (ipywidgets), with no rerun.

Occupations are searched by code or title (type ``31-9097`` or ``phleb``), areas by
postal code, name, OEWS code or metro name. The picker loads nothing itself: the notebook
passes it the data package (``data=careerstats.Tables()``), the one home of loading.
"""

from __future__ import annotations

import re
import threading
from typing import Any

import pandas as pd

from ..analysis._common import Data
from ..analysis.areas import area_rows, resolve
from ..analysis.compare import compare
from ..analysis.wages import wage_distribution, wage_history
from ..errors import CareerStatsError, shown
from ..extras import require
from ..measures import WAGE_FIELDS
from ..occupations import ALL_OCCUPATIONS
from ..tables.dictionary import title
from . import charts
from .display import hourly, usd
from .tables import bls_side_by_side, gap_display

_SOC = re.compile(r"^\s*(\d{2}-?\d{4})\b")
_AREA_CODE = re.compile(r"^\s*(US|[A-Z]{2}|\d{7})\b")


def measure_label(field: str) -> str:
    """``annual_wage_median`` -> "Median pay, per year": the dictionary's title."""
    return title(field)


def occupation_options(occupations: pd.DataFrame, published: set[str]) -> list[str]:
    """ "31-9092 Medical Assistants" for every code the newest national release publishes."""
    rows = occupations[occupations["soc_code"].isin(published)]
    return [f"{c} {t}" for c, t in zip(rows["soc_code"], rows["occupation_title"], strict=True)]


def area_options(areas: pd.DataFrame) -> list[str]:
    """ "US National", "CA California", "0010180 Abilene, TX": every OEWS area."""
    out = []
    for _, r in areas.iterrows():
        if r["area_type"] == "national":
            out.append(f"US {r['area_title']}")
        elif r["area_type"] == "state" and isinstance(r["area_state_code"], str):
            out.append(f"{r['area_state_code']} {r['area_title']}")
        else:
            out.append(f"{r['area_code']} {r['area_title']}")
    return out


def pick_occupation(text: str, options: list[str]) -> str:
    """The SOC code a user typed: a code, or a piece of a title that names one occupation."""
    m = _SOC.match(text)
    if m:
        return m.group(1)
    words = text.strip().lower()
    found = [o for o in options if words and words in o.lower()]
    if len(found) == 1:
        return found[0].split()[0]
    hint = "; ".join(found[:5]) if found else "no title contains it"
    raise CareerStatsError(f"{shown(text)}: expected a SOC code or one title ({hint})")


def pick_area(text: str) -> str:
    """What :func:`~careerstats.compare` takes for the area a user typed or picked."""
    m = _AREA_CODE.match(text)
    return m.group(1) if m else text.strip()


# long function: the widgets and their callbacks share one closure's state
def comparison_picker(  # noqa: PLR0915
    soc_a: str,
    soc_b: str,
    area: str,
    *,
    data: Data,
) -> Any:
    """The picker, as an ipywidgets box: occupation A and B (search by code or title), the
    area, the measure; below them the side-by-side table, the gap, the measure in both,
    and two charts (the pay distribution in the area, the measure's history nationally in
    real dollars). Every change redraws them in place."""
    require("lab", "the live picker (comparison_picker)")
    import ipywidgets as widgets
    import matplotlib.pyplot as plt
    from IPython.display import display

    occupations, areas, cpi = (data.table(t) for t in ("occupations", "areas", "cpi"))
    national = data.oews("national")
    newest = national[national["year"] == national["year"].max()]
    options = occupation_options(occupations, set(newest["soc_code"]))
    by_code = {o.split()[0]: o for o in options}

    def box(description: str, value: str, choices: list[str]) -> Any:
        return widgets.Combobox(
            value=value,
            options=choices,
            description=description,
            placeholder="a SOC code or part of a title",
            ensure_option=False,
            continuous_update=False,
            layout=widgets.Layout(width="38rem"),
            style={"description_width": "8rem"},
        )

    a_box = box("Occupation A", by_code.get(soc_a, soc_a), options)
    b_box = box("Occupation B", by_code.get(soc_b, soc_b), options)
    place_names = area_options(areas)
    shown_area = next((o for o in place_names if pick_area(o) == area), area)
    area_box = box("Area", shown_area, place_names)
    area_box.placeholder = "US, a state (TX, Texas), an OEWS code or a metro name"
    measure = widgets.Dropdown(
        options=[(measure_label(f), f) for f in WAGE_FIELDS],
        value="annual_wage_median",
        description="Measure",
        style={"description_width": "8rem"},
    )
    status = widgets.HTML()
    tables_out = widgets.Output()
    charts_out = widgets.Output()

    drawing = threading.Lock()

    def redraw(_: object = None) -> None:
        # One redraw at a time: the kernel may run widget callbacks on more than one
        # thread, and matplotlib's style (rc_context) is global to the process.
        with drawing:
            _redraw()

    def _redraw() -> None:
        try:
            a = pick_occupation(a_box.value, options)
            b = pick_occupation(b_box.value, options)
            place = pick_area(area_box.value)
            result = compare(a, b, area=place, data=data)
        except CareerStatsError as error:
            status.value = f"<b>Cannot compare:</b> {_html(str(error))}"
            return
        field = measure.value
        first, second = result["occupations"]
        money = hourly if field.startswith("hourly") else usd
        values = ["not published" if o[field] is None else money(o[field]) for o in (first, second)]
        status.value = "<i>Redrawing...</i>"
        tables_out.clear_output(wait=True)
        with tables_out:
            display(bls_side_by_side(result), gap_display(result))
        charts_out.clear_output(wait=True)
        with charts_out:
            codes = [first["soc_code"], second["soc_code"]]
            where = resolve(place, areas)
            only = None if where.area_type == "national" else {"area_code": [where.code]}
            rows = area_rows(where, data.oews(where.area_type, "latest", where=only))
            for fig in (
                charts.plot_wage_distribution(
                    wage_distribution(rows, [*codes, ALL_OCCUPATIONS]),
                    area=result["area"]["area_title"],
                ),
                charts.plot_real_pay_history(wage_history(national, codes, field, cpi=cpi)),
            ):
                display(fig)
                plt.close(fig)
        # set last: once it names the pair, the table and both charts are drawn
        status.value = (
            f"<b>{_html(first['occupation_title'])}</b> vs "
            f"<b>{_html(second['occupation_title'])}</b>, "
            f"{_html(result['area']['area_title'])}, OEWS {_html(result['release'])}. "
            f"{_html(measure_label(field))}: {values[0]} vs {values[1]}."
        )

    for control in (a_box, b_box, area_box, measure):
        control.observe(redraw, names="value")
    redraw()
    controls = widgets.VBox([a_box, b_box, area_box, measure])
    return widgets.VBox([controls, status, tables_out, charts_out])


def _html(text: str) -> str:
    import html

    return html.escape(text)
