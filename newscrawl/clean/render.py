"""Main-content element -> blocks -> clean text and minimal HTML, in one walk."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from lxml.html import HtmlElement

from .lexicon.patterns import DROP_CAP_CLASS, EMBED_CLASS, one_letter_words
from .scoring import inside_sentence

BLOCK_TAGS = frozenset(
    "address article aside blockquote body dd details dialog div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary "
    "table tbody thead tfoot tr td th ul center".split()
)
SKIP_TAGS = frozenset(
    "script style noscript template svg canvas button input select textarea iframe object "
    "embed video audio picture source head title link meta".split()
)
HEADINGS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4"}
HEADING_KINDS = frozenset(HEADINGS.values())  # the kinds of heading blocks

_SPACE = re.compile(r"[ \t\r\n\f\v\u00a0\u2009\u200a\u202f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


@dataclass
class Block:
    kind: str  # p, h2, h3, h4, li, oli (ordered list item), quote, pre, cell
    text: str
    # The list/quote group a block belongs to, so consecutive items share one <ul>.
    group: int = 0
    # The quotation figure a block is said in (numbered from 1; 0: none). The figure goes
    # when the story's own text says it too (a pull quote).
    pulled: int = 0


# Whitespace str.split() splits on and _SPACE does not collapse, and the zero-width
# characters: without any of these, str.split() and join give normalize_space's result at
# half the cost of the two substitutions (the function runs on tens of thousands of texts a
# page).
_NOT_SPLIT_ALIKE = re.compile(
    "[\x1c-\x1f\x85\u1680\u2000-\u2008\u2028\u2029\u205f\u200b\u200c\u200d\u2060"
    "\ufeff\u00ad]")


def normalize_space(text: str) -> str:
    if not _NOT_SPLIT_ALIKE.search(text):
        return " ".join(text.split())
    return _SPACE.sub(" ", _ZERO_WIDTH.sub("", text)).strip()


class _Walker:
    def __init__(self, one_letter: frozenset[str] = frozenset()) -> None:
        self.blocks: list[Block] = []
        self.buf: list[str] = []
        self.kind_stack: list[tuple[str, int]] = [("p", 0)]
        self.group = 0
        self.one_letter = one_letter  # the page language's words of one letter
        # After a drop cap's letter: where in buf the text after it starts, and the letter.
        self.glue: tuple[int, str] | None = None
        self.credits: set[HtmlElement] = set()  # a quotation's credit line, not its words
        self.quotations = 0

    def add(self, text: str) -> None:
        """Append text; the first words after a drop cap join its letter (below)."""
        if self.glue is not None and text.strip():
            at, letter = self.glue
            self.glue = None
            after = "".join(self.buf[at:]) + text
            rest = after.lstrip()
            word = letter.lower() in self.one_letter  # "A man": the letter is a word
            if len(rest) < len(after) and not word and _continues(rest):
                del self.buf[at:]
                text = rest
        self.buf.append(text)

    def drop_cap_letter(self, el: HtmlElement) -> str | None:
        """The letter of a drop cap: an element classed as one ("drop-cap", "initial-letter";
        lexicon DROP_CAP_CLASS_WORDS) holding one capital letter that opens its paragraph
        (only quotes before it). Its layout often leaves a space the reader does not see
        between the letter and the rest of its word: "N a endlich!" reads "Na endlich!"."""
        cls = el.get("class")
        if not cls or not DROP_CAP_CLASS.search(cls):
            return None
        letter = el.text_content().strip()
        if len(letter) != 1 or not letter.isupper():
            return None
        before = "".join(self.buf).strip()
        if not before.endswith(letter) or any(c.isalnum() for c in before[:-1]):
            return None
        return letter

    def flush(self) -> None:
        self.glue = None
        if not self.buf:
            return
        text = normalize_space("".join(self.buf))
        self.buf = []
        if text:
            kind, group = self.kind_stack[-1]
            self.blocks.append(Block(kind, text, group))

    def walk_slide(self, figure: HtmlElement) -> None:
        """A slide's headings and caption paragraphs, without its images."""
        self.flush()
        for part in figure.iter("h2", "h3", "h4", "figcaption"):
            if part.tag == "figcaption" or not any(
                a.tag == "figcaption" for a in part.iterancestors()
            ):
                self.walk(part)
        if figure.tail:
            self.add(figure.tail)

    def walk_quotation(self, figure: HtmlElement) -> None:
        """A quotation figure's quote, without its credit line (the figcaption, or a
        <cite>/<footer> of the quote's own)."""
        self.flush()
        start = len(self.blocks)
        for quote in figure.iter("blockquote"):
            if not any(a.tag == "blockquote" for a in quote.iterancestors()):
                self.credits.update(c for c in quote if c.tag in ("cite", "footer"))
                self.walk(quote)
        self.flush()
        self.quotations += 1
        # without its decoration (a quotation mark set apart as a block of its own)
        self.blocks[start:] = [b for b in self.blocks[start:] if _WORDS.search(b.text)]
        for block in self.blocks[start:]:
            block.pulled = self.quotations
        if figure.tail:
            self.add(figure.tail)

    def walk(self, el: HtmlElement) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if self.credits and el in self.credits:
            if el.tail:
                self.add(el.tail)
            return
        if tag == "noscript" and _holds_article_text(el):
            tag = "div"  # a script-rendered page's fallback copy of the story (Blogger)
        if tag == "figure" and is_slide(el):
            self.walk_slide(el)
            return
        if tag == "figure" and is_quotation(el):
            self.walk_quotation(el)
            return
        if tag == "button" and inside_sentence(el):
            tag = "span"  # a glossary or pop-up term set in a sentence: its words are the story's
        if tag in SKIP_TAGS or tag == "figure" or not tag:
            # Figures (images and captions) are not body text; see captions.py.
            if el.tail:
                self.add(el.tail)
            return
        if tag == "br":
            self.flush()
            if el.tail:
                self.add(el.tail)
            return
        block = tag in BLOCK_TAGS
        pushed = False
        if tag == "a" and _after_link(el) and self.buf and not self.buf[-1][-1:].isspace():
            # links set side by side ("<a>Blue Origin</a><a>Ceres Robotics</a>", tags, names)
            # are apart on screen (the site's CSS spaces them): never one glued word
            self.add(" ")
        if block:
            self.flush()
            kind = None
            if tag in HEADINGS:
                kind = HEADINGS[tag]
            elif tag == "li":
                parent = el.getparent()
                kind = "oli" if parent is not None and parent.tag == "ol" else "li"
            elif tag in ("ul", "ol", "blockquote"):
                self.group += 1
            elif tag == "pre":
                kind = "pre"
            elif tag in ("td", "th"):
                kind = "cell"
            if tag == "blockquote":
                kind = "quote"
            if kind is None and tag == "p" and self.kind_stack[-1][0] in ("li", "oli", "quote"):
                kind = self.kind_stack[-1][0]
            if kind is not None:
                self.kind_stack.append((kind, self.group))
                pushed = True
        if el.text:
            self.add(el.text)
        for child in el:
            self.walk(child)
        if block:
            self.flush()
            if pushed:
                self.kind_stack.pop()
            if tag in ("ul", "ol", "blockquote"):
                self.group += 1
        elif (letter := self.drop_cap_letter(el)) is not None:
            self.glue = (len(self.buf), letter)
        if el.tail:
            self.add(el.tail)


