"""Images with caption and credit, each once; captions never in the article body."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import RUNNING_TEXT

from newscrawl.clean.article import build_page, extract_article, finish
from newscrawl.clean.boilerplate import remove_boilerplate
from newscrawl.clean.captions import collect_images, split_credit
from newscrawl.clean.content import find_main_content
from newscrawl.clean.figures import srcset_candidates
from newscrawl.clean.metadata import read_metadata

URL = "https://news.example.com/politics/2024/troops"
STORY = [
    "Troops arrived at the border crossing early on Tuesday after a week of rising "
    "tension between the two neighbouring countries over fishing rights in the bay.",
    "The defence ministry said the deployment was temporary and meant to reassure the "
    "residents of the villages near the crossing, who had asked for more protection.",
    "Talks between the two governments are due to resume next week in the capital, "
    "according to diplomats familiar with the preparations for the meeting.",
]


def clean(inner: str) -> dict[str, Any]:
    paras = "".join(f"<p>{p}</p>" for p in STORY)
    html = (
        "<html><body><article><h1>Troops at the border</h1>"
        f"{inner}{paras}</article></body></html>"
    )
    page = build_page(html, URL)
    read_metadata(page)
    find_main_content(page)
    remove_boilerplate(page)
    collect_images(page)
    return finish(page)


def extract(html: str) -> dict[str, Any]:
    return extract_article(html, URL)


@pytest.mark.parametrize(
    "text, caption, credit",
    [
        ("Troops arrive at the border. / News1", "Troops arrive at the border.", "News1"),
        ("Troops arrive at the border (Photo: Reuters)", "Troops arrive at the border",
         "Reuters"),
        ("Troops arrive at the border. Photo: AP", "Troops arrive at the border.", "AP"),
        ("국경에 도착한 군인들 사진=연합뉴스", "국경에 도착한 군인들", "연합뉴스"),
        ("Troops arrive at the border (Image: GETTY)", "Troops arrive at the border", "GETTY"),
        ("Troops arrive at the border. © Jane Doe", "Troops arrive at the border.",
         "Jane Doe"),
        ("시민들이 출근길에 나서고 있다. (KAI 제공)", "시민들이 출근길에 나서고 있다.", "KAI"),
        # full-width parentheses around a labelled credit (Japanese, Chinese)
        ("会見する首相（写真：共同）", "会見する首相", "共同"),
        ("Merkel keskusteli Berliinissä. Kuva: ALEXANDER BECHER", "Merkel keskusteli "
         "Berliinissä.", "ALEXANDER BECHER"),
        ("Tüntetők Budapesten. Fotó: MTI", "Tüntetők Budapesten.", "MTI"),
        ("מפגינים בתל אביב. צילום: רויטרס", "מפגינים בתל אביב.", "רויטרס"),
        ("记者会见现场（图片：新华社）", "记者会见现场", "新华社"),
        # Polish "Fot." / "zdj.": the abbreviation's dot is the separator; a story's word
        # ending in the letters is none
        ("Premier Donald Tusk podczas konferencji. Fot. PAP/Radek Pietruszka",
         "Premier Donald Tusk podczas konferencji.", "PAP/Radek Pietruszka"),
        ("Widok na Wisłę z mostu. zdj. Jan Kowalski", "Widok na Wisłę z mostu.", "Jan Kowalski"),
        ("Mistrz fotografii Jan Kowalski przed wystawą.", "Mistrz fotografii Jan Kowalski "
         "przed wystawą.", None),
        # Indonesian "Dok." (a source's own photo), in brackets or not
        ("Wisuda di Jakarta, Selasa. (Dok. Humas IGI)", "Wisuda di Jakarta, Selasa.",
         "Humas IGI"),
        ("Pasien menunggu di ruang dokter gigi.", "Pasien menunggu di ruang dokter gigi.", None),
        # a slash between digits is a date ("Senin (2/12)", Indonesian captions), no credit
        ("Menteri berbicara di Jakarta, Senin (2/12/2024).", "Menteri berbicara di Jakarta, "
         "Senin (2/12/2024).", None),
        ("Wisuda di Jakarta, Selasa (20/1). (Dok. Humas IGI)", "Wisuda di Jakarta, Selasa "
         "(20/1).", "Humas IGI"),
        ("Troops arrive at the border.", "Troops arrive at the border.", None),
    ],
)
def test_split_credit(text: str, caption: str, credit: str | None) -> None:
    assert split_credit(text) == (caption, credit)


def test_split_credit_odd_input() -> None:
    assert split_credit("") == ("", None)
    assert split_credit("/ News1") == ("/ News1", None)  # nothing before the credit


def test_caption_in_figcaption_and_paragraph_gives_one_entry_and_stays_out_of_body() -> None:
    caption = "Soldiers unload equipment at the crossing on Tuesday. / News1"
    inner = (
        f"<figure><img src='/img/troops.jpg' alt='Soldiers at the crossing'>"
        f"<figcaption>{caption}</figcaption></figure>"
        f"<p>{caption}</p>"
        f"<p>Soldiers unload equipment at the crossing on Tuesday.</p>"
    )
    item = clean(inner)
    assert [i["url"] for i in item["images"]] == ["https://news.example.com/img/troops.jpg"]
    image = item["images"][0]
    assert image["caption"] == "Soldiers unload equipment at the crossing on Tuesday."
    assert image["credit"] == "News1"
    assert image["alt"] == "Soldiers at the crossing"
    assert "Soldiers unload equipment" not in item["articleBody"]
    assert "News1" not in item["articleBody"]
    for p in STORY:
        assert p in item["articleBody"]


def test_same_image_twice_is_one_entry() -> None:
    inner = (
        "<figure><img src='/img/a.jpg'><figcaption>Crossing at dawn</figcaption></figure>"
        "<div class='gallery-item'><img data-src='/img/a.jpg' alt='Crossing at dawn'></div>"
    )
    item = clean(inner)
    assert len(item["images"]) == 1
    assert item["images"][0]["caption"] == "Crossing at dawn"


def test_caption_class_sibling_and_leftover_captions_are_removed() -> None:
    inner = (
        "<div class='photo'><img src='/img/b.jpg'>"
        "<p class='img-desc'>Villagers watch the convoy pass</p></div>"
        # gallery caption whose image is not in the markup (lazy-loaded by script)
        "<div class='caption'><p>Convoy seen from the hill. Photo: Jane Doe, AP</p></div>"
        "<p><span class='newsCaption'>Families wait at the crossing "
        "<span class='caption'>(Image: GETTY)</span></span></p>"
    )
    item = clean(inner)
    body = item["articleBody"]
    assert "Villagers watch" not in body
    assert "Convoy seen from the hill" not in body
    assert "Families wait" not in body and "GETTY" not in body
    assert item["images"][0]["caption"] == "Villagers watch the convoy pass"
    for p in STORY:
        assert p in body


def test_video_summary_is_kept() -> None:
    summary = "Ministry video: the defence minister explains why the troops were sent."
    inner = f"<div class='featured-video'><div class='caption'><p>{summary}</p></div></div>"
    item = clean(inner)
    assert summary in item["articleBody"]


def test_long_block_with_caption_class_is_not_dropped() -> None:
    # A wrapper with "caption" in its class that holds the story is not a caption.
    paras = "".join(f"<p>{p}</p>" for p in STORY)
    html = f"<html><body><div class='has-captions'>{paras}</div></body></html>"
    page = build_page(html, URL)
    find_main_content(page)
    remove_boilerplate(page)
    collect_images(page)
    body = finish(page)["articleBody"]
    for p in STORY:
        assert p in body


def test_gallery_slides_text_is_the_story_and_a_photo_caption_is_not() -> None:
    """A gallery story's slides ("2. Drake" over a photo and its text) carry the story in
    their <figcaption>s, even after readability drops their linked headings; a plain photo's
    caption stays out of the body."""
    slides = "".join(
        f"<figure class='slide'><div><h2><a href='/gallery/1/{n}'>{n}. Costume {n}</a></h2>"
        f"</div><img src='/img/{n}.jpg'><figcaption><p>What you need: a {colour} jumper "
        f"and a pair of boots make costume number {n} complete.</p></figcaption></figure>"
        for n, colour in ((1, "red"), (2, "green"), (3, "blue"))
    )
    photo = (
        "<figure><img src='/img/border.jpg'><figcaption>Soldiers at the crossing. "
        "/ News1</figcaption></figure>"
    )
    item = clean(photo + slides)
    body = item["articleBody"]
    for colour in ("red", "green", "blue"):
        assert f"a {colour} jumper" in body
    assert "Soldiers at the crossing" not in body
    by_url = {i["url"].rsplit("/", 1)[1]: i for i in item["images"]}
    assert by_url["border.jpg"]["caption"] == "Soldiers at the crossing."
    assert by_url["2.jpg"]["caption"] is None


def test_lead_figure_above_the_body_is_read_in_the_page_and_teasers_are_not() -> None:
    """The lead photo sits above the story, outside the block chosen as the body; a
    <picture> gives its widest source; the credit in its own element is split off; a
    teaser's thumbnail linking to another story is no image of the article."""
    paras = "".join(f"<p>{p}</p>" for p in STORY)
    html = (
        "<html><body><article><header><h1>Troops at the border</h1>"
        "<figure class='lead'><picture><source srcset='/img/lead-480.jpg 480w, "
        "/img/lead-1200.jpg 1200w'><img src='/img/lead-480.jpg' alt='Soldiers'></picture>"
        "<figcaption>Soldiers at the crossing on Tuesday. <span class='credit'>Foto: dpa"
        "</span></figcaption></figure></header>"
        f"<div class='story'>{paras}</div>"
        "<div class='related'><a href='/politics/2024/other'><img src='/img/teaser.jpg'>"
        "<h3>Another story</h3></a></div></article></body></html>"
    )
    item = extract(html)
    assert [(i["url"], i["caption"], i["credit"], i["alt"]) for i in item["images"]] == [
        ("https://news.example.com/img/lead-1200.jpg", "Soldiers at the crossing on Tuesday.",
         "dpa", "Soldiers"),
    ]
    assert "Soldiers at the crossing" not in item["articleBody"]


