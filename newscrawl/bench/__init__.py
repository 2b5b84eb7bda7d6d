"""Benchmarks that crawl: `python -m newscrawl.bench.load` (see README, "Limits and safety
settings")."""
