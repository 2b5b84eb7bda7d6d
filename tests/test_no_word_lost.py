"""No word of a kept paragraph is ever removed: chrome removal works on whole blocks.

Pages are generated with hypothesis: a story whose sentences carry the words chrome rules
look for (rail labels in every language, "share", "newsletter", "Tags", the headline),
wrapped in the inline markup sites use (<strong>, <em>, classed <span>s, links, share
links), beside real chrome (a share bar, a rail, a newsletter box). Each paragraph of the
body must be its source paragraph's text, whitespace aside, and every story paragraph must
be there, in order.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml.html import document_fromstring

from newscrawl import extract_article
from newscrawl.clean.lexicon import words
from newscrawl.clean.render import normalize_space

URL = "https://news.example.org/2025/03/24/harbour-plan-approved-after-long-debate"
HEADLINE = "Harbour plan approved after a long debate"
EXAMPLES = int(os.environ.get("NEWSCRAWL_HYPOTHESIS_EXAMPLES", "60"))
MANY = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

PLAIN = (
    "the council said residents engineers harbour works would start in autumn and the "
    "fishermen asked for more time while officials promised a plan for boats quay storm "
    "season money fund cost ferry island families town hall meeting report committee"
).split()
# Words chrome rules look for, in every language of the lexicon.
CHROME_WORDS = [
    *words("rail_labels"), *words("ad_labels"), *words("newsletter_words"),
    *words("author_bio_labels"), *words("adjacent_article_labels"),
    "share", "Tags", "Read more", "related", "comments", HEADLINE,
]
CHROME_CLASSES = ["share", "tags", "related", "byline", "newsletter", "social", "more",
                  "print:hidden", "widget", "author", "teaser", "ad", "promo", "copyright",
                  # readability's unlikely-candidate words: a class, not a reason to cut a
                  # sentence
                  "comment", "menu", "footer", "sidebar", "sponsor", "popup", "header",
                  "pagination"]
LINKS = ["/people/anna-lindqvist", "/2025/03/20/storm-season", "/tag/harbour",
         "https://www.facebook.com/sharer/sharer.php?u=x", "whatsapp://send?text=x"]


@st.composite
def chrome_piece(draw) -> str:
    word = draw(st.sampled_from(CHROME_WORDS))
    wrap = draw(st.sampled_from(["strong", "b", "em", "span", "a", "label", "i"]))
    cls = draw(st.sampled_from(["", *CHROME_CLASSES]))
    attrs = f" class='{cls}'" if cls else ""
    if wrap == "a":
        attrs += f" href='{draw(st.sampled_from(LINKS))}'"
    return f"<{wrap}{attrs}>{word}</{wrap}>"


@st.composite
def paragraph(draw) -> str:
    n = draw(st.integers(min_value=14, max_value=40))
    parts = [draw(st.sampled_from(PLAIN)) for _ in range(n)]
    parts[0] = "Officials" if draw(st.booleans()) else "Residents"
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        at = draw(st.integers(min_value=1, max_value=len(parts) - 1))
        parts.insert(at, draw(chrome_piece()))
    return " ".join(parts) + "."


CHROME_BLOCKS = [
    "<div class='share-bar'><a href='https://www.facebook.com/sharer/sharer.php?u=x'>"
    "Facebook</a> <a href='https://x.com/intent/tweet?url=x'>X</a></div>",
    "<div class='box'><h3>Related articles</h3><ul><li><a href='/n/1'>Storm season forecast "
    "worse than expected</a></li><li><a href='/n/2'>New ferry line links the islands "
    "from June</a></li></ul></div>",
    "<p>Sign up for our morning newsletter and get the news in your inbox.</p>",
    "<div class='box'><h3>Morning briefing</h3><p>The harbour news before breakfast.</p>"
    "<form><input type='email' name='email'><button>Go</button></form></div>",
    "<p><strong>[Hot this week]</strong></p><p><a href='/n/3'>Port workers vote to end "
    "the strike this week</a></p>",
    "<div class='box'><span>Previous article</span><a href='/n/4'>Ferry prices rise again"
    "</a><span>Next article</span><a href='/n/5'>Quay repairs finished early</a></div>",
    "<p>Vorheriger Artikel</p><p><a href='/n/6'>Hafenfest abgesagt</a></p>",
]


@st.composite
def page(draw) -> tuple[str, list[str]]:
    paras = draw(st.lists(paragraph(), min_size=3, max_size=8))
    blocks = [f"<p>{p}</p>" for p in paras]
    for chrome in draw(st.lists(st.sampled_from(CHROME_BLOCKS), max_size=3)):
        blocks.insert(draw(st.integers(min_value=1, max_value=len(blocks))), chrome)
    html = (
        f"<html lang='en'><head><title>{HEADLINE}</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{HEADLINE}</h1>{''.join(blocks)}</article>"
        "<aside><h2>Most read</h2><ul><li><a href='/n/9'>Storm season forecast worse than "
        "expected</a></li></ul></aside></body></html>"
    )
    return html, [_text(p) for p in paras]


def _text(fragment: str) -> str:
    return normalize_space(document_fromstring(f"<p>{fragment}</p>").text_content())


@MANY
@given(page())
def test_every_kept_paragraph_is_its_source_paragraph(case):
    html, story = case
    body = extract_article(html, URL)["articleBody"].split("\n\n")
    sources = set(story)
    for kept in body:
        assert kept in sources, f"not a source paragraph's text: {kept!r}"
    # No story paragraph is dropped either, and they keep their order.
    assert body == story
