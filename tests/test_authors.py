"""Authors are people: names split off their bylines, roles and interface text are not names."""

from __future__ import annotations

import json

import pytest

from newscrawl.clean.article import extract_article
from newscrawl.clean.authors import looks_like_name, split_names

URL = "https://news.example.com/politics/2024/budget-talks"
STORY = "".join(
    f"<p>Paragraph {n} of the story about the budget talks, long enough to be text of the "
    "article rather than a caption or a label, with a few more words at its end.</p>"
    for n in range(6)
)


@pytest.mark.parametrize(
    "byline, names",
    [
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("Christoph Hein Chefredakteur", ["Christoph Hein"]),  # a role after the name
        ("Jan Fleischhauer, Kolumnist", ["Jan Fleischhauer"]),
        ("GARY B. GRAVES, AP Sports Writer", ["GARY B. GRAVES"]),  # the name's title
        ("Redaktion: Roman Warschauer und Marcel Sommer", ["Roman Warschauer", "Marcel Sommer"]),
        ("Авторы: Дмитрий Попов", ["Дмитрий Попов"]),
        ("Tokpanan Doré -", ["Tokpanan Doré"]),
        ("Mathatisi Sebusi/Mohalenyane Phakela", ["Mathatisi Sebusi", "Mohalenyane Phakela"]),
        ("Guardian staff reporter", ["Guardian staff reporter"]),  # a credit stays as written
        ("Kolumnist", []),
    ],
)
def test_split_names(byline: str, names: list[str]) -> None:
    assert split_names(byline) == names


@pytest.mark.parametrize(
    "text",
    ["Zur Artikelübersicht", "Alle Beiträge", "Online News Editor", "ENTERTAINER OF THE YEAR",
     "Die Südtiroler Gesellschaft", "Redaktion:", "ライトハウス国際特許事務所"],
)
def test_interface_text_roles_and_long_cjk_strings_are_not_names(text: str) -> None:
    assert not looks_like_name(text)


@pytest.mark.parametrize(
    "text", ["Jane Doe", "Lê Phương", "MORITZ GATHMANN", "선수민", "Ulrich von Hutten"]
)
def test_names(text: str) -> None:
    assert looks_like_name(text)


def _page(head: str, body: str) -> str:
    return (f"<html><head><title>Budget talks end</title>{head}</head><body><article>"
            f"<h1>Budget talks end</h1>{body}</article></body></html>")


def test_a_byline_line_without_author_markup() -> None:
    body = ("<ul class='list-informations'><li>Veröffentlicht am 13. Mai 2026</li>"
            "<li>Von: <span><a href='/bill-mccarthy'>Bill MCCARTHY</a>, </span>"
            "<span><a href='/marisha-goldhamer'>Marisha GOLDHAMER</a></span></li></ul>" + STORY)
    item = extract_article(_page("", body), URL)
    assert item["authors"] == ["Bill MCCARTHY", "Marisha GOLDHAMER"]


def test_a_bold_byline_paragraph_replaces_the_outlet_and_leaves_the_body() -> None:
    ld = json.dumps({"@type": "NewsArticle", "headline": "Budget talks end",
                     "author": {"@type": "Person", "name": "News Example"}})
    head = (f"<script type='application/ld+json'>{ld}</script>"
            "<meta property='og:site_name' content='News Example'>")
    body = "<p><strong>Jane Doe/John Roe</strong></p>" + STORY
    item = extract_article(_page(head, body), URL)
    assert item["authors"] == ["Jane Doe", "John Roe"]
    assert "Jane Doe" not in item["articleBody"]


def test_a_bold_subheading_is_no_byline() -> None:
    ld = json.dumps({"@type": "NewsArticle", "headline": "Budget talks end",
                     "author": {"@type": "Organization", "name": "News Example"}})
    head = f"<script type='application/ld+json'>{ld}</script>"
    body = "<p><strong>Blaue Plakette</strong></p>" + STORY
    item = extract_article(_page(head, body), URL)
    assert item["authors"] == ["News Example"]
    assert "Blaue Plakette" in item["articleBody"]


def test_a_photographer_in_a_caption_is_no_author() -> None:
    body = ("<figure><img src='/img/a.jpg'><figcaption>Soldiers at the border. "
            "<span class='byline'>Jane Doe</span></figcaption></figure>" + STORY)
    item = extract_article(_page("", body), URL)
    assert "Jane Doe" not in item["authors"]
