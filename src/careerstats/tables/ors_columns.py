"""The columns of the ``requirements`` table, from BLS's Occupational Requirements Survey:
part of the column dictionary (:mod:`.dictionary`), kept apart as the article's columns
are. Each carries its title and unit code here."""

from __future__ import annotations

from ..measures import ORS_GROUPS, ORS_RELEASES


def _field(title: str, unit: str, ftype: str, description: str, **constraints: object) -> dict:
    return {
        "type": ftype,
        "description": description,
        "title": title,
        "unit_code": unit,
        **({"constraints": constraints} if constraints else {}),
    }


ORS_FIELDS: dict[str, dict] = {
    "ors_release": _field(
        "ORS release",
        "text",
        "string",
        "The ORS release: '2018' (the first complete wave, 2016-2018, released 2019-02-21, "
        "updated 2019-04-25) or '2020 preliminary' (two of five sample groups of the second "
        "wave, released 2020-12-22).",
        required=True,
        enum=list(ORS_RELEASES),
    ),
    "ors_series_id": _field(
        "ORS series",
        "code",
        "string",
        "BLS's 20-character series id of the estimate.",
        required=True,
        pattern=r"^OR[A-Z0-9]{18}$",
    ),
    "ors_soc_code": _field(
        "SOC code",
        "code",
        "string",
        "The occupation's 6-digit SOC code, NN-NNNN: SOC 2018 for the 2020 release, SOC 2010 "
        "(the O*NET-SOC code's first six digits) for the 2018 release. ORS's own codes: "
        "not every one is an OEWS code (ORS publishes 29-2011 and 29-2012, OEWS 29-2010).",
        required=True,
        pattern=r"^\d{2}-\d{4}$",
    ),
    "ors_occupation_code": _field(
        "Occupation code, as ORS publishes it",
        "code",
        "string",
        "The occupation code as the workbook has it: 6 digits of SOC 2018 (2020 release) or "
        "8 digits of O*NET-SOC 2010 (2018 release; 31909200 is 31-9092.00).",
        required=True,
        pattern=r"^\d{6}(\d{2})?$",
    ),
    "ors_soc_system": _field(
        "Classification of the published code",
        "text",
        "string",
        "The classification ors_occupation_code is in; ors_soc_code is its 6-digit SOC code "
        "(SOC 2010 for the 2018 release).",
        required=True,
        enum=["SOC 2018", "O*NET-SOC 2010"],
    ),
    "ors_occupation": _field(
        "Occupation, as ORS names it", "text", "string", "BLS's ORS title.", required=True
    ),
    "ors_requirement": _field(
        "Requirement",
        "text",
        "string",
        "BLS's main requirement type (Education, training, and experience; Cognitive and "
        "mental requirements; Physical demands; Environmental conditions).",
        required=True,
    ),
    "ors_group": _field(
        "Group",
        "text",
        "string",
        "careerstats' group of the estimate, from BLS's requirement and category: "
        "education, credentials, experience (prior experience, on-the-job training, "
        "specific vocational preparation), cognitive, physical, environment.",
        required=True,
        enum=list(ORS_GROUPS),
    ),
    "ors_category_code": _field(
        "Category code",
        "code",
        "string",
        "BLS's category code (2020 release only; the 2018 workbook has none).",
        pattern=r"^\d{3}$",
    ),
    "ors_category": _field(
        "Category", "text", "string", "BLS's group of related estimates.", required=True
    ),
    "ors_additive_code": _field(
        "Additive group",
        "code",
        "string",
        "BLS's code for the estimates that sum to 100% ('000': not additive).",
        required=True,
        pattern=r"^\d{3}$",
    ),
    "ors_estimate_code": _field(
        "Estimate code",
        "code",
        "string",
        "BLS's code of the estimate, the last five characters of the series id; the same "
        "code means the same estimate in both releases.",
        required=True,
        pattern=r"^\d{5}$",
    ),
    "ors_estimate_text": _field(
        "Estimate",
        "text",
        "string",
        "What the estimate is: the 2020 workbook's ESTIMATE TEXT, or the last part of the "
        "2018 series title.",
        required=True,
    ),
    "ors_data_type": _field(
        "Data type",
        "text",
        "string",
        "What ors_estimate counts: percent of workers (or of the day), hours, days, pounds.",
        required=True,
        enum=["percent", "hours", "days", "pounds"],
    ),
    "ors_estimate": _field(
        "Value",
        "number",
        "number",
        "The estimate, in the unit ors_data_type names; empty where BLS writes '-' (then "
        "ors_estimate_upper_bound holds the footnote's bound).",
        minimum=0,
    ),
    "ors_estimate_upper_bound": _field(
        "Value is less than",
        "number",
        "number",
        "Where BLS publishes no estimate but a footnote 'Estimate is less than X': X, an "
        "upper bound.",
        minimum=0,
    ),
    "ors_standard_error": _field(
        "Standard error",
        "number",
        "number",
        "BLS's standard error of the estimate, in its unit; empty where BLS writes '-'.",
        minimum=0,
    ),
    "ors_standard_error_upper_bound": _field(
        "Standard error is less than",
        "number",
        "number",
        "Where BLS publishes no standard error but a footnote 'Standard error is less than X': X.",
        minimum=0,
    ),
    "ors_data_footnotes": _field(
        "Data footnotes",
        "code",
        "string",
        "The estimate's footnote codes, as the workbook lists them (comma-separated).",
    ),
    "ors_estimate_note": _field(
        "About the value",
        "text",
        "string",
        "The estimate's footnotes, in the workbook's words (an upper bound, the mode of the "
        "category, a definition).",
    ),
    "ors_standard_error_note": _field(
        "About the standard error",
        "text",
        "string",
        "The standard error's footnotes in the workbook's words, or why there is none.",
    ),
    "ors_series_note": _field(
        "About the series",
        "text",
        "string",
        "The series' footnotes in the workbook's words (preliminary, number of sample "
        "groups, time associated with a credential).",
    ),
}
