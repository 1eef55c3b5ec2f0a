# kcn_crawler — the two commands a new user needs: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: install demo test lint bench clean

$(BIN)/scrapy: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $@

install: $(BIN)/scrapy

# pywb replays the WARC archives in tests; it lives in its own venv because its
# pinned requirements (brotlipy, older pyOpenSSL) would break Scrapy's.
PYWB := .venv-pywb/bin/wayback
$(PYWB):
	$(PYTHON) -m venv .venv-pywb
	.venv-pywb/bin/pip install --quiet "pywb==2.10.0"

## Crawl the bundled replica portal offline: real exports and a report in exports/.
demo: install
	$(BIN)/python scripts/demo.py

## Lint and run the whole test suite (unit, page objects, real crawls of the replica).
test: install $(PYWB)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy kcn_crawler
	$(BIN)/pytest -q -n 2

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy kcn_crawler

## Throughput and memory of a 10,000-article crawl vs a bare spider (takes minutes).
bench: install
	$(BIN)/python benchmarks/bench_crawl.py

clean:
	rm -rf $(VENV) .venv-pywb .pytest_cache .ruff_cache .mypy_cache
