"""Feed URI parameters (Scrapy's FEED_URI_PARAMS): Scrapy's own (`%(name)s`, `%(time)s`...)
plus `%(run_id)s`, the run's id, which also names its folder under NEWSCRAWL_RUNS_DIR and its
manifest: `-O /srv/news/feeds/%(run_id)s.jsonl` pairs each feed with its run."""

from __future__ import annotations

from typing import Any

from ..state import run_context


def uri_params(params: dict[str, Any], spider: Any) -> dict[str, Any]:
    crawler = getattr(spider, "crawler", None)
    if crawler is not None:
        params["run_id"] = run_context(crawler).run_id
    return params
