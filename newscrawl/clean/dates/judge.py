"""Judgment: candidates that agree reinforce each other (structured sources stating the same
day count as more than one vote), explicit rules for conflicts (sitemap and URL bound a
publication, a labelled first publication beats a republication, modified never before
published, a page that states only its last change), htmldate's second opinion when the
evidence is thin but never a guess without visible evidence, and the day reported as
precisely as its sources agree (seconds, offset)."""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone
from urllib.parse import urlsplit

from ..codes import DateKind, DateSource
from ..lexicon.common import UNDATED_TAGS
from ..page import Page
from . import weights as W
from .model import Candidate, Context, Stamp
from .parse import YEAR_HINT, parse_text, parse_value

logger = logging.getLogger(__name__)

# Attributes (besides data-*) that state a date for the reader or a script.
_DATED_ATTRIBUTES = frozenset({"title", "datetime", "content"})
_EPOCH = re.compile(r"\d{10}|\d{13}")  # Unix time in seconds or milliseconds
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
        total = sum(_eff(c) for c in fams.values())
        day_cands = [c for c in cands if c.stamp.day == day and c.kind in kinds]
        # JSON-LD, a publication <meta> tag and microdata are written by different parts of
        # a CMS (or different plugins): when two of them state the day, that is more than
        # one vote, and a lone byline or text date does not outweigh it. Not against the
        # neighbouring day, though, when they state no time: a date-only value is often the
        # UTC day, the byline the publisher's.
        structured = [
            c for c in day_cands if c.source in _STRUCTURED and c.weight >= W.Strength.STANDARD - 1
        ]
        timed = any(_timed(c) for c in structured)
        neighbour = any(abs(other - day) == timedelta(days=1) for other in by_day)
        if len({c.source for c in structured}) >= 2 and (timed or not neighbour):
            total += W.STRUCT_AGREEMENT
        ranked.append((total, day, statement(day_cands)))
    ranked.sort(key=lambda x: (-x[0], x[1]))
    return ranked


def statement(day_cands: list[Candidate]) -> Candidate:
    """The statement of a day to report: a publication statement before an unlabelled one,
    a machine-readable one before a visible one (bylines print rounded, 12-hour or update
    times), then the most precise: a time (midnight is a date written as a date-time), an
    offset, seconds. A date-only winner takes the time another statement of that day gives."""
    best = max(day_cands, key=_precision)
    if not _timed(best):
        timed = [c for c in day_cands if _timed(c)]
        if timed:
            return max(timed, key=_precision)
    return best


def _timed(c: Candidate) -> bool:
    return c.stamp.clock is not None and c.stamp.clock != time(0)


def _precision(c: Candidate) -> tuple[bool, bool, bool, bool, bool, bool, float]:
    return (
        c.kind == DateKind.PUBLISHED,
        c.weight >= W.Strength.TRUSTED and c.source in _MACHINE_SOURCES,
        _timed(c),
        _timed(c) and c.stamp.offset is not None,
        _timed(c) and c.stamp.clock is not None and c.stamp.clock.second != 0,
        c.stamp.clock is None,  # a plain date rather than a midnight
        c.weight,
    )


def _most_precise(chosen: Candidate, cands: list[Candidate]) -> Candidate:
    """A wall-clock time without an offset takes the seconds and offset of another source
    that states the same minute of the same day: they agree on the instant."""
    st = chosen.stamp
    if st.clock is None or st.offset is not None:
        return chosen
    for c in cands:
        o = c.stamp
        if (
            o.day == st.day
            and o.offset is not None
            and o.clock is not None
            and (o.clock.hour, o.clock.minute) == (st.clock.hour, st.clock.minute)
        ):
            return replace(chosen, stamp=o)
    return chosen


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


def settle_orders(cands: list[Candidate]) -> list[Candidate]:
    """A DD/MM vs MM/DD order guessed without evidence (03/02/2020, /02-03-2020/) is settled
    by the page's other statements: a reading whose day a statement of certain order states
    (JSON-LD, a written-out month, the URL's 2020/03/02) is the one the page means, when the
    other reading's day is stated by none. Unsettled, the guess keeps its halved weight."""
    firm = {c.stamp.day for c in cands if not c.guessed_order}
    settled = []
    for c in cands:
        if c.guessed_order:
            day = c.stamp.day
            try:
                other = day.replace(month=day.day, day=day.month)
            except ValueError:  # 13+ cannot be a month: the order was never in doubt
                other = day
            if other != day and (other in firm) != (day in firm):
                day = other if other in firm else day
                c = replace(c, stamp=replace(c.stamp, day=day), guessed_order=False)
        settled.append(c)
    return settled


