"""Images of the article with caption, credit and alt text, each once; captions out of the body.

Sites repeat captions (a <figcaption> and again as a paragraph, the alt and the title), and put
the photo credit inside the caption ("... / News1", "Photo: Reuters", "사진=연합뉴스"). Each
image gives one entry; every caption text found is removed from the body so it never reaches
articleBody.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from .credits import credit_name, split_credit
from .figures import IMAGE_SOURCE_ATTRS, find_figures, image_url, is_tiny
from .headline import words
from .lexicon.patterns import CAPTION_CLASS_RE, LEFTOVER_CAPTION_CLASS_RE, VIDEO_CLASS_RE
from .links import join_url
from .page import Image, Page
from .region import article_region
from .render import is_slide, normalize_space
from .scoring import in_sentence

CAPTION_SEARCH_LEVELS = 3  # wrappers of an image searched for a caption-classed sibling
CAPTION_MAX = 600  # characters: a longer "caption" is a wrapper of the article
ARTICLE_PARAGRAPH = 150  # characters: a paragraph this long is running text ...
ARTICLE_PARAGRAPHS = 2  # ... and this many of them make a block the article, not a caption
VIDEO_ANCESTORS = 5  # a video class this close above a caption makes it a video's summary
ECHO_MAX_CHILDREN = 3  # a block with more child elements is no repeated caption
JSONLD_CAPTION_WORDS = 2  # a described caption of fewer words is a file name or a tag
# "<one word>: <a name of up to four words>": a credit under a label, not a caption
_LABELLED_NAME = re.compile(r"^\w+\s*[:=]\s*\S+(?:\s+\S+){0,3}$")


def _caption_candidates(img: HtmlElement) -> list[HtmlElement]:
    """Elements near an image that caption it: its figure's figcaption, or a caption-classed
    sibling of the image or of its wrapper."""
    found = []
    figure = next((a for a in img.iterancestors() if a.tag == "figure"), None)
    if figure is not None:
        if is_slide(figure):
            return []  # a gallery slide's caption is the story's text (see render.is_slide)
        found += list(figure.iter("figcaption"))
    holder = img
    for _ in range(CAPTION_SEARCH_LEVELS):
        parent = holder.getparent()
        if parent is None:
            break
        for sib in (holder.getnext(), holder.getprevious()):
            if sib is not None and isinstance(sib.tag, str):
                if CAPTION_CLASS_RE.search(f"{sib.get('class') or ''} {sib.get('id') or ''}"):
                    found.append(sib)
        for child in parent:
            if child is not holder and isinstance(child.tag, str) and CAPTION_CLASS_RE.search(
                f"{child.get('class') or ''}"
            ):
                found.append(child)
        if found:
            break
        holder = parent
    return found


def collect_images(page: Page) -> None:
    """Fill page.images from the article's region of the page (lead figure, inline figures,
    gallery slides' photos), each image once, and keep every caption out of the body. Where
    the region gives no figure, the images of the body itself."""
    body = page.body
    if body is None:
        return
    region = article_region(page)
    figures = find_figures(region, page.url, page.fields.get("headline")) if region else []
    body_images, caption_texts = _body_images(page, body)
    if not figures:
        page.images = body_images
    else:
        page.images = _unique(figures)
        _drop_copies(page, body, [el for f in figures for el in f.caption_elements])
        for image in page.images:
            caption_texts.update(t for t in (image.caption, image.alt) if t)
            if image.caption and image.credit:
                caption_texts.add(normalize_space(f"{image.caption} {image.credit}"))
    for image in _described_captions(page):
        caption_texts.add(image.caption or "")
    _drop_leftover_captions(body)
    if caption_texts:
        _drop_caption_echoes(body, caption_texts)


def _described_captions(page: Page) -> list[Image]:
    """Captions only the JSON-LD gives: the article's ImageObject ("image", inline or by its
    @id in the @graph, as Yoast writes it) captions the page's image of the same address
    when the page shows none; a page that shows no image gets the described one. Returns
    the images captioned so."""
    sd = page.structured
    art = sd.article() if sd else None
    if not sd or not art:
        return []
    refs = art.get("image")
    captioned: list[Image] = []
    for ref in refs if isinstance(refs, list) else [refs]:
        obj = sd.resolve(ref)
        if not isinstance(obj, dict):
            continue
        caption = obj.get("caption")
        url = obj.get("url") or obj.get("contentUrl")
        if not isinstance(caption, str) or not isinstance(url, str) or not url.strip():
            continue
        caption, credit = split_credit(caption)
        if credit_name(caption) != caption or _LABELLED_NAME.match(caption):
            continue  # a credit alone ("Foto: dpa", "коллаж: Андрей Калистратенко")
        if words(caption) == words(page.fields.get("headline")) or (
            len(caption.split()) < JSONLD_CAPTION_WORDS
        ):
            continue  # the headline in every field; a file name or a tag ("freeimages")
        address = join_url(page.url, url.strip())
        if not address:
            continue
        shown = next((i for i in page.images if _same_image(i.url, address)), None)
        if shown is None and not page.images:
            shown = Image(url=address)
            page.images.append(shown)
        if shown is None or shown.caption:
            continue  # captioned on the page already
        if shown.alt and words(shown.alt) == words(caption):
            continue  # the media library's alt text copied into the caption field
        shown.caption, shown.credit = caption, shown.credit or credit or _credit_text(obj)
        captioned.append(shown)
    return captioned


# a media library's size variant of one upload: "photo-1024x683.jpg", "photo-scaled.jpg"
_SIZE_VARIANT = re.compile(r"-(?:\d{2,4}x\d{2,4}|scaled)(?=\.\w+$)")


def _same_image(a: str, b: str) -> bool:
    """One upload: the same address, or the same file in another size of its library."""
    if a == b:
        return True
    (host_a, path_a), (host_b, path_b) = urlsplit(a)[1:3], urlsplit(b)[1:3]
    return host_a == host_b and _SIZE_VARIANT.sub("", path_a) == _SIZE_VARIANT.sub("", path_b)


def _credit_text(obj: dict[str, Any]) -> str | None:
    for key in ("creditText", "copyrightHolder", "author"):
        value = obj.get(key)
        if isinstance(value, dict):
            value = value.get("name")
        if isinstance(value, str) and normalize_space(value):
            return credit_name(value)
    return None


def _unique(figures) -> list[Image]:
    """One image per URL, and one per caption: a photo shown twice (a lazy copy, a
    lightbox) under two URLs is one image; in two figures with captions of their own, two."""
    images: list[Image] = []
    by_url: dict[str, Image] = {}
    by_caption: dict[tuple[str, str], Image] = {}
    inner: set[int] = set()  # ids of the images captioned by their figure's own caption
    for f in figures:
        key = (words(f.caption), words(f.alt)) if f.caption else None
        image = by_url.get(f.url) or (by_caption.get(key) if key else None)
        if image is not None and f.inner and id(image) in inner and image.caption and (
            f.caption and _other_caption(image.caption, f.caption)
        ):
            image = None  # one photo in two figures with two captions (the lead, inline)
        if image is None:
            image = Image(url=f.url, caption=f.caption, credit=f.credit, alt=f.alt)
            images.append(image)
            if f.inner:
                inner.add(id(image))
        else:
            image.caption = image.caption or f.caption
            image.credit = image.credit or f.credit
            image.alt = image.alt or f.alt
        by_url[f.url] = image
        if key:
            by_caption[key] = image
    return images


def _other_caption(a: str, b: str) -> bool:
    """Two captions, not one with and without its credit or cut short."""
    a, b = words(a), words(b)
    return a not in b and b not in a


def _drop_copies(page: Page, body: HtmlElement, elements: list[HtmlElement]) -> None:
    """Remove from the body the copies of these elements of the page."""
    if not elements:
        return
    wanted = set(elements)
    of_page = page.elements
    doomed = [w for w in body.iter()
              if (i := page.origin.get(w)) is not None and of_page[i] in wanted]
    for el in doomed:
        if el is not body and el.getparent() is not None:
            el.drop_tree()


def _body_images(page: Page, body: HtmlElement) -> tuple[list[Image], set[str]]:
    """Images of the extracted body with the captions beside them; those captions leave the
    body. Returns the images and every caption text seen (to remove its echoes)."""
    images: list[Image] = []
    seen_urls: dict[str, Image] = {}
    caption_texts: set[str] = set()
    doomed: list[HtmlElement] = []
    for img in list(body.iter("img")):
        # the same tests as the region's figures: the widest version, no icon, tracking
        # pixel, spacer or lazy-loading stand-in
        url = None if is_tiny(img) else image_url(img, page.url)
        if not url and not any((v := (img.get(a) or "").strip()) and not v.startswith("data:")
                               for a in IMAGE_SOURCE_ATTRS):
            continue  # no picture at all; a pixel's or a spinner's caption still leaves
        alt = normalize_space(img.get("alt") or "") or None
        title = normalize_space(img.get("title") or "") or None
        caption_text = None
        for el in _caption_candidates(img):
            t = normalize_space(el.text_content())
            if t:
                caption_text = caption_text or t
                doomed.append(el)
        caption_text = caption_text or (title if title and title != alt else None)
        caption, credit = split_credit(caption_text) if caption_text else (None, None)
        if caption:
            caption_texts.add(caption)
            caption_texts.add(normalize_space(caption_text or ""))
        if alt:
            caption_texts.add(alt)
        if not url:
            continue
        image = seen_urls.get(url)
        if image is None:
            image = Image(url=url, caption=caption, credit=credit, alt=alt)
            seen_urls[url] = image
            images.append(image)
        else:
            image.caption = image.caption or caption
            image.credit = image.credit or credit
            image.alt = image.alt or alt
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()
    return images, caption_texts


def _holds_article(el: HtmlElement) -> bool:
    """Too much running text for a caption: a wrapper of the article, whatever its class."""
    if el.tag in ("body", "main", "article"):
        return True
    text = normalize_space(el.text_content())
    if len(text) > CAPTION_MAX:
        return True
    long_paragraphs = sum(1 for p in el.iter("p") if len(p.text_content()) > ARTICLE_PARAGRAPH)
    return long_paragraphs >= ARTICLE_PARAGRAPHS


def _drop_leftover_captions(body: HtmlElement) -> None:
    for el in list(body.iter()):
        if el is body or not isinstance(el.tag, str) or el.getparent() is None:
            continue
        if el.tag != "figcaption" and not LEFTOVER_CAPTION_CLASS_RE.search(
            f"{el.get('class') or ''} {el.get('id') or ''}"
        ):
            continue
        if in_sentence(el):
            continue  # a word of a sentence ("at the <span class=caption>quay</span>")
        if not _holds_article(el) and not _describes_video(el) and not _in_slide(el):
            el.drop_tree()


def _in_slide(el: HtmlElement) -> bool:
    return any(a.tag == "figure" and is_slide(a) for a in el.iterancestors())


def _describes_video(el: HtmlElement) -> bool:
    """A video's summary line is written as a paragraph of the story (editors keep it), unlike
    a photo caption."""
    for anc in [el, *el.iterancestors()][:VIDEO_ANCESTORS]:
        if VIDEO_CLASS_RE.search(f"{anc.get('class') or ''} {anc.get('id') or ''}"):
            return True
    return False


def _drop_caption_echoes(body: HtmlElement, captions: set[str]) -> None:
    """Remove body blocks that repeat a caption (with or without its credit)."""
    openings = {c.split(" ", 1)[0] for c in captions}
    for el in list(body.iter("p", "div", "span", "figcaption", "em", "small")):
        if el.getparent() is None or len(el) > ECHO_MAX_CHILDREN:
            continue
        raw = el.text_content()
        if len(raw) > 2 * CAPTION_MAX or raw.split(None, 1)[:1] and (
            raw.split(None, 1)[0] not in openings
        ):
            continue  # cheap tests first: normalizing text costs
        text = normalize_space(raw)
        if not text or len(text) > CAPTION_MAX:
            continue
        if text in captions or (
            any(text.startswith(c) for c in captions) and split_credit(text)[0] in captions
        ):
            el.drop_tree()
