"""The codes the cleaning library speaks in: stages, warnings, not-an-article reasons, date
sources and date kinds.

A code is stable: stats keys, log lines and tests are built from it, so rewording a message
never renames a counter. Human details travel beside a code, never inside it. Each enum is
a `StrEnum`, so a code is also the string it writes into an item (`"no_date"`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Stage(StrEnum):
    """The cleaning stages, in pipeline order (see article.STAGES)."""

    EXTRACT = "extract"
    BOILERPLATE = "boilerplate"
    TEMPLATES = "templates"
    CAPTIONS = "captions"
    DATES = "dates"


class WarningCode(StrEnum):
    """Signals that an extraction looks unreliable: `metadata.warnings` of the item."""

    DEEP_NESTING = "deep_nesting"  # nested too deep (MAX_DEPTH, the parser's): flattened
    BAD_BODY_SELECTOR = "bad_body_selector"  # the site profile's body selector is invalid
    AMBIGUOUS_BODY = "ambiguous_body"  # another block of similar weight could be the body
    NO_MAIN_CONTENT = "no_main_content"  # no block scored as content: the whole page is used
    INTERSTITIAL = "interstitial"  # a consent or paywall interstitial, not the article
    BODY_LINK_DENSE = "body_link_dense"  # more than half of the body text is links
    SHORT_BODY = "short_body"  # fewer characters than an article has
    SHORT_BODY_FOR_PAGE = "short_body_for_page"  # most of the page's paragraphs left out
    NO_DATE = "no_date"  # no publication date was trustworthy enough
    # A stage raised: the page keeps what the earlier stages produced (run_stage).
    EXTRACT_STAGE_FAILED = "extract_stage_failed"
    BOILERPLATE_STAGE_FAILED = "boilerplate_stage_failed"
    TEMPLATES_STAGE_FAILED = "templates_stage_failed"
    CAPTIONS_STAGE_FAILED = "captions_stage_failed"
    DATES_STAGE_FAILED = "dates_stage_failed"

    @classmethod
    def stage_failed(cls, stage: Stage) -> WarningCode:
        return cls(f"{stage}_stage_failed")


@dataclass(frozen=True)
class PageWarning:
    """A warning code and, for some codes, a detail (the exception's name, the bad
    selector's error). Written into the item as "code" or "code:detail"."""

    code: WarningCode
    detail: str | None = None

    def __str__(self) -> str:
        return f"{self.code}:{self.detail}" if self.detail is not None else str(self.code)


class NotArticleReason(StrEnum):
    """Why a page is not an article. The values are the crawl's stats keys
    (`newscrawl/dropped/not_article/<reason>`)."""

    EMPTY_BODY = "empty_body"
    INTERSTITIAL = "interstitial"
    ERROR_PAGE = "error_page"  # a "page not found" page served with status 200
    LISTING_PAGE = "listing_page"
    TOO_LITTLE_TEXT = "too_little_text_for_an_article"


@dataclass(frozen=True)
class Rejection:
    """The verdict on a page that is not an article: a stable reason code and the human
    detail naming the evidence; the item's `metadata.notArticle` is both."""

    reason: NotArticleReason
    detail: str

    def __str__(self) -> str:
        """The item's `metadata.notArticle`: "<reason code>: <detail>"."""
        return f"{self.reason}: {self.detail}"


def rejection_reason(not_article: str | None) -> NotArticleReason | None:
    """The reason code of an item's `metadata.notArticle` ("listing_page: ..."), None for
    an article or a text that names no known code."""
    if not not_article:
        return None
    try:
        return NotArticleReason(not_article.split(":", 1)[0].strip())
    except ValueError:
        return None


class DateSource(StrEnum):
    """Where a date candidate came from. `metadata.sources.datePublished` writes it, with
    the meta key for META ("meta:article:published_time")."""

    JSONLD = "jsonld"  # the article's JSON-LD object
    META = "meta"  # a <meta> tag
    URL = "url"  # the page's URL path
    SITEMAP = "sitemap"  # a news sitemap or feed entry that pointed at the page
    TIME = "time"  # a <time>, pubdate, data-date or microformat element
    ITEMPROP = "itemprop"  # a microdata itemprop element (datePublished...)
    BYLINE = "byline"  # a date near the headline or in a byline-like element
    TEXT = "text"  # a date in running text
    HTMLDATE = "htmldate"  # htmldate's second opinion
    LAST_MODIFIED = "last_modified"  # the page states only when it last changed


class DateKind(StrEnum):
    """Which date a candidate states."""

    PUBLISHED = "published"
    MODIFIED = "modified"
    EITHER = "either"  # the source does not say ("date", a bare <time>)
