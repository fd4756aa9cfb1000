# The two commands of the README: `make run` and `make test`.
# constraints.txt pins the toolchain, so a fresh build reproduces the committed
# release byte for byte (Parquet files record the pyarrow that wrote them).
#
# `make run` installs only what running usiraq needs; `make test` adds the test
# extra. Both install usiraq editable into .venv/ and leave nothing else in the
# checkout: setuptools writes its usiraq.egg-info folder into .venv/, as told by
# the extra configuration file that DIST_EXTRA_CONFIG names.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.installed-run
STAMP := $(VENV)/.installed
PIP_INSTALL := DIST_EXTRA_CONFIG=$(CURDIR)/$(VENV)/setuptools.cfg $(BIN)/python -m pip install --quiet -c constraints.txt

.PHONY: run test lint regenerate clean

$(RUN_STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	printf '[egg_info]\negg_base = %s\n' '$(CURDIR)/$(VENV)' > $(VENV)/setuptools.cfg
	$(PIP_INSTALL) -e .
	touch $(RUN_STAMP)

$(STAMP): $(RUN_STAMP)
	$(PIP_INSTALL) -e '.[test]'
	touch $(STAMP)

## Set up .venv (what running needs), build the release from the articles, validate it, print a summary.
run: $(RUN_STAMP)
	$(BIN)/usiraq build
	$(BIN)/usiraq validate
	$(BIN)/usiraq info

## Set up .venv with the test extra; run the linter, the type checker, Frictionless on the release, and the whole test suite.
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python tools/typecheck.py
	$(BIN)/frictionless validate dataset/release/datapackage.json
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .

## Rewrite every file generated from the schema.
regenerate: $(RUN_STAMP)
	$(BIN)/usiraq regenerate

clean:
	rm -rf $(VENV) dist
