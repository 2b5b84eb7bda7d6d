"""JSON Lines export of articles, each article encoded once for every exporter that writes
the same bytes: the run's feed (FEED_EXPORTERS "jsonlines") and the run archive's
items.jsonl.gz encoded every item twice, ~0.15 ms an item of a crawl's CPU.

The bytes are Scrapy's JsonLinesItemExporter's, remembered on the item's PageCarrier at its
first export and handed to the next exporter configured alike (encoding, JSON options, no
field selection, no serializers). Exports happen at item_scraped, after every pipeline: the
article no longer changes. Other items, and exporters configured otherwise, are encoded
by Scrapy's exporter as before."""

from __future__ import annotations

from typing import Any

from scrapy.exporters import BaseItemExporter, JsonLinesItemExporter
from scrapy.utils.python import to_bytes

from ..items import ArticleItem, PageCarrier

# A field serializer (Scrapy's `serializer` field metadata) is the exporter's own business.
_NO_SERIALIZERS = not any("serializer" in meta for meta in ArticleItem.fields.values())


class JsonLinesExporter(JsonLinesItemExporter):
    def __init__(self, file: Any, **kwargs: Any):
        super().__init__(file, **kwargs)
        plain = (_NO_SERIALIZERS and self.fields_to_export is None
                 and not self.export_empty_fields and set(self._kwargs) <= {"ensure_ascii"}
                 and type(self).serialize_field is BaseItemExporter.serialize_field)
        # Exporters with equal keys write equal bytes for one item.
        self.share_key = (self.encoding, self._kwargs["ensure_ascii"]) if plain else None

    def export_item(self, item: Any) -> None:
        if self.share_key is None or not isinstance(item, PageCarrier):
            super().export_item(item)
            return
        shared = item.exported
        if shared is None:
            item.exported = shared = {}
        data = shared.get(self.share_key)
        if data is None:  # what JsonLinesItemExporter.export_item writes
            itemdict = dict(self.get_serialized_fields(item))
            data = shared[self.share_key] = to_bytes(
                self.encoder.encode(itemdict) + "\n", self.encoding)
        self.file.write(data)
