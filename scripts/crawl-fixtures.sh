#!/usr/bin/env bash
# The main job on the bundled default: install, then crawl the fixture site offline.
# Writes output/articles.jsonl (the JSON Lines feed), output/archive/ (Markdown + index),
# output/runs/<run_id>/ (gzip items, WARC, manifest) and the crawl state output/state.sqlite3.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-venv.sh
rm -rf output
# Replayed responses cost no server anything: no throttling needed offline.
.venv/bin/scrapy crawl article -a site=seoulpost -s NEWSCRAWL_REPLAY_DIR=fixtures/seoulpost \
  -s AUTOTHROTTLE_ENABLED=False "$@"
echo "articles: $(wc -l < output/articles.jsonl) in output/articles.jsonl;" \
     "archive: $(find output/archive -name '*.md' | wc -l) files under output/archive/;" \
     "run: $(ls -d output/runs/*/) (items.jsonl.gz, pages.warc.gz, manifest.json)"
