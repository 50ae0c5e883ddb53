# Two commands do everything on a fresh clone: `make run` and `make test`.
# Each creates .venv when missing and (re)installs when pyproject.toml changes.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint install clean browser readers screenshot bench soak

install: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "gongkai needs Python 3.11 or newer")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip "setuptools>=81"
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: install
	$(BIN)/gongkai reindex
	$(BIN)/gongkai serve

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

browser:
	scripts/ensure-browser

# antiword (.doc) and Tesseract with its Chinese models (scanned PDFs): optional outside CI
readers:
	scripts/ensure-readers

test: lint browser readers
	$(BIN)/python -m pytest

# The slow tier alone (kills, switches, load, hostile corpus), printing its figures
# (RELIABILITY.md); `make test` runs it too.
soak: install
	$(BIN)/python -m pytest -m slow -s

screenshot: install browser
	$(BIN)/python scripts/screenshot.py

# `make bench SCALE=medium`: gongkai against stock Whoosh+jieba (BENCHMARKS.md);
# `make bench SCALE=large BENCH_ARGS=--no-stock` measures gongkai alone.
SCALE ?= small
BENCH_ARGS ?=

bench: install
	$(BIN)/python -m bench.run --scale $(SCALE) $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .cache
