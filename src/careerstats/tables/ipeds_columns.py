"""The columns of the ``program_charges`` table, from NCES's IPEDS program charges
(IC2023_PY): part of the column dictionary (:mod:`.dictionary`), with their titles and
unit codes."""

from __future__ import annotations

IPEDS_FIELDS: dict[str, dict] = {
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
        "description": "Tuition and fees for the whole program, 2023-24 (IPEDS CIPTUITn; "
        "for an institution's largest program, CHG1PY3 where CIPTUIT1 is '.'); empty where "
        "NCES marks both not applicable ('.').",
        "unit": "US dollars",
        "constraints": {"minimum": 0},
    },
    "books_supplies_usd": {
        "type": "number",
        "description": "Books and supplies for the whole program, 2023-24 (CIPSUPPn; for the "
        "largest program, CHG4PY3 where CIPSUPP1 is '.'); empty where not applicable.",
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
    "charges_reported_in": {
        "type": "string",
        "description": "The IPEDS columns the program's charges come from: CIPTUITn and "
        "CIPSUPPn, or, for the largest program where those are '.', CHG1PY3 and CHG4PY3.",
        "constraints": {
            "required": True,
            "pattern": r"^(CIPTUIT[1-6], CIPSUPP[1-6]|CHG1PY3, CHG4PY3)$",
        },
    },
}

_LABELS = {
    "unitid": ("IPEDS institution id", "code"),
    "program_number": ("Program number", "count"),
    "cip_code": ("CIP code", "code"),
    "tuition_fees_usd": ("Tuition and fees, whole program", "usd"),
    "books_supplies_usd": ("Books and supplies, whole program", "usd"),
    "program_length": ("Program length", "count"),
    "program_length_unit_code": ("Unit of program length (NCES code)", "code"),
    "charges_reported_in": ("Charges from IPEDS columns", "code"),
}
for _name, (_title, _unit) in _LABELS.items():
    IPEDS_FIELDS[_name] |= {"title": _title, "unit_code": _unit}
