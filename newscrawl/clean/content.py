"""Locate the main content: readability-lxml's scoring rules (scoring.py, readability's own
steps as the fallback) on a copy of the page, pre-pruned of obvious site chrome, without
serializing or re-parsing anything."""

from __future__ import annotations

import copy
import logging
import zlib
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement, fragment_fromstring
from readability import Document

from .boilerplate import paragraph_holders, prune_chrome
from .codes import WarningCode
from .lexicon.patterns import DISCUSSION_CLASS_RE, INTERSTITIAL
from .page import Page
from .render import SLIDE_MARK, is_slide
from .scoring import Scorer, in_sentence, unlikely_or_negative

logger = logging.getLogger(__name__)


class _Scorer(Document):
    """readability's Document driven step by step on a tree we own.

    `summary()` serializes its result and callers would re-parse it; we call the same steps
    and keep the element. Overriding get_clean_html stops sanitize() from serializing.
    """

    def get_clean_html(self):  # type: ignore[override]
        return None

    def remove_unlikely_candidates(self) -> None:  # type: ignore[override]
        """readability's rule, but the words of a sentence stay (scoring.in_sentence, as in
        our scorer): their class and id are out of its sight while it runs."""
        hidden = [
            (el, el.items()) for el in self.html.xpath(".//*[@class or @id]") if in_sentence(el)
        ]
        for el, _attributes in hidden:
            el.attrib.pop("class", None)
            el.attrib.pop("id", None)
        super().remove_unlikely_candidates()
        for el, attributes in hidden:  # back in their order
            el.attrib.clear()
            el.attrib.update(attributes)

    def get_preserved_elements(self, node):  # type: ignore[override]
        allowed = super().get_preserved_elements(node)
        allowed.update(dict.fromkeys(_kept_blocks(node, self.story_blocks), True))
        return allowed

    # Blocks judged to be the story's (a split story's blocks): kept by the cleanup too.
    story_blocks: tuple[HtmlElement, ...] = ()


class _FastScorer(Scorer):
    """Our implementation of readability's rules (scoring.py), with the same additions."""

    def get_preserved_elements(self, node: HtmlElement) -> set[HtmlElement]:
        allowed = super().get_preserved_elements(node)
        allowed.update(_kept_blocks(node, self.story_blocks))
        return allowed

    story_blocks: tuple[HtmlElement, ...] = ()


def _kept_blocks(node: HtmlElement, story_blocks: tuple[HtmlElement, ...]) -> set[HtmlElement]:
    """readability's cleanup drops a block by its counts (links, list items, commas);
    the block holding most of the story's paragraph text, and the blocks of a split
    story, stay whatever they say (a story whose place names are all links)."""
    kept = set(paragraph_holders(node, STORY_HOLDER_SHARE))
    for block in story_blocks:  # with the wrappers of their paragraphs
        kept.update(el for el in block.iter("div", "section") if el.find(".//p") is not None)
    return kept


STORY_HOLDER_SHARE = 0.5  # a block with more of the chosen body's paragraph text holds the story
MAX_WALL_CHARS = 1500  # a candidate this short that asks for a login or consent is a wall
WALL_RETRIES = 3  # walls and comment threads skipped before the choice stands

def _shield_article_root(work: HtmlElement) -> None:
    """Readability drops or down-weights elements by class name ("sidebar", "widget",
    "related"); a site that puts its story in such an element would lose the whole story.
    The elements holding most of the paragraph text, and body/main/article, lose those
    class names on the working copy; blocks holding a part of the story
    (_holds_story_part) get a neutral name instead, one per original name (blocks of one
    kind must keep one name, see _kindred_blocks)."""
    shielded = paragraph_holders(work)
    shielded.update(el for el in work.iter("body", "main", "article"))
    for el in _story_part_candidates(work):
        cls, ident = el.get("class"), el.get("id")
        if not cls and not ident:
            continue
        names = f"{cls or ''} {ident or ''}"
        if unlikely_or_negative(names) and (
            not _DISCUSSION.search(names) and _holds_story_part(el)
        ):
            for attr in ("class", "id"):
                value = el.get(attr)
                if value:  # a neutral name, one per original name: blocks of one kind stay so
                    el.set(attr, f"nc{zlib.crc32(value.encode()):x}")
    for el in shielded:
        names = f"{el.get('class') or ''} {el.get('id') or ''}"
        if _DISCUSSION.search(names):
            continue  # a long comment thread holds much text and is still no story
        if names.strip() and unlikely_or_negative(names):
            el.attrib.pop("class", None)
            el.attrib.pop("id", None)


