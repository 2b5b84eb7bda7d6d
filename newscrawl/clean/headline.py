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

from .lexicon.common import KICKER_CLASS
from .page import Page
from .render import normalize_space

# " | Site", " - Site", " – Site", " :: Site", " « Site", " / Site"; in scripts without
# spaces also without them ("見出し｜Site", "標題_Site", "見出し：Site").
_SEP = r"(?:\s+(?:[|\-–—•·»«/:]|::)\s+|\s*[｜_：]\s*)"
_TAIL = re.compile(r"^(?P<head>.+?)" + _SEP + r"(?P<tail>[^|\-–—•·»«/｜_：]{2,60})$")
# "Site | Headline", "Site :: Headline": the site's name in front.
_HEAD = re.compile(r"^(?P<site>[^|\-–—•·»«/｜_：]{2,60}?)" + _SEP + r"(?P<rest>.+)$")
_ELLIPSIS = ("…", "...")
# A date as a title's last segment ("Headline | DW | 23.05.2011").
_DATE_TAIL = re.compile(r"^\s*\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\s*$")
_KICKER_CLASS = re.compile(KICKER_CLASS, re.I)
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


def _is_site_name(text: str, names: set[str]) -> bool:
    """The text is the site's name and nothing else (a logo set as the page's <h1>)."""
    compact = words(text).replace(" ", "")
    return bool(compact) and any(compact == n.replace(" ", "") for n in names)


def strip_site_tail(text: str, names: set[str], others: Sequence[str] = (),
                    sections: set[str] | None = None) -> str:
    """Remove trailing " | Site" segments naming the site or a section of it (a word of
    the URL's path: "Headline | Politics | Site" on /politics/...), or whose removal leaves
    another title of the page ("Headline | Sport" beside "Headline"); and a leading
    "Site | " segment."""
    other_keys = {words(o) for o in others}
    for _ in range(3):
        m = _TAIL.match(text)
        if not m:
            break
        tail = m.group("tail")
        if _is_site_tail(tail, names) or words(m.group("head")) in other_keys or (
                sections and words(tail) in sections) or _DATE_TAIL.match(tail):
            text = m.group("head").rstrip(" |-–—:")
        else:
            break
    m = _HEAD.match(text)
    if m and _is_site_tail(m.group("site"), names) and len(m.group("rest")) > len(m.group("site")):
        text = m.group("rest")
    return text


def url_sections(url: str) -> set[str]:
    """Word keys of the URL's folders ("/politics/2024/..." -> "politics"): the names a
    section tail may carry."""
    folders = urlsplit(url).path.strip("/").split("/")[:-1]
    return {words(f.replace("-", " ")) for f in folders if f and not f.isdigit()} - {""}


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


def heading_text(el: HtmlElement) -> str:
    """A heading's text with its lines apart: a <br>, a block, or a part of its own (kicker
    and headline spans: "<span>Council approves budget</span><span>after debate</span>")
    is never glued to the word after it ("budgetafter"); marks stay where they are
    ("<span>Klimaschutz</span><span>:</span>")."""
    out, after_part = el.text or "", False
    for child in el:
        if isinstance(child.tag, str):
            inner = _inner_text(child)
            # "ap<span>proves</span>" is one word; a part after a part is apart
            out = _join([out, inner]) if after_part else out + inner
            tail = child.tail or ""
            out = _join([out, tail])
            after_part = not tail.strip()
        else:
            out += child.tail or ""
    return normalize_space(out)


_BREAKS = frozenset({"br", "div", "p", "h1", "h2", "h3", "h4", "li", "section", "header"})


_UNSEEN = frozenset({"style", "script", "noscript", "template"})


def _inner_text(el: HtmlElement) -> str:
    if el.tag in _UNSEEN:
        return ""
    pieces = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str):
            inner = _inner_text(child)
            pieces.append(f"\n{inner}\n" if child.tag in _BREAKS else inner)
        pieces.append(child.tail or "")
    return _join(pieces)


def _join(pieces: list[str]) -> str:
    """Pieces of a heading, a space where two words would touch."""
    out = ""
    for piece in pieces:
        if out and piece and out[-1].isalnum() and piece[0].isalnum():
            out += " "
        out += piece
    return out


