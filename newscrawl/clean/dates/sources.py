"""Dates the page states for machines: JSON-LD, meta tags, the URL, a news sitemap."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from ..page import Page
from .model import Context, add_candidate
from .parse import make_stamp, parse_value

# JSON-LD properties: (name, kind)
_JSONLD_PROPS = (
    ("datePublished", "published"),
    ("dateCreated", "published"),
    ("uploadDate", "published"),
    ("dateModified", "modified"),
)
# <meta> keys, lower-cased: weight and kind. Standard publication keys are trusted most;
# generic "date" keys less, since CMSs fill them with the page's render time.
_META_KEYS: dict[str, tuple[float, str]] = {
    "article:published_time": (8, "published"),
    "og:article:published_time": (8, "published"),
    "article:published": (8, "published"),
    "og:published_time": (8, "published"),
    "datepublished": (8, "published"),
    "parsely-pub-date": (8, "published"),
    "sailthru.date": (7, "published"),
    "pubdate": (7, "published"),
    "publishdate": (7, "published"),
    "publish-date": (7, "published"),
    "publish_date": (7, "published"),
    "publication_date": (7, "published"),
    "publication-date": (7, "published"),
    "dc.date.issued": (7, "published"),
    "dcterms.issued": (7, "published"),
    "dc.date.created": (6, "published"),
    "dcterms.created": (6, "published"),
    "dc.created": (6, "published"),
    "datecreated": (7, "published"),
    "date_published": (7, "published"),
    "article_date_original": (7, "published"),
    "original-publish-date": (8, "published"),
    "og:pubdate": (6, "published"),
    "cxenseparse:recs:publishtime": (6, "published"),
    "article.published": (7, "published"),
    "shareaholic:article_published_time": (7, "published"),
    "date:published_time": (7, "published"),
    "og:article:time": (5, "published"),
    "uploaddate": (7, "published"),
    "dc.date": (5, "either"),
    "dcterms.date": (5, "either"),
    "date": (4, "either"),
    "displaydate": (5, "published"),
    "pdate": (5, "published"),
    "citation_publication_date": (7, "published"),
    "citation_date": (6, "published"),
    "release_date": (5, "published"),
    "article:modified_time": (8, "modified"),
    "og:article:modified_time": (8, "modified"),
    "og:updated_time": (6, "modified"),
    "datemodified": (8, "modified"),
    "article:modified": (7, "modified"),
    "dcterms.modified": (6, "modified"),
    "last-modified": (4, "modified"),
    "lastmod": (4, "modified"),
    "dc.date.modified": (6, "modified"),
    "parsely-updated-date": (6, "modified"),
    "shareaholic:article_modified_time": (6, "modified"),
}


def read_jsonld(page: Page, ctx: Context) -> None:
    sd = page.structured
    if sd is None:
        return
    art = sd.article()
    objs = [art] if art else []
    # Without an article object, a lone typed object with dates (a VideoObject, a WebPage)
    # may describe the page; several of them are usually a list of other articles.
    if not objs:
        dated = [o for o in sd.objects if isinstance(o, dict) and o.get("datePublished")]
        if len(dated) == 1:
            objs = dated
    for obj in objs:
        for prop, kind in _JSONLD_PROPS:
            value = obj.get(prop)
            if isinstance(value, list):
                value = next((v for v in value if isinstance(v, str)), None)
            if isinstance(value, dict):
                value = value.get("@value")
            if not isinstance(value, str):
                continue
            parsed = parse_value(value, ctx)
            if parsed:
                weight = 8 if prop != "dateCreated" else 7
                add_candidate(ctx, parsed[0], value, "jsonld", weight, kind, parsed[1])


def read_meta(page: Page, ctx: Context) -> None:
    meta = page.structured.meta if page.structured else {}
    for key, value in meta.items():
        spec = _META_KEYS.get(key)
        if spec is None:
            continue
        parsed = parse_value(value, ctx)
        if parsed:
            add_candidate(ctx, parsed[0], value, f"meta:{key}", spec[0], spec[1], parsed[1])


# 2024/12/02, 2024-12-2, 2024_12_02, or 20241202 as a whole path segment; or 2024-12/02
# (year-month folder, then a day folder: common on Chinese news sites)
_URL_YMD = re.compile(
    r"(?<![\d])((?:19|20)\d{2})([/_-])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?![\d])"
    r"|(?:^|(?<=[/_.-]))((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=$|[/_.-])"
    r"|(?<=/)((?:19|20)\d{2})-(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])(?=/)"
)


def read_url(page: Page, ctx: Context) -> None:
    try:
        path = unquote(urlsplit(page.url).path)
    except ValueError:
        return
    for m in _URL_YMD.finditer(path):
        if m.group(1):
            # /2023/10/3-questions-to...: the "3" opens the slug, it is no day
            if m.group(2) == "/" and not re.match(r"$|[/._?]", path[m.end() : m.end() + 1]):
                continue
            st = make_stamp(m.group(1), m.group(3), m.group(4))
        elif m.group(5):
            st = make_stamp(m.group(5), m.group(6), m.group(7))
        else:
            st = make_stamp(m.group(8), m.group(9), m.group(10))
        add_candidate(ctx, st, m.group(0), "url", 7)
        return


def read_sitemap(page: Page, ctx: Context) -> None:
    if page.sitemap_date:
        parsed = parse_value(page.sitemap_date, ctx)
        if parsed:
            add_candidate(ctx, parsed[0], page.sitemap_date, "sitemap", 6)
