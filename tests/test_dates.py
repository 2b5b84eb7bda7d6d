"""Publication-date stage: small hand-made pages, exact values."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscrawl.clean.codes import DateSource, WarningCode
from newscrawl.clean.dates import find_dates
from newscrawl.clean.dates.headline import find_headline
from newscrawl.clean.dates.judge import settle_orders
from newscrawl.clean.dates.model import Candidate, Context, Stamp
from newscrawl.clean.dates.parse import parse_text
from newscrawl.clean.document import load_document
from newscrawl.clean.page import Page
from newscrawl.clean.structured import read_structured

NOW = datetime(2025, 3, 20, 3, 12, 45, tzinfo=UTC)  # 12:12 in Seoul

HEADER = """<header class="site-header"><span class="today-date">Thursday, March 20, 2025</span>
<nav><a href="/">Home</a> <a href="/world">World</a></nav></header>"""

BODY = (
    "<p>" + "The minister said the plan would be presented to parliament next week. " * 6 + "</p>"
)


def make_page(
    html: str,
    *,
    url: str = "https://news.example/world/1001-summit-talks",
    lang: str = "en",
    head: str = "",
    now: datetime | None = NOW,
    tz: str | None = None,
    sitemap: str | None = None,
    founded: date | None = None,
) -> Page:
    doc = (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>Leaders agree on summit talks | Example News</title>{head}</head>"
        f"<body>{html}</body></html>"
    )
    root, encoding = load_document(doc.encode("utf-8"), "text/html; charset=utf-8")
    page = Page(
        url=url,
        root=root,
        encoding=encoding,
        http_date=now,
        timezone=tz,
        sitemap_date=sitemap,
        founded=founded,
    )
    page.structured = read_structured(root, url)
    find_dates(page)
    return page


def article(byline: str = "", extra: str = "") -> str:
    return (
        f"{HEADER}<main><article><h1>Leaders agree on summit talks</h1>{byline}{BODY}"
        f"</article>{extra}</main><footer><p>© 2025 Example News</p></footer>"
    )


def published(page: Page) -> str | None:
    return page.fields.get("datePublished")


def test_header_today_date_loses_to_article_published_time() -> None:
    page = make_page(
        article(),
        tz="Asia/Seoul",
        head='<meta property="article:published_time" content="2024-12-02T09:15:00+09:00">',
    )
    assert published(page) == "2024-12-02T09:15:00+09:00"
    assert page.sources["datePublished"] == "meta:article:published_time"
    assert page.fields["datePublishedRaw"] == "2024-12-02T09:15:00+09:00"


def test_header_today_date_alone_is_not_a_publication_date() -> None:
    page = make_page(article(), tz="Asia/Seoul")
    assert published(page) is None
    assert WarningCode.NO_DATE in page.warning_codes


def test_a_date_above_the_sites_menu_is_the_frames_however_short_the_header() -> None:
    # a plain top bar (no header tag, no class) with the day, then the logo and the menu, right
    # above the headline; the article states no date
    top = (
        '<div><div>Thursday, March 20, 2025</div><a href="/"><img src="/logo.png" alt="News">'
        '</a></div><nav><a href="/world">World</a> <a href="/sport">Sport</a></nav>'
    )
    page = make_page(f"{top}<main><article><h1>Leaders agree on summit talks</h1>{BODY}"
                     "</article></main>")
    assert published(page) is None
    # a dateline right above the headline, with no menu between, is the article's
    kicker = f'{top}<p class="kicker">World | December 2, 2024</p>'
    page = make_page(f"{kicker}<h1>Leaders agree on summit talks</h1>{BODY}")
    assert published(page) == "2024-12-02"


def test_dates_in_related_lists_and_footer_are_ignored() -> None:
    related = (
        '<aside class="related"><h2>Related</h2><ul>'
        '<li><a href="/world/990">Earlier talks collapsed</a> <span class="date">'
        'November 28, 2024</span></li><li><a href="/world/991">Envoys meet again</a>'
        ' <span class="date">November 30, 2024</span></li></ul></aside>'
    )
    page = make_page(article(extra=related))
    assert published(page) is None


def test_published_beats_updated_and_both_are_kept() -> None:
    head = (
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "NewsArticle", "headline": "Leaders agree on summit talks", '
        '"datePublished": "2024-12-02T09:15:00+09:00", '
        '"dateModified": "2024-12-05T10:40:00+09:00"}</script>'
    )
    byline = '<p class="byline">Updated Dec. 5, 2024 10:40 · Published Dec. 2, 2024 09:15</p>'
    page = make_page(article(byline), head=head, tz="Asia/Seoul")
    assert published(page) == "2024-12-02T09:15:00+09:00"
    assert page.sources["datePublished"] == "jsonld"
    assert page.fields["dateModified"] == "2024-12-05T10:40:00+09:00"


def test_visible_updated_label_does_not_make_the_publication_date() -> None:
    byline = (
        '<p class="meta">Updated: December 5, 2024</p>'
        '<p class="meta">Published: December 2, 2024</p>'
    )
    page = make_page(article(byline))
    assert published(page) == "2024-12-02"


def test_modified_before_published_is_dropped() -> None:
    head = (
        '<meta property="article:published_time" content="2024-12-02T09:15:00+09:00">'
        '<meta property="article:modified_time" content="2024-11-20T10:00:00+09:00">'
    )
    page = make_page(article(), head=head)
    assert published(page) == "2024-12-02T09:15:00+09:00"
    assert "dateModified" not in page.fields


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("By Park Jae-won · 3 hours ago", "en", "2025-03-20T09:12:00+09:00"),
        ("Yesterday, 18:30", "en", "2025-03-19T18:30:00+09:00"),
        ("vor 2 Tagen", "de", "2025-03-18"),
        ("3시간 전", "ko", "2025-03-20T09:12:00+09:00"),
        ("어제", "ko", "2025-03-19"),
        ("il y a 2 jours", "fr", "2025-03-18"),
        ("hace 3 días", "es", "2025-03-17"),
    ],
)
def test_relative_dates_resolve_against_the_fetch_time(text: str, lang: str, expected: str) -> None:
    page = make_page(article(f'<p class="byline">{text}</p>'), lang=lang, tz="Asia/Seoul")
    assert published(page) == expected
    assert page.sources["datePublished"] == "byline"


@pytest.mark.parametrize(
    ("lead", "lang", "expected"),
    [
        ("LONDON, March 14 (Reuters) - ", "en", "2025-03-14"),
        ("New Delhi, Mar 14 (PTI) The ", "en", "2025-03-14"),
        ("MADRID, 14 Mar. (EUROPA PRESS) - ", "es", "2025-03-14"),
        ("МОСКВА, 14 марта. /ТАСС/. ", "ru", "2025-03-14"),
        ("BERLIN, 14. März (Reuters) - ", "de", "2025-03-14"),
        ("On Friday, March 14 (local time), the ", "en", None),  # a sentence going on
    ],
)
def test_a_wire_dateline_dates_the_story_in_the_fetch_years(
    lead: str, lang: str, expected: str | None
) -> None:
    """A wire story's dateline names the day without a year: the most recent such day not
    after the fetch."""
    text = "The minister said the plan would be presented to parliament next week. " * 4
    html = (
        f"{HEADER}<main><article><h1>Leaders agree on summit talks</h1>"
        f"<p>{lead}{text}</p></article></main>"
    )
    assert published(make_page(html, lang=lang)) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("3 часа назад", "ru", "2025-03-20T09:12:00+09:00"),
        ("Опубликовано: вчера в 18:30", "ru", "2025-03-19T18:30:00+09:00"),
        ("2 godziny temu", "pl", "2025-03-20T10:12:00+09:00"),
        ("2 saat önce", "tr", "2025-03-20T10:12:00+09:00"),
        ("2 jam yang lalu", "id", "2025-03-20T10:12:00+09:00"),  # a file without "ago"
        ("منذ ساعتين", "ar", "2025-03-20T10:12:00+09:00"),
        ("för 2 dagar sedan", "sv", "2025-03-18"),
    ],
)
def test_relative_dates_in_languages_without_a_lexicon_file(  # or without "ago" words in it
    text: str, lang: str, expected: str
) -> None:
    # dateparser's locale data turns them into English words ("3 hour ago")
    page = make_page(article(f'<p class="byline">{text}</p>'), lang=lang, tz="Asia/Seoul")
    assert published(page) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Это случилось 2 часа назад, когда мэр выступил перед депутатами",  # prose
        "Сегодня в эфире",  # "on air today": a menu item
        "3 недели назад",  # weeks: too vague to name a day
    ],
)
def test_relative_words_of_languages_without_a_file_in_phrases_are_not_dates(text: str) -> None:
    page = make_page(article(f'<p class="byline">{text}</p>'), lang="ru")
    assert published(page) is None
    no_fetch_time = make_page(article('<p class="byline">3 часа назад</p>'), lang="ru", now=None)
    assert published(no_fetch_time) is None


def test_a_relative_date_under_an_updated_label_is_the_last_change() -> None:
    page = make_page(article('<p class="byline">Updated 2 hours ago</p>'), tz="Asia/Seoul")
    assert page.fields.get("dateModified") == "2025-03-20T10:12:00+09:00"
    page = make_page(article('<p class="byline">Published 2 hours ago</p>'), tz="Asia/Seoul")
    assert "dateModified" not in page.fields
    assert published(page) == "2025-03-20T10:12:00+09:00"


def test_german_hier_is_not_yesterday() -> None:
    page = make_page(article('<p class="byline">Hier klicken</p>'), lang="de")
    assert published(page) is None


@pytest.mark.parametrize(
    "text",
    [
        "Today's Paper",  # a link in the site's menu
        "Heute schon an morgen denken",  # a headline that starts with a day word
        "Today sees the advent of a new kind of store",  # prose
        "Vor 3 Tagen hatte der Rat die neuen Regeln für alle Vereine beschlossen",
    ],
)
def test_day_words_in_phrases_are_not_dates(text: str) -> None:
    page = make_page(article(f'<p class="byline">{text}</p>'), lang="de")
    assert published(page) is None


def test_a_relative_time_does_not_outweigh_a_stated_publication_date() -> None:
    """A cached copy's "vor 11 Minuten" was computed when it was rendered, not when we
    fetched it: the publisher's stated date wins when the two disagree."""
    head = '<meta property="article:published_time" content="2024-10-31T16:00:59+01:00">'
    page = make_page(article('<p class="byline">vor 11 Minuten</p>'), lang="de", head=head)
    assert published(page) == "2024-10-31T16:00:59+01:00"


