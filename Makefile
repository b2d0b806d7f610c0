# One command to talk to the skill, one to test it; both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: chat test lint serve bench clean

$(BIN)/second-opinion: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

chat: $(BIN)/second-opinion
	$(BIN)/second-opinion chat

test: $(BIN)/second-opinion
	scripts/install-system-packages
	$(BIN)/python -m pytest -q

lint: $(BIN)/second-opinion
	$(BIN)/ruff check .

serve: $(BIN)/second-opinion
	$(BIN)/second-opinion serve

bench: $(BIN)/second-opinion
	$(BIN)/python benchmarks/request_cost.py
	$(BIN)/python benchmarks/resolve.py

clean:
	rm -rf $(VENV)
