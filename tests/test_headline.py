"""The headline as the page shows it: site-name tails in every separator, the site's logo
set as an <h1>, headlines set over several lines, kickers, titles cut short, capitals."""

from __future__ import annotations

import json

import lxml.html
import pytest

from newscrawl.clean.article import extract_article
from newscrawl.clean.headline import heading_text, strip_site_tail, url_sections

URL = "https://www.examplenews.com/politics/2024/03/12/council-budget-vote-123"
H = "Council approves budget after long debate"
SITE = {"example news", "examplenews com", "examplenews"}
STORY = "".join(
    f"<p>Paragraph {n} of the story about the budget talks, long enough to be text of the "
    "article rather than a caption or a label, with a few more words at its end.</p>"
    for n in range(6)
)


@pytest.mark.parametrize(
    "title, expected",
    [
        (f"{H} | Example News", H),
        (f"{H} / Example News", H),
        (f"{H} :: Example News", H),
        (f"{H} : Example News", H),
        (f"{H} - examplenews.com", H),
        ("市議会が予算を可決｜Example News", "市議会が予算を可決"),
        ("市议会通过预算_Example News", "市议会通过预算"),
        ("市議会が予算を可決：Example News", "市議会が予算を可決"),
        (f"Example News | {H}", H),  # the site in front
        (f"{H} | Politics | Example News", H),  # a section of the URL, then the site
        (f"{H} - Example News - Politics", H),
        (f"{H} | DW | 23.05.2011", f"{H} | DW"),  # a date as the last segment
        # controls: a dash, a colon or a section word that is the headline's own
        ("Brexit - what happens next | Example News", "Brexit - what happens next"),
        ("Klimaschutz : Bohren, bis es heiß wird", "Klimaschutz : Bohren, bis es heiß wird"),
        ("Sports - the season ahead", "Sports - the season ahead"),
        ("Example News", "Example News"),  # nothing left to keep
    ],
)
def test_site_name_tails(title: str, expected: str) -> None:
    assert strip_site_tail(title, SITE, sections=url_sections(URL)) == expected


def test_url_sections_are_the_folders_not_the_slug_or_dates() -> None:
    assert url_sections(URL) == {"politics"}


@pytest.mark.parametrize(
    "h1, expected",
    [
        ("<h1>Council approves budget<br>after long debate</h1>", H),
        ("<h1><span>Council approves budget</span><span>after long debate</span></h1>", H),
        ("<h1><div>Council approves budget</div><div>after long debate</div></h1>", H),
        # controls: marks stay where they are, inline parts of a word stay one word
        ("<h1><span>Klimaschutz</span><span>:</span> Bohren</h1>", "Klimaschutz: Bohren"),
        ("<h1>Council <em>approves</em> budget</h1>", "Council approves budget"),
        ("<h1>Council ap<span>proves</span></h1>", "Council approves"),
        ("<h1><span><style>.st0{fill:#000}</style>Council</span> approves</h1>",
         "Council approves"),
    ],
)
def test_heading_text(h1: str, expected: str) -> None:
    assert heading_text(lxml.html.fromstring(h1)) == expected


def _page(head: str = "", top: str = "", h1: str = f"<h1>{H}</h1>", title: str = "") -> bytes:
    return (f"<html lang='en'><head><title>{title}</title>"
            "<meta property='og:site_name' content='Example News'>"
            f"{head}</head><body><header>{top}</header><main><article>{h1}{STORY}"
            "</article></main></body></html>").encode()


def _meta(og: str | None = None, ld: str | None = None) -> str:
    out = f"<meta property='og:title' content='{og}'>" if og else ""
    if ld:
        out += ("<script type='application/ld+json'>"
                + json.dumps({"@type": "NewsArticle", "headline": ld}) + "</script>")
    return out


DISAGREE = _meta("Social variant of the story", "SEO variant of the story")


def test_the_sites_logo_set_as_an_h1_is_no_headline() -> None:
    top = "<h1 class='logo'>Example News</h1>"
    assert extract_article(_page(DISAGREE, top), URL)["headline"] == H
    item = extract_article(_page("", top, f"<h2 class='headline'>{H}</h2>",
                                 f"{H} | Example News"), URL)
    assert item["headline"] == H


def test_an_h1_naming_the_site_among_other_words_is_a_headline() -> None:
    h1 = "<h1>15 Jahre Example News</h1>"
    assert extract_article(_page(DISAGREE, "", h1), URL)["headline"] == "15 Jahre Example News"


def test_the_h1_most_like_the_titles_wins_over_an_earlier_one() -> None:
    top = "<div class='related'><h1>Most read today</h1></div>"
    head = _meta("Council approves the budget", "Budget approved by the council")
    assert extract_article(_page(head, top), URL)["headline"] == H


def test_a_headline_over_two_lines_is_one_line() -> None:
    h1 = "<h1>Council approves budget<br>after long debate</h1>"
    assert extract_article(_page(DISAGREE, "", h1), URL)["headline"] == H


def test_a_kicker_inside_the_h1_is_written_as_titles_write_it() -> None:
    h1 = f"<h1><span class='kicker'>Budget</span><span class='title'>{H}</span></h1>"
    assert extract_article(_page(DISAGREE, "", h1), URL)["headline"] == f"Budget: {H}"
    plain = "<h1><span>Council approves budget</span><span>after long debate</span></h1>"
    assert extract_article(_page(DISAGREE, "", plain), URL)["headline"] == H


def test_a_title_cut_short_gives_way_to_the_whole_one() -> None:
    head = _meta(ld="Council approves budget after long…")
    assert extract_article(_page(head), URL)["headline"] == H


def test_capitals_in_the_metadata_give_way_to_the_page_but_not_the_reverse() -> None:
    assert extract_article(_page(_meta(H.upper())), URL)["headline"] == H
    assert extract_article(_page(_meta(H), "", f"<h1>{H.upper()}</h1>"), URL)["headline"] == H


def test_entities_are_decoded_in_every_title() -> None:
    head = _meta("Tom &amp;amp; Jerry &amp;quot;live&amp;quot;")
    item = extract_article(_page(head, "", "<h1>Tom &amp; Jerry \"live\"</h1>"), URL)
    assert item["headline"] == 'Tom & Jerry "live"'
