# Two commands for a fresh clone: `make status` (set up, run the main job) and `make test`
# (set up, run every test). Both create ./.venv on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: setup status test test-snel serve bench lint clean

$(BIN)/openfisca-vth: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

setup: $(BIN)/openfisca-vth

status: setup
	$(BIN)/openfisca-vth status $(ARGS)

test: setup lint
	$(BIN)/pytest -q -n auto

test-snel: setup  # while you work: skips the slow tests (property tests, packaging, live server, benchmarks)
	$(BIN)/pytest -q -n auto -m 'not traag'

serve: setup
	$(BIN)/openfisca-vth serve $(ARGS)

bench: setup
	$(BIN)/python benchmarks/run.py $(ARGS)

lint: setup
	$(BIN)/ruff check openfisca_vth variables tests benchmarks docs/voorbeeld_client.py
	$(BIN)/ruff format --check --quiet openfisca_vth variables tests benchmarks docs/voorbeeld_client.py

clean:
	rm -rf $(VENV) build *.egg-info
