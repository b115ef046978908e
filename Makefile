# Inspections explained. `make preview` to see the site, `make test` to run every test.
# Each target sets up what it needs (a virtual environment in .venv with pinned packages).

PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed

.PHONY: help venv site preview validate check generate test lint format clean chromium browser-tools zensical

help:
	@echo "make preview   build the site and open a live preview (http://127.0.0.1:8000)"
	@echo "make site      build the site into site/ (all checks first)"
	@echo "make test      run every test"
	@echo "make validate  check the data files"
	@echo "make check     check the words on every page are plain enough"
	@echo "make review file=data/inspections/AREA/FILE.yaml   each plain point beside the report's words"

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip -c constraints.txt
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

validate: $(STAMP)
	$(PY) -m inspections validate

check: $(STAMP)
	$(PY) -m inspections check

generate: $(STAMP)
	$(PY) -m inspections generate --out build/content

# The whole build, in one readable sequence (scripts/inspections/pipeline.py): generate the
# content tree (it loads and validates the data, and stops before writing anything on a
# problem), build it with MkDocs (no hooks; `mkdocs build --strict` in two parts on the 2
# cores, see scripts/inspections/engine.py) into build/site.new, the HTML fixes no template
# reaches and the search index (Pagefind, see scripts/inspections/search.py); the words check of
# every page runs once, in a second process beside them. site/ is swapped only when all passed,
# so it is either the last good build or the new one, never half-built.
site: $(STAMP)
	$(PY) -m inspections site

# Generate, then `mkdocs serve` over the tree while data/, docs/ and the templates are watched:
# an edit generates again and writes only the files that changed (inspections/commands/preview.py).
# The generated content built with Zensical (the successor of Material for MkDocs, which reads
# mkdocs.yml) into build/zensical-site, in its own virtual environment (build/zensical-venv,
# pinned here; MIT licence), for .github/workflows/site.yml to compare with site/. Run
# `make generate` (or `make site`) first.
ZENSICAL := zensical==0.0.73
zensical: $(STAMP)
	test -x build/zensical-venv/bin/zensical || { $(PYTHON) -m venv build/zensical-venv && \
	  build/zensical-venv/bin/pip install --quiet '$(ZENSICAL)'; }
	@# Zensical wants its configuration beside docs_dir's project, so a copy (with another
	@# site_dir, never site/) is made here for the build and removed after it.
	sed 's#^site_dir: site#site_dir: build/zensical-site#' mkdocs.yml > .zensical.yml
	build/zensical-venv/bin/zensical build --config-file .zensical.yml; \
	  status=$$?; rm -f .zensical.yml; exit $$status

# The preview has no search index (search says so): `make site` builds one.
preview: $(STAMP)
	SITE_URL=http://$(PREVIEW_ADDR)/ INSPECTIONS_PREVIEW=1 $(PY) -m inspections preview --dev-addr $(PREVIEW_ADDR)

# Browser tests need Debian's chromium; install it when missing and we can (root + apt).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Debian's chromium for the browser tests..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium is missing: install it (sudo apt-get install chromium) to run browser tests"; fi; }

# Browser-test tools from npm (axe-core, the Nu HTML Checker), pinned in
# tests/browser/package-lock.json and installed into tests/browser/node_modules when missing.
BROWSER_TOOLS := tests/browser/node_modules/.installed
$(BROWSER_TOOLS): tests/browser/package.json tests/browser/package-lock.json
	cd tests/browser && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $(BROWSER_TOOLS)

browser-tools: $(BROWSER_TOOLS)

# BROWSER_TESTS=required: a missing browser or tool fails the browser tests instead of skipping.
test: $(STAMP) chromium $(BROWSER_TOOLS)
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests
	$(PY) -m inspections check --problems-only
	$(PY) -m inspections sources
	BROWSER_TESTS=required $(PY) -m pytest

lint: $(STAMP)
	$(BIN)/ruff check scripts tests
	$(BIN)/ruff format --check scripts tests

format: $(STAMP)
	$(BIN)/ruff format scripts tests
	$(BIN)/ruff check --fix scripts tests

clean:
	rm -rf site build .pytest_cache

# ---------------------------------------------------------------- publishing (see CONTRIBUTING.md)
# Two builds of the same commit give byte-identical site/: MkDocs dates the sitemap from
# SOURCE_DATE_EPOCH, which we take from the commit, never from today's date.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(strip $(SOURCE_DATE_EPOCH)),)
export SOURCE_DATE_EPOCH
endif
PREVIEW_ADDR ?= 127.0.0.1:8000

.PHONY: new check-contacts check-links site-url review

# make review file=data/inspections/derby/2022-03-ilacs.yaml   (each point beside the report)
review: $(STAMP)
	@if [ -z "$(file)" ]; then \
	  echo "Say which file, e.g.: make review file=data/inspections/derby/2022-03-ilacs.yaml"; \
	  exit 2; fi
	@$(PY) -m inspections review "$(file)"

# make new area=derby kind=ilacs start=2025-06-09   (see `python -m inspections new --help`)
new: $(STAMP)
	@if [ -z "$(area)" ] || [ -z "$(kind)" ] || [ -z "$(start)" ]; then \
	  echo "Say which area, kind and start date, e.g.: make new area=derby kind=ilacs start=2025-06-09"; \
	  exit 2; fi
	@$(PY) -m inspections new --area "$(area)" --kind "$(kind)" --start "$(start)"

# Run weekly by .github/workflows/contacts.yml: fails when a phone number is over 6 months old.
check-contacts: $(STAMP)
	@$(PY) -m inspections contacts --max-age-days 183

# Run weekly by .github/workflows/links.yml (never by the build): fails when an outside link in
# data/ or docs/ is broken, and writes build/link-report.md for the issue the workflow opens.
check-links: $(STAMP)
	@$(PY) -m inspections links --report build/link-report.md

# The site's public address (site_url in mkdocs.yml), for the deploy job to compare with Pages.
site-url: $(STAMP)
	@$(PY) -c "from pathlib import Path; from inspections.content import Settings; print(Settings.read(Path('.')).site_url)"

# Benchmark on the real data and on 153 fictional areas, each in a copy of the project: times the
# public commands (make validate, make site, make preview), prints each target beside its figure
# and fails if one is missed. scripts/bench is not installed with the package. See
# docs/performance.md.
.PHONY: bench
bench: $(STAMP) chromium
	PYTHONPATH=scripts $(PY) -m bench
