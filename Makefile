# Two commands for a newcomer: `make play` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-dev

.PHONY: play test lint bench installer clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Reinstall when the dependency list changes.
$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

play: $(STAMP)
	$(PY) -m game

test: $(STAMP)
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(PY) -m pytest

lint: $(STAMP)
	$(PY) -m ruff check game tests benchmarks
	$(PY) -m mypy game

bench: $(STAMP)
	$(PY) benchmarks/run.py --quick

# The one-folder game in dist/borderlines (PyInstaller; docs/installing.md).
installer: $(STAMP)
	$(PY) tools/build_installer.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
