"""Every chart careerstats draws, by topic: one ``plot_*`` function per chart.

Each takes the table an analysis returns (see the function's docstring) and returns a
matplotlib Figure in the project style (``careerstats.present.style``). Which charts
the project publishes, and from which data, is ``careerstats.present.registry``.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import careerstats as cs
>>> figure = cs.charts.plot_real_pay_history(cs.history("31-9092", "29-2010"))
>>> figure.axes[0].get_ylabel()
'Median annual wage, USD'
"""

from ...arguments import checked
from ..tilemap import plot_tile_map
from .article import plot_article_growth_check, plot_article_pay, plot_article_projection
from .credentials import plot_licensure_map, plot_recertification_timeline
from .growth import plot_cycle_projections, plot_openings, plot_outlook_by_cycle, plot_track_record
from .industries import plot_industry_pay, plot_industry_shares
from .pay import (
    plot_cost_adjusted_gap_map,
    plot_licensure_pay,
    plot_pay_history,
    plot_real_pay_history,
    plot_state_gap_map,
    plot_wage_distribution,
)
from .ranking import plot_gap_intervals, plot_rank_intervals
from .requirements import plot_requirements
from .roi import plot_break_even_sensitivity, plot_cumulative_earnings

__all__ = [
    "plot_article_growth_check",
    "plot_article_pay",
    "plot_article_projection",
    "plot_break_even_sensitivity",
    "plot_cost_adjusted_gap_map",
    "plot_cumulative_earnings",
    "plot_cycle_projections",
    "plot_gap_intervals",
    "plot_industry_pay",
    "plot_industry_shares",
    "plot_licensure_map",
    "plot_licensure_pay",
    "plot_openings",
    "plot_outlook_by_cycle",
    "plot_pay_history",
    "plot_rank_intervals",
    "plot_real_pay_history",
    "plot_recertification_timeline",
    "plot_requirements",
    "plot_state_gap_map",
    "plot_tile_map",
    "plot_track_record",
    "plot_wage_distribution",
]

# Each chart checks its arguments' types before it draws (ArgumentTypeError, not an
# AttributeError from inside pandas or matplotlib).
for _name in __all__:
    globals()[_name] = checked(globals()[_name])
