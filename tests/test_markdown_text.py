"""The archive's Markdown without an HTML parser gives markdownify's output, exactly, on
what the archive converts: plain paragraphs and the body's minimal HTML."""

from __future__ import annotations

import html
import json

from conftest import FIXTURES
from hypothesis import given, settings
from hypothesis import strategies as st

from newscrawl.clean.render import Block, blocks_to_html, normalize_space
from newscrawl.exporters.markdown_archive import _CONVERTER
from newscrawl.exporters.markdown_text import (
    _LIST_MARK,
    _escape_list_marks,
    body_markdown,
    paragraphs_markdown,
)

# Markdown syntax, HTML specials, spaces of several kinds, digits for list markers.
CHARS = list("ab AZ09.)-#*_`[]\\&<>~=+|!\"'\t\n:;/,\u00a0\u2003\u3000é日") + ["1. ", "- ", "## "]


def reference(fragment: str) -> str:
    return _CONVERTER.convert(fragment).strip()


@given(st.lists(st.sampled_from(CHARS), max_size=60).map("".join))
@settings(max_examples=400)
def test_paragraphs_as_markdownify_writes_them(text):
    expected = reference("".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n")))
    assert paragraphs_markdown(text) == expected


# Runs of digits, marks and spaces: where list-marker escapes start, end and touch.
LIST_CHARS = list("0123456789.)a \t\n\u00a0\u2003") + ["1. ", "12) ", "1234567890."]


@given(st.lists(st.sampled_from(LIST_CHARS), max_size=30).map("".join))
@settings(max_examples=1000)
def test_list_marks_escaped_as_the_pattern_does(text):
    assert _escape_list_marks(text) == _LIST_MARK.sub(r"\1\\\2", text)


BLOCK = st.tuples(
    st.sampled_from(["p", "h2", "h3", "h4", "li", "oli", "quote", "pre", "cell"]),
    st.lists(st.sampled_from(CHARS), min_size=1, max_size=30).map("".join),
    st.integers(0, 2),
)


@given(st.lists(BLOCK, min_size=1, max_size=8))
@settings(max_examples=400)
def test_body_html_as_markdownify_writes_it(blocks):
    made = [Block(kind, normalize_space(text), group) for kind, text, group in blocks]
    made = [b for b in made if b.text]  # render never writes an empty block
    if not made:
        return
    fragment = blocks_to_html(made)
    assert body_markdown(fragment) == reference(fragment)


def test_every_fixture_article():
    checked = 0
    for path in FIXTURES.rglob("*.expected.json"):
        item = json.loads(path.read_text("utf-8"))
        if item.get("articleBodyHtml"):
            assert body_markdown(item["articleBodyHtml"]) == reference(item["articleBodyHtml"])
            checked += 1
        for text in (item.get("headline"), *(i.get("caption") for i in item.get("images", []))):
            if text:
                assert paragraphs_markdown(text) == reference(f"<p>{html.escape(text)}</p>")
    assert checked >= 30


def test_anything_else_is_left_to_markdownify():
    assert body_markdown("<p class='x'>a</p>") is None
    assert body_markdown("<div>a</div>") is None
    assert body_markdown("<ul>\n<p>a</p>\n</ul>") is None
    assert body_markdown("<li>a</li>") is None
    assert body_markdown("<ul>\n<li>a</li>") is None
    assert body_markdown("<p>a<b>b</b></p>") is None
    assert body_markdown("<p>a\x01</p>") is None
    assert paragraphs_markdown("a\rb") is None
