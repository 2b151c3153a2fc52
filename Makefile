# The README's two commands are `make run` and `make test`; everything else here serves them or CI.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format check messages makemessages bench worker clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found %s); set PYTHON=python3.11" % sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $(VENV)/.installed $@

messages: $(VENV)/.installed
	@command -v msgfmt >/dev/null 2>&1 || { echo "msgfmt not found: install GNU gettext (Debian/Ubuntu: sudo apt-get install gettext)"; exit 1; }
	DEBUG=1 $(MANAGE) compilemessages --ignore=.venv --verbosity 0

# `make run PORT=8102 HOST=0.0.0.0`: the settings see HOST and PORT too, so that links printed and
# emailed (SITE_URL, unless set) point where the portal is served.
run: $(VENV)/.installed messages
	DEBUG=$${DEBUG:-1} $(MANAGE) migrate --no-input
	DEBUG=$${DEBUG:-1} HOST=$(HOST) PORT=$(PORT) $(MANAGE) load_demo
	DEBUG=$${DEBUG:-1} HOST=$(HOST) PORT=$(PORT) $(MANAGE) runserver $(HOST):$(PORT)

test: $(VENV)/.installed-dev messages
	$(BIN)/pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: $(VENV)/.installed-dev messages
	DEBUG=1 $(MANAGE) makemigrations --check --dry-run
	DEBUG=1 $(MANAGE) check
	$(BIN)/python scripts/check_messages.py

makemessages: $(VENV)/.installed
	DEBUG=1 $(MANAGE) makemessages -l ar --no-wrap --add-location=file --ignore=.venv --ignore=node_modules --ignore=screenshots --ignore=staticfiles --ignore=var --ignore=tests --ignore=bench --ignore=scripts --no-obsolete

bench: $(VENV)/.installed-dev messages
	DEBUG=1 $(BIN)/python -m bench

worker: $(VENV)/.installed
	$(MANAGE) db_worker

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache staticfiles
