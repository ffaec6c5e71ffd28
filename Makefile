# Two commands do all the set-up on a fresh Debian/Ubuntu machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test lint bench reliability package clean app

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "coopvote needs Python 3.11 or newer"'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(PY) -m coopvote demo --out demo-output
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ] && [ -z "$$CI" ]; then \
		$(PY) -m coopvote app demo-output/meeting.coopvote; \
	else \
		echo "No screen here: the demo ran headless. Open it later with: $(PY) -m coopvote app demo-output/meeting.coopvote"; \
	fi

# The import contracts first (pyproject.toml, [tool.importlinter]): a cycle or an upward import fails
# the build with the offending chain named, before any test runs.
test: $(STAMP)
	$(VENV)/bin/lint-imports
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider

lint: $(STAMP)
	$(VENV)/bin/lint-imports
	$(PY) -m ruff check coopvote tests benchmarks reliability
	$(PY) -m mypy

bench: $(STAMP)
	$(PY) -m benchmarks

# Crash, fault, fuzz, tamper and secrecy trials at full size; rewrites docs/reliability.md (a few minutes).
reliability: $(STAMP)
	$(PY) -m reliability.report

package: $(STAMP)
	$(PY) -m pip install --quiet 'pyinstaller>=6'
	$(PY) -m PyInstaller --noconfirm --clean packaging/coopvote.spec

clean:
	rm -rf $(VENV) build dist demo-output .pytest_cache .mypy_cache .ruff_cache .import_linter_cache
