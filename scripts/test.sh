#!/usr/bin/env bash
# Install everything the tests need (the package with its test extras, and redis-server for
# the distributed-crawl tests, which start their own server), lint, type-check, then run the
# whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v redis-server >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq redis-server >/dev/null
fi
bash scripts/setup-venv.sh test
.venv/bin/ruff check newscrawl tests
.venv/bin/mypy --cache-dir "${TMPDIR:-/tmp}/newscrawl-mypy-cache" newscrawl
.venv/bin/python -m pytest "$@"
