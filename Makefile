# make serve | make test | make test-fast | make lint | make schemas | make build | make bench
# make pdf | make offline (after make build: the PDFs and the offline zip go into site/downloads/)
# (each sets up .venv first)
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# npm tools: vnu.jar (HTML check) and Lighthouse (make bench). No install scripts: vnu-jar's
# would download a JDK; Debian's Java runs the jar.
TOOLS := tools/node_modules/.package-lock.json
# make test installs them too when npm is present; without npm the HTML check skips.
TEST_TOOLS := $(if $(shell command -v npm 2>/dev/null),$(TOOLS))
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test test-fast lint schemas build bench clean pdf offline vendor
# Two pytest workers (pytest-xdist): the machines this runs on have two cores.
PYTEST := $(PY) -m pytest -n 2

$(VENV)/site-ready: requirements.txt
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11+ is needed") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/dev-ready: $(VENV)/site-ready requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# --dirty: each save rebuilds only the pages it affects (macros/incremental.py); scripts/bench.py
# reads this line, so the benchmark times the same command.
SERVE_ARGS := --dirty
serve: $(VENV)/site-ready
	$(PY) -m mkdocs serve $(SERVE_ARGS)

build: $(VENV)/site-ready
	$(PY) -m mkdocs build --strict

# Everything: lint, unit, build and browser tests.
test: lint $(TEST_TOOLS)
	$(PYTEST)

# Under a minute: unit and build tests, no browser.
test-fast: $(VENV)/dev-ready
	$(PYTEST) -m "not browser"

lint: $(VENV)/dev-ready
	$(PY) -m ruff check .
	$(PY) -m mypy

# Regenerate data/schemas/*.schema.json from the models in macros/model.py.
schemas: $(VENV)/site-ready
	$(PY) -m macros.schemas

$(TOOLS): tools/package.json tools/package-lock.json
	npm ci --prefix tools --ignore-scripts --no-audit --no-fund

bench: $(VENV)/dev-ready $(TOOLS)
	$(PY) scripts/bench.py

# Re-copy the vendored ts-fsrs browser build (docs/assets/vendor/ts-fsrs/) from the pin in tools/package.json.
vendor: $(TOOLS)
	$(PYTHON) scripts/vendor_ts_fsrs.py

clean:
	rm -rf site $(VENV)

# The print edition and the chapter handouts as PDF, into site/downloads/pdf/ (headless Chromium,
# as in the tests). Builds site/ first; `make pdf SITE=site` prints a site already built.
pdf: $(VENV)/dev-ready
	$(PY) scripts/make_pdf.py $(if $(SITE),--site $(SITE))

# The offline edition, site/downloads/friend-like-fox-offline.zip: the whole site, working from
# file:// with search (mkdocs.offline.yml; needs the npm tools for iframe-worker's shim).
offline: $(VENV)/site-ready $(TOOLS)
	$(PY) scripts/make_offline.py
