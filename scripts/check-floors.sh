#!/usr/bin/env bash
# The floors of pyproject.toml's bounds work: a fresh venv with every runtime dependency at
# its lowest allowed version (name>=X becomes name==X), then the fast tests. Not part of
# CI (it installs old versions from the registry): run it when a floor changes.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$PYTHON" - > "$tmp/floors.txt" <<'PY'
import re, tomllib
deps = tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]
for dep in deps:
    m = re.match(r"([A-Za-z0-9_.\-]+)\s*>=\s*([^,;\s]+)", dep)
    if m:
        print(f"{m.group(1)}=={m.group(2)}")
PY
cat "$tmp/floors.txt"
"$PYTHON" -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install -q --disable-pip-version-check -U "pip>=24"
"$tmp/venv/bin/python" -m pip install -q --disable-pip-version-check -c "$tmp/floors.txt" \
  -e ".[test]"
"$tmp/venv/bin/python" -m pip list --disable-pip-version-check 2>/dev/null \
  | grep -i -f <(cut -d= -f1 "$tmp/floors.txt")
"$tmp/venv/bin/python" -m pytest -q -m "not slow" -p no:cacheprovider
