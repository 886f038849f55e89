# The two commands: `make run` and `make test`. Only python3 (3.11) and make are needed.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: run test test-fast lint format check messages clean

$(VENV)/.run-installed: requirements.txt requirements-demo.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-demo.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-demo.txt requirements-dev.txt $(VENV)/.run-installed
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

run: $(VENV)/.run-installed
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	@echo ""
	@echo "  Site:   http://127.0.0.1:$(PORT)/km/  and  http://127.0.0.1:$(PORT)/en/"
	@echo "  Admin:  http://127.0.0.1:$(PORT)/admin/"
	@echo "  Demo logins (password nacd-demo-2026): admin, outreach, moderator, kampot, kampot_coordinator, kohkong"
	@echo ""
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: $(VENV)/.dev-installed
	$(PY) -m pytest $(PYTEST_ARGS)

# Everything but the browser tests (Lighthouse runs only in .ci/run). Add PYTEST_ARGS=--reuse-db to keep the
# migrated test database between runs.
test-fast: $(VENV)/.dev-installed
	$(PY) -m pytest --ignore=tests/browser $(PYTEST_ARGS)

lint: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check: $(VENV)/.dev-installed
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

# Re-extract the project's interface strings into locale/km and compile both catalogues
# (needs GNU gettext). locale/wagtail_admin/km holds Wagtail's admin strings: edit it by hand.
messages: $(VENV)/.dev-installed
	$(PY) manage.py makemessages -l km --no-location --no-obsolete -i ".venv/*" -i "tests/*" -i "bench/*" -i "locale/*"
	$(PY) manage.py compilemessages -l km --ignore ".venv/*"

clean:
	rm -rf $(VENV) .pytest_cache .test-media
