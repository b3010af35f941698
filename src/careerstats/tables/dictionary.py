"""The column dictionary: every column of every table careerstats writes, described once.

In the spirit of PUDL's ``fields``: each column has its type, description, constraints, a
title a reader sees ("Median pay, per year") and a unit code
(:data:`~careerstats.measures.UNITS`). ``datapackage.json`` is generated from it (with
:mod:`careerstats.tables.resources`), the loaders validate every CSV against it, and
every label a table, chart, sentence or command shows
for a column comes from :func:`title`.
"""

from __future__ import annotations

from ..measures import (
    NAICS_LEVELS,
    PERCENTILE_LABELS,
    SOC_PATTERN,
    UNITS,
    WAGE_KINDS,
    WAGE_STATISTICS,
    WAGE_UNITS,
    wage_field,
    wage_title,
)
from .article_columns import ARTICLE_FIELDS
from .derived_columns import DERIVED
from .ipeds_columns import IPEDS_FIELDS
from .ors_columns import ORS_FIELDS

FIELDS: dict[str, dict] = {
    # --- identifiers -------------------------------------------------------------------
    "soc_code": {
        "type": "string",
        "description": "Standard Occupational Classification code as BLS prints it (NN-NNNN).",
        "constraints": {"required": True, "pattern": SOC_PATTERN},
    },
    "occupation_title": {
        "type": "string",
        "description": "BLS's title for the occupation.",
        "constraints": {"required": True},
    },
    "soc_level": {
        "type": "string",
        "description": "Level of the SOC code in BLS's hierarchy.",
        "constraints": {"required": True, "enum": ["total", "major", "minor", "broad", "detailed"]},
    },
    **ARTICLE_FIELDS,
    **ORS_FIELDS,
    # --- places ------------------------------------------------------------------------
    "state_code": {
        "type": "string",
        "description": "U.S. Postal Service abbreviation of the state or territory.",
        "constraints": {"required": True, "pattern": r"^[A-Z]{2}$"},
    },
    "state_fips": {
        "type": "string",
        "description": "Two-digit FIPS code of the state or territory.",
        "constraints": {"required": True, "pattern": r"^\d{2}$"},
    },
    "state_name": {
        "type": "string",
        "description": "Name of the state or territory.",
        "constraints": {"required": True},
    },
    "is_listed_article": {
        "type": "boolean",
        "description": "The article lists the jurisdiction as requiring licensure.",
        "constraints": {"required": True},
    },
    "is_listed_ascls": {
        "type": "boolean",
        "description": "ASCLS's licensure page lists the jurisdiction as licensing "
        "laboratory personnel.",
        "constraints": {"required": True},
    },
    "other_list_source_url": {
        "type": "string",
        "description": "Another list that names the jurisdiction while the ASCLS page does "
        "not (the disputed cases); empty otherwise.",
    },
    "licensure_agreement": {
        "type": "string",
        "description": "How the sources compare for this jurisdiction.",
        "constraints": {
            "required": True,
            "enum": ["all list it", "none list it", "sources disagree"],
        },
    },
    # --- OEWS ----------------------------------------------------------------------------
    "year": {
        "type": "integer",
        "description": "Reference year: of the OEWS release (estimates for May of that year), "
        "of a CPI value, or of a price parity.",
        "constraints": {"required": True, "minimum": 1997, "maximum": 2100},
    },
    "release": {
        "type": "string",
        "description": "The OEWS release, as BLS names it (e.g. 'May 2025').",
        "constraints": {"required": True, "pattern": r"^May \d{4}$"},
    },
    "area_code": {
        "type": "string",
        "description": "OEWS area code: 0000000 national, SS00000 a state (SS = FIPS), "
        "otherwise a metropolitan or nonmetropolitan area.",
        "constraints": {"required": True, "pattern": r"^\d{7}$"},
    },
    "industry_code": {
        "type": "string",
        "description": "OEWS industry code: NN--NN or 99-100 a NAICS sector (a range: 31--34 "
        "is NAICS 31-33), NNN000 a 3-digit and NNNN00 a 4-digit industry, NNN0An an OEWS "
        "group of 4-digit industries, 000001 and 999N01 ownership groups, NNN00d/NNNN0d "
        "(d = 2 state, 3 local government, 5 private) an industry split by ownership, other "
        "six digits a 5- or 6-digit industry. 000000 (all industries) is oews_national.",
        "constraints": {"required": True, "pattern": r"^(\d{6}|\d{4}A\d|\d{2}--\d{2}|99-100)$"},
    },
    "industry_title": {
        "type": "string",
        "description": "BLS's name of the industry (oe.industry).",
        "constraints": {"required": True},
    },
    "naics_level": {
        "type": "string",
        "description": "What the industry code is, read from its digits and checked against "
        "oe.industry's display level. Within one level (sector, 3-digit, 4-digit, 5- or "
        "6-digit) industries do not overlap; the ownership levels cut across them.",
        "constraints": {"required": True, "enum": list(NAICS_LEVELS)},
    },
    "industry_parent_code": {
        "type": "string",
        "description": "The nearest published industry code above this one (000000 = all "
        "industries, for sectors and ownership groups).",
        "constraints": {"required": True, "pattern": r"^(\d{6}|\d{2}--\d{2}|99-100)$"},
    },
    "employment_share_pct": {
        "type": "number",
        "description": "The occupation's employment in the industry as a percent of its "
        "national cross-industry employment (same release), rounded to 0.01. Missing where "
        "BLS does not release the industry's employment.",
        "unit": "percent",
        "constraints": {"minimum": 0, "maximum": 100},
    },
    "not_released_fields": {
        "type": "string",
        "description": "Columns BLS does not release in this row ('-' with footnote 8, "
        "'Estimate not released'), joined by ';'. Their value is missing. Empty where every "
        "value is released.",
        "constraints": {"pattern": r"^[a-z0-9_]+(;[a-z0-9_]+)*$"},
    },
    "area_title": {
        "type": "string",
        "description": "BLS's name of the area.",
        "constraints": {"required": True},
    },
    "area_type": {
        "type": "string",
        "description": "Kind of OEWS area.",
        "constraints": {"required": True, "enum": ["national", "state", "metro"]},
    },
    "area_state_fips": {
        "type": "string",
        "description": "FIPS code of the area's state (for a metro area crossing state lines, "
        "the state BLS files it under); 00 for the nation.",
        "constraints": {"required": True, "pattern": r"^\d{2}$"},
    },
    "area_state_code": {
        "type": "string",
        "description": "Postal abbreviation of that state; empty for the nation.",
        "constraints": {"pattern": r"^[A-Z]{2}$"},
    },
    "employment": {
        "type": "integer",
        "description": "Employment, rounded by BLS (OEWS excludes the self-employed).",
        "unit": "jobs",
        "constraints": {"minimum": 0},
    },
    "employment_rse_pct": {
        "type": "number",
        "description": "Relative standard error of the employment estimate.",
        "unit": "percent",
        "constraints": {"minimum": 0, "maximum": 100},
    },
    "employment_per_1000_jobs": {
        "type": "number",
        "description": "Jobs in the occupation per 1,000 jobs in the area.",
        "unit": "jobs per 1,000 jobs",
        "constraints": {"minimum": 0, "maximum": 1000},
    },
    "location_quotient": {
        "type": "number",
        "description": "The occupation's share of the area's jobs over its share of the "
        "nation's jobs.",
        "unit": "ratio",
        "constraints": {"minimum": 0},
    },
    "wage_rse_pct": {
        "type": "number",
        "description": "Relative standard error of the mean wage.",
        "unit": "percent",
        "constraints": {"minimum": 0, "maximum": 100},
    },
    **{
        wage_field(kind, stat): {
            "type": "number",
            "description": f"{kind.capitalize()} wage, {label}. Missing where BLS publishes "
            f"none (markers * or -, or an {'annual' if kind == 'hourly' else 'hourly'}-only "
            "occupation); a top-coded value is the cap, a lower bound (see "
            "topcoded_fields).",
            "unit": "US dollars per hour" if kind == "hourly" else "US dollars per year",
            "constraints": {"minimum": 0},
        }
        for kind in WAGE_KINDS
        for stat, label in (("mean", "mean"), *PERCENTILE_LABELS.items())
    },
    "is_annual_only": {
        "type": "boolean",
        "description": "BLS publishes only annual wages for the occupation (e.g. teachers); "
        "hourly wages stay missing and are never computed.",
        "constraints": {"required": True},
    },
    "is_hourly_only": {
        "type": "boolean",
        "description": "BLS publishes only hourly wages for the occupation (e.g. actors); "
        "annual wages stay missing and are never computed.",
        "constraints": {"required": True},
    },
    "topcoded_fields": {
        "type": "string",
        "description": "Wage columns BLS top-codes in this row ('#' or footnote 5), joined "
        "by ';'. Their value is the cap the release states, a lower bound; for May "
        "2015-2018, whose files state no cap, the largest published percentile wage of that "
        "release, also a lower bound. Empty where nothing is top-coded.",
        "constraints": {"pattern": r"^[a-z0-9_]+(;[a-z0-9_]+)*$"},
    },
    "in_oews": {
        "type": "boolean",
        "description": "An OEWS release in data/ publishes the code.",
        "constraints": {"required": True},
    },
    "in_projections": {
        "type": "boolean",
        "description": "An Employment Projections cycle in data/ publishes the code.",
        "constraints": {"required": True},
    },
    "first_release_oews": {
        "type": "string",
        "description": "First OEWS release in data/ that publishes the code.",
        "constraints": {"pattern": r"^May \d{4}$"},
    },
    "last_release_oews": {
        "type": "string",
        "description": "Latest OEWS release in data/ that publishes the code.",
        "constraints": {"pattern": r"^May \d{4}$"},
    },
    # --- prices: CPI-U and BEA's regional price parities -----------------------------------
    "series_id": {
        "type": "string",
        "description": "BLS's id of the CPI series (CUUR0000SA0: CPI-U, all items, U.S. city "
        "average, not seasonally adjusted, 1982-84 = 100).",
        "constraints": {"required": True, "pattern": r"^CU[SU]R\w+$"},
    },
    "period": {
        "type": "string",
        "description": "BLS's period code: M01-M12 a month, M13 the annual average.",
        "constraints": {"required": True, "pattern": r"^M(0[1-9]|1[0-3])$"},
    },
    "month": {
        "type": "integer",
        "description": "Month of the value, 1-12; empty for the annual average (M13).",
        "constraints": {"minimum": 1, "maximum": 12},
    },
    "index_value": {
        "type": "number",
        "description": "The CPI index value BLS publishes (1982-84 = 100).",
        "unit": "index, 1982-84 = 100",
        "constraints": {"required": True, "exclusiveMinimum": 0},
    },
    "bea_table": {
        "type": "string",
        "description": "BEA's table: SARPP (states, to 2023), MARPP (metropolitan statistical "
        "areas, to 2024) or PARPP (each state's metropolitan and nonmetropolitan portions, "
        "to 2024).",
        "constraints": {"required": True, "enum": ["SARPP", "MARPP", "PARPP"]},
    },
    "geo_fips": {
        "type": "string",
        "description": "BEA's GeoFIPS: 00000 the nation, SS000 a state, a CBSA code for a "
        "metropolitan area, SS998 / SS999 a state's metropolitan / nonmetropolitan portion "
        "(00999 the nation's nonmetropolitan portion).",
        "constraints": {"required": True, "pattern": r"^\d{5}$"},
    },
    "geo_name": {
        "type": "string",
        "description": "BEA's name of the area.",
        "constraints": {"required": True},
    },
    **{
        column: {
            "type": "number",
            "description": f"Regional price parity, {label}, U.S. = 100 (BEA); empty where "
            "BEA publishes none ((NA)) and for a portion that does not exist (BEA writes "
            "0.000 across the row: Delaware's and DC's nonmetropolitan portions).",
            "unit": "index, U.S. = 100",
            "constraints": {"exclusiveMinimum": 0},
        }
        for column, label in (
            ("rpp_all_items", "all items"),
            ("rpp_goods", "goods"),
            ("rpp_housing", "services: housing"),
            ("rpp_utilities", "services: utilities"),
            ("rpp_other_services", "services: other"),
        )
    },
    **IPEDS_FIELDS,
    # --- Employment Projections --------------------------------------------------------
    "cycle": {
        "type": "string",
        "description": "Employment Projections cycle, base year-target year (e.g. '2024-34').",
        "constraints": {"required": True, "pattern": r"^\d{4}-\d{2}$"},
    },
    "base_year": {
        "type": "integer",
        "description": "Base year of the projection.",
        "constraints": {"required": True, "minimum": 2000, "maximum": 2100},
    },
    "target_year": {
        "type": "integer",
        "description": "Year projected to (base year + 10).",
        "constraints": {"required": True, "minimum": 2000, "maximum": 2100},
    },
    "occupation_type": {
        "type": "string",
        "description": "'Line item' (a detailed occupation) or 'Summary' (an aggregate), as "
        "the EP workbook marks it; empty in the CSV exports, which list line items only.",
        "constraints": {"enum": ["Line item", "Summary"]},
    },
    "employment_base": {
        "type": "integer",
        "description": "Employment in the base year, all workers including the self-employed "
        "(BLS publishes thousands; stored in jobs).",
        "unit": "jobs",
        "constraints": {"required": True, "minimum": 0},
    },
    "employment_projected": {
        "type": "integer",
        "description": "Projected employment in the target year (thousands × 1,000).",
        "unit": "jobs",
        "constraints": {"required": True, "minimum": 0},
    },
    "employment_change": {
        "type": "integer",
        "description": "Projected change in employment, base to target year (thousands × 1,000).",
        "unit": "jobs",
        "constraints": {"required": True},
    },
    "employment_change_pct": {
        "type": "number",
        "description": "Projected change in employment as BLS publishes it (one decimal).",
        "unit": "percent",
        "constraints": {"required": True, "minimum": -100, "maximum": 1000},
    },
    "self_employed_pct": {
        "type": "number",
        "description": "Share of the occupation's base-year workers who are self-employed "
        "(workbooks only).",
        "unit": "percent",
        "constraints": {"minimum": 0, "maximum": 100},
    },
    "openings_annual": {
        "type": "integer",
        "description": "Occupational openings, annual average over the cycle (2016-26 on; "
        "thousands × 1,000).",
        "unit": "jobs per year",
        "constraints": {"minimum": 0},
    },
    "openings_10yr_total": {
        "type": "integer",
        "description": "2014-24 only: job openings due to growth and replacements, a 10-year "
        "total under BLS's old method; not comparable with openings_annual.",
        "unit": "jobs",
        "constraints": {"minimum": 0},
    },
    "annual_wage_year": {
        "type": "integer",
        "description": "The May OEWS release the projections table takes its median wage from.",
        "constraints": {"required": True, "minimum": 2000, "maximum": 2100},
    },
    "is_wage_topcoded": {
        "type": "boolean",
        "description": "The median wage is printed as '>=$N': N is a lower bound.",
        "constraints": {"required": True},
    },
    "typical_education": {
        "type": "string",
        "description": "Typical education needed for entry (BLS category).",
    },
    "work_experience": {
        "type": "string",
        "description": "Work experience in a related occupation (BLS category; 'None' is a value).",
    },
    "on_the_job_training": {
        "type": "string",
        "description": "Typical on-the-job training to attain competency (BLS category; "
        "'None' is a value).",
    },
}


