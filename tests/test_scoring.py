"""Our candidate scoring (newscrawl.clean.scoring) chooses the same body, with the same
content, as readability-lxml's own steps: on every fixture page and on small pages built to
hit each of readability's rules. And readability stays the fallback when ours fails."""

from __future__ import annotations

import logging

import pytest
from conftest import FIXTURES
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from readability.readability import clean

from newscrawl.clean import content
from newscrawl.clean.article import build_page
from newscrawl.clean.document import parse_html
from newscrawl.clean.metadata import read_metadata
from newscrawl.clean.scoring import clean_length
from newscrawl.fixtures import load_fixtures

PAGES = [fx for fx in load_fixtures(FIXTURES) if fx.is_html]


def _body(html: bytes | str, url: str, steps) -> tuple[bytes | None, dict, list]:
    page = build_page(html, url)
    read_metadata(page)
    content._find_main_content(page, steps)
    body = etree.tostring(page.body) if page.body is not None else None
    return body, dict(page.sources), [str(w) for w in page.warnings]


def _same(html: bytes | str, url: str = "https://example.com/news/1") -> None:
    assert _body(html, url, content._our_steps) == _body(html, url, content._readability_steps)


@pytest.mark.parametrize("fx", PAGES, ids=[f"{fx.site}/{fx.name}" for fx in PAGES])
def test_same_body_as_readability_on_fixture_pages(fx):
    _same(fx.body, fx.url)


_TEXT = "The council met on Monday, and the mayor spoke about the harbour budget. " * 3
_P = f"<p>{_TEXT}</p>"

# Each page exercises rules of readability's steps: the expected body is whatever
# readability makes of it; the test is that ours makes the same.
_LONG = "".join(f"<p>{_TEXT} Paragraph {i}.</p>" for i in range(8))
_LINKS = "".join(f"<a href='/r{i}'>Another story about the harbour, number {i}</a> "
                 for i in range(6))
