# claimtrace: `make run` serves the API on the seed corpus, `make test` runs the tests.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
LAUNCHER := $(PY) neo4j/launcher.py
# The GraphQL-over-HTTP audits (graphql-http, Node.js), installed from their lockfile.
AUDIT_DIR := tests/graphql_http_audit
AUDIT_INSTALLED := $(AUDIT_DIR)/node_modules/.package-lock.json
# The provenance explorer (explorer/): installed from its lockfile, built into explorer/dist.
EXPLORER_DIR := explorer
EXPLORER_INSTALLED := $(EXPLORER_DIR)/node_modules/.package-lock.json
EXPLORER_BUILT := $(EXPLORER_DIR)/dist/index.html
EXPLORER_SOURCES := $(shell find $(EXPLORER_DIR)/src -type f -not -path '*/src/gql/*' 2>/dev/null) \
  $(EXPLORER_DIR)/index.html $(EXPLORER_DIR)/vite.config.ts $(EXPLORER_DIR)/codegen.ts \
  $(EXPLORER_DIR)/tsconfig.json schema.graphql
# The benchmark's peer (@neo4j/graphql on Apollo Server), installed from its lockfile.
PEER_DIR := bench/peer
PEER_INSTALLED := $(PEER_DIR)/node_modules/.package-lock.json
HOST ?= 127.0.0.1
PORT ?= 8000
# API processes (uvicorn's --workers): one per core unless told, e.g. make run WORKERS=1.
WORKERS ?= $(shell nproc 2>/dev/null || echo 1)
PYTEST_ARGS ?=
BACKUP_DIR ?= backups

.PHONY: help install system-deps audit-deps peer-deps explorer run serve load test unit wheel-check reliability bench-quick bench bench-peer lint neo4j-start neo4j-stop schema backup restore

help:
	@echo "make run          serve the explorer and the API on the seed corpus at http://$(HOST):$(PORT)/ (WORKERS=n)"
	@echo "make test         every test: the unit tier, the wheel check, then the database tier"
	@echo "make unit         the tests that need no database (no Neo4j is started)"
	@echo "make reliability  fault, hostile-input and load scenarios, with their report"
	@echo "make bench-quick  load 10k and 100k generated claims, query at 10k (a few minutes)"
	@echo "make bench        the full ladder: 10k, 100k and 1M claims"
	@echo "make bench-peer   claimtrace against @neo4j/graphql at 10k claims (a few minutes)"
	@echo "make explorer     build the provenance explorer (npm ci, then vite build)"
	@echo "make lint         ruff, mypy --strict and the import-layering check"
	@echo "make neo4j-start  start the local Neo4j (returns when Bolt answers)"
	@echo "make neo4j-stop   stop the local Neo4j"
	@echo "make backup       dump the local Neo4j's database into $(BACKUP_DIR)/ (stops and restarts it)"
	@echo "make restore FILE=...  load a dump into the local Neo4j, which must be stopped"

# --- set-up -------------------------------------------------------------------

install: $(INSTALLED)

$(INSTALLED): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --constraint requirements.lock --editable '.[test,lint]'
	touch $@

# Java 17 (or 21) runs Neo4j; Maven fetches its jars once; Node.js and npm build the
# explorer and run the GraphQL-over-HTTP audits; Chromium runs the explorer's browser
# tests. Installed from Debian's packages when missing and we may; otherwise the
# launcher (or npm's, or the browser tests' message) says what to do.
system-deps:
	@if ! $(PY) -c 'import sys; sys.path.insert(0, "neo4j"); import launcher; launcher.find_java()' 2>/dev/null \
	    || ! command -v mvn >/dev/null; then \
	  if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	    echo "installing OpenJDK 17 and Maven from Debian's packages ..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless maven >/dev/null; \
	  fi; \
	fi
	@if ! command -v npm >/dev/null; then \
	  if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	    echo "installing Node.js and npm from Debian's packages ..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
	  fi; \
	fi
	@if ! command -v chromium >/dev/null; then \
	  if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	    echo "installing Chromium from Debian's packages ..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  fi; \
	fi

audit-deps: $(AUDIT_INSTALLED)

$(AUDIT_INSTALLED): $(AUDIT_DIR)/package.json $(AUDIT_DIR)/package-lock.json | system-deps
	npm ci --prefix $(AUDIT_DIR) --no-audit --no-fund

explorer: $(EXPLORER_BUILT)

$(EXPLORER_INSTALLED): $(EXPLORER_DIR)/package.json $(EXPLORER_DIR)/package-lock.json | system-deps
	npm ci --prefix $(EXPLORER_DIR) --no-audit --no-fund

