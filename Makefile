# newsfuse: `make demo` and `make test` work on a fresh machine (they set up first).
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed

.PHONY: setup demo test lint bench eval clean

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@# Chromium (Debian's) drives the web UI tests; never `playwright install`.
	command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || \
	  { echo "make setup: install the 'chromium' package (needs root)"; exit 1; }
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade "pip==24.3.1"
	$(BIN)/pip install -q -c constraints.txt -e ".[dev,scale]"
	touch $(STAMP)

demo: setup
	$(BIN)/newsfuse brief examples/seeds/

test: setup
	$(BIN)/python -m pytest
	$(MAKE) lint

lint: setup
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

bench: setup
	$(BIN)/python -m bench

eval: setup
	$(BIN)/newsfuse eval summaries ../shared/data/multinews-dev.jsonl --words 250
	$(BIN)/newsfuse eval summaries ../shared/data/duc2004-dev --words 100

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
