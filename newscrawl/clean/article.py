"""One page through every cleaning stage: the code path of the crawl's pipelines, the
`newscrawl extract` command and the benchmarks alike.

    page = build_page(html, url, **context)   # decode + parse once, read embedded metadata
    for name in STAGES: run_stage(page, name)  # extract, boilerplate, templates, captions, dates
    item = finish(page)                        # render text/HTML, fingerprint, verdict
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from lxml.html import HtmlElement

from .authors import read_body_byline
from .boilerplate import remove_boilerplate
from .captions import collect_images
from .codes import Stage, WarningCode
from .content import find_main_content
from .document import limit_depth, read_document
from .fingerprint import content_fingerprint
from .language import check_language, primary
from .metadata import read_metadata
from .page import Page
from .render import HEADING_KINDS, blocks_to_html, blocks_to_text, normalize_space, to_blocks
from .structured import read_structured
from .templates import drop_template_blocks
from .verdict import assess

SCHEMA_VERSION = 1

logger = logging.getLogger(__name__)


def _http_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        dt = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def _as_datetime(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    try:
        dt = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, datetime):
        return value.date()
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


# C0 control characters other than tab and newlines. libxml2's HTML parser keeps some of
# them (a form feed) in text, but lxml refuses them whenever a text is set, so the
# drop_tree() and drop_tag() of every later stage (readability's too) would raise.
_CONTROLS = "".join(map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)]))
_CONTROL_TABLE = str.maketrans(dict.fromkeys(_CONTROLS, " "))
_CONTROL_STR = re.compile(f"[{re.escape(_CONTROLS)}]")
_CONTROL_DELETE = _CONTROLS.encode("ascii")


def _has_controls(html: bytes | str) -> bool:
    # bytes.translate runs at memory speed, a regex character class does not; in UTF-8 a
    # control character is its own byte and never part of another character's bytes.
    raw = html if isinstance(html, bytes) else html.encode("utf-8", "surrogatepass")
    return len(raw.translate(None, _CONTROL_DELETE)) != len(raw)


def _blank_controls(html: bytes | str, root: HtmlElement) -> None:
    """Turn control characters in the tree's text into spaces (the text renders them as
    whitespace anyway). The tree is walked only when the input holds any."""
    if not _has_controls(html):
        return
    for el in root.iter():
        if el.text and _CONTROL_STR.search(el.text):
            el.text = el.text.translate(_CONTROL_TABLE)
        if el.tail and _CONTROL_STR.search(el.tail):
            el.tail = el.tail.translate(_CONTROL_TABLE)


def build_page(
    html: bytes | str,
    url: str,
    *,
    headers: dict[str, str] | None = None,
    fetched_at: datetime | str | None = None,
    timezone: str | None = None,
    selectors: dict[str, str] | None = None,
    sitemap_date: str | None = None,
    known_templates: frozenset[str] | None = None,
    founded: date | str | None = None,
) -> Page:
    """Decode and parse a response once. Raises document.NotHTML for non-HTML input."""
    headers = {k.title(): v for k, v in (headers or {}).items()}
    root, encoding, too_deep_to_parse = read_document(html, headers.get("Content-Type"))
    _blank_controls(html, root)  # first: limit_depth copies text, lxml refuses controls
    flattened = limit_depth(root) or too_deep_to_parse
    page = Page(
        url=url,
        root=root,
        encoding=encoding,
        fetched_at=_as_datetime(fetched_at),
        http_date=_http_date(headers.get("Date")),
        headers=headers,
        timezone=timezone,
        selectors=dict(selectors or {}),
        sitemap_date=sitemap_date,
        known_templates=frozenset(known_templates or ()),
        founded=_as_date(founded),
        elements=list(root.iter()),
    )
    if flattened:
        page.warn(WarningCode.DEEP_NESTING)
    page.structured = read_structured(root, url)
    return page


def extract_stage(page: Page) -> None:
    read_metadata(page)
    find_main_content(page)
    read_body_byline(page)  # a byline written as a paragraph of the story


def dates_stage(page: Page) -> None:
    from .dates import find_dates

    find_dates(page)


# In pipeline order. Each pipeline of the crawl runs one of these on the shared Page.
STAGES: dict[Stage, Callable[[Page], None]] = {
    Stage.EXTRACT: extract_stage,
    Stage.BOILERPLATE: remove_boilerplate,
    Stage.TEMPLATES: drop_template_blocks,
    Stage.CAPTIONS: collect_images,
    Stage.DATES: dates_stage,
}


def _strip_headline(blocks, headline: str | None):
    """The headline is its own field: drop it (and a repeat of it) from the top of the body."""
    if not headline:
        return blocks
    h = normalize_space(headline).casefold()
    while blocks and blocks[0].text.casefold() == h:
        blocks = blocks[1:]
    return blocks


def _strip_trailing_headings(blocks):
    """A heading that closes the body heads nothing of the story: the title of a box whose
    teasers were removed ("Mehr zum Thema"), a rail's label. A sentence set as a heading
    (ending in a full stop or "!") is the story's last words, kept."""
    while blocks and blocks[-1].kind in HEADING_KINDS and not _SENTENCE_END.search(blocks[-1].text):
        blocks = blocks[:-1]
    return blocks


