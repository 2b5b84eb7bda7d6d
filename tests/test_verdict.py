"""Signals that an extraction looks unreliable, and the not-an-article verdict."""

from __future__ import annotations

from newscrawl import extract_article

PARA = ("The committee heard evidence from residents, engineers and the operator over three "
        "days, and its report, published on Friday, recommends a phased approach. ")


def article(n: int, cls: str = "story") -> str:
    paragraphs = "".join(f"<p>{PARA} Point {i}.</p>" for i in range(n))
    return f'<div class="{cls}">{paragraphs}</div>'


def test_two_bodies_of_similar_weight_are_flagged():
    html = f"<html><body><div>{article(6, 'a')}</div><div>{article(6, 'b')}</div></body></html>"
    item = extract_article(html, "https://x.example/n/1")
    assert "ambiguous_body" in item["metadata"]["warnings"]


def test_one_clear_body_is_not_flagged():
    html = f"<html><body><div>{article(8)}</div><div><p>Short note.</p></div></body></html>"
    item = extract_article(html, "https://x.example/n/1")
    assert item["metadata"]["warnings"] == ["no_date"]


def test_body_much_shorter_than_the_page_is_flagged():
    html = (f'<html><body><div class="lead"><p>{PARA}</p><p>{PARA}</p></div>'
            f"{article(12)}</body></html>")
    item = extract_article(html, "https://x.example/n/1", selectors={"body": ".lead"})
    assert "short_body_for_page" in item["metadata"]["warnings"]


def test_link_dense_listing_is_not_an_article():
    links = "".join(f'<li><a href="/n/{i}">A headline of another story, number {i}</a></li>'
                    for i in range(40))
    item = extract_article(f"<html><body><ul>{links}</ul></body></html>", "https://x.example/")
    assert item["metadata"]["notArticle"]