def test_relative_date_without_fetch_time_abstains() -> None:
    page = make_page(article('<p class="byline">3 hours ago</p>'), now=None)
    assert published(page) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("입력 2024.12.02 09:15", "2024-12-02T09:15:00+09:00"),
        ("기사입력 2024년 12월 2일 오후 3:05", "2024-12-02T15:05:00+09:00"),
        ("2024년 12월 2일", "2024-12-02"),
        ("입력 2024. 12. 2. 09:15", "2024-12-02T09:15:00+09:00"),  # a space after each dot
        ("2024. 12. 02. 오후 3:05", "2024-12-02T15:05:00+09:00"),
        ("2024.12.02. 오후 3:05", "2024-12-02T15:05:00+09:00"),  # the clock after the dot
    ],
)
def test_korean_forms(text: str, expected: str) -> None:
    page = make_page(article(f'<p class="date">{text}</p>'), lang="ko", tz="Asia/Seoul")
    assert published(page) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Veröffentlicht am 2. Dezember 2024", "de", "2024-12-02"),
        ("02.12.2024, 09:15 Uhr", "de", "2024-12-02T09:15:00"),
        ("Publié le 2 décembre 2024", "fr", "2024-12-02"),
        ("2 de diciembre de 2024", "es", "2024-12-02"),
        ("2 dicembre 2024", "it", "2024-12-02"),
        ("2 de dezembro de 2024", "pt", "2024-12-02"),
        ("2 december 2024", "nl", "2024-12-02"),
        ("2024年12月2日 09:15", "ja", "2024-12-02T09:15:00"),
        ("2024. 12. 02. 09:15", "hu", "2024-12-02T09:15:00"),
        ("Selasa, 3 Desember 2024 pukul 10.40 WIB", "id", "2024-12-03T10:40:00+07:00"),
    ],
)
def test_localized_forms(text: str, lang: str, expected: str) -> None:
    page = make_page(article(f'<p class="byline">{text}</p>'), lang=lang)
    assert published(page) == expected


