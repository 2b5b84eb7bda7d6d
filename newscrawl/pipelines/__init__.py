"""Item pipelines, one component per module, in crawl order (see settings.ITEM_PIPELINES):
extract -> boilerplate -> templates -> captions -> dates -> validation -> dedup ->
incremental.

Each receives the spider's PageCarrier (newscrawl/items.py) and returns it. The first five
are thin adapters around the cleaning library (newscrawl.clean): they share one parsed page
per carrier, and the last enabled one renders it into the article (stage.py).
"""