@pytest.mark.parametrize(
    "figure, caption, credit",
    [
        # a caption in the table cell under the photo (Korean CMS)
        ("<table class='photo'><tr><td><img src='/img/k.jpg'></td></tr>"
         "<tr><td>국경에 도착한 군인들이 장비를 내리고 있다. 사진=연합뉴스</td></tr></table>",
         "국경에 도착한 군인들이 장비를 내리고 있다.", "연합뉴스"),
        # AMP
        ("<figure><amp-img src='/img/k.jpg' width='800' height='450' layout='responsive'>"
         "</amp-img><figcaption>Soldiers unload equipment. (Photo: Reuters)</figcaption>"
         "</figure>", "Soldiers unload equipment.", "Reuters"),
        # WordPress
        ("<div class='wp-caption aligncenter'><img src='/img/k.jpg' width='640'>"
         "<p class='wp-caption-text'>Soldiers unload equipment. © Jane Doe</p></div>",
         "Soldiers unload equipment.", "Jane Doe"),
        # a styled div beside the photo
        ("<div class='media'><div class='img-wrap'><img src='/img/k.jpg'></div>"
         "<div class='photo-desc'>Soldiers unload equipment. Foto: Max Muster</div></div>",
         "Soldiers unload equipment.", "Max Muster"),
        # an attribute
        ("<img src='/img/k.jpg' data-caption='Soldiers unload equipment. 写真：共同'>",
         "Soldiers unload equipment.", "共同"),
    ],
)
def test_figure_forms(figure: str, caption: str, credit: str) -> None:
    item = clean(figure)
    assert [(i["url"], i["caption"], i["credit"]) for i in item["images"]] == [
        ("https://news.example.com/img/k.jpg", caption, credit)
    ]
    assert caption not in item["articleBody"]
    for p in STORY:
        assert p in item["articleBody"]


