# Two entry points for a fresh machine: `make demo` and `make test` (see README).
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-dev
DB     ?= eventline.db

.PHONY: demo test lint typecheck unit bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"

# The lock files pin every dependency with its hash; eventline itself goes in editable, without deps.
$(STAMP): $(BIN)/python requirements/dev.lock pyproject.toml
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/dev.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/eventline --db $(DB) ingest examples/corpus
	$(BIN)/eventline --db $(DB) analyse
	$(BIN)/eventline --db $(DB) summary

test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_ingest.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache eventline.db eventline.db-*
