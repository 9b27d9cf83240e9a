# Two commands for a fresh clone (only Python 3.11+ and git needed):
#   make serve   build the site and serve it at http://localhost:8000
#   make test    run the whole test suite
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed

.PHONY: serve build check test test-fast lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

serve: $(STAMP)
	$(VENV)/bin/python build.py serve

build: $(STAMP)
	$(VENV)/bin/python build.py build

check: $(STAMP)
	$(VENV)/bin/python build.py check

test: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(VENV)/bin/python -m pytest

test-fast: $(STAMP)
	$(VENV)/bin/python -m pytest -m 'not browser and not slow'

clean:
	rm -rf _site .cache $(VENV)