STORY_PART_PARAGRAPHS = 3  # paragraphs of running text that make a block part of the story
STORY_PART_PARAGRAPH = 100  # characters
STORY_PART_LINKS = 0.2  # at most this share of its text in links
# Readers' comments hold paragraphs too: never shielded, never chosen.
_DISCUSSION = DISCUSSION_CLASS_RE


STORY_PART_LEVELS = 4  # wrappers above a paragraph that may be a part of the story


def _story_part_candidates(work: HtmlElement) -> list[HtmlElement]:
    """The <div>s and <section>s close above a paragraph of running text (looked at instead
    of every block of the page: the class test is the costly part)."""
    seen: dict[HtmlElement, None] = {}
    for p in work.iter("p"):
        if len(p.text_content()) < STORY_PART_PARAGRAPH:
            continue
        for level, anc in enumerate(p.iterancestors()):
            if level >= STORY_PART_LEVELS:
                break
            if anc.tag in ("div", "section"):
                seen[anc] = None
    return list(seen)


def _holds_story_part(el: HtmlElement) -> bool:
    """A block with several paragraphs of running text and few links: a part of the story
    (stories split over "sidebar-grid__content" blocks), not a sidebar, whatever its class."""
    found = 0
    for p in el.iter("p"):
        found += len(p.text_content()) >= STORY_PART_PARAGRAPH
        if found >= STORY_PART_PARAGRAPHS:
            break
    else:
        return False
    text = len(el.text_content())
    links = sum(len(a.text_content()) for a in el.iter("a"))
    return links <= STORY_PART_LINKS * text


def _work_copy(page: Page) -> HtmlElement:
    work = copy.deepcopy(page.root)
    copied = list(work.iter())
    page.held.extend(copied)  # see Page.held
    if len(copied) != len(page.elements):  # the tree changed since it was parsed
        page.elements = list(page.root.iter())
    page.origin = dict(zip(copied, range(len(copied)), strict=True))  # a copy: same order
    prune_chrome(work)
    _shield_article_root(work)
    for figure in work.iter("figure"):
        if is_slide(figure):
            figure.set(SLIDE_MARK, "")
    return work


def _selector_body(page: Page, work: HtmlElement) -> HtmlElement | None:
    css = page.selectors.get("body")
    if not css:
        return None
    try:
        found = work.cssselect(css)
    except Exception as exc:  # a bad selector in a site profile must not stop the crawl
        page.warn(WarningCode.BAD_BODY_SELECTOR, str(exc))
        return None
    return found[0] if found else None


def _headline_article(work: HtmlElement, best_elem: HtmlElement) -> HtmlElement | None:
    """The <article> holding the page's only <h1>, when readability picked a different,
    unrelated block: pages that print other posts in full below the story (blogs, "next
    article" feeds) make a longer neighbour outscore the story itself."""
    h1s = list(work.iter("h1"))
    if len(h1s) != 1:
        return None
    frame = next((a for a in h1s[0].iterancestors() if a.tag == "article"), None)
    if frame is None or frame is best_elem:
        return None
    if any(a is frame for a in best_elem.iterancestors()):
        return None  # the pick is inside the headline's article: fine
    if any(a is best_elem for a in frame.iterancestors()):
        return None  # the pick contains it
    text = sum(len(p.text_content()) for p in frame.iter("p"))
    return frame if text >= 300 else None


TINY_CHARS = 250  # characters: below this, a candidate is too small to be the story


