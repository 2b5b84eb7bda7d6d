"""Main-content element -> blocks -> text and minimal HTML."""

from __future__ import annotations

import pytest
from conftest import RUNNING_TEXT
from hypothesis import given
from hypothesis import strategies as st
from lxml.html import fragment_fromstring

from newscrawl.clean.article import build_page, finish
from newscrawl.clean.boilerplate import remove_boilerplate
from newscrawl.clean.captions import collect_images
from newscrawl.clean.content import find_main_content
from newscrawl.clean.metadata import read_metadata
from newscrawl.clean.render import blocks_to_html, blocks_to_text, normalize_space, to_blocks

INTRO = (
    "The city library will open a new branch in the old railway station next spring, the "
    "council said on Wednesday after years of debate about the empty building."
)
MIDDLE = (
    "The branch will have a reading room, a children's corner and a small café, and it "
    "will stay open until nine in the evening on weekdays, the director said."
)


def test_blocks_kinds_and_groups() -> None:
    el = fragment_fromstring(
        "<div><h2>Plan</h2><p>One <b>bold</b> line.<br>Second line.</p>"
        "<ul><li>alpha</li><li><p>beta</p></li></ul><ol><li>first</li></ol>"
        "<blockquote><p>Quoted words.</p></blockquote><figure><figcaption>cap</figcaption>"
        "</figure><pre>x = 1</pre></div>"
    )
    blocks = to_blocks(el)
    assert [(b.kind, b.text) for b in blocks] == [
        ("h2", "Plan"), ("p", "One bold line."), ("p", "Second line."),
        ("li", "alpha"), ("li", "beta"), ("oli", "first"), ("quote", "Quoted words."),
        ("pre", "x = 1"),
    ]
    assert blocks[3].group == blocks[4].group != blocks[5].group
    assert blocks_to_text(blocks).split("\n\n")[:2] == ["Plan", "One bold line."]
    html = blocks_to_html(blocks)
    assert "<h2>Plan</h2>" in html
    assert "<ul>\n<li>alpha</li>\n<li>beta</li>\n</ul>" in html
    assert "<ol>\n<li>first</li>\n</ol>" in html
    assert "<blockquote>\n<p>Quoted words.</p>\n</blockquote>" in html
    assert "cap" not in html


def test_html_is_escaped() -> None:
    blocks = to_blocks(fragment_fromstring("<div><p>a &lt;b&gt; &amp; c</p></div>"))
    assert blocks_to_html(blocks) == "<p>a &lt;b&gt; &amp; c</p>"


def test_normalize_space() -> None:
    assert normalize_space("  a\u00a0\u200bb \n\t c\u3000") == "a b c"
    assert normalize_space("") == ""


def test_lists_headings_and_quotes_survive_the_whole_pipeline() -> None:
    html = (
        "<html><body><article><h1>New library branch</h1>"
        f"<p>{INTRO}</p><h2>What the branch offers</h2><p>{MIDDLE}</p>"
        "<ul><li>A reading room with two hundred seats for students</li>"
        "<li>A children's corner with picture books in five languages</li></ul>"
        "<blockquote><p>We have waited for this building to come back to life.</p>"
        "</blockquote>"
        f"<h3>Costs</h3><ol><li>Renovation of the old hall and roof</li>"
        "<li>New shelves and furniture for the rooms</li></ol>"
        f"<p>{INTRO}</p></article></body></html>"
    )
    page = build_page(html, "https://example.com/library-branch")
    read_metadata(page)
    find_main_content(page)
    remove_boilerplate(page)
    collect_images(page)
    item = finish(page)
    body_html = item["articleBodyHtml"]
    assert "<h2>What the branch offers</h2>" in body_html
    assert "<h3>Costs</h3>" in body_html
    assert "<ul>\n<li>A reading room with two hundred seats for students</li>" in body_html
    assert "<ol>\n<li>Renovation of the old hall and roof</li>" in body_html
    assert "<blockquote>\n<p>We have waited" in body_html
    text = item["articleBody"]
    assert "What the branch offers\n\n" in text
    assert "A children's corner with picture books in five languages" in text
    assert not text.startswith("New library branch")  # the headline is its own field


def test_noscript_with_the_story_is_rendered_but_pixels_and_notes_are_not() -> None:
    """Script-rendered blogs (Blogger) ship the story in <noscript> for readers without
    JavaScript; other <noscript>s hold tracking pixels or "enable JavaScript" notes."""
    el = fragment_fromstring(
        f"<div><noscript><p>{INTRO}</p><p>{MIDDLE}</p></noscript>"
        "<noscript><img src='/pixel.gif'></noscript>"
        "<noscript>Please enable JavaScript to view the comments.</noscript></div>"
    )
    assert [b.text for b in to_blocks(el)] == [INTRO, MIDDLE]


@given(st.text(alphabet=st.sampled_from(
    [chr(c) for c in range(0x110000) if chr(c).isspace()]
    + list("ab\u200b\u200c\u200d\u2060\ufeff\u00ad日")), max_size=40))
def test_normalize_space_fast_path_is_exact(text):
    from newscrawl.clean.render import _SPACE, _ZERO_WIDTH

    assert normalize_space(text) == _SPACE.sub(" ", _ZERO_WIDTH.sub("", text)).strip()


# --- quotations set as figures ------------------------------------------------------------

STORY_DE = (
    "Im Katharinen-Saal des Kremlpalasts hat der Präsident gestern die Sitzung zur "
    "Nationalitätenpolitik abgehalten, scheinbar eine Routineveranstaltung."
)


def _texts(html: str, language: str | None = None) -> list[str]:
    return [b.text for b in to_blocks(fragment_fromstring(html), language)]


