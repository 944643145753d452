# Two commands do everything from a fresh clone:  make site  /  make test
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: site test serve check lint clean setup browser lighthouse

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	touch $(STAMP)

setup: $(STAMP)

# Debian packages the tests use: chromium for the browser tests (no browser download is
# possible here), a CJK font so that the screenshots kept as test artefacts show the
# Chinese text, and shellcheck, which actionlint runs on the workflows' shell steps.
BROWSER_PKGS := chromium fonts-noto-cjk shellcheck
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Node.js runs the npm tools of tests/website/node (package.json + package-lock.json):
# axe-core for the accessibility tests (`npm ci --omit=dev`: axe-core alone, no
# dependencies) and Lighthouse for benchmarks/lighthouse (`make lighthouse`).
# Debian's nodejs and npm, unless a node and npm are already on PATH.
NODE_DIR := tests/website/node
browser:
	@missing=$$(for p in $(BROWSER_PKGS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if ! command -v npm >/dev/null 2>&1; then missing="$$missing nodejs npm"; fi; \
	if [ -n "$$missing" ]; then $(SUDO) apt-get update -qq && \
	  $(SUDO) apt-get install -y -qq $$missing >/dev/null; fi
	@$(MAKE) --no-print-directory $(NODE_STAMP)

NODE_STAMP := $(NODE_DIR)/node_modules/.axe-installed
$(NODE_STAMP): $(NODE_DIR)/package.json $(NODE_DIR)/package-lock.json
	npm ci --prefix $(NODE_DIR) --omit=dev --no-audit --no-fund --loglevel=error
	touch $@

# Lighthouse on the built site (not part of `make test`: minutes, and noisy on shared machines).
lighthouse: site browser
	npm ci --prefix $(NODE_DIR) --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)
	$(PY) -m benchmarks.lighthouse

site: $(STAMP)
	$(PY) -m builder build
	$(PY) -m mkdocs build --strict --site-dir site

serve: $(STAMP)
	$(PY) -m builder build
	$(PY) -m mkdocs serve --livereload

check: $(STAMP)
	$(PY) -m builder check

lint: $(STAMP)
	$(VENV)/bin/ruff check builder tests benchmarks

test: $(STAMP) browser
	$(VENV)/bin/ruff check builder tests
	$(PY) -m builder check
	$(PY) -m pytest -q

clean:
	rm -rf build site test-artifacts
