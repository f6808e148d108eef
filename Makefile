# Two commands do all set-up on a fresh machine (python3, pip and make assumed):
#   make run    ingest seeds/ into warehouse/vnrok.duckdb and print a summary
#   make test   run the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench quality browser install clean-warehouse

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --quiet -e ".[test,bench]"
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/vnrok-etl ingest seeds/

# The report test renders in headless Chromium (Debian's package). As root it is installed here;
# elsewhere, install `chromium` yourself or that one test is skipped.
browser:
	@if ! command -v chromium >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing chromium for the report test (apt-get)"; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null) \
			|| echo "chromium could not be installed: the report rendering test will be skipped"; \
	fi

# Two workers (pytest-xdist): half the suite's time is waiting on servers and child processes,
# so two cores finish it in about 4 minutes instead of 6.
test: $(STAMP) browser
	$(BIN)/python -m pytest -n 2

bench: $(STAMP)
	$(BIN)/python benchmarks/figures_vs_quantulum.py

# Extraction quality on the hand-keyed corpus (tests/corpus/): fields, leaks, quotes, figures.
quality: $(STAMP)
	$(BIN)/python benchmarks/quality.py

clean-warehouse:
	rm -f warehouse/vnrok.duckdb warehouse/vnrok.duckdb.wal
