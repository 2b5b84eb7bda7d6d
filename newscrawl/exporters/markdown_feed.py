"""A feed exporter writing items as Markdown (`--format md` of `newscrawl fetch`): each
article as in the Markdown archive (YAML front matter, headline, body), one after another."""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter
from scrapy.exporters import BaseItemExporter

from .markdown_archive import to_markdown


class MarkdownItemExporter(BaseItemExporter):
    def __init__(self, file: Any, **kwargs: Any):
        super().__init__(dont_fail=True, **kwargs)
        self.file = file
        self.first = True

    def export_item(self, item: Any) -> None:
        text = to_markdown(ItemAdapter(item).asdict())
        self.file.write((("" if self.first else "\n") + text).encode(self.encoding or "utf-8"))
        self.first = False
