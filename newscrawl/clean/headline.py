"""The article's headline: the title the page shows, in the publisher's wording.

Pages carry several titles: JSON-LD `headline` (often an SEO variant), `og:title` and
`twitter:title` (the social headline, usually the displayed one), `<title>` (with the site's
name appended) and the visible `<h1>`, which may hold a kicker ("Dachzeile") above the
headline. Rules, in order:
1. a metadata title that the page shows as a heading (the <h1>, a part of it, or another
   headline element outside links) is the headline: the visible one, in clean typography;
2. a metadata title that is the visible <h1> with a kicker in front ("Kicker: <h1>");
3. when the metadata titles agree with each other (or there is one), that title: nothing
   visible contradicts the publisher's own data;
4. when they disagree and none is shown, the visible <h1>;
5. the <title> without the site name.
Entities are decoded everywhere (JSON-LD often carries "&quot;"), site-name tails removed.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from .page import Page
from .render import normalize_space

# " | Site", " - Site", " – Site", " :: Site", " « Site"
_TAIL = re.compile(r"^(?P<head>.+?)\s+(?:[|\-–—•·»«]|::)\s+(?P<tail>[^|\-–—•·»«]{2,60})$")
_WORD = re.compile(r"\w+")
MAX_KICKER_WORDS = 6  # a kicker in front of the headline is a few words


def words(text: str | None) -> str:
    """The comparison key: word tokens, case- and typography-folded."""
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text or "").casefold()))


def decode(text: str | None) -> str | None:
    if not text or not isinstance(text, str):
        return None
    text = normalize_space(html.unescape(html.unescape(text)) if "&amp;" in text
                          else html.unescape(text))
    return text or None


def site_names(page: Page) -> set[str]:
    """Word keys of the names the site goes by: og:site_name, the JSON-LD publisher,
    application-name, and the host's labels ("golem.de" -> "golem de", "golem")."""
    sd = page.structured
    names: set[str] = set()
    if sd is not None:
        for key in ("og:site_name", "application-name", "twitter:site", "publisher"):
            if sd.meta.get(key):
                names.add(words(sd.meta[key].lstrip("@")))
        for obj in sd.objects:
            pub = obj.get("publisher")
            for p in pub if isinstance(pub, list) else [pub]:
                if isinstance(p, dict) and isinstance(p.get("name"), str):
                    names.add(words(p["name"]))
    host = (urlsplit(page.url).hostname or "").lower()
    labels = [x for x in host.split(".") if x not in ("www", "m", "amp", "mobile")]
    if labels:
        names.add(" ".join(labels))
        if len(labels) >= 2:
            names.add(labels[-2])
            names.add(" ".join(labels[-2:]))
    names.discard("")
    return names


def _is_site_tail(tail: str, names: set[str]) -> bool:
    key = words(tail)
    if not key:
        return False
    if key in names:
        return True
    compact = key.replace(" ", "")
    for name in names:
        name = name.replace(" ", "")
        if compact == name or (len(compact) > 3 and compact in name):
            return True  # "Golem.de" for golem.de, "WIRED" for wired.com
        if len(name) >= 5 and name in compact:
            return True  # "Die Neue Südtiroler Tageszeitung" for tageszeitung.it
    return False


def strip_site_tail(text: str, names: set[str], others: Sequence[str] = ()) -> str:
    """Remove trailing " | Site" segments naming the site, or whose removal leaves another
    title of the page (a section tail: "Headline | Sport" beside "Headline")."""
    other_keys = {words(o) for o in others}
    for _ in range(3):
        m = _TAIL.match(text)
        if not m:
            break
        tail = m.group("tail")
        if _is_site_tail(tail, names) or words(m.group("head")) in other_keys:
            text = m.group("head").rstrip(" |-–—:")
        else:
            break
    return text


# A headline element inside these is a link or a list of other stories; an <h1> is the
# page's own title also in a list item (a one-item list at the top of a page).
_SKIP_ANCESTORS = frozenset({"a", "nav", "footer", "aside", "li", "button", "script", "template",
                             "noscript"})