def _kicker_headline(h: HtmlElement) -> str | None:
    """An <h1> of a kicker part and a headline part ("<span class=kicker>Budget</span>
    <span>...</span>") written as the publishers' titles write it: "Budget: ..."."""
    parts = [c for c in h if isinstance(c.tag, str) and normalize_space(c.text_content())]
    if len(parts) != 2 or normalize_space(h.text or "") or not _KICKER_CLASS.search(
            f"{parts[0].get('class') or ''} {parts[0].get('id') or ''}"):
        return None
    kicker, rest = heading_text(parts[0]), heading_text(parts[1])
    if len(kicker.split()) > MAX_KICKER_WORDS or kicker[-1:] in ".:!?|-–—":
        return None
    return f"{kicker}: {rest}"


def visible_titles(root: HtmlElement, names: set[str] | None = None,
                   ) -> tuple[list[HtmlElement], dict[str, str]]:
    """The page's <h1>s (outside links and navigation; not the site's name set as the
    logo) and everything the page shows as a headline, word key -> the text as shown: each
    <h1>, its parts (kicker and headline spans), and headline-classed elements and <h2>s
    that are not links."""
    h1s = [
        h for h in root.iter("h1")
        if _shown(h, _SKIP_H1_ANCESTORS) and not _in_breadcrumb(h)
        and normalize_space(h.text_content()) and not (
            names and _is_site_name(heading_text(h), names))
    ]
    shown: dict[str, str] = {}
    for h in h1s:
        text = heading_text(h)
        shown.setdefault(words(text), text)
        parts = [c for c in h if isinstance(c.tag, str) and normalize_space(c.text_content())]
        for c in parts:
            text = heading_text(c)
            shown.setdefault(words(text), text)
    for el in root.iter("h2", "h3", "span", "div", "p", "header"):
        if el.tag in ("span", "div", "p", "header") and not _HEADLINE_CLASS.search(
            el.get("class") or ""
        ):
            continue
        text = el.text_content()
        if len(text) < 300 and _shown(el):
            text = heading_text(el)
            shown.setdefault(words(text), text)
    shown.pop("", None)
    return h1s, shown


def _as_shown(meta: str, shown: str) -> str:
    """The metadata's wording (its typography is the publisher's data), unless it is in
    capitals and the page shows the headline in mixed case."""
    if meta.isupper() and not shown.isupper():
        return shown
    return meta


def _truncated(text: str, others: list[str]) -> bool:
    """A title cut short with an ellipsis where another title of the page is whole."""
    if not text.endswith(_ELLIPSIS):
        return False
    key = words(text.rstrip(".…"))
    return any(words(o).startswith(key) and words(o) != key for o in others)


def _best_h1(h1s: list[HtmlElement], titles: list[str]) -> HtmlElement:
    """The <h1> that shares most words with the page's titles; on a tie the one inside an
    <article>, then the first."""
    title_words = set(" ".join(words(t) for t in titles).split())

    def rank(item: tuple[int, HtmlElement]) -> tuple[int, int, int]:
        i, h = item
        shared = len(set(words(heading_text(h)).split()) & title_words)
        in_article = any(a.tag == "article" for a in h.iterancestors())
        return (-shared, 0 if in_article else 1, i)

    return min(enumerate(h1s), key=rank)[1]


def read_headline(page: Page) -> None:
    root, sd = page.root, page.structured
    meta = sd.meta if sd else {}
    art = (sd.article() if sd else None) or {}
    names = site_names(page)
    sections = url_sections(page.url)
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
        clean = strip_site_tail(t, names, [o for o in texts if o is not t], sections)
        if clean:
            cands.append((s, clean))
    h1s, shown = visible_titles(root, names)
    whole = [t for _, t in cands] + [heading_text(h) for h in h1s]
    cands = [(s, t) for s, t in cands if not _truncated(t, whole)]

    # 1. a metadata title shown as a heading (<title> is not one: it often repeats the <h1>
    # where the publisher's own data names another headline), as the page shows it
    for source, text in cands:
        if source == "title":
            continue
        if words(text) in shown:
            page.set("headline", _as_shown(text, shown[words(text)]), source)
            return
    # 2. a metadata title = kicker + the visible <h1>
    for h in h1s:
        key = words(heading_text(h))
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
    # 4. it does not: the visible <h1> most like the titles (a kicker part joined the way
    # titles write it), else any <h1> but the site's logo, else the first title
    h1 = _best_h1(h1s, [t for _, t in cands]) if h1s else next(
        (h for h in root.iterfind(".//body//h1")
         if normalize_space(h.text_content()) and not _is_site_name(heading_text(h), names)),
        None)
    if h1 is not None and heading_text(h1):
        page.set("headline", _kicker_headline(h1) or heading_text(h1), "h1")
        return
    if cands:
        page.set("headline", cands[0][1], cands[0][0])
