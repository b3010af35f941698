"""Layer 2, tables: the data dictionary, provenance, the data package, validation, loading
and the build of ``data/*.csv`` from ``data/raw/``.

:mod:`~.fields` (the data dictionary) and :mod:`~.sources` (provenance records) are plain
data that the ingest layer may read too; everything else here sits above ingest.
"""
