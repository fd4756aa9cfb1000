# The two commands of the README: `make run` and `make test`.
# constraints.txt pins the toolchain, so a fresh build reproduces the committed
# release byte for byte (Parquet files record the pyarrow that wrote them).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint regenerate clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

## Set up .venv, build the release from the articles, validate it, print a summary.
run: $(STAMP)
	$(BIN)/usiraq build
	$(BIN)/usiraq validate
	$(BIN)/usiraq info

## Set up .venv and run the linter and the whole test suite.
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .

## Rewrite every file generated from the schema.
regenerate: $(STAMP)
	$(BIN)/usiraq regenerate
