# careerstats — every command sets up what it needs first (python3 and make are enough).
# `make help` lists the targets.

PYTHON ?= python3
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
SYNCED := $(VENV)/.synced-stamp
export UV_PROJECT_ENVIRONMENT := $(VENV)

.DEFAULT_GOAL := help
.PHONY: help setup test test-fast check docs fmt charts lab data lint clean report bench notebooks

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(SYNCED): $(UV) pyproject.toml uv.lock
	$(UV) sync --locked --quiet
	@touch $@

setup: $(SYNCED) ## create .venv with the exact versions in uv.lock

test: check docs ## format, lint and type checks, the API reference, then every test: unit, property, doctests, data package, notebooks (nbval), JupyterLab in Chromium
	$(VENV)/bin/python -m pytest -n 2 --dist loadfile

test-fast: setup ## the quick tests: not slow, no browser, no notebooks
	$(VENV)/bin/python -m pytest -n 2 -m "not slow and not browser and not notebooks"

check: setup ## ruff format --check, ruff check, mypy (as make test and pre-commit run them)
	$(VENV)/bin/ruff format --check src tests benchmarks
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/mypy

docs: setup ## build the API reference from the docstrings into docs/_build/html; any warning fails it
	rm -rf docs/_build
	$(VENV)/bin/sphinx-build -q -n -W --keep-going -b html docs docs/_build/html
	@echo "API reference: docs/_build/html/index.html"

fmt: setup ## format and fix what ruff can
	$(VENV)/bin/ruff format src tests benchmarks
	$(VENV)/bin/ruff check --fix src tests benchmarks

report: setup ## an example report: careerstats report 31-9097 29-2052 --area TX
	$(VENV)/bin/careerstats report 31-9097 29-2052 --area TX --out report.html

bench: setup ## the flat-file benchmark against polars (needs data/raw/oews-flat/oe.data.0.Current)
	$(UV) sync --locked --quiet --group bench
	$(VENV)/bin/python benchmarks/ingest_oews.py data/raw/oews-flat
	$(UV) sync --locked --quiet

charts: setup ## regenerate every chart into charts/ (byte-stable)
	$(VENV)/bin/careerstats charts

notebooks: setup ## re-run every notebook in place, stored outputs deterministic (no widget state)
	for nb in notebooks/*.ipynb; do \
		$(VENV)/bin/jupyter nbconvert --to notebook --execute --inplace \
			--ExecutePreprocessor.record_timing=False "$$nb" || exit 1; \
		$(VENV)/bin/python -c "import sys; from careerstats.present.notebook import strip_widget_state as s; s(sys.argv[1])" "$$nb"; \
	done

lab: setup ## open JupyterLab on the project's environment
	$(VENV)/bin/jupyter lab notebooks $(if $(filter 0,$(shell id -u)),--allow-root)

data: setup ## rebuild data/*.csv and data/datapackage.json from data/raw
	$(VENV)/bin/careerstats build-data

lint: check ## the same as make check

clean: ## remove the environments (data and charts stay)
	rm -rf $(VENV) $(TOOLS) docs/_build docs/reference
