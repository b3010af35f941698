"""The data dictionary: every column of every table careerstats writes, described once.

Plain data, in the spirit of PUDL's ``fields``: a column's name carries its statistic and
unit (``annual_wage_median``, ``employment_change_pct``), and the same quantity has the
same name in every table. ``datapackage.json`` is generated from this module, and the
loaders validate every CSV against that descriptor.
"""

from __future__ import annotations

from .sources import EP_FILES, OEWS_NATIONAL_YEARS

#: The kinds of OEWS industry code (see ``industry_code``); the reader assigns them.
NAICS_LEVELS = (
    "sector",
    "3-digit",
    "4-digit",
    "5- or 6-digit",
    "ownership",
    "3-digit by ownership",
    "4-digit by ownership",
)

SOC_PATTERN = r"^\d{2}-\d{4}$"

# --- the OEWS measures, named once --------------------------------------------------------

#: The wage percentiles BLS publishes, lowest first.
PERCENTILES = ("p10", "p25", "median", "p75", "p90")
PERCENTILE_LABELS = {
    "p10": "10th percentile",
    "p25": "25th percentile",
    "median": "median",
    "p75": "75th percentile",
    "p90": "90th percentile",
}
#: Every wage statistic: the mean, then the percentiles.
WAGE_STATISTICS = ("mean", *PERCENTILES)
WAGE_KINDS = ("hourly", "annual")
#: BLS's working year: annual wage = hourly wage x 2,080 hours (oe.footnote, note 2).
HOURS_PER_YEAR = 2080
#: How careerstats rounds: only a figure it shows (a table, a sentence, JSON, CSV), never
#: a value it computes with, and half to even (Python's ``round``, on the binary value).
#: Derived figures (a gap, a cost-adjusted wage, a real wage) are computed from unrounded
#: values and rounded once, when shown. The tables hold BLS's figures as BLS rounds them.
ROUNDING = "half-even, for display only; derived figures come from unrounded values"


def wage_field(kind: str, statistic: str) -> str:
    """The column of a wage: ``wage_field("annual", "median")`` is ``annual_wage_median``."""
    return f"{kind}_wage_{statistic}"


