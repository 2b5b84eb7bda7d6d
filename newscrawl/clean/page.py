"""The state one page carries through the cleaning stages.

A page is parsed once (`Page.root`); the stages read that tree and the main-content
element (`Page.body`, a pruned copy of the article's part of the tree) and fill fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from lxml.html import HtmlElement

from .codes import PageWarning, Rejection, WarningCode
from .structured import StructuredData


@dataclass
class DateValue:
    """A date as the publisher states it: ISO 8601 (date-only or with the publisher's UTC
    offset), the raw string it came from and the source that gave it."""

    iso: str
    raw: str
    source: str


@dataclass
class Image:
    url: str
    caption: str | None = None
    credit: str | None = None
    alt: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"url": self.url, "caption": self.caption, "credit": self.credit, "alt": self.alt}


@dataclass
class Page:
    url: str
    root: HtmlElement
    encoding: str = "utf-8"
    fetched_at: datetime | None = None
    # The response's Date header as an aware datetime, when known.
    http_date: datetime | None = None
    headers: dict[str, str] = field(default_factory=dict)
    # Site-profile facts: time zone name, selectors, first year the site existed...
    timezone: str | None = None
    selectors: dict[str, str] = field(default_factory=dict)
    # The site's first day (site profile): no publication date before it is plausible.
    founded: date | None = None
    # A date from a news sitemap or feed that pointed at this page (raw string).
    sitemap_date: str | None = None
    # Body-block keys the crawl has learned to be this site's template (see templates.py).
    known_templates: frozenset[str] = frozenset()
    structured: StructuredData | None = None
    body: HtmlElement | None = None
    images: list[Image] = field(default_factory=list)
    fields: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    warnings: list[PageWarning] = field(default_factory=list)
    # Why the page is not an article (set when the page is finished), None for an article.
    rejection: Rejection | None = None
    # Every element of the parsed tree in document order. Also holds their Python proxies
    # for the page's lifetime (as `held` does for the scoring copies): lxml creates a proxy
    # (and runs lxml.html's class lookup) each time an element without a live proxy is
    # reached, and the stages walk these trees many times over; a held proxy is reused.
    elements: list[HtmlElement] = field(default_factory=list, repr=False, compare=False)
    held: list[HtmlElement] = field(default_factory=list, repr=False, compare=False)
    # Element of the main-content stage's working copy -> the position in `elements` of the
    # same element of the page: the body is a pruned copy, and the captions stage reads
    # figures in the page as fetched.
    origin: dict[HtmlElement, int] = field(default_factory=dict, repr=False, compare=False)

    def set(self, name: str, value: Any, source: str) -> None:
        """Fill a field once and record which rule or source produced it."""
        if value in (None, "", [], {}):
            return
        self.fields[name] = value
        self.sources[name] = source

    def warn(self, code: WarningCode, detail: str | None = None) -> None:
        """Record a warning once (the same code with the same detail)."""
        warning = PageWarning(code, detail)
        if warning not in self.warnings:
            self.warnings.append(warning)

    @property
    def warning_codes(self) -> list[WarningCode]:
        return [w.code for w in self.warnings]

    @property
    def now(self) -> datetime | None:
        """The moment relative dates are measured from."""
        return self.http_date or self.fetched_at
