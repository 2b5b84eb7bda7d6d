"""No word of a kept paragraph is ever removed: chrome removal works on whole blocks.

Pages are generated with hypothesis: a story whose sentences carry the words chrome rules
look for (rail labels in every language, "share", "newsletter", "Tags", the headline),
wrapped in the inline markup sites use (<strong>, <em>, classed <span>s, links, share
links), beside real chrome (a share bar, a rail, a newsletter box). Each paragraph of the
body must be its source paragraph's text, whitespace aside, and every story paragraph must
be there, in order.

A second generator writes the other inline markup of news sites into the sentences: every
phrasing tag (obsolete ones too), chrome-like classes and ids (share, ad, byline, caption,
tooltip, stock ticker, auto-links), aria-hidden, the labels meta-line, promo, tag and credit
rules read (in every language of the lexicon), links to the site's rails and newsletter
pages, words split across <span>s or holding soft hyphens and zero-width characters, most
of a sentence in one classed <span>, <br>-separated lines of one <p>, text straight in a
<div>, pages in each language of the lexicon. The cases its hunts found are kept as
examples below.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml.html import document_fromstring

from newscrawl import extract_article
from newscrawl.clean.lexicon import LANGUAGES, words
from newscrawl.clean.lexicon.common import CHROME_ROLES
from newscrawl.clean.lexicon.patterns import PITCH_ADDRESS, PITCH_VERB
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


# --- More kinds of inline markup real news pages put inside story sentences -------------
# Labels the meta-line, promo, tag, credit and rail rules read, written mid-sentence.
META_WORDS = [
    *words("tag_labels"), *words("follow_phrases"), *words("published_labels"),
    *words("modified_labels"), *words("credit_words"), *words("byline_prefixes"),
    *words("reading_time_words"), *words("subscribe_calls"), *words("staff_credits"),
    *words("author_more_links"), *words("comment_words"),
    "See also", "Read more", "Photo: Reuters", "5 min read", "March 24, 2025",
    "24.03.2025, 06:00 Uhr", "By Anna Lindqvist", "AAPL +1.2%", "Anna Lindqvist",
    # titles of the page's rails and teasers, linked from a sentence
    "Storm season forecast worse than expected", "New ferry line links the islands from June",
    "Ferry prices rise again", "Quay repairs finished early",
]
# Class names and ids of inline elements: chrome-like words and the auto-link, tooltip and
# responsive-visibility classes of news CMSs (text shown on at least some screens).
INLINE_CLASSES = [
    *CHROME_CLASSES, "share-link", "social-icon", "ad-inline", "promo-link", "related-link",
    "tag-link", "author-name", "byline__name", "date", "time", "timestamp", "caption",
    "credit", "photo-credit", "tooltip", "glossary-term", "stock-ticker", "ticker",
    "company-link", "person-link", "autolink", "entity", "hidden-xs", "hide-mobile",
    "d-none d-md-inline", "visible-lg", "dateline", "source", "copyright", "label",
    "read-more", "more-link", "follow", "subscribe", "meta", "kicker", "highlight", "note",
]
INLINE_TAGS = ["span", "a", "em", "strong", "mark", "abbr", "font", "small", "cite", "time",
               "u", "q", "dfn", "b", "i", "sup", "sub", "ins", "bdi", "data", "s", "del",
               "kbd", "big", "tt", "strike", "acronym", "nobr",
               "button"]  # a glossary term or a name opening a pop-up card
# ARIA roles of popovers and widgets, landmark roles too (sites set them on odd elements)
INLINE_ROLES = [*sorted(CHROME_ROLES), "tooltip", "note", "button", "link", "term"]
INLINE_LINKS = [*LINKS, "/topic/harbour", "/author/anna-lindqvist", "/quote/AAPL",
                "/company/harbour-holdings", "https://twitter.com/intent/follow?screen_name=x",
                "/newsletter", "/subscribe", "/2025/03/24/harbour-plan-approved"]
# Characters that live inside words and are no text: soft hyphen, zero-width space and
# joiners, word joiner (no-break space is a space).
IN_WORD = ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060"]


# Not the labels that address the reader ("recommended for you", "abonnez-vous") nor the
# pitch verbs ("subscribe"): a short block naming a newsletter that does, or whose link
# carries such a verb, is the site's pitch, whatever else it says.
PIECE_WORDS = [w for w in dict.fromkeys([*CHROME_WORDS, *META_WORDS])
               if not PITCH_ADDRESS.search(w) and not PITCH_VERB.search(w)]


@st.composite
def inline_piece(draw) -> str:
    word = draw(st.sampled_from(PIECE_WORDS))
    tag = draw(st.sampled_from(INLINE_TAGS))
    attrs = ""
    for name in draw(st.lists(st.sampled_from(["class", "id", "aria-hidden", "title", "data",
                                               "role"]), max_size=2, unique=True)):
        if name in ("class", "id"):
            attrs += f" {name}='{draw(st.sampled_from(INLINE_CLASSES))}'"
        elif name == "role":
            attrs += f" role='{draw(st.sampled_from(INLINE_ROLES))}'"
        elif name == "aria-hidden":
            attrs += " aria-hidden='true'"  # hidden from screen readers, shown on screen
        elif name == "title":
            attrs += " title='Read more'"
        else:
            attrs += " data-vars-event='share'"
    if tag == "a" or draw(st.integers(0, 4)) == 0:
        href = draw(st.sampled_from(INLINE_LINKS))
        inner = f"<a href='{href}'>{word}</a>" if tag != "a" else word
        if tag == "a":
            attrs += f" href='{href}'"
    else:
        inner = word
    piece = f"<{tag}{attrs}>{inner}</{tag}>"
    if draw(st.integers(0, 5)) == 0:  # wrapped again ("<span class=tooltip><em>..</em></span>")
        outer = draw(st.sampled_from(["span", "em", "b", "font", "small"]))
        piece = f"<{outer} class='{draw(st.sampled_from(INLINE_CLASSES))}'>{piece}</{outer}>"
    return piece


@st.composite
def odd_word(draw) -> str:
    """A story word split across <span> fragments, or with a character inside it that is
    no text, or written with entities."""
    word = draw(st.sampled_from([w for w in PLAIN if len(w) > 3]))
    cut = draw(st.integers(min_value=1, max_value=len(word) - 1))
    kind = draw(st.sampled_from(["spans", "inner", "nbsp"]))
    if kind == "spans":
        cls = draw(st.sampled_from(["", *INLINE_CLASSES]))
        attrs = f" class='{cls}'" if cls else ""
        return f"<span{attrs}>{word[:cut]}</span><span>{word[cut:]}</span>"
    if kind == "inner":
        return word[:cut] + draw(st.sampled_from(IN_WORD)) + word[cut:]
    return f"{word}&nbsp;{draw(st.sampled_from(PLAIN))}"


@st.composite
def rich_paragraph(draw) -> tuple[str, list[str]]:
    """A story paragraph in a <p>, a bare <div>, or as lines of one <p> split by <br>; its
    HTML and its lines' texts."""
    n = draw(st.integers(min_value=14, max_value=40))
    parts = [draw(st.sampled_from(PLAIN)) for _ in range(n)]
    parts[0] = "Officials" if draw(st.booleans()) else "Residents"
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        at = draw(st.integers(min_value=1, max_value=len(parts) - 1))
        parts.insert(at, draw(st.one_of(inline_piece(), odd_word())))
    if draw(st.integers(0, 4)) == 0:
        # most of the sentence in one classed <span> (a "click to tweet" quote, a highlight)
        start = draw(st.integers(min_value=1, max_value=3))
        end = draw(st.integers(min_value=start + 1, max_value=len(parts)))
        cls = draw(st.sampled_from(INLINE_CLASSES))
        parts[start:end] = [f"<span class='{cls}'>{' '.join(parts[start:end])}</span>"]
    lines = [parts]
    if len(parts) > 4 and draw(st.integers(0, 3)) == 0:  # lines of one paragraph, split by <br>
        cut = draw(st.integers(min_value=2, max_value=len(parts) - 2))
        lines = [parts[:cut], parts[cut:]]
    texts = [" ".join(line) for line in lines]
    texts[-1] += "."
    tag = draw(st.sampled_from(["p", "p", "div"]))
    return f"<{tag}>{'<br>'.join(texts)}</{tag}>", [_text(t) for t in texts]