#: Each column's title, as a reader sees it, and its unit code (``unit_code``, one of
#: :data:`~careerstats.measures.UNITS`). A column's ``unit``, where it has one, is the
#: unit as its description words it ("index, U.S. = 100"), shown in validation messages. The wage
#: columns get theirs from :func:`~careerstats.measures.wage_title`.
_LABELS: dict[str, tuple[str, str]] = {
    "soc_code": ("SOC code", "code"),
    "occupation_title": ("Occupation", "text"),
    "soc_level": ("SOC level", "text"),
    "claim_id": ("Claim", "code"),
    "article_occupation": ("Career, as the article names it", "text"),
    "row_label": ("Row of the article's table", "text"),
    "section": ("Section of the article's table", "text"),
    "row_order": ("Row number", "count"),
    "claimed_measure": ("Measure the article claims", "code"),
    "article_label": ("The article's label", "text"),
    "value": ("Value the article states", "text"),
    "unit": ("Unit", "code"),
    "period_wording": ("Period, in the article's words", "text"),
    "cited_source": ("Source the article cites", "text"),
    "is_citation_in_row": ("Row names its source", "flag"),
    "quote": ("The article's words", "text"),
    "article_heading": ("Paragraph of the article", "text"),
    "cell_text": ("Cell of the article's table", "text"),
    "is_cell_empty": ("Cell lacks what it promises", "flag"),
    "gap_note": ("What the cell lacks", "text"),
    "organization_code": ("Organization", "code"),
    "organization_name": ("Organization, in full", "text"),
    "organization_role": ("Organization's role", "text"),
    "credential_code": ("Credential", "code"),
    "credential_name": ("Credential, in full", "text"),
    "award": ("Award", "text"),
    "program_length_years_min": ("Shortest program length", "years"),
    "program_length_years_max": ("Longest program length", "years"),
    "semester_hours_min": ("Minimum semester hours", "hours"),
    "is_eligible_route_to_certification": ("Leads to certification", "flag"),
    "recertification_cycle_months": ("Renewal cycle", "months"),
    "article_cycle_months": ("Renewal cycle the article states", "months"),
    "program_name": ("Renewal program", "text"),
    "source_url": ("Source", "text"),
    "list_name": ("The article's list", "text"),
    "item": ("Item", "text"),
    "state_code": ("State", "code"),
    "state_fips": ("State FIPS code", "code"),
    "state_name": ("State", "text"),
    "is_listed_article": ("Listed by the article", "flag"),
    "is_listed_ascls": ("Listed by ASCLS", "flag"),
    "other_list_source_url": ("Other list naming it", "text"),
    "licensure_agreement": ("Do the sources agree", "text"),
    "year": ("Year", "year"),
    "release": ("OEWS release", "text"),
    "area_code": ("OEWS area code", "code"),
    "industry_code": ("OEWS industry code", "code"),
    "industry_title": ("Industry", "text"),
    "naics_level": ("Industry level", "text"),
    "industry_parent_code": ("Parent industry code", "code"),
    "employment_share_pct": ("Share of the occupation's jobs", "percent"),
    "not_released_fields": ("Not released by BLS", "text"),
    "area_title": ("Area", "text"),
    "area_type": ("Kind of area", "text"),
    "area_state_fips": ("State FIPS code", "code"),
    "area_state_code": ("State", "code"),
    "employment": ("Employment", "jobs"),
    "employment_rse_pct": ("Employment, relative standard error", "percent"),
    "employment_per_1000_jobs": ("Jobs per 1,000 in the area", "jobs_per_1000"),
    "location_quotient": ("Location quotient", "ratio"),
    "wage_rse_pct": ("Mean wage, relative standard error", "percent"),
    "is_annual_only": ("Annual wages only", "flag"),
    "is_hourly_only": ("Hourly wages only", "flag"),
    "topcoded_fields": ("Top-coded wages (lower bounds)", "text"),
    "in_oews": ("Published in OEWS", "flag"),
    "in_projections": ("Published in the projections", "flag"),
    "first_release_oews": ("First OEWS release", "text"),
    "last_release_oews": ("Latest OEWS release", "text"),
    "series_id": ("CPI series", "code"),
    "period": ("CPI period", "code"),
    "month": ("Month", "count"),
    "index_value": ("CPI-U, 1982-84 = 100", "index"),
    "bea_table": ("BEA table", "code"),
    "geo_fips": ("BEA GeoFIPS", "code"),
    "geo_name": ("BEA area", "text"),
    "rpp_all_items": ("Price level, all items (U.S. = 100)", "index"),
    "rpp_goods": ("Price level, goods (U.S. = 100)", "index"),
    "rpp_housing": ("Price level, housing (U.S. = 100)", "index"),
    "rpp_utilities": ("Price level, utilities (U.S. = 100)", "index"),
    "rpp_other_services": ("Price level, other services (U.S. = 100)", "index"),
    "cycle": ("Projection cycle", "text"),
    "base_year": ("Base year", "year"),
    "target_year": ("Target year", "year"),
    "occupation_type": ("Line item or summary", "text"),
    "employment_base": ("Employment at the start", "jobs"),
    "employment_projected": ("Projected employment", "jobs"),
    "employment_change": ("Projected change", "jobs"),
    "employment_change_pct": ("Projected change, percent", "percent"),
    "self_employed_pct": ("Self-employed", "percent"),
    "openings_annual": ("Openings per year", "jobs_per_year"),
    "openings_10yr_total": ("Openings over ten years", "jobs"),
    "annual_wage_year": ("Year of the median wage", "year"),
    "is_wage_topcoded": ("Median wage top-coded", "flag"),
    "typical_education": ("Typical entry education", "text"),
    "work_experience": ("Work experience", "text"),
    "on_the_job_training": ("On-the-job training", "text"),
    **{
        wage_field(k, s): (wage_title(k, s), WAGE_UNITS[k])
        for k in WAGE_KINDS
        for s in WAGE_STATISTICS
    },
}
for _name, (_title, _unit) in _LABELS.items():
    FIELDS[_name] |= {"title": _title, "unit_code": _unit}


def title(name: str) -> str:
    """The title a reader sees for column ``name``: ``title("annual_wage_median")`` is
    ``"Median pay, per year"``."""
    return FIELDS[name]["title"]


def axis_label(name: str) -> str:
    """How a chart's axis names column ``name``: its title and unit, as
    ``"Median pay, US dollars per year"`` or ``"Employment, jobs"``."""
    field = FIELDS[name]
    text = field["title"]
    if field["unit_code"] in WAGE_UNITS.values():  # the title names the period; the unit too
        text = text.rsplit(", per ", 1)[0]
    return f"{text}, {UNITS[field['unit_code']]}"


def unit(name: str) -> str:
    """The unit code of column ``name`` (one of :data:`~careerstats.measures.UNITS`)."""
    return FIELDS[name]["unit_code"]


def describe(name: str) -> tuple[str, str] | None:
    """Column ``name``'s title and unit code, from a table's column or a derived one; None
    for a column the dictionary does not know."""
    if name in FIELDS:
        return FIELDS[name]["title"], FIELDS[name]["unit_code"]
    return DERIVED.get(name)
