"""Publication and modification dates.

Many sources state a date on a news page, and several of them lie about *this* article:
the site header prints today's date, teaser lists print other articles' dates, the footer
prints the copyright year. So every source only proposes candidates; a candidate is
weighted by how trustworthy its source is and where it sits relative to the headline,
candidates that agree on a day reinforce each other, and the page gets a date only when
the evidence is strong enough. A missing date beats a wrong one.

Parsing is done with our own regexes for the common numeric and month-name forms (month
names come from dateparser's locale data, so about 200 languages are covered); dateparser
itself (slow) only sees the few short textual values that embedded metadata gives, and
htmldate is asked for a second opinion only when the page's own evidence is thin.
"""

from __future__ import annotations

from ..codes import WarningCode
from ..page import Page
from .body import read_body
from .context import page_context
from .judge import choose, to_iso
from .model import Context
from .sources import read_jsonld, read_meta, read_sitemap, read_url
from .zones import reday_utc

__all__ = ["collect", "find_dates"]


def collect(page: Page) -> Context:
    """All candidates of a page, UTC timestamps moved to the publisher's day."""
    ctx = page_context(page)
    read_jsonld(page, ctx)
    read_meta(page, ctx)
    read_url(page, ctx)
    read_sitemap(page, ctx)
    read_body(page, ctx)
    reday_utc(page, ctx)
    return ctx


def find_dates(page: Page) -> None:
    """Fill datePublished, datePublishedRaw, dateModified, dateModifiedRaw on the page
    (page.set(name, value, source)); record warnings with page.warn(...). An exception
    is a bug: it propagates to run_stage (clean/article.py), which logs it and marks the
    page `dates_stage_failed`."""
    ctx = collect(page)
    published, modified = choose(page, ctx)
    if published is not None:
        page.set("datePublished", to_iso(published.stamp, ctx), published.label)
        page.set("datePublishedRaw", published.raw, published.label)
    else:
        page.warn(WarningCode.NO_DATE)
    if modified is not None:
        page.set("dateModified", to_iso(modified.stamp, ctx), modified.label)
        page.set("dateModifiedRaw", modified.raw, modified.label)
