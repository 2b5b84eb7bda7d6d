#!/usr/bin/env bash
# Create .venv (Python >= 3.11) and install newscrawl into it, every dependency at the
# version in constraints.txt (the versions tested). Usage: setup-venv.sh [EXTRAS]
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
# An old pip (23.x) trips over lxml's "html-clean" extra being asked for twice.
.venv/bin/python -m pip install -q --disable-pip-version-check -U "pip>=24"
.venv/bin/python -m pip install -q --disable-pip-version-check -c constraints.txt \
  -e ".${1:+[$1]}"
