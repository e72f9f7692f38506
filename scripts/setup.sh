#!/usr/bin/env bash
# Sets up everything copydesk needs on a fresh machine: a virtual environment at .venv/ with the
# package (editable) and its development tools. Idempotent: re-running only adds what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip >/dev/null
.venv/bin/python -m pip install --quiet -e '.[dev]'
