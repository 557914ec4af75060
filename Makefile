# quotedrift: `make report` renders the notebooks on a corpus, `make test` runs the tests.
# Both install what they need into .venv first (Python 3.11+ and make are all a machine needs).

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
CORPUS ?= seeds
OUT    ?=
REFERENCE ?=
PARAMS ?=
N      ?=

.PHONY: install report test eval bench garble-precision clean help

help:
	@echo "make report [CORPUS=folder] [OUT=folder] [REFERENCE=id] [PARAMS='NAME=VALUE ...']"
	@echo "                             execute the six notebooks on a corpus (default: seeds/; other corpora"
	@echo "                             go to OUT, default reports/<corpus>/, never over the seed outputs)"
	@echo "make test                    run the whole test suite (notebook execution included)"
	@echo "make eval                    score the seeds and every story of corpora/ with a gold.yaml, one row per story"
	@echo "make bench [N='1000 5000']    seconds, peak memory, growth on realistic corpora (default 1,000 / 5,000 / 20,000)"
	@echo "make garble-precision [CORPUS=folder]  unconfirmed garble rows per 2,000 words on clean copies (default: the seven stories in corpora/)"
	@echo "make install                 create .venv with the pinned dependencies and the package"

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit("quotedrift needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

report: $(STAMP)
	$(PY) -m quotedrift.report --corpus "$(CORPUS)" $(if $(OUT),--out "$(OUT)") $(if $(REFERENCE),--reference "$(REFERENCE)") $(foreach p,$(PARAMS),--param "$(p)")

test: $(STAMP)
	$(PY) -m pytest -q

eval: $(STAMP)
	$(PY) -m quotedrift.evaluate

bench: $(STAMP)
	nice -n 10 $(PY) benchmarks/run.py $(N)
	nice -n 10 $(PY) benchmarks/pathological.py
	$(PY) benchmarks/startup.py

garble-precision: $(STAMP)
	$(PY) -m quotedrift.garble_precision $(if $(filter command line,$(origin CORPUS)),"$(CORPUS)",corpora)

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
