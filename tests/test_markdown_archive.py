"""The Markdown archive is valid, escaped CommonMark: read back with markdown-it-py, each
file has exactly the structure of the article (headings, lists, quotes, images with caption
and credit) and no text turned into syntax or raw HTML."""

from __future__ import annotations

import json

from conftest import SITE
from markdown_it import MarkdownIt

from newscrawl.exporters.markdown_archive import to_markdown

PARSER = MarkdownIt("commonmark")


def _tokens(md: str) -> list:
    body = md.split("\n---\n", 1)[1]  # after the front matter
    return PARSER.parse(body)


def _types(md: str) -> list[str]:
    return [t.type for t in _tokens(md) if t.nesting >= 0 and t.type != "inline"]


def _text(md: str) -> str:
    return "".join(child.content for t in _tokens(md) if t.type == "inline"
                   for child in t.children or [] if child.type == "text")


EVIL = ["# Not a heading", "<script>alert(1)</script>", "1. not a list", "- not a bullet",
        "> not a quote", "*not emphasis*", "_nor this_", "[not](a link)", "`not code`",
        "===", "+ plus", "a \\ backslash & an &amp; entity", "<!-- not a comment -->"]


def _item(**extra) -> dict:
    return {"url": "https://news.example/a", "headline": "Kim *wins* # 1 <b>bold</b>", **extra}


def test_text_that_looks_like_markdown_or_html_stays_text() -> None:
    body_html = "".join(f"<p>{p.replace('&', '&amp;').replace('<', '&lt;')}</p>" for p in EVIL)
    md = to_markdown(_item(articleBodyHtml=body_html))
    tokens = _tokens(md)
    assert not [t for t in tokens if t.type in ("html_block", "html_inline")]
    assert not [t for t in tokens for c in t.children or [] if c.type in (
        "html_inline", "em_open", "link_open", "code_inline")]
    assert _types(md) == ["heading_open"] + ["paragraph_open"] * len(EVIL)
    text = _text(md)
    for paragraph in EVIL:
        assert paragraph in text
    assert "Kim *wins* # 1 <b>bold</b>" in text  # the headline, as text


def test_the_plain_text_body_is_escaped_too() -> None:
    md = to_markdown(_item(articleBody="\n\n".join(EVIL)))
    assert _types(md) == ["heading_open"] + ["paragraph_open"] * len(EVIL)
    assert all(p in _text(md) for p in EVIL)


def test_subheadings_lists_quotes_and_code_keep_their_structure() -> None:
    body_html = ("<p>Lead.</p><h2>Background</h2><ul><li>one</li><li>two</li></ul>"
                 "<ol><li>first</li><li>second</li></ol>"
                 "<blockquote><p>We will rebuild.</p></blockquote><h3>Details</h3>"
                 "<pre>x = 1 *2*</pre>")
    types = _types(to_markdown(_item(articleBodyHtml=body_html)))
    assert types == [
        "heading_open", "paragraph_open", "heading_open",
        "bullet_list_open", "list_item_open", "paragraph_open", "list_item_open",
        "paragraph_open", "ordered_list_open", "list_item_open", "paragraph_open",
        "list_item_open", "paragraph_open", "blockquote_open", "paragraph_open",
        "heading_open", "fence"]
    headings = [t.tag for t in _tokens(to_markdown(_item(articleBodyHtml=body_html)))
                if t.type == "heading_open"]
    assert headings == ["h1", "h2", "h3"]


def test_images_carry_caption_and_credit_main_image_first() -> None:
    images = [
        {"url": "https://img.example/a.jpg", "caption": "Second [photo] *x*", "credit": "AP",
         "alt": "alt of a"},
        {"url": "https://img.example/main (1).jpg", "caption": "The harbour.",
         "credit": "Reuters", "alt": "Containers"},
    ]
    md = to_markdown(_item(articleBodyHtml="<p>Body.</p>", images=images,
                           mainImage="https://img.example/main (1).jpg"))
    found = [(c.attrs["src"], c.children[0].content if c.children else "")
             for t in _tokens(md) for c in t.children or [] if c.type == "image"]
    assert found == [("https://img.example/main%20%281%29.jpg", "Containers"),
                     ("https://img.example/a.jpg", "alt of a")]
    text = _text(md)
    assert "The harbour." in text and "Credit: Reuters" in text
    assert "Second [photo] *x*" in text and "Credit: AP" in text
    body = md.split("\n---\n", 1)[1]
    assert body.index("main%20") < body.index("Body.") < body.index("a.jpg")


def test_every_fixture_article_renders_to_valid_markdown_with_its_text() -> None:
    """Each golden item: the archive file holds every paragraph of the body as text."""
    checked = 0
    for path in sorted(SITE.glob("*.expected.json")):
        item = json.loads(path.read_text("utf-8"))
        if item["metadata"].get("notArticle") or not item.get("articleBody"):
            continue
        md = to_markdown(item)
        assert not [t for t in _tokens(md) if t.type == "html_block"], path.name
        text = " ".join(_text(md).split())
        for paragraph in item["articleBody"].split("\n\n"):
            assert " ".join(paragraph.split()) in text, (path.name, paragraph[:60])
        checked += 1
    assert checked >= 10
