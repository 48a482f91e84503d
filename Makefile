# Two commands for a fresh machine: `make run` (dashboard on the embedded sample) and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: run test install sample bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

install: $(VENV)/.installed

run: install
	$(BIN)/streamlit run app.py --server.port $(PORT) --server.headless true

test: install
	$(BIN)/python -m pytest -q

sample: install
	$(BIN)/python -m kpi.sample

bench: install
	$(BIN)/python scripts/bench_core.py
	$(BIN)/python -m kpi.engine.bench engine --rows 10000000
	$(BIN)/python scripts/bench_briefing.py

clean:
	rm -rf $(VENV) artifacts .pytest_cache
