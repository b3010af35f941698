"""Provenance: one record per source, naming its raw files under ``data/raw/``.

Each record says where the file came from (the publisher's URL), which release it is,
and which raw files hold it. ``datapackage.json`` adds each raw file's SHA-256.
"""

from __future__ import annotations

OEWS_NATIONAL_YEARS = tuple(range(2015, 2025))
EP_FILES = {
    "2014-24": "ep/occupation_2014-24.xlsx",
    "2016-26": "ep/occupation_2016-26.xlsx",
    "2018-28": "ep/employment_projections_2018-28.csv",
    "2019-29": "ep/occupation_2019-29.xlsx",
    "2020-30": "ep/employment_projections_2020-30.csv",
    "2021-31": "ep/employment_projections_2021-31.csv",
    "2022-32": "ep/employment_projections_2022-32.csv",
    "2023-33": "ep/employment_projections_2023-33.csv",
    "2024-34": "ep/occupation_2024-34.xlsx",
}
OEWS_FLAT_SMALL_FILES = (
    "oe.area",
    "oe.areatype",
    "oe.datatype",
    "oe.footnote",
    "oe.industry",
    "oe.occupation",
    "oe.release",
)
#: The May 2025 data file is 331 MB: too big to commit. Its digest is BLS's published one.
OEWS_FLAT_DATA_FILE = "oe.data.0.Current"
OEWS_FLAT_DATA_SHA256 = "09879508d69f5114"  # first 16 hex digits; full digest in datapackage

SOURCES: dict[str, dict] = {
    "article": {
        "title": "Certified Medical Assistant vs. Medical Lab Technician (Kimmy Gustafson, "
        "medicaltechnologyschools.com)",
        "path": "https://www.medicaltechnologyschools.com/medical-assistant/cma-vs-mlt",
        "release": "as received for careerstats; its table cites BLS (2021)",
        "files": ["article/cma-vs-mlt.txt"],
    },
    "secondary_facts": {
        "title": "Secondary facts with their sources (ASCLS licensure page, AAMA and ASCP "
        "recertification pages, OOH quick facts and quoted figures)",
        "path": "https://ascls.org/licensure/",
        "release": "stored copies of the pages, undated; each row carries its own URL",
        "files": ["facts/secondary_facts.csv"],
    },
    "us_states": {
        "title": "States and territories with postal and FIPS codes (the `us` Python package)",
        "path": "https://github.com/unitedstates/python-us",
        "release": "us package as pinned in uv.lock",
        "files": [],
    },
    "oews_flat_2025": {
        "title": "BLS Occupational Employment and Wage Statistics, May 2025, time-series flat "
        "files (all areas)",
        "path": "https://download.bls.gov/pub/time.series/oe/",
        "release": "May 2025",
        "files": [f"oews-flat/{name}" for name in OEWS_FLAT_SMALL_FILES],
        "note": "oe.data.0.Current (331 MB) is not committed: download it with "
        "`careerstats fetch-oews DIR`. "
        "oe.industry and oe.occupation carry BLS's codes and names with approximated "
        "display/sort columns.",
    },
}
#: BEA's regional price parity files: source id -> (table, zip, raw file, last updated).
BEA_FILES = {
    "bea_sarpp": ("SARPP", "SARPP.zip", "bea/SARPP_STATE_2008_2023.csv", "February 20, 2025"),
    "bea_marpp": ("MARPP", "MARPP.zip", "bea/MARPP_MSA_2008_2024.csv", "February 19, 2026"),
    "bea_parpp": ("PARPP", "MARPP.zip", "bea/PARPP_PORT_2008_2024.csv", "February 19, 2026"),
}
for _id, (_table, _zip, _file, _updated) in BEA_FILES.items():
    SOURCES[_id] = {
        "title": f"BEA regional price parities, {_table} "
        + {
            "SARPP": "(states)",
            "MARPP": "(metropolitan statistical areas)",
            "PARPP": "(metropolitan and nonmetropolitan portions of states)",
        }[_table],
        "path": f"https://apps.bea.gov/regional/zip/{_zip}",
        "release": f"last updated {_updated} (the file's footer)",
        "files": [_file],
    }
SOURCES["ipeds_ic2023_py"] = {
    "title": "NCES IPEDS Institutional Characteristics, program reporters' charges (IC2023_PY)",
    "path": "https://nces.ed.gov/ipeds/datacenter/data/IC2023_PY.zip",
    "release": "2023-24 (a copy with LF line ends and CIP codes stored as numbers)",
    "files": ["ipeds/ic2023_py.csv"],
}
SOURCES["ors_2020"] = {
    "title": "BLS Occupational Requirements Survey, 2020 estimates (preliminary), complete "
    "dataset (ors-complete-dataset.xlsx)",
    "path": "https://www.bls.gov/ors/",
    "release": "2020 ORS estimates, preliminary (two of five sample groups), released "
    "2020-12-22; the newest ORS release available here",
    "files": ["ors/ors_2020_preliminary.xlsx"],
}
SOURCES["ors_2018"] = {
    "title": "BLS Occupational Requirements Survey, 2018 estimates (2018_excel_output.xlsx)",
    "path": "https://www.bls.gov/ors/",
    "release": "2018 ORS estimates (the first complete wave, 2016-2018), released "
    "2019-02-21, updated 2019-04-25",
    "files": ["ors/ors_2018.xlsx"],
}
SOURCES["cpi_u"] = {
    "title": "BLS Consumer Price Index for All Urban Consumers (CPI-U), series CUUR0000SA0, as "
    "bundled by the cpi Python package",
    "path": "https://download.bls.gov/pub/time.series/cu/",
    "release": "the cpi package as pinned in uv.lock",
    "files": [],
}
for _year in OEWS_NATIONAL_YEARS:
    SOURCES[f"oews_national_{_year}"] = {
        "title": f"BLS Occupational Employment and Wage Statistics, May {_year}, national "
        "estimates",
        "path": f"https://www.bls.gov/oes/special-requests/oesm{_year % 100:02d}nat.zip",
        "release": f"May {_year}",
        "files": [f"oews/national_M{_year}_dl.xlsx"],
    }
for _cycle, _file in EP_FILES.items():
    SOURCES[f"ep_{_cycle}"] = {
        "title": f"BLS Employment Projections {_cycle}, occupational projections",
        "path": "https://www.bls.gov/emp/ind-occ-matrix/occupation.xlsx"
        if _file.endswith(".xlsx")
        else "https://data.bls.gov/projections/occupationProj",
        "release": f"Employment Projections {_cycle}",
        "files": [_file],
    }