#: Every wage column, hourly first, each kind mean then percentiles.
WAGE_FIELDS = tuple(wage_field(k, s) for k in WAGE_KINDS for s in WAGE_STATISTICS)
#: The measures every OEWS table holds, in BLS's datatype order (01-15).
OEWS_MEASURES = (
    "employment",
    "employment_rse_pct",
    wage_field("hourly", "mean"),
    wage_field("annual", "mean"),
    "wage_rse_pct",
    *(wage_field("hourly", p) for p in PERCENTILES),
    *(wage_field("annual", p) for p in PERCENTILES),
)
#: Plus the two BLS publishes for areas (datatypes 16 and 17).
OEWS_AREA_MEASURES = (*OEWS_MEASURES, "employment_per_1000_jobs", "location_quotient")
#: The columns of the projections table, in order (the EP readers produce them).
PROJECTIONS_COLUMNS = (
    "cycle",
    "base_year",
    "target_year",
    "soc_code",
    "occupation_title",
    "occupation_type",
    "employment_base",
    "employment_projected",
    "employment_change",
    "employment_change_pct",
    "self_employed_pct",
    "openings_annual",
    "openings_10yr_total",
    "annual_wage_median",
    "annual_wage_year",
    "is_wage_topcoded",
    "typical_education",
    "work_experience",
    "on_the_job_training",
)
#: What an Employment Projections cycle projects, in jobs (openings_10yr_total: 2014-24 only).
PROJECTION_MEASURES = (
    "employment_base",
    "employment_projected",
    "employment_change",
    "employment_change_pct",
    "openings_annual",
    "openings_10yr_total",
)

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
    # --- the article -------------------------------------------------------------------
    "claim_id": {
        "type": "string",
        "description": "Stable identifier of one figure the article states.",
        "constraints": {"required": True, "pattern": r"^[a-z0-9_]+$"},
    },
    "article_occupation": {
        "type": "string",
        "description": "The article's own name for the career (its column heading).",
        "constraints": {
            "required": True,
            "enum": ["Certified Medical Assistant", "Medical Lab Technician"],
        },
    },
    "row_label": {
        "type": "string",
        "description": "The row of the article's side-by-side table, in the article's words.",
        "constraints": {"required": True},
    },
    "section": {
        "type": "string",
        "description": "The heading the row sits under in the article's table.",
        "constraints": {"required": True},
    },
    "row_order": {
        "type": "integer",
        "description": "Position of the row in the article's table, from 1.",
        "constraints": {"required": True, "minimum": 1},
    },
    "claimed_measure": {
        "type": "string",
        "description": "What the article says the figure is, as a careerstats measure name.",
        "constraints": {
            "required": True,
            "enum": [
                "employment",
                "annual_wage_median",
                "hourly_wage_median",
                "employment_change_pct",
                "employment_change",
            ],
        },
    },
    "article_label": {
        "type": "string",
        "description": "The article's label for the figure, verbatim.",
        "constraints": {"required": True},
    },
    "value": {
        "type": "number",
        "description": "The figure as the article states it (unit in `unit`).",
        "constraints": {"required": True},
    },
    "unit": {
        "type": "string",
        "description": "Unit of `value`.",
        "constraints": {
            "required": True,
            "enum": ["jobs", "usd_per_year", "usd_per_hour", "percent"],
        },
    },
    "period_wording": {
        "type": "string",
        "description": "The article's wording of the period the figure refers to; empty where "
        "the article gives none.",
    },
    "cited_source": {
        "type": "string",
        "description": "The source the article cites for its table.",
        "constraints": {"required": True},
    },
    "is_citation_in_row": {
        "type": "boolean",
        "description": "True where the table row itself names the cited source; otherwise "
        "the citation is the one the table gives in its first row.",
        "constraints": {"required": True},
    },
    "quote": {
        "type": "string",
        "description": "The article's words the value was read from, verbatim.",
        "constraints": {"required": True},
    },
    "cell_text": {
        "type": "string",
        "description": "The table cell, verbatim (bullets joined by '; ').",
    },
    "is_cell_empty": {
        "type": "boolean",
        "description": "True where the cell promises content (e.g. a list of schools) and "
        "gives none, or gives text that does not answer its row.",
        "constraints": {"required": True},
    },
    "gap_note": {
        "type": "string",
        "description": "careerstats' note on what the cell lacks; empty where nothing is missing.",
    },
    # --- credentials -------------------------------------------------------------------
    "organization_code": {
        "type": "string",
        "description": "Acronym of the organization.",
        "constraints": {"required": True, "pattern": r"^[A-Z]{2,7}$"},
    },
    "organization_name": {
        "type": "string",
        "description": "Full name of the organization as the article spells it.",
        "constraints": {"required": True},
    },
    "organization_role": {
        "type": "string",
        "description": "What the organization does in the article's account.",
        "constraints": {
            "required": True,
            "enum": [
                "certifying body",
                "programmatic accreditor",
                "recognizes accreditors",
            ],
        },
    },
    "credential_code": {
        "type": "string",
        "description": "Acronym of the credential; empty where the article names only the "
        "certifying body.",
    },
    "credential_name": {
        "type": "string",
        "description": "Full name of the credential as the article spells it.",
    },
    "award": {
        "type": "string",
        "description": "Kind of award a program leads to; 'any' where the article speaks of "
        "programs in general.",
        "constraints": {
            "required": True,
            "enum": ["certificate", "associate", "bachelor", "any"],
        },
    },
    "program_length_years_min": {
        "type": "number",
        "description": "Shortest typical program length the article gives, in years.",
        "unit": "years",
        "constraints": {"minimum": 0},
    },
    "program_length_years_max": {
        "type": "number",
        "description": "Longest typical program length the article gives, in years.",
        "unit": "years",
        "constraints": {"minimum": 0},
    },
    "semester_hours_min": {
        "type": "integer",
        "description": "Minimum semester hours the article gives for the program.",
        "unit": "semester hours",
        "constraints": {"minimum": 0},
    },
    "is_eligible_route_to_certification": {
        "type": "boolean",
        "description": "True where the article says the award makes a graduate eligible to "
        "sit for certification.",
        "constraints": {"required": True},
    },
    "recertification_cycle_months": {
        "type": "integer",
        "description": "How often the credential must be renewed, in months, from the "
        "certifying body's own page.",
        "unit": "months",
        "constraints": {"required": True, "minimum": 1},
    },
    "article_cycle_months": {
        "type": "integer",
        "description": "The cycle the article states, converted to months.",
        "unit": "months",
        "constraints": {"required": True, "minimum": 1},
    },
    "program_name": {
        "type": "string",
        "description": "The maintenance or recertification program.",
        "constraints": {"required": True},
    },
    "source_url": {
        "type": "string",
        "description": "Web address of the page the fact comes from.",
        "constraints": {"required": True, "pattern": r"^https?://\S+$"},
    },
    "list_name": {
        "type": "string",
        "description": "Which of the article's lists the item comes from.",
        "constraints": {"required": True, "enum": ["specialization", "practice_setting"]},
    },
    "item": {
        "type": "string",
        "description": "One item of the list, in the article's words.",
        "constraints": {"required": True},
    },
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
    # --- training costs: IPEDS program charges -------------------------------------------
    "unitid": {
        "type": "string",
        "description": "NCES's IPEDS institution id (UNITID).",
        "constraints": {"required": True, "pattern": r"^\d{6}$"},
    },
    "program_number": {
        "type": "integer",
        "description": "Which of the institution's up to six reported programs (1 = its largest).",
        "constraints": {"required": True, "minimum": 1, "maximum": 6},
    },
    "cip_code": {
        "type": "string",
        "description": "Classification of Instructional Programs (CIP 2020) code, NN.NNNN "
        "(51.0801 medical/clinical assistant; 51.1004 clinical/medical laboratory "
        "technician). Restored from the copy, which stores it as a number with zeros dropped.",
        "constraints": {"required": True, "pattern": r"^\d{2}\.\d{4}$"},
    },
    "tuition_fees_usd": {
        "type": "number",
        "description": "Tuition and fees for the whole program, 2023-24 (IPEDS CIPTUITn); "
        "empty where NCES marks it not applicable ('.').",
        "unit": "US dollars",
        "constraints": {"minimum": 0},
    },
    "books_supplies_usd": {
        "type": "number",
        "description": "Books and supplies for the whole program, 2023-24 (CIPSUPPn); empty "
        "where not applicable.",
        "unit": "US dollars",
        "constraints": {"minimum": 0},
    },
    "program_length": {
        "type": "number",
        "description": "Program length (CIPLGTHn), in the unit program_length_unit_code names.",
        "constraints": {"minimum": 0},
    },
    "program_length_unit_code": {
        "type": "string",
        "description": "NCES's code for the unit of program_length (PRGMSRn), kept as "
        "published and not decoded here.",
        "constraints": {"required": True},
    },
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