def test_a_quotation_figure_is_the_story_s_words_without_its_credit() -> None:
    """The HTML standard's quotation with a credit (<figure><blockquote> + <figcaption>):
    the quote is said once, in the story; the credit line and a decorative quotation mark
    set apart are not text of the story."""
    quote = ("Immer häufiger ist von einer Art Dekolonisierung Russlands die Rede. Im Kern "
             "geht es darum, die Föderation zu zerschlagen.")
    html = (
        f"<div><p>{STORY_DE}</p><figure><blockquote class='bosa0j6'><p>{quote}</p>"
        "<span aria-hidden='true'>„</span></blockquote><figcaption><p>Wladimir Putin, "
        "Präsident von Russland</p></figcaption></figure><p>Ein Informationskrieg sei im "
        "Gange, so der Kremlchef.</p></div>"
    )
    assert _texts(html, "de") == [
        STORY_DE, quote, "Ein Informationskrieg sei im Gange, so der Kremlchef."
    ]


def test_a_pull_quote_block_keeps_its_quote_and_leaves_its_cite() -> None:
    """WordPress's pull-quote block: the credit is a <cite> of the quote's own; a <cite>
    inside the quote's sentence (a book's title) is a word of it."""
    html = (
        "<div><p>The climber spent a year filming the route with his team, he said.</p>"
        "<figure class='wp-block-pullquote'><blockquote><p>Every route I climbed after "
        "reading <cite>The Hard Years</cite> felt like a story of its own.</p>"
        "<cite>Adam Ondra</cite></blockquote></figure></div>"
    )
    assert _texts(html, "en")[1:] == [
        "Every route I climbed after reading The Hard Years felt like a story of its own."
    ]


@pytest.mark.parametrize(
    "figure",
    [
        # a pull quote repeating the story's sentence, its credit inside the quote
        "<figure data-type='quote'><blockquote>\"Jene, die ihre Stimme gegen diese "
        "Ideologen erheben, müssen gestärkt werden.\"<br>Eren Güvercin, Autor</blockquote>"
        "</figure>",
        # the same in French typography, in a pull-quote block
        "<figure class='wp-block-pullquote'><blockquote><p>« Jene, die ihre Stimme gegen "
        "diese Ideologen erheben, müssen gestärkt werden »</p></blockquote></figure>",
    ],
)
def test_a_pull_quote_repeating_the_story_goes_whole(figure: str) -> None:
    said = ("Güvercin sagt: \"Jene, die ihre Stimme gegen diese Ideologen erheben, müssen "
            "gestärkt werden.\"")
    html = f"<div><p>{STORY_DE}</p>{figure}<p>{said}</p></div>"
    assert _texts(html, "de") == [STORY_DE, said]


@pytest.mark.parametrize(
    "figure",
    [
        # a photo: its caption is a caption (captions.py), never body text
        "<figure><img src='/p.jpg' alt=''><figcaption><blockquote>Ein Satz im Bild, "
        "der auf einem Plakat steht.</blockquote> Foto: dpa</figcaption></figure>",
        # embedded social posts have their own rules
        "<figure class='wp-block-embed-twitter wp-block-embed'><blockquote "
        "class='twitter-tweet'><p>Heading up to Denver, gonna see if I can unwind.</p>"
        "</blockquote></figure>",
        "<figure class='wp-block-embed is-type-rich'><blockquote class='instagram-media'>"
        "<p>View this post on Instagram</p></blockquote></figure>",
    ],
)
def test_figures_that_are_not_quotations_stay_out_of_the_text(figure: str) -> None:
    html = f"<div><p>{STORY_DE}</p>{figure}</div>"
    assert _texts(html, "de") == [STORY_DE]


@pytest.mark.parametrize(
    "html, text",
    [
        # links side by side are apart on screen: a new name opens with a capital
        ("<p>Topics: <a href='/t/1'>Blue Origin</a><a href='/t/2'>Ceres Robotics</a></p>",
         "Topics: Blue Origin Ceres Robotics"),
        ("<p><a href='/s/fb'>Facebook</a><a href='/s/pin'>Pinterest</a></p>",
         "Facebook Pinterest"),
        # a word a linking plugin cut in two stays one word
        ("<p>the <a href='/w/1'>Arte</a><a href='/w/2'>mis</a> program</p>",
         "the Artemis program"),
        # a separator already there, or text between: nothing added
        ("<p><a href='/a'>One</a> <a href='/b'>Two</a>, <a href='/c'>Three</a></p>",
         "One Two, Three"),
        ("<p><a href='/a'>Rhein </a><a href='/b'>Main</a></p>", "Rhein Main"),
    ],
)
def test_adjacent_links_are_not_glued_into_one_word(html: str, text: str) -> None:
    assert blocks_to_text(to_blocks(fragment_fromstring(f"<div>{html}</div>"))) == text


def test_a_heading_that_closes_the_body_heads_nothing() -> None:
    from newscrawl.clean.article import extract_article

    page = ("<html><body><article><h1>Council vote</h1>{}</article></body></html>")
    body = extract_article(page.format(RUNNING_TEXT + "<h3>Mehr zum Thema</h3>").encode(),
                           "https://news.example.com/city/vote-1")["articleBody"]
    assert body.endswith("for the extractor.") and "Mehr zum Thema" not in body
    # a closing sentence set as a heading is the story's last words
    last = "<h3>So for now, I will be relying on the bus!</h3>"
    body = extract_article(page.format(RUNNING_TEXT + last).encode(),
                           "https://news.example.com/city/vote-1")["articleBody"]
    assert body.endswith("relying on the bus!")
