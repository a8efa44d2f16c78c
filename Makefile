# Two commands are all a fresh machine needs (see README.md):
#   make book   - create .venv from constraints.txt and build the HTML book into _build/html
#   make test   - every check: lint, format, types, pytest (+coverage), nbval, offline book build, browser check
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXTRAS := book,test,dev,lab
export PYTHONHASHSEED := 0
export PYDEVD_DISABLE_FILE_VALIDATION := 1

# Commands that must reach no host run through tools/offline (loopback-only network namespace).
OFFLINE := tools/offline

.PHONY: help setup book test lint typecheck pytest nbval determinism browser notebooks lab constraints bench wheel clean

help:
	@echo "make book    set up .venv and build the book into _build/html"
	@echo "make test    run every check (lint, types, pytest, nbval, book build, browser)"
	@echo "make lab     open the book in JupyterLab (landing page first; MyST via jupyterlab-myst)"
	@echo "make notebooks  re-execute the notebooks in place (after changing the package)"
	@echo "make bench   run the benchmarks"
	@echo "make constraints  refresh constraints.txt from a fresh resolve"
	@echo "make wheel   build the wheel offline into dist/ (hatchling from .venv, no build isolation)"

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[$(EXTRAS)]"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (nato-border-analysis)" >/dev/null
	touch $(STAMP)

setup: $(STAMP)

book: setup
	rm -rf _build/html _build/.doctrees _build/jupyter_execute
	time $(OFFLINE) $(BIN)/jupyter-book build . -W --keep-going --builder html
	@echo "Book: _build/html/index.html"

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: setup
	$(BIN)/mypy

pytest: setup
	$(OFFLINE) $(BIN)/python -m pytest tests analysis --doctest-modules --cov=analysis --cov-report=term --cov-fail-under=90

nbval: setup
	$(OFFLINE) $(BIN)/python -m pytest --nbval book/ --nbval-sanitize-with book/nbval_sanitize.cfg -p no:cacheprovider -q

browser: setup
	$(OFFLINE) $(BIN)/python tests/browser_check.py _build/html --screenshots _build/screenshots

determinism: setup
	$(BIN)/python tools/check_determinism.py book _build/jupyter_execute/book

test: lint typecheck pytest nbval book determinism browser
	@echo "make test: all checks passed"

notebooks: setup
	$(OFFLINE) $(BIN)/jupyter nbconvert --to notebook --execute --inplace --ExecutePreprocessor.record_timing=False book/*.ipynb

# Opens the landing page; as root (containers, CI machines) JupyterLab needs --allow-root.
lab: setup
	$(BIN)/jupyter lab --ServerApp.root_dir=. $(if $(filter 0,$(shell id -u)),--allow-root) book/intro.ipynb

bench: setup
	for f in benchmarks/bench_*.py; do echo "== $$f"; $(BIN)/python $$f; done

constraints:
	rm -rf /tmp/constraints-venv
	$(PYTHON) -m venv /tmp/constraints-venv
	/tmp/constraints-venv/bin/python -m pip install --quiet --upgrade "pip>=24"
	/tmp/constraints-venv/bin/python -m pip install --quiet -e ".[$(EXTRAS)]"
	/tmp/constraints-venv/bin/python -m pip freeze --exclude-editable | grep -v '^-e ' | LC_ALL=C sort > constraints.txt
	@echo "constraints.txt refreshed: $$(wc -l < constraints.txt) pins"

# Offline: the build backend (hatchling) comes from .venv instead of being fetched.
wheel: setup
	$(BIN)/python -m pip wheel --quiet --no-build-isolation --no-deps -w dist .
	@ls dist/*.whl

clean:
	rm -rf _build .pytest_cache .mypy_cache .ruff_cache .coverage htmlcov
