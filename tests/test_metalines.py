"""Lines about the article (dateline, reading time, byline) told by their shape, and
removed only where they stand: among the first and last lines of a story."""

from __future__ import annotations

import pytest
from test_boilerplate import PARAS, URL, clean

from newscrawl.clean.metalines import MetaLine, is_byline, is_dateline, is_reading_time, meta_line

# A stand-in for the page's date parser: the offsets of each "DATE" written in the text.


def dates(text: str) -> list[tuple[int, int]]:
    out, start = [], text.find("DATE")
    while start >= 0:
        out.append((start, start + 4))
        start = text.find("DATE", start + 4)
    return out


@pytest.mark.parametrize(
    "line",
    ["3 Min Lesezeit", "5 min read", "Reading time: 4 minutes", "Tempo de leitura: 1 minuto",
     "Temps de lecture : 6 min", "Leestijd 3 minuten", "約3分で読めます", "Okuma süresi: 4 dk"],
)
def test_reading_time_lines(line: str) -> None:
    assert is_reading_time(line)
    assert meta_line(line, dates, []) is MetaLine.READING_TIME


@pytest.mark.parametrize(
    "line",
    ["Read 3 comments about the harbour plan and the ferry", "Lesezeit", "The 5 best reads",
     "She needed 3 minutes to read the whole report aloud to the council"],
)
def test_not_reading_time_lines(line: str) -> None:
    assert not is_reading_time(line)


@pytest.mark.parametrize(
    "line",
    ["Stand: DATE 06:00 Uhr", "Freitag, DATE, 19:25", "Politics / DATE", "DATE",
     "Do DATE | 14:07 Uhr | Von Eva Kirchner-Rätsch", "Thứ tư, DATE, 19:25 (GMT+7)"],
)
def test_datelines(line: str) -> None:
    assert is_dateline(line, dates)


@pytest.mark.parametrize(
    "line",
    [
        "The harbour closed on DATE.",  # a sentence
        "Aktionszeitraum: DATE – DATE",  # a range: a fact of the story
        "The council, which voted on DATE after a long debate, wants the works finished soon",
        "No date here at all",
        "“The harbour reopens on DATE”",  # a quotation
        "„Wir öffnen den Hafen am DATE“",
    ],
)
def test_not_datelines(line: str) -> None:
    assert not is_dateline(line, dates)


@pytest.mark.parametrize(
    "line, authors",
    [("Von Nina Magoley", []), ("By Jane Doe and John Roe", []),
     ("von Engin Haupt, MDR SACHSEN-ANHALT", []), ("Lee Baker", ["Lee Baker"])],
)
def test_bylines(line: str, authors: list[str]) -> None:
    assert is_byline(line, authors)


@pytest.mark.parametrize(
    "line",
    ["By the end of the year the harbour will reopen", "Von Berlin aus fährt der Zug",
     "By 2026.", "Lee", "Baker Street reopens"],
)
def test_not_bylines(line: str) -> None:
    assert not is_byline(line, ["Lee Baker"])


def story(top: str = "", bottom: str = "", middle: str = "") -> str:
    paras = [*PARAS, *PARAS]
    body = "".join(f"<p>{p}</p>" for p in paras[:3]) + middle + "".join(
        f"<p>{p}</p>" for p in paras[3:]
    )
    return (f"<html lang='de'><body><article><h1>Harbour plan approved</h1>{top}{body}{bottom}"
            "</article></body></html>")


def test_lines_about_the_article_at_its_edges_are_removed() -> None:
    item = clean(story(top="<p>Stand: 22.04.2024, 06:00 Uhr</p><p>3 Min Lesezeit</p>",
                       bottom="<p>Von Nina Magoley</p>"))
    body = item["articleBody"]
    for p in PARAS:
        assert p in body
    assert "Stand" not in body and "Lesezeit" not in body and "Magoley" not in body
    assert "boilerplate:dateline" in item["metadata"]["sources"]


def test_the_same_lines_inside_the_story_or_in_a_short_story_stay() -> None:
    line = "Freitag, 28.04.2023, 19:25"
    assert line in clean(story(middle=f"<p>{line}</p>"))["articleBody"]
    short = (f"<html><body><article><h1>Harbour plan approved</h1><p>{line}</p>"
             f"<p>{PARAS[0]}</p><p>{PARAS[1]}</p></article></body></html>")
    assert line in clean(short)["articleBody"]


def test_a_date_heading_and_a_quoted_post_keep_their_dates() -> None:
    """A timeline's date heading and an embedded post's signature line are the story's."""
    heading = "<h2>22. April 2024, 06:00 Uhr</h2>"
    quote = "<blockquote><p>— Jane Doe (@jdoe) April 22, 2024</p></blockquote>"
    body = clean(story(top=heading, bottom=quote), url=URL)["articleBody"]
    assert "22. April 2024, 06:00 Uhr" in body and "(@jdoe) April 22, 2024" in body
