"""Dates the page states for machines: JSON-LD, meta tags, the URL, a news sitemap."""

from __future__ import annotations

import json
import re
from urllib.parse import unquote, urlsplit

from ..codes import DateKind, DateSource
from ..page import Page
from . import weights as W
from .model import Context, add_candidate
from .parse import make_stamp, parse_value
from .weights import Strength as S

# JSON-LD properties: (name, kind)
_JSONLD_PROPS = (
    ("datePublished", DateKind.PUBLISHED),
    ("dateCreated", DateKind.PUBLISHED),
    ("uploadDate", DateKind.PUBLISHED),
    ("coverageStartTime", DateKind.PUBLISHED),  # a live blog's: when its coverage began
    ("dateModified", DateKind.MODIFIED),
)
# <meta> keys, lower-cased: strength (weights.Strength) and kind. Standard publication keys
# are trusted most; generic "date" keys less, since CMSs fill them with the render time.
_META_KEYS: dict[str, tuple[S, DateKind]] = {
    "article:published_time": (S.STANDARD, DateKind.PUBLISHED),
    "og:article:published_time": (S.STANDARD, DateKind.PUBLISHED),
    "article:published": (S.STANDARD, DateKind.PUBLISHED),
    "og:published_time": (S.STANDARD, DateKind.PUBLISHED),
    "datepublished": (S.STANDARD, DateKind.PUBLISHED),
    "parsely-pub-date": (S.STANDARD, DateKind.PUBLISHED),
    "sailthru.date": (S.STRONG, DateKind.PUBLISHED),
    "pubdate": (S.STRONG, DateKind.PUBLISHED),
    "publishdate": (S.STRONG, DateKind.PUBLISHED),
    "publish-date": (S.STRONG, DateKind.PUBLISHED),
    "publish_date": (S.STRONG, DateKind.PUBLISHED),
    "publication_date": (S.STRONG, DateKind.PUBLISHED),
    "publication-date": (S.STRONG, DateKind.PUBLISHED),
    "dc.date.issued": (S.STRONG, DateKind.PUBLISHED),
    "dcterms.issued": (S.STRONG, DateKind.PUBLISHED),
    "dc.date.created": (S.TRUSTED, DateKind.PUBLISHED),
    "dcterms.created": (S.TRUSTED, DateKind.PUBLISHED),
    "dc.created": (S.TRUSTED, DateKind.PUBLISHED),
    "datecreated": (S.STRONG, DateKind.PUBLISHED),
    "date_published": (S.STRONG, DateKind.PUBLISHED),
    "article_date_original": (S.STRONG, DateKind.PUBLISHED),
    "original-publish-date": (S.STANDARD, DateKind.PUBLISHED),
    "originalpublicationdate": (S.STRONG, DateKind.PUBLISHED),
    "og:pubdate": (S.TRUSTED, DateKind.PUBLISHED),
    "cxenseparse:recs:publishtime": (S.TRUSTED, DateKind.PUBLISHED),
    "article.published": (S.STRONG, DateKind.PUBLISHED),
    "shareaholic:article_published_time": (S.STRONG, DateKind.PUBLISHED),
    "date:published_time": (S.STRONG, DateKind.PUBLISHED),
    "og:article:time": (S.MODERATE, DateKind.PUBLISHED),
    "uploaddate": (S.STRONG, DateKind.PUBLISHED),
    # publication keys of other CMSs and analytics tags
    "article:published_date": (S.STRONG, DateKind.PUBLISHED),
    "article:post_date": (S.STRONG, DateKind.PUBLISHED),
    "article:publicationdate": (S.STRONG, DateKind.PUBLISHED),
    "og:publish_date": (S.STRONG, DateKind.PUBLISHED),
    "og:article:published": (S.STRONG, DateKind.PUBLISHED),
    "og:datepublished": (S.STRONG, DateKind.PUBLISHED),
    "og:regdate": (S.STRONG, DateKind.PUBLISHED),
    "rnews:datepublished": (S.STRONG, DateKind.PUBLISHED),
    "dc.date.publication": (S.STRONG, DateKind.PUBLISHED),
    "published_date": (S.STRONG, DateKind.PUBLISHED),
    "published-date": (S.STRONG, DateKind.PUBLISHED),
    "publisheddate": (S.STRONG, DateKind.PUBLISHED),
    "published_time": (S.STRONG, DateKind.PUBLISHED),
    "publish_time": (S.STRONG, DateKind.PUBLISHED),
    "ptime": (S.STRONG, DateKind.PUBLISHED),
    "bt:pubdate": (S.STRONG, DateKind.PUBLISHED),
    "rbpubdate": (S.STRONG, DateKind.PUBLISHED),
    "dcsext.articlefirstpublished": (S.STRONG, DateKind.PUBLISHED),
    "mediator_published_time": (S.STRONG, DateKind.PUBLISHED),
    "vr:published_time": (S.STRONG, DateKind.PUBLISHED),
    "twt-published-at": (S.STRONG, DateKind.PUBLISHED),
    "analyticsattributes.articledate": (S.TRUSTED, DateKind.PUBLISHED),
    "dateposted": (S.TRUSTED, DateKind.PUBLISHED),
    "date_created": (S.TRUSTED, DateKind.PUBLISHED),
    "content_create_date": (S.TRUSTED, DateKind.PUBLISHED),
    "article.created": (S.TRUSTED, DateKind.PUBLISHED),
    "dc:created": (S.TRUSTED, DateKind.PUBLISHED),
    "dc:date": (S.MODERATE, DateKind.EITHER),
    "dc.date": (S.MODERATE, DateKind.EITHER),
    "dcterms.date": (S.MODERATE, DateKind.EITHER),
    "date": (S.WEAK, DateKind.EITHER),
    "displaydate": (S.MODERATE, DateKind.PUBLISHED),
    "pdate": (S.MODERATE, DateKind.PUBLISHED),
    "citation_publication_date": (S.STRONG, DateKind.PUBLISHED),
    "citation_date": (S.TRUSTED, DateKind.PUBLISHED),
    "release_date": (S.MODERATE, DateKind.PUBLISHED),
    "article:modified_time": (S.STANDARD, DateKind.MODIFIED),
    "og:article:modified_time": (S.STANDARD, DateKind.MODIFIED),
    "og:updated_time": (S.TRUSTED, DateKind.MODIFIED),
    "datemodified": (S.STANDARD, DateKind.MODIFIED),
    "article:modified": (S.STRONG, DateKind.MODIFIED),
    "dcterms.modified": (S.TRUSTED, DateKind.MODIFIED),
    "last-modified": (S.WEAK, DateKind.MODIFIED),
    "lastmod": (S.WEAK, DateKind.MODIFIED),
    "dc.date.modified": (S.TRUSTED, DateKind.MODIFIED),
    "parsely-updated-date": (S.TRUSTED, DateKind.MODIFIED),
    "shareaholic:article_modified_time": (S.TRUSTED, DateKind.MODIFIED),
    "article:modified_date": (S.TRUSTED, DateKind.MODIFIED),
    "article:post_modified": (S.TRUSTED, DateKind.MODIFIED),
    "og:modified_time": (S.TRUSTED, DateKind.MODIFIED),
    "modified_time": (S.TRUSTED, DateKind.MODIFIED),
    "updated_time": (S.TRUSTED, DateKind.MODIFIED),
    "utime": (S.TRUSTED, DateKind.MODIFIED),
    "bt:moddate": (S.TRUSTED, DateKind.MODIFIED),
    "dc.modified": (S.TRUSTED, DateKind.MODIFIED),
    "modificationdate": (S.TRUSTED, DateKind.MODIFIED),
    "lastmodified": (S.WEAK, DateKind.MODIFIED),
    "modified": (S.WEAK, DateKind.MODIFIED),
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
        listed = sd.listed()
        dated = [
            o for o in sd.objects
            if isinstance(o, dict) and o.get("datePublished") and id(o) not in listed
        ]
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
                weight = (
                    W.JSONLD_CREATED
                    if prop in ("dateCreated", "coverageStartTime")
                    else W.JSONLD_PUBLISHED
                )
                add_candidate(ctx, parsed[0], value, DateSource.JSONLD, weight, kind, parsed[1])


def read_meta(page: Page, ctx: Context) -> None:
    meta = page.structured.meta if page.structured else {}
    for key, value in meta.items():
        spec = _META_KEYS.get(key)
        if spec is None and key == _PARSELY_PAGE:
            value, spec = _parsely_page_date(value) or "", _META_KEYS["parsely-pub-date"]
        if spec is None or not value:
            continue
        parsed = parse_value(value, ctx)
        if parsed:
            add_candidate(
                ctx, parsed[0], value, DateSource.META, spec[0], spec[1], parsed[1], key=key
            )


# Parse.ly's older tag: one <meta name="parsely-page"> holding a JSON object ("pub_date").
_PARSELY_PAGE = "parsely-page"


def _parsely_page_date(value: str) -> str | None:
    try:
        data = json.loads(value)
    except ValueError:
        return None
    found = data.get("pub_date") if isinstance(data, dict) else None
    return found if isinstance(found, str) else None


# 2024/12/02, 2024-12-2, 2024_12_02, or 20241202 as a whole path segment (or a file name's
# "t20241202_", the Chinese government CMSs'); or folders of Chinese news sites: 2024-12/02,
# 202412/02 (year-month, then day), 2024/1202, 2024/12-02 (year, then month-day)
_URL_YMD = re.compile(
    r"(?<![\d])((?:19|20)\d{2})([/_-])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?![\d])"
    r"|(?:^|(?<=[/_.-])|(?<=/t))((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=$|[/_.-])"
    r"|(?<=/)((?:19|20)\d{2})-?(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])(?=/)"
    r"|(?<=/)((?:19|20)\d{2})/(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?=/)"
)


_URL_DMY = re.compile(
    r"(?:^|(?<=[/_-]))(0?[1-9]|[12]\d|3[01])([-_.])(0?[1-9]|[12]\d|3[01])\2((?:19|20)\d{2})"
    r"(?=$|[/_.-])"
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
        elif m.group(8):
            st = make_stamp(m.group(8), m.group(9), m.group(10))
        else:
            st = make_stamp(m.group(11), m.group(12), m.group(13))
        add_candidate(ctx, st, m.group(0), DateSource.URL, W.URL_DATE)
        return
    # 18-03-2024, 18.03.2024, 18_03_2024 as a path segment (or its start): day first, or
    # month first where the page's locale writes it so
    dmy = _URL_DMY.search(path)
    if dmy:
        a, b = int(dmy.group(1)), int(dmy.group(3))
        guessed = False
        if dmy.group(2) == "." or a > 12 >= b:
            day, month = a, b
        elif b > 12 >= a:
            day, month = b, a
        else:
            day, month = (a, b) if ctx.order == "DMY" else (b, a)
            guessed = a != b and not ctx.order_known
        st = make_stamp(dmy.group(4), month, day)
        add_candidate(ctx, st, dmy.group(0), DateSource.URL, W.URL_DATE, guessed=guessed)


def read_sitemap(page: Page, ctx: Context) -> None:
    if page.sitemap_date:
        parsed = parse_value(page.sitemap_date, ctx)
        if parsed:
            add_candidate(ctx, parsed[0], page.sitemap_date, DateSource.SITEMAP, W.SITEMAP_DATE)
