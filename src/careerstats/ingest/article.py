"""Read the source article's side-by-side table into tidy tables.

The article is kept unchanged in ``data/raw/article/``. Nothing here types one of its
figures: each value is read out of the article's text by a pattern, and the matched
words are stored next to it as the quote. If the article file changes so that a pattern
no longer matches, the build fails and says which row and which pattern.

What *is* written here is the reading guide: where each table row starts, where the
first career's cell ends, which words name an organization, and careerstats' own notes
on what a cell lacks.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import occupations as occ
from ..errors import CareerStatsError

ARTICLE_FILE = "article/cma-vs-mlt.txt"
CAREERS = {
    occ.MEDICAL_ASSISTANTS: "Certified Medical Assistant",
    occ.CLINICAL_LAB_TECHNOLOGISTS_AND_TECHNICIANS: "Medical Lab Technician",
}
MA, LAB = occ.ARTICLE_PAIR

TABLE_HEADER = "Certified Medical Assistant Medical Lab Technician"
TABLE_END = "Kimmy Gustafson"
SECTIONS = ("Meeting the Requirements", "Certification and Licensing", "Details About the Job")
FIRST_SECTION = "Side-By-Side Comparison"


@dataclass(frozen=True)
class RowSpec:
    label: str
    #: regex (DOTALL) matching the whole first-career cell at the start of the row text
    first_cell: str


ROWS = (
    RowSpec("Number practicing in the United States", r".*?nationwide"),
    RowSpec("Pay", r".*?\(median pay\)"),
    RowSpec("Expected job growth (2020-2030)", r"\S+ percent"),
    RowSpec("Anticipated number of new positions available by 2030", r"\S+"),
    RowSpec("Degree requirements", r".*?to remain certified\."),
    RowSpec("Degrees available", r".*?through AAMA\."),
    RowSpec("Program details", r".*?medical terminology\."),
    RowSpec("School accreditation", r".*?\(ABHES\)\."),
    RowSpec("Three schools that offer in-person programs", r".*?medical assisting:"),
    RowSpec("Three schools that offer online programs", r".*?medical assisting online:"),
    RowSpec("Certification", r".*?(?= There are multiple)"),
    RowSpec("Licensing", r".*?necessary qualifications\."),
    RowSpec("Re-certification", r".*?said recertification\."),
    RowSpec("Specializations", r".*?(?=\nMedical lab technician programs)"),
    RowSpec("Practice framework", r".*?office schedule\."),
    RowSpec("Skills necessary for success", r".*?related subjects\."),
    RowSpec("Common practice settings", r".*?healthcare facilities\."),
)


@dataclass(frozen=True)
class ClaimSpec:
    claim_id: str
    soc_code: str
    row: str
    measure: str
    unit: str
    #: regex over the cell with a ``value`` group, and optional ``label``/``period`` groups
    pattern: str
    #: regex over the row label giving the period, where the cell has none
    period_in_label: str | None = None


_NUM = r"[\d,]+(?:\.\d+)?"
CLAIMS = (
    ClaimSpec(
        "ma_employment",
        MA,
        ROWS[0].label,
        "employment",
        "jobs",
        rf"there are (?P<value>{_NUM}) medical assistants (?P<period>currently) working",
    ),
    ClaimSpec(
        "lab_employment",
        LAB,
        ROWS[0].label,
        "employment",
        "jobs",
        rf"(?P<value>{_NUM}) medical lab technicians and technologists are "
        r"(?P<period>currently) employed",
    ),
    ClaimSpec(
        "ma_annual_wage_median",
        MA,
        "Pay",
        "annual_wage_median",
        "usd_per_year",
        rf"\$(?P<value>{_NUM}) per year, or \$[\d.]+ per hour \((?P<label>median pay)\)",
    ),
    ClaimSpec(
        "ma_hourly_wage_median",
        MA,
        "Pay",
        "hourly_wage_median",
        "usd_per_hour",
        rf"\$(?P<value>{_NUM}) per hour \((?P<label>median pay)\)",
    ),
    ClaimSpec(
        "lab_annual_wage_median",
        LAB,
        "Pay",
        "annual_wage_median",
        "usd_per_year",
        rf"\$(?P<value>{_NUM}), or \$[\d.]+ per hour \((?P<label>median pay)\)",
    ),
    ClaimSpec(
        "lab_hourly_wage_median",
        LAB,
        "Pay",
        "hourly_wage_median",
        "usd_per_hour",
        rf"\$(?P<value>{_NUM}) per hour \((?P<label>median pay)\)",
    ),
    ClaimSpec(
        "ma_employment_change_pct",
        MA,
        ROWS[2].label,
        "employment_change_pct",
        "percent",
        r"^(?P<value>\d+(?:\.\d+)?) percent$",
        r"\((?P<period>\d{4}-\d{4})\)",
    ),
    ClaimSpec(
        "lab_employment_change_pct",
        LAB,
        ROWS[2].label,
        "employment_change_pct",
        "percent",
        r"^(?P<value>\d+(?:\.\d+)?) percent$",
        r"\((?P<period>\d{4}-\d{4})\)",
    ),
    ClaimSpec(
        "ma_employment_change",
        MA,
        ROWS[3].label,
        "employment_change",
        "jobs",
        rf"^(?P<value>{_NUM})$",
        r"(?P<period>by \d{4})",
    ),
    ClaimSpec(
        "lab_employment_change",
        LAB,
        ROWS[3].label,
        "employment_change",
        "jobs",
        rf"^(?P<value>{_NUM})$",
        r"(?P<period>by \d{4})",
    ),
)

#: Organizations the article names: code -> (name as the article spells it, role).
ORGANIZATIONS = {
    "AAMA": ("American Association of Medical Assistants", "certifying body"),
    "AMT": ("American Medical Technologists", "certifying body"),
    "NCCT": ("National Center for Competency Testing", "certifying body"),
    "NHA": ("National Healthcareer Association", "certifying body"),
    "ASCP": ("American Society for Clinical Pathology", "certifying body"),
    "AAB": ("American Association of Bioanalysts", "certifying body"),
    "CAAHEP": (
        "Commission on Accreditation of Allied Health Education Programs",
        "programmatic accreditor",
    ),
    "ABHES": ("Accrediting Bureau of Health Education Schools", "programmatic accreditor"),
    "NAACLS": (
        "National Accrediting Agency for Clinical Laboratory Science",
        "programmatic accreditor",
    ),
    "USDE": ("United States Department of Education", "recognizes accreditors"),
    "CHEA": ("Council for Higher Education Accreditation", "recognizes accreditors"),
}
#: Which organization runs each career's renewal, and under what name.
RECERTIFICATION = {
    MA: (
        "AAMA",
        "CMA",
        r"recertify (?P<quote>every (?P<n>\w+) (?P<unit>months))",
        "CMA (AAMA) recertification",
    ),
    LAB: (
        "ASCP",
        None,
        r"(?P<program>Credential Maintenance Program \(CMP\)).*?"
        r"(?P<quote>after a period of (?P<n>\w+) (?P<unit>years))",
        None,
    ),
}
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _number(text: str) -> float:
    text = text.strip()
    if text.lower() in _WORDS:
        return float(_WORDS[text.lower()])
    return float(text.replace(",", ""))


def article_error(what: str, detail: str) -> CareerStatsError:
    """An error about the article file: where in it, and what was expected."""
    return CareerStatsError(f"{ARTICLE_FILE}: {what} — {detail}")


def find(pattern: str, text: str, where: str, flags: int = 0) -> re.Match[str]:
    """The first match of ``pattern`` in ``text``; if the passage is missing (a changed
    article), an error naming ``where`` and the passage expected, never ``None``."""
    m = re.search(pattern, text, flags)
    if m is None:
        shown = text if len(text) <= 120 else text[:117] + "..."
        raise article_error(where, f"expected a passage matching {pattern!r} in {shown!r}")
    return m


def read_article(raw_dir: Path) -> str:
    """The article's text, without the two-line note that precedes it in the raw file."""
    text = (Path(raw_dir) / ARTICLE_FILE).read_text(encoding="utf-8")
    _note, sep, body = text.partition("\n----\n")
    if not sep:
        raise article_error("line 2", "expected the separator line '----' after the note")
    return body