_LETTERS = re.compile(r"[^\W\d_]+")


def _after_link(el: HtmlElement) -> bool:
    """Right after another link's text, with nothing between them, and opening with a
    capital: a new name or label ("Origin|Ceres"), not the rest of a word that a linking
    plugin cut in two ("Arte|mis")."""
    prev = el.getprevious()
    if prev is None or prev.tag != "a" or prev.tail:
        return False
    before, text = prev.text_content().rstrip(), el.text_content().lstrip()
    return bool(before) and bool(text) and before == prev.text_content() and text[0].isupper()


def _continues(rest: str) -> bool:
    """The rest of a drop cap's word: lower-case ("a endlich!"), or the capitals of a word
    set in capitals ("ASHINGTON —" after a "W")."""
    word = _LETTERS.match(rest)
    return word is not None and (rest[0].islower() or (len(word[0]) >= 2 and word[0].isupper()))


SLIDE_MARK = "data-newscrawl-slide"


def is_slide(figure: HtmlElement) -> bool:
    """A gallery story's slide ("12. Drake" over a photo and a paragraph of text): a
    <figure> with a heading of its own and a caption. Its text is the story, not a photo
    caption; a plain photo's figure has no heading. The main-content stage marks slides
    (SLIDE_MARK) before readability's cleanup drops their linked headings."""
    if figure.get(SLIDE_MARK) is not None:
        return True
    if figure.find(".//h2") is None and figure.find(".//h3") is None:
        return False
    # text besides the caption's heading: a heading that is the whole caption (a caption
    # styled as an <h3>, then "Bild: Imago") is a photo's caption, not a slide's
    return any(len(normalize_space(_text_besides_headings(c))) >= 40
               for c in figure.iter("figcaption"))


