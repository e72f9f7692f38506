# One command each for the everyday jobs. Every target runs the tools of .venv (make setup).
PY := .venv/bin/python
SRC := src tests eval bench

.PHONY: setup test lint eval gate bench

setup:  ## the virtualenv with the package (editable) and the dev tools
	bash scripts/setup.sh

test:  ## the README's test command, the one .ci/run calls
	$(PY) -m pytest

lint:  ## ruff (lint + format check) and mypy (strict on src/)
	.venv/bin/ruff check $(SRC)
	.venv/bin/ruff format --check $(SRC)
	.venv/bin/mypy

eval:  ## score every suite on ../shared/datasets (or $$COPYDESK_DATASETS), write eval/results/
	$(PY) -m eval run

gate:  ## the quality gate: fails below any floor in eval/floors.json
	$(PY) -m eval gate

bench:  ## copydesk vs trafilatura, readability-lxml, newspaper4k, news-please, goose3 on AEB; writes bench/results/
	$(PY) -m bench extract --rounds 3