def choose(page: Page, ctx: Context) -> tuple[Candidate | None, Candidate | None]:
    cands = settle_orders(ctx.candidates)
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
        and not url.guessed_order  # 02-03-2020 read in a guessed order bounds nothing
        and published.stamp.day > url.stamp.day + W.URL_SLACK
    ):
        # a URL's date is fixed when the article first appears; a later "publication"
        # date is a republication or a CMS migration
        published = url
    original = [c for c in cands if c.original and c.source == DateSource.BYLINE]
    if original:
        # "Originally published on ..." in the article's head: the page says which of its
        # dates is the first (a credits line at the foot of a republished story is not
        # read so: there the publisher's own metadata names the republication it means)
        first = min(original, key=lambda c: c.stamp.day)
        if published is None or first.stamp.day < published.stamp.day:
            published = first
    mod_ranked = _score(cands, (DateKind.MODIFIED,))
    modified = mod_ranked[0][2] if mod_ranked else None
    if published is None and mod_ranked:
        published = _only_modified(mod_ranked, ranked)
    if published is None:
        published = _second_opinion(page, ctx, ranked, sm)
    if published is not None:
        published = _most_precise(published, cands)
    if modified is not None and published is not None and modified.stamp.day < published.stamp.day:
        modified = None
    return published, modified


def _only_modified(
    mod_ranked: list[tuple[float, date, Candidate]], ranked: list[tuple[float, date, Candidate]]
) -> Candidate | None:
    """A page that states only when it last changed ("This page was last edited on ...",
    a lone dateModified): that day is when this version was published, when it is decisive
    and stronger than any unlabelled date."""
    total, _day, best = mod_ranked[0]
    second = mod_ranked[1][0] if len(mod_ranked) > 1 else 0.0
    other = ranked[0][0] if ranked else 0.0
    if total >= W.DECISIVE_TOTAL and total - second >= W.DECISIVE_MARGIN and total > other:
        return replace(best, source=DateSource.LAST_MODIFIED, key=None, weight=total)
    return None


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
    when it confirms one of our weaker candidates (a date in running text only with its
    cautious mode agreeing), or, alone, when its cautious mode (no free-text search) finds
    the same day and the page's visible text states it."""
    wide = _htmldate(page, ctx, extensive=True)
    if wide is None or (sitemap is not None and wide > sitemap.stamp.day + W.SITEMAP_SLACK):
        return None
    cautious: date | None | bool = False  # not asked yet

    def ask_cautious() -> date | None:
        nonlocal cautious
        if cautious is False:
            cautious = _htmldate(page, ctx, extensive=False)
        return cautious  # type: ignore[return-value]

    for _total, day, best in ranked:
        if day != wide or best.guessed_order:
            continue
        # a date in running text is what htmldate's free-text search finds too: it is a
        # second voice only when its cautious mode (metadata, date elements) agrees
        if best.source == DateSource.TEXT and ask_cautious() != wide:
            return None
        return replace(best, source=DateSource.HTMLDATE, key=None)
    if any(total >= W.FAIR_TOTAL for total, _day, _best in ranked) or wide in ctx.excluded:
        # it contradicts a fair candidate of ours, or read the site chrome
        return None
    # Alone, htmldate's answer counts only as a day the page states in its body (visible
    # text, a data attribute; not a script's, the head's or an image address's), found by
    # its cautious mode too. It completes a bare year or month with day 1: no day to trust.
    if wide.day != 1 and wide in stated_days(page, ctx) and ask_cautious() == wide:
        return Candidate(Stamp(wide), wide.isoformat(), DateSource.HTMLDATE, W.Strength.DOUBTFUL)
    return None


def stated_days(page: Page, ctx: Context) -> set[date]:
    """The days the page states in its body: in visible text, or in a data attribute, title
    or datetime of an element (a timestamp widget's data-utime, a product's JSON) - not in
    scripts, not in <head>, not in link or image addresses, not in readers' comments or a
    list of dated teasers or a rail (ctx.walled: a day stated only there is a comment's or another
    story's), not in chrome that is not the story's (ctx.foreign). Read only when
    htmldate's lone answer needs checking."""
    days: set[date] = set()
    for text in ctx.visible[: W.VISIBLE_MAX_TEXTS]:
        found = parse_text(text[: W.EXCLUDED_TEXT_MAX], ctx)[: W.DATES_PER_SNIPPET]
        days.update(st.day for st, *_ in found)
    walled = {e for region in ctx.walled + ctx.foreign for e in region.iter()}
    body = page.root.find("body")
    for el in body.iter() if body is not None else ():
        if not isinstance(el.tag, str) or el.tag in UNDATED_TAGS or el in walled:
            continue
        for name, value in el.attrib.items():
            if name not in _DATED_ATTRIBUTES and not name.startswith("data-"):
                continue
            if _EPOCH.fullmatch(value):
                parsed = parse_value(value, ctx)
                if parsed:
                    days.add(parsed[0].day)
            elif YEAR_HINT.search(value):  # a written date, or a JSON record holding one
                found = parse_text(value[: W.TEXT_NODE_MAX], ctx)[: W.DATES_PER_SNIPPET]
                days.update(st.day for st, *_ in found)
    return days