def _damp_tiny(candidates: dict) -> list[tuple[dict, float]]:
    """readability adds 25 points for a class name with "text", "content", "body"... in
    it: a five-word slider caption classed "item__text" or "text-center" then outscores a
    story whose paragraphs sit in plain <div>s. For choosing the body, a candidate with
    less text than a short news item keeps only its share of that minimum. Returns the
    original scores, to be put back once the body is chosen."""
    damped = []
    for cand in candidates.values():
        n = len(cand["elem"].text_content())
        score = cand["content_score"]
        if n < TINY_CHARS and score > 0:
            damped.append((cand, score))
            cand["content_score"] = score * n / TINY_CHARS
    return damped


def _kindred_blocks(
    doc: Scorer | _Scorer, best: HtmlElement
) -> tuple[list[HtmlElement], list[HtmlElement]]:
    """Blocks of the same kind as the one holding the chosen body, beside it: CMSs that
    build a story from content elements (Drupal paragraphs, TYPO3 csc-default, Gatsby
    blocks) give each a wrapper of its own, and readability keeps only the strongest
    wrapper with the siblings it scores high enough. A sibling block with the same tag
    and class, holding a paragraph of running text that is not mostly links, is part of
    the same story. Returns the blocks before and after, in document order."""
    for block in (best, best.getparent()):
        if block is None or not block.get("class"):
            continue
        if _is_teaser(block):
            return [], []
        parent = block.getparent()
        if parent is None:
            return [], []
        kind = (block.tag, _base_classes(block))
        before: list[HtmlElement] = []
        after: list[HtmlElement] = []
        side = before
        for sib in parent:
            if sib is block:
                side = after
            elif (
                (sib.tag, _base_classes(sib)) == kind
                and _running_text(doc, sib, lists=True)
                and not _is_teaser(sib)
            ):
                if side is after and _opens_with_rule(sib):
                    break  # a thematic break: the boilerplate after it ("About Ascom")
                side.append(sib)
        if before or after:
            return before, after
    return [], []


SPLIT_MIN_BLOCKS = 3  # sibling blocks of one kind that make a story split over containers
SPLIT_MIN_CHARS = 1000  # ... holding at least this much text
SPLIT_SHARE = 2.0  # ... and this many times the text of the block readability chose
SPLIT_LEVELS = 4  # the candidate and its wrappers searched for the repeated block
SPLIT_CANDIDATES = 10  # top candidates looked at
SPLIT_LOST = 0.5  # readability's story keeps less than this share of the blocks: take them
SPLIT_BEST_MAX = 1000  # characters: a chosen block longer than this is no fact box
_LIST_ITEMS = frozenset({"li", "dd", "dt", "tr"})  # items of a list (comments, threads), no story


@dataclass
class _Split:
    blocks: list[HtmlElement]  # in document order
    chars: int  # text of the repeated blocks
    holds_best: bool  # readability's choice is one of them


