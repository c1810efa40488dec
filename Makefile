# Two commands for a newcomer: `make run` and `make test`. Both create .venv when missing and
# install the exact versions of the lock files; `make lock` recompiles the locks on purpose from
# the lower bounds in requirements*.txt, and `make test-latest` tries the newest versions.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
LOCK_FLAGS := --quiet --universal --python-version 3.11

.PHONY: run test lint format lock test-latest clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: requirements.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

$(VENV)/.dev: requirements-dev.lock $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.lock
	touch $@

run: $(VENV)/.runtime
	$(BIN)/streamlit run app.py --server.port $(PORT)

test: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -q

lint: $(VENV)/.dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# the runtime lock first: the dev lock is constrained by it, so both agree on every version
lock: $(VENV)/.dev
	$(BIN)/uv pip compile $(LOCK_FLAGS) --upgrade requirements.txt -o requirements.lock
	$(BIN)/uv pip compile $(LOCK_FLAGS) --upgrade requirements-dev.txt -c requirements.lock -o requirements-dev.lock

# the whole suite on the newest versions the lower bounds allow, in a throw-away venv (the
# linters' own rules drift too, so lint stays on the locked ruff: this is about the libraries)
test-latest:
	rm -rf .venv-latest
	$(PYTHON) -m venv .venv-latest
	.venv-latest/bin/python -m pip install --quiet --disable-pip-version-check --upgrade -r requirements-dev.txt
	.venv-latest/bin/lint-imports
	.venv-latest/bin/python -m pytest -q; status=$$?; rm -rf .venv-latest; exit $$status

clean:
	rm -rf $(VENV) .venv-latest .pytest_cache .ruff_cache