def test_us_and_european_number_order() -> None:
    us = make_page(article('<p class="byline">12/02/2024</p>'), lang="en-US")
    assert published(us) == "2024-12-02"
    gb = make_page(article('<p class="byline">02/12/2024</p>'), lang="en-GB")
    assert published(gb) == "2024-12-02"
    # a day above 12 settles the order whatever the language
    assert (
        published(make_page(article('<p class="byline">25/12/2024</p>'), lang="en-US"))
        == "2024-12-25"
    )


def test_ambiguous_number_order_follows_agreeing_evidence() -> None:
    # 03/04/2024 alone on an English page of unknown region: the URL settles it
    page = make_page(
        article('<p class="byline">03/04/2024</p>'),
        lang="en",
        url="https://news.example/2024/04/03/summit-talks",
    )
    assert published(page) == "2024-04-03"


def test_number_order_learned_from_the_page() -> None:
    # an English page of unknown region whose comments write 25/11/2024: day first
    comments = '<section class="replies"><p>Anna wrote on 25/11/2024: well said</p></section>'
    page = make_page(article('<p class="byline">03/04/2024</p>', extra=comments), lang="en")
    assert published(page) == "2024-04-03"


def test_no_date_at_all() -> None:
    page = make_page(
        f"<main><article><h1>Leaders agree on summit talks</h1>{BODY}</article></main>"
    )
    assert published(page) is None
    assert "dateModified" not in page.fields


def test_date_only_in_sitemap() -> None:
    page = make_page(
        f"<main><article><h1>Leaders agree on summit talks</h1>{BODY}</article></main>",
        sitemap="2024-12-02T09:15:00+09:00",
    )
    assert published(page) == "2024-12-02T09:15:00+09:00"
    assert page.sources["datePublished"] == "sitemap"


def test_offset_is_kept_not_shifted_to_utc() -> None:
    page = make_page(
        article(),
        head='<meta property="article:published_time" content="2024-12-02T23:30:00-05:00">',
    )
    assert published(page) == "2024-12-02T23:30:00-05:00"


def test_utc_timestamp_moves_to_the_site_zone() -> None:
    page = make_page(
        article(),
        tz="Asia/Seoul",
        head='<meta property="article:published_time" content="2024-12-01T23:30:00Z">',
    )
    assert published(page) == "2024-12-02T08:30:00+09:00"


def test_naive_time_gets_the_site_offset() -> None:
    page = make_page(
        article(),
        tz="Asia/Seoul",
        head='<meta property="article:published_time" content="2024-12-02T09:15:00">',
    )
    assert published(page) == "2024-12-02T09:15:00+09:00"


def test_date_only_stays_date_only() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"headline": "Leaders agree on summit talks", "datePublished": "2024-12-02"}</script>'
    )
    page = make_page(article(), head=head, tz="Asia/Seoul")
    assert published(page) == "2024-12-02"
    assert page.fields["datePublishedRaw"] == "2024-12-02"


def test_date_from_url() -> None:
    page = make_page(
        f"<main><article><h1>Leaders agree on summit talks</h1>{BODY}</article></main>",
        url="https://news.example/2024/12/02/summit-talks/",
    )
    assert published(page) == "2024-12-02"
    assert page.sources["datePublished"] == "url"


@pytest.mark.parametrize(
    "path",
    [
        "/local/2024-12/02/c_1125597921.htm",  # year-month folder, day folder
        "/xwzx/202412/02/t20241202_123456.shtml",
        "/gzdt/202412/t20241202_123456.html",  # the file name of a government CMS
        "/n1/2024/1202/c1002-32123456.html",  # year folder, month-day folder
        "/gn/2024/12-02/10123456.shtml",
    ],
)
def test_date_from_chinese_news_sites_folders_in_the_url(path: str) -> None:
    page = make_page(
        f"<main><article><h1>Leaders agree on summit talks</h1>{BODY}</article></main>",
        url="http://news.example" + path,
    )
    assert published(page) == "2024-12-02"
    assert page.sources["datePublished"] == "url"


@pytest.mark.parametrize(
    "path", ["/archive/2024/1234/story.html", "/items/2024/13-02/x", "/p/at20241202_1.html"]
)
def test_numbers_in_url_folders_that_are_no_date(path: str) -> None:
    page = make_page(
        f"<main><article><h1>Leaders agree on summit talks</h1>{BODY}</article></main>",
        url="http://news.example" + path,
    )
    assert published(page) is None


@pytest.mark.parametrize(
    ("attr", "key", "value", "expected"),
    [
        ("property", "og:regDate", "20241202091500", "2024-12-02"),  # Korean CMSs
        ("name", "ptime", "2024-12-02 09:15:00", "2024-12-02T09:15:00"),
        ("property", "bt:pubDate", "20241202T09:15:00Z", "2024-12-02T09:15:00+00:00"),
        ("name", "publisheddate", "2024-12-02", "2024-12-02"),
        ("name", "DCSext.articleFirstPublished", "2024-12-02 09:15", "2024-12-02T09:15:00"),
        ("property", "article:published_date", "2024-12-02T09:15:00+01:00",
         "2024-12-02T09:15:00+01:00"),
        ("name", "publish_time", "2024-12-02T09:15:00Z", "2024-12-02T09:15:00+00:00"),
    ],
)
def test_publication_meta_tags_of_other_cmss(
    attr: str, key: str, value: str, expected: str
) -> None:
    """The publication <meta> keys of CMSs beyond Open Graph and schema.org, on a page
    whose header prints today's date."""
    page = make_page(article(), head=f'<meta {attr}="{key}" content="{value}">')
    assert published(page) == expected