@pytest.mark.parametrize(
    "figure, caption, credit",
    [
        # no class on the caption: short text after the photo in a block classed as an image's
        ("<div class='image_image-widget'><span><picture><img src='/img/k.jpg'></picture>"
         "</span><p><span>Soldiers unload equipment at the crossing.</span></p>"
         "<p>Image: Jane Doe</p></div>", "Soldiers unload equipment at the crossing.",
         "Jane Doe"),
        # the caption beside the <figure>, not inside it
        ("<div class='media'><figure><img src='/img/k.jpg'></figure>"
         "<figcaption>Soldiers unload equipment. Foto: dpa</figcaption></div>",
         "Soldiers unload equipment.", "dpa"),
        # the alt text shown as the caption in an unclassed block beside the photo
        ("<div><div><img src='/img/k.jpg' alt='Soldiers unload equipment.'></div>"
         "<div><span>Soldiers unload equipment.</span></div></div>",
         "Soldiers unload equipment.", None),
        # data-caption repeating the alt, with the credit in data-source
        ("<img src='/img/k.jpg' alt='Soldiers unload equipment.' "
         "data-caption='Soldiers unload equipment.' data-source='Jane Doe/imago'>",
         "Soldiers unload equipment.", "Jane Doe/imago"),
    ],
)
def test_captions_without_caption_markup(figure: str, caption: str, credit: str | None) -> None:
    item = clean(figure)
    assert [(i["url"], i["caption"], i["credit"]) for i in item["images"]] == [
        ("https://news.example.com/img/k.jpg", caption, credit)
    ]
    assert caption not in item["articleBody"]
    for p in STORY:
        assert p in item["articleBody"]


