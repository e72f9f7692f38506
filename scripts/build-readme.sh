#!/usr/bin/env bash
# README.md is assembled from docs/sections/: edit the sections, then run this script.
# Order: the newcomer's head, the benchmark table, then one part per pipeline area.
# `--stdout` prints the assembled README instead of writing it (the test suite compares).
set -euo pipefail
cd "$(dirname "$0")/.."
assemble() {
  cat docs/sections/00-head.md
  cat docs/sections/01-benchmarks.md
  for part in extract metadata furniture-text harvest batch dedup service eval; do
    echo
    cat "docs/sections/$part.md"
  done
}
if [[ "${1:-}" == "--stdout" ]]; then
  assemble
else
  assemble > README.md.tmp
  mv README.md.tmp README.md
fi