def test_date_from_parselys_page_tag() -> None:
    head = (
        '<meta name="parsely-page" content=\'{"title": "Leaders agree", '
        '"pub_date": "2024-12-02T09:15:00Z", "section": "World"}\'>'
    )
    page = make_page(
        f"<main><article><h1>Leaders agree on summit talks</h1>{BODY}</article></main>", head=head
    )
    assert published(page) == "2024-12-02T09:15:00+00:00"
    broken = make_page(article(), head='<meta name="parsely-page" content="{not json">')
    assert published(broken) is None


def test_future_date_is_rejected() -> None:
    page = make_page(
        article(),
        head='<meta property="article:published_time" content="2025-06-01T09:00:00+09:00">',
    )
    assert published(page) is None


def test_date_before_1995_is_rejected() -> None:
    page = make_page(
        article(), head='<meta property="article:published_time" content="1970-01-01">'
    )
    assert published(page) is None


@pytest.mark.parametrize(
    "html",
    [
        "<p>13/45/2024 99.99.9999 2024-13-45T99:99 32. Dezember 2024</p>",
        "<h1>" + "x" * 5000 + "</h1><time datetime='not a date'>soon</time>",
        "<div><span class='date'>\ufffd2024 ∞ 31/31/31 0.0.2024</span></div>" * 50,
    ],
)
def test_weird_input_never_raises(html: str) -> None:
    page = make_page(
        html,
        head='<meta name="date" content="2024-02-30"><script '
        'type="application/ld+json">{"@type": "Article", '
        '"datePublished": {"x": 1}}</script>',
    )
    assert published(page) is None


def test_the_shared_tree_is_not_modified() -> None:
    from lxml import etree

    html = (
        f"{HEADER}<main><h1>Leaders agree on summit talks</h1><div class='txt'>{BODY}"
        "<p>Posted 2 Dec 2024</p></div></main><footer>Impressum</footer>"
    )
    doc = f"<html lang='en'><head><title>Leaders agree on summit talks</title></head><body>{html}"
    root, _ = load_document(doc.encode(), "text/html")
    before = etree.tostring(root)
    page = Page(url="https://news.example/a", root=root, http_date=NOW)
    page.structured = read_structured(root, page.url)
    find_dates(page)
    assert etree.tostring(root) == before


def test_url_date_beats_a_later_republication_date() -> None:
    page = make_page(
        f"<main><article><h1>Leaders agree on summit talks</h1>{BODY}</article></main>",
        url="https://news.example/2017/7/12/summit-talks",
        head='<meta property="article:published_time" content="2019-06-17T18:28:00+02:00">',
    )
    assert published(page) == "2017-07-12"
    assert page.sources["datePublished"] == "url"


def test_number_opening_a_slug_is_no_day() -> None:
    page = make_page(
        f"<main><article><h1>Leaders agree on summit talks</h1>{BODY}</article></main>",
        url="https://news.example/2023/10/3-questions-for-the-minister/",
    )
    assert published(page) is None


def test_account_registration_date_is_not_the_post_date() -> None:
    """Forum posts show the author's profile beside the post: "Registriert: <date>" in its
    own element is an account date, never the date of the publication."""
    html = (
        "<main><article><h1>Was ist Freiheit?</h1>"
        "<dl class='postprofile'><dt>r23</dt><dd><strong>Registriert:</strong> "
        "18.09.2008, 05:56</dd></dl>"
        "<p class='author'>von <strong>r23</strong> &raquo; 21.01.2009, 05:42</p>"
        f"{BODY}</article></main>"
    )
    page = make_page(html, url="https://forum.example/viewtopic.php?t=12")
    assert published(page) == "2009-01-21T05:42:00"



def test_labelled_publication_date_in_a_sidebar_dressed_info_box() -> None:
    """Podcast and media pages put the credits ("Mise en ligne" = put online) in a box
    classed as a sidebar, the label in its own element: that one labelled date counts."""
    box = (
        "<div class='description__sidebar'><ul><li><p class='title'>Réalisation</p>"
        "<p class='content'>Kristen Falc'hon</p></li><li><p class='title'>Mise en ligne</p>"
        "<p class='content'>23 mai 2019</p></li></ul></div>"
    )
    html = f"<main><article><h1>La voix des nuls</h1>{BODY}</article>{box}</main>"
    page = make_page(html, lang="fr", url="https://radio.example/son/61661515/la_voix_des_nuls")
    assert published(page) == "2019-05-23"
    assert page.sources["datePublished"] == "byline"


def test_labelled_dates_in_a_sidebar_teaser_list_are_not_taken() -> None:
    """Several labelled dates in sidebars belong to teasers of other articles."""
    teasers = "".join(
        f"<li class='sidebar-item'><a href='/world/{n}'>Story {n}</a> "
        f"<span>Published:</span> <span>{day} November 2024</span></li>"
        for n, day in ((990, 28), (991, 30))
    )
    html = (
        f"<main><article><h1>Leaders agree on summit talks</h1>{BODY}</article>"
        f"<div class='sidebar'><ul>{teasers}</ul></div></main>"
    )
    page = make_page(html)
    assert published(page) is None


def _untitled_page(body: str) -> str:
    """A page whose <title> names only the section, so no heading matches it."""
    return (
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">'
        "<title>Aktuelles | Verband</title></head><body>" + body + "</body></html>"
    )


PROSE_DE = "<p>" + "Der Verband stellt das neue System für alle Vereine vor. " * 4 + "</p>"


def test_headline_is_the_heading_text_follows_not_a_widget_h1() -> None:
    """No heading matches the title; the <h1>s are widget titles in a side column. The
    date under the <h2> that the article text follows is the publication date, not the
    date next to the first widget <h1>."""
    body = (
        "<div id='col_1'><h2>Kommende Events</h2><p>Keine Termine.</p></div>"
        "<div id='content'><h2>Levelpässe können ab sofort bestellt werden</h2>"
        f"<div><b>Synchronschwimmen</b><br><span class='blue'>01.02.2022</span></div>{PROSE_DE}"
        "</div><div id='col_3'><h1>Unsere Partner - Synchronschwimmen</h1>"
        "<p><a href='/p1'>Partner 1</a></p><p>Partnertag am 15.03.2022</p>"
        "<h1>Hier Hotels buchen und Gutes tun</h1><p>"
        + "Mit jeder Buchung unterstützen Sie den Verband und seine Arbeit. " * 2
        + "</p></div>"
    )
    root, encoding = load_document(_untitled_page(body).encode(), "text/html; charset=utf-8")
    page = Page(url="https://verband.example/aktuelles/lesen/?id=5793", root=root,
                encoding=encoding)
    page.structured = read_structured(root, page.url)
    find_dates(page)
    assert published(page) == "2022-02-01"


