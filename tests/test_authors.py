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
        # someone else's credit inside the byline goes: photographer, editor
        ("Text: Anna Müller, Fotos: Peter Schmidt", ["Anna Müller"]),
        ("Fotos: Peter Schmidt, Text: Anna Müller", ["Anna Müller"]),
        ("Von Anna Müller (Text) und Peter Schmidt (Fotos)", ["Anna Müller"]),
        ("Reporting by Jane Doe; Editing by John Roe", ["Jane Doe"]),
        ("Words: Jane Doe. Pictures: John Roe", ["Jane Doe"]),
        ("Текст: Иван Петров, фото: Анна Смирнова", ["Иван Петров"]),
        ("Reporter: Budi Santoso | Editor: Siti Aminah", ["Budi Santoso"]),
        ("Penulis: Budi Santoso, Fotografer: Siti Aminah", ["Budi Santoso"]),
        ("Kontributor Budi Santoso", ["Budi Santoso"]),  # Indonesian prefixes and roles
        ("Ditulis oleh Budi Santoso", ["Budi Santoso"]),
        ("Budi Santoso Jurnalis", ["Budi Santoso"]),
        ("Jan Kowalski, dziennikarz", ["Jan Kowalski"]),  # Polish roles and joiners
        ("Autorka: Anna Nowak oraz Jan Kowalski", ["Anna Nowak", "Jan Kowalski"]),
        ("Иван Петров, корреспондент", ["Иван Петров"]),  # Russian roles, photographer
        ("Текст: Иван Петров, фотограф: Анна Смирнова", ["Иван Петров"]),
        ("Ahmet Yılmaz, İstanbul muhabiri", ["Ahmet Yılmaz"]),  # Turkish roles
        ("Ahmet Yılmaz Muhabir", ["Ahmet Yılmaz"]),
        # joiners of every language split; a surname joined by "y" stays whole
        ("Por María García y Juan Pérez", ["María García", "Juan Pérez"]),
        ("Por José Ortega y Gasset", ["José Ortega y Gasset"]),
        ("Иван Петров и Анна Смирнова", ["Иван Петров", "Анна Смирнова"]),
        ("Przez Jan Kowalski i Anna Nowak", ["Jan Kowalski", "Anna Nowak"]),
        ("By Jane Doe with additional reporting by John Roe", ["Jane Doe", "John Roe"]),
        # roles, datelines and contacts written onto names in scripts without spaces
        ("글 김민수 기자", ["김민수"]),
        ("(서울=연합뉴스) 김민수 기자 =", ["김민수"]),
        ("김민수 기자 kms@example.co.kr", ["김민수"]),
        ("記者王小明／台北報導", ["王小明"]),
        ("文/王小明", ["王小明"]),
        ("文在寅", ["文在寅"]),  # 文 is also a surname: a prefix only with a mark after it
        ("山田太郎記者", ["山田太郎"]),
        ("بقلم: أحمد محمد", ["أحمد محمد"]),
        # dates, handles, places and labels glued to the name
        ("By Jane Doe • March 12, 2024", ["Jane Doe"]),
        ("By Joe Matazzoni, Wikimedia Foundation June 28th, 2018",
         ["Joe Matazzoni", "Wikimedia Foundation"]),
        ("By Jane Doe Updated March 12, 2024 10:00 AM", ["Jane Doe"]),
        ("By Jane Doe @janedoe", ["Jane Doe"]),
        ("By Jane Doe in Kyiv", ["Jane Doe"]),
        ("von Autor:Georg Holzer", ["Georg Holzer"]),
        ("Door onze redacteur Jan de Vries", ["Jan de Vries"]),
        # an agency credited beside the writer stays (the page credits it); the outlet's
        # web address marks the outlet
        ("By Jane Doe, Reuters", ["Jane Doe", "Reuters"]),
        ("Tom Davies Associated Press", ["Tom Davies", "Associated Press"]),
        ("Engin Haupt, MDR SACHSEN-ANHALT", ["Engin Haupt", "MDR SACHSEN-ANHALT"]),
        ("Von Anna Müller, dpa", ["Anna Müller", "dpa"]),
        # a place after a name goes; a weekday left of a date line goes
        ("By Jane Doe, Washington", ["Jane Doe"]),
        ("Markus M. Haefliger, London, Beat Bumbacher", ["Markus M. Haefliger", "Beat Bumbacher"]),
        ("Jeff Foust Monday, November 18th, 2019", ["Jeff Foust"]),
        ("Michael Bloomberg", ["Michael Bloomberg"]),
        ("Deutsche Welle (www.dw.com)", []),
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


