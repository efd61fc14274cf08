# Two entry points a newcomer needs: `make run` and `make test`. Both build .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MINIMUM := .ci/minimum.txt

.PHONY: run test lint bench clean

# The test install takes the dask extra too, so that the Dask engine's test runs rather than
# skips: about 15 s of the suite and one more minute of the first install. It installs the
# lowest versions pyproject.toml declares (the constraints in $(MINIMUM)), so `make test` and CI
# prove those bounds; `make run` shares the venv. `pip install .` elsewhere takes the newest.
$(STAMP): pyproject.toml $(MINIMUM)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	@# setuptools' warnings about editable installs read as errors on a first run: they go to
	@# a log, shown only when the install fails
	$(BIN)/python -m pip install --quiet -c $(MINIMUM) -e '.[test,dev,dask]' 2> $(VENV)/install.log \
		|| { cat $(VENV)/install.log; exit 1; }
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/timeline --demo

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	PYTHON=$(CURDIR)/$(BIN)/python sh .ci/typecheck
	@sh .ci/chromium
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/store_bench.py
	$(BIN)/python benchmarks/timex_eval.py
	$(BIN)/python benchmarks/tui_bench.py
	$(BIN)/python benchmarks/events_eval.py
	$(BIN)/python benchmarks/news_sample.py
	$(BIN)/python benchmarks/ingest_bench.py
	$(BIN)/python benchmarks/export_bench.py
	$(BIN)/python benchmarks/corpus_bench.py --articles 500

clean:
	rm -rf $(VENV) build *.egg-info
