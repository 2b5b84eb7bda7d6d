"""Headline, description, authors, language, publisher, tags, section, canonical URL and main
image: embedded metadata first (JSON-LD, OpenGraph, <meta>), the visible page second."""

from __future__ import annotations

import re
from typing import Any

from .lexicon.patterns import AUTHOR_SEPARATOR, BYLINE_PREFIX
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


def _names(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in items:
        if isinstance(item, dict):
            name = _text(item.get("name"))
        else:
            name = _text(item)
        if name and not name.startswith("http"):
            out.extend(n.strip() for n in AUTHOR_SEPARATOR.split(name) if n.strip())
    return list(dict.fromkeys(out))


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


_SITE_SUFFIX = re.compile(r"\s+[|\-–—:·»]\s+[^|\-–—:·»]{2,60}$")


def read_metadata(page: Page) -> None:
    root, sd = page.root, page.structured
    meta = sd.meta if sd else {}
    art = (sd.article() if sd else None) or {}

    # headline
    h1 = root.find(".//h1")
    h1_text = normalize_space(h1.text_content()) if h1 is not None else None
    if _text(art.get("headline")):
        page.set("headline", _text(art.get("headline")), "jsonld")
    elif meta.get("og:title"):
        page.set("headline", normalize_space(meta["og:title"]), "meta:og:title")
    elif h1_text:
        page.set("headline", h1_text, "h1")
    else:
        title = root.findtext(".//title")
        if title:
            page.set("headline", _SITE_SUFFIX.sub("", normalize_space(title)), "title")

    for key, source in (("description", "jsonld"),):
        if _text(art.get(key)):
            page.set("description", _text(art.get(key)), source)
    if "description" not in page.fields:
        for key in ("og:description", "description", "twitter:description"):
            if meta.get(key):
                page.set("description", normalize_space(meta[key]), f"meta:{key}")
                break

    authors = _names(art.get("author")) if art else []
    if authors:
        page.set("authors", authors, "jsonld")
    else:
        for key in ("author", "article:author", "dc.creator", "byl", "sailthru.author"):
            values = sd.meta_all.get(key) if sd else None
            if values:
                names = [n for v in values for n in _names(v)]
                names = [BYLINE_PREFIX.sub("", n) for n in names]
                if names:
                    page.set("authors", list(dict.fromkeys(names)), f"meta:{key}")
                    break
    if "authors" not in page.fields:
        byline = root.xpath(
            "(//*[@rel='author'] | //*[contains(concat(' ', normalize-space(@class), ' '), "
            "' author ')] | //*[contains(@class, 'byline')])[1]"
        )
        if byline:
            text = normalize_space(byline[0].text_content())
            text = BYLINE_PREFIX.sub("", text)
            if 2 < len(text) < 80:
                page.set("authors", [text], "byline")

    # canonical URL
    canon = root.xpath("//link[@rel='canonical']/@href")
    canonical = join_url(page.url, canon[0]) if canon and canon[0].strip() else None
    if canonical:
        page.set("canonicalUrl", canonical, "link:canonical")
    elif meta.get("og:url") and join_url(page.url, meta["og:url"]):
        page.set("canonicalUrl", join_url(page.url, meta["og:url"]), "meta:og:url")

    lang = root.get("lang") or root.get("xml:lang")
    if lang:
        page.set("inLanguage", lang.strip(), "html:lang")
    elif _text(art.get("inLanguage")):
        page.set("inLanguage", _text(art.get("inLanguage")), "jsonld")
    elif meta.get("og:locale"):
        page.set("inLanguage", meta["og:locale"].replace("_", "-"), "meta:og:locale")
    elif page.headers.get("Content-Language"):
        page.set("inLanguage", page.headers["Content-Language"], "http:content-language")

    publisher = _text((art.get("publisher") or {}) if isinstance(art.get("publisher"), dict)
                      else art.get("publisher"))
    if publisher:
        page.set("publisher", publisher, "jsonld")
    elif meta.get("og:site_name"):
        page.set("publisher", meta["og:site_name"], "meta:og:site_name")

    section = _text(art.get("articleSection")) or meta.get("article:section")
    if section:
        page.set("section", section, "jsonld" if art.get("articleSection") else "meta")

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
        page.set("tags", [t.strip() for t in raw.split(",") if t.strip()][:30], "meta:keywords")

    image = _url(art.get("image"), page.url) or (
        join_url(page.url, meta["og:image"]) if meta.get("og:image") else None
    )
    if image:
        page.set("mainImage", image, "jsonld" if art.get("image") else "meta:og:image")