def _text_besides_headings(el: HtmlElement) -> str:
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag not in ("h2", "h3", "h4"):
            parts.append(_text_besides_headings(child))
        parts.append(child.tail or "")
    return " ".join(parts)


_MEDIA = ("img", "picture", "video", "audio", "iframe", "object", "embed", "amp-img")


def is_quotation(figure: HtmlElement) -> bool:
    """A quotation set as a figure, the HTML standard's way to credit a quote
    (<figure><blockquote>...</blockquote><figcaption>Name</figcaption></figure>), and
    WordPress's pull-quote block: the quote is the story's words. Not a figure with an
    image or a video, nor an embedded social post (their own rules)."""
    quote = figure.find(".//blockquote")
    if quote is None or next(figure.iter(*_MEDIA), None) is not None:
        return False
    return not any(
        EMBED_CLASS.search(el.get("class") or "") or "embed" in (el.get("class") or "")
        for el in (figure, quote)
    )


_WORDS = re.compile(r"\w+")
PULLED_MIN_WORDS = 4  # a quote this short ("No.") is not known for a repeat by its words


def _drop_pulled_repeats(blocks: list[Block]) -> list[Block]:
    """A quotation figure repeating the story's own words (a pull quote) goes whole, with
    a credit line written inside its quote; a quote said only there stays."""
    if not any(b.pulled for b in blocks):
        return blocks
    told = " ".join(_WORDS.findall(" ".join(b.text for b in blocks if not b.pulled).casefold()))
    repeats = {
        b.pulled for b in blocks
        if b.pulled and " ".join(_WORDS.findall(b.text.casefold())) in told
        and len(_WORDS.findall(b.text)) >= PULLED_MIN_WORDS
    }
    return [b for b in blocks if b.pulled not in repeats]


def _holds_article_text(el: HtmlElement) -> bool:
    """A <noscript> with paragraphs of text, not a tracking pixel or "enable JavaScript"."""
    return el.find(".//p") is not None and len(el.text_content()) >= 200


def to_blocks(el: HtmlElement, language: str | None = None) -> list[Block]:
    """The blocks of an element's text. `language`: the page's primary language code (which
    letters are words of their own, see _Walker.add); None reads every language's."""
    walker = _Walker(one_letter_words(language))
    walker.walk(el)
    walker.flush()
    return _drop_pulled_repeats(walker.blocks)


def blocks_to_text(blocks: list[Block]) -> str:
    return "\n\n".join(b.text for b in blocks)


def blocks_to_html(blocks: list[Block]) -> str:
    out: list[str] = []
    open_group: tuple[str, int] | None = None
    for b in blocks:
        wrapper = {"li": "ul", "oli": "ol", "quote": "blockquote"}.get(b.kind)
        key = (wrapper, b.group) if wrapper else None
        if open_group and open_group != key:
            out.append(f"</{open_group[0]}>")
            open_group = None
        if key and open_group is None:
            out.append(f"<{wrapper}>")
            open_group = key  # type: ignore[assignment]
        text = html.escape(b.text, quote=False)
        if b.kind in ("li", "oli"):
            out.append(f"<li>{text}</li>")
        elif b.kind in ("h2", "h3", "h4"):
            out.append(f"<{b.kind}>{text}</{b.kind}>")
        elif b.kind == "pre":
            out.append(f"<pre>{text}</pre>")
        else:
            out.append(f"<p>{text}</p>")
    if open_group:
        out.append(f"</{open_group[0]}>")
    return "\n".join(out)