def table_rows(text: str) -> list[dict]:
    """Split the table into rows and each row into its two cells (verbatim)."""
    lines = text.splitlines()
    try:
        start = lines.index(TABLE_HEADER) + 1
        end = lines.index(TABLE_END, start)
    except ValueError:
        raise article_error(
            "table", f"expected the header line {TABLE_HEADER!r} and the closing line {TABLE_END!r}"
        ) from None
    labels = [r.label for r in ROWS]
    starts: list[tuple[int, RowSpec | None]] = []
    section_of: dict[str, str] = {}
    section = FIRST_SECTION
    for i in range(start, end):
        line = lines[i]
        if line in SECTIONS:
            section = line
            starts.append((i, None))  # a section heading ends the previous row
            continue
        for candidate in ROWS:
            if line.startswith(candidate.label + " ") and candidate.label not in section_of:
                starts.append((i, candidate))
                section_of[candidate.label] = section
                break
    missing = [lb for lb in labels if lb not in section_of]
    if missing:
        raise article_error("table", f"rows not found: {missing}")
    rows = []
    bounds = [*starts, (end, None)]
    for (i, row_spec), (j, _) in itertools.pairwise(bounds):
        if row_spec is None:
            continue
        spec = row_spec
        body = "\n".join(lines[i:j])[len(spec.label) + 1 :].strip("\n")
        m = re.match(spec.first_cell, body, re.S)
        if not m:
            raise article_error(
                f"row {spec.label!r}", f"the first cell did not match {spec.first_cell!r}"
            )
        first, second = body[: m.end()], body[m.end() :]
        rows.append(
            {
                "section": section_of[spec.label],
                "row_label": spec.label,
                MA: _clean(first),
                LAB: _clean(second),
            }
        )
    return rows