def test_teaser_cards_and_author_photos_are_not_article_images() -> None:
    inner = (
        "<figure><img src='/img/k.jpg'><figcaption>Soldiers unload equipment.</figcaption>"
        "</figure>"
        # another story's card: the heading links away, the image does not
        "<div class='teaser'><img src='/img/card.jpg'><h3><a href='/politics/2024/other'>"
        "Another story</a></h3></div>"
        # the author's photo links to the author's page
        "<figure class='byline'><a href='/authors/jane-doe'><img src='/img/jane.jpg'></a>"
        "<figcaption>By Jane Doe</figcaption></figure>"
    )
    item = clean(inner)
    assert [i["url"].rsplit("/", 1)[1] for i in item["images"]] == ["k.jpg"]


def test_a_square_crop_is_a_photo_and_a_pixel_is_not() -> None:
    inner = (
        "<figure><img src='/img/1x1-640/k.jpg'><figcaption>Soldiers unload equipment."
        "</figcaption></figure><figure><img src='/img/pixel.gif'><figcaption>Tracking"
        "</figcaption></figure>"
    )
    item = clean(inner)
    assert [i["url"].rsplit("/", 2)[-2] for i in item["images"]] == ["1x1-640"]


def test_the_first_credit_mark_starts_the_credit() -> None:
    assert split_credit("City workers clear the road. Image: City of Durban / Facebook") == (
        "City workers clear the road.", "City of Durban / Facebook"
    )
    assert split_credit("Rejoice Ndlovu. Isithombe: Sithunyelwe") == (
        "Rejoice Ndlovu.", "Sithunyelwe"
    )


@pytest.mark.parametrize(
    "srcset, expected",
    [
        # image CDNs write crops with commas inside the URL
        ("https://img.example/crops/w=1280,h=720,q=60/a.jpg 1280w, "
         "https://img.example/crops/w=640,h=360,q=60/a.jpg 640w",
         [("https://img.example/crops/w=1280,h=720,q=60/a.jpg", "1280w"),
          ("https://img.example/crops/w=640,h=360,q=60/a.jpg", "640w")]),
        ("a.jpg, b.jpg 2x,c.jpg 3x", [("a.jpg", ""), ("b.jpg", "2x"), ("c.jpg", "3x")]),
        ("  a.jpg 100w ,b.jpg 200w ", [("a.jpg", "100w"), ("b.jpg", "200w")]),
        ("", []),
        (" , ", []),
    ],
)
def test_srcset_candidates(srcset: str, expected: list[tuple[str, str]]) -> None:
    assert srcset_candidates(srcset) == expected


def test_a_lead_figure_above_the_article_block_is_the_articles() -> None:
    html = ("<html><body><header><a href='/'><img src='/logo.png'></a><nav><a href='/a'>A</a>"
            "</nav></header><main><figure><img src='/img/lead.jpg'><figcaption>The mayor "
            "speaks. Photo: J. Smith / Reuters</figcaption></figure><article><h1>Council "
            f"approves the budget</h1>{RUNNING_TEXT}</article></main></body></html>")
    item = extract_article(html.encode(), "https://news.example.com/city/budget-1")
    assert [(i["url"], i["caption"], i["credit"]) for i in item["images"]] == [
        ("https://news.example.com/img/lead.jpg", "The mayor speaks.", "J. Smith / Reuters")]
    assert "mayor speaks" not in item["articleBody"]


