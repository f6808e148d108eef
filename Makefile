# Two commands do all set-up on a fresh machine (python3, pip and make assumed):
#   make run    ingest seeds/ into warehouse/vnrok.duckdb and print a summary
#   make test   run the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench install clean-warehouse

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --quiet -e ".[test,bench]"
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/vnrok-etl ingest seeds/

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/figures_vs_quantulum.py

clean-warehouse:
	rm -f warehouse/vnrok.duckdb warehouse/vnrok.duckdb.wal
