"""Per-article archive: one Markdown file per article, metadata as YAML front matter, under
<archive>/<site>/<yyyy>/<mm>/<id>.md, plus <archive>/index.jsonl listing every file.

The body is CommonMark made from the item's minimal HTML (`articleBodyHtml`: paragraphs,
subheadings, lists, quotes, preformatted text) by markdownify, with every character that
Markdown would read as syntax escaped: a paragraph starting "# " stays a paragraph, a literal
"<script>" stays text. The main image follows the headline and the others the body, each
with its caption and credit.

An extension (not a feed exporter) because it writes many files; it listens to item_scraped,
so it sees exactly the items that passed every pipeline.
"""

from __future__ import annotations

import html
import json
import logging
import tempfile
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote

from itemadapter import ItemAdapter
from markdownify import MarkdownConverter
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from ..items import PageCarrier
from ..urls import article_id
from . import markdown_text
from .archive_index import merge_index
from .atomic import sync_filesystem, write_atomic
from .markdown_text import paragraphs_markdown
from .paths import confined, safe_part

logger = logging.getLogger(__name__)

FRONT_MATTER_FIELDS = (
    "headline", "url", "canonicalUrl", "authors", "datePublished", "dateModified",
    "inLanguage", "publisher", "section", "tags", "mainImage", "wordCount",
)


def _yaml_scalar(value: Any) -> str:
    # JSON strings are valid YAML scalars: quoting and escaping for free, no YAML library.
    return json.dumps(value, ensure_ascii=False)


# ATX headings (# ...), "-" bullets; escape_misc escapes every other character Markdown
# reads as syntax (#, >, +, -, =, <, &, backquotes, numbered-list dots...).
_CONVERTER = MarkdownConverter(heading_style="ATX", bullets="-", escape_misc=True,
                               escape_asterisks=True, escape_underscores=True)


def _markdown(fragment: str) -> str:
    return _CONVERTER.convert(fragment).strip()