HAND_MADE = {
    "misused divs and inline runs": (
        f"<div class='story'><div>{_TEXT}</div><div>Loose text <b>bold</b> <i>it</i><br>"
        f"after a break <span>{_TEXT}</span><div><p>{_TEXT}</p></div> tail text.</div>"
        f"<div><picture></picture>{_TEXT}</div><div><abbr>x</abbr> {_TEXT}</div></div>"),
    "unlikely candidates and their exceptions": (
        f"<div class='sidebar'>{_P}</div><div class='comment article'>{_P * 2}</div>"
        f"<div id='footer'><pre class='menu'>{_TEXT}</pre></div>"
        f"<div class='header'><article>{_P * 3}</article></div>"
        f"<div class='sidebar-ü'>{_P}</div><div class='menü'>{_P * 3}</div>"),
    "link density and class weights": (
        f"<div class='post-content'>{_P * 4}<ul class='related'><li><a href='/a'>{_TEXT}"
        f"</a></li><li><a href='/b'>{_TEXT}</a></li></ul></div>"
        f"<div class='widget'><a href='/x'>{_TEXT}</a>{_P}</div>"),
    "articleBody itemprop": (
        f"<div>{_P * 6}<div itemprop='articleBody'>{_P * 2}</div></div>"),
    "nested article in the pick": f"<div class='content'>{_P * 6}<article>{_P * 3}</article></div>",
    "semantic article beside a pick in an aside": (
        f"<aside>{_P * 4}</aside><article><ul>" + f"<li>{_TEXT}</li>" * 12
        + "<li>short item</li></ul></article><nav><article><ul><li>x</li></ul></article></nav>"
        + f"<article><p>{_LINKS}</p></article>"),
    "semantic article that scores lower": (
        f"<aside>{_P * 9}</aside><article><ul><li>{_TEXT}</li><li><a href='/x'>A link to "
        "another story</a></li></ul></article>"),
    "pick in a form, no article": f"<form>{_P * 4}</form>",
    "main with much more text than the pick": (
        f"<main><div class='lead'>{_P * 3}</div><ul>" + f"<li>{_TEXT}</li>" * 12
        + "</ul></main>"),
    "main with links": (
        f"<main><div class='lead'>{_P * 3}</div><ul>"
        + f"<li><a href='/x'>{_TEXT}</a> {_TEXT}</li>" * 12 + "</ul></main>"),
    "siblings: short sentences, a heading preamble too short": (
        f"<div><h2>Short</h2><div class='x'>{_P * 6}</div><p>It rained. Then it stopped.</p>"
        f"<p><a href='/y'>{_TEXT}</a></p><p>{'words ' * 11}and so on</p>"
        f"<p>{'words ' * 12}and so on</p></div>"),
    "heading preamble": (
        f"<div><div><h2>A sub-heading that runs long enough to count</h2></div>"
        f"<div class='x'>{_P * 4}</div></div>"),
    "segments in an article, with a quotation and its lead": (
        f"<article><div class='wrap'><div class='article-text'>{_P * 4}</div></div>"
        "<div class='ad-slot'>Advert</div><div class='wrap2'>"
        "<p>He told reporters the following, at length and in detail:</p>"
        f"<div class='article-text'><blockquote>{_TEXT}</blockquote>{_P * 3}</div></div>"
        f"<div class='wrap3'><div class='article-text other'>{_P * 2}<p>{_LINKS * 3}</p></div>"
        f"</div><div class='wrap4'><div class='column-text'>{_P * 3}</div></div>"
        f"<div class='wrap5'><div class='info'>{_P * 3}</div></div></article>"),
    "segments of a neutral class in an article": (
        f"<article><div class='w'><div class='blk'>{_P * 4}</div></div><div class='w2'>"
        f"<div class='blk'>{_P * 2}</div></div><div class='w3'><div class='blk extra'>"
        f"{_P * 2}</div></div></article>"),
    "segments before the pick, leads of quotations": (
        f"<article><div class='w0'><div class='story-text'><blockquote>{_TEXT}</blockquote>"
        f"{_P}</div></div><div class='w1'><p>Short lead:</p><div class='story-text'>"
        f"<blockquote>{_TEXT}</blockquote>{_P * 2}</div></div><div class='w2'>"
        f"<div class='story-text'>{_P * 5}</div></div></article>"),
    "segments of classless articles": (
        f"<main class='m'><div class='p1'><article>{_P * 4}</article></div><div class='p2'>"
        f"<article>{_P * 3}</article></div><div class='p1 x'><article>{_P * 3}</article>"
        "</div></main>"),
    "segments under a positively classed frame": (
        f"<div class='post'><div class='a'><div class='entry-text'>{_P * 4}</div></div>"
        f"<div class='b'><div class='entry-text'>{_P * 3}</div></div>"
        f"<div class='c'><article>{_P * 2}</article></div></div>"),
    "editorial leads": (
        "<article><div class='standfirst'><p class='dek'>The short lead of the story.</p>"
        f"</div><p class='subtitle'>{_LINKS}</p><div class='body'>{_P * 5}</div></article>"),
    "sanitize: headers, calls to action, forms, iframes": (
        f"<div class='entry'><h2 class='promo'>Promo heading</h2><h3><a href='/x'>Linked"
        f"</a></h3>{_P * 3}<p><a href='/s'>Sign up now</a> for the newsletter</p>"
        "<form><input></form><textarea>x</textarea>"
        "<iframe src='https://www.youtube.com/embed/x'></iframe><iframe src='/ad'></iframe>"
        f"<iframe src='http://[oops/'></iframe>{_P * 3}</div>"),
    "sanitize: conditional clean-up": (
        f"<div class='entry'>{_LONG}<table><tr><td>{_TEXT}</td></tr></table>"
        "<ul><li>one</li><li>two</li></ul>"
        f"<div><p>{_TEXT}</p><img src='1.jpg'><img src='2.jpg'><img src='3.jpg'></div>"
        "<div><ul>" + "<li>item</li>" * 102 + "</ul></div>"
        f"<div><input><input><p>{_TEXT}</p></div><div><img src='c.jpg'></div>"
        f"<div>{'a, ' * 12}</div><div><p>{_LINKS}</p></div>"
        f"<div class='content-links'><p>{_LINKS}</p> and some words</div>"
        "<div class='content-mixed'><p><a href='/m'>A link to another story about the "
        "harbour</a></p> and some words of text about it too.</div>"
        f"<div><embed src='x'><embed src='y'><p>{_TEXT}</p></div>"
        "<div><embed src='z'><p>short</p></div>"
        f"<div><img src='4.jpg'><img src='5.jpg'><img src='6.jpg'></div>{_LONG}"
        f"<div><img src='d.jpg'></div><p>{_TEXT * 4}</p></div>"),
    "sanitize: lists of contents and quotation leads": (
        f"<div class='entry'>{_P * 4}<h2>Table of contents</h2><ul><li><a href='#a'>A</a>"
        "</li></ul><section>The minister then said, in a statement to reporters:</section>"
        f"<div><blockquote>{_TEXT}</blockquote></div><section>Short:</section>"
        f"<div><blockquote>{_TEXT}</blockquote></div>{_P * 4}</div>"),
    "unlikely class words on the words of a sentence": (
        f"<div class='entry'>{_P * 3}<p>Residents of <span class='menu'>Riverside</span> and "
        "<a class='sidebar-link' href='/t'>Eastbank</a> welcomed the plan, said <em "
        "id='comment-1'>officials</em> on Tuesday.<a class='footnote' href='#f1'>1</a></p>"
        f"<div class='comments'>{_P}</div>{_P * 2}</div>"),
    "whitespace runs in text lengths": (
        f"<div>{_P}<p>{'word  ' * 6}\t\t{'x' * 3}\n\n  {' ' * 300}end, \u00a0 \u2003 "
        f"{_TEXT}</p><p>  short\n text  </p>{_P}</div>"),
}


