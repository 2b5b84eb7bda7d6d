#!/usr/bin/env bash
# The main job on the bundled default: install, then crawl the fixture site offline.
# Writes output/feeds/<run_id>.jsonl (the run's JSON Lines feed), output/archive/ (Markdown +
# index), output/runs/<run_id>/ (gzip items, WARC, manifest) and the crawl state
# output/state.sqlite3. A replay is an offline crawl: no politeness delays (newscrawl.replay).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-venv.sh
rm -rf output
.venv/bin/scrapy crawl article -a site=seoulpost -s NEWSCRAWL_REPLAY_DIR=fixtures/seoulpost \
  "$@"
feed=$(ls output/feeds/*.jsonl 2>/dev/null || echo /dev/null)  # none with -o/-O
echo "articles: $(wc -l < "$feed") in $feed;" \
     "archive: $(find output/archive -name '*.md' | wc -l) files under output/archive/;" \
     "run: $(ls -d output/runs/*/) (items.jsonl.gz, pages.warc.gz, manifest.json)"
