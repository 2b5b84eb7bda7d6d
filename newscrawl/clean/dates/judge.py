"""Judgment: candidates that agree reinforce each other, sanity rules (sitemap, URL,
modified not before published), and htmldate's second opinion when the evidence is thin."""

from __future__ import annotations

import logging
from datetime import date, datetime, timezone
from urllib.parse import urlsplit

from ..codes import DateKind, DateSource
from ..page import Page
from . import weights as W
from .model import Candidate, Context, Stamp

logger = logging.getLogger(__name__)

# Sources that copy one CMS value count once, whatever number of tags repeat it.
_STRUCTURED = frozenset({DateSource.JSONLD, DateSource.META, DateSource.ITEMPROP})
# Sources that state the publisher's local day (not a UTC timestamp of a CMS).
LOCAL_SOURCES = frozenset({DateSource.BYLINE, DateSource.URL, DateSource.TEXT, DateSource.TIME})
# Sources written for machines: their raw value is the canonical statement of a day.
_MACHINE_SOURCES = frozenset(
    {DateSource.JSONLD, DateSource.META, DateSource.ITEMPROP, DateSource.TIME, DateSource.SITEMAP}
)


def _family(c: Candidate) -> str:
    return "struct" if c.source in _STRUCTURED else c.source


def _score(
    cands: list[Candidate], kinds: tuple[DateKind, ...]
) -> list[tuple[float, date, Candidate]]:
    """Per day: the best candidate of each source family, summed."""
    by_day: dict[date, dict[str, Candidate]] = {}
    for c in cands:
        if c.kind not in kinds:
            continue
        family = _family(c)
        slot = by_day.setdefault(c.stamp.day, {})
        if family not in slot or _eff(slot[family]) < _eff(c):
            slot[family] = c
    ranked = []
    for day, fams in by_day.items():
        members = list(fams.values())
        total = sum(_eff(c) for c in members)
        # report the most precise statement of the day among the trusted ones
        best = max(
            members,
            key=lambda c: (
                c.weight >= W.Strength.TRUSTED,
                c.stamp.clock is not None,
                c.stamp.offset is not None,
                # on a tie, the machine-readable statement is the canonical raw value
                c.source in _MACHINE_SOURCES,
                c.weight,
            ),
        )
        ranked.append((total, day, best))
    ranked.sort(key=lambda x: (-x[0], x[1]))
    return ranked


def _eff(c: Candidate) -> float:
    return c.weight * (W.GUESSED_ORDER_FACTOR if c.guessed_order else 1.0)


def to_iso(st: Stamp, ctx: Context) -> str:
    """ISO 8601 in the publisher's terms: the stated offset is kept, a date stays a date,
    a wall-clock time gets the site's offset when its zone is known."""
    if st.clock is None:
        return st.day.isoformat()
    naive = datetime.combine(st.day, st.clock)
    if st.offset is not None:
        return naive.replace(tzinfo=timezone(st.offset)).isoformat()
    if ctx.tz is not None:
        return naive.replace(tzinfo=ctx.tz).isoformat()
    return naive.isoformat()


def choose(page: Page, ctx: Context) -> tuple[Candidate | None, Candidate | None]:
    cands = ctx.candidates
    sm = next((c for c in cands if c.source == DateSource.SITEMAP), None)
    if sm is not None:
        # the sitemap listed the page by then: a later "publication" is not one
        cands = [
            c
            for c in cands
            if c.kind == DateKind.MODIFIED or c.stamp.day <= sm.stamp.day + W.SITEMAP_SLACK
        ]
    ranked = _score(cands, (DateKind.PUBLISHED, DateKind.EITHER))
    published = None
    if ranked:
        total, _day, best = ranked[0]
        second = ranked[1][0] if len(ranked) > 1 else 0.0
        if total >= W.DECISIVE_TOTAL and total - second >= W.DECISIVE_MARGIN:
            published = best
    url = next((c for c in cands if c.source == DateSource.URL), None)
    if (
        published is not None
        and url is not None
        and published.stamp.day > url.stamp.day + W.URL_SLACK
    ):
        # a URL's date is fixed when the article first appears; a later "publication"
        # date is a republication or a CMS migration
        published = url
    if published is None:
        published = _second_opinion(page, ctx, ranked, sm)
    mod_ranked = _score(cands, (DateKind.MODIFIED,))
    modified = mod_ranked[0][2] if mod_ranked else None
    if modified is not None and published is not None and modified.stamp.day < published.stamp.day:
        modified = None
    return published, modified


def _htmldate(page: Page, ctx: Context, extensive: bool) -> date | None:
    try:
        from htmldate import find_date

        # htmldate deep-copies a tree it is given before pruning it: page.root stays intact.
        # The URL is read by read_url already (more strictly): htmldate gets only the site root,
        # which also keeps it from reading the canonical link's path instead.
        parts = urlsplit(page.url)
        value = find_date(
            page.root,
            url=f"{parts.scheme}://{parts.netloc}/",
            extensive_search=extensive,
            original_date=True,
            min_date=ctx.earliest.isoformat(),
            max_date=ctx.limit.strftime("%Y-%m-%d"),
        )
        return date.fromisoformat(value) if value else None
    except Exception as exc:  # a second opinion that fails leaves our own judgement standing
        logger.debug("htmldate failed on %s: %r", page.url, exc)
        return None


def _second_opinion(
    page: Page,
    ctx: Context,
    ranked: list[tuple[float, date, Candidate]],
    sitemap: Candidate | None,
) -> Candidate | None:
    """When the page's own evidence is too thin, ask htmldate (it knows many site
    idiosyncrasies). Its extensive search alone guesses too often to be trusted; it counts
    when it confirms one of our weaker candidates, or when its cautious mode (no free-text
    search) finds the same day."""
    wide = _htmldate(page, ctx, extensive=True)
    if wide is None or (sitemap is not None and wide > sitemap.stamp.day + W.SITEMAP_SLACK):
        return None
    for _total, day, best in ranked:
        if day == wide and not best.guessed_order:
            return Candidate(best.stamp, best.raw, DateSource.HTMLDATE, best.weight, best.kind)
    if any(total >= W.FAIR_TOTAL for total, _day, _best in ranked) or wide in ctx.excluded:
        # it contradicts a fair candidate of ours, or read the site chrome
        return None
    # htmldate completes a bare year or month with day 1: no day of ours to trust then
    if wide.day != 1 and _htmldate(page, ctx, extensive=False) == wide:
        return Candidate(Stamp(wide), wide.isoformat(), DateSource.HTMLDATE, W.Strength.DOUBTFUL)
    return None
