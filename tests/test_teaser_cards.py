"""Teaser cards inside the body: a small box around a heading that links to another page
("More from X" rows after the story, an inline "read also" card between its paragraphs).
readability's clean-up drops the linked heading and leaves the summary, the author and the
date, which read as story; the box goes whole. Controls: a listicle whose items link to
their slides, a video's box, a subheading over a long paragraph, the story's own title."""

from __future__ import annotations

import pytest

from newscrawl.clean.article import extract_article

URL = "https://magazine.example.com/politics/2024/01/candidate-quits-race"
STORY = [
    "The former governor ended his campaign on Wednesday evening, telling supporters in a "
    "town hall that he saw no path to the nomination after weeks of low poll numbers.",
    "He had staked his bid on the early primary states, spending more days there than any "
    "other candidate, and drew large crowds, but never more than a tenth of the vote.",
    "His departure leaves two main rivals to the front-runner, both of whom have avoided "
    "criticizing him directly, a strategy his advisers called a mistake.",
    "He did not endorse either of them, saying only that voters deserved a candidate who "
    "would tell them the truth about the race and about the country.",
    "Party officials said the debate schedule would not change, although the next debate "
    "may now have only three candidates on the stage instead of four.",
]


def _card(n: int, title: str, summary: str, author: str, site: str = "") -> str:
    href = f"{site}/politics/2024/01/other-story-{n}"
    return (f"<div class='collections__card'><a class='card-image' href='{href}'>"
            f"<img src='/img/{n}.jpg' alt=''></a><div class='card-content'>"
            f"<h2 class='title'><a href='{href}'>{title}</a></h2><p class='dek'>{summary}</p>"
            f"<p class='byline'><a href='/authors/{n}'>{author}</a></p></div></div>")


ROW = (
    "<section class='collections'><h2 class='collections__title'>More from "
    "<span>The Magazine</span></h2><div class='row'>"
    + _card(1, "The Debate Was a Tedious Mess",
            "The two rivals clearly despise each other, but neither emerged as number two.",
            "Joan Walker")
    + _card(2, "Can European Rules Inspire Tech Regulation Here?",
            "The effect of these laws is going to be felt well beyond the borders of Europe.",
            "Nadia Scharf")
    + _card(3, "Lawyers Argue That Their Client Is Above the Law",
            "The former president made an appearance in court as his team argued immunity.",
            "Elie Mystal")
    + "</div></section>"
)


def _page(middle: str = "", end: str = "", url_title: str = "Candidate quits the race") -> str:
    story = ("".join(f"<p>{p}</p>" for p in STORY[:2]) + middle
             + "".join(f"<p>{p}</p>" for p in STORY[2:]))
    return (f"<html><head><title>{url_title}</title></head><body><main><article>"
            f"<h1>Candidate quits the race</h1><div class='entry'>{story}{end}</div>"
            "</article></main></body></html>")


def _body(html: str, url: str = URL) -> str:
    body = extract_article(html, url)["articleBody"]
    for p in STORY:
        assert p in body
    return body


def test_a_more_from_row_after_the_story_goes_whole() -> None:
    body = _body(_page(end=ROW))
    for gone in ("More from", "despise each other", "beyond the borders", "Nadia Scharf",
                 "appearance in court"):
        assert gone not in body