def _steps(html: str, steps) -> tuple[bytes | None, list]:
    """readability's sequence of steps (as content.py runs them) straight on a parsed page,
    without our chrome pruning, so that forms, iframes and the like reach the scorer."""
    out = []
    for ruthless in (True, False):
        work = parse_html(html)
        doc = steps(work, "https://example.com/news/1")
        if ruthless:
            doc.remove_unlikely_candidates()
        doc.transform_misused_divs_into_paragraphs()
        candidates = doc.score_paragraphs()
        best = doc.select_best_candidate(candidates)
        if best:
            best = doc.get_semantic_article_candidate(candidates, best)
            best = doc.get_semantic_main_candidate(candidates, best)
        if not best:
            out.append(None)
            continue
        out.append(sorted((round(c["content_score"], 9), c["elem"].tag)
                          for c in candidates.values()))
        article = doc.get_article(candidates, best, html_partial=True)
        doc.sanitize(article, candidates)
        out.append(etree.tostring(article))
    return out


@pytest.mark.parametrize("name", list(HAND_MADE))
def test_same_steps_as_readability_on_hand_made_pages(name):
    html = f"<html><head><title>T</title></head><body>{HAND_MADE[name]}</body></html>"
    ours = _steps(html, content._our_steps)
    assert ours == _steps(html, content._readability_steps)
    assert any(isinstance(x, bytes) for x in ours)  # a body was chosen
    _same(html)


def test_no_candidate_in_either():
    html = "<html><body><div><span>tiny</span></div></body></html>"
    assert _steps(html, content._our_steps) == _steps(html, content._readability_steps) == [
        None, None]


@given(st.text(alphabet=st.sampled_from(list("ab ,:\t\n\r\u00a0\u2003\x0b\x1c")), max_size=80))
def test_clean_length_is_readability_clean(text):
    assert clean_length(text) == len(clean(text))


def test_clean_length_on_long_runs():
    for text in ("a" + " " * 254 + "b", "a" + " " * 255 + "b", "a" + "\t" * 300 + "b",
                 "a \n\n \t b", "a\t\tb", " \t a \t "):
        assert clean_length(text) == len(clean(text))


def test_readability_steps_take_over_when_ours_fail(monkeypatch, caplog):
    html = f"<html><body><div class='story'>{_P * 4}</div></body></html>"
    expected = _body(html, "https://example.com/a", content._readability_steps)

    def broken(work, url):
        raise RuntimeError("scorer bug")

    monkeypatch.setattr(content, "_our_steps", broken)
    page = build_page(html, "https://example.com/a")
    read_metadata(page)
    with caplog.at_level(logging.ERROR, logger="newscrawl.clean.content"):
        content.find_main_content(page)
    assert etree.tostring(page.body) == expected[0]
    assert "readability's own steps instead" in caplog.text
