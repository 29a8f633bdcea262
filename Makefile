# Apiary — `make run` serves the app with a demo network; `make test` runs the suite.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app app
HOST ?= 127.0.0.1
PORT ?= 5000
VENDOR := app/static/vendor

.PHONY: run test lint format assets db demo install clean help bench bench-data bench-realtime bench-talent wrk messages translations serve

help:
	@echo "make run    set everything up and serve http://$(HOST):$(PORT) with a demo network"
	@echo "make test   run the whole test suite (SQLite; PostgreSQL/Redis/browser when configured)"
	@echo "make serve  the production layout: SERVE_PROCESSES=2 gunicorn processes behind a sticky proxy"
	@echo "            on http://$(HOST):$(PORT) (needs DATABASE_URL and REDIS_URL; README, Production layout)"
	@echo "make lint   ruff check and format check"
	@echo "make messages  extract the interface's messages and merge them into every catalogue"
	@echo "make bench  generate 1M posts, serve them with gunicorn, measure every feed with wrk; then realtime and talent search"
	@echo "make bench-data  only generate the benchmark network (BENCH_ARGS='--posts 300000')"
	@echo "make bench-realtime  only the realtime benchmark: 500 Socket.IO clients, 2 server processes, Redis"
	@echo "make bench-talent  only talent search: 100,000 whole profiles, 300 searches' first pages and 200 bees' suggestions timed"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

$(VENDOR)/.built: node_modules/.package-lock.json
	mkdir -p $(VENDOR)
	cp node_modules/bootstrap/dist/css/bootstrap.min.css node_modules/bootstrap/dist/css/bootstrap.rtl.min.css \
	   node_modules/bootstrap/dist/js/bootstrap.bundle.min.js \
	   node_modules/socket.io-client/dist/socket.io.min.js $(VENDOR)/
	touch $@

assets: $(VENDOR)/.built

# The interface languages (app/i18n.py). Catalogues (.po) are committed; compiled ones (.mo) are built here.
TRANSLATIONS := app/translations
MO_FILES := $(patsubst %.po,%.mo,$(wildcard $(TRANSLATIONS)/*/LC_MESSAGES/messages.po))

messages: install
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -k lazy_ngettext:1,2 --add-comments=TRANSLATORS: \
	  --no-location --sort-output --project=Apiary --copyright-holder="Apiary contributors" \
	  -o $(TRANSLATIONS)/messages.pot .
	$(BIN)/pybabel update -i $(TRANSLATIONS)/messages.pot -d $(TRANSLATIONS) --no-fuzzy-matching --ignore-obsolete

$(TRANSLATIONS)/%/LC_MESSAGES/messages.mo: $(TRANSLATIONS)/%/LC_MESSAGES/messages.po $(VENV)/.installed
	$(BIN)/pybabel compile -i $< -o $@ -l $*

translations: $(MO_FILES)

db: install
	$(FLASK) db upgrade

demo: db translations
	$(FLASK) demo load --if-empty

run: install assets translations demo
	@echo "Apiary is starting at http://$(HOST):$(PORT)"
	$(FLASK) run --host $(HOST) --port $(PORT)

# Two workers (pytest-xdist), each with databases of its own (tests/conftest.py); TEST_WORKERS=0
# runs the suite in one process.
TEST_WORKERS ?= 2
test: install assets translations
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup

# The production layout (README "Production layout"): SERVE_PROCESSES gunicorn processes (gevent,
# one worker each) on ports PORT+1, PORT+2, ... behind deploy/sticky_proxy.py on HOST:PORT.
SERVE_PROCESSES ?= 2
serve: install assets translations
	$(BIN)/python deploy/serve.py --processes $(SERVE_PROCESSES) --host $(HOST) --port $(PORT)

# The benchmark network (issue 3): 10,000 bees, 1,000 hives, 1,000,000 posts by default.
BENCH_DB ?= sqlite:///bench/data/bench.db
BENCH_ARGS ?=
bench-data: install
	$(BIN)/python -m bench.generate --database-url $(BENCH_DB) $(BENCH_ARGS)

# The load generator is Debian's wrk (installed here when missing and we are root).
wrk:
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; } \
	  || { echo "make bench needs wrk: apt-get install wrk"; exit 1; }

# The realtime benchmark: 500 Socket.IO clients on a fresh 1,000-bee network, served by two
# gunicorn processes that share Redis (the database there is emptied: never the tests' db 15).
# make bench runs it after the feeds (BENCH_REALTIME=0 skips it); make bench-realtime runs it alone.
BENCH_REALTIME ?= 1
BENCH_REALTIME_DB ?= sqlite:///bench/data/realtime.db
BENCH_REDIS_URL ?= redis://127.0.0.1:6379/13
BENCH_REALTIME_ARGS ?=
REALTIME := $(BIN)/python -m bench.realtime --database-url $(BENCH_REALTIME_DB) --redis-url $(BENCH_REDIS_URL) \
	$(BENCH_REALTIME_ARGS)

# Talent search (issue 8): 100,000 bees with whole profiles, then 300 searches' first pages timed
# through the app and the service alone (p95 target 100 ms), and 200 bees' suggestions (50 ms;
# bench/talent.py and its talent_*.py modules). make bench runs it
# last (BENCH_TALENT=0 skips it); make bench-talent runs it alone, BENCH_TALENT_ARGS='--reuse'
# measures the bees already generated.
BENCH_TALENT ?= 1
BENCH_TALENT_DB ?= sqlite:///bench/data/talent.db
BENCH_TALENT_ARGS ?=
TALENT := $(BIN)/python -m bench.talent --database-url $(BENCH_TALENT_DB) $(BENCH_TALENT_ARGS)

bench: install assets translations wrk
	$(BIN)/python -m bench.run --database-url $(BENCH_DB) $(BENCH_ARGS)
	@if [ "$(BENCH_REALTIME)" != 0 ]; then echo "$(REALTIME)"; $(REALTIME); fi
	@if [ "$(BENCH_TALENT)" != 0 ]; then echo "$(TALENT)"; $(TALENT); fi

bench-realtime: install translations
	$(REALTIME)

bench-talent: install translations
	$(TALENT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) node_modules $(VENDOR) .pytest_cache .ruff_cache
