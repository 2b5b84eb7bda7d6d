#!/usr/bin/env bash
# Install with the test extras, lint, then run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-venv.sh test
.venv/bin/ruff check newscrawl tests
.venv/bin/python -m pytest "$@"