def _text(text: str) -> str:
    """Plain text as escaped Markdown (one paragraph per blank-line-separated block).
    markdown_text.py writes what markdownify would, without parsing HTML; markdownify
    itself takes what that module leaves to it."""
    fast = paragraphs_markdown(text)
    if fast is not None:
        return fast
    return _markdown("".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n")))


def _url(url: str) -> str:
    # In a link destination, spaces, parentheses and angle brackets would end it.
    return quote(url, safe=":/?#[]@!$&'*+,;=%~")


def figure(image: dict[str, Any]) -> str:
    """`![alt](url)` and, below it, the caption in italics and the credit."""
    alt = " ".join(str(image.get("alt") or image.get("caption") or "").split())
    parts = [f"![{_text(alt) if alt else ''}]({_url(str(image['url']))})"]
    caption, credit = image.get("caption"), image.get("credit")
    line = " ".join(filter(None, [
        f"*{_text(caption)}*" if caption else "", f"Credit: {_text(credit)}" if credit else ""]))
    if line:
        parts.append(line)
    return "  \n".join(parts)  # a hard line break: image and caption in one block


def body_markdown(item: dict[str, Any]) -> str:
    if item.get("articleBodyHtml"):
        fast = markdown_text.body_markdown(item["articleBodyHtml"])
        return fast if fast is not None else _markdown(item["articleBodyHtml"])
    return _text(item.get("articleBody") or "")


def to_markdown(item: dict[str, Any]) -> str:
    lines = ["---"]
    for name in FRONT_MATTER_FIELDS:
        value = item.get(name)
        if value in (None, "", []):
            continue
        lines.append(f"{name}: {_yaml_scalar(value)}")
    images = [i for i in item.get("images") or [] if i.get("url")]
    if images:
        lines.append("images:")
        for img in images:
            lines.append(f"  - {_yaml_scalar({k: v for k, v in img.items() if v})}")
    meta = item.get("metadata") or {}
    for key in ("dateDownloaded", "fingerprint"):
        if meta.get(key):
            lines.append(f"{key}: {_yaml_scalar(meta[key])}")
    lines.append("---")
    lines.append("")
    if item.get("headline"):
        lines += [f"# {_text(item['headline'])}", ""]
    main = next((i for i in images if i["url"] == item.get("mainImage")), None)
    if main is not None:
        lines += [figure(main), ""]
    lines.append(body_markdown(item))
    for img in images:
        if img is not main:
            lines += ["", figure(img)]
    return "\n".join(lines).rstrip() + "\n"


def _folder_parts(item: dict[str, Any]) -> tuple[str, ...]:
    site = (item.get("metadata") or {}).get("site") or ""
    if not site:
        from urllib.parse import urlsplit

        site = urlsplit(item["url"]).hostname or "unknown"
    date = item.get("datePublished") or ""
    yyyy, mm = (date[:4], date[5:7]) if len(date) >= 7 and date[:4].isdigit() else ("undated", "")
    return (safe_part(site), yyyy, *([mm] if mm.isdigit() else []))


def archive_path(root: Path, item: dict[str, Any]) -> Path:
    return confined(root, *_folder_parts(item), f"{article_id(item)}.md")


# Article files are not fsync'ed one by one (an fsync per file was ~9% of a crawl's CPU):
# the filesystem is synced every SYNC_EVERY files and at close, before the index is written,
# so the index only lists files already on disk. Readers still never see half a file (each
# appears by rename); an OS crash or power loss can lose or empty the files written since
# the last sync, which the next run writes again.
SYNC_EVERY = 500


class MarkdownArchive:
    def __init__(self, root: Path):
        self.root = root
        # This run's index entries, one JSON line each, in an unnamed temporary file (gone
        # with the process, whatever happens) rather than in memory, where they grew with
        # the crawl (~0.4 KiB an article: 8 MiB at 20,000); merged into index.jsonl at close.
        self.entries: IO[bytes] | None = None
        # folder parts -> the folder, checked to be inside the root and created, once a run
        self.folders: dict[tuple[str, ...], Path] = {}
        self.unsynced = 0
        self.stats: Any = None  # the crawler's stats collector, set by from_crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler):
        folder = crawler.settings.get("NEWSCRAWL_ARCHIVE_DIR")
        if not folder:
            raise NotConfigured("NEWSCRAWL_ARCHIVE_DIR is not set")
        ext = cls(Path(folder))
        crawler.signals.connect(ext.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        ext.stats = crawler.stats
        return ext

    def item_scraped(self, item: Any, response: Any = None, spider: Any = None) -> None:
        # The carrier's article is read, not changed: no deep copy of it (itemadapter's
        # asdict) for each file.
        data: Any = item.article if isinstance(item, PageCarrier) else ItemAdapter(item).asdict()
        if not data.get("url") or data.get("articleBody") is None:
            return
        path = self._folder(_folder_parts(data)) / f"{article_id(data)}.md"
        write_atomic(path, to_markdown(data).encode("utf-8"), durable=False,
                     make_folder=False)
        self.unsynced += 1
        if self.unsynced >= SYNC_EVERY:
            self._sync()
        self.stats.inc_value("newscrawl/archive/files")
        if self.entries is None:
            self.entries = tempfile.TemporaryFile(dir=self._folder(()))
        self.entries.write(json.dumps({
            "id": path.stem,
            "path": str(path.relative_to(self._folder(()))),
            "url": data["url"],
            "headline": data.get("headline"),
            "datePublished": data.get("datePublished"),
            "fingerprint": (data.get("metadata") or {}).get("fingerprint"),
        }, ensure_ascii=False).encode("utf-8") + b"\n")

    def spider_closed(self, spider: Any = None, reason: str | None = None) -> None:
        """Merge this run's entries into the index (one JSON object per line, by id)."""
        if self.unsynced:
            self._sync()
        merge_index(self.root / "index.jsonl", self.entries)
        if self.entries is not None:
            self.entries.close()
            self.entries = None

    def _folder(self, parts: tuple[str, ...]) -> Path:
        """The archive folder for these parts (confined to the root, created): resolved and
        made once a run, not for every file (a path resolution is a system call a part)."""
        folder = self.folders.get(parts)
        if folder is None:
            folder = confined(self.root, *parts) if parts else self.root.resolve()
            folder.mkdir(parents=True, exist_ok=True)
            self.folders[parts] = folder
        return folder

    def _sync(self) -> None:
        sync_filesystem(self.root)
        self.unsynced = 0
