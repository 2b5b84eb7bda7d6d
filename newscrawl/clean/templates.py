"""Site templates learned across pages: text blocks that recur in the extracted bodies of many
different articles of one site (an unlabeled teaser rail, a standard promo paragraph, a
footer line that leaked into the body) are template, not article.

Within one page nothing marks such a block; across pages it is obvious. The crawl observes
the body blocks of each exported article (`TemplateLearner.observe`) and hands the known
template keys of the site to later pages (`known_templates` in the extraction context),
whose `templates` stage drops matching blocks. A block counts once per article, so a
paragraph of one article can never become template because of that article alone.
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Iterable, Mapping

from .page import Page
from .render import normalize_space

MIN_BLOCK_CHARS = 20  # shorter blocks ("Share", "Advertisement") are left to other rules
MIN_PAGES = 3  # distinct articles a block must appear in before it counts as template
_LEAF_TAGS = ("p", "li", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "blockquote", "div",
              "section", "span", "td")
_BLOCK_CHILDREN = frozenset("p div section ul ol li table blockquote h1 h2 h3 h4 h5 h6 "
                            "figure article aside header footer dl".split())


def block_key(text: str) -> str:
    """A short key of a block's normalized text."""
    norm = normalize_space(text).casefold()
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=8).hexdigest()


def body_block_keys(article_body: str) -> set[str]:
    """Keys of the rendered body's paragraphs (articleBody splits on blank lines)."""
    return {block_key(p) for p in article_body.split("\n\n") if len(p) >= MIN_BLOCK_CHARS}


def drop_template_blocks(page: Page) -> None:
    """The `templates` stage: remove leaf blocks of the body whose key the site has learned."""
    known = page.known_templates
    body = page.body
    if not known or body is None:
        return
    removed = 0
    for el in list(body.iter(*_LEAF_TAGS)):
        if el is body or any(isinstance(c.tag, str) and c.tag in _BLOCK_CHILDREN for c in el):
            continue  # not a leaf block: its children are judged on their own
        text = normalize_space(el.text_content())
        if len(text) >= MIN_BLOCK_CHARS and block_key(text) in known:
            el.drop_tree()
            removed += 1
    if removed:
        page.sources["templates"] = f"removed {removed} learned template blocks"


# A block's article ids as the learner keeps them: the one id itself (most blocks are seen
# in one article only: no list for them, ~90 bytes a block less), else a tuple (immutable, so
# a shallow copy of the map is a snapshot another thread may read).
BlockIds = str | tuple[str, ...]


def ids_of(value: BlockIds | list[str]) -> tuple[str, ...] | list[str]:
    """A block's article ids as a sequence, whichever form holds them."""
    return (value,) if isinstance(value, str) else value


class TemplateLearner:
    """Counts, per site, in how many distinct articles each body block appeared.

    Memory is bounded: a block needs at most MIN_PAGES article ids remembered (an article's
    id string is shared by all its blocks), and the number of tracked blocks per site is
    capped (oldest candidates are forgotten first, found in constant time: a queue of keys
    in the order they came, not a scan from the start of the map, which slowed `observe`
    ~3x past the cap as the map's front filled with deleted slots).
    """

    def __init__(self, min_pages: int = MIN_PAGES, max_blocks_per_site: int = 100_000):
        self.min_pages = min_pages
        self.max_blocks = max_blocks_per_site
        # site -> block key -> article ids seen with it (at most min_pages)
        self.seen: dict[str, dict[str, BlockIds]] = {}
        # site -> keys in the order they were first seen: the candidates to forget
        self._order: dict[str, deque[str]] = {}
        # site -> the keys seen in min_pages articles, kept as they are promoted: known() runs
        # for every page, and scanning every tracked block made it O(articles crawled).
        self.templates: dict[str, set[str]] = {}
        self._frozen: dict[str, frozenset[str]] = {}

    def observe(self, site: str, article_id: str, keys: Iterable[str]) -> list[str]:
        """Record an article's blocks; return the keys that just became template."""
        blocks = self.seen.setdefault(site, {})
        order = self._order.setdefault(site, deque())
        promoted = []
        for key in keys:
            ids = blocks.get(key)
            if ids is None:
                if len(blocks) >= self.max_blocks:
                    self._forget_one(blocks, order)
                blocks[key] = article_id
                order.append(key)
                ids = (article_id,)
            elif isinstance(ids, str):
                if ids == article_id:
                    continue
                ids = blocks[key] = (ids, article_id)
            elif len(ids) < self.min_pages and article_id not in ids:
                ids = blocks[key] = (*ids, article_id)
            else:
                continue
            if len(ids) == self.min_pages:
                promoted.append(key)
        if promoted:
            self.templates.setdefault(site, set()).update(promoted)
            self._frozen.pop(site, None)
        return promoted

    def _forget_one(self, blocks: dict[str, BlockIds], order: deque[str]) -> None:
        while order:  # oldest first; templates stay (they leave the queue here)
            key = order.popleft()
            ids = blocks.get(key)
            if ids is not None and len(ids_of(ids)) < self.min_pages:
                del blocks[key]
                return

    def known(self, site: str) -> frozenset[str]:
        frozen = self._frozen.get(site)
        if frozen is None:
            frozen = self._frozen[site] = frozenset(self.templates.get(site, ()))
        return frozen

    def snapshot(self, site: str) -> dict[str, BlockIds]:
        """The site's blocks as they are now (a shallow copy: the values are immutable)."""
        return dict(self.seen.get(site, {}))

    def forget(self, site: str) -> None:
        """Let go of what was learned of a site (stored elsewhere)."""
        for per_site in (self.seen, self._order, self.templates, self._frozen):
            per_site.pop(site, None)

    def load(self, site: str, blocks: Mapping[str, BlockIds | list[str]]) -> None:
        """The site's blocks from the store ({key: [article ids]}), oldest first."""
        seen: dict[str, BlockIds] = {}
        for key, value in blocks.items():
            ids = tuple(ids_of(value)[: self.min_pages])
            if ids:
                seen[key] = ids[0] if len(ids) == 1 else ids
        self.seen[site] = seen
        self._order[site] = deque(seen)
        self.templates[site] = {k for k, ids in seen.items()
                                if len(ids_of(ids)) >= self.min_pages}
        self._frozen.pop(site, None)
