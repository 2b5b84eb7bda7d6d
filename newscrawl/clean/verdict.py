"""Is this page an article? And signals that an extraction looks unreliable."""

from __future__ import annotations

from .codes import NotArticleReason, Rejection, WarningCode
from .lexicon.patterns import INTERSTITIAL, PAYWALL, WALL_BOX
from .page import Page

MIN_BODY_CHARS = 200  # below this, a page with no article metadata is not an article
MAX_INTERSTITIAL_CHARS = 1500  # a body this long is an article even if a wall follows it


def assess(page: Page, body_text: str, body_links_chars: int) -> Rejection | None:
    """Return why the page is not an article (None if it is one); add warnings to the page."""
    n = len(body_text)
    sd = page.structured
    is_article_typed = bool(sd and sd.article() and any(
        t.lower() not in ("webpage",) for t in _types(sd.article() or {})
    )) or (sd is not None and sd.meta.get("og:type", "").lower() == "article")
    if n == 0:
        return Rejection(NotArticleReason.EMPTY_BODY, "empty body")
    wall = _interstitial(page, body_text) if n < MAX_INTERSTITIAL_CHARS else None
    if wall:
        # A consent or paywall interstitial served with 200: not the article, even when
        # the page carries the article's metadata.
        page.warn(WarningCode.INTERSTITIAL)
        return Rejection(NotArticleReason.INTERSTITIAL, f"interstitial: {wall!r}")
    link_share = body_links_chars / max(n, 1)
    if link_share > 0.5:
        page.warn(WarningCode.BODY_LINK_DENSE)
        if not is_article_typed:
            return Rejection(
                NotArticleReason.LISTING_PAGE,
                f"listing page: {link_share:.0%} of the body text is links",
            )
    if n < MIN_BODY_CHARS:
        page.warn(WarningCode.SHORT_BODY)
        if not is_article_typed:
            return Rejection(
                NotArticleReason.TOO_LITTLE_TEXT, f"too little text for an article ({n} characters)"
            )
    page_text = sum(len(p.text_content()) for p in page.root.iter("p"))
    if page_text > 2000 and n < 0.2 * page_text:
        # Most of the page's paragraph text was left out: the wrong block may have won.
        page.warn(WarningCode.SHORT_BODY_FOR_PAGE)
    return None


def _interstitial(page: Page, body_text: str) -> str | None:
    """The interstitial phrase found in the body, or a paywall phrase in the article's own
    container (a paywall's box is often cut away as chrome); consent-banner phrases outside
    the body are ignored: most pages carry such a banner."""
    found = INTERSTITIAL.search(body_text[:2000])
    if found:
        return found.group(0)
    for el in page.root.iter("article", "main", "div", "section"):
        if el.tag in ("div", "section") and not WALL_BOX.search(
                f"{el.get('class', '')} {el.get('id', '')}"):
            continue
        found = PAYWALL.search(el.text_content()[:5000])
        if found:
            return found.group(0)
    return None


def _types(obj: dict) -> list[str]:
    t = obj.get("@type") or []
    return [t] if isinstance(t, str) else [x for x in t if isinstance(x, str)]
