"""Control characters in a page: blanked in the tree's text whether the page comes as bytes
or as text, so no later stage trips over them (lxml refuses them when text is set)."""

from __future__ import annotations

import pytest

from newscrawl.clean.article import _has_controls, build_page, extract_article

STORY = "<p>" + "The council met on Monday and voted on the harbour budget. " * 8 + "</p>"


@pytest.mark.parametrize("as_bytes", [False, True])
def test_form_feed_and_other_controls_become_spaces(as_bytes):
    html = f"\x0c<!DOCTYPE html><html><body><article><h1>Vote\x0cnow</h1>{STORY}" \
           "<p>One\x01two\x1fthree</p></article></body></html>"
    page = build_page(html.encode() if as_bytes else html, "https://example.com/a")
    texts = [t for el in page.root.iter() for t in (el.text, el.tail) if t]
    assert not any(_has_controls(t) for t in texts)
    assert any("Vote now" in t for t in texts)
    item = extract_article(html.encode() if as_bytes else html, "https://example.com/a")
    assert "council met" in item["articleBody"]


def test_the_check_reads_every_control_and_nothing_else():
    assert not _has_controls("Tab\tnew\nline\r café ü 日本 \U0001F600".encode())
    assert not _has_controls("Tab\tnew\nline\r café ü 日本 \U0001F600 \ud800")
    for code in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)]:
        assert _has_controls(f"a{chr(code)}b") and _has_controls(f"a{chr(code)}b".encode())