@pytest.mark.parametrize(
    ("card", "gone"),
    [
        # Italian: an inline "read also" card, author and date under a linked title
        ("<section class='inline-article'><article><div class='inline-article__content'>"
         "<h4><a href='https://roma.example.com/cronaca/2024/11/20/news/cori-423666656/'>"
         "Cori durante il derby, sette ultras a processo</a></h4><span class='author'>di "
         "Teresa Fallavollita</span><time datetime='2024-11-20'>20 Novembre 2024</time>"
         "</div></article></section>", "Teresa Fallavollita"),
        # German: a box pointing to the live blog, its summary under a linked heading
        ("<div class='teaser-box'><h3><a href='/nachrichten/liveblog-ukraine-100.html'>"
         "Liveblog zum Krieg</a></h3><p>Seit Februar 2022 führt Russland einen Angriffskrieg "
         "gegen die Ukraine. News und Hintergründe im Ticker.</p></div>", "Seit Februar 2022"),
    ],
    ids=["it-inline", "de-box"],
)
def test_an_inline_card_between_the_paragraphs_goes(card: str, gone: str) -> None:
    """(Also removed by the older rules in this small form; on real pages the author and
    date lines, or the summary, were left.)"""
    body = _body(_page(middle=card))
    assert gone not in body


def test_a_listicle_whose_items_link_to_their_slides_stays() -> None:
    """Every item a heading linking to its slide, a photo and a line: the items are the
    story (most of the body), not teasers beside it."""
    items = "".join(
        f"<div class='slide'><h2><a href='{URL}/slide/{n}'>{n}. {name}</a></h2>"
        f"<img src='/s/{n}.jpg' alt=''><p>{line}</p></div>"
        for n, (name, line) in enumerate([
            ("Sabrina Spellman", "A red jumper with a white collar and a black headband."),
            ("Drake", "Timberland boots and a grey sweatsuit will do the trick."),
            ("Tiana", "A green dress and a tiara, and a frog if you have one."),
            ("Jessie", "A cow-print skirt, a yellow shirt and a red hat."),
            ("Risky Business", "A white shirt, socks and sunglasses, nothing more."),
            ("Boo", "An oversize pink jumper and lavender leggings."),
        ], start=1)
    )
    html = (f"<html><head><title>Costumes</title></head><body><main><article>"
            f"<h1>Six easy costumes</h1><p>{STORY[0]}</p>{items}</article></main></body></html>")
    body = extract_article(html, URL)["articleBody"]
    for line in ("white collar", "Timberland boots", "lavender leggings"):
        assert line in body


def test_a_video_box_under_its_linked_title_stays() -> None:
    video = ("<div class='featured-video'><div class='video-player' data-video-id='1'>"
             "<a href='https://video.example.com/v/1'><img src='/v.jpg' alt=''></a></div>"
             "<div class='info'><h4><a href='https://video.example.com/v/1'>Top headlines "
             "for Jan. 10</a></h4><p>The day's top political headlines are here, from the "
             "campaign trail to the Capitol.</p></div></div>")
    body = _body(_page(middle=video))
    assert "from the campaign trail to the Capitol" in body


def test_a_linked_subheading_over_a_long_paragraph_stays() -> None:
    """A short section (under the card size) whose paragraph is running text."""
    section = ("<section><h3><a href='https://stats.example.org/polls'>What the polls "
               "say</a></h3><p>Averages of the national polls put the front-runner more than "
               "forty points ahead, a lead no candidate has lost this late in a primary race "
               "since the current system was adopted, the analysts who keep them say.</p>"
               "</section>")
    body = _body(_page(middle=section))
    assert "Averages of the national polls" in body


@pytest.mark.parametrize("label", ["Реклама:", "Reklam", "Annons", "IKLAN"])
def test_an_ad_label_alone_on_its_line_goes(label: str) -> None:
    body = _body(_page(middle=f"<p>{label}</p>"))
    assert label not in body


def test_a_lead_set_as_a_heading_with_a_link_in_its_sentence_stays() -> None:
    """A WordPress page-builder lead in an <h2>: a sentence with a link at its end is no
    teaser title."""
    lead = ("<div class='wpb_wrapper'><h2>The task force of the convention published its "
            "recommendations on the candidate's pledges on Thursday, as <a "
            "href='https://www.example.int/news/task-force'>the report shows</a>.</h2></div>")
    body = _body(_page(middle=lead))
    assert "The task force of the convention published its recommendations" in body
