# Two commands: `make run` and `make test`. Everything runs embedded (SQLite, tantivy, eager Celery)
# unless DATABASE_URL / REDIS_URL / ELASTICSEARCH_URL are set.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEMO_RECORDS ?= 300
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup install lint format migrate demo index check-migrations worker beat services opensearch opensearch-stop bench-tools bench clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev,icu]" || $(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_reference_data

demo: migrate
	$(BIN)/python manage.py seed_demo --records $(DEMO_RECORDS)
	$(BIN)/python manage.py create_demo_admin

index: install
	$(BIN)/python manage.py search_index rebuild

setup: demo index

run: setup
	@echo "Serving http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/, user 'admin', password 'admin')"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# Tests run on every core (pytest-xdist): each test has its own media, index and SQLite database.
# TEST_WORKERS=0 runs them in one process (CI's services pass: one Redis and OpenSearch node for all).
TEST_WORKERS ?= auto
test: install
	$(BIN)/python -m pytest -n $(TEST_WORKERS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check-migrations: install
	$(BIN)/python manage.py makemigrations --check --dry-run

worker: install
	$(BIN)/celery -A config worker -l info

beat: install
	$(BIN)/celery -A config beat -l info

# PostgreSQL (127.0.0.1:5432, database "test", trust) and Redis (127.0.0.1:6379), as CI has them.
services:
	bash scripts/services.sh

# A local OpenSearch 2.19 node on 127.0.0.1:9200 built from Maven Central (needs Java 17 + Maven);
# then SEARCH_ENGINE=opensearch OPENSEARCH_URL=http://127.0.0.1:9200 make run.
opensearch:
	bash scripts/opensearch.sh start

opensearch-stop:
	bash scripts/opensearch.sh stop

# The load generator of the one benchmark command (wrk, from Debian); then `make bench`.
bench-tools:
	bash scripts/bench-tools.sh

BENCH_RECORDS ?= 10000
bench: install
	$(BIN)/python bench/run.py --records $(BENCH_RECORDS)

clean:
	rm -rf var/ staticfiles/ .pytest_cache/