def table_file(name: str) -> str:
    """The file name of table ``name`` in data/: ``name.csv``, or ``name.csv.gz`` when the
    table is stored compressed."""
    compression = RESOURCES[name].get("compression")
    return f"{name}.csv.{compression}" if compression else f"{name}.csv"


def _fields(*names: str) -> list[dict]:
    return [{"name": n, **FIELDS[n]} for n in names]


OEWS_NATIONAL_SOURCES = [f"oews_national_{y}" for y in OEWS_NATIONAL_YEARS]
#: What the state and the metro tables share: columns, key and sources.
OEWS_AREA_TABLE = {
    "fields": _fields(
        "year",
        "release",
        "area_code",
        "area_title",
        "area_state_fips",
        "area_state_code",
        "soc_code",
        "occupation_title",
        "soc_level",
        *OEWS_AREA_MEASURES,
        "is_annual_only",
        "is_hourly_only",
        "topcoded_fields",
    ),
    "primaryKey": ["area_code", "soc_code"],
    "foreignKeys": ["soc_code"],
    "sources": ["oews_flat_2025", "us_states"],
}
EP_SOURCES = [f"ep_{c}" for c in EP_FILES]


#: Every table careerstats writes to data/, with its key and its sources.
RESOURCES: dict[str, dict] = {
    "occupations": {
        "title": "Occupations BLS publishes",
        "description": "Every SOC code that an OEWS release or an Employment Projections "
        "cycle in data/ publishes, with its latest title and level. Other tables' soc_code "
        "must appear here.",
        "fields": _fields(
            "soc_code",
            "occupation_title",
            "soc_level",
            "in_oews",
            "in_projections",
            "first_release_oews",
            "last_release_oews",
        ),
        "primaryKey": ["soc_code"],
        "sources": ["oews_flat_2025", *OEWS_NATIONAL_SOURCES, *EP_SOURCES],
    },
    "areas": {
        "title": "OEWS areas",
        "description": "The nation, the 54 states and territories and the metropolitan and "
        "nonmetropolitan areas of the May 2025 release, with state codes.",
        "fields": _fields(
            "area_code", "area_type", "area_title", "area_state_fips", "area_state_code"
        ),
        "primaryKey": ["area_code"],
        "sources": ["oews_flat_2025", "us_states"],
    },
    "oews_national": {
        "title": "OEWS national estimates, May 2015 to May 2025",
        "description": "Employment and wages for every occupation at every SOC level, "
        "nationally, one row per release and code (a code BLS lists as both broad and "
        "detailed, with the same figures, appears once).",
        "fields": _fields(
            "year",
            "release",
            "soc_code",
            "occupation_title",
            "soc_level",
            *OEWS_MEASURES,
            "is_annual_only",
            "is_hourly_only",
            "topcoded_fields",
        ),
        "primaryKey": ["year", "soc_code"],
        "foreignKeys": ["soc_code"],
        "sources": [*OEWS_NATIONAL_SOURCES, "oews_flat_2025"],
    },
    "oews_state": {
        "title": "OEWS state estimates, May 2025",
        "description": "Employment and wages for every occupation in the 50 states, DC, "
        "Guam, Puerto Rico and the Virgin Islands (cross-industry).",
        **OEWS_AREA_TABLE,
    },
    "oews_metro": {
        "title": "OEWS metropolitan and nonmetropolitan area estimates, May 2025, healthcare",
        "description": "Employment and wages in all 528 metropolitan and nonmetropolitan "
        "areas for healthcare occupations (SOC 29-xxxx and 31-xxxx) and all occupations.",
        **OEWS_AREA_TABLE,
    },
    "oews_industry": {
        "title": "OEWS national industry estimates, May 2025",
        "description": "Employment and wages of every occupation in every industry BLS "
        "publishes nationally (sectors, 3-, 4-, 5- and 6-digit NAICS industries, ownership "
        "groups), with each industry's level and parent and the occupation's share of its "
        "cross-industry employment. Industry codes and titles are BLS's; the display levels "
        "in data/raw's oe.industry are approximations (the copy of the release careerstats "
        "was built from lacks BLS's display columns) and serve only as a check on the "
        "level read from each code. Stored gzip-compressed (about 32 MB as text).",
        "fields": _fields(
            "year",
            "release",
            "industry_code",
            "industry_title",
            "naics_level",
            "industry_parent_code",
            "soc_code",
            "occupation_title",
            "soc_level",
            *OEWS_MEASURES,
            "employment_share_pct",
            "is_annual_only",
            "is_hourly_only",
            "topcoded_fields",
            "not_released_fields",
        ),
        "primaryKey": ["industry_code", "soc_code"],
        "foreignKeys": ["soc_code"],
        "sources": ["oews_flat_2025"],
        "compression": "gz",
    },
    "projections": {
        "title": "Employment Projections, cycles 2014-24 to 2024-34",
        "description": "Every occupation of every cycle in data/raw: base and projected "
        "employment, change, openings, median wage and entry requirements, in jobs.",
        "fields": _fields(*PROJECTIONS_COLUMNS),
        "primaryKey": ["cycle", "soc_code"],
        "foreignKeys": ["soc_code"],
        "sources": EP_SOURCES,
    },
    "article_claims": {
        "title": "The article's figures, as claims",
        "description": "Each figure in the article's side-by-side table, read from the "
        "article's text: the article's label, value, unit, period wording and cited source. "
        "These are the article's words, not BLS's numbers; notebooks trace them to BLS.",
        "fields": _fields(
            "claim_id",
            "soc_code",
            "article_occupation",
            "row_label",
            "claimed_measure",
            "article_label",
            "value",
            "unit",
            "period_wording",
            "cited_source",
            "is_citation_in_row",
            "quote",
        ),
        "primaryKey": ["claim_id"],
        "foreignKeys": ["soc_code"],
        "unitRanges": {
            "percent": [-100, 1000],
            "jobs": [0, None],
            "usd_per_year": [0, None],
            "usd_per_hour": [0, None],
        },
        "sources": ["article"],
    },
    "article_table": {
        "title": "The article's side-by-side table, cell by cell",
        "description": "Every cell of the article's table, verbatim, with a note where the "
        "article promises content it does not give (its empty school lists).",
        "fields": _fields(
            "row_order",
            "section",
            "row_label",
            "soc_code",
            "article_occupation",
            "cell_text",
            "is_cell_empty",
            "gap_note",
        ),
        "primaryKey": ["row_order", "soc_code"],
        "foreignKeys": ["soc_code"],
        "sources": ["article"],
    },
    "organizations": {
        "title": "Accreditors and certifying bodies named in the article",
        "description": "Organizations the article names, with their role and the careers "
        "they concern.",
        "fields": _fields(
            "organization_code", "organization_name", "organization_role", "soc_code"
        ),
        "primaryKey": ["organization_code", "soc_code"],
        "foreignKeys": ["soc_code"],
        "sources": ["article"],
    },
    "credentials": {
        "title": "Certifications and their certifying bodies",
        "description": "Certifications the article names for each career, with the body "
        "that awards them.",
        "fields": _fields(
            "soc_code", "organization_code", "credential_code", "credential_name", "quote"
        ),
        "primaryKey": ["soc_code", "organization_code", "credential_code"],
        "foreignKeys": ["soc_code"],
        "sources": ["article"],
    },
    "education_programs": {
        "title": "Education paths and program details",
        "description": "Awards the article names for each career, with program length or "
        "semester hours where it gives them.",
        "fields": _fields(
            "soc_code",
            "award",
            "program_length_years_min",
            "program_length_years_max",
            "semester_hours_min",
            "is_eligible_route_to_certification",
            "quote",
        ),
        "primaryKey": ["soc_code", "award"],
        "foreignKeys": ["soc_code"],
        "sources": ["article"],
    },
    "recertification": {
        "title": "Recertification cycles",
        "description": "How often each career's main credential must be renewed, from the "
        "certifying body's page, next to what the article says.",
        "fields": _fields(
            "soc_code",
            "organization_code",
            "credential_code",
            "program_name",
            "recertification_cycle_months",
            "article_cycle_months",
            "source_url",
            "quote",
        ),
        "primaryKey": ["soc_code", "organization_code"],
        "foreignKeys": ["soc_code"],
        "sources": ["article", "secondary_facts"],
    },
    "article_lists": {
        "title": "Specializations and practice settings",
        "description": "The article's lists of specializations and practice settings, one "
        "item a row.",
        "fields": _fields("soc_code", "list_name", "item", "quote"),
        "primaryKey": ["soc_code", "list_name", "item"],
        "foreignKeys": ["soc_code"],
        "sources": ["article"],
    },
    "licensure": {
        "title": "State licensure of clinical laboratory personnel, by source",
        "description": "Every state, DC and Puerto Rico, with one column per source saying "
        "whether it lists the jurisdiction as licensing laboratory personnel. The sources "
        "disagree on Georgia and Rhode Island; both views are kept.",
        "fields": _fields(
            "state_code",
            "state_fips",
            "state_name",
            "is_listed_article",
            "is_listed_ascls",
            "other_list_source_url",
            "licensure_agreement",
        ),
        "primaryKey": ["state_code"],
        "sources": ["article", "secondary_facts", "us_states"],
    },
    "cpi": {
        "title": "Consumer Price Index for All Urban Consumers (CPI-U), monthly and annual",
        "description": "BLS's CPI-U, all items, U.S. city average, not seasonally adjusted "
        "(CUUR0000SA0), every month and annual average from 2014 to the newest month the "
        "pinned cpi package bundles. The package's database has no October 2025 value for "
        "this series (it has one for some other series): that month is absent here, never "
        "imputed. careerstats converts wages between May releases "
        "with the ratio of two May values.",
        "fields": _fields("series_id", "year", "period", "month", "index_value"),
        "primaryKey": ["series_id", "year", "period"],
        "sources": ["cpi_u"],
    },
    "price_parities": {
        "title": "BEA regional price parities: states, metro areas and state portions",
        "description": "All-items parities and their components, U.S. = 100, for the nation, "
        "the states and DC (SARPP, 2008-2023), metropolitan statistical areas (MARPP, "
        "2008-2024) and each state's metropolitan and nonmetropolitan portions (PARPP, "
        "2008-2024). No territory has a parity.",
        "fields": _fields(
            "bea_table",
            "geo_fips",
            "geo_name",
            "year",
            "rpp_all_items",
            "rpp_goods",
            "rpp_housing",
            "rpp_utilities",
            "rpp_other_services",
        ),
        "primaryKey": ["bea_table", "geo_fips", "year"],
        "sources": ["bea_sarpp", "bea_marpp", "bea_parpp"],
    },
    "program_charges": {
        "title": "IPEDS program charges, 2023-24, program reporters",
        "description": "Every program NCES's IC2023_PY lists for institutions that report "
        "charges by program (mostly career and technical schools): CIP code, tuition and "
        "fees and books for the whole program, length. Community colleges, where most "
        "medical laboratory technician programs are, report by academic year (IC2023_AY, "
        "not available here), so this table says little about lab training costs.",
        "fields": _fields(
            "unitid",
            "program_number",
            "cip_code",
            "tuition_fees_usd",
            "books_supplies_usd",
            "program_length",
            "program_length_unit_code",
        ),
        "primaryKey": ["unitid", "program_number"],
        "sources": ["ipeds_ic2023_py"],
    },
}
