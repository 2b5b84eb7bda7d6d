"""Candidate scoring for the main-content stage: the rules of readability-lxml 0.9 (which
blocks are unlikely, which <div>s are paragraphs, how paragraphs score their parent and
grandparent, link density, the best candidate and its semantic <article>/<main>, which
siblings and segments join it, the conditional clean-up), implemented for speed.

Why our own: readability measures the same texts over and over (an element's text and link
text anew for every question asked of it), serializes every <div>'s children to find block
tags in them, and formats debug lines with the text of every node it keeps, logging on or
not; on news pages that is half the cost of the whole main-content stage. Here an
element's text length, comma count and link length are measured once and kept until the
element's subtree changes, block descendants are found in one bottom-up pass, and nothing
is formatted for a log.

The rules are readability's, to the letter (its quirks too: the stable order of equal
scores, `min(length / 100, 3)`, the sibling scan that stops at the first sibling with
text), so the chosen body is the same element with the same content: tests/test_scoring.py
checks this against readability's own steps on every fixture page and on hand-made pages.
readability stays the reference (content.py falls back to its steps if this scorer fails;
`newscrawl eval extraction --compare readability` measures it alone). The regexes are
readability's own (REGEXES).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any, cast
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import HtmlElement, fragment_fromstring
from readability.readability import REGEXES

Candidate = dict[str, Any]  # {"content_score": float, "elem": HtmlElement}, as readability's

# Block tags whose start readability looks for in a <div>'s serialized children ("<p" also
# matches <param>, <picture>..., as in readability: a prefix, not a tag name).
_BLOCK_PREFIXES = ("blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul")
_INLINE = frozenset(
    "a b cite code em font i small span strong sub sup u".split()
)
_TAG_BONUS = {
    **dict.fromkeys(("div", "article"), 5),
    **dict.fromkeys(("pre", "td", "blockquote"), 3),
    **dict.fromkeys(("address", "ol", "ul", "dl", "dd", "dt", "li", "form", "aside"), -3),
    **dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6", "th", "header", "footer", "nav"), -5),
}
_VIDEO_HOSTS = frozenset({"youtube.com", "www.youtube.com", "vimeo.com", "www.vimeo.com"})


_LETTER = re.compile(r"[^\W\d_]")
# Elements that hold words of a sentence, the obsolete ones pages still write included
# ("<big>", "<tt>", "<nobr>"); a <sup> too ("21<sup>st</sup>"): a footnote's mark ("1",
# "*") has no letter.
_PHRASING = frozenset(
    "a abbr acronym b bdi bdo big cite code data del dfn em font i ins kbd label mark nobr q "
    "s samp small span strike strong sub sup time tt u var button".split()
)


def in_sentence(el: HtmlElement) -> bool:
    """A phrasing element standing in running text ("Residents of <span class=menu>Riverside
    </span> district"): the nearest block around it has words of its own, outside its child
    elements. Its words are the sentence's, whatever its class says (readability would drop
    it, and leave the sentence with a hole). Not a footnote's mark ("1", "*": no letter), nor
    a link in a menu (its <li> or bar holds no words of its own)."""
    if el.tag not in _PHRASING or not _LETTER.search(el.text_content()):
        return False
    node = el
    while (parent := node.getparent()) is not None:
        if _LETTER.search(parent.text or "") or any(
            c.tail and _LETTER.search(c.tail) for c in parent
        ):
            return True
        if parent.tag not in _PHRASING:
            return False
        node = parent
    return False


def inside_sentence(el: HtmlElement) -> bool:
    """In running text with words of its block after it as well ("Residents <button>voted
    </button> for"): a control closing its block ("... <button>Read more</button>") is no
    word of the story."""
    if not in_sentence(el):
        return False
    node = el
    while node is not None and node.tag in _PHRASING:
        if _LETTER.search(node.tail or "") or any(
            _LETTER.search(sib.tail or "")
            or isinstance(sib.tag, str) and _LETTER.search(sib.text_content())
            for sib in node.itersiblings()
        ):
            return True
        node = node.getparent()
    return False


class _AnyWord:
    """One of readability's class-name regexes, an alternation of plain lower-case words
    matched case-insensitively: on ASCII text, the same answer as a substring test of the
    lower-cased text, which is ten times faster than re's case-insensitive alternation."""

    def __init__(self, regex: re.Pattern[str]):
        self.regex = regex
        words = regex.pattern.split("|")
        plain = all(re.fullmatch(r"[a-z-]+", w) for w in words)
        self.words = tuple(words) if plain else ()

    def search(self, text: str) -> bool:
        if self.words and text.isascii():
            low = text.lower()
            return any(w in low for w in self.words)
        return self.regex.search(text) is not None


_UNLIKELY = _AnyWord(REGEXES["unlikelyCandidatesRe"])
_MAYBE = _AnyWord(REGEXES["okMaybeItsACandidateRe"])
_POSITIVE = _AnyWord(REGEXES["positiveRe"])
_NEGATIVE = _AnyWord(REGEXES["negativeRe"])
_CALL_TO_ACTION, _EDITORIAL_LEAD = REGEXES["callToActionRe"], REGEXES["editorialLeadRe"]

# readability's clean(): runs of 255+ whitespace characters become one space, a run with
# a newline becomes "\n", a tab or 2+ spaces/tabs become " ", and the ends are stripped.
# Only runs of two or more characters can change length.
_RUN = re.compile(r"\s{2,}")
_SPACES_TABS = re.compile(r"\t|[ \t]{2,}")
_SENTENCE_END = re.compile(r"\.( |$)")
_CLASSED = etree.XPath("descendant::*[string(@class) != '' or string(@id) != '']")
_IN_CODE = etree.XPath("boolean(ancestor-or-self::pre | ancestor-or-self::code)")
_HOLDS_ARTICLE = etree.XPath("boolean(descendant-or-self::main | descendant-or-self::article"
                             " | descendant-or-self::math)")
_IN_CHROME = etree.XPath(
    "boolean(ancestor-or-self::form | ancestor-or-self::aside | ancestor-or-self::nav)")
_LEAF_ITEMS = etree.XPath(".//li[not(.//li)]")
_IN_SIDEBAR = etree.XPath("boolean(ancestor-or-self::aside | ancestor-or-self::nav)")
_IN_FRAME = etree.XPath("boolean(ancestor::main | ancestor::article)")


def clean_length(text: str) -> int:
    """len(readability.readability.clean(text)), without building the cleaned string."""
    text = text.strip()
    n = len(text)
    for m in _RUN.finditer(text):
        run = m.group()
        if len(run) >= 255 or "\n" in run:
            n += 1 - len(run)
        else:
            n += len(_SPACES_TABS.sub(" ", run)) - len(run)
    return n


# Class and id strings repeat across a site's pages: their verdicts are kept.
@lru_cache(maxsize=8192)
def _unlikely(features: str) -> bool:
    return _UNLIKELY.search(features) and not _MAYBE.search(features)


@lru_cache(maxsize=8192)
def unlikely_or_negative(names: str) -> bool:
    """readability's unlikely-candidate or negative class words are in these names."""
    return _UNLIKELY.search(names) or _NEGATIVE.search(names)


@lru_cache(maxsize=8192)
def _weight(feature: str) -> int:
    return (-25 if _NEGATIVE.search(feature) else 0) + (25 if _POSITIVE.search(feature) else 0)


def _elements(path: etree.XPath, el: HtmlElement) -> list[HtmlElement]:
    return cast(list[HtmlElement], path(el))


def _features(el: HtmlElement) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}"