def test_the_sites_own_name_after_a_name_stays() -> None:
    assert split_names("Victor Tangermann, Futurism", outlets={"futurism"}) == [
        "Victor Tangermann", "Futurism"]


def test_a_function_word_of_one_language_is_a_name_in_another() -> None:
    assert looks_like_name("Per Olsen", "no")  # Italian "per"
    assert split_names("Av Per Olsen og Kari Nordmann", "no") == ["Per Olsen", "Kari Nordmann"]
    assert not looks_like_name("Alle Beiträge", "de")
    assert not looks_like_name("The Associated Press", "no")
    # another language's function words count too: the declared language may be wrong
    assert not looks_like_name("Weitere Artikel", "en")
    assert not looks_like_name("per Olsen", "it")


@pytest.mark.parametrize("desk", ["Staff", "Redaktion", "NEWSROOM", "Redaksi", "Redakcja"])
def test_a_desk_is_no_name(desk: str) -> None:
    assert not looks_like_name(desk)


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


SITE_HEAD = ("<meta property='og:site_name' content='News Example'>"
             "<script type='application/ld+json'>" + json.dumps(
                 {"@type": "NewsArticle", "headline": "Budget talks end",
                  "author": {"@type": "Organization", "name": "News Example"}}) + "</script>")


def test_author_links_side_by_side_are_one_byline() -> None:
    body = ("<div class='meta'><a href='/author/jane-doe'>Jane Doe</a> and "
            "<a href='/author/john-roe'>John Roe</a> <time>12.03.2024</time></div>" + STORY)
    assert extract_article(_page("", body), URL)["authors"] == ["Jane Doe", "John Roe"]


def test_a_korean_byline_overrules_the_outlets_credit() -> None:
    body = "<div class='byline'>김민수 기자 kms@example.co.kr</div>" + STORY
    assert extract_article(_page(SITE_HEAD, body), URL)["authors"] == ["김민수"]


def test_interface_text_in_katakana_is_no_name() -> None:
    body = "<div class='author'><a href='/timeline'>記者タイムライン</a></div>" + STORY
    assert extract_article(_page(SITE_HEAD, body), URL)["authors"] == ["News Example"]


def test_a_plain_byline_line_may_close_with_an_agency() -> None:
    body = "<p>By Jane Doe and John Roe, The Associated Press</p>" + STORY
    item = extract_article(_page(SITE_HEAD, body), URL)
    assert item["authors"] == ["Jane Doe", "John Roe", "The Associated Press"]


def test_a_plain_line_closing_with_a_place_is_unsure() -> None:
    body = "<p>Von Ines Zöttl, Washington</p>" + STORY
    assert extract_article(_page(SITE_HEAD, body), URL)["authors"] == ["News Example"]


def test_a_desk_gives_way_to_a_byline_and_stands_alone() -> None:
    head = "<meta name='author' content='Staff'>"
    body = "<div class='byline'>By Jane Doe</div>" + STORY
    assert extract_article(_page(head, body), URL)["authors"] == ["Jane Doe"]
    assert extract_article(_page(head, STORY), URL)["authors"] == ["Staff"]


def test_an_agency_alone_in_the_byline_is_the_credit() -> None:
    body = "<div class='byline'>Reuters</div>" + STORY
    assert extract_article(_page(SITE_HEAD, body), URL)["authors"] == ["News Example"]
    assert extract_article(_page("", body), URL)["authors"] == ["Reuters"]


def test_an_author_box_keeps_the_name_apart_from_the_role() -> None:
    body = ("<div class='author'><div class='author__name'>Jane Doe</div>"
            "<div class='author__role'>Senior Reporter</div></div>" + STORY)
    assert extract_article(_page("", body), URL)["authors"] == ["Jane Doe"]


def test_the_site_name_after_a_name_in_meta_author_goes() -> None:
    head = ("<meta property='og:site_name' content='News Example'>"
            "<meta name='author' content='Jane Doe - News Example'>")
    assert extract_article(_page(head, STORY), URL)["authors"] == ["Jane Doe"]
