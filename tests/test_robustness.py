"""The cleaning library never raises on any input: arbitrary bytes and text, tag soup, and
real fixture pages cut, duplicated and truncated at random. `newscrawl.extract_article`
returns a dict, or raises NotHTML (and nothing else)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import SITE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscrawl import extract_article
from newscrawl.clean.codes import Stage, WarningCode
from newscrawl.clean.document import MAX_DEPTH, NotHTML
from newscrawl.fixtures import load_fixtures

URL = "https://www.seoulpost.example/news/1001-some-article"
# A fetch time and a site zone, so relative and year-less dates are read too.
CONTEXT = {"fetched_at": "2024-12-02T10:00:00Z", "timezone": "Asia/Seoul"}
STAGE_FAILED = tuple(str(WarningCode.stage_failed(stage)) for stage in Stage)
# Modest in CI; NEWSCRAWL_HYPOTHESIS_EXAMPLES=1000 for a longer hunt.
EXAMPLES = int(os.environ.get("NEWSCRAWL_HYPOTHESIS_EXAMPLES", "40"))
FAST = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

PAGES = [fx.body for fx in load_fixtures(Path(SITE)) if fx.is_html]

SOUP = st.sampled_from([
    "<html>", "</html>", "<head>", "<body>", "</body>", "<div class='article-body'>", "</div>",
    "<p>", "</p>", "<article>", "</article>", "<h1>", "</h1>", "<script>", "</script>",
    "<style>", "<!--", "-->", "<![CDATA[", "]]>", "<?xml version='1.0'?>", "<!DOCTYPE html>",
    "&#0;", "&#xD800;", "&#x110000;", "&amp;", "&nbsp;", "&unknown;", "<meta charset='utf-16'>",
    "<meta charset='x-nonsense'>", "<table><tr><td>", "<svg><foreignObject>", "<math>",
    "<img src='data:,'>", "<a href='javascript:alert(1)'>", "<time datetime='99999-99-99'>",
    "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"datePublished\":",
    "<meta property='article:published_time' content='2024-13-45T25:61:00+99:00'>",
    "<figure><img src='/x.jpg'><figcaption>", "<img src='http://[oops/x.jpg'>",
    "<a href='http://[oops'>", "<a href='http://a:b/'>", "\x00", "\ufeff", "\u202e", "\r", "\n",
    "A sentence long enough to count as a paragraph of an article body, more or less. ",
])


def check(result_or_raises) -> None:
    """Call extract_article; NotHTML is the only exception allowed."""
    try:
        item = result_or_raises()
    except NotHTML:
        return
    assert isinstance(item, dict)
    assert isinstance(item["articleBody"], str) and isinstance(item["metadata"], dict)
    # extract_article survives a failing stage (run_stage, the library's only catch-all),
    # but no stage should fail: the dates stage included.
    failed = [w for w in item["metadata"]["warnings"] if w.startswith(STAGE_FAILED)]
    assert not failed


@FAST
@given(st.binary(max_size=4096))
def test_arbitrary_bytes(body):
    check(lambda: extract_article(body, URL, **CONTEXT))


@FAST
@given(st.text(max_size=4096))
def test_arbitrary_text(text):
    check(lambda: extract_article(text, URL, **CONTEXT))


@FAST
@given(st.lists(SOUP, max_size=300), st.sampled_from([None, "text/html; charset=utf-16",
                                                      "text/html; charset=bogus", "text/html"]))
def test_tag_soup(parts, content_type):
    html = "".join(parts)
    check(lambda: extract_article(html.encode("utf-8", "surrogatepass"), URL,
                                  headers={"Content-Type": content_type} if content_type else {},
                                  **CONTEXT))


@st.composite
def mutated_page(draw) -> bytes:
    body = bytearray(draw(st.sampled_from(PAGES)))
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["delete", "duplicate", "truncate", "insert"]))
        i = draw(st.integers(0, len(body)))
        j = draw(st.integers(i, min(len(body), i + 4000)))
        if op == "delete":
            del body[i:j]
        elif op == "duplicate":
            body[i:i] = body[i:j]
        elif op == "truncate":
            del body[i:]
        else:
            body[i:i] = draw(st.binary(min_size=1, max_size=64))
    return bytes(body)


@FAST
@given(mutated_page(), st.booleans())
def test_mutated_fixture_pages(body, as_text):
    html: bytes | str = body.decode("utf-8", "replace") if as_text else body
    check(lambda: extract_article(html, URL, headers={"Content-Type": "text/html"}, **CONTEXT))


def test_malformed_urls_in_markup_do_not_lose_the_article():
    """Hrefs and srcs that make urljoin raise ("http://[oops"): the article still comes out."""
    paragraph = "<p>" + "A sentence long enough to be read as part of the article. " * 8 + "</p>"
    html = ("<html><head><link rel='canonical' href='http://[oops/x'>"
            "<meta property='og:image' content='http://[oops/i.jpg'></head><body><article>"
            "<h1>Headline</h1><figure><img src='http://[oops/x.jpg'><figcaption>Caption"
            f"</figcaption></figure>{paragraph * 3}</article></body></html>")
    item = extract_article(html, URL)
    assert item["canonicalUrl"] is None and item["mainImage"] is None
    assert item["articleBody"].count("A sentence long enough") == 24
    assert not item["metadata"]["notArticle"]


@pytest.mark.parametrize("levels", [MAX_DEPTH + 50, 5000])
def test_a_page_nested_too_deep_is_flattened_with_a_warning(levels):
    """Deeper than MAX_DEPTH (limit_depth flattens the tree) or than the parser takes
    (parsed again without the wrappers): the text is kept, `deep_nesting` says so."""
    paragraph = "<p>" + "Night buses now reach the outer suburbs every half hour. " * 6 + "</p>"
    story = f"<article><h1>Night buses</h1>{paragraph * 3}</article>"
    html = f"<html><body>{'<div>' * levels}{story}{'</div>' * levels}</body></html>"
    item = extract_article(html, URL)
    assert "deep_nesting" in item["metadata"]["warnings"]
    assert item["articleBody"].count("Night buses now reach") == 18
    shallow = extract_article(f"<html><body>{'<div>' * 20}{story}{'</div>' * 20}</body></html>",
                              URL)
    assert "deep_nesting" not in shallow["metadata"]["warnings"]


def test_a_failing_stage_is_reported_not_swallowed(monkeypatch):
    """A bug in the dates package reaches run_stage: the page keeps what the other stages
    made, with a warning naming the stage, and the property tests above would fail on it."""
    from newscrawl.clean.dates import body

    def broken(page, ctx):
        raise KeyError("bug")

    monkeypatch.setattr(body, "read_body", broken)
    monkeypatch.setattr("newscrawl.clean.dates.read_body", broken)
    item = extract_article(PAGES[0], URL, **CONTEXT)
    assert "dates_stage_failed:KeyError" in item["metadata"]["warnings"]
    assert item["articleBody"]
    with pytest.raises(AssertionError):
        check(lambda: extract_article(PAGES[0], URL, **CONTEXT))