def _split_story(doc: Scorer | _Scorer, candidates: dict, best: dict) -> _Split | None:
    """The story split over sibling containers, each holding a paragraph or two (React
    pages that wrap every paragraph in a component): readability scores each alone, and a
    fact box of a few lines, or one of them with its few neighbours, is all it keeps. The
    sibling blocks of one kind (same tag and class, running text, not teasers, not list
    items such as comments) that hold several times the chosen block's text are the story,
    when that block is short, with the subheadings and photos between them. Where
    readability's choice is one of the blocks, they replace its story only when it kept
    less than half of them."""
    best_len = len(best["elem"].text_content())
    if best_len > SPLIT_BEST_MAX:
        return None  # readability found a story-sized block: its siblings are not the story
    top = sorted(candidates.values(), key=lambda c: -c["content_score"])[:SPLIT_CANDIDATES]
    seen: set[tuple] = set()
    found: list[HtmlElement] | None = None
    found_len = 0
    for cand in top:
        block = cand["elem"]
        for _ in range(SPLIT_LEVELS):
            if block is None or block.getparent() is None:
                break
            if block.get("class") and block.tag not in _LIST_ITEMS:
                parent = block.getparent()
                kind = (block.tag, block.get("class"))
                if (parent, *kind) not in seen:
                    seen.add((parent, *kind))
                    group = [s for s in parent if (s.tag, s.get("class")) == kind
                             and _running_text(doc, s) and not _is_teaser(s)]
                    n = sum(len(s.text_content()) for s in group)
                    if len(group) >= SPLIT_MIN_BLOCKS and n > found_len:
                        found, found_len = group, n
            block = block.getparent()
    if not found or found_len < SPLIT_MIN_CHARS or found_len < SPLIT_SHARE * best_len:
        return None
    # with what sits between the blocks: subheadings, photos (not link lists or teasers)
    siblings = list(found[0].getparent())
    first, last = siblings.index(found[0]), siblings.index(found[-1])
    # A paragraph in a block of the same kind is the story's, however short or linked
    # ("Is he a good leader?", "It also <a>co-ordinates military plans</a>."), up to the
    # last one right after the story's blocks; not a block with a paragraph that is only a
    # link ("Read more:" over a linked title).
    kind = (found[0].tag, found[0].get("class"))

    def paragraph_block(s: HtmlElement) -> bool:
        return ((s.tag, s.get("class")) == kind and s.find(".//p") is not None
                and not _is_teaser(s) and not any(map(_only_a_link, s.iter("p"))))

    while last + 1 < len(siblings) and paragraph_block(siblings[last + 1]):
        last += 1
    members = set(found)
    blocks = [s for s in siblings[first:last + 1] if s in members or paragraph_block(s) or (
        isinstance(s.tag, str) and not _is_teaser(s) and doc.get_link_density(s) < 0.5
    )]
    return _Split(blocks, found_len, any(_within(best["elem"], b) for b in found))


def _only_a_link(p: HtmlElement) -> bool:
    """A paragraph whose words are all link text."""
    if p.find(".//a") is None:
        return False
    outside = p.text_content()
    for a in p.iter("a"):
        outside = outside.replace(a.text_content(), " ", 1)
    return not any(c.isalnum() for c in outside)


_LINKED_HEADING = etree.XPath(
    ".//*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6][.//a[@href]]"
)


def _is_teaser(el: HtmlElement) -> bool:
    """A block whose heading links elsewhere: a teaser of another article in a list."""
    return bool(_LINKED_HEADING(el))


def _opens_with_rule(el: HtmlElement) -> bool:
    """The block starts with a horizontal rule, before any text."""
    for event, node in etree.iterwalk(el, events=("start", "end")):
        if event == "start":
            if node.tag == "hr":
                return True
            if (node.text or "").strip():
                return False
        elif node is not el and (node.tail or "").strip():
            return False
    return False


def _base_classes(el: HtmlElement) -> frozenset[str]:
    """The block's class names without BEM modifiers: a live blog's pinned entry
    ("block block--pinned") is a block like the others ("block")."""
    return frozenset(c for c in (el.get("class") or "").split() if "--" not in c)


def _running_text(doc: Scorer | _Scorer, el: HtmlElement, lists: bool = False) -> bool:
    # paragraphs; with `lists`, list items too (a live blog's summary entry is a list)
    tags = ("p", "li") if lists else ("p",)
    paras = [p for p in el.iter(*tags) if len(p.text_content().strip()) >= 80]
    return bool(paras) and doc.get_link_density(el) < 0.3 and el.find(".//h1") is None


GAP_HEADING_MAX = 200  # characters: a block holding only a heading this short is a subheading
GAP_LINK_DENSITY = 0.3  # a left-out segment with less of its text in links is running text


def _same_kind(work: HtmlElement, best: HtmlElement) -> list[HtmlElement]:
    """The elements of the chosen block's kind (tag and class names without modifiers),
    in document order; none for a block without a class (every plain <div> is no kind).
    A <div> of the kind that readability turned into a <p> (no block inside it: a lone
    subheading) is one of them."""
    kind = _base_classes(best)
    if not kind:
        return []
    tags = (best.tag, "p") if best.tag == "div" else (best.tag,)
    return [el for el in work.iter(*tags) if _base_classes(el) == kind]


