"""Item pipelines, one component per module, in crawl order (see settings.ITEM_PIPELINES):
extract -> boilerplate -> templates -> captions -> dates -> validation -> dedup ->
incremental.

The first five are thin adapters around the cleaning library (newscrawl.clean): they share
one parsed page per item, and the last enabled one renders the item's fields.
"""
