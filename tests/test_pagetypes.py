"""The page-type verdict on every labelled fixture page (sidecar "page_type"), and that it
comes from the page's structure: class names, og:type and JSON-LD can be taken away or
lie, and the verdict stays.

The fixtures (fixtures/pagetypes/, fixtures/seoulpost/): WordPress home, category and tag
pages, a news front whose top story shows a long lead, a Korean section list, a German
Ressort page claiming og:type=article, a Drupal search page, a French ticker, a gallery
index, an author page, a newsletter page, consent walls in English, German and French;
and real articles shaped like lists: a live blog, a gallery story, a listicle, an
interview, a 90-word brief beside long rails, an article with a table, a Korean article
with in-body rails, an article with a long related list.
"""

from __future__ import annotations

import pytest
from conftest import FIXTURES
from lxml.html import document_fromstring, fromstring, tostring

from newscrawl import extract_article
from newscrawl.clean.codes import rejection_reason
from newscrawl.clean.pagetype import PAGE_TYPES
from newscrawl.fixtures import load_fixtures

LABELLED = [fx for fx in load_fixtures(FIXTURES) if fx.is_html and fx.page_type]
IDS = [f"{fx.site}/{fx.name}" for fx in LABELLED]
NOT_ARTICLES = [fx for fx in LABELLED if None not in PAGE_TYPES[fx.page_type]]
ARTICLES = [fx for fx in LABELLED if None in PAGE_TYPES[fx.page_type]]


def reason(fx, body: bytes | None = None) -> str | None:
    item = extract_article(body if body is not None else fx.body, fx.url, **fx.context())
    return rejection_reason(item["metadata"]["notArticle"])


def test_the_labelled_set_covers_the_page_types():
    kinds = {fx.page_type for fx in LABELLED}
    assert {"home", "section", "tag", "author", "search", "ticker", "gallery_index",
            "newsletter", "consent"} <= kinds
    assert {"liveblog", "gallery_story", "listicle", "interview", "brief",
            "table_article"} <= kinds
    assert len([fx for fx in NOT_ARTICLES if fx.site == "pagetypes"]) >= 10
    assert len([fx for fx in ARTICLES if fx.site == "pagetypes"]) >= 8
    assert all(fx.page_type in PAGE_TYPES for fx in LABELLED), "unknown page_type label"


@pytest.mark.parametrize("fx", LABELLED, ids=IDS)
def test_verdict_matches_the_label(fx):
    assert reason(fx) in PAGE_TYPES[fx.page_type], fx.page_type


def _without_class_names(body: bytes) -> bytes:
    doc = document_fromstring(body)
    for el in doc.iter():
        if isinstance(el.tag, str):
            el.attrib.pop("class", None)
            el.attrib.pop("id", None)
    return tostring(doc)


@pytest.mark.parametrize("fx", LABELLED, ids=IDS)
def test_verdict_does_not_rest_on_class_names(fx):
    """Every class and id removed: nothing passes or fails on a class name."""
    assert reason(fx, _without_class_names(fx.body)) == reason(fx)


def _claiming_article(body: bytes) -> bytes:
    """The page's declared types removed and og:type=article claimed instead."""
    doc = document_fromstring(body)
    for el in doc.xpath("//meta[@property='og:type']|//script[@type='application/ld+json']"):
        el.getparent().remove(el)
    head = doc.find("head")
    if head is not None:
        head.append(fromstring("<meta property='og:type' content='article'>"))
    return tostring(doc)


@pytest.mark.parametrize(
    "fx", [fx for fx in NOT_ARTICLES if fx.page_type != "newsletter"],
    ids=lambda fx: f"{fx.site}/{fx.name}",
)
def test_a_listing_or_wall_claiming_og_type_article_is_still_rejected(fx):
    """og:type is one weak vote: a section page whose CMS says "article" is a listing.
    (A newsletter page has no teasers: there the claim is what tips it, see README.)"""
    assert reason(fx, _claiming_article(fx.body)) in PAGE_TYPES[fx.page_type]


def _without_metadata(body: bytes) -> bytes:
    doc = document_fromstring(body)
    for el in doc.xpath("//meta[@property='og:type']|//script[@type='application/ld+json']"):
        el.getparent().remove(el)
    return tostring(doc)


@pytest.mark.parametrize("fx", ARTICLES, ids=lambda fx: f"{fx.site}/{fx.name}")
def test_an_article_without_declared_types_is_still_an_article(fx):
    assert reason(fx, _without_metadata(fx.body)) is None