def test_a_list_of_posts_has_no_headline_among_its_h2s() -> None:
    """A blog's front page: every post's <h2> leads text; none of them is the page's
    headline (which would make that post's date the page's)."""
    posts = "".join(
        f"<div class='post'><h2>Beitrag Nummer {n} über das System</h2>"
        f"<p class='meta'>{d}. Juli 2013 von uriebe</p>{PROSE_DE * n}</div>"
        for n, d in ((1, 10), (2, 23))
    )
    root, encoding = load_document(_untitled_page(posts).encode(), "text/html; charset=utf-8")
    page = Page(url="https://blog.example/blog/", root=root, encoding=encoding)
    page.structured = read_structured(root, page.url)
    assert find_headline(page) is None


@pytest.mark.parametrize(
    ("byline", "lang", "now", "expected"),
    [
        # NHK-style: month and day only, under the headline
        ('<p class="article-main__date">[06月24日 11時30分]</p>', "ja",
         datetime(2019, 6, 24, 5, 0, tzinfo=UTC), "2019-06-24T11:30:00"),
        # fetched in January: December is last year's
        ('<p class="byline">By Jane Roe · Dec. 2, 10:40 AM</p>', "en",
         datetime(2025, 1, 5, 12, 0, tzinfo=UTC), "2024-12-02T10:40:00"),
        ('<p class="meta">2. Dezember</p>', "de",
         datetime(2024, 12, 20, 12, 0, tzinfo=UTC), "2024-12-02"),
    ],
)
def test_year_less_bylines_take_the_latest_year_not_after_the_fetch(
    byline: str, lang: str, now: datetime, expected: str
) -> None:
    page = make_page(
        f"<main><article><h1>Leaders agree on summit talks</h1>{byline}{BODY}</article></main>",
        lang=lang,
        now=now,
    )
    assert published(page) == expected


def test_year_less_byline_without_a_fetch_time_abstains() -> None:
    html = (
        "<main><article><h1>Leaders agree on summit talks</h1>"
        f'<p class="byline">Dec. 2, 10:40 AM</p>{BODY}</article></main>'
    )
    assert published(make_page(html, now=None)) is None


def test_year_less_header_today_date_is_not_the_publication_date() -> None:
    header = (
        '<header class="site-header"><span class="today-date">Thursday, March 20</span></header>'
    )
    html = f"{header}<main><article><h1>Leaders agree on summit talks</h1>{BODY}</article></main>"
    assert published(make_page(html)) is None


def test_no_publication_date_before_the_site_went_online() -> None:
    """A site profile's `founded` day bounds the dates: an older one is a quoted date (a
    law's, an event's) or a migration artefact, not this page's publication."""
    html = article('<p class="byline">Published: 12 March 2004</p>')
    assert published(make_page(html)) == "2004-03-12"
    assert published(make_page(html, founded=date(2010, 1, 1))) is None


_MONTHS = ["Jan.", "December", "Dezember", "mai", "6月", "12월", "Sept"]


@settings(max_examples=200, deadline=None)
@given(
    text=st.one_of(
        st.text(max_size=60),
        st.builds(
            lambda m, d, t: f"{d}. {m} {t}" if m[0].isalpha() else f"{m}{d}日 {t}",
            st.sampled_from(_MONTHS),
            st.integers(min_value=0, max_value=40),
            st.sampled_from(["", "10:40", "11時30分", "25:99", "vor 3 Stunden"]),
        ),
    ),
    now=st.datetimes(
        min_value=datetime(2001, 1, 1), max_value=datetime(2035, 12, 31), timezones=st.just(UTC)
    ),
)
def test_short_dates_never_land_after_the_fetch_or_raise(text: str, now: datetime) -> None:
    """Any byline-sized text, any fetch time: a day worked out from the fetch time is never
    later than the fetch (give or take a time zone) and at most a year before it."""
    from newscrawl.clean.dates.context import page_context
    from newscrawl.clean.dates.relative import short_date

    root, encoding = load_document(b"<html lang='de'><body></body></html>", None)
    page = Page(url="https://news.example/a", root=root, encoding=encoding, http_date=now)
    ctx = page_context(page)
    ctx.langs = ("de", "en", "fr", "ja", "ko")
    stamp = short_date(text, ctx)
    if stamp is not None:
        assert stamp.day <= now.date() + timedelta(days=1)
        assert stamp.day >= now.date() - timedelta(days=366)


def test_a_data_date_attribute_near_the_headline_is_a_machine_readable_date() -> None:
    """Some CMSs state the date only in a data attribute of a header widget (a timeline
    marker): `data-date` / `data-published` are read like <time datetime>."""
    marker = '<div class="article-timeline"><div data-date="18. März 2020"></div></div>'
    page = make_page(article(marker), lang="de")
    assert published(page) == "2020-03-18"
    assert page.sources["datePublished"] == "time"


def test_htmldate_alone_is_no_evidence_for_a_day_only_a_script_states() -> None:
    """htmldate finds the first timestamp in the raw HTML (a script's record here) and would
    date the page by it; a day the page does not state in its visible text is not taken."""
    from htmldate import find_date

    record = (
        '<script>var record = {"file_date": "2020-07-25", "mod_date": "2020-08-18 13:14:26"};'
        "</script>"
    )
    html = f"<main><article><h1>Leaders agree on summit talks</h1>{BODY}{record}</article></main>"
    page = make_page(html, now=datetime(2020, 8, 20, tzinfo=UTC))
    assert find_date(page.root, extensive_search=False, original_date=True) == "2020-08-18"
    assert published(page) is None


