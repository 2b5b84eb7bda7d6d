"""Leftovers in the body found on the dev pages: an image credit whose class names it at a
camelCase hump ("imageEmbedCredit") once its image is gone, and the German rail label
"Lesen Sie mehr zum Thema" over a tag line."""

from __future__ import annotations

from conftest import RUNNING_TEXT

from newscrawl.clean.article import extract_article
from newscrawl.clean.lexicon.patterns import LEFTOVER_CAPTION_CLASS_RE

URL = "https://news.example.com/2024/05/01/budget-vote"


def _body(extra: str) -> str:
    html = (f"<html><head><title>Budget vote</title></head><body><article><h1>Budget vote</h1>"
            f"{RUNNING_TEXT}{extra}"
            "</article></body></html>")
    return extract_article(html, URL)["articleBody"]


def test_a_credit_left_by_a_lazy_image_goes() -> None:
    embed = ("<div class='InlineImage-imageEmbed'><div class='InlineImage-wrapper'>"
             "<div class='InlineImage-imageEmbedCredit'>Jane Roe | Moment | Getty Images</div>"
             "</div></div>")
    body = _body(embed)
    assert "Getty Images" not in body
    assert "Paragraph 5 of the story" in body


def test_credit_words_inside_other_words_are_no_credit_class() -> None:
    for cls in ("creditcard-table", "discredited", "ImageCreditText", "accreditation"):
        assert not LEFTOVER_CAPTION_CLASS_RE.search(cls), cls
    for cls in ("imageEmbedCredit", "photoCredits", "image-credit", "credit"):
        assert LEFTOVER_CAPTION_CLASS_RE.search(cls), cls


def test_the_german_more_on_the_topic_label_goes_with_its_tag_line() -> None:
    tags = ("<div class='font-bold'>Lesen Sie mehr zum Thema</div><div class='tags'>"
            "<a href='/topics/haushalt'>Haushalt</a> <a href='/topics/stadtrat'>Stadtrat</a> "
            "<a href='/topics/steuern'>Steuern</a></div>")
    body = _body(tags)
    assert "Lesen Sie mehr" not in body
    assert "Stadtrat" not in body


def test_a_pitch_whose_link_is_the_subscribe_call_goes() -> None:
    pitch = ("<div class='cta'><p>Stay informed with The Example – your source for credible "
             "journalism, for only $8 a month. Invest in journalism –<br>"
             "<a href='https://subs.example.com/subscribe'><strong>Subscribe Now!</strong></a>"
             "</p></div>")
    body = _body(pitch)
    assert "Stay informed" not in body and "Subscribe Now" not in body


def test_a_sentence_linking_to_subscribers_or_a_long_paragraph_stays() -> None:
    kept = ("<p>The paper said the number of its <a href='/subscribers-report'>subscribers</a> "
            "rose by a fifth last year.</p>"
            "<p>The council's newsletter, which residents can read online, had a link at the "
            "bottom of every issue reading <a href='/subscribe'>Subscribe to the council's "
            "letters</a>, and the auditors found that fewer than a hundred people had ever "
            "used it, although the city paid a printing firm to send the letters to every "
            "household twice a year, at a cost the auditors put at two hundred thousand "
            "euros over the last five years.</p>")
    body = _body(kept)
    assert "number of its subscribers rose" in body
    assert "fewer than a hundred people" in body


def test_a_wire_credit_line_closing_the_story_goes() -> None:
    body = _body("<p>With files from The Canadian Press</p>")
    assert "With files from" not in body
    body = _body("<p><em>With reports from Reforma and El Economista</em></p>")
    assert "With reports from" not in body


WAZ = "https://www.waz.de/panorama/article123/maya-staedte.html"


def _list_body(items: str, url: str = WAZ) -> str:
    html = (f"<html><head><title>Budget vote</title></head><body><article><h1>Budget vote</h1>"
            f"{RUNNING_TEXT}<ul>{items}</ul></article></body></html>")
    return extract_article(html, url)["articleBody"]


def test_the_sites_pitch_for_its_app_social_accounts_and_newsletter_goes() -> None:
    items = (
        "<li>Aktuelle Nachrichten aufs Handy? Hier geht es zur <strong>neuen WAZ-News-App"
        "</strong> – für <a href='https://play.google.com/store/apps/details?id=de.mobil.waz."
        "android'>Android</a> und <a href='https://apps.apple.com/de/app/waz-news/id7512'>iOS"
        "</a>.</li>"
        "<li>Die WAZ auch bei Social Media – ob <a href='https://whatsapp.com/channel/0029Va'>"
        "WhatsApp</a>, <a href='https://www.instagram.com/waz_redaktion/'>Instagram</a> oder "
        "<a href='https://www.facebook.com/WAZRedaktion'>Facebook</a>.</li>"
        "<li>Sie mögen den Tag kompakt? Dann sind Sie beim täglichen WAZ-Newsletter richtig – "
        "<a href='/newsletter/article2371/der-taegliche-Newsletter.html'>hier entlang</a>.</li>"
    )
    body = _list_body(items)
    for gone in ("aufs Handy", "Social Media", "kompakt"):
        assert gone not in body


def test_store_and_social_links_that_do_not_name_the_site_stay() -> None:
    """A story about an app links to its stores; a story on a site whose address ends like a
    network's ('pagesix.com' is no 'x.com') links to its own pages."""
    items = (
        "<li>The app is available for <a href='https://play.google.com/store/apps/details?id="
        "org.civic.budget'>Android</a> and <a href='https://apps.apple.com/app/civic-budget/"
        "id42'>iOS</a>.</li>"
    )
    body = _list_body(items)
    assert "The app is available for Android and iOS." in body
    para = ("<li><a href='https://pagesix.com/tag/dee-dee-myers'>Dee Dee Myers</a>, a former "
            "press secretary, is leaving her role as communications head at <a "
            "href='https://pagesix.com/tag/warner-bros'>Warner Bros</a> after five years.</li>")
    body = _list_body(para, url="https://pagesix.com/2020/01/myers")
    assert "Dee Dee Myers, a former press secretary, is leaving" in body


def test_addresses_urllib_cannot_read_fail_no_stage() -> None:
    """'http://[oops' makes urlsplit raise: a list item of such links is judged, not fatal."""
    items = ("<li>The council's reports are online at <a href='http://[oops'>the city "
             "archive</a>, the clerk said on Tuesday after the vote.</li>")
    html = (f"<html><body><article><h1>Budget vote</h1>{RUNNING_TEXT}<ul>{items}</ul>"
            "</article></body></html>")
    warnings = extract_article(html, WAZ)["metadata"]["warnings"]
    assert not [w for w in warnings if "_stage_failed" in w], warnings
