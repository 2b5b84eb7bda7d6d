"""The date walk (dates/body.py _Walk: one loop, verdicts on a stack, class/id verdicts
remembered per pair, rare attributes read only when present) finds exactly what the plain
definition below finds: for each element, its chrome verdict from its parent's, tag, class
and id; its own machine or byline hit; its text; after its children, its tail. Compared on
every fixture page and on generated pages."""

from __future__ import annotations

import dataclasses

from conftest import FIXTURES
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from newscrawl.clean import article
from newscrawl.clean.codes import Stage
from newscrawl.clean.dates import body as B
from newscrawl.clean.dates import weights as W
from newscrawl.clean.dates.context import page_context
from newscrawl.clean.lexicon.common import (
    COMMENT_ITEMPROPS,
    COMMENT_ROLES,
    COMMENT_TAGS,
    DATE_ITEMPROPS,
    PAGE_FRAME_TAGS,
    QUOTED_TAGS,
    SITE_NAV_TAGS,
    UNDATED_TAGS,
)
from newscrawl.clean.lexicon.patterns import COMMENT_ITEMTYPE_RE, RAIL_LABEL
from newscrawl.fixtures import load_fixtures


class _Reference(B._Walk):
    """The walk as first written: a method per event, every attribute read for every
    element, verdicts in a dict keyed by element."""

    def run(self, root):
        self.chrome, self.pos, self.skip, self.inside = {}, 0, 0, False
        self.h_start = self.h_end = self.thread = self.foreign_open = None
        self.recent, self.recent_chrome, self.quotes = "", False, []
        for event, el in etree.iterwalk(root, events=("start", "end")):
            if isinstance(el.tag, str):
                (self._start if event == "start" else self._end)(el)
        return self.hits, self.h_start, self.h_end

    def _parent_chrome(self, el):
        parent = el.getparent()
        return self.chrome.get(parent, False) if parent is not None else False

    def _label(self, chrome):
        return self.recent if self.recent_chrome == chrome else ""

    def _text(self, text, chrome, owner):
        last = self.hits[-1] if self.hits else None
        if last is not None and last.pos < self.pos and len(last.after) < W.LABEL_WINDOW:
            last.after += text
        n = len(self.hits)
        B._text_hit(self.hits, text, self.pos, chrome, self.ctx, self.inside,
                    self._label(chrome))
        if self.quotes and len(self.hits) > n:
            self.hits[-1].quoted = True
        self._own(n, owner)
        self.pos += len(text.strip())
        self.recent, self.recent_chrome = text[-W.LABEL_WINDOW :], chrome

    def _own(self, n, el):
        for hit in self.hits[n:]:
            hit.el, hit.walled = el, self.thread is not None
            hit.foreign = self.foreign_open is not None

    def _is_thread(self, el):
        if el.tag in COMMENT_TAGS or (el.get("role") or "").lower() in COMMENT_ROLES:
            return True
        if not COMMENT_ITEMPROPS.isdisjoint((el.get("itemprop") or "").lower().split()):
            return True
        itemtype = el.get("itemtype")
        if itemtype and any(COMMENT_ITEMTYPE_RE.search(t) for t in itemtype.split()):
            return True
        return any(v and B._thread_words(v) for v in (el.get("class"), el.get("id")))

    def _end(self, el):
        if el.tag in UNDATED_TAGS:
            self.skip -= 1
        if el is self.headline:
            self.h_end = self.pos
        if el is self.container:
            self.inside = False
        if self.quotes and self.quotes[-1] is el:
            self.quotes.pop()
        if el is self.thread:
            self.thread = None
        if el is self.foreign_open:
            self.foreign_open = None
        tail, parent = el.tail, el.getparent()
        if tail and self.skip == 0 and not tail.isspace() and parent is not None:
            n = len(self.hits)
            self._text(tail, self._parent_chrome(el), parent)
            for hit in self.hits[n:]:
                hit.tail_of = el

    def _start(self, el):
        tag = el.tag
        if tag in UNDATED_TAGS:
            self.skip += 1
            return
        if self.skip:
            return
        if el is self.container:
            self.inside = True
        if (self.thread is None and el not in self.keep and self._is_thread(el)
                and not (self.h_end is not None
                         and self.pos - self.h_end < W.THREAD_BELOW_CHARS)):
            self.thread = el
            self.threads.append(el)
        n = len(self.hits)
        cls, ident = el.get("class"), el.get("id")
        if tag in QUOTED_TAGS or cls and B._is_caption_class(cls):
            self.quotes.append(el)
        strong = weak = dateish = micro = False
        if cls:
            strong, weak, dateish, micro = B._class_info(cls)
        if ident and not strong:
            i_strong, i_weak, i_dateish, _ = B._class_info(ident)
            strong, weak, dateish = i_strong, weak or i_weak, dateish or i_dateish
        parent = self._parent_chrome(el)
        c = parent
        if parent is True or el in self.keep:
            pass
        elif (tag in SITE_NAV_TAGS and not (self.inside and tag == "aside") or strong
              or tag == "article" and self.container is not None
              and self.container.tag == "article"):
            c = True
            # chrome that is not the story's: all but a nested <article> inside the story's
            if self.foreign_open is None and not (self.inside and tag == "article"):
                self.foreign_open = el
        elif parent is False and not self.inside and (tag in PAGE_FRAME_TAGS or weak):
            c = None
        self.chrome[el] = c
        if el is self.headline:
            self.h_start = self.pos
        itemprop = (el.get("itemprop") or "").lower()
        quoted = bool(self.quotes)
        if (tag == "time" or itemprop in DATE_ITEMPROPS or el.get("pubdate") is not None
                or (micro and el.get("title")) or not B._DATE_MARKERS.isdisjoint(el.keys())):
            B._machine_hit(self.hits, el, c, itemprop, micro, self.pos, self.inside, quoted,
                           self._label(c))
        elif dateish:
            B._byline_hit(self.hits, el, c, self.pos, self.inside, quoted, self.ctx)
        self._own(n, el)
        text = el.text
        if text and not text.isspace():
            if len(text) <= W.RAIL_LABEL_MAX_CHARS and RAIL_LABEL.match(" ".join(text.split())):
                self.labels.append((el, self.pos))
            self._text(text, c, el)


