"""The Frictionless data package that describes ``data/``: generated, then enforced.

:func:`build_descriptor` turns the data dictionary (:mod:`careerstats.fields`) and the
source records (:mod:`careerstats.sources`) into ``datapackage.json``, with the SHA-256 of
every raw file and of every table. :func:`load_descriptor` reads it back for validation.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import CareerStatsError, UnknownCodeError
from ..paths import sha256
from ..sources import OEWS_FLAT_DATA_FILE, SOURCES
from .resources import RESOURCES, table_file


def source_record(source_id: str, raw_dir: Path, extra: dict | None = None) -> dict:
    """One ``sources`` entry: title, URL, release and each raw file with its SHA-256."""
    spec = SOURCES[source_id]
    record = {"title": spec["title"], "path": spec["path"], "release": spec["release"]}
    files = []
    for rel in spec["files"]:
        p = raw_dir / rel
        if not p.exists():
            raise CareerStatsError(
                f"{p}: raw file missing — expected the file {rel} of "
                f"source {source_id!r} under {raw_dir}"
            )
        files.append({"path": f"raw/{rel}", "sha256": sha256(p), "bytes": p.stat().st_size})
    if files:
        record["files"] = files
    if "note" in spec:
        record["note"] = spec["note"]
    if extra:
        record.update(extra)
    return record


def resource_schema(name: str) -> dict:
    """The Table Schema of resource ``name`` (fields, keys, missing values)."""
    spec = RESOURCES[name]
    schema = {"fields": spec["fields"], "missingValues": [""]}
    if spec.get("primaryKey"):
        schema["primaryKey"] = spec["primaryKey"]
    if spec.get("foreignKeys"):
        schema["foreignKeys"] = [
            {"fields": f, "reference": {"resource": "occupations", "fields": "soc_code"}}
            for f in spec["foreignKeys"]
        ]
    return schema


def _flat_extra(sha: str, release: str | None, size: int | None) -> dict:
    """The flat data file's record: not committed, so its digest and size stand for it."""
    return {
        **({"release": release} if release else {}),
        "data_file": {
            "path": f"raw/oews-flat/{OEWS_FLAT_DATA_FILE}",
            "sha256": sha,
            **({"bytes": size} if size else {}),
            "committed": False,
        },
    }


def build_descriptor(
    out_dir: Path,
    raw_dir: Path,
    names: list[str],
    flat_data_sha256: str | None = None,
    flat_release: str | None = None,
    source_extras: dict[str, dict] | None = None,
    flat_data_bytes: int | None = None,
) -> dict:
    """The whole ``datapackage.json`` for the tables ``names`` written in ``out_dir``."""
    resources = []
    for name in names:
        spec = RESOURCES[name]
        path = out_dir / table_file(name)
        sources = []
        for sid in spec["sources"]:
            extra = None
            if sid == "oews_flat_2025" and flat_data_sha256:
                extra = _flat_extra(flat_data_sha256, flat_release, flat_data_bytes)
            if source_extras and sid in source_extras:
                extra = {**(extra or {}), **source_extras[sid]}
            sources.append(source_record(sid, raw_dir, extra))
        resource = {
            "name": name,
            "path": table_file(name),
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            **({"compression": spec["compression"]} if "compression" in spec else {}),
            "title": spec["title"],
            "description": spec["description"],
            "hash": f"sha256:{sha256(path)}",
            "bytes": path.stat().st_size,
            "schema": resource_schema(name),
            "sources": sources,
        }
        if "unitRanges" in spec:
            resource["unitRanges"] = spec["unitRanges"]
        resources.append(resource)
    return {
        "profile": "tabular-data-package",
        "name": "careerstats",
        "title": "careerstats: BLS occupational figures and the article they check",
        "licenses": [
            {
                "name": "other-pd",
                "title": "U.S. Government Work (BLS data are "
                "public domain); article text quoted for fact-checking",
            }
        ],
        "resources": resources,
    }


def write_descriptor(descriptor: dict, path: Path) -> None:
    path.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def load_descriptor(path: Path) -> dict:
    """Read ``datapackage.json``; a missing or unreadable file is a CareerStatsError."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CareerStatsError(
            f"{path}: data package descriptor missing — run `careerstats build-data`"
        ) from None
    except json.JSONDecodeError as e:
        raise CareerStatsError(f"{path}: line {e.lineno}: not valid JSON ({e.msg})") from None


def resource(descriptor: dict, name: str) -> dict:
    for r in descriptor["resources"]:
        if r["name"] == name:
            return r
    raise UnknownCodeError("table", name, [r["name"] for r in descriptor["resources"]])
