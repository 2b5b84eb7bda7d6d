"""Boilerplate removal on small hand-made pages: rails, teasers, promos, and the article root."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml.html import document_fromstring, fragment_fromstring

from newscrawl.clean.article import build_page, finish
from newscrawl.clean.boilerplate import prune_chrome, remove_boilerplate
from newscrawl.clean.captions import collect_images
from newscrawl.clean.content import find_main_content
from newscrawl.clean.metadata import read_metadata
from newscrawl.clean.render import normalize_space

URL = "https://news.example.com/2024/05/01/story"

PARAS = [
    "The regional government approved a plan on Monday to rebuild the harbour, which was "
    "badly damaged by storms last winter and has been closed to larger ships since then.",
    "Officials said the work would start in the autumn and take about two years, with most "
    "of the money coming from the national infrastructure fund set up last year.",
    "Fishermen welcomed the decision but warned that another season without a working "
    "harbour would force several family businesses to close for good this year.",
]


def clean(html: str, url: str = URL) -> dict[str, Any]:
    """The cleaning stages of the crawl (without the dates stage, which is not under test)."""
    page = build_page(html, url)
    read_metadata(page)
    find_main_content(page)
    remove_boilerplate(page)
    collect_images(page)
    return finish(page)


def article(extra: str = "", *, before: str = "", wrapper: str = "div") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    return (
        f"<html><head><title>Harbour plan</title></head><body>"
        f"<{wrapper} class='story'><h1>Harbour plan approved</h1>{before}{body}{extra}"
        f"</{wrapper}></body></html>"
    )


def assert_story_kept(item: dict[str, Any]) -> None:
    for p in PARAS:
        assert p in item["articleBody"]


TEASERS = [
    "Storm season forecast worse than expected",
    "New ferry line links the islands from June",
    "Port workers vote to end the strike",
]


@pytest.mark.parametrize(
    "label",
    [
        "Hot this week", "Topics", "Related Articles", "You may also like...",
        "많이 본 뉴스", "관련기사", "Meistgelesen", "Mehr zum Thema", "À lire aussi",
        "Les plus lus", "Lo más leído", "Noticias relacionadas",
    ],
)
def test_rail_with_label_is_removed(label: str) -> None:
    rail = "<div class='box'><h3>{}</h3><ul>{}</ul></div>".format(
        label, "".join(f"<li><a href='/n/{i}'>{t}</a></li>" for i, t in enumerate(TEASERS))
    )
    item = clean(article(rail))
    assert_story_kept(item)
    assert label not in item["articleBody"]
    for t in TEASERS:
        assert t not in item["articleBody"]


def test_flat_rail_after_the_story_is_removed() -> None:
    # Label and teaser links are siblings of the article's paragraphs.
    flat = "<h3>Related stories</h3>" + "".join(
        f"<p><a href='/n/{i}'>{t}</a></p>" for i, t in enumerate(TEASERS)
    )
    item = clean(article(flat))
    assert_story_kept(item)
    assert not any(t in item["articleBody"] for t in TEASERS)


def test_repeated_teaser_block_is_removed() -> None:
    teaser = (
        "<div class='card'><a href='/n/9'>Harbour city wins the national tourism award</a>"
        "<span>2 hours ago</span></div>"
    )
    html = article(teaser).replace(
        "</body>", f"<div class='rail'>{teaser}{teaser}</div></body>"
    )
    item = clean(html)
    assert_story_kept(item)
    assert "tourism award" not in item["articleBody"]


def test_repeated_link_inside_a_paragraph_keeps_the_paragraph() -> None:
    link = "<a href='/people/mayor'>Mayor Anna Lindqvist of the harbour town</a>"
    para = f"<p>The plan was presented by {link} at a packed meeting in the town hall.</p>"
    html = article(para).replace("</body>", f"<div>{link}</div></body>")
    item = clean(html)
    assert "at a packed meeting in the town hall" in item["articleBody"]


def test_link_only_teaser_paragraph_and_read_more_are_removed() -> None:
    inline = (
        "<p><strong><a href='/n/1'>STORM DAMAGE WORSE THAN FIRST THOUGHT</a></strong></p>"
        "<p>READ MORE: <a href='/n/2'>Fishermen count the cost of the winter storms</a></p>"
    )
    item = clean(article(before="", extra=inline))
    assert_story_kept(item)
    assert "STORM DAMAGE" not in item["articleBody"]
    assert "count the cost" not in item["articleBody"]


def test_author_email_link_is_kept() -> None:
    contact = "<p><a href='mailto:reporter@example.com'>reporter@example.com</a></p>"
    item = clean(article(contact))
    assert "reporter@example.com" in item["articleBody"]


@pytest.mark.parametrize(
    "promo",
    [
        "Sign up for our free daily newsletter and get the news in your inbox.",
        "Follow us on Twitter @harbournews and on Facebook.",
        "(Reporting by Jane Doe; Editing by John Roe)",
        "Advertisement",
        "Реклама:",  # an ad label alone, in languages with and without a lexicon file
        "Síguenos en Facebook: La Prensa y en Twitter: @laprensa",  # follow lines ...
        "Следите за нами в Telegram и ВКонтакте.",
        "Obserwuj nas na Facebooku.",
        "Bizi Twitter'da takip edin.",  # ... with the network first
        "עקבו אחרינו בפייסבוק",  # ... with the network's prefix
        "Подпишитесь на нашу рассылку и получайте главные новости дня.",  # pitches
        "Zapisz się do naszego newslettera.",
        "Bültenimize abone olun.",
        "Foto: MDR/Bernd Cramer",  # a photo credit alone, its photo gone
        "(Credit: Clayton Aldern / Grist)",
        "Фото: ТАСС",
        "[사진=JTBC, 이매진아시아]",
        "Annons",
        "Advertentie",
        "広告",
        "إعلان",
        "05/10/2018 - Publicado por: Maria Silva - Categoria: Cidade",
        "Follow AP's full coverage of the harbour at https://apnews.com/Harbour",
        "Image 1 of 5 Image 2 of 5",
        "ATENÇÃO: Comentários ofensivos não serão aprovados pelo moderador.",
        "Comments are moderated and will be published once approved.",
        "Kommentare werden erst nach Prüfung freigeschaltet.",
        "If you buy something using links in our stories, we may earn a commission.",
        "Dieser Artikel enthält Affiliate-Links. Kaufen Sie darüber ein, erhalten wir eine "
        "kleine Provision.",
        "Si compras a través de estos enlaces, podemos recibir una comisión.",
        "Der Newsletter kommt jeden Abend in Ihr Postfach. Hier geht's zur Anmeldung!",
        # Indonesian channel pitches: a phrase, then a network a few words on
        "Simak berita dan artikel lainnya di Google News dan WhatsApp Channel",
        "Dapatkan update berita pilihan dan breaking news setiap hari dari Kompas.com. Mari "
        "bergabung di Grup Telegram \"Kompas.com News Update\", caranya klik link, kemudian "
        "join.",
        "Cek Berita dan Artikel yang lain di Google News",
        "Cek berita dan artikel yg lain di Google News dan ikuti WhatsApp channel kami",
        "Foto 3 dari 12",
        "Diposting oleh Budi Santoso",
        "Fot. PAP/Radek Pietruszka",  # Polish: a credit alone, a sponsor's label, a counter
        "Źródło zdjęcia: Jan Kowalski/PAP",
        "Materiał partnera",
        "Zdjęcie 3 z 12",
        "Śledź nas na Facebooku i Instagramie.",
        "Komentarze są moderowane przez redakcję.",
        # Russian: a follow line naming the site, a partner label, a counter, a notice
        "Подписывайтесь на «Газету.Ru» в Дзене и Telegram.",
        "На правах рекламы",
        "Фото 3 из 12",
        "Комментарии проходят премодерацию.",
        "Yorumunuz onaylandıktan sonra yayınlanacaktır.",  # Turkish
        "Sponsorlu İçerik",
    ],
)
def test_promos_are_removed(promo: str) -> None:
    item = clean(article(f"<p>{promo}</p>"))
    assert_story_kept(item)
    assert promo not in item["articleBody"]


@pytest.mark.parametrize(
    "line",
    [
        "<p>Tags: <a href='/tag/budget/' rel='tag'>Budget</a>, <a href='/tag/harbour/' "
        "rel='tag'>Harbour</a></p>",
        "<p><strong>Теги:</strong> <a href='/tags/politika'>политика</a> · "
        "<a href='/tags/byudzhet'>бюджет</a></p>",
        "<div>Kategorisiert unter: <a href='/category/guides/'>Guides</a> • "
        "<a href='/category/tipps/'>Tipps</a></div>",
        "<p>タグ： <a href='/keyword/harbour'>港</a></p>",
        "<p><strong>Kata kunci:</strong> <a href='/tag/anggaran'>anggaran</a>, "
        "<a href='/tag/pelabuhan'>pelabuhan</a></p>",
    ],
)
def test_labelled_tag_lines_are_removed(line: str) -> None:
    item = clean(article(line))
    assert_story_kept(item)
    assert not any(w in item["articleBody"]
                   for w in ("Budget", "бюджет", "Guides", "港", "anggaran"))


@pytest.mark.parametrize(
    "line",
    [
        # a tag link inside a sentence, a source line linking to a topic page, an unlabelled
        # list of places (Fundus keeps such lines as text)
        "<p>The <a href='/tag/harbour/'>harbour</a> committee met again on Tuesday evening.</p>",
        "<p><em>Quelle der Polizeimeldung: <a href='/thema/kantonspolizei-bern'>Kapo BE</a>"
        "</em></p>",
        "<p><a href='/topic/miyazaki'>Miyazaki</a>, <a href='/topic/takanabe'>Takanabe</a></p>",
    ],
)
def test_tag_links_that_are_the_storys_text_stay(line: str) -> None:
    item = clean(article(line))
    words = " ".join(fragment_fromstring(line).text_content().split())
    assert words in item["articleBody"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Residents' comments were heard before the harbour plan was approved on Monday.",
        "Die Kommentare der Anwohner waren moderat, sagte die Bürgermeisterin.",
    ],
)
def test_a_story_sentence_with_comments_and_approval_is_not_a_notice(sentence: str) -> None:
    item = clean(article(f"<p>{sentence}</p>"))
    assert sentence in item["articleBody"]


SIGNUP_FORM = (
    "<form action='/subscribe' method='post'><input type='email' name='email' "
    "placeholder='Email address'><button type='submit'>Get started</button></form>"
)


@pytest.mark.parametrize(
    "box",
    [
        "<section class='col-span-3 border p-4'><h3>Morning briefing</h3><p>Every weekday: the "
        f"harbour news before breakfast.</p>{SIGNUP_FORM}<p>By signing up you accept our "
        "<a href='/terms'>terms</a>.</p></section>",
        "<div class='c-box'><div class='c-box__content'><h2>Get daily local news</h2><div>"
        f"News from the coast, every morning.</div>{SIGNUP_FORM}<div>By providing your email "
        "address, you agree to our <a href='/privacy'>Privacy Policy</a>.</div></div></div>",
    ],
)
def test_a_signup_box_goes_with_its_email_form(box: str) -> None:
    item = clean(article(box, wrapper="article"))
    assert_story_kept(item)
    for words in ("briefing", "breakfast", "signing up", "daily local", "every morning",
                  "providing"):
        assert words not in item["articleBody"]


def test_a_story_paragraph_beside_an_email_form_is_kept() -> None:
    """The box ends below a paragraph of running text: a form dropped into the story's own
    block takes nothing but itself."""
    block = f"<div class='c-box'><p>{PARAS[1]}</p>{SIGNUP_FORM}<p>Terms apply.</p></div>"
    item = clean(article(block, wrapper="article"))
    assert_story_kept(item)
    assert PARAS[1] in item["articleBody"]


def test_article_about_newsletters_is_not_a_promo() -> None:
    long = (
        "The harbour authority also publishes a newsletter for residents, and its editors "
        "said on Monday that the next issue would explain the plan in detail, including "
        "the timetable, the cost and the temporary routes for ferries and fishing boats "
        "while the old quay is rebuilt section by section over the next two summers."
    )
    item = clean(article(f"<p>{long}</p>"))
    assert long in item["articleBody"]


def test_share_bar_and_byline_classes_are_removed() -> None:
    chrome = (
        "<div class='share-buttons'><a href='#'>Facebook</a> <a href='#'>Twitter</a></div>"
        "<p class='byline'>By Jane Doe, Staff Writer</p>"
    )
    item = clean(article(before=chrome))
    assert_story_kept(item)
    assert "Staff Writer" not in item["articleBody"]
    assert "Facebook" not in item["articleBody"]


@pytest.mark.parametrize(
    "html",
    [
        # sidebar-like classes on the article's own root elements
        "<html><body class='has-sidebar sidebar-right'><p>{0}</p><p>{1}</p><p>{2}</p>"
        "</body></html>",
        "<html><body><main class='sidebar-layout'><p>{0}</p><p>{1}</p><p>{2}</p></main>"
        "</body></html>",
        "<html><body><article class='post widget sidebar'><p>{0}</p><p>{1}</p><p>{2}</p>"
        "</article></body></html>",
        # the element that holds most of the text, whatever its class says
        "<html><body><div class='sidebar-wrap related'><div class='widget'><p>{0}</p>"
        "<p>{1}</p><p>{2}</p></div></div><div class='sidebar'><a href='/x'>Other</a></div>"
        "</body></html>",
    ],
)
def test_article_root_is_never_removed(html: str) -> None:
    item = clean(html.format(*PARAS))
    assert_story_kept(item)


def test_prune_chrome_protects_root_and_removes_nav() -> None:
    root = document_fromstring(
        "<html><body class='sidebar'><nav><a href='/'>Home</a></nav>"
        f"<article class='sidebar'><p>{PARAS[0]}</p></article>"
        "<div style='display:none'>hidden</div></body></html>"
    )
    prune_chrome(root)
    text = root.text_content()
    assert PARAS[0] in text
    assert "Home" not in text and "hidden" not in text
    assert root.find("body") is not None and root.find(".//article") is not None


def test_embedded_tweet_is_kept() -> None:
    tweet = (
        "<div class='social-media-embed'><blockquote class='twitter-tweet'><p>The harbour "
        "will be rebuilt, we promise every fisherman a working quay by 2026 "
        "<a href='https://t.co/x'>pic.twitter.com/x</a></p>&mdash; Harbour Office "
        "(@harbour) <a href='https://twitter.com/harbour/status/1'>May 1, 2024</a>"
        "</blockquote></div>"
    )
    item = clean(article(tweet))
    assert_story_kept(item)
    assert "we promise every fisherman a working quay" in item["articleBody"]


def test_headline_article_preferred_over_longer_neighbour_post() -> None:
    other = " ".join(["Another post about a different subject entirely, long and wordy."] * 12)
    html = (
        "<html><body><div id='primary'>"
        "<article class='articlebox'><h1>Harbour plan approved</h1>"
        + "".join(f"<p>{p}</p>" for p in PARAS)
        + "</article><article class='postbox'><h2>Older post</h2>"
        + "".join(f"<p>{other}</p>" for _ in range(3))
        + "</article></div></body></html>"
    )
    item = clean(html)
    assert_story_kept(item)
    assert "different subject" not in item["articleBody"]


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["p", "div", "li", "span", "blockquote", "td"]))
def test_never_raises_on_odd_markup(text: str, tag: str) -> None:
    html = f"<html><body><{tag} class='sidebar'>{text}</{tag}><aside>{text}</aside></body></html>"
    try:
        page = build_page(html, URL)
    except ValueError:
        return  # document.NotHTML: not an HTML document at all, by contract
    read_metadata(page)
    find_main_content(page)
    remove_boilerplate(page)
    collect_images(page)
    assert isinstance(finish(page)["articleBody"], str)


def test_share_links_and_tag_lists_are_removed() -> None:
    extra = (
        "<p><a href='whatsapp://send?text=x'>Whatsapp</a> "
        "<a href='https://www.facebook.com/sharer/sharer.php?u=x'>Facebook</a></p>"
        "<p><a href='/tag/harbour-news'>Harbour news</a>, <a href='/tag/local-boats'>"
        "Local boats</a></p>"
    )
    item = clean(article(extra))
    assert_story_kept(item)
    for word in ("Whatsapp", "Facebook", "Harbour news", "Local boats"):
        assert word not in item["articleBody"]


def test_headline_repeated_inside_the_body_is_removed() -> None:
    extra = "<div class='overlay'><p>Harbour plan approved</p></div>"
    item = clean(article(extra))
    assert_story_kept(item)
    assert "Harbour plan approved" not in item["articleBody"]


def test_tag_line_and_microdata_date_are_removed() -> None:
    before = "<p><span itemprop='datePublished'>segunda-feira, 22 de janeiro de 2018</span></p>"
    extra = (
        "<p><strong>Tags<br><a href='/tag/a' rel='tag'>harbour plan 2024</a>, "
        "<a href='/tag/b' rel='tag'>fishing boats</a></strong></p>"
    )
    item = clean(article(extra, before=before))
    assert_story_kept(item)
    assert "janeiro" not in item["articleBody"]
    assert "fishing boats" not in item["articleBody"]


def test_quote_saying_no_comment_is_kept() -> None:
    para = (
        "The director said she could not comment on the investigation, which is under "
        "review by the inspector general and could take months."
    )
    item = clean(article(f"<p>{para}</p>"))
    assert para in item["articleBody"]


def test_a_page_wrapping_form_is_not_dropped_but_a_search_form_is() -> None:
    """ASP.NET WebForms pages put the whole page, story included, in one <form>; the story
    (here in plain <div>s, so no paragraph rule protects it) must survive the form rule."""
    story = "".join(f"<div class='text'>{p}</div>" for p in PARAS)
    html = (
        "<html><head><title>Harbour plan</title></head><body>"
        "<form id='aspnetForm' method='post'><header><a href='/'>Home</a></header>"
        f"<main><h1>Harbour plan approved</h1>{story}</main></form>"
        "<form class='site-search'><label>Search the archive of all our stories</label>"
        "<input name='q'></form></body></html>"
    )
    item = clean(html)
    assert_story_kept(item)
    assert "Search the archive" not in item["articleBody"]


def test_a_tiny_block_with_a_positive_class_name_does_not_beat_the_story() -> None:
    """Utility and BEM class names ("text-center", "slider-item__text") carry readability's
    "text" bonus: a five-word slider caption must not outscore a story in plain <div>s."""
    slider = "".join(
        f"<div class='teaser-slider-item'><div class='teaser-slider-item__text text-center'>"
        f"<p>Another short teaser title {n}</p></div></div>"
        for n in range(3)
    )
    story = "".join(f"<div>{p}</div>" for p in PARAS)
    html = (
        "<html><head><title>Harbour plan</title></head><body>"
        f"<div class='slider'>{slider}</div><div><h1>Harbour plan approved</h1>{story}</div>"
        "</body></html>"
    )
    item = clean(html)
    assert_story_kept(item)
    assert "teaser title" not in item["articleBody"]


LEAD = (
    "It takes four hours to sail to the island, but only two minutes of walking around "
    "before the first of its famous lizards appears between the rocks near the landing."
)
COMING_UP = [f"<a href='/news/{n}'>Another story number {n} from the harbour desk</a>"
             for n in range(6)]


def test_a_story_built_from_content_blocks_keeps_every_block() -> None:
    """CMSs that build a story from content elements wrap each in a block of its own
    (Drupal "paragraph", TYPO3 "csc-default"): the lead block beside the strongest one is
    part of the story; a link list dressed the same way and the press-release boilerplate
    after a rule are not."""
    blocks = (
        f"<div class='paragraph'><div><p>{LEAD}</p></div></div>"
        "<div class='image'><img src='/a.jpg'></div>"
        f"<div class='paragraph'><div>{''.join(f'<p>{p}</p>' for p in PARAS)}</div></div>"
        f"<div class='paragraph'><div><p>{' '.join(COMING_UP)}</p></div></div>"
        "<div class='paragraph'><div><hr><p>Harbour News is a regional publisher with "
        "offices in four towns and a weekly print edition read by many thousands.</p>"
        "</div></div>"
    )
    html = (
        "<html><head><title>Harbour plan</title></head><body><main><article>"
        f"<h1>Harbour plan approved</h1><div class='body'>{blocks}</div></article></main>"
        "</body></html>"
    )
    item = clean(html)
    assert_story_kept(item)
    assert item["articleBody"].startswith(LEAD)
    assert "Another story number" not in item["articleBody"]
    assert "regional publisher" not in item["articleBody"]


def test_a_lead_classed_teaser_is_kept_but_a_linked_teaser_is_not() -> None:
    """German CMSs class the story's own lead "teasertext"; a teaser of another article
    links to it."""
    lead = (
        "<p class='teasertext'>Strava wertet mit einem Update sein Routen-Tool auf: in den "
        "Karten stehen nun die beliebtesten Orte der Community als Points of Interest.</p>"
    )
    other = (
        "<div class='teaser'><a href='/news/99-other'>Das neue Routen-Tool im Test: was es "
        "kann und was nicht, und was es im Jahresabo kosten wird</a></div>"
    )
    item = clean(article(other, before=lead))
    assert_story_kept(item)
    assert item["articleBody"].startswith("Strava wertet")
    assert "im Test" not in item["articleBody"]


# --- whole blocks only: a word of a kept paragraph is never removed ------------------------

@pytest.mark.parametrize(
    "inline",
    [
        "<strong>share</strong>", "<b>newsletter</b>", "<em>Read more</em>", "<span>Tags</span>",
        "<strong>related</strong>", "<span class='tags'>tags</span>",
        "<span class='share-count'>shares</span>", "<a href='/tag/harbour'>harbour</a>",
        "<b>Harbour plan approved</b>", "<label>Comments</label>",
        "<a href='https://www.facebook.com/sharer/sharer.php?u=x'>shared it</a>",
        "<span itemprop='author'>Anna Lindqvist</span>",
    ],
)
def test_a_chrome_word_inside_a_sentence_is_kept(inline: str) -> None:
    sentence = f"The mayor, whose {inline} of the vote grew, said the harbour would reopen soon."
    item = clean(article(f"<p>{sentence}</p>"))
    expected = " ".join(document_fromstring(f"<p>{sentence}</p>").text_content().split())
    assert expected in item["articleBody"]
    assert_story_kept(item)


def test_utility_css_variant_classes_name_no_block() -> None:
    """Tailwind writes "print:..." variants on story paragraphs; they are no print widget."""
    paras = "".join(f"<div class='print:max-w-small desktop:[.floated_&]:mt-0'><p class='"
                    f"richtext print:hidden'>{p}</p></div>" for p in PARAS)
    item = clean(f"<html><body><article><h1>Harbour plan</h1>{paras}</article></body></html>")
    assert_story_kept(item)


@pytest.mark.parametrize(
    "sentence",
    [
        "More than 300 readers followed the coverage of the vote, which the council said "
        "would be repeated next year.",
        "Volunteers can sign up for the harbour authority's newsletter, the mayor said.",
        "The shop's affiliate links earned the blogger a commission on every sale, the "
        "court heard.",
        "Die Anmeldung für den Newsletter der Stadt ist ab Montag möglich, sagte sie.",
        # a network and a follow word in a story's sentence, longer than a promo line
        "Полиция призвала жителей следить за нами в Telegram, но сотни людей всё равно пришли "
        "к мэрии, где чиновники обсуждали новый бюджет гавани и строительство моста.",
        "Photo: a new exhibition opens in the harbour museum on Friday, with works by 40 "
        "artists from the islands.",
        "Die Rassylka-Affäre beschäftigte den Rat, der den Bericht über die Hafenpläne "
        "vorlegte, bevor die Abstimmung auf Dezember verschoben wurde.",
        "Реклама на щитах у гавані подорожчала вдвічі, кажуть підприємці.",  # an ad word
        # Indonesian: "daftar" is also "list", "bergabung" a story's verb
        "Daftar buletin cuaca yang diterbitkan BMKG pekan ini mencakup peringatan dini untuk "
        "tiga provinsi di Sumatra.",
        "Polisi menyebut pelaku bergabung di grup Telegram sejak 2021 dan aktif menyebarkan "
        "ajakan, kata juru bicara.",
        "Kami meminta warga berlangganan buletin resmi pemerintah daerah, kata bupati.",
        # Polish: "nasz" (our) in a quote, a debate's moderator
        "„Zapisz nasz adres”, apelował burmistrz, zapowiadając nowy newsletter gminy.",
        "Komentarze polityków po debacie, którą prowadził moderator TVP, były ostre.",
        # Russian: "our" in a quote beside a newsletter, a session's moderator
        "«Мы отправим нашу рассылку жителям до пятницы», — сказал глава района, добавив, что "
        "подписаться можно на сайте мэрии.",
        "Комментарии экспертов после сессии, которую вёл модератор форума, разошлись.",
        # Turkish: "comments ... once approved" in a story
        "Yorumlar, bütçe onaylandıktan sonra geldi ve muhalefet sert tepki gösterdi.",
    ],
)
def test_a_sentence_of_the_story_that_sounds_like_a_promo_is_kept(sentence: str) -> None:
    item = clean(article(f"<p>{sentence}</p>"))
    assert sentence in item["articleBody"]


@pytest.mark.parametrize(
    "promo",
    [
        "Sign up to our daily newsletter here.",
        "Don't miss a thing: get the morning newsletter delivered to your inbox.",
        "Follow AP's coverage of the harbour at <a href='https://apnews.com/hub/x'>"
        "https://apnews.com/hub/x</a>",
        # the call is a link: closing the pitch, or in a pitch addressing the reader
        "Der Hafen-Report kommt jeden Morgen. <a href='/abo'>Abonnieren</a>",
        "If you liked this story, <a href='/subscribe'>subscribe to our channel</a> for more.",
        "Puede suscribirse aquí a nuestra <a href='/newsletters/1'>newsletter</a>.",
        "Mehr vom Hafen im Newsletter: <a href='/newsletter/hafen'>hier entlang</a>.",
        "Artikel ini telah tayang di Tribunnews.com dengan judul Harbour plan approved, "
        "<a href='https://www.tribunnews.com/x'>https://www.tribunnews.com/x</a>",
    ],
)
def test_a_pitch_or_a_wire_footer_is_removed(promo: str) -> None:
    item = clean(article(f"<p>{promo}</p>"))
    assert_story_kept(item)
    assert "newsletter" not in item["articleBody"] and "apnews" not in item["articleBody"]
    text = normalize_space(fragment_fromstring(f"<p>{promo}</p>").text_content())
    assert text not in item["articleBody"]


def test_a_rail_written_as_lines_of_the_story_block_is_removed() -> None:
    """'[Hot this week]' and linked titles appended inside the story's own text block,
    separated by <br>: the label and its lines go, every other line stays."""
    block = (
        f"<div>{PARAS[0]}<br><br>{PARAS[1]}<br><br><strong>[Hot this week]</strong><br>"
        + "".join(f"<a href='/n/{i}'>{t}</a><br>" for i, t in enumerate(TEASERS))
        + f"{PARAS[2]}</div>"
    )
    item = clean(f"<html><body><article><h1>Harbour plan</h1>{block}</article></body></html>")
    assert_story_kept(item)
    assert "Hot this week" not in item["articleBody"]
    for t in TEASERS:
        assert t not in item["articleBody"]


@pytest.mark.parametrize(
    "line",
    [
        "김민수 기자 <a href='/news/articleList.html?sc_word=kimms'>다른기사 보기</a>",
        "<a href='/authors/anna-lindqvist'>More articles by Anna Lindqvist</a>",
        "▶ <a href='/n/9'>관련기사</a>",
    ],
)
def test_more_from_this_reporter_lines_are_removed(line: str) -> None:
    item = clean(article(f"<p>{line}</p>"))
    assert_story_kept(item)
    assert "다른기사" not in item["articleBody"] and "More articles" not in item["articleBody"]


def test_a_pop_up_card_inside_a_sentence_goes_and_the_name_stays() -> None:
    card = (
        "<span class='rollover'><a href='/people/anna'>Anna Lindqvist</a><span class='box'>"
        "<a href='/n/1'>Storm season forecast worse than expected</a> "
        "<a href='/n/2'>New ferry line links the islands from June</a></span></span>"
    )
    para = f"<p>The plan was presented by {card} at a packed meeting in the town hall.</p>"
    html = article(para).replace(
        "</body>", "<div><a href='/n/1'>Storm season forecast worse than expected</a></div></body>"
    )
    item = clean(html)
    kept = "presented by Anna Lindqvist at a packed meeting in the town hall."
    assert kept in item["articleBody"]
    assert "ferry line" not in item["articleBody"]


@pytest.mark.parametrize(
    "cls", ["visually-hidden", "sr-only", "screen-reader-text", "u-visually-hidden",
            "element-invisible"],
)
def test_text_for_screen_readers_only_is_not_body_text(cls: str) -> None:
    """Accessibility labels ("Article content" before each group of paragraphs) are read
    to screen-reader users only; a class merely holding the letters stays."""
    groups = "".join(
        f"<section><div class='{cls}'>Article content</div><p>{p}</p></section>" for p in PARAS
    )
    item = clean(f"<html><body><article><h1>Harbour plan</h1>{groups}"
                 "<p class='srs-only-note'>The council meets again in June.</p>"
                 "</article></body></html>")
    assert_story_kept(item)
    assert "Article content" not in item["articleBody"]
    assert "The council meets again in June." in item["articleBody"]


@pytest.mark.parametrize(
    ("hidden", "notice"),
    [
        # short class forms: "vh" as a class or its last part, jQuery UI's, "sr_only"
        ("<span class='go-vh'>(öffnet im neuen Fenster)</span>", "neuen Fenster"),
        ("<span class='vh'>(opens in a new window)</span>", "new window"),
        ("<span class='ui-helper-hidden-accessible'>(s'ouvre dans un nouvel onglet)</span>",
         "nouvel onglet"),
        ("<span class='sr_only'>(se abre en una nueva pestaña)</span>", "nueva pestaña"),
        # the visually-hidden idiom written inline: clipped, a pixel wide
        ("<span style='border:0;clip:rect(0 0 0 0);clip-path:inset(50%);height:1px;"
         "margin:-1px;overflow:hidden;padding:0;position:absolute;width:1px;"
         "white-space:nowrap'>, opens new tab</span>", "opens new tab"),
        ("<span style='position: absolute; width: 1px; height: 1px; overflow: hidden; "
         "clip: rect(1px, 1px, 1px, 1px)'>(externer Link)</span>", "externer Link"),
    ],
)
def test_a_link_notice_for_screen_readers_leaves_the_sentence_whole(
    hidden: str, notice: str
) -> None:
    """A notice inside a link, read to screen-reader users only ("opens in a new window"),
    goes; the link's words and the sentence around it stay."""
    para = (f"<p>The report by <a href='https://example.org/r.pdf' target='_blank'>the "
            f"institute{hidden}</a> was published on Thursday, the council said.</p>")
    item = clean(article(para))
    assert_story_kept(item)
    assert "The report by the institute was published on Thursday" in item["articleBody"]
    assert notice not in item["articleBody"]