def _clean(cell: str) -> str:
    """Join a cell's lines with single spaces; bullets keep their '•'."""
    return " ".join(line.strip() for line in cell.splitlines() if line.strip())


def _cell(rows: list[dict], label: str, soc: str) -> str:
    return next(r[soc] for r in rows if r["row_label"] == label)


def claims(text: str) -> pd.DataFrame:
    """The figures of the table, each read from the article with its quote."""
    rows = table_rows(text)
    citation_row = rows[0][MA] + " " + rows[0][LAB]
    cited = find(r"BLS \(\d{4}\)", citation_row, "first table row (the citation)")
    out = []
    for spec in CLAIMS:
        cell = _cell(rows, spec.row, spec.soc_code)
        m = find(
            spec.pattern,
            cell,
            f"row {spec.row!r}, {CAREERS[spec.soc_code]} (claim {spec.claim_id})",
        )
        groups = m.groupdict()
        period = groups.get("period")
        if spec.period_in_label:
            period = find(
                spec.period_in_label,
                spec.row,
                f"row label {spec.row!r} (period of {spec.claim_id})",
            )["period"]
        out.append(
            {
                "claim_id": spec.claim_id,
                "soc_code": spec.soc_code,
                "article_occupation": CAREERS[spec.soc_code],
                "row_label": spec.row,
                "claimed_measure": spec.measure,
                "article_label": groups.get("label") or spec.row,
                "value": _number(groups["value"]),
                "unit": spec.unit,
                "period_wording": period,
                "cited_source": cited.group(0),
                "is_citation_in_row": cited.group(0) in cell,
                "quote": m.group(0),
            }
        )
    return pd.DataFrame(out)


def _gap_note(label: str, cell: str) -> str | None:
    if label.startswith("Three schools") and cell.endswith(":"):
        if "online" in label and "on campus" in cell:
            return (
                "The online-programs row repeats the on-campus sentence and names no "
                "online program and no school."
            )
        return "The article promises three schools and lists none."
    return None


