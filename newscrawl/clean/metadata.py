"""Headline, description, authors, language, publisher, tags, section, canonical URL and main
image: embedded metadata first (JSON-LD, OpenGraph, <meta>), the visible page second."""

from __future__ import annotations

from typing import Any

from .authors import read_authors
from .headline import read_headline
from .language import normalize_tag
from .links import join_url
from .page import Page
from .render import normalize_space


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if v), None)
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or value.get("text")
    if isinstance(value, str):
        value = normalize_space(value)
        return value or None
    return None


def _url(value: Any, base: str) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if v), None)
    if isinstance(value, dict):
        value = value.get("url") or value.get("contentUrl") or value.get("@id")
    if isinstance(value, str) and value.strip():
        return join_url(base, value)
    return None


def _position(entry: dict[str, Any]) -> int:
    pos = str(entry.get("position") or "0")
    return int(pos) if pos.isdigit() else 0


def read_metadata(page: Page) -> None:
    """Fill the page's metadata fields, each from its best source (see the readers)."""
    sd = page.structured
    meta = sd.meta if sd else {}
    art = (sd.article() if sd else None) or {}
    for reader in _READERS:
        reader(page, meta, art)


# Each reader fills one field: (page, <meta> values, the article's JSON-LD object).
Meta = dict[str, str]
Article = dict[str, Any]


def _headline(page: Page, meta: Meta, art: Article) -> None:
    read_headline(page)


def _description(page: Page, meta: Meta, art: Article) -> None:
    if _text(art.get("description")):
        page.set("description", _text(art.get("description")), "jsonld")
        return
    for key in ("og:description", "description", "twitter:description"):
        if meta.get(key):
            page.set("description", normalize_space(meta[key]), f"meta:{key}")
            return


def _authors(page: Page, meta: Meta, art: Article) -> None:
    read_authors(page)


def _canonical_url(page: Page, meta: Meta, art: Article) -> None:
    canon = page.root.xpath("//link[@rel='canonical']/@href")
    canonical = join_url(page.url, canon[0]) if canon and canon[0].strip() else None
    if canonical:
        page.set("canonicalUrl", canonical, "link:canonical")
    elif meta.get("og:url") and join_url(page.url, meta["og:url"]):
        page.set("canonicalUrl", join_url(page.url, meta["og:url"]), "meta:og:url")


def _language(page: Page, meta: Meta, art: Article) -> None:
    """The declared language, normalized; article.finish checks it against the text."""
    root = page.root
    for value, source in (
        (root.get("lang") or root.get("xml:lang"), "html:lang"),
        (_text(art.get("inLanguage")), "jsonld"),
        (meta.get("og:locale"), "meta:og:locale"),
        (meta.get("content-language") or page.headers.get("Content-Language"),
         "http:content-language"),
    ):
        tag = normalize_tag(value)
        if tag:
            page.set("inLanguage", tag, source)
            return


def _publisher(page: Page, meta: Meta, art: Article) -> None:
    publisher = _text((art.get("publisher") or {}) if isinstance(art.get("publisher"), dict)
                      else art.get("publisher"))
    if publisher:
        page.set("publisher", publisher, "jsonld")
    elif meta.get("og:site_name"):
        page.set("publisher", meta["og:site_name"], "meta:og:site_name")


def _section(page: Page, meta: Meta, art: Article) -> None:
    section = _text(art.get("articleSection")) or meta.get("article:section")
    if section:
        page.set("section", section, "jsonld" if art.get("articleSection") else "meta")


def _breadcrumbs(page: Page, meta: Meta, art: Article) -> None:
    sd = page.structured
    crumbs = []
    for bl in sd.of_type("BreadcrumbList") if sd else []:
        items = bl.get("itemListElement") or []
        items = items if isinstance(items, list) else [items]
        items = sorted((i for i in items if isinstance(i, dict)), key=_position)
        for i in items:
            name = _text(i.get("name")) or _text(i.get("item"))
            if name:
                crumbs.append({"name": name, "url": _url(i.get("item"), page.url)})
        if crumbs:
            break
    if crumbs:
        page.set("breadcrumbs", crumbs, "jsonld")


MAX_META_KEYWORDS = 30  # a keywords <meta> longer than this is SEO stuffing: cut


def _tags(page: Page, meta: Meta, art: Article) -> None:
    sd = page.structured
    tags: list[str] = []
    kw = art.get("keywords")
    if isinstance(kw, str):
        tags = [t.strip() for t in kw.split(",") if t.strip()]
    elif isinstance(kw, list):
        tags = [t for t in (_text(k) for k in kw) if t]
    if tags:
        page.set("tags", list(dict.fromkeys(tags)), "jsonld")
    elif sd and sd.meta_all.get("article:tag"):
        page.set("tags", list(dict.fromkeys(sd.meta_all["article:tag"])), "meta:article:tag")
    elif meta.get("news_keywords") or meta.get("keywords"):
        raw = meta.get("news_keywords") or meta.get("keywords") or ""
        keywords = [t.strip() for t in raw.split(",") if t.strip()]
        page.set("tags", keywords[:MAX_META_KEYWORDS], "meta:keywords")


def _main_image(page: Page, meta: Meta, art: Article) -> None:
    value = art.get("image")
    if page.structured is not None:
        items = value if isinstance(value, list) else [value]
        value = [page.structured.resolve(v) for v in items]
    image = _url(value, page.url) or (
        join_url(page.url, meta["og:image"]) if meta.get("og:image") else None
    )
    if image:
        page.set("mainImage", image, "jsonld" if art.get("image") else "meta:og:image")


_READERS = (
    _headline,
    _description,
    _language,  # before the authors: a word is a name in one language, not in another
    _authors,
    _canonical_url,
    _publisher,
    _section,
    _breadcrumbs,
    _tags,
    _main_image,
)
