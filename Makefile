# newsarchive: `make run` to try it, `make test` to prove it. Both set everything up first.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
TESTS ?= tests
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run migrate test test-postgres bench bench-http bench-extract bench-realnews bench-import check clean

install: $(VENV)/.installed

$(VENV)/.installed: requirements.txt requirements-model.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11) and "newsarchive needs Python 3.11")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	touch $@

# Development server with the fixture documents imported and published.
run: export DJANGO_DEBUG ?= true
run: install
	$(MANAGE) migrate --noinput
	$(MANAGE) import_documents fixtures/documents --publish
	$(MANAGE) ensure_superuser
	@echo "Admin: http://$(HOST):$(PORT)/admin/"
	$(MANAGE) runserver $(HOST):$(PORT)

migrate: install
	$(MANAGE) migrate --noinput

# The whole suite, on the database DATABASE_URL names (SQLite when unset).
test: export DJANGO_SECRET_KEY ?= test-only-secret-key
test: export DJANGO_DEBUG = false
test: install
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(BIN)/python -m pytest $(TESTS) $(PYTEST_ARGS)

test-postgres:
	DATABASE_URL=$${DATABASE_URL_POSTGRES:-postgres://postgres@127.0.0.1:5432/newsarchive} $(MAKE) test

check: export DJANGO_SECRET_KEY ?= check-only-secret-key
check: install
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

# Public pages: req/s of /articles/ (2 gunicorn sync workers, SQLite, debug off) with the page cache
# off and on, and the queries per page type, on a generated 2,000-article archive in /tmp/bench.sqlite3.
# Every benchmark: the public pages under wrk, the importer end to end, the extraction's quality and speed.
bench: bench-http bench-import bench-extract

bench-http: install
	tests/bench/http.sh $(BENCH_PATHS)

bench-extract: install
	$(BIN)/python tests/bench/extract_quality.py
	$(BIN)/python tests/bench/extract_speed.py
	$(MAKE) bench-realnews

# Real news beside the project (../shared/corpus): the held-back set scored with the model and the rules
# (what the importer does), with the rules alone, and with the model alone for people and organisations.
bench-realnews: install
	$(BIN)/python tests/bench/realnews.py --set heldout --mode both
	$(BIN)/python tests/bench/realnews.py --set heldout --mode rules
	$(BIN)/python tests/bench/realnews.py --set heldout --mode model

# End-to-end import into a fresh SQLite file: documents per second, and memory over a long batch.
bench-import: install
	$(BIN)/python tests/bench/import_speed.py --documents $${DOCUMENTS:-10000}

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