# Types generated from schema.graphql, checked by tsc, then bundled by Vite.
$(EXPLORER_BUILT): $(EXPLORER_INSTALLED) $(EXPLORER_SOURCES)
	npm run --prefix $(EXPLORER_DIR) --silent build

peer-deps: $(PEER_INSTALLED)

$(PEER_INSTALLED): $(PEER_DIR)/package.json $(PEER_DIR)/package-lock.json | system-deps
	npm ci --prefix $(PEER_DIR) --no-audit --no-fund

# --- the local Neo4j ----------------------------------------------------------

neo4j-start: install system-deps
	$(LAUNCHER) start dev

neo4j-stop: install
	$(LAUNCHER) stop dev

# Neo4j Community dumps only a stopped database: backup stops the server, runs
# neo4j-admin database dump, and starts it again. Restore needs it stopped.
backup: install system-deps
	$(LAUNCHER) backup dev --to $(BACKUP_DIR)

restore: install system-deps
	@if [ -z "$(FILE)" ]; then echo "usage: make restore FILE=$(BACKUP_DIR)/claimtrace-...dump" >&2; exit 2; fi
	$(LAUNCHER) restore dev --from "$(FILE)"

# --- serving ------------------------------------------------------------------

# uvicorn's own limits, set on purpose (README, "Limits"): each request's line and
# headers within CLAIMTRACE_HEAD_TIMEOUT_SECONDS and 64 KiB (api/http_protocol.py), an
# idle keep-alive connection closed after 5 s; WebSocket (subscriptions, on /graphql only)
# with messages of 64 KiB at most, closed with 1001 on shutdown (api/ws_protocol.py).
# --limit-concurrency stays off: it counts open connections, so slow clients would fill
# it and have every request refused; the app's own limit counts requests whose body is in.
UVICORN_LIMITS := --http claimtrace.api.http_protocol:BoundedHttpToolsProtocol --ws claimtrace.api.ws_protocol:GoingAwayWebSocketProtocol --ws-max-size 65536 --timeout-keep-alive 5

# Uses NEO4J_URI (with NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE) when set;
# otherwise starts the local Neo4j and connects to it.
run: install system-deps explorer
	@if [ -z "$${NEO4J_URI:-}" ]; then \
	  $(LAUNCHER) start dev; \
	  eval "$$($(LAUNCHER) env dev)"; \
	fi; \
	$(PY) -m claimtrace.loaders load data/; \
	echo "serving the explorer at http://$(HOST):$(PORT)/ and GraphiQL at /graphql with $(WORKERS) worker(s) (Ctrl-C stops the API; make neo4j-stop stops Neo4j)"; \
	exec $(PY) -m uvicorn claimtrace.api.app:create_app --factory --host $(HOST) --port $(PORT) \
	  --workers $(WORKERS) $(UVICORN_LIMITS) --timeout-graceful-shutdown 10 --log-level warning --no-access-log

# --- checks -------------------------------------------------------------------

# The tests run against their own Neo4j (instance "test": own port, own data,
# wiped at each run) and never against NEO4J_URI. It is stopped even when tests fail.
test: unit wheel-check system-deps audit-deps explorer
	@$(call with-test-neo4j,-m "neo4j and not slow" $(PYTEST_ARGS))

# Pure logic: no Neo4j is started or needed.
unit: install
	$(PY) -m pytest -m "not neo4j and not slow" $(PYTEST_ARGS)

# Build the wheel, install it into a fresh virtual environment outside the checkout,
# and use it from an unrelated folder: the loader checks the shipped seed corpus, the
# ASGI app factory imports.
wheel-check: install
	$(PY) tests/wheel_check.py

# Every scenario test, slow ones included, then one table of what was done and lost.
reliability: install system-deps audit-deps explorer
	@$(call with-test-neo4j,-m reliability $(PYTEST_ARGS))

define with-test-neo4j
$(LAUNCHER) start test --fresh || { $(LAUNCHER) stop test; exit 1; }; \
status=0; env -u NEO4J_URI -u NEO4J_USER -u NEO4J_PASSWORD -u NEO4J_DATABASE \
  $(PY) -m pytest $(1) || status=$$?; \
$(LAUNCHER) stop test; \
exit $$status
endef

# --- benchmarks ---------------------------------------------------------------

# Each size runs on a freshly wiped Neo4j of its own (instance "bench").
bench-quick: install system-deps peer-deps
	$(PY) -m bench.run --quick

bench: install system-deps peer-deps
	$(PY) -m bench.run --full

# Reuses the bench Neo4j when it already holds the 10k corpus; loads it otherwise.
bench-peer: install system-deps peer-deps
	$(PY) -m bench.versus

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy
	$(PY) -m pytest -q -p no:cacheprovider tests/test_layering.py

schema: install
	$(PY) -m claimtrace.schema.export schema.graphql