def test_htmldate_confirms_a_day_the_visible_text_states() -> None:
    """The same trap, but the page prints the day (in a line our rules do not read as a
    byline): htmldate's agreeing answer counts."""
    html = (
        "<main><article><h1>Leaders agree on summit talks</h1>"
        f"{BODY}<div class='info'><span>Stand</span> <span>18.08.2020 13:14</span></div>"
        "</article></main>"
    )
    page = make_page(html, lang="de", now=datetime(2020, 8, 20, tzinfo=UTC))
    assert published(page) is not None and published(page).startswith("2020-08-18")


@pytest.mark.parametrize(
    ("footer", "lang", "expected"),
    [
        ("This page was last edited on 29 January 2020, at 13:22.", "en", "2020-01-29T13:22:00"),
        ("Diese Seite wurde zuletzt am 29. Januar 2020 um 13:22 Uhr geändert.", "de",
         "2020-01-29T13:22:00"),
    ],
)
def test_a_page_that_states_only_its_last_change_is_dated_by_it(
    footer: str, lang: str, expected: str
) -> None:
    """Wiki and CMS pages without a publication date: the version archived was published
    when it last changed."""
    html = (
        f"<main><h1>Leaders agree on summit talks</h1>{BODY}</main>"
        f"<footer id='footer'><ul><li id='footer-info-lastmod'>{footer}</li></ul></footer>"
    )
    page = make_page(html, lang=lang)
    assert published(page) == expected
    assert page.sources["datePublished"] == "last_modified"


def test_last_change_does_not_outweigh_a_publication_date() -> None:
    html = (
        f"<main><h1>Leaders agree on summit talks</h1><p class='byline'>2 December 2024</p>"
        f"{BODY}</main><footer>This page was last edited on 29 January 2025.</footer>"
    )
    assert published(make_page(html)) == "2024-12-02"


def test_a_label_inside_another_word_or_in_the_menu_is_no_label() -> None:
    """"Corona-Update" in the navigation, right before the date line: not "Updated"."""
    html = (
        "<nav><a href='/corona'>Corona-Update</a></nav><main><article>"
        "<h1>Leaders agree on summit talks</h1><small>31.01.2022</small>"
        f"{BODY}</article></main>"
    )
    page = make_page(html, lang="de")
    assert published(page) == "2022-01-31"


def test_caption_date_under_the_headline_is_not_the_byline() -> None:
    html = (
        "<main><article><h1>Leaders agree on summit talks</h1><figure><img src='/a.jpg'>"
        "<figcaption>The delegations on 28 November 2024 (Photo: AP)</figcaption></figure>"
        f"{BODY}</article></main>"
    )
    assert published(make_page(html)) is None


def test_dates_in_an_embedded_post_are_not_the_articles() -> None:
    quote = (
        "<blockquote class='twitter-tweet'><p>The talks begin now.</p>&mdash; Minister "
        "(@minister) <a href='https://x.example/1'>November 30, 2024</a></blockquote>"
    )
    head = '<meta property="article:published_time" content="2024-12-02T09:15:00+09:00">'
    page = make_page(article(quote), head=head)
    assert published(page) == "2024-12-02T09:15:00+09:00"


@pytest.mark.parametrize(
    ("locale", "host", "order"),
    [
        ("en", "news.example.co.uk", ("DMY", True)),  # the country domain's English
        ("en", "news.example.com.au", ("DMY", True)),
        ("en", "startup.example.io", ("MDY", False)),  # a vanity domain says nothing
        ("en", "news.example.com", ("MDY", False)),
        ("en-US", "news.example.co.uk", ("MDY", True)),  # a stated region wins
        ("en-IN", "news.example.com", ("DMY", True)),
        ("fr-CA", "nouvelles.example.ca", ("DMY", False)),  # year first: no evidence
        ("pl", "wiadomosci.example.pl", ("DMY", True)),
    ],
)
def test_number_order_from_the_locale(locale: str, host: str, order: tuple[str, bool]) -> None:
    from newscrawl.clean.dates.context import _number_order

    assert _number_order(locale, host) == order


def test_month_names_of_a_page_that_declares_no_language() -> None:
    """No lang attribute: the page's words tell it is Polish, so "15 marca 2024" is read."""
    polish = (
        "<p>Zarząd Dróg Miejskich poinformował, że remont mostu potrwa do piątku, a objazdy "
        "zostały oznakowane na wszystkich skrzyżowaniach w centrum miasta. Mieszkańcy "
        "okolicznych ulic skarżą się na hałas, jednak prace prowadzone są tylko w dzień.</p>"
    )
    doc = (
        "<html><head><title>Remont mostu potrwa do piątku</title></head><body><main><article>"
        f"<h1>Remont mostu potrwa do piątku</h1><p class='date'>15 marca 2024</p>{polish}"
        "</article></main></body></html>"
    )
    root, encoding = load_document(doc.encode(), "text/html; charset=utf-8")
    page = Page(url="https://wiadomosci.example.pl/kraj/most", root=root, encoding=encoding)
    page.structured = read_structured(root, page.url)
    find_dates(page)
    assert published(page) == "2024-03-15"


@pytest.mark.parametrize(
    ("script", "headline"),
    [
        ('{"@type": "NewsArticle", "headline": "A", "datePublished": "2024-12-02",}', "A"),
        ('{"@type": "NewsArticle", "headline": "line\nbreak"}', "line\nbreak"),
        ('{"@type": "WebSite", "name": "X"}\n{"@type": "NewsArticle", "headline": "B"}', "B"),
        ('//<![CDATA[\n{"@type": "NewsArticle", "headline": "C"}\n//]]>', "C"),
    ],
)
def test_broken_json_ld_is_read_leniently(script: str, headline: str) -> None:
    doc = f'<html><head><script type="application/ld+json">{script}</script></head></html>'
    root, _ = load_document(doc.encode(), "text/html")
    data = read_structured(root, "https://news.example/a")
    art = data.article()
    assert art is not None and art["headline"] == headline


