"""Embedded metadata (JSON-LD, microdata, OpenGraph, <meta>), read with extruct from the
parsed tree."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from typing import Any, cast
from urllib.parse import urljoin, urlsplit

import json_repair
from extruct.w3cmicrodata import MicrodataExtractor
from lxml import etree
from lxml.html import HtmlElement

logger = logging.getLogger(__name__)

_JSONLD_SCRIPTS = etree.XPath('descendant-or-self::script[@type="application/ld+json"]')
_MICRODATA = MicrodataExtractor()

ARTICLE_TYPES = {
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "liveblogposting",
    "scholarlyarticle", "techarticle", "report", "posting", "socialmediaposting",
    "webpage", "itempage", "medicalwebpage",
}


@dataclass
class StructuredData:
    # Every JSON-LD / microdata object, @graph flattened, nested objects kept in place.
    objects: list[dict[str, Any]] = field(default_factory=list)
    # <meta name|property|itemprop=... content=...>, keys lower-cased; first value wins.
    meta: dict[str, str] = field(default_factory=dict)
    # All values for keys that repeat (article:tag, article:author...).
    meta_all: dict[str, list[str]] = field(default_factory=dict)
    url: str = ""  # the page's address
    # the paths of the page's own addresses: its URL, canonical link and og:url
    own_paths: set[str] = field(default_factory=set)
    # listed(), worked out once: the stages ask for the article a few times a page
    _listed: set[int] | None = field(default=None, repr=False, compare=False)

    def article(self) -> dict[str, Any] | None:
        """The object that describes this page's article, if any (most specific type first;
        among equals, not one whose address names another page: sites also describe the
        related stories they link to). Article objects naming other stories, two or more
        of them, are a list of teasers (microdata on related-story cards): none of them is
        this page's, whatever else the page describes."""
        best, best_rank = None, 99
        listed = self.listed()
        for obj in self.objects:
            if listed and id(obj) in listed:
                continue
            for t in _types(obj):
                t = t.lower()
                if t in ARTICLE_TYPES:
                    rank = 2 if t in {"webpage", "itempage", "medicalwebpage"} else 0
                    if "headline" not in obj and "articleBody" not in obj:
                        rank += 1
                    if rank < best_rank or (
                        rank == best_rank
                        and best is not None
                        and _described(obj)
                        and _names_other_page(best, self.url)
                        and not _names_other_page(obj, self.url)
                    ):
                        best, best_rank = obj, rank
        return best

    def listed(self) -> set[int]:
        """The article objects that each name another story than the page's own addresses,
        when they name at least LISTED_STORIES different ones."""
        if self._listed is None:
            self._listed = self._find_listed()
        return self._listed

    def _find_listed(self) -> set[int]:
        if len(self.objects) < LISTED_STORIES:
            return set()
        listed: dict[int, str] = {}
        for obj in self.objects:
            if not any(t.lower() in ARTICLE_TYPES for t in _types(obj)):
                continue
            paths = _own_paths(obj)
            if paths and not any(_same_story(p, own) for p in paths for own in self.own_paths):
                listed[id(obj)] = min(paths)
        return set(listed) if len(set(listed.values())) >= LISTED_STORIES else set()

    def resolve(self, value: Any) -> Any:
        """A reference ({"@id": ...} alone, as Yoast writes the article's "#primaryimage")
        resolved to the object of the @graph it names; anything else as it is."""
        if not isinstance(value, dict) or set(value) - {"@id", "@type"}:
            return value
        ref = value.get("@id")
        if not isinstance(ref, str):
            return value
        return next((o for o in self.objects if o.get("@id") == ref and o is not value), value)

    def of_type(self, *names: str) -> list[dict[str, Any]]:
        wanted = {n.lower() for n in names}
        return [o for o in self.objects if any(t.lower() in wanted for t in _types(o))]


def _page_path(url: str) -> str:
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    return (parts.path.rstrip("/") or "/") if parts.netloc else ""


def _same_story(a: str, b: str) -> bool:
    """One path, or one a folder of the other (a story's slides and pages: /story/slide/2)."""
    return a == b or a.startswith(b.rstrip("/") + "/") or b.startswith(a.rstrip("/") + "/")


def _join(base: str, href: str) -> str:
    try:
        return urljoin(base, href.strip())
    except ValueError:
        return ""