_SENTENCE_END = re.compile(r"[.!…。！][\"'”’»)]*$")


def finish(page: Page) -> dict[str, Any]:
    """Render the cleaned page into an item dict (schema: newscrawl/schema/article.schema.json)."""
    f = page.fields
    if page.body is not None:
        language = primary(f.get("inLanguage"))  # declared; the text may overrule it below
        rendered = _strip_headline(to_blocks(page.body, language), f.get("headline"))
        blocks = _strip_trailing_headings(rendered)
        links = sum(len(normalize_space(a.text_content())) for a in page.body.iter("a"))
    else:
        rendered, blocks, links = [], [], 0
    body_text = blocks_to_text(blocks)
    check_language(page, body_text)
    images = [i.as_dict() for i in page.images]
    main_image = f.get("mainImage") or (images[0]["url"] if images else None)
    item: dict[str, Any] = {
        "url": page.url,
        "canonicalUrl": f.get("canonicalUrl"),
        "headline": f.get("headline"),
        "description": f.get("description"),
        "articleBody": body_text,
        "articleBodyHtml": blocks_to_html(blocks),
        "authors": f.get("authors") or [],
        "datePublished": f.get("datePublished"),
        "datePublishedRaw": f.get("datePublishedRaw"),
        "dateModified": f.get("dateModified"),
        "dateModifiedRaw": f.get("dateModifiedRaw"),
        "inLanguage": f.get("inLanguage"),
        "mainImage": main_image,
        "images": images,
        "breadcrumbs": f.get("breadcrumbs") or [],
        "section": f.get("section"),
        "tags": f.get("tags") or [],
        "publisher": f.get("publisher"),
        "wordCount": len(body_text.split()),
    }
    # the verdict weighs the body as rendered, before its closing headings go
    page.rejection = assess(page, [b.text for b in rendered], links)
    fetched = page.fetched_at or page.http_date
    item["metadata"] = {
        "schemaVersion": SCHEMA_VERSION,
        "dateDownloaded": fetched.isoformat().replace("+00:00", "Z") if fetched else None,
        "fingerprint": content_fingerprint(item),
        "encoding": page.encoding,
        "sources": dict(sorted(page.sources.items())),
        "warnings": [str(w) for w in page.warnings],
        "notArticle": str(page.rejection) if page.rejection else None,
    }
    return item


def extract_article(html: bytes | str, url: str, **context: Any) -> dict[str, Any]:
    """Clean one page into an item dict. `context`: headers, fetched_at, timezone, selectors,
    sitemap_date, founded (the site's first day: no date before it is taken). Never raises
    for bad HTML; non-HTML input raises document.NotHTML."""
    page = build_page(html, url, **context)
    for name in STAGES:
        run_stage(page, name)
    return finish(page)


def run_stage(page: Page, name: Stage | str) -> bool:
    """Run one stage. The library is meant never to raise; if a stage does, the page keeps
    what the earlier stages produced, with a warning naming the stage. The crawl's pipelines,
    its cleaning workers and extract_article all run stages through here."""
    stage = Stage(name)
    try:
        STAGES[stage](page)
        return True
    except Exception as exc:
        logger.exception("%s stage failed on %s", stage, page.url)
        page.warn(WarningCode.stage_failed(stage), type(exc).__name__)
        return False


_WARM_UP_HTML = (
    "<html lang='en'><head><title>Warm-up story</title><script type='application/ld+json'>"
    '{"@type": "NewsArticle", "datePublished": "Mon, 02 Dec 2024 09:15:00 +0900"}</script>'
    "</head><body><article><h1>Warm-up story</h1><p class='date'>2 December 2024</p>"
    + "<p>A paragraph of warm-up text, long enough to be scored as content.</p>" * 6
    + "</article></body></html>"
)


def warm_up() -> None:
    """Pay the first-call costs (lazy imports of htmldate and dateparser, dateparser's
    language tables, regex compilation) once, at process or worker start, not on the first
    pages cleaned."""
    from htmldate import find_date  # noqa: F401  (imported lazily by the dates stage)

    from .language import identify

    identify("A warm-up text for the language identifier. " * 10)  # loads its model

    extract_article(_WARM_UP_HTML, "https://example.com/news/warm-up-story")
