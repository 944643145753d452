# Two commands do everything from a fresh clone:  make site  /  make test
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: site test serve check lint clean setup browser lock lighthouse

# Every package, pip included, is installed at the version and with the hashes
# of requirements.lock; pip refuses anything else (--require-hashes).
$(STAMP): requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	touch $(STAMP)

# Regenerate requirements.lock (exact versions and sha256 hashes of every
# package) from pyproject.toml and requirements-pip.in, in a throwaway venv.
# Run it after adding or changing a dependency in pyproject.toml, and after a
# merge that conflicts in requirements.lock (never hand-merge hashes).
LOCK_VENV := .lock-venv
PIP_TOOLS := pip-tools==7.6.2
lock:
	rm -rf $(LOCK_VENV)
	$(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet $(PIP_TOOLS)
	$(LOCK_VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --extra test \
	  --no-emit-index-url --no-emit-find-links --output-file requirements.lock pyproject.toml requirements-pip.in
	rm -rf $(LOCK_VENV)

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

# builder check, the pages, then mkdocs build --strict into a fresh folder that replaces
# site/ only when it succeeds (a failed or killed build leaves the last good site/).
site: $(STAMP)
	$(PY) -m builder site

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
