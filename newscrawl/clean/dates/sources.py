"""Dates the page states for machines: JSON-LD, meta tags, the URL, a news sitemap."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from ..codes import DateKind, DateSource
from ..page import Page
from .model import Context, add_candidate
from .parse import make_stamp, parse_value

# JSON-LD properties: (name, kind)
_JSONLD_PROPS = (
    ("datePublished", DateKind.PUBLISHED),
    ("dateCreated", DateKind.PUBLISHED),
    ("uploadDate", DateKind.PUBLISHED),
    ("dateModified", DateKind.MODIFIED),
)
# <meta> keys, lower-cased: weight and kind. Standard publication keys are trusted most;
# generic "date" keys less, since CMSs fill them with the page's render time.
_META_KEYS: dict[str, tuple[float, DateKind]] = {
    "article:published_time": (8, DateKind.PUBLISHED),
    "og:article:published_time": (8, DateKind.PUBLISHED),
    "article:published": (8, DateKind.PUBLISHED),
    "og:published_time": (8, DateKind.PUBLISHED),
    "datepublished": (8, DateKind.PUBLISHED),
    "parsely-pub-date": (8, DateKind.PUBLISHED),
    "sailthru.date": (7, DateKind.PUBLISHED),
    "pubdate": (7, DateKind.PUBLISHED),
    "publishdate": (7, DateKind.PUBLISHED),
    "publish-date": (7, DateKind.PUBLISHED),
    "publish_date": (7, DateKind.PUBLISHED),
    "publication_date": (7, DateKind.PUBLISHED),
    "publication-date": (7, DateKind.PUBLISHED),
    "dc.date.issued": (7, DateKind.PUBLISHED),
    "dcterms.issued": (7, DateKind.PUBLISHED),
    "dc.date.created": (6, DateKind.PUBLISHED),
    "dcterms.created": (6, DateKind.PUBLISHED),
    "dc.created": (6, DateKind.PUBLISHED),
    "datecreated": (7, DateKind.PUBLISHED),
    "date_published": (7, DateKind.PUBLISHED),
    "article_date_original": (7, DateKind.PUBLISHED),
    "original-publish-date": (8, DateKind.PUBLISHED),
    "og:pubdate": (6, DateKind.PUBLISHED),
    "cxenseparse:recs:publishtime": (6, DateKind.PUBLISHED),
    "article.published": (7, DateKind.PUBLISHED),
    "shareaholic:article_published_time": (7, DateKind.PUBLISHED),
    "date:published_time": (7, DateKind.PUBLISHED),
    "og:article:time": (5, DateKind.PUBLISHED),
    "uploaddate": (7, DateKind.PUBLISHED),
    "dc.date": (5, DateKind.EITHER),
    "dcterms.date": (5, DateKind.EITHER),
    "date": (4, DateKind.EITHER),
    "displaydate": (5, DateKind.PUBLISHED),
    "pdate": (5, DateKind.PUBLISHED),
    "citation_publication_date": (7, DateKind.PUBLISHED),
    "citation_date": (6, DateKind.PUBLISHED),
    "release_date": (5, DateKind.PUBLISHED),
    "article:modified_time": (8, DateKind.MODIFIED),
    "og:article:modified_time": (8, DateKind.MODIFIED),
    "og:updated_time": (6, DateKind.MODIFIED),
    "datemodified": (8, DateKind.MODIFIED),
    "article:modified": (7, DateKind.MODIFIED),
    "dcterms.modified": (6, DateKind.MODIFIED),
    "last-modified": (4, DateKind.MODIFIED),
    "lastmod": (4, DateKind.MODIFIED),
    "dc.date.modified": (6, DateKind.MODIFIED),
    "parsely-updated-date": (6, DateKind.MODIFIED),
    "shareaholic:article_modified_time": (6, DateKind.MODIFIED),
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
                add_candidate(ctx, parsed[0], value, DateSource.JSONLD, weight, kind, parsed[1])


def read_meta(page: Page, ctx: Context) -> None:
    meta = page.structured.meta if page.structured else {}
    for key, value in meta.items():
        spec = _META_KEYS.get(key)
        if spec is None:
            continue
        parsed = parse_value(value, ctx)
        if parsed:
            add_candidate(
                ctx, parsed[0], value, DateSource.META, spec[0], spec[1], parsed[1], key=key
            )


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
        add_candidate(ctx, st, m.group(0), DateSource.URL, 7)
        return


def read_sitemap(page: Page, ctx: Context) -> None:
    if page.sitemap_date:
        parsed = parse_value(page.sitemap_date, ctx)
        if parsed:
            add_candidate(ctx, parsed[0], page.sitemap_date, DateSource.SITEMAP, 6)
