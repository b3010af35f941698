"""Every chart the project publishes, and the data each is drawn from.

Each entry of :data:`REGISTRY` takes what its chart needs from the data package (through
:class:`~careerstats.tables.store.Tables`, the one home of loading), runs the analysis
and draws. ``careerstats
charts`` (and ``make charts``) calls :func:`render_all`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from .. import occupations as occ
from ..analysis import cost_of_living, credentials, growth, roi, wages
from ..analysis.claims import claims_wide
from ..analysis.industries import industries
from ..analysis.rank import rank
from ..analysis.requirements import requirements
from ..tables.store import Tables
from .charts import (
    plot_article_growth_check,
    plot_article_pay,
    plot_article_projection,
    plot_break_even_sensitivity,
    plot_cost_adjusted_gap_map,
    plot_cumulative_earnings,
    plot_cycle_projections,
    plot_gap_intervals,
    plot_industry_pay,
    plot_industry_shares,
    plot_licensure_map,
    plot_licensure_pay,
    plot_openings,
    plot_outlook_by_cycle,
    plot_pay_history,
    plot_rank_intervals,
    plot_real_pay_history,
    plot_recertification_timeline,
    plot_requirements,
    plot_state_gap_map,
    plot_track_record,
    plot_wage_distribution,
)
from .style import save

DataDir = Path | None
#: How many of each occupation's industries notebook 07's charts show.
INDUSTRIES_SHOWN = 6


def _article(d: DataDir) -> pd.DataFrame:
    return claims_wide(Tables(d).table("article_claims"))


def _outlook(d: DataDir) -> pd.DataFrame:
    return growth.outlook(Tables(d).projections(), occ.ARTICLE_PAIR)


def _wage_distribution(d: DataDir) -> Figure:
    newest = Tables(d).oews("national", "latest")
    return plot_wage_distribution(
        wages.wage_distribution(newest, [*occ.ARTICLE_PAIR, occ.ALL_OCCUPATIONS])
    )


def _licensure_pay(d: DataDir) -> Figure:
    by_state = wages.licensure_pay(
        Tables(d).oews("state"),
        Tables(d).table("licensure"),
        occ.CLINICAL_LAB_TECHNOLOGISTS_AND_TECHNICIANS,
    )
    return plot_licensure_pay(by_state)


def _roi(d: DataDir, which: int) -> Figure:
    """One of notebook 06's two charts, with the default assumptions."""
    national = Tables(d).oews("national")
    first, second = roi.default_paths(data=Tables(d))
    if which == 0:
        table, years = roi.compare_paths(national, first, second)
        return plot_cumulative_earnings(table, years)
    return plot_break_even_sensitivity(roi.sensitivity(national, first, second), second.soc_code)


def _requirements(d: DataDir, group: str) -> Figure:
    """Notebook 08's chart of one ORS group for the article's pair (29-2010 as its parts)."""
    found = requirements(Tables(d).table("requirements"), occ.ARTICLE_PAIR, groups=group)
    return plot_requirements(found, group)


REGISTRY: dict[str, Callable[[DataDir], Figure]] = {
    "01-article-pay": lambda d: plot_article_pay(_article(d)),
    "01-article-projection": lambda d: plot_article_projection(_article(d)),
    "01-article-growth-check": lambda d: plot_article_growth_check(_article(d)),
    "02-wage-distribution": _wage_distribution,
    "02-pay-history": lambda d: plot_pay_history(
        wages.pay_history(Tables(d).oews("national"), *occ.ARTICLE_PAIR)
    ),
    "02-state-gap-map": lambda d: plot_state_gap_map(
        wages.area_gaps(Tables(d).oews("state"), *occ.ARTICLE_PAIR)
    ),
    "02-licensure-pay": _licensure_pay,
    "02-real-pay-history": lambda d: plot_real_pay_history(
        wages.wage_history(Tables(d).oews("national"), occ.ARTICLE_PAIR, cpi=Tables(d).table("cpi"))
    ),
    "02-state-gap-intervals": lambda d: plot_gap_intervals(
        rank(*occ.ARTICLE_PAIR, by="state", data=Tables(d))
    ),
    "02-state-rank-intervals": lambda d: plot_rank_intervals(
        rank(*occ.ARTICLE_PAIR, by="state", data=Tables(d))
    ),
    "02-state-rank-intervals-cost-adjusted": lambda d: plot_rank_intervals(
        rank(*occ.ARTICLE_PAIR, by="state", cost_adjusted=True, data=Tables(d))
    ),
    "02-state-gap-cost-adjusted": lambda d: plot_cost_adjusted_gap_map(
        wages.cost_adjusted_gaps(
            wages.area_gaps(Tables(d).oews("state"), *occ.ARTICLE_PAIR),
            cost_of_living.area_parities(
                Tables(d).table("areas"), Tables(d).table("price_parities")
            ),
        )
    ),
    "03-outlook-by-cycle": lambda d: plot_outlook_by_cycle(_outlook(d)),
    "03-projection-paths": lambda d: plot_cycle_projections(_outlook(d)),
    "03-openings": lambda d: plot_openings(_outlook(d)),
    "03-track-record": lambda d: plot_track_record(
        growth.track_record(Tables(d).projections(), occ.ARTICLE_PAIR)
    ),
    "04-recertification-timeline": lambda d: plot_recertification_timeline(
        credentials.renewal_schedule(Tables(d).table("recertification"))
    ),
    "04-licensure-map": lambda d: plot_licensure_map(Tables(d).table("licensure")),
    "06-cumulative-earnings": lambda d: _roi(d, 0),
    "06-break-even-sensitivity": lambda d: _roi(d, 1),
    "07-sector-shares": lambda d: plot_industry_shares(
        industries(occ.ARTICLE_PAIR, level="sector", top=INDUSTRIES_SHOWN, data=Tables(d))
    ),
    "07-industry-shares": lambda d: plot_industry_shares(
        industries(occ.ARTICLE_PAIR, level="4", top=INDUSTRIES_SHOWN, data=Tables(d))
    ),
    "07-industry-pay": lambda d: plot_industry_pay(
        industries(occ.ARTICLE_PAIR, level="4", top=INDUSTRIES_SHOWN, data=Tables(d))
    ),
    "08-requirements-education": lambda d: _requirements(d, "education"),
    "08-requirements-credentials": lambda d: _requirements(d, "credentials"),
}


def render_all(
    out_dir: Path, data_dir: DataDir = None, names: list[str] | None = None
) -> list[Path]:
    """Draw every registered chart (or ``names``) into ``out_dir`` as PNG and SVG."""
    written = []
    for chart in names or list(REGISTRY):
        fig = REGISTRY[chart](data_dir)
        try:
            written += save(fig, Path(out_dir) / chart)
        finally:
            plt.close(fig)
    return written
