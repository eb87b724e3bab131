# The site's commands, in Pelican's quickstart conventions.
#   make html    build the site into output/ (sets itself up on first run)
#   make test    run every test (unit, build, browser)
#   make serve   build, then serve output/ on http://localhost:8000
# See README.md for the rest.

PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CONF ?= pelicanconf.py
PORT ?= 8000

.DEFAULT_GOAL := html
.PHONY: html publish serve devserver clean clean-venv test test-fast lint check new import translated docs bench system-deps messages

$(STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

venv: $(STAMP)

html: $(STAMP)
	$(BIN)/bloc build --settings $(CONF)

publish: $(STAMP)
	$(BIN)/bloc build --settings publishconf.py

serve: html
	$(BIN)/python -m http.server --bind 127.0.0.1 --directory output $(PORT)

devserver: $(STAMP)
	$(BIN)/bloc devserver --port $(PORT)

check: $(STAMP)
	$(BIN)/bloc check

# Authors' commands (docs/huong-dan.md): make new TITLE="..." DATE=YYYY-MM-DD KIND=...,
# make import SRC=file.txt [DATE=...] [TITLE="..."], make translated ITEM=content/news/<year>/<item>.
new: $(STAMP)
	$(BIN)/bloc new --title "$(TITLE)" $(if $(DATE),--date "$(DATE)") $(if $(KIND),--kind "$(KIND)")

import: $(STAMP)
	$(BIN)/bloc import "$(SRC)" $(if $(DATE),--date "$(DATE)") $(if $(TITLE),--title "$(TITLE)")

translated: $(STAMP)
	$(BIN)/bloc translated "$(ITEM)"

# The generated parts of docs/ and schema/ (field reference, message tables, JSON Schema).
docs: $(STAMP)
	$(BIN)/bloc docs
	$(BIN)/bloc schema

# Browser tests need Debian's Chromium and a Java runtime (Nu HTML Checker); installs them when missing.
system-deps:
	@bash scripts/system-deps.sh

lint: $(STAMP)
	$(BIN)/ruff check plugins tests bench pelicanconf.py publishconf.py

test: $(STAMP) system-deps lint
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not browser" $(PYTEST_ARGS)

bench: $(STAMP)
	@bash scripts/bench-deps.sh
	$(BIN)/python -m bench $(if $(N),--sizes $(N))

clean:
	rm -rf output output.* .build __pycache__ .pytest_cache test-artifacts

clean-venv:
	rm -rf $(VENV)

# Theme strings: extract from the templates, merge into both catalogues (then translate).
messages: $(STAMP)
	$(BIN)/pybabel extract -F theme/babel.cfg -o theme/messages.pot --no-location --omit-header --sort-output theme
	$(BIN)/pybabel update -i theme/messages.pot -d theme/translations -D messages --no-fuzzy-matching
