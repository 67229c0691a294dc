# The two commands a newcomer needs: `make report` and `make test`.
# Both set up a virtual environment first (torch's CPU build before the rest).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: setup report test bench

$(BIN)/factcheck: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

setup: $(BIN)/factcheck

report: setup
	$(BIN)/factcheck check data/iraq-syria-strikes-2021 --out reports/iraq-syria-strikes-2021.md --fail-on never

test: setup
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python benchmarks/bench.py --articles 1000