@pytest.mark.parametrize(
    "between, found",
    [
        ("", True),
        ("<div class='crumbs'><a href='/'>Home</a> / <a href='/city'>City</a></div>", True),
        ("<div>" + "Teaser text of another story. " * 10 + "</div>", False),  # a teaser
        ("<header><a href='/'>Site</a></header>", False),  # the site's header ends the search
    ],
)
def test_the_lead_figure_above_is_right_above(between: str, found: bool) -> None:
    from lxml.html import fromstring

    from newscrawl.clean.region import _lead_figure_above

    root = fromstring("<html><body><main><figure><img src='/a.jpg'><figcaption>The mayor "
                      f"speaks.</figcaption></figure>{between}<article><h1>Title</h1><p>Text"
                      "</p></article></main></body></html>")
    lead = _lead_figure_above(next(root.iter("article")))
    assert (lead is not None and lead.tag == "figure") is found


@pytest.mark.parametrize(
    "src, kept",
    [
        ("/web/3.1.0/grey-placeholder.png", False),  # a lazy-loading stand-in
        ("/assets/image/lazy-image-placeholder.jpg", False),
        ("/wp-content/plugins/a3-lazy-load/assets/images/lazy_placeholder.gif", False),
        ("/img/lazy.gif", False),
        ("/photos/2024/council-vote.jpg", True),
        ("/photos/2024/lazy-river-park.jpg", True),  # a photo of a lazy river is a photo
    ],
)
def test_lazy_loading_stand_ins_are_no_photos(src: str, kept: bool) -> None:
    from lxml.html import fromstring

    from newscrawl.clean.figures import image_url

    img = fromstring(f"<img src='{src}'>")
    assert (image_url(img, "https://news.example.com/a") is not None) is kept


def test_a_photo_viewer_link_is_the_figures_own_and_a_profile_box_is_foreign() -> None:
    html = ("<html><body><main><article><h1>Council approves the budget</h1>"
            "<a href='./photo/AS20250113003419.html'><figure><img src='/img/AS20250113003419"
            f".jpg'></figure></a>{RUNNING_TEXT}<div id='writerProfile'><figure><img src='/img/"
            "writer-face.jpg'></figure><p>Jane Doe</p></div></article></main></body></html>")
    item = extract_article(html.encode(), "https://news.example.com/articles/AST1F44.html")
    assert [i["url"] for i in item["images"]] == [
        "https://news.example.com/img/AS20250113003419.jpg"]


@pytest.mark.parametrize(
    "path, image, viewer",
    [
        ("/articles/photo/AS20250113003419.html", "/img/AS20250113003419.jpg", True),
        ("/politik/galerie-4711x.html", "/media/galerie-4711x.jpg", False),  # no photo folder
        ("/articles/AS20250113003419.html", "/img/AS20250113003419.jpg", False),  # a story
        ("/photo/1.html", "/img/1.jpg", False),  # too short a name to tell
        ("/fotos/rathaus-sitzung.html", "/img/rathaus-sitzung.webp", True),
    ],
)
def test_a_photo_viewer_page_is_named_after_its_image(path: str, image: str,
                                                      viewer: bool) -> None:
    from newscrawl.clean.figures import _viewer_of

    assert _viewer_of(path, image) is viewer


def test_pixels_and_stand_ins_in_the_body_are_no_images() -> None:
    pixels = ("<img src='https://vg04.met.vgwort.de/na/8039484e' width='1' height='1'>"
              "<img src='/plugins/a3-lazy-load/assets/images/lazy_placeholder.gif'>"
              "<p><img src='/spinner.gif' width='16' height='16'><span class='caption'>"
              "Loading ...</span></p>")
    html = (f"<html><body><article><h1>Council vote</h1>{RUNNING_TEXT}{pixels}</article>"
            "</body></html>")
    item = extract_article(html.encode(), "https://news.example.com/city/vote-1")
    assert item["images"] == [] and "Loading" not in item["articleBody"]
    photo = html.replace(pixels, pixels + "<p><img src='/img/council.jpg'></p>")
    assert [i["url"] for i in extract_article(photo.encode(), "https://news.example.com/city/"
            "vote-1")["images"]] == ["https://news.example.com/img/council.jpg"]