@pytest.mark.parametrize(
    ("objects", "page", "headline"),
    [
        # a related story described first, with its own address: the page's own wins
        (
            [{"@type": "NewsArticle", "headline": "Other", "url": "https://news.example/b"},
             {"@type": "NewsArticle", "headline": "Own", "url": "https://news.example/a/"}],
            "https://news.example/a",
            "Own",
        ),
        (
            [{"@type": "NewsArticle", "headline": "Other", "url": "https://news.example/b"},
             {"@type": "NewsArticle", "headline": "Own"}],
            "https://news.example/a",
            "Own",
        ),
        # a syndicated copy: the first names the page as its main entity, another host as url
        (
            [{"@type": "NewsArticle", "headline": "Own", "url": "https://paper.example/x",
              "mainEntityOfPage": "http://news.example/2024/12/02/x/"},
             {"@type": "Article", "headline": "Second"}],
            "https://news.example/2024/12/02/x/",
            "Own",
        ),
        # a slide of the story: its own address is the story's folder
        (
            [{"@type": "NewsArticle", "headline": "Own", "url": "https://news.example/jokes/"},
             {"@type": "Article", "headline": "Home", "mainEntityOfPage": "https://news.example/"}],
            "https://news.example/jokes/slide/1",
            "Own",
        ),
    ],
)
def test_the_json_ld_article_is_the_pages_own_not_a_related_storys(
    objects: list[dict[str, str]], page: str, headline: str
) -> None:
    script = f'<script type="application/ld+json">{json.dumps(objects)}</script>'
    doc = f"<html><head>{script}</head></html>"
    root, _ = load_document(doc.encode(), "text/html")
    art = read_structured(root, page).article()
    assert art is not None and art["headline"] == headline


_TEASERS = [
    {"@type": "NewsArticle", "headline": "Other", "url": "https://news.example/b",
     "datePublished": "2024-12-01"},
    {"@type": "BlogPosting", "headline": "Third", "url": "https://news.example/c"},
]


@pytest.mark.parametrize(
    ("objects", "page", "canonical", "headline"),
    [
        # related-story cards that name their stories: none is the page's article
        (_TEASERS, "https://news.example/a", None, None),
        # ... nor when the page describes nothing else (the lone dated object is a teaser)
        (_TEASERS + [{"@type": "WebSite", "name": "News"}], "https://news.example/a", None, None),
        # the page's own, named by its canonical address (an AMP copy), beside the cards
        (_TEASERS + [{"@type": "NewsArticle", "headline": "Own", "url": "https://news.example/a"}],
         "https://news.example/amp/a", "https://news.example/a", "Own"),
        # one story named by two objects (article and web page under a canonical address)
        ([{"@type": "NewsArticle", "headline": "Own", "url": "https://news.example/a"},
          {"@type": "WebPage", "name": "Own page", "url": "https://news.example/a"}],
         "https://news.example/amp/a", None, "Own"),
    ],
)
def test_articles_naming_other_stories_are_a_list_of_teasers(
    objects: list[dict[str, str]], page: str, canonical: str | None, headline: str | None
) -> None:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    script = f'<script type="application/ld+json">{json.dumps(objects)}</script>'
    root, _ = load_document(f"<html><head>{link}{script}</head></html>".encode(), "text/html")
    data = read_structured(root, page)
    art = data.article()
    assert (art or {}).get("headline") == headline
    if headline is None:
        page_obj = make_page(article(), url=page, head=script)
        assert published(page_obj) is None


def test_a_live_blogs_coverage_start_is_its_publication() -> None:
    live = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": "Leaders agree on summit talks",
        "coverageStartTime": "2024-12-02T09:15:00+09:00",
        "liveBlogUpdate": [{"@type": "BlogPosting", "datePublished": "2024-12-03T10:00:00Z"}],
    }
    head = f'<script type="application/ld+json">{json.dumps(live)}</script>'
    body = f"<main><article><h1>Leaders agree on summit talks</h1>{BODY}</article></main>"
    assert published(make_page(body, head=head)) == "2024-12-02T09:15:00+09:00"


def test_a_broken_json_ld_script_does_not_cost_the_others() -> None:
    doc = (
        '<html><head><script type="application/ld+json">{"@type": "Organization", '
        '"name": "X", // the logo\n}</script><script type="application/ld+json">'
        '{"@type": "NewsArticle", "datePublished": "2024-12-02T09:15:00+09:00"}</script>'
        "</head><body></body></html>"
    )
    root, _ = load_document(doc.encode(), "text/html")
    assert len(read_structured(root, "https://news.example/a").objects) == 2


def test_utc_timestamp_moves_to_the_zone_of_a_single_zone_country_domain() -> None:
    """Nigeria keeps one offset all year (+01:00): a UTC timestamp late on the 1st is the
    2nd in Lagos. A country spanning several offsets (Brazil) gets no guess."""
    head = '<meta property="article:published_time" content="2024-12-01T23:30:00Z">'
    lagos = make_page(article(), head=head, url="https://news.example.ng/politics/1")
    assert published(lagos) == "2024-12-02T00:30:00+01:00"
    brazil = make_page(article(), head=head, lang="pt", url="https://noticias.example.br/1")
    assert published(brazil) == "2024-12-01T23:30:00+00:00"


@pytest.mark.parametrize(
    "widget",
    [
        '<p class="meta"><abbr data-utime="1733128500" class="stamp"></abbr></p>',
        '<div class="info"><span data-publish-time="1733128500000"></span></div>',  # ms
        '<div class="info"><span data-published-at="1733128500"></span></div>',
        '<div><span class="stamp" data-date-time="2024-12-02 09:35:00"></span></div>',
    ],
)
def test_an_epoch_timestamp_widget_near_the_headline_is_a_machine_readable_date(
    widget: str,
) -> None:
    """A timestamp widget whose visible text a script renders ("Gestern um 02:12") carries
    the instant as Unix time (or a date-time), read in the German page's zone."""
    page = make_page(article(widget), lang="de", tz="Europe/Berlin")
    assert published(page) == "2024-12-02T09:35:00+01:00"