@st.composite
def rich_page(draw) -> tuple[str, list[str]]:
    paras = draw(st.lists(rich_paragraph(), min_size=3, max_size=8))
    lang = draw(st.sampled_from([x.code for x in LANGUAGES]))
    blocks = [html for html, _ in paras]
    for chrome in draw(st.lists(st.sampled_from(CHROME_BLOCKS), max_size=2)):
        blocks.insert(draw(st.integers(min_value=1, max_value=len(blocks))), chrome)
    html = (
        f"<html lang='{lang}'><head><title>{HEADLINE}</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{HEADLINE}</h1>{''.join(blocks)}</article>"
        "<aside><h2>Most read</h2><ul><li><a href='/n/9'>Storm season forecast worse than "
        "expected</a></li></ul></aside></body></html>"
    )
    return html, [line for _, lines in paras for line in lines]


@MANY
@given(rich_page())
def test_no_word_of_a_sentence_is_lost_to_its_inline_markup(case):
    html, story = case
    body = extract_article(html, URL)["articleBody"].split("\n\n")
    assert body == story


@pytest.mark.parametrize(
    "sentence",
    [
        # obsolete and superscript phrasing tags with an unlikely class (readability's rule)
        "Residents <sup class='comment'>voted</sup> for the plan on the quay last night.",
        "Residents <big class='sidebar'>voted</big> for the plan on the quay last night.",
        "Residents <nobr class='footer'>voted for</nobr> the plan on the quay last night.",
        # a caption-classed word (a glossary or tooltip widget) inside a sentence
        "Residents watched the <span class='caption'>harbour</span> works start on Monday.",
        # a newsletter link inside a sentence, or named by its own text
        "Residents read the <a href='/newsletter'>newsletter</a> of the ferry company.",
        "The council's newsletter told <a href='/newsletter/7'>residents</a> to vote.",
        # a linked "subscribe" inside a sentence, a linked newsletter beside a pitch verb
        "Residents who <a href='/subscribe'>subscribe</a> to the ferry pay less.",
        "Residents who subscribe to the company's <a href='/n/1'>newsletter</a> pay less.",
        # a term of a sentence set as a <button> (a glossary pop-up)
        "Residents <button class='glossary'>voted</button> for the plan on the quay.",
        # a landmark role on words of a sentence
        "Residents <span role='dialog'>voted</span> for the plan on the quay last night.",
        # a "more from this author" link inside a sentence
        "Residents asked for <a href='/a/1'>more from this author</a> at the town hall.",
        # most of a sentence in a classed <span> (a "click to tweet" quote)
        "“<span class='share-quote'>The council was wrong to delay the vote</span>,” she "
        "said.",
    ],
)
def test_inline_markup_the_hunt_found_keeps_its_words(sentence: str) -> None:
    story = [
        "Officials said the harbour works would start in autumn and the fishermen asked for "
        "more time while officials promised a plan for the storm season.",
        _text(sentence),
        "Engineers said the quay would be closed for two weeks while the new ferry ramp is "
        "built and tested before the summer season begins.",
    ]
    html = (
        f"<html lang='en'><head><title>{HEADLINE}</title></head><body><article>"
        f"<h1>{HEADLINE}</h1><p>{story[0]}</p><p>{sentence}</p><p>{story[2]}</p>"
        "</article></body></html>"
    )
    assert extract_article(html, URL)["articleBody"].split("\n\n") == story


def test_a_button_closing_its_paragraph_is_no_word_of_it() -> None:
    """A <button> inside a sentence is a term of it; one closing its paragraph is a control
    ("Read more", "Play")."""
    html = (
        f"<html lang='en'><head><title>{HEADLINE}</title></head><body><article>"
        f"<h1>{HEADLINE}</h1><p>Officials said the harbour works would start in autumn and "
        "the fishermen asked for more time.</p><p>Residents voted for the plan on the quay "
        "last night, the council said. <button>Read more</button></p></article></body></html>"
    )
    assert extract_article(html, URL)["articleBody"].split("\n\n")[1] == (
        "Residents voted for the plan on the quay last night, the council said.")
