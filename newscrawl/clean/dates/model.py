"""What the date stage works with: a parsed date (Stamp), a proposed publication or
modification date (Candidate) and what the parsers know about the page (Context)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from lxml.html import HtmlElement

from ..codes import DateKind, DateSource

MIN_YEAR = 1995
# Time-zone slack for "not in the future": a page fetched at 23:00 UTC may carry tomorrow's date.
FUTURE_SLACK = timedelta(days=1)


@dataclass(frozen=True)
class Stamp:
    """A date as written: the calendar day, the wall-clock time if given and the UTC offset
    if given (None = the source stated none)."""

    day: date
    clock: time | None = None
    offset: timedelta | None = None


@dataclass
class Candidate:
    stamp: Stamp
    raw: str
    source: DateSource
    weight: float
    kind: DateKind = DateKind.PUBLISHED
    # The day came out of a number order guessed (DD/MM vs MM/DD) without evidence.
    guessed_order: bool = False
    # The <meta> key a META candidate was read from ("article:published_time").
    key: str | None = None
    # Labelled as the first publication ("Originally published", "Erstmals veröffentlicht").
    original: bool = False
    # Worked out from the fetch time ("3 hours ago", a year-less "Dec. 2"), not stated.
    inferred: bool = False

    @property
    def label(self) -> str:
        """The source as `metadata.sources` writes it: "jsonld", "meta:<key>"."""
        return f"{self.source}:{self.key}" if self.key is not None else str(self.source)


@dataclass
class Context:
    """What the parsers need to know about the page."""

    langs: tuple[str, ...]
    order: str  # "DMY" | "MDY": how to read an ambiguous nn/nn/yyyy
    order_known: bool  # the order came from evidence, not a default
    now: datetime | None
    tz: ZoneInfo | None
    limit: datetime  # latest plausible publication moment
    earliest: date  # no publication before: MIN_YEAR, or the day the site went online
    candidates: list[Candidate] = field(default_factory=list)
    # Days written only where we do not look (site header, sidebars, teasers, footer):
    # another tool's answer on one of them is the trap we avoid, not a second opinion.
    excluded: set[date] = field(default_factory=set)
    # Visible text snippets that hold something date-like (not attributes, not scripts),
    # outside the walled regions below.
    visible: list[str] = field(default_factory=list)
    # Regions whose dates are other texts' (readers' comment threads, the items of a list of
    # dated teasers, a rail under a rail label): never a candidate, and a day stated only there
    # is not the page's.
    walled: list[HtmlElement] = field(default_factory=list)
    # Site chrome that is not the story's (header, sidebars, a related box, the next story an
    # endless page appends): a day stated only there does not confirm htmldate's answer.
    foreign: list[HtmlElement] = field(default_factory=list)
    # A page in a language without a lexicon file: its relative-date words from dateparser's
    # locale data ("назад", "вчера"), a cheap test before translating a short text.
    relative_hint: re.Pattern[str] | None = None


def plausible(st: Stamp, ctx: Context) -> bool:
    return ctx.earliest <= st.day <= ctx.limit.date()


def add_candidate(
    ctx: Context,
    st: Stamp | None,
    raw: str,
    source: DateSource,
    weight: float,
    kind: DateKind = DateKind.PUBLISHED,
    guessed: bool = False,
    key: str | None = None,
) -> None:
    if st is None or not plausible(st, ctx):
        return
    ctx.candidates.append(Candidate(st, raw.strip()[:200], source, weight, kind, guessed, key))