def _join_segment_gaps(
    page: Page, doc: Scorer | _Scorer, article: HtmlElement, kin: list[HtmlElement]
) -> None:
    """Segments of the story's kind that readability left between the ones it took.

    CMSs that give every paragraph and subheading a wrapper of one kind (one "content
    element" per block), and split the story over several containers around an ad or a
    paywall notice, let readability gather the paragraph wrappers that score (its segment
    merge) but not a wrapper holding only a subheading (it scores nothing) or a paragraph
    with a link in it (its 0.2 link-density cut). Such a wrapper, lying between two taken
    wrappers in the page, is put back before the next taken one. Teasers (a linked
    heading over a summary), link lines and wrappers of figures stay out."""
    taken = [i for i, el in enumerate(kin) if _within(el, article)]
    if len(taken) < 2:
        return
    for i in range(taken[0] + 1, taken[-1]):
        el = kin[i]
        if _within(el, article) or not _gap_segment(page, doc, el):
            continue  # (a block left out cannot hold one taken: those moved into article)
        nxt = next(kin[j] for j in taken if j > i)
        nxt.addprevious(el)


def _gap_segment(page: Page, doc: Scorer | _Scorer, el: HtmlElement) -> bool:
    """A subheading alone (no link, and nothing else in its wrapper as the page has it:
    the heading of a live-blog entry whose embed was pruned is no subheading) or
    paragraphs of text that are not mostly links, outside readers' comments."""
    if el.find(".//figure") is not None or el.find(".//img") is not None:
        return False
    if not el.text_content().strip() or _among_comments(el):
        return False
    heads = list(el.iter("h2", "h3", "h4", "h5", "h6"))
    if len(heads) == 1 and heads[0].find(".//a") is None:
        at = page.origin.get(el)
        if at is None or len(heads[0].text_content()) > GAP_HEADING_MAX:
            return False
        shown = page.elements[at]  # the page's own element: before any pruning
        head = next(shown.iter("h2", "h3", "h4", "h5", "h6"), None)
        return head is not None and all(
            x is head or _within(x, head) or _within(head, x)
            for x in shown.iter() if isinstance(x.tag, str)
        )
    paras = list(el.iter("p"))
    # not a teaser (a heading over a summary) nor a link line ("Read more: ...")
    return bool(paras) and not heads and doc.get_link_density(el) < GAP_LINK_DENSITY


def _among_comments(el: HtmlElement) -> bool:
    """Inside readers' comments: a comment is often an <article> of its own, so the
    search goes past <article>s, up to <main> or <body>."""
    for anc in el.iterancestors():
        if anc.tag in ("main", "body", "html"):
            return False
        names = f"{anc.get('class') or ''} {anc.get('id') or ''}"
        if names.strip() and _DISCUSSION.search(names):
            return True
    return False


def _with_blocks(
    article: HtmlElement, before: list[HtmlElement], after: list[HtmlElement]
) -> HtmlElement:
    """The article with the kindred blocks readability left out, in document order."""
    before = [b for b in before if not _within(b, article)]
    after = [b for b in after if not _within(b, article)]
    if not before and not after:
        return article
    wrapper = fragment_fromstring("<div/>")
    for el in [*before, article, *after]:
        wrapper.append(el)
    return wrapper


def _within(el: HtmlElement, container: HtmlElement) -> bool:
    return el is container or any(a is container for a in el.iterancestors())


RIVAL_SHARE = 0.75  # a separate candidate this close to the best one makes the choice unsure


def _has_rival(candidates: dict, best: dict) -> bool:
    """Is there another body candidate, outside the chosen one's branch, of similar weight?"""
    elem, score = best["elem"], best["content_score"]
    if score <= 0:
        return False
    branch = set(elem.iterancestors())
    for cand in candidates.values():
        other = cand["elem"]
        if other is elem or other in branch or cand["content_score"] < RIVAL_SHARE * score:
            continue
        if any(a is elem for a in other.iterancestors()):
            continue  # inside the chosen body
        if len(other.text_content()) >= 500:
            return True
    return False


def _is_wall(elem: HtmlElement) -> bool:
    """A registration, paywall or consent box ("Register for our newsletter to continue
    reading"): never the story, however high its class name scores."""
    text = elem.text_content()
    return len(text) < MAX_WALL_CHARS and INTERSTITIAL.search(text) is not None