def cells(text: str) -> pd.DataFrame:
    """Every cell of the table, verbatim, flagged where it promises what it lacks."""
    out = []
    for order, row in enumerate(table_rows(text), start=1):
        for soc, career in CAREERS.items():
            note = _gap_note(row["row_label"], row[soc])
            out.append(
                {
                    "row_order": order,
                    "section": row["section"],
                    "row_label": row["row_label"],
                    "soc_code": soc,
                    "article_occupation": career,
                    "cell_text": row[soc],
                    "is_cell_empty": note is not None,
                    "gap_note": note,
                }
            )
    return pd.DataFrame(out)


def organizations(text: str) -> pd.DataFrame:
    """Each organization the article names, once per career whose cells mention it."""
    rows = table_rows(text)
    out = []
    for code, (name, role) in ORGANIZATIONS.items():
        if name not in text:
            raise article_error("organizations", f"{code}: {name!r} does not occur in the article")
        for soc in CAREERS:
            career_text = " ".join(r[soc] for r in rows)
            if name in career_text or re.search(rf"\b{code}\b", career_text):
                out.append(
                    {
                        "organization_code": code,
                        "organization_name": name,
                        "organization_role": role,
                        "soc_code": soc,
                    }
                )
    return pd.DataFrame(out)


def credentials(text: str) -> pd.DataFrame:
    """Certifications and the bodies that award them, as the Certification row names them."""
    rows = table_rows(text)
    by_name = {name: code for code, (name, _) in ORGANIZATIONS.items()}
    out = []
    ma_cell = _cell(rows, "Certification", MA)
    pattern = (
        r"(?:as an? |an? )(?P<name>[A-Z][A-Za-z ]+?) \((?P<code>[A-Z]+)\) from "
        r"(?:the )?(?P<body>[A-Z][A-Za-z ]+?)(?=,| or |$)"
    )
    for m in re.finditer(pattern, ma_cell):
        body = m.group("body").strip()
        if body not in by_name:
            raise article_error("row 'Certification'", f"unknown certifying body {body!r}")
        out.append(
            {
                "soc_code": MA,
                "organization_code": by_name[body],
                "credential_code": m.group("code"),
                "credential_name": m.group("name"),
                "quote": m.group(0).strip(),
            }
        )
    lab_cell = _cell(rows, "Certification", LAB)
    for code, (name, role) in ORGANIZATIONS.items():
        if role == "certifying body" and name in lab_cell:
            quote = find(
                rf"(?:the )?{re.escape(name)}(?: \({code}\))?",
                lab_cell,
                "row 'Certification', Medical Lab Technician",
            )
            out.append(
                {
                    "soc_code": LAB,
                    "organization_code": code,
                    "credential_code": None,
                    "credential_name": None,
                    "quote": quote.group(0),
                }
            )
    return pd.DataFrame(out)


def education_programs(text: str) -> pd.DataFrame:
    """Awards each career can study for, with the article's program details."""
    rows = table_rows(text)
    frame = pd.DataFrame([*_assistant_programs(rows), *_lab_programs(rows)])
    for col in ("program_length_years_min", "program_length_years_max", "semester_hours_min"):
        if col not in frame:
            frame[col] = None
    return frame


def _assistant_programs(rows: list) -> list[dict]:
    """The medical assistant's awards, and the program length the article gives."""
    out = []
    m = find(
        r"may pursue (?P<quote>an? (?P<awards>.+?) degree) through .*?"
        r"(?P<elig>eligible to sit for the certification)",
        _cell(rows, "Degrees available", MA),
        "row 'Degrees available', Certified Medical Assistant",
    )
    for award in ("certificate", "associate", "bachelor"):
        if award in m.group("awards"):
            out.append(
                {
                    "soc_code": MA,
                    "award": award,
                    "is_eligible_route_to_certification": True,
                    "quote": m.group("quote"),
                }
            )
    d = find(
        r"programs take (?P<lo>\w+) to (?P<hi>\w+) years",
        _cell(rows, "Program details", MA),
        "row 'Program details', Certified Medical Assistant",
    )
    out.append(
        {
            "soc_code": MA,
            "award": "any",
            "program_length_years_min": _number(d["lo"]),
            "program_length_years_max": _number(d["hi"]),
            "is_eligible_route_to_certification": False,
            "quote": d.group(0),
        }
    )
    return out


