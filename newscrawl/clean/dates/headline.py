"""The article's headline element, the anchor every visible date is measured from."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from ..lexicon.common import HOST_LABELS_NOT_NAMES
from ..lexicon.patterns import TITLE_CLASS
from ..links import split_url
from ..page import Page


def _norm(text: str) -> str:
    return " ".join(text.replace("\xad", "").split()).casefold()


_TITLE_SPLIT = re.compile(r"\s+[|\-–—:·»•]+\s+|\s+::\s+")


def _title_parts(page: Page) -> list[str]:
    """The page title as the publisher gives it (og:title, <title> and its parts around
    "|", " - "...), minus the site name."""
    meta = page.structured.meta if page.structured else {}
    site = _norm(meta.get("og:site_name") or "")
    parts: list[str] = []
    for raw in (meta.get("og:title"), meta.get("twitter:title"), page.root.findtext(".//title")):
        if not raw:
            continue
        whole = _norm(raw)
        parts.append(whole)
        parts += [p for p in _TITLE_SPLIT.split(whole) if p != whole]
    label = _site_label(page.url)
    return [
        p
        for p in dict.fromkeys(parts)
        if len(p) >= 8 and p != site and not (label and _names_site(p, label))
    ]


def _site_label(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    labels = [x for x in host.split(".") if x not in HOST_LABELS_NOT_NAMES]
    return max(labels[:-1] or labels, key=len, default="").replace("-", "")


def _names_site(part: str, label: str) -> bool:
    """A title part that is the site's name ("Wiener Badminton Verband" on wienbadminton.at)."""
    squashed = re.sub(r"\W", "", part)
    if len(squashed) > 3 * max(len(label), 8):
        return False
    if len(label) >= 6:
        return any(label[i : i + 6] in squashed for i in range(len(label) - 5))
    return squashed.startswith(label) and len(squashed) <= len(label) + 6  # "carta.info"


def _title_match(text: str, titles: list[tuple[str, set[str]]]) -> float:
    """How well a heading says what the title says (headlines and SEO titles often differ
    in a few words): the number of shared words, 0 when they do not match. `titles`: the
    title parts with their words."""
    if len(text) < 8:
        return 0.0
    words = set(re.findall(r"\w+", text))
    best = 0.0
    for t, other in titles:
        short, long_ = (text, t) if len(text) <= len(t) else (t, text)
        if short in long_ and len(short) >= 0.6 * len(long_):
            best = max(best, len(short) / 6)  # also for scripts written without spaces
        shared = len(words & other)
        small = min(len(words), len(other))
        if small >= 3 and shared >= 0.6 * small:
            best = max(best, float(shared))
    return best


def _is_logo(el: HtmlElement, page: Page) -> bool:
    """A site name dressed as a heading: it links to the home page or holds the logo."""
    if el.find(".//img") is not None:
        return True
    links = [a.get("href") or "" for a in el.iterancestors("a")] + [
        a.get("href") or "" for a in el.iter("a")
    ]
    page_parts = split_url(page.url)
    for href in links:
        parts = split_url(href.strip()) if "://" in href else None
        if "://" in href and parts is None:
            continue  # a malformed link is nobody's home page
        path = parts.path if parts is not None else href.strip()
        if path in ("", "/", "./", "/index.html", "/index.php") and (
            parts is None or (page_parts is not None and parts.hostname == page_parts.hostname)
        ):
            return True
    return False


@lru_cache(maxsize=16384)
def _title_class(cls: str) -> bool:
    """A class that names a title ("entry-title", "headline"); remembered: the headline search
    asks for every block's class."""
    return TITLE_CLASS.search(cls) is not None


# A headline may stand at any heading level: small sites and blog themes use <h4> or <h5>.
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def find_headline(page: Page) -> HtmlElement | None:
    """The article's headline element: the heading that best says what the page title says
    (an <h1> preferred), else the first <h1> that reads like a headline. A site name or
    logo in an <h1> is not a headline."""
    titles = _title_parts(page)
    title_words = [(t, set(re.findall(r"\w+", t))) for t in titles]
    best, best_score = None, 0.0
    seen = 0
    for el in page.root.iter(*HEADINGS, "div", "span", "p", "td", "strong", "b", "a"):
        tag = el.tag
        if tag not in HEADINGS and not (
            el.get("itemprop") == "headline" or (cls := el.get("class")) and _title_class(cls)
        ):
            continue
        seen += 1
        if seen > 300:
            break
        text = _norm(el.text_content())
        if not text or len(text) > 300:
            continue
        score = _title_match(text, title_words)
        if score <= 0:
            continue
        score += 3 if tag == "h1" else 1 if tag == "h2" else 0
        if score > best_score and not _is_logo(el, page):
            best, best_score = el, score
    if best is not None:
        return best
    # No heading says what the title says. Widget titles are often <h1>s too ("Quicklinks",
    # "Hotels buchen"): the headline is the heading followed by the most running text, an
    # <h2> only when no other <h2> leads text (several: a list of posts).
    leading: list[tuple[int, HtmlElement]] = []
    for n, h in enumerate(page.root.iter("h1", "h2")):
        if n >= 30:
            break
        if len(h.text_content().split()) >= (3 if h.tag == "h1" else 4):
            amount = _prose_after(h)
            if amount >= 200 and not _is_logo(h, page):
                leading.append((amount, h))
    if leading:
        amount, h = max(leading, key=lambda x: x[0])
        if h.tag == "h1" or sum(1 for _a, o in leading if o.tag == "h2") == 1:
            return h
    for h in page.root.iter("h1"):
        if len(h.text_content().split()) >= 3 and not _is_logo(h, page):
            return h
    if not titles:
        # a title that only names the site, a logo for <h1>: the first real <h2>
        for h in page.root.iter("h2"):
            if len(h.text_content().split()) >= 4 and not _is_logo(h, page):
                return h
    return None


def _prose_after(heading: HtmlElement) -> int:
    """Characters of paragraph text that follow a heading before the next main heading."""
    total = 0
    for el in heading.xpath("following::*[position() <= 60]"):
        if el.tag in ("h1", "h2"):
            break
        if el.tag == "p":
            text = (el.text or "").strip()
            total += len(text) if len(text) >= 40 else 0
    return total


def headline_container(headline: HtmlElement | None) -> HtmlElement | None:
    """The headline's article: its nearest <article> or <main> ancestor."""
    if headline is None:
        return None
    for anc in headline.iterancestors():
        if anc.tag in ("article", "main") or anc.get("role") == "main":
            return anc
    return None