@pytest.mark.parametrize(
    "kept",
    [
        # Bootstrap's viewport-height utilities are no "vh"
        "<div class='min-vh-100 vh-100 h-100vh'><p>{}</p></div>",
        # clipped images and pixel-wide spacers are not the idiom unless both
        "<div style='clip-path: inset(0 0 10% 0)'><p>{}</p></div>",
        "<div style='width: 1px; float: left'></div><p>{}</p>",
    ],
)
def test_boxes_that_are_not_screen_reader_only_stay(kept: str) -> None:
    note = "The council meets again in June to vote on the harbour plan and its budget."
    item = clean(article(kept.format(note)))
    assert_story_kept(item)
    assert note in item["articleBody"]


# --- author-bio boxes and links to the neighbour articles ---------------------------------

BIO = ("Anne Lindqvist (*1971) covers the coast for the paper and wrote two books on the "
       "harbour towns of the north.")


@pytest.mark.parametrize(
    "box",
    [
        f"<div class='box'><h2>Die Autorin</h2><p>{BIO}</p></div>",
        f"<section><h3>About the author</h3><p>{BIO}</p></section>",
        f"<p><strong>Über den Autor:</strong></p><p>{BIO}</p>",
        f"<div id='w'><div>この記事を書いた人</div><div>{BIO}</div><div>東京社会部</div></div>",
        f"<div><h4>À propos de l’auteur</h4><p>{BIO}</p></div>",
    ],
)
def test_author_bio_box_closing_the_story_is_removed(box: str) -> None:
    item = clean(article(box, wrapper="article"))
    assert_story_kept(item)
    for words in ("Lindqvist", "東京社会部", "この記事", "Autor", "author", "auteur"):
        assert words not in item["articleBody"]