def _is_video_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and parts.hostname in _VIDEO_HOSTS
    except ValueError:
        return False


class Scorer:
    """readability's scoring steps over a working tree that this object may change.

    Measurements are cached per element: `_texts` (cleaned length, comma count) and
    `_density` (link density); an element's entries go when something below it is removed
    (`_drop`), all of them when elements move (`_forget_all`)."""

    def __init__(self, root: HtmlElement, min_text_length: int = 25):
        self.html = root
        self.min_text_length = min_text_length
        self._texts: dict[HtmlElement, tuple[int, int]] = {}
        self._density: dict[HtmlElement, float] = {}

    # -- measurements ------------------------------------------------------------------

    def _text(self, el: HtmlElement) -> tuple[int, int]:
        """(cleaned text length, commas) of the element's text."""
        found = self._texts.get(el)
        if found is None:
            text = el.text_content() or ""
            found = self._texts[el] = (clean_length(text), text.count(","))
        return found

    def text_length(self, el: HtmlElement) -> int:
        return self._text(el)[0]

    def get_link_density(self, el: HtmlElement) -> float:
        found = self._density.get(el)
        if found is None:
            links = sum(self._text(a)[0] for a in el.iterdescendants("a"))
            found = self._density[el] = float(links) / max(self._text(el)[0], 1)
        return found

    def _drop(self, el: HtmlElement) -> None:
        for anc in el.iterancestors():
            self._texts.pop(anc, None)
            self._density.pop(anc, None)
        el.drop_tree()

    def _forget_all(self) -> None:
        self._texts.clear()
        self._density.clear()

    def class_weight(self, el: HtmlElement) -> int:
        weight = 0
        for feature in (el.get("class"), el.get("id")):
            if feature:
                weight += _weight(feature)
        return weight

    def score_node(self, el: HtmlElement) -> Candidate:
        return {"content_score": self.class_weight(el) + _TAG_BONUS.get(el.tag.lower(), 0),
                "elem": el}

    # -- before scoring ----------------------------------------------------------------

    def remove_unlikely_candidates(self) -> None:
        # Elements without a class or id never match; removed ones are still judged, as
        # readability does (it has no effect on the tree).
        for el in _elements(_CLASSED, self.html):
            features = _features(el)
            if (
                _unlikely(features)
                and el.tag not in ("html", "body")
                and not in_sentence(el)
                and not _IN_CODE(el)
                and not _HOLDS_ARTICLE(el)
            ):
                el.drop_tree()
        self._forget_all()

    def _with_block_descendants(self) -> set[HtmlElement]:
        """Elements with a block tag (by readability's prefix test) somewhere below them."""
        marked: set[HtmlElement] = set()
        for el in self.html.iter("*"):
            if el.tag.lower().startswith(_BLOCK_PREFIXES):
                for anc in el.iterancestors():
                    if anc in marked:
                        break
                    marked.add(anc)
        return marked

    def transform_misused_divs_into_paragraphs(self) -> None:
        """A <div> without block content is a paragraph; in the other <div>s, loose text
        and runs of inline elements are wrapped in paragraphs of their own, <br>s dropped."""
        blocky = self._with_block_descendants()  # tags changed below (div -> p) keep it
        for div in list(self.html.iterdescendants("div")):
            if div not in blocky:
                div.tag = "p"
        for div in list(self.html.iterdescendants("div")):
            children = list(div)
            paragraph = None
            if div.text and div.text.strip():
                paragraph = div.makeelement("p", {})
                paragraph.text, div.text = div.text, None
                div.insert(0, paragraph)
            for child in children:
                if child.tag == "br" or child.tag not in _INLINE or child in blocky:
                    paragraph = None
                    continue
                if paragraph is None:
                    paragraph = div.makeelement("p", {})
                    child.addprevious(paragraph)
                paragraph.append(child)
            for pos, child in reversed(list(enumerate(div))):
                if child.tail and child.tail.strip():
                    p = div.makeelement("p", {})
                    p.text, child.tail = child.tail, None
                    div.insert(pos + 1, p)
                if child.tag == "br":
                    child.drop_tree()
        self._forget_all()

    # -- scoring -----------------------------------------------------------------------

    def score_paragraphs(self) -> dict[HtmlElement, Candidate]:
        candidates: dict[HtmlElement, Candidate] = {}
        ordered = []
        for tag in ("p", "pre", "td", "blockquote"):
            for el in self.html.iterdescendants(tag):
                parent = el.getparent()  # a descendant of the root: never None
                grand = parent.getparent()
                length, commas = self._text(el)
                if length < self.min_text_length:
                    continue
                if parent not in candidates:
                    candidates[parent] = self.score_node(parent)
                    ordered.append(parent)
                if grand is not None and grand not in candidates:
                    candidates[grand] = self.score_node(grand)
                    ordered.append(grand)
                score = 1 + (commas + 1) + min(length / 100, 3)
                candidates[parent]["content_score"] += score
                if grand is not None:
                    candidates[grand]["content_score"] += score / 2.0
        for el in ordered:
            candidates[el]["content_score"] *= 1 - self.get_link_density(el)
        return candidates

    def select_best_candidate(self, candidates: dict[HtmlElement, Candidate]) -> Candidate | None:
        if not candidates:
            return None
        ranked = sorted(candidates.values(), key=lambda c: c["content_score"], reverse=True)
        best = ranked[0]
        for cand in ranked:  # a marked article body with few links wins
            if ("articleBody" in (cand["elem"].get("itemprop") or "").split()
                    and self.get_link_density(cand["elem"]) <= 0.1):
                best = cand
                break
        below = set(best["elem"].iterdescendants())
        for cand in ranked:  # an <article> inside it, with text and a fair score, is tighter
            el = cand["elem"]
            if (el.tag == "article" and el in below and self.text_length(el) >= 250
                    and cand["content_score"] >= best["content_score"] * 0.25):
                return cand
        return best

    def get_semantic_article_candidate(
        self, candidates: dict[HtmlElement, Candidate], best: Candidate
    ) -> Candidate:
        """A pick inside a form/aside/nav gives way to an <article> outside them whose list
        items read as text, if that scores higher."""
        if not _IN_CHROME(best["elem"]):
            return best
        found = []
        for article in self.html.iterdescendants("article"):
            if _IN_CHROME(article):
                continue
            density = self.get_link_density(article)
            if density > 0.25:
                continue
            cand = self.score_node(article)
            items = 0
            for item in _elements(_LEAF_ITEMS, article):
                length, commas = self._text(item)
                if length < self.min_text_length or self.get_link_density(item) > 0.25:
                    continue
                items += 1
                cand["content_score"] += 1
                cand["content_score"] += commas + 1
                cand["content_score"] += min(length / 100, 3)
            if items:
                cand["content_score"] *= 1 - density
                found.append(cand)
        if not found:
            return best
        top = max(found, key=lambda c: c["content_score"])
        if top["content_score"] <= best["content_score"]:
            return best
        candidates[top["elem"]] = top
        return top

    def get_semantic_main_candidate(
        self, candidates: dict[HtmlElement, Candidate], best: Candidate
    ) -> Candidate:
        """A pick outside any <article> gives way to its <main> when that has much more text
        and few links."""
        el = best["elem"]
        ancestors = tuple(el.iterancestors())
        if el.tag == "article" or any(a.tag == "article" for a in ancestors):
            return best
        main = next((a for a in ancestors if a.tag == "main"), None)
        if main is None or self.text_length(main) < max(500, self.text_length(el) * 2):
            return best
        if self.get_link_density(main) > 0.15:
            return best
        cand = candidates[main] = self.score_node(main)
        return cand

    # -- the article -------------------------------------------------------------------

    def get_article(self, candidates: dict[HtmlElement, Candidate], best: Candidate,
                    html_partial: bool = True) -> HtmlElement:
        """The best candidate with the siblings that belong to it, in a new <div>."""
        self._forget_all()
        threshold = max([10, best["content_score"] * 0.2])
        output = fragment_fromstring("<div/>")
        best_el = best["elem"]
        self._heading_preamble(candidates, best_el, threshold)
        self._merge_segments(candidates, best, threshold)
        parent = best_el.getparent()
        siblings = parent.getchildren() if parent is not None else [best_el]
        leads = self._editorial_leads(best_el)
        for lead in reversed(leads):
            best_el.insert(0, lead)
        if leads:
            self._forget_all()
        for sib in siblings:
            if sib in leads:
                continue
            append = sib is best_el or (
                sib in candidates and candidates[sib]["content_score"] >= threshold)
            if sib.tag == "p":
                density = self.get_link_density(sib)
                own = sib.text or ""
                if len(own) > 80 and density < 0.25:
                    append = True
                elif len(own) <= 80 and density == 0 and _SENTENCE_END.search(own):
                    append = True
            if append:
                output.append(sib)
        self._forget_all()
        return output

    def _heading_preamble(self, candidates: dict[HtmlElement, Candidate], best_el: HtmlElement,
                          threshold: float) -> None:
        """A sub-heading block just before the pick joins it as a sibling."""
        prev = best_el.getprevious()
        if prev is None or prev in candidates:
            return
        if prev.tag != "h2" and not prev.findall(".//h2"):
            return
        if self.text_length(prev) < self.min_text_length or self.get_link_density(prev) > 0.2:
            return
        candidates[prev] = {"content_score": threshold, "elem": prev}

    def _merge_segments(self, candidates: dict[HtmlElement, Candidate], best: Candidate,
                        threshold: float) -> None:
        """Blocks like the pick (same tag and content class, in the same <article>/<main> or
        positively classed frame) elsewhere in it are moved into the pick, in order."""
        best_el = best["elem"]
        classes = set((best_el.get("class") or "").split())
        content_classes = {name for name in classes if _POSITIVE.search(name)}
        frame = next((a for a in best_el.iterancestors() if a.tag in ("article", "main")), None)
        neutral = bool(not content_classes and best_el.tag != "article" and classes
                       and frame is not None and frame.tag == "article")
        segment_threshold = max(10, best["content_score"] * 0.05) if neutral else threshold
        if not content_classes and best_el.tag != "article" and not neutral:
            return
        best_parent = best_el.getparent()
        best_ancestors = set(best_el.iterancestors())
        parent_classes = set((best_parent.get("class") or "").split()
                             if best_parent is not None else ())

        def matches(el: HtmlElement) -> bool:
            if el is best_el or el not in candidates:
                return False
            classless_article = not content_classes and el.tag == "article"
            if candidates[el]["content_score"] < segment_threshold and not classless_article:
                return False
            if el.getparent() is best_parent or el.tag != best_el.tag:
                return False
            el_classes = (el.get("class") or "").split()
            if content_classes and not content_classes.intersection(el_classes):
                return False
            if neutral and set(el_classes) != classes:
                return False
            if classless_article and not parent_classes.intersection(
                    (el.getparent().get("class") or "").split()):
                return False
            if self.get_link_density(el) > 0.2:
                return False
            return el not in best_ancestors and best_el not in set(el.iterancestors())

        if frame is None:
            frame = next((a for a in best_el.iterancestors()
                          if _POSITIVE.search(f"{a.get('class', '')} {a.get('id', '')}")
                          and any(matches(c) and a in c.iterancestors() for c in candidates)),
                         None)
        if frame is None:
            return
        selected: set[HtmlElement] = set()
        before: list[HtmlElement] = []
        after: list[HtmlElement] = []
        past_best = False
        for el in frame.iter():
            if el is best_el:
                past_best = True
                continue
            if not matches(el) or selected.intersection(el.iterancestors()):
                continue
            selected.add(el)
            lead = self._quote_lead_of(el)
            if lead is not None:
                selected.add(lead)
            side = after if past_best else before
            if lead is not None:
                side.append(lead)
            side.append(el)
        for el in reversed(before):
            best_el.insert(0, el)
        for el in after:
            best_el.append(el)
        if before or after:
            self._forget_all()

    def _quote_lead_of(self, el: HtmlElement) -> HtmlElement | None:
        """The sentence ending in ':' that introduces a segment holding a quotation."""
        if not el.findall(".//blockquote"):
            return None
        for container in (el, el.getparent()):
            lead = container.getprevious() if container is not None else None
            if lead is None or _IN_SIDEBAR(lead):
                continue
            if self._announces(lead):
                return lead
        return None

    def _announces(self, lead: HtmlElement) -> bool:
        """A sentence of running-text length ending in ':' (it announces what follows)."""
        text = lead.text_content() or ""
        return clean_length(text) >= self.min_text_length and text.strip().endswith(":")

    def _editorial_leads(self, best_el: HtmlElement) -> list[HtmlElement]:
        """Standfirsts (class "subhead", "standfirst", "dek"...) before the pick in its
        <article>/<main>."""
        frame = next((a for a in best_el.iterancestors() if a.tag in ("article", "main")), None)
        if frame is None:
            return []
        ancestors = set(best_el.iterancestors())
        leads: list[HtmlElement] = []
        for el in frame.iter():
            if el is best_el:
                break
            if el in ancestors or not _EDITORIAL_LEAD.search(_features(el)):
                continue
            if self.get_link_density(el) > 0.2:
                continue
            if any(a in leads for a in el.iterancestors()):
                continue
            leads.append(el)
        return leads

    # -- clean-up ----------------------------------------------------------------------

    def _each(self, node: HtmlElement, *tags: str) -> Iterator[HtmlElement]:
        """Descendants by tag, one tag after the other, each list taken when reached."""
        for tag in tags:
            yield from node.findall(f".//{tag}")

    def _is_toc_list(self, el: HtmlElement) -> bool:
        """A <ul> under a "Table of contents" heading (or inside such a list)."""
        for toc in (el, *el.iterancestors()):
            prev = toc.getprevious()
            if (toc.tag == "ul" and prev is not None and prev.tag in ("h2", "h3", "h4")
                    and _clean(prev.text_content()).lower() == "table of contents"):
                return True
        return False

    def _is_quote_lead(self, el: HtmlElement) -> bool:
        for lead in (el, *el.iterancestors()):
            following = lead.getnext()
            if following is None or not following.findall(".//blockquote"):
                continue
            if self._announces(lead):
                return True
        return False

    def get_preserved_elements(self, node: HtmlElement) -> set[HtmlElement]:
        """Lists of contents and the sentences that lead a quotation: never removed."""
        kept = {el for el in self._each(node, "ul") if self._is_toc_list(el)}
        if node.find(".//blockquote") is not None:  # else no element leads a quotation
            kept.update(el for el in self._each(node, "div", "section")
                        if self._is_quote_lead(el))
        return kept

    def sanitize(self, node: HtmlElement, candidates: dict[HtmlElement, Candidate]) -> None:
        self._forget_all()
        for header in self._each(node, "h1", "h2", "h3", "h4", "h5", "h6"):
            if self.class_weight(header) < 0 or self.get_link_density(header) > 0.33:
                self._drop(header)
        for p in self._each(node, "p"):
            if _CALL_TO_ACTION.search(p.text_content()) and self.get_link_density(p) > 0.2:
                self._drop(p)
        for el in self._each(node, "form", "textarea"):
            self._drop(el)
        for frame in self._each(node, "iframe"):
            if "src" in frame.attrib and _is_video_url(frame.attrib["src"]):
                frame.attrib.pop("srcdoc", None)
                frame.text = "VIDEO"
            else:
                self._drop(frame)
        allowed = self.get_preserved_elements(node)
        for tag in ("table", "ul", "div", "aside", "header", "footer", "section"):
            for el in reversed(node.findall(f".//{tag}")):
                if el in allowed:
                    continue
                weight = self.class_weight(el)
                score = candidates[el]["content_score"] if el in candidates else 0
                if weight + score < 0:
                    self._drop(el)
                    continue
                length, commas = self._text(el)
                if commas >= 10:
                    continue
                if self._conditionally_removed(el, tag, weight, length, allowed):
                    self._drop(el)

    def _conditionally_removed(self, el: HtmlElement, tag: str, weight: int, length: int,
                               allowed: set[HtmlElement]) -> bool:
        p = len(el.findall(".//p"))
        img = len(el.findall(".//img"))
        li = len(el.findall(".//li")) - 100
        inputs = len(el.findall(".//input")) - len(el.findall('.//input[@type="hidden"]'))
        embeds = len(el.findall(".//embed"))
        density = self.get_link_density(el)
        min_len = self.min_text_length
        if p and img > 1 + p * 1.3:
            return True  # too many images
        if li > p and tag not in ("ol", "ul"):
            return True
        if inputs > p / 3:
            return True
        if length < min_len and (img == 0 or img > 2):
            return True
        if weight < 25:
            near = (tag in ("ul", "section")
                    and _IN_FRAME(el))
            if density > (0.25 if near else 0.2):
                return True
        elif density > 0.5:
            return True
        if (embeds == 1 and length < 75) or embeds > 1:
            return True
        if length:
            return False
        # No text: kept when the nearest sibling with text on either side is long.
        lengths = []
        for sib in el.itersiblings():
            n = self.text_length(sib)
            if n:
                lengths.append(n)
                break
        for sib in el.itersiblings(preceding=True):
            n = self.text_length(sib)
            if n:
                lengths.append(n)
                break
        if lengths and sum(lengths) > 1000:
            allowed.update(self._each(el, "table", "ul", "div", "section"))
            return False
        return True


def _clean(text: str) -> str:
    """readability's clean() itself, for the one place that compares the cleaned text."""
    text = re.sub(r"\s{255,}", " " * 255, text)
    text = re.sub(r"\s*\n\s*", "\n", text)
    text = re.sub(r"\t|[ \t]{2,}", " ", text)
    return text.strip()
