"""Layer 1, ingest: one reader per source format, and the download of BLS's flat files.

Each reader turns one raw file, unchanged, into a DataFrame whose columns are named by the
measure names (:mod:`careerstats.measures`), with every BLS marker resolved
explicitly or refused with the file, line, column and value. Readers know nothing of the
tables built from them.
"""