_SKIP_H1_ANCESTORS = frozenset({"a", "nav", "footer", "aside", "button", "script", "template",
                                "noscript"})
_HEADLINE_CLASS = re.compile(r"headline|title|heading|hed(?![a-z])", re.I)


_BREADCRUMB = re.compile(r"breadcrumb", re.I)


def _shown(el: HtmlElement, skip: frozenset[str] = _SKIP_ANCESTORS) -> bool:
    return not any(a.tag in skip for a in el.iterancestors())


def _in_breadcrumb(el: HtmlElement) -> bool:
    """A heading in a breadcrumb trail or in the site's navigation repeats the story's
    title in a bar; it is not the story's headline."""
    for node in (el, *el.iterancestors()):
        if node.tag == "nav":
            return True
        names = " ".join([node.get("class") or "", node.get("id") or "", *node.attrib.keys()])
        if _BREADCRUMB.search(names):
            return True
    return False


def visible_titles(root: HtmlElement) -> tuple[list[HtmlElement], set[str]]:
    """The page's <h1>s (outside links and navigation) and the word keys of everything the
    page shows as a headline: each <h1>, its parts (kicker and headline spans), and
    headline-classed elements and <h2>s that are not links."""
    h1s = [
        h for h in root.iter("h1")
        if _shown(h, _SKIP_H1_ANCESTORS) and not _in_breadcrumb(h)
        and normalize_space(h.text_content())
    ]
    keys: set[str] = set()
    for h in h1s:
        keys.add(words(h.text_content()))
        parts = [c for c in h if isinstance(c.tag, str) and normalize_space(c.text_content())]
        for c in parts:
            keys.add(words(c.text_content()))
    for el in root.iter("h2", "h3", "span", "div", "p", "header"):
        if el.tag in ("span", "div", "p", "header") and not _HEADLINE_CLASS.search(
            el.get("class") or ""
        ):
            continue
        text = el.text_content()
        if len(text) < 300 and _shown(el):
            keys.add(words(text))
    keys.discard("")
    return h1s, keys


def read_headline(page: Page) -> None:
    root, sd = page.root, page.structured
    meta = sd.meta if sd else {}
    art = (sd.article() if sd else None) or {}
    names = site_names(page)
    title_el = root.find(".//title")
    raw = [
        ("meta:og:title", meta.get("og:title")),
        ("jsonld", art.get("headline") if isinstance(art.get("headline"), str) else None),
        ("meta:twitter:title", meta.get("twitter:title")),
        ("title", title_el.text_content() if title_el is not None else None),
    ]
    decoded: list[tuple[str, str]] = [(s, d) for s, t in raw if (d := decode(t))]
    texts = [t for _, t in decoded]
    cands = []
    for s, t in decoded:
        clean = strip_site_tail(t, names, [o for o in texts if o is not t])
        if clean:
            cands.append((s, clean))
    h1s, shown = visible_titles(root)

    # 1. a metadata title shown as a heading (<title> is not one: it often repeats the <h1>
    # where the publisher's own data names another headline)
    for source, text in cands:
        if source == "title":
            continue
        if words(text) in shown:
            page.set("headline", text, source)
            return
    # 2. a metadata title = kicker + the visible <h1>
    for h in h1s:
        key = words(h.text_content())
        for source, text in cands:
            k = words(text)
            if k.endswith(" " + key) and len(k.split()) - len(key.split()) <= MAX_KICKER_WORDS:
                page.set("headline", text, source)
                return
    meta_cands = [(s, t) for s, t in cands if s != "title"]
    distinct = {words(t) for _, t in meta_cands}
    # 3. the publisher's data agrees with itself
    if len(distinct) == 1:
        page.set("headline", meta_cands[0][1], meta_cands[0][0])
        return
    # 4. it does not: the visible <h1>, else any <h1>, else the first title
    h1 = h1s[0] if h1s else root.find(".//body//h1")
    if h1 is not None and normalize_space(h1.text_content()):
        page.set("headline", normalize_space(h1.text_content()), "h1")
        return
    if cands:
        page.set("headline", cands[0][1], cands[0][0])
