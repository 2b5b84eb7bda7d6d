#!/usr/bin/env bash
# Regenerate constraints.txt: the exact versions every install (scripts/setup-venv.sh, the
# README, CI) uses. A fresh venv gets the package with all its extras, keeping the versions
# already pinned (new dependencies get the newest that fits pyproject.toml's bounds);
# `--upgrade` re-resolves everything to the newest allowed. Run the test suite after it.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$PYTHON" -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install -q --disable-pip-version-check -U "pip>=24"
pin=(-c constraints.txt)
if [ "${1:-}" = "--upgrade" ] || [ ! -f constraints.txt ]; then pin=(); fi
"$tmp/venv/bin/python" -m pip install -q --disable-pip-version-check "${pin[@]}" \
  -e ".[test,redis,compare,bench]"
{
  echo "# Exact versions tested: scripts/setup-venv.sh and CI install with -c constraints.txt."
  echo "# Regenerate with scripts/lock-constraints.sh (--upgrade for newer versions)."
  "$tmp/venv/bin/python" -m pip freeze --exclude-editable --disable-pip-version-check \
    | grep -v -i '^newscrawl[= @]'
} > constraints.txt.new
mv constraints.txt.new constraints.txt
echo "constraints.txt: $(grep -c '==' constraints.txt) pinned packages"