def _fields(hit: B._Hit) -> tuple:
    return tuple(getattr(hit, f.name) for f in dataclasses.fields(hit))


def _walks(page):
    out = []
    for walk_class in (B._Walk, _Reference):
        walk = walk_class(page, page_context(page))
        hits, h_start, h_end = walk.run(page.root)
        out.append(([_fields(h) for h in hits], h_start, h_end, walk.labels,
                    walk.threads))
    return out


def _page(html: str, url: str = "https://news.example.com/2024/12/story", **context):
    page = article.build_page(html, url, **context)
    for stage in article.STAGES:
        if stage == Stage.DATES:
            break
        article.run_stage(page, stage)
    return page


def test_same_hits_as_the_plain_walk_on_every_fixture_page() -> None:
    pages = [fx for fx in load_fixtures(FIXTURES) if fx.is_html]
    assert len(pages) >= 10
    hits = 0
    for fx in pages:
        new, reference = _walks(_page(fx.body, fx.url, **fx.context()))
        assert new == reference, f"{fx.site}/{fx.name}"
        hits += len(new[0])
    assert hits > 100  # the pages do state dates


_TAGS = ["div", "p", "span", "a", "nav", "aside", "article", "main", "header", "footer",
         "time", "figcaption", "blockquote", "script", "select", "h1", "h2", "ul", "li",
         "section", "vf-comments"]
_CLASSES = [None, "", "comments-area", "commentCount", "nav menu", "site-footer", "byline",
            "post-date entry-date published", "wp-caption-text", "sidebar", "teaser",
            "category-news tag-comments", "updated", "meta", "Related"]
_TEXTS = [None, "", "  ", "Published 3 March 2024", "More stories", "Lesen Sie auch",
          "Updated: 12/04/2023 10:00", "2 hours ago", "A paragraph of story text. " * 3,
          "Storm hits the coast", "vor 4 Stunden", "Monday"]
_ATTRIBUTES = st.fixed_dictionaries({}, optional={
    "class": st.sampled_from(_CLASSES[1:]),
    "id": st.sampled_from(["comments", "main", "footer", "date", "x1"]),
    "itemprop": st.sampled_from(["datePublished", "comment", "headline", "author"]),
    "role": st.sampled_from(["comment", "main", "navigation"]),
    "itemtype": st.just("https://schema.org/Comment"),
    "pubdate": st.just(""),
    "data-date": st.just("2024-03-02"),
    "datetime": st.just("2024-03-01T10:00:00Z"),
    "title": st.just("2024-02-29"),
})


@st.composite
def _trees(draw, depth=0):
    tag = draw(st.sampled_from(_TAGS))
    attributes = draw(_ATTRIBUTES)
    attrs = "".join(f' {k}="{v}"' for k, v in attributes.items())
    text = draw(st.sampled_from(_TEXTS)) or ""
    kids = draw(st.lists(_trees(depth + 1), max_size=3)) if depth < 4 else []
    tail = draw(st.sampled_from(_TEXTS)) or ""
    return f"<{tag}{attrs}>{text}{''.join(kids)}</{tag}>{tail}"


@settings(max_examples=150, deadline=None)
@given(st.lists(_trees(), min_size=1, max_size=4))
def test_same_hits_as_the_plain_walk_on_generated_pages(parts) -> None:
    html = ("<html><head><title>Storm hits the coast | Example News</title></head><body>"
            + "".join(parts) + "</body></html>")
    new, reference = _walks(_page(html, fetched_at="2024-03-04T12:00:00Z"))
    assert new == reference