def test_bio_label_opening_a_long_part_of_the_story_is_kept() -> None:
    """A heading followed by more than a short bio is a heading of the story."""
    rest = "".join(f"<p>{p}</p>" for p in PARAS[1:] * 2)
    item = clean(article(f"<h2>The author</h2><p>{BIO}</p>{rest}", wrapper="article"))
    assert_story_kept(item)
    assert BIO in item["articleBody"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Autorin ist Lehrerin und lebt seit zwanzig Jahren in der Stadt am Hafen.",
        "About the author of the report, little is known beyond her long work at the port.",
        "In the next article of this series we look at the ferry and the previous article's "
        "figures.",
        "Read the <a href='/2024/04/01/plan'>previous article</a> in this series for the "
        "background of the harbour plan.",
        "Der Beitrag nennt im <a href='/x'>nächsten Artikel</a> die Kosten für den Hafen.",
    ],
)
def test_sentences_with_bio_and_neighbour_words_are_kept(sentence: str) -> None:
    item = clean(article(f"<p>{sentence}</p>", wrapper="article"))
    assert_story_kept(item)
    assert normalize_space(document_fromstring(f"<p>{sentence}</p>").text_content()) in (
        item["articleBody"].split("\n\n"))


@pytest.mark.parametrize(
    "links",
    [
        "<div class='box'><a href='/a' rel='prev'>« Previous Post</a> "
        "<a href='/b' rel='next'>Next Post »</a></div>",
        "<div class='row'><div><span>Vorheriger Artikel</span><a href='/a'>Storm season "
        "forecast worse than expected</a></div><div><span>Nächster Artikel</span>"
        "<a href='/b'>New ferry line links the islands</a></div></div>",
        "<div><a href='/a'><em>Article précédent</em><span>Storm season forecast worse "
        "than expected</span></a></div>",
        "<div>vorheriger Artikel: <a href='/a'>Storm season forecast worse than expected</a>"
        "</div>",
        "<p><b>Artículo anterior</b></p><p><a href='/a'>Storm season forecast worse than "
        "expected</a></p>",
        "<div class='card'><a href='/a'></a><div><span>次の記事</span></div><div><span>"
        "Storm season forecast worse than expected</span></div></div>",
    ],
)
def test_links_to_the_previous_and_next_article_are_removed(links: str) -> None:
    item = clean(article(links, wrapper="article"))
    assert_story_kept(item)
    body = item["articleBody"]
    for words in ("Storm season", "ferry line", "Previous", "Next", "Artikel", "précédent",
                  "anterior", "次の記事"):
        assert words not in body