def test_date_only_metadata_does_not_outvote_the_bylines_neighbouring_day() -> None:
    """JSON-LD and meta agree on a date without a time, the UTC day; the byline prints the
    publisher's day, the next one: a time-zone difference, not two dates."""
    head = (
        '<meta property="article:published_time" content="2020-06-28">'
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"headline": "Leaders agree on summit talks", "datePublished": "2020-06-28"}</script>'
    )
    page = make_page(article('<p class="byline">29 June 2020</p>'), head=head)
    assert published(page) == "2020-06-29"


@pytest.mark.parametrize(
    ("value", "thread"),
    [("comments-area", True), ("commentlist", True), ("disqus_thread", True),
     ("commentsSection", True), ("post-comments", True), ("comment even depth-1", True),
     ("comment-count", False), ("comments-link", False), ("no-comments", False),
     ("tag-kommentar", False), ("post_tag-kommentar", False), ("tone-comment", False),
     ("commentary", False), ("entry-meta-comments", False)],
)
def test_comment_thread_class_words(value: str, thread: bool) -> None:
    from newscrawl.clean.dates.body import _thread_words

    assert _thread_words(value) is thread


def _cand(day: date, source: DateSource, guessed: bool = False) -> Candidate:
    return Candidate(Stamp(day), day.isoformat(), source, 3.0, guessed_order=guessed)


def test_a_guessed_order_is_settled_by_a_statement_of_certain_order() -> None:
    guessed = _cand(date(2020, 2, 3), DateSource.URL, guessed=True)  # /02-03-2020/ read MDY
    firm = _cand(date(2020, 3, 2), DateSource.BYLINE)  # "March 2, 2020"
    settled = settle_orders([guessed, firm])
    assert settled[0].stamp.day == date(2020, 3, 2) and not settled[0].guessed_order
    assert settled[1] is firm


def test_a_guessed_order_stays_a_guess_without_a_decisive_statement() -> None:
    guessed = _cand(date(2020, 2, 3), DateSource.URL, guessed=True)
    neither = [guessed, _cand(date(2020, 5, 9), DateSource.BYLINE)]
    both = [
        guessed,
        _cand(date(2020, 3, 2), DateSource.JSONLD),
        _cand(date(2020, 2, 3), DateSource.META),
    ]
    assert settle_orders(neither)[0] is guessed
    assert settle_orders(both)[0] is guessed
    # its own reading confirmed: no longer a guess, the day kept
    own = settle_orders([guessed, _cand(date(2020, 2, 3), DateSource.JSONLD)])[0]
    assert own.stamp.day == date(2020, 2, 3) and not own.guessed_order


def _parse_ctx(*langs: str) -> Context:
    return Context(
        langs=langs,
        order="DMY",
        order_known=True,
        now=NOW,
        tz=None,
        limit=NOW,
        earliest=date(1995, 1, 1),
    )


@pytest.mark.parametrize(
    ("text", "langs"),
    [
        ("٢ مارس ٢٠٢٠ - ١٠:٣٠", ("ar",)),  # Arabic-Indic digits
        ("٢ مارس، ٢٠٢٠ - ١٠:٣٠", ("ar",)),  # the Arabic comma before the year
        ("2 مارچ، 2020 - 10:30", ("ur",)),
        ("२ मार्च २०२०, १०:३०", ("hi",)),  # Devanagari
        ("２０２０年３月２日 １０時３０分", ("ja",)),  # fullwidth
        ("2 มีนาคม 2563 10:30 น.", ("th",)),  # Buddhist Era year
        ("๒ มีนาคม ๒๕๖๓ ๑๐:๓๐", ("th",)),  # Thai digits and era
    ],
)
def test_dates_in_other_scripts_digits_and_eras(text: str, langs: tuple[str, ...]) -> None:
    found = parse_text(text, _parse_ctx(*langs, "en"))
    assert found and found[0][0].day == date(2020, 3, 2), text
    assert found[0][0].clock is not None and found[0][0].clock.hour == 10, text


def test_a_buddhist_era_year_is_read_only_on_thai_pages() -> None:
    # 2563 after a Thai word on a page not in Thai is no year; on a Thai page a sum is no date
    assert parse_text("2 มีนาคม 2563", _parse_ctx("en")) == []
    assert parse_text("งบประมาณ 2563 ล้านบาท", _parse_ctx("th", "en")) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("2 มี.ค. 2563", "th"),  # abbreviation with its dots
        ("อัปเดต 2 มี.ค. 63 10:15 น.", "th"),  # and the era year's last two digits
        ("วันจันทร์ที่ 2 มีนาคม พ.ศ. 2563", "th"),  # era mark before the year
        ("Ngày 02 tháng 03 năm 2020", "vi"),  # numbered month
        ("Thứ Hai, ngày 2 tháng 3, 2020 10:15", "vi"),
        ("2 آذار 2020", "ar"),  # Levantine month name
        ("الاثنين 2 مارس/آذار 2020", "ar"),  # both calendars' names
        ("2020. március 2. 10:15", "hu"),  # year first
        ("2020. márc. 2.", "hu"),
        ("2020 m. kovo 2 d.", "lt"),
        ("2. mart 2020.", "sr"),  # Serbian in Latin script on a page declaring "sr"
        ("2. март 2020.", "sr"),
        ("2. mart 2020.", "bs"),
    ],
)
def test_month_forms_beyond_dateparsers_data(text: str, lang: str) -> None:
    found = parse_text(text, _parse_ctx(lang, "en"))
    assert found and found[0][0].day == date(2020, 3, 2), text


def test_month_forms_do_not_read_other_numbers_as_dates() -> None:
    # a year-first date only on pages in a language that writes it so; a numbered month
    # needs its month word; an amount in Thai is no date
    assert parse_text("2020. március 2.", _parse_ctx("en")) == []
    assert parse_text("2020. March 2. was the day", _parse_ctx("en")) == []
    assert parse_text("2 năm 3 tháng 2020", _parse_ctx("vi", "en")) == []
    assert parse_text("ราคา 2 ม.ค. 2563 ล้านบาท", _parse_ctx("en")) == []
    assert parse_text("2 มี.ค. 63", _parse_ctx("en")) == []  # two digits: Thai pages only
    assert parse_text("ราคา 2 มี.ค. 10:15", _parse_ctx("th", "en")) == []  # a time, no year
