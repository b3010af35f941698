"""Sentences that state a result in words, for notebooks run with any pair of occupations.

Each function takes a library result and returns Markdown text, so a parameterised
notebook (and the HTML report made from it) reads the same for every pair: every figure
is computed, and every comparison word ("more", "narrowed", "overlap") is chosen from the
numbers. Every string that comes from data passes through :func:`md_text`.

- :mod:`.compare`: the comparison of notebook 05, where they work, and rankings;
- :mod:`.pay`: notebook 02, the pay gap;
- :mod:`.growth`: notebook 03, the projections;
- :mod:`.roi`: notebook 06, the return on training;
- :mod:`.requirements`: notebook 08, what employers require and the article's claims.
"""

from ...occupations import is_article_pair
from .compare import (
    headline_sentence,
    history_sentence,
    industries_sentence,
    left_out_sentence,
    md_text,
    ordinal,
    outlook_sentence,
    pay_sentence,
    rank_moves_sentence,
    ranking_sentence,
    real_change_sentence,
    settings_sentence,
    sources_list,
    workplaces_sentence,
)
from .growth import base_sentence, cycles_sentence, openings_sentence, track_sentence
from .pay import (
    area_gaps_sentence,
    article_only,
    cost_adjusted_sentence,
    distribution_sentence,
    findings,
    gap_sentence,
    licensure_sentence,
    overlap_sentence,
    pair_heading,
    prices_sentence,
    usd_text,
)
from .requirements import (
    claims_sentence,
    education_typical_sentence,
    mode_sentence,
    parts_sentence,
    share_sentence,
    verdicts_list,
)
from .roi import (
    assumptions_sentence,
    break_even_sentence,
    sensitivity_sentence,
    starting_sentence,
)

__all__ = [
    "area_gaps_sentence",
    "article_only",
    "assumptions_sentence",
    "base_sentence",
    "break_even_sentence",
    "claims_sentence",
    "cost_adjusted_sentence",
    "cycles_sentence",
    "distribution_sentence",
    "education_typical_sentence",
    "findings",
    "gap_sentence",
    "headline_sentence",
    "history_sentence",
    "industries_sentence",
    "is_article_pair",
    "left_out_sentence",
    "licensure_sentence",
    "md_text",
    "mode_sentence",
    "openings_sentence",
    "ordinal",
    "outlook_sentence",
    "overlap_sentence",
    "pair_heading",
    "parts_sentence",
    "pay_sentence",
    "prices_sentence",
    "rank_moves_sentence",
    "ranking_sentence",
    "real_change_sentence",
    "sensitivity_sentence",
    "settings_sentence",
    "share_sentence",
    "sources_list",
    "starting_sentence",
    "track_sentence",
    "usd_text",
    "verdicts_list",
    "workplaces_sentence",
]