# --- inline teasers under a bold label, in any language -------------------------------------

@pytest.mark.parametrize(
    "teaser",
    [
        "<p><strong>FUNDA OLUNYE UDABA LAPHA |</strong> <a href='{site}/119057/kuboshwe-"
        "abahlanu'>Kuboshwe abahlanu besolwa ngokugwaza umfundi</a></p>",
        "<p><b>LEIA TAMBÉM:</b> <a href='/politica/2024/05/camara-aprova-orcamento'>Câmara "
        "aprova orçamento depois de longa noite</a></p>",
        "<p><strong>Mehr:</strong> <a href='{site}/finanzen/banken/25132278.html'>Deutsche "
        "Banken haben den Niedrigzinsen mit einem scharfen Wachstumskurs getrotzt.</a></p>",
        "<p><strong>LIRE AUSSI SUR NOTRE SITE</strong><br><a href='/politique/article/"
        "benalla'>&gt;&gt; Affaire Benalla : le scandale qui fait chanceler la majorité</a></p>",
    ],
)
def test_a_bold_label_over_a_link_to_the_site_is_a_teaser(teaser: str) -> None:
    """Whatever the language: the paragraph's only words outside its link are a short bold
    label in capitals or closed by a separator, and the link stays on the site."""
    item = clean(article(teaser.format(site="https://news.example.com")))
    assert_story_kept(item)
    body = item["articleBody"]
    for words in ("Kuboshwe", "LEIA", "orçamento", "Mehr:", "Niedrigzinsen", "Benalla"):
        assert words not in body


@pytest.mark.parametrize(
    "kept",
    [
        # a source the story cites, on another site
        "<p><strong>Quelle:</strong> <a href='https://www.destatis.de/DE/Presse/2024/05/"
        "PD24_182.html'>Statistisches Bundesamt, Pressemitteilung vom 14. Mai</a></p>",
        # a bold lead-in opening a sentence of the story
        "<p><strong>Berlin:</strong> Die Polizei <a href='/berlin/polizei'>meldet einen "
        "Einsatz am Hafen</a> und sperrt die Zufahrt bis zum Abend.</p>",
        # a bold phrase that is no label (lower-case, no separator)
        "<p><b>Read the council's</b> <a href='/docs/harbour-plan.pdf'>full harbour plan "
        "and its budget</a></p>",
    ],
)
def test_a_bold_phrase_that_is_no_teaser_label_stays(kept: str) -> None:
    html = article(kept)
    item = clean(html)
    assert_story_kept(item)
    text = normalize_space(fragment_fromstring(kept).text_content())
    assert text in item["articleBody"]
