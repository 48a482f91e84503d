# Two commands for a fresh machine: `make run` (dashboard on the embedded sample) and `make test` (everything, what CI
# runs). For contributors: `make check` (all tests but the browser ones), `make lint`, `make typecheck`, `make format`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: run test check lint format typecheck install sample bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

run: install
	$(BIN)/streamlit run app.py --server.port $(PORT) --server.headless true

test: install
	$(BIN)/python -m pytest -q

check: install
	$(BIN)/python -m pytest -q -m "not browser"

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: install
	$(BIN)/mypy

sample: install
	$(BIN)/python -m kpi.sample

bench: install
	$(BIN)/python scripts/bench_core.py
	$(BIN)/python -m kpi.engine.bench engine --rows 10000000
	$(BIN)/python scripts/bench_briefing.py
	$(BIN)/python scripts/bench_import.py

clean:
	rm -rf $(VENV) artifacts .pytest_cache .mypy_cache .ruff_cache
