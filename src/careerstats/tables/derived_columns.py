"""The columns careerstats' analyses compute, described as the data dictionary describes a
table's: a title a reader sees and a unit code. They are in no table of ``data/``; the
display helper (:func:`careerstats.present.display.show`) titles and formats a result's
columns from here and from :data:`~careerstats.tables.dictionary.FIELDS`."""

from __future__ import annotations

from ..measures import PERCENTILE_LABELS

#: The columns careerstats' analyses compute (they are in no table of data/): a title and
#: a unit code each, so a result is shown with the same words as a table's columns. The
#: unit ``"measure"`` means "the unit of the measure the result is about": a gap in pay
#: per hour is dollars an hour (``attrs["measure"]`` of the result, or the row's measure
#: where the rows are measures). :data:`SIGNED` columns show their sign (+$17,240).
DERIVED: dict[str, tuple[str, str]] = {
    # two occupations side by side (the first and the second of a pair)
    "gap_usd": ("Gap, second minus first", "measure"),
    "gap_pct": ("Gap, % of the first", "percent"),
    "ratio": ("Second as a multiple of the first", "ratio"),
    "method": ("BLS estimation method", "text"),
    "topcoded": ("Top-coded (a lower bound)", "text"),
    **{p: (PERCENTILE_LABELS[p].capitalize(), "measure") for p in PERCENTILE_LABELS},
    # where they work
    "setting": ("The article's setting", "text"),
    "industries": ("NAICS industries it covers", "text"),
    "verdict": ("Verdict", "text"),
    "annual_wage_median_national": ("National median pay, per year", "usd_per_year"),
    # credentials
    "certifying_body": ("Certifying body", "text"),
    "renewals": ("Renewals", "count"),
    # pay by licensure group
    "states": ("Jurisdictions", "count"),
    "median_of_state_medians": ("Median of the jurisdictions' figures", "measure"),
    "lowest": ("Lowest", "measure"),
    "highest": ("Highest", "measure"),
    # history in real dollars
    "from": ("From", "text"),
    "to": ("To", "text"),
    "nominal_from": ("Then, in dollars of the day", "measure"),
    "nominal_to": ("Now, in dollars of the day", "measure"),
    "nominal_change_pct": ("Change in dollars of the day", "percent"),
    "real_from": ("Then, in real dollars", "measure"),
    "real_to": ("Now, in real dollars", "measure"),
    "real_change_pct": ("Change in real dollars", "percent"),
    "dollars_of": ("Real dollars of", "text"),
    # intervals and reliability
    "annual_wage_mean_low": ("Mean pay per year, 90% interval from", "usd_per_year"),
    "annual_wage_mean_high": ("Mean pay per year, 90% interval to", "usd_per_year"),
    "reliable": ("Reliable (RSE at most 30%)", "flag"),
    "median_minus_national_usd": ("Median against the occupation's national median", "usd"),
    # the article's figures, checked
    "annual": ("Annual figure", "usd_per_year"),
    "hourly": ("Hourly figure", "usd_per_hour"),
    "implied_annual": ("Hourly × 2,080", "usd_per_year"),
    "difference": ("Difference", "measure"),
    "tolerance": ("Rounding allows", "usd_per_year"),
    "is_consistent": ("Consistent", "flag"),
    "base": ("Employment at the start", "jobs"),
    "stated_percent": ("Percent the article states", "percent"),
    "stated_change": ("New positions the article states", "jobs"),
    "change_from_percent": ("New positions from the stated percent", "jobs"),
    "percent_from_change": ("Percent from the stated new positions", "percent"),
    "is_exact": ("Exact", "flag"),
    "is_consistent_with_rounding": ("Consistent after rounding", "flag"),
    "cagr_pct": ("Growth a year", "percent"),
    "article_says": ("The article says", "text"),
    "found_in": ("Found in", "text"),
    "bls_value": ("BLS's value", "number"),
    "match": ("Match", "text"),
    "other_matches": ("Other matches", "count"),
    "label_is_right": ("The article's label is right", "flag"),
    "newest": ("The newest figure", "text"),
    "newest_value": ("Its value", "number"),
    # projections against what happened
    "observed_in": ("Observed in", "text"),
    "employment_observed": ("Employment observed", "jobs"),
    "error": ("Observed minus projected", "jobs"),
    "error_pct": ("Observed minus projected, % of projected", "percent"),
    "is_target_year": ("The cycle's target year", "flag"),
}
#: The derived columns shown with their sign: a change or a difference.
SIGNED = frozenset(
    {
        "gap_usd",
        "gap_pct",
        "nominal_change_pct",
        "real_change_pct",
        "median_minus_national_usd",
        "difference",
        "error",
        "error_pct",
        "employment_change",
        "employment_change_pct",
    }
)

__all__ = ["DERIVED", "SIGNED"]