def _in_discussion(elem: HtmlElement) -> HtmlElement | None:
    """The readers' comments (or forum thread) the element sits in, if any: the
    outermost such container below <main>/<article>/<body>."""
    found = None
    for el in (elem, *elem.iterancestors()):
        if el.tag in ("body", "html", "main", "article"):
            break
        names = f"{el.get('class') or ''} {el.get('id') or ''}"
        if names.strip() and _DISCUSSION.search(names):
            found = el
    return found


def _select_past_walls(doc: Scorer | _Scorer, candidates: dict) -> dict | None:
    """readability's best candidate, skipping walls and readers' comments (and what they
    hold): a long comment thread outscores a short story."""
    for _ in range(WALL_RETRIES):
        best = doc.select_best_candidate(candidates)
        if not best:
            return best
        skip = best["elem"] if _is_wall(best["elem"]) else _in_discussion(best["elem"])
        if skip is None:
            return best
        for key in [k for k, c in candidates.items() if _within(c["elem"], skip)]:
            del candidates[key]
    return doc.select_best_candidate(candidates)


def _readability_steps(work: HtmlElement, url: str) -> _Scorer:
    doc = _Scorer(work, url=url, min_text_length=25)
    doc.html = work
    return doc


def _our_steps(work: HtmlElement, url: str) -> _FastScorer:
    return _FastScorer(work, min_text_length=25)


def find_main_content(page: Page) -> None:
    """Set page.body to the article's main-content element (a detached, pruned copy)."""
    try:
        _find_main_content(page, _our_steps)
    except Exception:
        logger.exception("content scoring failed on %s: readability's own steps instead",
                         page.url)
        _find_main_content(page, _readability_steps)


def _find_main_content(
    page: Page, steps: Callable[[HtmlElement, str], _FastScorer | _Scorer]
) -> None:
    work = _work_copy(page)
    chosen = _selector_body(page, work)
    if chosen is not None:
        page.body = chosen
        page.sources["articleBody"] = "selector"
        return
    for ruthless in (True, False):
        if not ruthless:
            work = _work_copy(page)
        doc = steps(work, page.url)
        if ruthless:
            doc.remove_unlikely_candidates()
        doc.transform_misused_divs_into_paragraphs()
        candidates = doc.score_paragraphs()
        undamped = _damp_tiny(candidates)
        best = _select_past_walls(doc, candidates)
        if best:
            best = doc.get_semantic_article_candidate(candidates, best)
            best = doc.get_semantic_main_candidate(candidates, best)
        if not best:
            continue
        if _has_rival(candidates, best):
            page.warn(WarningCode.AMBIGUOUS_BODY)
        for cand, score in undamped:
            # which siblings join the story is readability's call, on its own scores
            cand["content_score"] = score
        framed = _headline_article(work, best["elem"])
        if framed is not None:
            # Take the headline's article alone: its siblings are the other posts.
            article = fragment_fromstring("<div/>")
            article.append(framed)
        else:
            split = _split_story(doc, candidates, best)
            home = best["elem"].getparent()
            placed = list(home) if home is not None else []
            before, after = _kindred_blocks(doc, best["elem"])
            kin = _same_kind(work, best["elem"])  # in document order, before any move
            article = doc.get_article(candidates, best, html_partial=True)
            article = _with_blocks(article, before, after)
            if split is None or (
                split.holds_best and len(article.text_content()) >= SPLIT_LOST * split.chars
            ):
                _join_segment_gaps(page, doc, article, kin)
            else:
                for el in placed:  # readability moved these into its story: back in place
                    home.append(el)
                article = fragment_fromstring("<div/>")
                for block in split.blocks:
                    article.append(block)
                doc.story_blocks = tuple(split.blocks)
        doc.sanitize(article, candidates)
        if ruthless and len(article.text_content()) < 250:
            continue
        page.body = article
        page.sources["articleBody"] = "readability" if ruthless else "readability:lenient"
        return
    body = work.find("body")
    page.body = body if body is not None else work
    page.sources["articleBody"] = "whole-page"
    page.warn(WarningCode.NO_MAIN_CONTENT)