def _lab_programs(rows: list) -> list[dict]:
    """The lab technician's associate and bachelor programs, as the article words them."""
    req = _cell(rows, "Degree requirements", LAB)
    h = find(
        r"associate degree program typically requires the completion of at least "
        r"(?P<hours>\d+) semester",
        _cell(rows, "Program details", LAB),
        "row 'Program details', Medical Lab Technician",
    )
    e = re.search(r"at least an associate degree to be eligible", req)
    b = find(
        r"earning a bachelor’s degree may improve [^.]*",
        req,
        "row 'Degree requirements', Medical Lab Technician",
    )
    return [
        {
            "soc_code": LAB,
            "award": "associate",
            "semester_hours_min": int(h["hours"]),
            "is_eligible_route_to_certification": bool(e),
            "quote": h.group(0),
        },
        {
            "soc_code": LAB,
            "award": "bachelor",
            "is_eligible_route_to_certification": bool(e),
            "quote": b.group(0),
        },
    ]


def lists(text: str) -> pd.DataFrame:
    """The specializations and practice settings, one item a row."""
    rows = table_rows(text)
    out = []
    spec_ma = _cell(rows, "Specializations", MA)
    for item in re.findall(r"• ([^•]+?)(?= •|$)", spec_ma):
        out.append((MA, "specialization", item.strip(), f"• {item.strip()}"))
    m = find(
        r"in a field like (\w+) or (\w+)",
        _cell(rows, "Specializations", LAB),
        "row 'Specializations', Medical Lab Technician",
    )
    out += [(LAB, "specialization", g, m.group(0)) for g in m.groups()]
    m = find(
        r"work in (private practice), he or she may also find work in a "
        r"(public or private hospital), in an (outpatient clinic), or in any number "
        r"of (other healthcare facilities)",
        _cell(rows, "Common practice settings", MA),
        "row 'Common practice settings', Certified Medical Assistant",
    )
    out += [(MA, "practice_setting", g, m.group(0)) for g in m.groups()]
    m = find(
        r"work in a (laboratory setting); this may be (operated privately), or this "
        r"laboratory may be (part of a larger hospital or healthcare facility)",
        _cell(rows, "Common practice settings", LAB),
        "row 'Common practice settings', Medical Lab Technician",
    )
    out += [(LAB, "practice_setting", g, m.group(0)) for g in m.groups()]
    return pd.DataFrame(out, columns=["soc_code", "list_name", "item", "quote"])


def licensure_list(text: str) -> list[str]:
    """The jurisdictions the article says require licensure of lab technicians."""
    cell = _cell(table_rows(text), "Licensing", LAB)
    m = find(
        r"only required in the following states \(and territories\):(.*?)Each",
        cell,
        "row 'Licensing', Medical Lab Technician (the list of states)",
    )
    return [s.strip() for s in m.group(1).split("•") if s.strip()]


def recertification_article(text: str) -> dict[str, dict]:
    """What the article says of each career's renewal cycle, in months."""
    rows = table_rows(text)
    out = {}
    for soc, (org, cred, pattern, program) in RECERTIFICATION.items():
        m = find(
            pattern, _cell(rows, "Re-certification", soc), f"row 'Re-certification', {CAREERS[soc]}"
        )
        n = int(_number(m["n"]))
        months = n * 12 if m["unit"] == "years" else n
        out[soc] = {
            "organization_code": org,
            "credential_code": cred,
            "program_name": program or m["program"],
            "article_cycle_months": months,
            "quote": m.group(0) if program is None else m["quote"],
        }
    return out