def _own_paths(obj: dict[str, Any]) -> list[str]:
    """The paths of an object's own addresses ("url", "mainEntityOfPage", "@id")."""
    paths = []
    for key in ("url", "mainEntityOfPage", "@id"):
        value = obj.get(key)
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            path = _page_path(value.split("#", 1)[0])
            if path:
                paths.append(path)
    return paths


def _names_other_page(obj: dict[str, Any], page_url: str) -> bool:
    """The object's own addresses are all on other paths than the page's: the description
    of another story. Scheme, host and query are not compared (syndicated copies, AMP and
    tracking variants of one page change them)."""
    own = _page_path(page_url)
    if not own:
        return False
    paths = _own_paths(obj)
    return bool(paths) and not any(_same_story(own, path) for path in paths)


# Article objects naming this many other stories or more: a list of teasers.
LISTED_STORIES = 2


def _described(obj: dict[str, Any]) -> bool:
    return any(key in obj for key in ("headline", "name", "datePublished", "articleBody"))


def _types(obj: dict[str, Any]) -> list[str]:
    t = obj.get("@type") or obj.get("type") or []
    if isinstance(t, str):
        t = [t]
    out = []
    for x in t if isinstance(t, list) else []:
        if isinstance(x, str):
            out.append(x.rsplit("/", 1)[-1])
    return out


def _flatten(data: Any, out: list[dict[str, Any]], depth: int = 0) -> None:
    if depth > 6:
        return
    if isinstance(data, list):
        for x in data:
            _flatten(x, out, depth + 1)
    elif isinstance(data, dict):
        if "@graph" in data:
            _flatten(data["@graph"], out, depth + 1)
        if "@type" in data or "type" in data:
            out.append(data)
            # mainEntity / mainEntityOfPage may hold the article itself
            for key in ("mainEntity", "mainEntityOfPage", "itemListElement"):
                if isinstance(data.get(key), dict | list):
                    _flatten(data[key], out, depth + 1)


def _microdata_as_jsonld(item: dict[str, Any]) -> dict[str, Any]:
    obj = dict(item.get("properties") or {})
    if item.get("type"):
        obj["@type"] = item["type"]
    return obj


def _jsonld_items(text: str, url: str) -> list[Any]:
    """The objects of one JSON-LD script, read leniently. Publishers' JSON-LD is often
    broken (trailing commas, raw newlines in strings, comments, a CDATA wrapper, several
    objects one after another); one broken script must not cost the page its other ones,
    as extruct's all-or-nothing reading did. json_repair reads what json cannot."""
    text = text.strip()
    if not text:
        return []
    decoder = json.JSONDecoder(strict=False)
    items: list[Any] = []
    pos = 0
    while pos < len(text):
        try:
            obj, pos = decoder.raw_decode(text, pos)
        except ValueError:
            try:
                items.append(json_repair.loads(text[pos:]))
            except Exception:  # json_repair gives up on some inputs
                pass
            logger.debug("JSON-LD repaired on %s", url)
            break
        items.append(obj)
        while pos < len(text) and text[pos] in " \t\r\n;,":
            pos += 1
    out: list[Any] = []
    for item in items:
        out.extend(item if isinstance(item, list) else [item])
    return [item for item in out if isinstance(item, dict) and item]


def read_structured(root: HtmlElement, url: str) -> StructuredData:
    data = StructuredData(url=url)
    try:
        for script in cast("list[HtmlElement]", _JSONLD_SCRIPTS(root)):
            _flatten(_jsonld_items(str(script.xpath("string()")), url), data.objects)
    except Exception as exc:  # a broken page goes on without its JSON-LD
        logger.debug("JSON-LD unreadable on %s: %s", url, exc)
    if root.xpath("boolean(//*[@itemscope])"):
        try:
            for item in _MICRODATA.extract_items(root, url):
                _flatten(_microdata_as_jsonld(item), data.objects)
        except Exception as exc:
            logger.debug("microdata unreadable on %s: %s", url, exc)
    for el in root.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop")
        value = el.get("content")
        if not key or value is None:
            continue
        key = key.strip().lower()
        value = value.strip()
        if not value:
            continue
        data.meta.setdefault(key, value)
        data.meta_all.setdefault(key, []).append(value)
    own = [url, data.meta.get("og:url")]
    head = root.find("head")
    for link in head.iter("link") if head is not None else ():
        if (link.get("rel") or "").strip().lower() == "canonical":
            own.append(link.get("href"))
    data.own_paths = {p for u in own if u and (p := _page_path(_join(url, u)))}
    return data
