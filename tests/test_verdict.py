"""Signals that an extraction looks unreliable, and the not-an-article verdict."""

from __future__ import annotations

from newscrawl import extract_article
from newscrawl.clean.codes import NotArticleReason, rejection_reason

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


# --- page types, from structure ----------------------------------------------------------

LEAD = [
    "The two governments settled a six-year dispute over who should pay for the barrier, "
    "which engineers say is needed to protect the river's lower reaches from floods.",
    "Under the deal announced on Monday, one side will pay a little under 60 percent of the "
    "estimated cost, and the other will run the barrier once it is built in 2034.",
    "Shipping companies, which had warned that a barrier could close the river to barges "
    "for weeks during construction, said they were reassured by the commitment.",
]
CARDS = "".join(
    f"<article><h3><a href='/2025/03/2{i}/story-number-{i}'>Another story of the day, "
    f"number {i}, with a headline</a></h3><p>A summary line of the story, one sentence "
    f"that says what it is about.</p><time>Mar 2{i}</time></article>"
    for i in range(6)
)


def page(body: str, head: str = "", title: str = "River barrier deal agreed") -> str:
    return (f"<html lang='en'><head><title>{title}</title>{head}</head><body>"
            f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>{body}</body></html>")


def verdict(html: str, url: str = "https://news.example/2025/03/24/river-deal"):
    meta = extract_article(html, url)["metadata"]
    return rejection_reason(meta["notArticle"]), meta["notArticle"]


def test_a_home_page_whose_top_story_shows_a_long_lead_is_a_listing():
    hero = ("<section><h2><a href='/2025/03/24/river-deal'>River barrier deal agreed after "
            "six years</a></h2>" + "".join(f"<p>{p}</p>" for p in LEAD)
            + "<p><a href='/2025/03/24/river-deal'>Read more</a></p></section>")
    html = page(f"<main>{hero}<div>{CARDS}</div></main>", title="The Daily Example")
    code, detail = verdict(html, "https://news.example/")
    assert code == "listing_page", detail


def test_the_same_story_on_its_own_page_is_an_article():
    story = ("<article><h1>River barrier deal agreed</h1>"
             + "".join(f"<p>{p}</p>" for p in LEAD) + "</article>")
    html = page(f"<main>{story}<section><h2>More news</h2>{CARDS}</section></main>")
    assert verdict(html) == (None, None)


def test_a_section_page_claiming_og_type_article_is_a_listing():
    intro = ("<div class='intro'>What is decided in the capital and what it means for the "
             "region: the political news of the day, with analysis from our reporters.</div>")
    html = page(f"<main><h1>Politics</h1>{intro}{CARDS}</main>",
                head="<meta property='og:type' content='article'>", title="Politics | Example")
    code, detail = verdict(html, "https://news.example/politics/")
    assert code == "listing_page", detail


def test_a_short_brief_beside_long_rails_is_an_article():
    brief = ("<article><h1>River barrier deal agreed</h1><p>The two governments agreed on "
             "Monday to share the cost of a flood barrier on the river, ending a six-year "
             "dispute. Construction is expected to start in 2027.</p><p>Farmers said they "
             "would challenge the plan in court.</p></article>")
    rails = f"<section><h2>Most read</h2>{CARDS}</section><section>{CARDS}</section>"
    assert verdict(page(brief + rails)) == (None, None)


def test_a_heading_linking_to_the_author_does_not_make_a_review_a_teaser():
    review = ("<div><h1>River barrier deal agreed</h1><h3><a href='/authors/jane-doe'>By "
              "Jane Doe Smith</a></h3>" + "".join(f"<p>{p}</p>" for p in LEAD) * 2 + "</div>")
    assert verdict(page(review)) == (None, None)


def test_a_link_to_the_page_itself_is_not_a_teaser():
    story = ("<div><h2><a href='/2025/03/24/river-deal?utm_source=home'>River barrier deal "
             "agreed by both governments</a></h2>" + "".join(f"<p>{p}</p>" for p in LEAD)
             + "</div>")
    assert verdict(page(story + CARDS, title="River barrier deal agreed by both governments"))[0] \
        is None


def test_the_title_shown_as_text_outside_any_heading_is_the_headline():
    """No <h1>, a short story, a long menu of headline links: the page shows its own title
    as text, so it is one story."""
    menu = "".join(f"<li><a href='/topic/{i}'>A long menu entry about topic number {i}</a></li>"
                   for i in range(30))
    html = page(f"<ul>{menu}</ul><div class='titulo'>River barrier deal agreed</div>"
                f"<div><p>{LEAD[0]} {LEAD[1]}</p><p>{LEAD[2]}</p></div>")
    assert verdict(html) == (None, None)


def test_a_registration_box_hidden_beside_the_whole_story_is_not_a_wall():
    box = ("<div class='piano-reg-wall hide'><p>Create a free account to continue reading. "
           "Registration is a free and easy way to support our journalism.</p></div>")
    story = "<article><h1>River barrier deal agreed</h1>" + "".join(
        f"<p>{p}</p>" for p in LEAD * 3) + box + "</article>"
    assert verdict(page(story)) == (None, None)


def test_a_consent_notice_under_its_title_is_an_interstitial():
    notice = (
        "<div><h1>We value your privacy</h1><p>We and our partners store and/or access "
        "information on a device, such as cookies, and process personal data, such as unique "
        "identifiers, for personalised advertising and content measurement.</p><p>You can "
        "change your preferences or withdraw your consent at any time. Some partners rely on "
        "legitimate interest. See our privacy policy.</p><button>Accept all</button></div>"
    )
    code, detail = verdict(page(notice, head="<meta property='og:type' content='article'>"))
    assert code == "interstitial" and "We value your privacy" in detail


def test_an_article_about_cookie_rules_is_an_article():
    paras = [
        "The regulator fined the publisher for setting advertising cookies before readers "
        "had given their consent, the first such fine in the country this year.",
        "Its investigators found that the site's banner made it harder to refuse than to "
        "accept, and that several partners received personal data from the first page.",
        "The publisher said it would appeal. It changed its banner last month and now offers "
        "a button to reject all cookies beside the one that accepts them.",
        "Consumer groups welcomed the decision and asked the regulator to check other large "
        "news sites, many of which use the same consent software.",
    ]
    story = "<article><h1>River barrier deal agreed</h1>" + "".join(
        f"<p>{p}</p>" for p in paras) + "</article>"
    assert verdict(page(story)) == (None, None)


def test_every_rejection_has_a_stable_code_beside_its_detail():
    links = "".join(f"<li><a href='/n/{i}'>A headline of another story, number {i}</a></li>"
                    for i in range(40))
    code, detail = verdict(f"<html><body><ul>{links}</ul></body></html>")
    assert code in {c.value for c in NotArticleReason}
    assert detail and "40 teasers" in detail
